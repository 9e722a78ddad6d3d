"use client";

import type { ExportRunView } from "@zones/api";
import { useTranslations } from "next-intl";

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
import { RunDeliveries } from "./run-deliveries";

/** One export run: what it exports and how far it got, with download, cancel or re-run. */
export function RunRow({
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
      <td>
        <RunDeliveries run={run} />
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
