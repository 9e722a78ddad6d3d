"use client";

import type { ExportScheduleView } from "@zones/api";
import type { Locale } from "@zones/domain";
import { describeTrigger } from "@zones/exports/schedules";
import { useLocale, useTranslations } from "next-intl";

import { useDateTime } from "~/components/hooks/use-date-time";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import type { ScheduleActions } from "./use-schedule-actions";

/** Enabled, paused, or stopped by the system (with its reason, which the owner must act on). */
function ScheduleState({ schedule }: { schedule: ExportScheduleView }) {
  const t = useTranslations("exports.schedules.state");
  if (schedule.invalidReason) {
    return (
      <strong className="export-stopped" data-state="invalid">
        <span aria-hidden="true">⚠ </span>
        {t("invalid", { reason: schedule.invalidReason })}
      </strong>
    );
  }
  if (schedule.stoppedReason) {
    return (
      <strong className="export-stopped" data-state="stopped">
        <span aria-hidden="true">⚠ </span>
        {t("stopped", { reason: schedule.stoppedReason })}
      </strong>
    );
  }
  return schedule.enabled ? (
    <span className="export-status export-status-succeeded" data-state="enabled">
      {t("enabled")}
    </span>
  ) : (
    <span className="export-status export-status-cancelled" data-state="paused">
      {t("paused")}
    </span>
  );
}

/** One schedule: when it runs, how its last run went, its actions, and below it the question before deleting. */
export function ScheduleRow({
  schedule,
  columns,
  showOwner,
  busy,
  hydrated,
  editing,
  actions,
  onEdit,
}: {
  schedule: ExportScheduleView;
  columns: number;
  showOwner: boolean;
  busy: boolean;
  hydrated: boolean;
  editing: boolean;
  actions: ScheduleActions;
  onEdit(): void;
}) {
  const t = useTranslations("exports.schedules");
  const tRuns = useTranslations("exports.runs.status");
  const locale = useLocale() as Locale;
  const dateTime = useDateTime();
  const definition = schedule.definition;
  const which = <span className="visually-hidden"> {schedule.name}</span>;
  return (
    <>
      <tr
        data-testid="schedule-row"
        data-schedule-id={schedule.id}
        data-name={schedule.name}
        data-enabled={schedule.enabled}
      >
        <th scope="row">{schedule.name}</th>
        {showOwner && <td>{schedule.ownerName ?? "—"}</td>}
        <td data-testid="schedule-trigger">
          {definition ? describeTrigger(definition.trigger, definition.timezone, locale) : "—"}
        </td>
        <td
          data-testid="schedule-next-run"
          data-next-run={schedule.nextDueAt ? new Date(schedule.nextDueAt).toISOString() : undefined}
        >
          {schedule.nextDueAt
            ? dateTime(schedule.nextDueAt)
            : definition?.trigger.kind === "all-approved" && schedule.enabled
              ? t("nextRunEvent")
              : t("nextRunNone")}
        </td>
        <td>
          <ScheduleState schedule={schedule} />
        </td>
        <td data-testid="schedule-last-run">
          {schedule.lastRun
            ? `${tRuns(schedule.lastRun.status as "queued")} · ${dateTime(schedule.lastRun.createdAt)}`
            : t("lastRunNone")}
        </td>
        <td>
          <div className="export-row-actions">
            <button
              type="button"
              className="export-button"
              disabled={busy || !definition}
              onClick={() => actions.runNow(schedule.id)}
              data-testid="schedule-run-now"
            >
              {t("runNow")}
              {which}
            </button>
            <button
              type="button"
              className="export-button"
              disabled={busy}
              onClick={() => actions.toggle(schedule)}
              data-testid="schedule-toggle"
            >
              {schedule.enabled ? t("pause") : t("enable")}
              {which}
            </button>
            <button
              type="button"
              className="export-button"
              disabled={!hydrated}
              aria-expanded={editing}
              onClick={onEdit}
              data-testid="schedule-edit"
            >
              {t("edit")}
              {which}
            </button>
            <button
              type="button"
              className="export-button"
              disabled={busy}
              onClick={() => actions.askDelete(schedule.id)}
              data-testid="schedule-delete"
            >
              {t("delete")}
              {which}
            </button>
          </div>
        </td>
      </tr>
      {actions.confirming === schedule.id && (
        <tr>
          <td colSpan={columns}>
            <ConfirmDialog
              title={t("confirmDelete", { name: schedule.name })}
              confirmLabel={t("confirmDeleteButton")}
              cancelLabel={t("keep")}
              busy={actions.removing}
              danger
              testId="schedule-confirm"
              onConfirm={() => actions.remove(schedule.id)}
              onCancel={actions.cancelDelete}
            />
          </td>
        </tr>
      )}
    </>
  );
}
