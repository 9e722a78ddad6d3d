import { parseEnteredNumber } from "./entered-number";
import { appliesToQuarter, INDICATORS, type IndicatorCode } from "./indicators";
import type { QuarterString } from "./quarter";
import { checkSubmission, type RuleCode, type RuleIssue } from "./submission-rules";
import type { Indicator } from "./types";

/** Rules a draft save enforces: a value the database cannot hold as typed. The rest block submitting only. */
const FIELD_RULES: ReadonlySet<RuleCode> = new Set([
  "not-a-number",
  "ambiguous-separator",
  "range",
  "decimals",
]);

/**
 * The field-level hard issues of the typed values (blank ones excluded). They need no comparison values,
 * so a save checks them without reading the zone's history.
 */
export function fieldIssues(
  quarter: QuarterString,
  typed: Partial<Record<IndicatorCode, string>>,
  indicators: readonly Indicator[] = INDICATORS,
): RuleIssue[] {
  return checkSubmission({ quarter, values: typed, notes: {}, context: {} }, "draft", indicators).filter(
    (issue) => FIELD_RULES.has(issue.rule) && typed[issue.indicatorCode] !== undefined,
  );
}

/** What a draft save of one zone × quarter carries, read from what was typed. */
export interface DraftSave {
  /** Exact decimal text by indicator code; null clears the stored value. Absent codes stay as they are. */
  values: Record<string, string | null>;
  /** 上报说明 by indicator code, trimmed; null clears it. */
  notes: Record<string, string | null>;
  /** Codes that are not part of the quarter's form: the save is refused. */
  unknown: string[];
  /** Values the database cannot hold as typed: the save is refused, naming each. */
  refused: RuleIssue[];
}

/**
 * Reads a draft save: a blank value clears the stored one, any other is stored as exact decimal text; a
 * blank note clears the stored one. Nothing is dropped silently: unknown codes and refused values are
 * listed (see `draftRefusal`), and nothing may be saved while there are any.
 */
export function draftSave(
  quarter: QuarterString,
  entered: { values: Record<string, string>; notes: Record<string, string> },
  indicators: readonly Indicator[] = INDICATORS,
): DraftSave {
  const inForm = new Set(
    indicators.filter((indicator) => appliesToQuarter(indicator, quarter)).map((indicator) => indicator.code),
  );
  const unknown = [...Object.keys(entered.values), ...Object.keys(entered.notes)].filter(
    (code) => !inForm.has(code),
  );
  const values: DraftSave["values"] = {};
  const typed: Partial<Record<IndicatorCode, string>> = {};
  for (const [code, text] of Object.entries(entered.values)) {
    if (text.trim() === "") values[code] = null;
    else typed[code as IndicatorCode] = text;
  }
  for (const [code, text] of Object.entries(typed)) {
    if (text === undefined) continue;
    const parsed = parseEnteredNumber(text);
    if (parsed.ok) values[code] = parsed.text;
  }
  const notes = Object.fromEntries(
    Object.entries(entered.notes).map(([code, note]) => [code, note.trim() || null]),
  );
  return {
    values,
    notes,
    unknown,
    refused: unknown.length > 0 ? [] : fieldIssues(quarter, typed, indicators),
  };
}
