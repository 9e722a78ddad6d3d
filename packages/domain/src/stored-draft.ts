import { appliesToQuarter, INDICATORS, type IndicatorCode } from "./indicators";
import type { QuarterString } from "./quarter";
import type { IndicatorContext, SubmissionDraft } from "./submission-rules";
import type { Indicator } from "./types";

/** One indicator of a zone × quarter as stored: exact decimals as text, and what it is compared with. */
export interface StoredIndicator {
  indicatorCode: string;
  value: string | null;
  note: string | null;
  previousQuarter: string | null;
  lastYear: string | null;
  /** The zone's approved range before this quarter, and how many quarters it spans. */
  historyMin: string | null;
  historyMax: string | null;
  historyCount: number;
}

function toNumber(value: string | null): number | null {
  return value === null ? null : Number(value);
}

/** What the rules compare an indicator's value with, from its stored row. */
export function indicatorContext(row: StoredIndicator): IndicatorContext {
  return {
    previousQuarter: toNumber(row.previousQuarter),
    lastYear: toNumber(row.lastYear),
    history:
      row.historyMin !== null && row.historyMax !== null
        ? { min: Number(row.historyMin), max: Number(row.historyMax), count: row.historyCount }
        : null,
  };
}

/**
 * A stored zone × quarter as the shared rules (`checkSubmission`) want it: only the quarter's indicators, of
 * `indicators` (the catalogue's in force that year; the built-in ones by default). A stored row of an indicator
 * not among them (the bench's synthetic ones, a row left by another version) is not part of the form, rather
 * than a 500 for the whole form.
 */
export function storedDraft(
  quarter: QuarterString,
  rows: readonly StoredIndicator[],
  indicators: readonly Indicator[] = INDICATORS,
): SubmissionDraft {
  const draft: SubmissionDraft = { quarter, values: {}, notes: {}, context: {} };
  for (const row of rows) {
    const indicator = indicators.find((candidate) => candidate.code === row.indicatorCode);
    if (!indicator || !appliesToQuarter(indicator, quarter)) continue;
    const code = indicator.code as IndicatorCode;
    if (row.value !== null) draft.values[code] = row.value;
    if (row.note) draft.notes[code] = row.note;
    draft.context[code] = indicatorContext(row);
  }
  return draft;
}
