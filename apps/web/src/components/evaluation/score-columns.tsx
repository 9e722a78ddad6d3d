"use client";

import type { RouterOutputs } from "@zones/api";
import { formatNumber, type Locale, localized } from "@zones/domain";
import { useLocale, useTranslations } from "next-intl";

import { PoorWarning, RatingBadge } from "./rating-badge";

type Year = RouterOutputs["evaluation"]["year"];
type Dimension = NonNullable<Year["rubric"]>["dimensions"][number];
/** What a zone's and a member city's result rows both hold. */
type ScoredRow = Pick<
  Year["rows"][number],
  | "dimensionScores"
  | "computedScore"
  | "adjustment"
  | "adjustmentReason"
  | "finalScore"
  | "rating"
  | "warning"
>;

/** A score to 2 decimals, or a dash. */
export const score = (value: number | null, locale: Locale) =>
  value === null ? "—" : formatNumber(value, locale, { decimals: 2 });

/** The adjustment, signed, with its reason beneath. */
function AdjustmentCell({ row }: { row: Pick<ScoredRow, "adjustment" | "adjustmentReason"> }) {
  const locale = useLocale() as Locale;
  return (
    <td className="numeric" title={row.adjustmentReason ?? undefined} data-testid="evaluation-adjustment">
      {row.adjustment === null ? "—" : `${row.adjustment > 0 ? "+" : ""}${score(row.adjustment, locale)}`}
      {row.adjustmentReason && <span className="evaluation-reason">{row.adjustmentReason}</span>}
    </td>
  );
}

/**
 * The score columns' headers, the same for the zones' and the member cities' tables: one per dimension, then
 * computed, adjustment, final, rating, and the reviewer's action when the year can be adjusted.
 */
export function ScoreHeaders({
  dimensions,
  adjustable,
}: {
  dimensions: readonly Dimension[];
  adjustable: boolean;
}) {
  const t = useTranslations("evaluation");
  const locale = useLocale() as Locale;
  return (
    <>
      {dimensions.map((dimension) => (
        <th scope="col" className="numeric" key={dimension.code}>
          {localized(dimension.name, locale)}
        </th>
      ))}
      <th scope="col" className="numeric">
        {t("computedScore")}
      </th>
      <th scope="col" className="numeric">
        {t("adjustment")}
      </th>
      <th scope="col" className="numeric">
        {t("finalScore")}
      </th>
      <th scope="col">{t("rating")}</th>
      {adjustable && <th scope="col">{t("actions")}</th>}
    </>
  );
}

/** A result's score cells under `ScoreHeaders`; `name` says whose score the adjust button opens. */
export function ScoreCells({
  row,
  dimensions,
  adjustable,
  name,
  onAdjust,
}: {
  row: ScoredRow;
  dimensions: readonly Dimension[];
  adjustable: boolean;
  name: string;
  onAdjust(): void;
}) {
  const t = useTranslations("evaluation");
  const locale = useLocale() as Locale;
  return (
    <>
      {dimensions.map((dimension) => (
        <td className="numeric" key={dimension.code}>
          {score(row.dimensionScores[dimension.code] ?? null, locale)}
        </td>
      ))}
      <td className="numeric">{score(row.computedScore, locale)}</td>
      <AdjustmentCell row={row} />
      <td className="numeric" data-testid="evaluation-final">
        {score(row.finalScore, locale)}
      </td>
      <td>
        <RatingBadge rating={row.rating} /> <PoorWarning warning={row.warning} />
      </td>
      {adjustable && (
        <td>
          <button type="button" onClick={onAdjust} data-testid="evaluation-adjust-open">
            {t("adjustButton")}
            <span className="visually-hidden"> {name}</span>
          </button>
        </td>
      )}
    </>
  );
}

/** "缺 2 项": the rubric's items a result has no value of (they scored 0). */
export function MissingItems({ count }: { count: number }) {
  const t = useTranslations("evaluation");
  if (count === 0) return null;
  return <span className="hint evaluation-missing"> {t("missing", { count })}</span>;
}
