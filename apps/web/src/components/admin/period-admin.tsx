"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import {
  addQuarters,
  defaultDeadline,
  formatNumber,
  formatQuarterLabel,
  type Locale,
  type PeriodStatus,
  type QuarterString,
} from "@zones/domain";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, Fragment, useEffect, useId, useRef, useState } from "react";
import { formatLongDate } from "~/components/format/dates";
import { useHydrated } from "~/components/hooks/use-hydrated";
import { PeriodBadge } from "~/components/review/badges";
import { useTRPC } from "~/trpc/react";

/** A change waiting for the admin's confirmation. */
interface PendingChange {
  kind: "open" | "close" | "deadline" | "create";
  quarter: QuarterString;
  status: PeriodStatus;
  deadline: string;
  /** the deadline before a change of it */
  previousDeadline?: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function ConfirmBox({
  message,
  confirmLabel,
  cancelLabel,
  busy,
  onConfirm,
  onCancel,
}: {
  message: string;
  confirmLabel: string;
  cancelLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    confirmRef.current?.focus();
  }, []);
  return (
    <fieldset className="confirm-box" data-testid="period-confirm">
      <legend>{message}</legend>
      <div className="confirm-buttons">
        <button ref={confirmRef} type="button" className="button-primary" onClick={onConfirm} disabled={busy}>
          {confirmLabel}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {cancelLabel}
        </button>
      </div>
    </fieldset>
  );
}

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
  const locale = useLocale() as Locale;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(trpc.period.list.queryOptions({ page }));
  const { data: first } = useSuspenseQuery(trpc.period.list.queryOptions({ page: 1 }));
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const ids = useId();
  const hydrated = useHydrated();

  const [editing, setEditing] = useState<{ quarter: QuarterString; deadline: string } | null>(null);
  const [editError, setEditError] = useState(false);
  const [pending, setPending] = useState<PendingChange | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  // The form for a new quarter offers the four quarters after the newest one listed.
  const newest = (first.rows[0]?.quarter as QuarterString | undefined) ?? lastFinished;
  const candidates = [1, 2, 3, 4].map((step) => addQuarters(newest, step));
  const [newQuarter, setNewQuarter] = useState<QuarterString>(candidates[0] ?? newest);
  const [newDeadline, setNewDeadline] = useState(defaultDeadline(candidates[0] ?? newest));
  const [newError, setNewError] = useState(false);
  // After a new quarter is created, the candidates move on: keep the choice among them.
  const chosen = candidates.includes(newQuarter) ? newQuarter : (candidates[0] ?? newest);

  const label = (quarter: string) => formatQuarterLabel(quarter as QuarterString, locale);
  const date = (iso: string) => formatLongDate(iso, locale) ?? iso;

  const update = useMutation(
    trpc.period.update.mutationOptions({
      onSuccess: async (result, input) => {
        const change = pending;
        setPending(null);
        setEditing(null);
        setError(null);
        const quarter = label(result.quarter);
        if (change?.kind === "deadline")
          setDone(t("done.deadline", { quarter, date: date(result.deadline) }));
        else if (change?.kind === "create") {
          setDone(t("done.created", { quarter, date: date(result.deadline) }));
          const next = addQuarters(input.quarter as QuarterString, 1);
          setNewQuarter(next);
          setNewDeadline(defaultDeadline(next));
        } else setDone(t(`done.${result.status}`, { quarter }));
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.period.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.submission.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.overview.pathKey() }),
        ]);
      },
      onError: (failure) => {
        setDone(null);
        setError(failure.message);
      },
    }),
  );

  const locked = !hydrated || update.isPending;

  function ask(change: PendingChange) {
    setError(null);
    setDone(null);
    setPending(change);
  }

  function confirmMessage(change: PendingChange): string {
    const quarter = label(change.quarter);
    switch (change.kind) {
      case "open":
        return t("confirmOpen", { quarter, date: date(change.deadline) });
      case "close":
        return t("confirmClose", { quarter });
      case "deadline":
        return t("confirmDeadline", {
          quarter,
          from: date(change.previousDeadline ?? change.deadline),
          to: date(change.deadline),
        });
      case "create":
        return t("confirmCreate", { quarter, date: date(change.deadline) });
    }
  }

  function confirmBox(change: PendingChange) {
    return (
      <ConfirmBox
        message={confirmMessage(change)}
        confirmLabel={t(`confirm.${change.kind}`)}
        cancelLabel={t("cancel")}
        busy={update.isPending}
        onConfirm={() =>
          update.mutate({ quarter: change.quarter, status: change.status, deadline: change.deadline })
        }
        onCancel={() => setPending(null)}
      />
    );
  }

  function saveDeadline(event: FormEvent<HTMLFormElement>, previous: string) {
    event.preventDefault();
    if (!editing) return;
    if (!ISO_DATE.test(editing.deadline)) {
      setEditError(true);
      return;
    }
    setEditError(false);
    const row = data.rows.find((candidate) => candidate.quarter === editing.quarter);
    ask({
      kind: "deadline",
      quarter: editing.quarter,
      status: row?.status ?? "not_open",
      deadline: editing.deadline,
      previousDeadline: previous,
    });
  }

  function createQuarter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!ISO_DATE.test(newDeadline)) {
      setNewError(true);
      return;
    }
    setNewError(false);
    ask({ kind: "create", quarter: chosen, status: "open", deadline: newDeadline });
  }

  const pageHref = (target: number) => (target > 1 ? `/admin/periods?page=${target}` : "/admin/periods");

  return (
    <div className="period-admin">
      <h1>{t("title")}</h1>
      <p className="hint">{t("intro")}</p>
      {notice && (
        <p className="notice" role="status" data-testid="periods-notice">
          {notice}
        </p>
      )}
      <div role="alert" data-testid="periods-error">
        {error && <p className="review-alert">{error}</p>}
      </div>
      <div role="status" data-testid="periods-done">
        {done && <p className="review-success">{done}</p>}
      </div>

      <table className="data-table period-table" data-testid="period-table">
        <caption>{t("caption", { total: data.total, page: data.page, pages })}</caption>
        <thead>
          <tr>
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
          </tr>
        </thead>
        <tbody>
          {data.rows.length === 0 && (
            <tr>
              <td colSpan={6} className="review-empty">
                {t("empty")} {data.total > 0 && <Link href="/admin/periods">{t("firstPage")}</Link>}
              </td>
            </tr>
          )}
          {data.rows.map((row) => {
            const quarter = row.quarter as QuarterString;
            const quarterLabel = label(quarter);
            const fallback = defaultDeadline(quarter);
            const isEditing = editing?.quarter === quarter;
            const inputId = `${ids}-deadline-${quarter}`;
            return (
              <Fragment key={quarter}>
                <tr data-testid="period-row" data-quarter={quarter} data-status={row.status}>
                  <th scope="row">{quarterLabel}</th>
                  <td>
                    <PeriodBadge status={row.status} />
                  </td>
                  <td data-testid="period-deadline" data-deadline={row.deadline}>
                    {date(row.deadline)}
                    {row.deadline !== fallback && <span className="review-tag">{t("customDeadline")}</span>}
                  </td>
                  <td className="numeric">{formatNumber(row.submitted, locale)}</td>
                  <td className="numeric">{formatNumber(row.approved, locale)}</td>
                  <td>
                    <div className="period-actions">
                      {row.status === "open" ? (
                        <button
                          type="button"
                          onClick={() =>
                            ask({ kind: "close", quarter, status: "closed", deadline: row.deadline })
                          }
                          disabled={locked}
                        >
                          {t("close")}
                          <span className="visually-hidden"> {quarterLabel}</span>
                        </button>
                      ) : (
                        <button
                          type="button"
                          onClick={() =>
                            ask({ kind: "open", quarter, status: "open", deadline: row.deadline })
                          }
                          disabled={locked}
                        >
                          {row.status === "closed" ? t("reopen") : t("open")}
                          <span className="visually-hidden"> {quarterLabel}</span>
                        </button>
                      )}
                      <button
                        type="button"
                        aria-expanded={isEditing}
                        onClick={() => {
                          setPending(null);
                          setEditError(false);
                          setEditing(isEditing ? null : { quarter, deadline: row.deadline });
                        }}
                        disabled={locked}
                      >
                        {t("changeDeadline")}
                        <span className="visually-hidden"> {quarterLabel}</span>
                      </button>
                    </div>
                  </td>
                </tr>
                {isEditing && editing && (
                  <tr className="period-editor-row">
                    <td colSpan={6}>
                      <form
                        className="inline-form period-editor"
                        onSubmit={(event) => saveDeadline(event, row.deadline)}
                        noValidate
                      >
                        <label htmlFor={inputId}>{t("newDeadline", { quarter: quarterLabel })}</label>
                        <input
                          id={inputId}
                          type="date"
                          value={editing.deadline}
                          required
                          aria-invalid={editError}
                          aria-describedby={`${inputId}-hint`}
                          onChange={(event) => setEditing({ quarter, deadline: event.target.value })}
                          data-testid="deadline-input"
                        />
                        <span className="hint" id={`${inputId}-hint`}>
                          {t("defaultDeadline", { date: date(fallback) })}
                        </span>
                        <button type="button" onClick={() => setEditing({ quarter, deadline: fallback })}>
                          {t("useDefault")}
                        </button>
                        <button type="submit" className="button-primary">
                          {t("save")}
                        </button>
                        <button type="button" onClick={() => setEditing(null)}>
                          {t("cancel")}
                        </button>
                        {editError && (
                          <p className="field-error" role="alert">
                            {t("deadlineRequired")}
                          </p>
                        )}
                      </form>
                    </td>
                  </tr>
                )}
                {pending && pending.kind !== "create" && pending.quarter === quarter && (
                  <tr className="period-confirm-row">
                    <td colSpan={6}>{confirmBox(pending)}</td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>

      {pages > 1 && (
        <nav className="review-pagination" aria-label={t("pagination")} data-testid="periods-pagination">
          {data.page > 1 ? (
            <Link href={pageHref(Math.min(data.page - 1, pages))} rel="prev">
              {t("previous")}
            </Link>
          ) : (
            <span aria-disabled="true" className="review-pagination-disabled">
              {t("previous")}
            </span>
          )}
          <span>{t("pageOf", { page: data.page, pages })}</span>
          {data.page < pages ? (
            <Link href={pageHref(data.page + 1)} rel="next">
              {t("next")}
            </Link>
          ) : (
            <span aria-disabled="true" className="review-pagination-disabled">
              {t("next")}
            </span>
          )}
        </nav>
      )}

      <section aria-labelledby={`${ids}-create`} className="period-create">
        <h2 id={`${ids}-create`}>{t("createTitle")}</h2>
        <p className="hint">{t("createIntro", { quarter: label(newest) })}</p>
        <form className="stacked-form" onSubmit={createQuarter} noValidate data-testid="period-create">
          <label>
            {t("createQuarter")}
            <select
              value={chosen}
              disabled={!hydrated}
              onChange={(event) => {
                const quarter = event.target.value as QuarterString;
                setNewQuarter(quarter);
                setNewDeadline(defaultDeadline(quarter));
              }}
              data-testid="create-quarter"
            >
              {candidates.map((quarter) => (
                <option key={quarter} value={quarter}>
                  {label(quarter)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("createDeadline")}
            <input
              type="date"
              value={newDeadline}
              disabled={!hydrated}
              required
              aria-invalid={newError}
              aria-describedby={`${ids}-create-hint`}
              onChange={(event) => setNewDeadline(event.target.value)}
              data-testid="create-deadline"
            />
          </label>
          <p className="hint" id={`${ids}-create-hint`}>
            {t("defaultDeadline", { date: date(defaultDeadline(chosen)) })}
          </p>
          {newError && (
            <p className="field-error" role="alert">
              {t("deadlineRequired")}
            </p>
          )}
          <button type="submit" className="button-primary" disabled={locked}>
            {t("create")}
          </button>
        </form>
        {pending?.kind === "create" && confirmBox(pending)}
      </section>
      <p className="hint">{tReview("periodStatusHint")}</p>
    </div>
  );
}
