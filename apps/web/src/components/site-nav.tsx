import type { SessionUser } from "@zones/auth";
import { findZone, type Locale, localized } from "@zones/domain";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";

import { SignOutButton } from "./sign-out-button";

/** What each role may open; the pages check again on the server. */
const LINKS = [
  { href: "/", key: "overview", roles: ["admin", "reviewer", "official", "viewer"] },
  { href: "/compare", key: "compare", roles: ["admin", "reviewer", "official", "viewer"] },
  { href: "/entry", key: "entry", roles: ["admin", "official"] },
  { href: "/review", key: "review", roles: ["admin", "reviewer"] },
  { href: "/completeness", key: "completeness", roles: ["admin", "reviewer", "official"] },
  { href: "/entry/import", key: "imports", roles: ["admin", "official"] },
  { href: "/exports", key: "exports", roles: ["admin", "reviewer", "official", "viewer"] },
  { href: "/admin/periods", key: "periods", roles: ["admin"] },
  { href: "/admin/users", key: "users", roles: ["admin"] },
  { href: "/admin/security", key: "security", roles: ["admin"] },
  { href: "/account/password", key: "password", roles: ["admin", "reviewer", "official", "viewer"] },
  { href: "/account/two-factor", key: "twoFactor", roles: ["admin", "reviewer", "official", "viewer"] },
] as const;

export function SiteNav({ user }: { user: SessionUser }) {
  const t = useTranslations("app");
  const locale = useLocale() as Locale;
  const zones = user.zoneCodes
    .map((code) => findZone(code))
    .filter((zone) => zone !== undefined)
    .map((zone) => localized(zone.name, locale));
  return (
    <>
      <nav aria-label={t("nav.label")} className="site-nav" data-testid="site-nav">
        {LINKS.filter((link) => (link.roles as readonly string[]).includes(user.role)).map((link) => (
          <Link key={link.href} href={link.href}>
            {t(`nav.${link.key}`)}
          </Link>
        ))}
      </nav>
      <div className="user-box" data-testid="user-box">
        <span className="user-name">{user.name}</span>
        <span className="user-role" data-testid="user-role">
          {t(`roles.${user.role}`)}
          {zones.length > 0 && ` · ${zones.join("、")}`}
        </span>
        <SignOutButton label={t("signOut")} />
      </div>
    </>
  );
}
