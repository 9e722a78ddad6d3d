import { getTranslations } from "next-intl/server";

import { NotificationPreferencesForm } from "~/components/notifications/notification-preferences";
import { requireUser } from "~/server/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("notifications.settings"))("title") };
}

/** A user's choice of notification mail: language, at once or a daily digest, which kinds. */
export default async function NotificationSettingsPage() {
  await requireUser("/account/notifications");
  const t = await getTranslations("notifications.settings");
  await prefetch(trpc.notifications.preferences.get.queryOptions());
  return (
    <section className="login">
      <h1>{t("title")}</h1>
      <p className="hint">{t("intro")}</p>
      <HydrateClient>
        <NotificationPreferencesForm />
      </HydrateClient>
    </section>
  );
}
