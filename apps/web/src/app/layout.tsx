import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

import { LocaleSwitcher } from "~/components/locale-switcher";
import { TRPCReactProvider } from "~/trpc/react";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("title"), template: `%s · ${t("title")}` }, description: t("subtitle") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("app");
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">
          {t("skipToContent")}
        </a>
        <NextIntlClientProvider>
          <header className="site-header">
            <div className="brand">
              <span className="brand-title">{t("title")}</span>
              <span className="brand-subtitle">{t("subtitle")}</span>
            </div>
            <nav aria-label={t("nav.overview")}>
              <a href="/">{t("nav.overview")}</a>
            </nav>
            <LocaleSwitcher locale={locale} label={t("language")} switchTo={t("switchTo")} />
          </header>
          <TRPCReactProvider>
            <main id="main">{children}</main>
          </TRPCReactProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
