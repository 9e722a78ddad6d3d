"use client";

import {
  formatChange,
  formatValue,
  formIndicators,
  type Indicator,
  type Locale,
  localized,
  NOTE_MAX_LENGTH,
  type QuarterString,
  ytdKind,
} from "@zones/domain";
import { useLocale, useTranslations } from "next-intl";
import type { EntryFormData, EntryRow } from "~/components/submission/form-model";
import { TableScroll } from "~/components/ui/table-scroll";

type Issue = EntryFormData["issues"][number];

/** A stored number (text), or null when there is none. */
export function toNumber(text: string | null | undefined): number | null {
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

/** Where the reviewer writes comments per indicator (only while the submission can be returned). */
export interface ReturnNotes {
  notes: Record<string, string>;
  setNote(code: string, text: string): void;
  disabled: boolean;
}

/** Every indicator of the quarter's form by theme: the value, what to compare it with, its note and checks. */
export function ReviewValues({
  data,
  quarter,
  caption,
  idPrefix,
  returnNotes,
}: {
  data: EntryFormData;
  quarter: QuarterString;
  caption: string;
  idPrefix: string;
  /** Null when the submission cannot be returned. */
  returnNotes: ReturnNotes | null;
}) {
  const t = useTranslations("review.detail");
  const locale = useLocale() as Locale;
  const reviewNotes = data.submission?.reviewNotes ?? {};
  const showReviewNotes = returnNotes === null && Object.keys(reviewNotes).length > 0;
  const rows = new Map(data.indicators.map((row) => [row.indicatorCode, row]));
  const issuesByCode = new Map<string, Issue[]>();
  for (const issue of data.issues) {
    issuesByCode.set(issue.indicatorCode, [...(issuesByCode.get(issue.indicatorCode) ?? []), issue]);
  }
  const columnCount = 7 + (returnNotes || showReviewNotes ? 1 : 0);
  return (
    <TableScroll label={caption}>
      <table className="data-table review-values" data-testid="review-values">
        <caption>{caption}</caption>
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
            {returnNotes && <th scope="col">{t("columns.comment")}</th>}
            {showReviewNotes && <th scope="col">{t("columns.reviewNote")}</th>}
          </tr>
        </thead>
        {formIndicators(quarter, data.catalogue).map((group) => (
          <tbody key={group.theme.code}>
            <tr className="review-theme-row">
              <th scope="rowgroup" colSpan={columnCount}>
                {localized(group.theme.name, locale)}
              </th>
            </tr>
            {group.indicators.map((indicator) => (
              <ReviewIndicatorRow
                key={indicator.code}
                indicator={indicator}
                row={rows.get(indicator.code)}
                issues={issuesByCode.get(indicator.code) ?? []}
                inputId={`${idPrefix}-note-${indicator.code}`}
                returnNotes={returnNotes}
                reviewNote={showReviewNotes ? (reviewNotes[indicator.code] ?? "—") : null}
              />
            ))}
          </tbody>
        ))}
      </table>
    </TableScroll>
  );
}

function ReviewIndicatorRow({
  indicator,
  row,
  issues,
  inputId,
  returnNotes,
  reviewNote,
}: {
  indicator: Indicator;
  row: EntryRow | undefined;
  issues: Issue[];
  inputId: string;
  returnNotes: ReturnNotes | null;
  /** The last review's comment, when shown. */
  reviewNote: string | null;
}) {
  const t = useTranslations("review.detail");
  const locale = useLocale() as Locale;
  const value = toNumber(row?.value);
  const lastYear = toNumber(row?.lastYear);
  const name = localized(indicator.name, locale);
  const kind = ytdKind(indicator);
  return (
    <tr data-indicator={indicator.code} data-testid="review-indicator">
      <th scope="row" className="review-indicator-name">
        {name}
        {kind && <span className="review-tag">{t(`cumulative.${kind}`)}</span>}
        {row?.revisionKind === "preliminary" && <span className="review-tag">{t("preliminary")}</span>}
      </th>
      <td className="numeric review-value">
        {value === null ? (
          <span className="review-missing">{t("notEntered")}</span>
        ) : (
          formatValue(value, indicator, locale)
        )}
      </td>
      <td className="numeric">{formatValue(toNumber(row?.previousQuarter), indicator, locale)}</td>
      <td className="numeric">{formatValue(lastYear, indicator, locale)}</td>
      <td className="numeric">{changeVsLastYear(indicator, value, lastYear, locale, t)}</td>
      <td className="review-note">{row?.note ?? "—"}</td>
      <td>{issues.length === 0 ? "—" : <IssueList issues={issues} />}</td>
      {returnNotes && (
        <td>
          <label htmlFor={inputId} className="visually-hidden">
            {t("commentLabel", { indicator: name })}
          </label>
          <input
            id={inputId}
            type="text"
            className="review-note-input"
            disabled={returnNotes.disabled}
            maxLength={NOTE_MAX_LENGTH}
            value={returnNotes.notes[indicator.code] ?? ""}
            onChange={(event) => returnNotes.setNote(indicator.code, event.target.value)}
            data-testid={`return-note-${indicator.code}`}
          />
        </td>
      )}
      {reviewNote !== null && <td>{reviewNote}</td>}
    </tr>
  );
}

/** The rules' findings on one value: hard errors, and warnings explained or not. */
function IssueList({ issues }: { issues: Issue[] }) {
  const t = useTranslations("review.detail");
  return (
    <ul className="review-issues">
      {issues.map((issue) => {
        const kind = issue.severity === "hard" ? "hard" : issue.explained ? "explained" : "unexplained";
        return (
          <li
            key={issue.rule}
            className={`review-issue review-issue-${kind}`}
            data-testid="review-issue"
            data-explained={issue.explained ? "true" : "false"}
          >
            <span className="review-issue-tag">
              <span aria-hidden="true">{kind === "explained" ? "✓" : "⚠"}</span> {t(`issue.${kind}`)}
            </span>{" "}
            {issue.message}
          </li>
        );
      })}
    </ul>
  );
}
