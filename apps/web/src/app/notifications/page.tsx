import { getTranslations } from "next-intl/server";

import { NotificationList } from "~/components/notifications/notification-list";
import { requireUser } from "~/server/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { loadNotificationsParams } from "~/url-state/notifications";
import type { SearchParams } from "~/url-state/params";
import "./notifications.css";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("notifications"))("title") };
}

/** Every signed-in user's own notifications (page in `?page=`). */
export default async function NotificationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireUser("/notifications");
  const { page } = loadNotificationsParams(await searchParams);
  await prefetch(trpc.notifications.list.queryOptions({ page }));
  return (
    <HydrateClient>
      <NotificationList page={page} />
    </HydrateClient>
  );
}
