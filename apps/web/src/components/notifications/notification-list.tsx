"use client";

import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { type Locale, type NotificationEvent, renderEvent } from "@zones/domain";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";

import { useDateTime } from "~/components/hooks/use-date-time";
import { useHydrated } from "~/components/hooks/use-hydrated";
import { Pager } from "~/components/ui/pager";
import { useTRPC } from "~/trpc/react";

import { useNotificationRefresh } from "./use-notification-refresh";

const pageHref = (page: number) => (page > 1 ? `/notifications?page=${page}` : "/notifications");

/** The user's notifications newest first, each in the page's language, linking to the zone's page. */
export function NotificationList({ page }: { page: number }) {
  const t = useTranslations("notifications");
  const locale = useLocale() as Locale;
  const trpc = useTRPC();
  const dateTime = useDateTime();
  const refresh = useNotificationRefresh();
  const hydrated = useHydrated();
  const { data } = useSuspenseQuery(trpc.notifications.list.queryOptions({ page }));
  const markRead = useMutation(trpc.notifications.markRead.mutationOptions({ onSuccess: refresh }));
  const markAll = useMutation(trpc.notifications.markAllRead.mutationOptions({ onSuccess: refresh }));
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  return (
    <section className="notifications">
      <div className="notifications-head">
        <h1>{t("title")}</h1>
        <p className="hint" data-testid="notifications-summary">
          {t("summary", { total: data.total, unread: data.unread })}
        </p>
        <div className="notifications-actions">
          <button
            type="button"
            disabled={!hydrated || data.unread === 0 || markAll.isPending}
            onClick={() => markAll.mutate()}
            data-testid="notifications-mark-all"
          >
            {t("markAllRead")}
          </button>
          <Link href="/account/notifications">{t("settingsLink")}</Link>
        </div>
      </div>
      {data.items.length === 0 ? (
        <p className="hint" data-testid="notifications-empty">
          {data.total > 0 ? t("pageEmpty") : t("empty")}
        </p>
      ) : (
        <ul className="notification-items" data-testid="notification-items">
          {data.items.map((item) => {
            const rendered = renderEvent(
              { kind: item.kind, payload: item.payload } as NotificationEvent,
              locale,
            );
            const unread = item.readAt === null;
            return (
              <li
                key={item.id}
                className={unread ? "notification-item unread" : "notification-item"}
                data-testid="notification-item"
                data-unread={unread}
              >
                <span className="notification-kind">{t(`kinds.${item.kind}`)}</span>
                <Link
                  href={rendered.path}
                  onClick={() => {
                    if (unread) markRead.mutate({ ids: [item.id] });
                  }}
                >
                  {rendered.line}
                </Link>
                <span className="notification-time">{dateTime(item.createdAt)}</span>
                {unread && (
                  <button
                    type="button"
                    className="link-button"
                    disabled={!hydrated || markRead.isPending}
                    onClick={() => markRead.mutate({ ids: [item.id] })}
                  >
                    {t("markRead")}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <Pager
        page={data.page}
        pages={pages}
        label={t("pagination")}
        testId="notifications-pagination"
        href={pageHref}
      />
    </section>
  );
}
