import { z } from "zod";
import { parseEnteredNumber } from "./entered-number";
import { formatQuarterLabel, localized } from "./format";
import type { IndicatorCode } from "./indicators";
import { appliesToQuarter, INDICATORS } from "./indicators";
import type { QuarterString } from "./quarter";
import { toQuarter } from "./quarter";
import { describeRuleIssue } from "./submission-messages";
import type { CheckMode, SubmissionDraft } from "./submission-rules";
import { checkSubmission, NOTE_MAX_LENGTH } from "./submission-rules";
import type { Indicator, Locale } from "./types";

/**
 * The one schema for a submission's form: the React form validates with it (zodResolver) and the server
 * parses the same request with it, so both give the same messages at the same fields.
 */

export interface SubmissionFormOptions {
  quarter: QuarterString;
  context: SubmissionDraft["context"];
  mode: CheckMode;
  locale: Locale;
  /** The form's indicators: the catalogue's in force that year (the built-in ones by default). */
  indicators?: readonly Indicator[];
}

/** As typed: text by indicator code. */
export interface SubmissionFormInput {
  values: Record<string, string>;
  notes: Record<string, string>;
}

export interface SubmissionFormOutput {
  /** Canonical text from `parseEnteredNumber`; blank inputs omitted. */
  values: Partial<Record<IndicatorCode, string>>;
  /** Trimmed, line ends as LF; blank notes omitted. */
  notes: Partial<Record<IndicatorCode, string>>;
}

type Field = "values" | "notes";

function say(locale: Locale, zh: string, en: string): string {
  return locale === "zh-CN" ? zh : en;
}

/** The key as an indicator of the form, or why it may not be there. */
function checkKey(
  key: string,
  options: SubmissionFormOptions,
): { ok: true; code: IndicatorCode } | { ok: false; message: string } {
  const { locale, quarter } = options;
  const indicator = (options.indicators ?? INDICATORS).find((candidate) => candidate.code === key);
  if (!indicator) {
    return { ok: false, message: say(locale, `未知的指标代码“${key}”`, `unknown indicator code "${key}"`) };
  }
  if (appliesToQuarter(indicator, quarter)) return { ok: true, code: key as IndicatorCode };
  const name = localized(indicator.name, locale);
  const label = formatQuarterLabel(quarter, locale);
  const message = say(
    locale,
    `${name}：年度指标只随第四季度填报，${label}不填此项`,
    `${name}: an annual indicator is entered with Q4 only, not with ${label}`,
  );
  return { ok: false, message };
}

/** Applicable entries of one field; a problem is added for every other key. */
function applicableEntries(
  field: Field,
  record: Record<string, string>,
  options: SubmissionFormOptions,
  ctx: z.RefinementCtx,
): Array<[IndicatorCode, string]> {
  const entries: Array<[IndicatorCode, string]> = [];
  for (const [key, text] of Object.entries(record)) {
    const checked = checkKey(key, options);
    if (checked.ok) entries.push([checked.code, text]);
    else ctx.addIssue({ code: "custom", path: [field, key], message: checked.message, input: key });
  }
  return entries;
}

function checkNoteLengths(
  notes: Array<[IndicatorCode, string]>,
  options: SubmissionFormOptions,
  ctx: z.RefinementCtx,
): void {
  const { locale } = options;
  for (const [code, note] of notes) {
    // Counted in characters as a person sees them, not UTF-16 units.
    const length = Array.from(note.trim()).length;
    if (length <= NOTE_MAX_LENGTH) continue;
    const indicator = (options.indicators ?? INDICATORS).find((candidate) => candidate.code === code);
    const name = indicator ? localized(indicator.name, locale) : code;
    ctx.addIssue({
      code: "custom",
      path: ["notes", code],
      message: say(
        locale,
        `${name}：说明最多 ${NOTE_MAX_LENGTH} 个字，现有 ${length} 个字`,
        `${name}: the note may be at most ${NOTE_MAX_LENGTH} characters long; it has ${length}`,
      ),
      input: note,
    });
  }
}

function output(values: Array<[IndicatorCode, string]>, notes: Array<[IndicatorCode, string]>) {
  const result: SubmissionFormOutput = { values: {}, notes: {} };
  for (const [code, text] of values) {
    const parsed = parseEnteredNumber(text);
    if (parsed.ok) result.values[code] = parsed.text;
  }
  for (const [code, note] of notes) {
    // One line end, LF, whatever the browser or the pasted text used: a lone CR breaks CSV readers.
    if (note.trim() !== "") result.notes[code] = note.trim().replace(/\r\n?/g, "\n");
  }
  return result;
}

/**
 * `{ values, notes }` by indicator code → canonical values and trimmed notes. Only indicators that apply to
 * the quarter may appear. Runs `checkSubmission` and reports each hard issue at `values.<code>`; in submit
 * mode also each unexplained soft issue at `notes.<code>`, where the explanation goes. Drafts are not held
 * back by soft issues: the filer explains them before submitting.
 */
export function submissionFormSchema(
  options: SubmissionFormOptions,
): z.ZodType<SubmissionFormOutput, SubmissionFormInput> {
  const { locale, mode, context } = options;
  // A malformed quarter throws here, when the schema is made, rather than on every parse.
  toQuarter(options.quarter);
  const text = z.string({
    error: (issue) => say(locale, "须为文本", `must be text, got ${typeof issue.input}`),
  });
  return z
    .object(
      { values: z.record(z.string(), text), notes: z.record(z.string(), text) },
      { error: () => say(locale, "须包含 values 和 notes", "expected an object with values and notes") },
    )
    .transform((input, ctx): SubmissionFormOutput => {
      const values = applicableEntries("values", input.values, options, ctx);
      const notes = applicableEntries("notes", input.notes, options, ctx);
      checkNoteLengths(notes, options, ctx);
      const draft: SubmissionDraft = {
        quarter: options.quarter,
        values: Object.fromEntries(values),
        notes: Object.fromEntries(notes),
        context,
      };
      const indicators = options.indicators ?? INDICATORS;
      for (const found of checkSubmission(draft, mode, indicators)) {
        const field: Field | null =
          found.severity === "hard" ? "values" : mode === "submit" && !found.explained ? "notes" : null;
        if (field === null) continue;
        ctx.addIssue({
          code: "custom",
          path: [field, found.indicatorCode],
          message: describeRuleIssue(found, locale, indicators),
          input: draft[field][found.indicatorCode],
          params: { rule: found.rule, severity: found.severity },
        });
      }
      return output(values, notes);
    });
}
