"use client";

import type { RouterOutputs } from "@zones/api";
import { defaultDeadline, formatNumber, type Locale, type QuarterString } from "@zones/domain";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";

import { PeriodBadge } from "~/components/review/badges";
import { PeriodConfirm } from "./period-confirm";
import { ISO_DATE, type PeriodChanges } from "./use-period-change";
import { usePeriodLabels } from "./use-period-labels";

type PeriodListRow = RouterOutputs["period"]["list"]["rows"][number];

/** Columns of the period table (the editor and confirmation rows span them all). */
export const PERIOD_COLUMNS = 6;

/** One quarter: its state, deadline and counts, its actions, and below it the deadline editor or a question. */
export function PeriodRow({
  row,
  editing,
  locked,
  changes,
  onEdit,
}: {
  row: PeriodListRow;
  editing: boolean;
  locked: boolean;
  changes: PeriodChanges;
  /** Opens (true) or closes the deadline editor of this row. */
  onEdit(open: boolean): void;
}) {
  const t = useTranslations("review.periods");
  const locale = useLocale() as Locale;
  const labels = usePeriodLabels();
  const quarter = row.quarter as QuarterString;
  const quarterLabel = labels.quarter(quarter);
  const which = <span className="visually-hidden"> {quarterLabel}</span>;
  const pending = changes.pending;
  const opening = row.status !== "open";
  return (
    <>
      <tr data-testid="period-row" data-quarter={quarter} data-status={row.status}>
        <th scope="row">{quarterLabel}</th>
        <td>
          <PeriodBadge status={row.status} />
          {row.status === "open" && row.openedBySchedule && (
            <span className="review-tag" data-testid="period-opened-by-schedule">
              {t("openedBySchedule")}
            </span>
          )}
        </td>
        <td data-testid="period-deadline" data-deadline={row.deadline}>
          {labels.date(row.deadline)}
          {row.deadline !== defaultDeadline(quarter) && (
            <span className="review-tag">{t("customDeadline")}</span>
          )}
        </td>
        <td className="numeric">{formatNumber(row.submitted, locale)}</td>
        <td className="numeric">{formatNumber(row.approved, locale)}</td>
        <td>
          <div className="period-actions">
            <button
              type="button"
              onClick={() =>
                changes.ask({
                  kind: opening ? "open" : "close",
                  quarter,
                  status: opening ? "open" : "closed",
                  deadline: row.deadline,
                })
              }
              disabled={locked}
            >
              {opening ? (row.status === "closed" ? t("reopen") : t("open")) : t("close")}
              {which}
            </button>
            <button
              type="button"
              aria-expanded={editing}
              onClick={() => {
                changes.cancel();
                onEdit(!editing);
              }}
              disabled={locked}
            >
              {t("changeDeadline")}
              {which}
            </button>
          </div>
        </td>
      </tr>
      {editing && (
        <tr className="period-editor-row">
          <td colSpan={PERIOD_COLUMNS}>
            <DeadlineEditor row={row} changes={changes} onClose={() => onEdit(false)} />
          </td>
        </tr>
      )}
      {pending && pending.kind !== "create" && pending.quarter === quarter && (
        <tr className="period-confirm-row">
          <td colSpan={PERIOD_COLUMNS}>
            <PeriodConfirm change={pending} changes={changes} />
          </td>
        </tr>
      )}
    </>
  );
}

/** A new deadline for one quarter; saving asks for confirmation first. */
function DeadlineEditor({
  row,
  changes,
  onClose,
}: {
  row: PeriodListRow;
  changes: PeriodChanges;
  onClose(): void;
}) {
  const t = useTranslations("review.periods");
  const labels = usePeriodLabels();
  const inputId = `${useId()}-deadline-${row.quarter}`;
  const quarter = row.quarter as QuarterString;
  const fallback = defaultDeadline(quarter);
  const [deadline, setDeadline] = useState(row.deadline);
  const [invalid, setInvalid] = useState(false);

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!ISO_DATE.test(deadline)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    changes.ask({ kind: "deadline", quarter, status: row.status, deadline, previousDeadline: row.deadline });
  }

  return (
    <form className="inline-form period-editor" onSubmit={save} noValidate>
      <label htmlFor={inputId}>{t("newDeadline", { quarter: labels.quarter(quarter) })}</label>
      <input
        id={inputId}
        type="date"
        value={deadline}
        required
        aria-invalid={invalid}
        aria-describedby={`${inputId}-hint`}
        onChange={(event) => setDeadline(event.target.value)}
        data-testid="deadline-input"
      />
      <span className="hint" id={`${inputId}-hint`}>
        {t("defaultDeadline", { date: labels.date(fallback) })}
      </span>
      <button type="button" onClick={() => setDeadline(fallback)}>
        {t("useDefault")}
      </button>
      <button type="submit" className="button-primary">
        {t("save")}
      </button>
      <button type="button" onClick={onClose}>
        {t("cancel")}
      </button>
      {invalid && (
        <p className="field-error" role="alert">
          {t("deadlineRequired")}
        </p>
      )}
    </form>
  );
}
