import { accountHold } from "@zones/api";
import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import type { ReactNode } from "react";

import { CatalogueProvider } from "~/components/catalogue/catalogue-context";
import { HeaderMenu } from "~/components/layout/header-menu";
import { LocaleSwitcher } from "~/components/layout/locale-switcher";
import { SiteNav } from "~/components/layout/site-nav";
import { NotificationBell } from "~/components/notifications/notification-bell";
import { getCurrentUser } from "~/server/auth";
import { getCatalogue } from "~/server/catalogue";
import { TRPCReactProvider } from "~/trpc/react";
import "@zones/charts/charts.css";
import "./globals.css";
import "~/components/targets/targets.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("title"), template: `%s · ${t("title")}` }, description: t("subtitle") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t, user] = await Promise.all([getLocale(), getTranslations("app"), getCurrentUser()]);
  // Signed-in pages name zones and indicators from the database's catalogue; the login page needs none.
  const catalogue = user ? await getCatalogue() : { version: 0, zones: [], indicators: [] };
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">
          {t("skipToContent")}
        </a>
        <NextIntlClientProvider>
          {/* The header is inside the query provider: its bell reads the unread count. */}
          <TRPCReactProvider>
            <CatalogueProvider catalogue={catalogue}>
              <header className="site-header">
                <div className="brand">
                  <span className="brand-title">{t("title")}</span>
                  <span className="brand-subtitle">{t("subtitle")}</span>
                </div>
                <LocaleSwitcher locale={locale} label={t("language")} switchTo={t("switchTo")} />
                {/* Outside the menu, so a phone shows it too; an account on hold has no notifications until in order. */}
                {user && accountHold(user) === null && <NotificationBell />}
                {user && (
                  <HeaderMenu label={t("menu")}>
                    <SiteNav user={user} catalogue={catalogue.zones} />
                  </HeaderMenu>
                )}
              </header>
              <NuqsAdapter>
                <main id="main">{children}</main>
              </NuqsAdapter>
            </CatalogueProvider>
          </TRPCReactProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
