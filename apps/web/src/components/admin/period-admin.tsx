"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { addQuarters, type QuarterString } from "@zones/domain";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { useHydrated } from "~/components/hooks/use-hydrated";
import { Notice, Notices } from "~/components/ui/notices";
import { PagedTable } from "~/components/ui/paged-table";
import { useTRPC } from "~/trpc/react";
import { PeriodCreate, useNewPeriod } from "./period-create";
import { PERIOD_COLUMNS, PeriodRow } from "./period-row";
import { usePeriodChange } from "./use-period-change";

const pageHref = (target: number) => (target > 1 ? `/admin/periods?page=${target}` : "/admin/periods");

/** Admins open and close reporting quarters and set their deadlines, each change confirmed first. */
export function PeriodAdmin({
  page,
  notice,
  lastFinished,
}: {
  page: number;
  notice: string | null;
  lastFinished: QuarterString;
}) {
  const t = useTranslations("review.periods");
  const tReview = useTranslations("review");
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.period.list.queryOptions({ page }));
  const { data: first } = useSuspenseQuery(trpc.period.list.queryOptions({ page: 1 }));
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const hydrated = useHydrated();
  const [editing, setEditing] = useState<QuarterString | null>(null);

  // The form for a new quarter offers the four quarters after the newest one listed.
  const next = useNewPeriod((first.rows[0]?.quarter as QuarterString | undefined) ?? lastFinished);
  const changes = usePeriodChange({
    onSaved(change) {
      setEditing(null);
      if (change?.kind === "create") next.choose(addQuarters(change.quarter, 1));
    },
  });
  const locked = !hydrated || changes.busy;

  return (
    <div className="period-admin">
      <h1>{t("title")}</h1>
      <p className="hint">{t("intro")}</p>
      {notice && <Notice testId="periods-notice">{notice}</Notice>}
      <Notices
        error={changes.error}
        success={changes.done}
        errorTestId="periods-error"
        successTestId="periods-done"
      />

      <PagedTable
        className="period-table"
        testId="period-table"
        caption={t("caption", { total: data.total, page: data.page, pages })}
        head={
          <>
            <th scope="col">{t("quarter")}</th>
            <th scope="col">{t("status")}</th>
            <th scope="col">{t("deadline")}</th>
            <th scope="col" className="numeric">
              {t("submitted")}
            </th>
            <th scope="col" className="numeric">
              {t("approved")}
            </th>
            <th scope="col">{t("actions")}</th>
          </>
        }
        columns={PERIOD_COLUMNS}
        empty={
          data.rows.length === 0 ? (
            <>
              {t("empty")} {data.total > 0 && <Link href="/admin/periods">{t("firstPage")}</Link>}
            </>
          ) : null
        }
        pager={{
          page: data.page,
          pages,
          label: t("pagination"),
          testId: "periods-pagination",
          href: pageHref,
        }}
      >
        {data.rows.map((row) => (
          <PeriodRow
            key={row.quarter}
            row={row}
            editing={editing === row.quarter}
            locked={locked}
            changes={changes}
            onEdit={(open) => setEditing(open ? (row.quarter as QuarterString) : null)}
          />
        ))}
      </PagedTable>

      <PeriodCreate next={next} changes={changes} hydrated={hydrated} locked={locked} />
      <p className="hint">{tReview("periodStatusHint")}</p>
    </div>
  );
}
