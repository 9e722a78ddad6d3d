"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import {
  findIndicator,
  findZone,
  formatChange,
  formatQuarterLabel,
  formatValue,
  formatYtdLabel,
  formIndicators,
  type Indicator,
  type Locale,
  localized,
  NOTE_MAX_LENGTH,
  type QuarterString,
  type ZoneCode,
} from "@zones/domain";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useId, useRef, useState } from "react";
import { formatDateTime, formatLongDate } from "~/components/format/dates";
import { useHydrated } from "~/components/hooks/use-hydrated";
import { useTRPC } from "~/trpc/react";
import { LateMarker, PeriodBadge, StatusBadge } from "./badges";

/** Limits of the API (`submission.return`): the overall reason and each indicator's comment. */
const COMMENT_MAX_LENGTH = 2000;

function toNumber(text: string | null | undefined): number | null {
  if (text === null || text === undefined || text.trim() === "") return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

type Translate = (key: "pp" | "percent", values: { value: string }) => string;

/**
 * Change against the same quarter last year: percentage points for rates and shares, a relative change
 * in % for amounts, counts and averages.
 */
function changeVsLastYear(
  indicator: Indicator,
  value: number | null,
  lastYear: number | null,
  locale: Locale,
  t: Translate,
): string {
  if (value === null || lastYear === null) return "—";
  if (indicator.measure === "rate" || indicator.measure === "share") {
    return t("pp", { value: formatChange(value - lastYear, locale, { decimals: indicator.decimals }) });
  }
  if (lastYear === 0) return "—";
  const percent = ((value - lastYear) / Math.abs(lastYear)) * 100;
  return t("percent", { value: formatChange(percent, locale, { decimals: 1 }) });
}

export function ReviewSubmission({ zoneCode, quarter }: { zoneCode: ZoneCode; quarter: QuarterString }) {
  const t = useTranslations("review.detail");
  const tReview = useTranslations("review");
  const locale = useLocale() as Locale;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // What the reviewer reads stays put while they read it: no silent refetch on focus. A change made
  // meanwhile surfaces as a conflict when they decide, and the page then reloads the data.
  const { data } = useSuspenseQuery(
    trpc.submission.form.queryOptions({ zoneCode, quarter }, { refetchOnWindowFocus: false }),
  );

  const [approveComment, setApproveComment] = useState("");
  const [reason, setReason] = useState("");
  const [reasonMissing, setReasonMissing] = useState(false);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<"approved" | "returned" | null>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const ids = useId();

  // The queue, the completeness grid and this form all change with a decision.
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.submission.pathKey() });
  const onError = async (error: { message: string }) => {
    setOutcome(null);
    setServerError(error.message);
    await refresh();
  };
  const approve = useMutation(
    trpc.submission.approve.mutationOptions({
      onSuccess: async () => {
        setOutcome("approved");
        setApproveComment("");
        await refresh();
      },
      onError,
    }),
  );
  const returnIt = useMutation(
    trpc.submission.return.mutationOptions({
      onSuccess: async () => {
        setOutcome("returned");
        setReason("");
        setNotes({});
        await refresh();
      },
      onError,
    }),
  );
  const hydrated = useHydrated();
  const pending = approve.isPending || returnIt.isPending;
  const locked = !hydrated || pending;

  const zone = findZone(zoneCode);
  const zoneName = zone ? localized(zone.name, locale) : zoneCode;
  const quarterLabel = formatQuarterLabel(quarter, locale);
  const submission = data.submission;
  const status = submission?.status ?? "none";
  const version = submission?.version ?? 0;
  const canApprove = data.actions.approve && submission !== null;
  const canReturn = data.actions.return && submission !== null;
  const reviewNotes = submission?.reviewNotes ?? {};
  const showReviewNotes = !canReturn && Object.keys(reviewNotes).length > 0;

  const rows = new Map(data.indicators.map((row) => [row.indicatorCode, row]));
  const issuesByCode = new Map<string, typeof data.issues>();
  for (const issue of data.issues) {
    issuesByCode.set(issue.indicatorCode, [...(issuesByCode.get(issue.indicatorCode) ?? []), issue]);
  }
  const groups = formIndicators(quarter);
  const columnCount = 7 + (canReturn || showReviewNotes ? 1 : 0);

  function submitApprove(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setServerError(null);
    setOutcome(null);
    const comment = approveComment.trim();
    approve.mutate({ zoneCode, quarter, version, ...(comment ? { comment } : {}) });
  }

  function submitReturn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setServerError(null);
    setOutcome(null);
    if (reason.trim() === "") {
      setReasonMissing(true);
      reasonRef.current?.focus();
      return;
    }
    setReasonMissing(false);
    const indicatorNotes = Object.fromEntries(
      Object.entries(notes)
        .map(([code, note]) => [code, note.trim()] as const)
        .filter(([, note]) => note !== ""),
    );
    returnIt.mutate({ zoneCode, quarter, version, comment: reason.trim(), notes: indicatorNotes });
  }

  const previousAt = formatDateTime(data.previousSubmittedAt, locale);

  return (
    <div className="review-submission" data-testid="review-submission" data-status={status}>
      <p className="review-back">
        <Link href="/review">{t("back")}</Link>
      </p>
      <h1>{t("title", { zone: zoneName, quarter: quarterLabel })}</h1>

      <dl className="review-meta" data-testid="review-meta">
        <div>
          <dt>{t("status")}</dt>
          <dd>
            <span className="review-status-cell">
              <StatusBadge state={status} testId="review-status" />
              {submission?.late && <LateMarker testId="review-late" />}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t("submittedBy")}</dt>
          <dd>{submission?.submittedByName ?? "—"}</dd>
        </div>
        <div>
          <dt>{t("submittedAt")}</dt>
          <dd>{formatDateTime(submission?.submittedAt, locale) ?? "—"}</dd>
        </div>
        <div>
          <dt>{t("version")}</dt>
          <dd data-testid="review-version">{submission ? t("versionValue", { version }) : "—"}</dd>
        </div>
        {data.period && (
          <div>
            <dt>{t("deadline")}</dt>
            <dd>
              {formatLongDate(data.period.deadline, locale)} <PeriodBadge status={data.period.status} />
            </dd>
          </div>
        )}
        {submission?.reviewedAt && (
          <div>
            <dt>{t("reviewed")}</dt>
            <dd>
              {t("reviewedValue", {
                name: submission.reviewedByName ?? "—",
                at: formatDateTime(submission.reviewedAt, locale) ?? "—",
              })}
            </dd>
          </div>
        )}
      </dl>
      {submission?.reviewComment && (
        <div className="review-previous-comment" data-testid="review-comment">
          <h2>{t("reviewComment")}</h2>
          <p>{submission.reviewComment}</p>
        </div>
      )}
      {!submission && <p className="notice">{t("notStarted")}</p>}

      <h2 id={`${ids}-values`}>{t("valuesTitle")}</h2>
      <p className="hint">{t("cumulativeHint", { period: formatYtdLabel(quarter, locale) })}</p>
      <div className="review-table-scroll">
        <table className="data-table review-values" data-testid="review-values">
          <caption>{t("tableCaption", { zone: zoneName, quarter: quarterLabel })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("columns.indicator")}</th>
              <th scope="col" className="numeric">
                {t("columns.value")}
              </th>
              <th scope="col" className="numeric">
                {t("columns.previousQuarter")}
              </th>
              <th scope="col" className="numeric">
                {t("columns.lastYear")}
              </th>
              <th scope="col" className="numeric">
                {t("columns.change")}
              </th>
              <th scope="col">{t("columns.note")}</th>
              <th scope="col">{t("columns.issues")}</th>
              {canReturn && <th scope="col">{t("columns.comment")}</th>}
              {showReviewNotes && <th scope="col">{t("columns.reviewNote")}</th>}
            </tr>
          </thead>
          {groups.map((group) => (
            <tbody key={group.theme.code}>
              <tr className="review-theme-row">
                <th scope="rowgroup" colSpan={columnCount}>
                  {localized(group.theme.name, locale)}
                </th>
              </tr>
              {group.indicators.map((indicator) => {
                const row = rows.get(indicator.code);
                const value = toNumber(row?.value);
                const lastYear = toNumber(row?.lastYear);
                const issues = issuesByCode.get(indicator.code) ?? [];
                const name = localized(indicator.name, locale);
                const inputId = `${ids}-note-${indicator.code}`;
                return (
                  <tr key={indicator.code} data-indicator={indicator.code} data-testid="review-indicator">
                    <th scope="row" className="review-indicator-name">
                      {name}
                      {indicator.cumulative && <span className="review-tag">{t("cumulative")}</span>}
                      {row?.revisionKind === "preliminary" && (
                        <span className="review-tag">{t("preliminary")}</span>
                      )}
                    </th>
                    <td className="numeric review-value">
                      {value === null ? (
                        <span className="review-missing">{t("notEntered")}</span>
                      ) : (
                        formatValue(value, indicator, locale)
                      )}
                    </td>
                    <td className="numeric">
                      {formatValue(toNumber(row?.previousQuarter), indicator, locale)}
                    </td>
                    <td className="numeric">{formatValue(lastYear, indicator, locale)}</td>
                    <td className="numeric">{changeVsLastYear(indicator, value, lastYear, locale, t)}</td>
                    <td className="review-note">{row?.note ?? "—"}</td>
                    <td>
                      {issues.length === 0 ? (
                        "—"
                      ) : (
                        <ul className="review-issues">
                          {issues.map((issue) => {
                            const kind =
                              issue.severity === "hard"
                                ? "hard"
                                : issue.explained
                                  ? "explained"
                                  : "unexplained";
                            return (
                              <li
                                key={issue.rule}
                                className={`review-issue review-issue-${kind}`}
                                data-testid="review-issue"
                                data-explained={issue.explained ? "true" : "false"}
                              >
                                <span className="review-issue-tag">
                                  <span aria-hidden="true">{kind === "explained" ? "✓" : "⚠"}</span>{" "}
                                  {t(`issue.${kind}`)}
                                </span>{" "}
                                {issue.message}
                              </li>
                            );
                          })}
                        </ul>
                      )}
                    </td>
                    {canReturn && (
                      <td>
                        <label htmlFor={inputId} className="visually-hidden">
                          {t("commentLabel", { indicator: name })}
                        </label>
                        <input
                          id={inputId}
                          type="text"
                          className="review-note-input"
                          disabled={!hydrated}
                          maxLength={NOTE_MAX_LENGTH}
                          value={notes[indicator.code] ?? ""}
                          onChange={(event) => setNotes({ ...notes, [indicator.code]: event.target.value })}
                          data-testid={`return-note-${indicator.code}`}
                        />
                      </td>
                    )}
                    {showReviewNotes && <td>{reviewNotes[indicator.code] ?? "—"}</td>}
                  </tr>
                );
              })}
            </tbody>
          ))}
        </table>
      </div>

      <section aria-labelledby={`${ids}-changes`} data-testid="review-changes">
        <h2 id={`${ids}-changes`}>{t("changesTitle")}</h2>
        {data.previousSubmittedAt === null ? (
          <p>{t("noPrevious")}</p>
        ) : data.changes.length === 0 ? (
          <p>{t("noChanges", { date: previousAt ?? "—" })}</p>
        ) : (
          <table className="data-table review-changes">
            <caption>{t("changesCaption", { date: previousAt ?? "—" })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("columns.indicator")}</th>
                <th scope="col" className="numeric">
                  {t("before")}
                </th>
                <th scope="col" className="numeric">
                  {t("after")}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.changes.map((change) => {
                const indicator = findIndicator(change.indicatorCode);
                const show = (text: string | null) => {
                  const number = toNumber(text);
                  if (number === null) return t("notEntered");
                  return indicator ? formatValue(number, indicator, locale) : (text ?? "—");
                };
                return (
                  <tr key={change.indicatorCode} data-indicator={change.indicatorCode}>
                    <th scope="row">
                      {indicator ? localized(indicator.name, locale) : change.indicatorCode}
                    </th>
                    <td className="numeric">{show(change.before)}</td>
                    <td className="numeric">
                      <span aria-hidden="true">→ </span>
                      {show(change.after)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby={`${ids}-decision`} className="review-decision">
        <h2 id={`${ids}-decision`}>{t("decisionTitle")}</h2>
        {serverError && (
          <div className="review-alert" role="alert" data-testid="review-error">
            <p>{serverError}</p>
            <p>{t("errorRefreshed")}</p>
          </div>
        )}
        <div role="status" data-testid="review-outcome">
          {outcome && (
            <p className="review-success">
              {t(outcome === "approved" ? "approvedDone" : "returnedDone", {
                status: tReview(`status.${outcome}`),
              })}{" "}
              <Link href="/review?status=submitted">{t("backToQueue")}</Link>
            </p>
          )}
        </div>
        {canApprove || canReturn ? (
          <>
            <p className="hint">{t("versionHint", { version })}</p>
            <div className="review-decision-forms">
              {canApprove && (
                <form className="stacked-form review-decision-form" onSubmit={submitApprove} noValidate>
                  <h3>{t("approveTitle")}</h3>
                  <label>
                    {t("approveComment")}
                    <textarea
                      rows={3}
                      maxLength={COMMENT_MAX_LENGTH}
                      value={approveComment}
                      disabled={!hydrated}
                      onChange={(event) => setApproveComment(event.target.value)}
                      data-testid="approve-comment"
                    />
                  </label>
                  <button type="submit" className="button-primary" disabled={locked}>
                    {t("approve")}
                  </button>
                </form>
              )}
              {canReturn && (
                <form className="stacked-form review-decision-form" onSubmit={submitReturn} noValidate>
                  <h3>{t("returnTitle")}</h3>
                  <label>
                    {t("returnReason")}
                    <textarea
                      ref={reasonRef}
                      rows={3}
                      maxLength={COMMENT_MAX_LENGTH}
                      value={reason}
                      disabled={!hydrated}
                      required
                      aria-invalid={reasonMissing}
                      aria-describedby={`${ids}-reason-hint${reasonMissing ? ` ${ids}-reason-error` : ""}`}
                      onChange={(event) => {
                        setReason(event.target.value);
                        if (event.target.value.trim() !== "") setReasonMissing(false);
                      }}
                      data-testid="return-reason"
                    />
                  </label>
                  <p className="hint" id={`${ids}-reason-hint`}>
                    {t("returnHint")}
                  </p>
                  {reasonMissing && (
                    <p
                      className="field-error"
                      id={`${ids}-reason-error`}
                      role="alert"
                      data-testid="return-error"
                    >
                      {t("returnReasonRequired")}
                    </p>
                  )}
                  <button type="submit" className="button-warning" disabled={locked}>
                    {t("return")}
                  </button>
                </form>
              )}
            </div>
          </>
        ) : (
          <p className="notice" data-testid="review-no-action">
            {t(`noAction.${status}`)}
          </p>
        )}
      </section>
    </div>
  );
}
