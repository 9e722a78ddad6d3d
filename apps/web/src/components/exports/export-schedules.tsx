"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import type { ExportScheduleView } from "@zones/api";
import type { Locale } from "@zones/domain";
import { describeTrigger } from "@zones/exports/schedules";
import { useLocale, useTranslations } from "next-intl";
import { Fragment, useEffect, useId, useRef, useState, useTransition } from "react";

import { useDateTime } from "~/components/hooks/use-date-time";
import { useHydrated } from "~/components/hooks/use-hydrated";
import { useTRPC } from "~/trpc/react";
import { useRunCache } from "./run-cache";
import { ScheduleForm } from "./schedule-form";
import type { ScheduleFormValues } from "./schedule-values";
import { ServerAlert } from "./server-alert";

/** While a schedule's last run is still going, its "last run" cell is refreshed this often. */
const POLL_MS = 2000;

function ConfirmDelete({
  name,
  busy,
  onConfirm,
  onCancel,
}: {
  name: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations("exports.schedules");
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    confirmRef.current?.focus();
  }, []);
  return (
    <fieldset className="export-confirm" data-testid="schedule-confirm">
      <legend>{t("confirmDelete", { name })}</legend>
      <div className="export-row-actions">
        <button
          ref={confirmRef}
          type="button"
          className="export-button export-button-danger"
          onClick={onConfirm}
          disabled={busy}
        >
          {t("confirmDeleteButton")}
        </button>
        <button type="button" className="export-button" onClick={onCancel} disabled={busy}>
          {t("keep")}
        </button>
      </div>
    </fieldset>
  );
}

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

/** Reviewers' and admins' recurring exports: the list, its actions, and the create/edit form. */
export function ExportSchedules({
  isAdmin,
  newValues,
  quarters,
}: {
  isAdmin: boolean;
  newValues: ScheduleFormValues;
  quarters: readonly { value: string; label: string }[];
}) {
  const t = useTranslations("exports.schedules");
  const tRuns = useTranslations("exports.runs.status");
  const locale = useLocale() as Locale;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const runs = useRunCache();
  const ids = useId();
  const hydrated = useHydrated();
  const dateTime = useDateTime();
  const [page, setPage] = useState(1);
  // Another page suspends while it loads: the transition keeps this one on screen meanwhile.
  const [, startTransition] = useTransition();
  const goTo = (next: number) => startTransition(() => setPage(next));
  const [form, setForm] = useState<{ editing: ExportScheduleView | null } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  const { data } = useSuspenseQuery(
    trpc.exports.schedules.list.queryOptions(
      { page },
      {
        refetchInterval: (query) =>
          query.state.data?.items.some(
            (item) => item.lastRun?.status === "queued" || item.lastRun?.status === "running",
          )
            ? POLL_MS
            : false,
      },
    ),
  );
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.exports.schedules.pathKey() });

  function succeeded(message: string) {
    setFailure(null);
    setDone(message);
  }
  const runNow = useMutation(
    trpc.exports.schedules.runNow.mutationOptions({
      onSuccess: async (run) => {
        succeeded(t("runStarted", { name: run.scheduleName ?? "" }));
        await runs.showNew(run);
      },
      onError: setFailure,
    }),
  );
  const setEnabled = useMutation(
    trpc.exports.schedules.setEnabled.mutationOptions({
      onSuccess: async (schedule) => {
        succeeded(t(schedule.enabled ? "enabled" : "paused", { name: schedule.name }));
        await refresh();
      },
      onError: setFailure,
    }),
  );
  const remove = useMutation(
    trpc.exports.schedules.remove.mutationOptions({
      onSuccess: async (_, input) => {
        const name = data.items.find((item) => item.id === input.id)?.name ?? "";
        setConfirming(null);
        succeeded(t("deleted", { name }));
        await runs.refresh();
      },
      onError: setFailure,
    }),
  );
  const busy = !hydrated || runNow.isPending || setEnabled.isPending || remove.isPending;

  async function saved(name: string) {
    setForm(null);
    succeeded(t("saved", { name }));
    await refresh();
  }

  return (
    <section aria-labelledby={`${ids}-heading`} className="export-section" data-testid="export-schedules">
      <h2 id={`${ids}-heading`}>{t("heading")}</h2>
      <p className="hint">{t("intro")}</p>
      <ServerAlert error={failure} testId="schedules-error" />
      <div role="status" data-testid="schedules-done">
        {done && <p className="form-success">{done}</p>}
      </div>
      <div className="export-table-scroll">
        <table className="data-table" data-testid="schedules-table">
          <caption>{t("caption", { total: data.total })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("columns.name")}</th>
              {isAdmin && <th scope="col">{t("columns.owner")}</th>}
              <th scope="col">{t("columns.trigger")}</th>
              <th scope="col">{t("columns.nextRun")}</th>
              <th scope="col">{t("columns.state")}</th>
              <th scope="col">{t("columns.lastRun")}</th>
              <th scope="col">{t("columns.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.length === 0 && (
              <tr>
                <td colSpan={isAdmin ? 7 : 6} className="export-empty">
                  {t("empty")}
                </td>
              </tr>
            )}
            {data.items.map((schedule) => {
              const definition = schedule.definition;
              const which = <span className="visually-hidden"> {schedule.name}</span>;
              return (
                <Fragment key={schedule.id}>
                  <tr
                    data-testid="schedule-row"
                    data-schedule-id={schedule.id}
                    data-name={schedule.name}
                    data-enabled={schedule.enabled}
                  >
                    <th scope="row">{schedule.name}</th>
                    {isAdmin && <td>{schedule.ownerName ?? "—"}</td>}
                    <td data-testid="schedule-trigger">
                      {definition ? describeTrigger(definition.trigger, definition.timezone, locale) : "—"}
                    </td>
                    <td
                      data-testid="schedule-next-run"
                      data-next-run={
                        schedule.nextDueAt ? new Date(schedule.nextDueAt).toISOString() : undefined
                      }
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
                          onClick={() => runNow.mutate({ id: schedule.id })}
                          data-testid="schedule-run-now"
                        >
                          {t("runNow")}
                          {which}
                        </button>
                        <button
                          type="button"
                          className="export-button"
                          disabled={busy}
                          onClick={() => setEnabled.mutate({ id: schedule.id, enabled: !schedule.enabled })}
                          data-testid="schedule-toggle"
                        >
                          {schedule.enabled ? t("pause") : t("enable")}
                          {which}
                        </button>
                        <button
                          type="button"
                          className="export-button"
                          disabled={!hydrated}
                          aria-expanded={form?.editing?.id === schedule.id}
                          onClick={() => {
                            setDone(null);
                            setForm({ editing: schedule });
                          }}
                          data-testid="schedule-edit"
                        >
                          {t("edit")}
                          {which}
                        </button>
                        <button
                          type="button"
                          className="export-button"
                          disabled={busy}
                          onClick={() => setConfirming(schedule.id)}
                          data-testid="schedule-delete"
                        >
                          {t("delete")}
                          {which}
                        </button>
                      </div>
                    </td>
                  </tr>
                  {confirming === schedule.id && (
                    <tr>
                      <td colSpan={isAdmin ? 7 : 6}>
                        <ConfirmDelete
                          name={schedule.name}
                          busy={remove.isPending}
                          onConfirm={() => remove.mutate({ id: schedule.id })}
                          onCancel={() => setConfirming(null)}
                        />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav className="export-pagination" aria-label={t("pagination")}>
          <button type="button" className="export-button" disabled={page <= 1} onClick={() => goTo(page - 1)}>
            {t("previous")}
          </button>
          <span>
            {page} / {pages}
          </span>
          <button
            type="button"
            className="export-button"
            disabled={page >= pages}
            onClick={() => goTo(page + 1)}
          >
            {t("next")}
          </button>
        </nav>
      )}
      {form ? (
        <ScheduleForm
          key={form.editing?.id ?? "new"}
          editing={form.editing}
          defaults={newValues}
          quarters={quarters}
          onSaved={saved}
          onCancel={() => setForm(null)}
        />
      ) : (
        <button
          type="button"
          className="export-button export-button-primary"
          disabled={!hydrated}
          onClick={() => {
            setDone(null);
            setForm({ editing: null });
          }}
          data-testid="schedule-create"
        >
          {t("create")}
        </button>
      )}
    </section>
  );
}
