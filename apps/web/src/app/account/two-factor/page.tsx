import { getTranslations } from "next-intl/server";

import { TwoFactorSettings } from "~/components/account/two-factor-settings";
import { requireUser, TWO_FACTOR_PAGE } from "~/server/auth";
import { loadTwoFactorParams } from "~/url-state/account";
import type { SearchParams } from "~/url-state/params";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("twoFactor"))("title") };
}

/** Every user may turn two-factor sign-in on or off; admins may require it of a role (then here first). */
export default async function TwoFactorPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser(TWO_FACTOR_PAGE);
  const justEnabled = user.twoFactorEnabled && (await loadTwoFactorParams(searchParams)).enabled !== null;
  const t = await getTranslations("twoFactor");
  return (
    <section className="login">
      <h1>{t("title")}</h1>
      <p className="hint">{t("intro")}</p>
      {user.twoFactorRequired && (
        <p className="notice" role="status" data-testid="two-factor-required">
          {t("required")}
        </p>
      )}
      <p className={justEnabled ? "notice" : undefined} role="status" data-testid="two-factor-status">
        {user.twoFactorEnabled ? (justEnabled ? t("done") : t("on")) : t("off")}
      </p>
      <TwoFactorSettings enabled={user.twoFactorEnabled} />
    </section>
  );
}
