"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";

import { useDateTime } from "~/components/hooks/use-date-time";
import { PagedTable } from "~/components/ui/paged-table";
import { useTRPC } from "~/trpc/react";

const pageHref = (page: number) => (page > 1 ? `/admin/outbox?page=${page}` : "/admin/outbox");

/** Every outgoing message, newest first: subject (opening the message), recipient, status, time. */
export function OutboxList({ page }: { page: number }) {
  const t = useTranslations("outbox");
  const trpc = useTRPC();
  const dateTime = useDateTime();
  const { data } = useSuspenseQuery(trpc.outbox.list.queryOptions({ page }));
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  return (
    <div className="outbox">
      <h1>{t("title")}</h1>
      <p className="hint">{t("intro")}</p>
      <PagedTable
        className="outbox-table"
        testId="outbox-table"
        caption={t("caption", { total: data.total, page: data.page, pages })}
        head={
          <>
            <th scope="col">{t("columns.subject")}</th>
            <th scope="col">{t("columns.to")}</th>
            <th scope="col">{t("columns.status")}</th>
            <th scope="col">{t("columns.createdAt")}</th>
          </>
        }
        columns={4}
        empty={
          data.items.length > 0 ? null : data.total > 0 ? (
            <>
              {t("pageEmpty")} <Link href={pageHref(1)}>{t("firstPage")}</Link>
            </>
          ) : (
            t("empty")
          )
        }
        pager={{
          page: data.page,
          pages,
          label: t("pagination"),
          testId: "outbox-pagination",
          href: pageHref,
        }}
      >
        {data.items.map((item) => (
          <tr key={item.id} data-testid="outbox-row">
            <td>
              <Link href={`/admin/outbox/${item.id}`}>{item.subject}</Link>
            </td>
            <td className="outbox-address">{item.toAddress}</td>
            <td>{t(`status.${item.status}`)}</td>
            <td>{dateTime(item.createdAt)}</td>
          </tr>
        ))}
      </PagedTable>
    </div>
  );
}
