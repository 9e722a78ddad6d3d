import { getTranslations } from "next-intl/server";

import { ChangePasswordForm } from "~/components/account/change-password-form";
import { CHANGE_PASSWORD_PAGE, requireUser } from "~/server/auth";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("account"))("title") };
}

export default async function ChangePasswordPage() {
  const user = await requireUser(CHANGE_PASSWORD_PAGE);
  const t = await getTranslations("account");
  return (
    <section className="login">
      <h1>{t("title")}</h1>
      {user.mustChangePassword && (
        <p className="notice" role="status" data-testid="must-change-password">
          {t("mustChange")}
        </p>
      )}
      <ChangePasswordForm />
    </section>
  );
}
