"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";

import { useTRPC } from "~/trpc/react";

/** Modest polling: a minute, and whenever the tab comes back into focus. */
const REFRESH_MS = 60_000;

/** The header's bell: the unread count, opening the list. */
export function NotificationBell() {
  const t = useTranslations("notifications");
  const trpc = useTRPC();
  const { data } = useQuery({
    ...trpc.notifications.unreadCount.queryOptions(),
    refetchInterval: REFRESH_MS,
    refetchOnWindowFocus: true,
  });
  const unread = data?.unread ?? 0;
  return (
    <Link href="/notifications" className="notification-bell" data-testid="notification-bell">
      {/* The name is the hidden text (the badge alone would say only a number). */}
      <span className="visually-hidden" data-testid="notification-bell-name">
        {t("bell.label", { count: unread })}
      </span>
      <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="currentColor">
        <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
      </svg>
      {unread > 0 && (
        <span className="notification-count" data-testid="notification-count" aria-hidden="true">
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}
