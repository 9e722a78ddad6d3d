import type { SessionUser } from "@zones/auth";
import {
  canAdminister,
  canEnterData,
  canManageTargets,
  canReview,
  followsAnyZone,
  type Locale,
  localized,
  type Zone,
} from "@zones/domain";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";

import { SignOutButton } from "~/components/account/sign-out-button";

const everyone = () => true;

/** What each user may open, as the access policy says; the pages check again on the server. */
const LINKS = [
  { href: "/", key: "overview", visible: everyone },
  { href: "/compare", key: "compare", visible: everyone },
  { href: "/entry", key: "entry", visible: canEnterData },
  { href: "/review", key: "review", visible: canReview },
  { href: "/completeness", key: "completeness", visible: followsAnyZone },
  { href: "/evaluation", key: "evaluation", visible: everyone },
  { href: "/entry/import", key: "imports", visible: canEnterData },
  { href: "/exports", key: "exports", visible: everyone },
  { href: "/admin/periods", key: "periods", visible: canAdminister },
  { href: "/admin/targets", key: "targets", visible: canManageTargets },
  { href: "/admin/users", key: "users", visible: canAdminister },
  { href: "/admin/security", key: "security", visible: canAdminister },
  { href: "/admin/outbox", key: "outbox", visible: canAdminister },
  { href: "/admin/delivery", key: "delivery", visible: canAdminister },
  { href: "/admin/catalogue", key: "catalogue", visible: canAdminister },
  { href: "/account/notifications", key: "notificationSettings", visible: everyone },
  { href: "/account/password", key: "password", visible: everyone },
  { href: "/account/two-factor", key: "twoFactor", visible: everyone },
] as const;

/** `catalogue`: the database's zones, which name the official's own. */
export function SiteNav({ user, catalogue }: { user: SessionUser; catalogue: readonly Zone[] }) {
  const t = useTranslations("app");
  const locale = useLocale() as Locale;
  const zones = user.zoneCodes
    .map((code) => catalogue.find((zone) => zone.code === code))
    .filter((zone) => zone !== undefined)
    .map((zone) => localized(zone.name, locale));
  return (
    <>
      <nav aria-label={t("nav.label")} className="site-nav" data-testid="site-nav">
        {LINKS.filter((link) => link.visible(user)).map((link) => (
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
