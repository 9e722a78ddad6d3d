import { safeReturnPath } from "@zones/domain";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { LoginForm } from "~/components/account/login-form";
import { getCurrentUser } from "~/server/auth";
import { loadLoginParams } from "~/url-state/account";
import type { SearchParams } from "~/url-state/params";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("login");
  return { title: t("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // Only this app's own paths: a `next` that leads elsewhere (an open redirect) becomes the start page.
  const returnTo = safeReturnPath((await loadLoginParams(searchParams)).next);
  if (await getCurrentUser()) redirect(returnTo);
  const t = await getTranslations("login");
  return (
    <section className="login">
      <h1>{t("title")}</h1>
      <p className="hint">{t("intro")}</p>
      <LoginForm returnTo={returnTo} />
    </section>
  );
}
