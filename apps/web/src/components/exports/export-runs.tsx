"use client";

import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";

import { useDateTime } from "~/components/hooks/use-date-time";
import { useHydrated } from "~/components/hooks/use-hydrated";
import { NoticeRegion } from "~/components/ui/notices";
import { PagedTable } from "~/components/ui/paged-table";
import { useTRPC } from "~/trpc/react";
import { useRunCache } from "./run-cache";
import { isActive } from "./run-cells";
import { RunRow } from "./run-row";
import { ServerAlert } from "./server-alert";

/** How often the list is fetched again while one of its runs is queued or running. */
const POLL_MS = 1000;

/** The page's URL with another runs page; the rest of the query (the form's pre-fill) is kept. */
function usePageHref() {
  const searchParams = useSearchParams();
  return (page: number) => {
    const params = new URLSearchParams(searchParams.toString());
    if (page > 1) params.set("page", String(page));
    else params.delete("page");
    const query = params.toString();
    return query ? `/exports?${query}` : "/exports";
  };
}

/** The user's export runs (an admin's: everyone's), newest first, with live progress while any is active. */
export function ExportRuns({ page }: { page: number }) {
  const t = useTranslations("exports.runs");
  const trpc = useTRPC();
  const headingId = useId();
  const hydrated = useHydrated();
  const pageHref = usePageHref();
  const dateTime = useDateTime();
  const runs = useRunCache();
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  const { data } = useSuspenseQuery(
    trpc.exports.runs.list.queryOptions(
      { page },
      {
        // Polled only while something on this page can still change.
        refetchInterval: (query) => (query.state.data?.items.some(isActive) ? POLL_MS : false),
      },
    ),
  );
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));

  const cancel = useMutation(
    trpc.exports.runs.cancel.mutationOptions({
      onSuccess: async (run) => {
        setFailure(null);
        setDone(run.status === "cancelled" ? t("cancelled") : null);
        await runs.showChanged(run);
      },
      onError: (error) => setFailure(error),
    }),
  );
  const rerun = useMutation(
    trpc.exports.runs.rerun.mutationOptions({
      onSuccess: async (run) => {
        setFailure(null);
        setDone(t("rerunStarted"));
        await runs.showNew(run);
      },
      onError: (error) => setFailure(error),
    }),
  );
  const busy = !hydrated || cancel.isPending || rerun.isPending;

  return (
    <section aria-labelledby={headingId} className="export-section" data-testid="export-runs">
      <h2 id={headingId}>{t("heading")}</h2>
      <p className="hint">{t("intro")}</p>
      <ServerAlert error={failure} testId="runs-error" />
      <NoticeRegion tone="success" inline>
        {done}
      </NoticeRegion>
      <PagedTable
        className="export-runs-table"
        testId="runs-table"
        caption={t("caption", { total: data.total, page: data.page, pages })}
        head={
          <>
            <th scope="col">{t("columns.createdAt")}</th>
            <th scope="col">{t("columns.source")}</th>
            <th scope="col">{t("columns.scope")}</th>
            <th scope="col">{t("columns.format")}</th>
            <th scope="col">{t("columns.status")}</th>
            <th scope="col">{t("columns.deliveries")}</th>
            <th scope="col">{t("columns.progress")}</th>
            <th scope="col" className="numeric">
              {t("columns.size")}
            </th>
            <th scope="col" className="numeric">
              {t("columns.duration")}
            </th>
            <th scope="col">{t("columns.checksum")}</th>
            <th scope="col">{t("columns.error")}</th>
            <th scope="col">{t("columns.actions")}</th>
          </>
        }
        columns={12}
        empty={
          data.items.length > 0 ? null : data.total > 0 ? (
            <>
              {t("pageEmpty")} <Link href={pageHref(1)}>{t("firstPage")}</Link>
            </>
          ) : (
            t("empty")
          )
        }
        pager={{ page: data.page, pages, label: t("pagination"), testId: "runs-pagination", href: pageHref }}
      >
        {data.items.map((run) => (
          <RunRow
            key={run.id}
            run={run}
            createdAt={dateTime(run.createdAt)}
            busy={busy}
            onCancel={() => cancel.mutate({ id: run.id })}
            onRerun={() => rerun.mutate({ id: run.id })}
          />
        ))}
      </PagedTable>
    </section>
  );
}
