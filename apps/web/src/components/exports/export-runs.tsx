"use client";

import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import type { ExportRunView } from "@zones/api";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";

import { useDateTime } from "~/components/hooks/use-date-time";
import { useHydrated } from "~/components/hooks/use-hydrated";
import { useTRPC } from "~/trpc/react";
import { useRunCache } from "./run-cache";
import {
  isActive,
  RunChecksum,
  RunDuration,
  RunProgress,
  RunScope,
  RunSize,
  RunSource,
  RunStatus,
} from "./run-cells";
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
      <div role="status">{done && <p className="form-success">{done}</p>}</div>
      <div className="export-table-scroll">
        <table className="data-table export-runs-table" data-testid="runs-table">
          <caption>{t("caption", { total: data.total, page: data.page, pages })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("columns.createdAt")}</th>
              <th scope="col">{t("columns.source")}</th>
              <th scope="col">{t("columns.scope")}</th>
              <th scope="col">{t("columns.format")}</th>
              <th scope="col">{t("columns.status")}</th>
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
            </tr>
          </thead>
          <tbody>
            {data.items.length === 0 && (
              <tr>
                <td colSpan={11} className="export-empty">
                  {data.total > 0 ? (
                    <>
                      {t("pageEmpty")} <Link href={pageHref(1)}>{t("firstPage")}</Link>
                    </>
                  ) : (
                    t("empty")
                  )}
                </td>
              </tr>
            )}
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
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav className="export-pagination" aria-label={t("pagination")} data-testid="runs-pagination">
          {data.page > 1 ? (
            <Link href={pageHref(Math.min(data.page - 1, pages))} rel="prev">
              {t("previous")}
            </Link>
          ) : (
            <span aria-disabled="true">{t("previous")}</span>
          )}
          <span>{t("pageOf", { page: data.page, pages })}</span>
          {data.page < pages ? (
            <Link href={pageHref(data.page + 1)} rel="next">
              {t("next")}
            </Link>
          ) : (
            <span aria-disabled="true">{t("next")}</span>
          )}
        </nav>
      )}
    </section>
  );
}

function RunRow({
  run,
  createdAt,
  busy,
  onCancel,
  onRerun,
}: {
  run: ExportRunView;
  createdAt: string;
  busy: boolean;
  onCancel: () => void;
  onRerun: () => void;
}) {
  const t = useTranslations("exports.runs");
  // Screen readers hear which run a button acts on.
  const which = <span className="visually-hidden">{t("rowLabel", { time: createdAt })}</span>;
  return (
    <tr
      data-testid="export-run"
      data-run-id={run.id}
      data-status={run.status}
      data-schedule-id={run.scheduleId ?? undefined}
      data-zones={run.filters.zoneCodes.join(",")}
      data-indicators={run.filters.indicatorCodes.join(",")}
      data-from={run.filters.from}
      data-to={run.filters.to}
    >
      <td className="export-nowrap">{createdAt}</td>
      <td>
        <RunSource run={run} />
      </td>
      <td>
        <RunScope run={run} />
      </td>
      <td>{run.format.toUpperCase()}</td>
      <td>
        <RunStatus run={run} />
      </td>
      <td className="export-nowrap" data-testid="run-progress">
        <RunProgress run={run} />
      </td>
      <td className="numeric">
        <RunSize bytes={run.byteSize} />
      </td>
      <td className="numeric">
        <RunDuration ms={run.durationMs} />
      </td>
      <td>
        <RunChecksum checksum={run.checksum} />
      </td>
      <td className="export-error-cell" data-testid="run-error">
        {run.error}
      </td>
      <td>
        <div className="export-row-actions">
          {run.downloadable && (
            <a
              href={`/api/exports/runs/${run.id}`}
              download={run.fileName ?? true}
              data-testid="run-download"
            >
              {t("download")}
              {which}
            </a>
          )}
          {run.status === "succeeded" && !run.downloadable && <span className="hint">{t("pruned")}</span>}
          {isActive(run) && (
            <button
              type="button"
              className="export-button"
              onClick={onCancel}
              disabled={busy || run.cancelRequested}
              data-testid="run-cancel"
            >
              {run.cancelRequested ? t("cancelRequested") : t("cancel")}
              {which}
            </button>
          )}
          {!isActive(run) && (
            <button
              type="button"
              className="export-button"
              onClick={onRerun}
              disabled={busy}
              data-testid="run-rerun"
            >
              {t("rerun")}
              {which}
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}
