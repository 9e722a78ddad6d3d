import type { RouterOutputs } from "@zones/api";
import {
  checkSubmission,
  type Indicator,
  type IndicatorCode,
  indicatorContext,
  NOTE_MAX_LENGTH,
  parseEnteredNumber,
  type QuarterString,
  type SubmissionDraft,
  type SubmissionFormInput,
} from "@zones/domain";

/**
 * The entry form's data model, without React: what the server sent, what the filer typed, what a draft
 * save may carry and what is still unsaved. Values are compared as numbers (their canonical text), so
 * "1,234.5" typed and "1234.5" stored are the same value.
 */

export type EntryFormData = RouterOutputs["submission"]["form"];
export type EntryRow = EntryFormData["indicators"][number];

/** What the form holds: text as typed, by indicator code. */
export type EntryTexts = SubmissionFormInput;

/** What the server holds after a save: canonical value text ("" = none) and trimmed note ("" = none). */
export interface SavedTexts {
  values: Record<string, string>;
  notes: Record<string, string>;
}

/** The server's `save` refuses longer texts outright (the whole save), so they are held back. */
const VALUE_MAX_LENGTH = 100;

export function serverTexts(data: EntryFormData): EntryTexts {
  const values: Record<string, string> = {};
  const notes: Record<string, string> = {};
  for (const row of data.indicators) {
    values[row.indicatorCode] = row.value ?? "";
    notes[row.indicatorCode] = row.note ?? "";
  }
  return { values, notes };
}

/** Comparison values of every indicator of the form, as the shared rules want them. */
export function indicatorContexts(data: EntryFormData): SubmissionDraft["context"] {
  const context: SubmissionDraft["context"] = {};
  for (const row of data.indicators) context[row.indicatorCode as IndicatorCode] = indicatorContext(row);
  return context;
}

/** The value a text stands for: canonical number text, "" when blank, the trimmed text when not a number. */
export function canonicalValue(text: string | null | undefined): string {
  const parsed = parseEnteredNumber(text ?? "");
  if (parsed.ok) return parsed.text;
  return parsed.error === "empty" ? "" : (text ?? "").trim();
}

export function parsedValue(text: string | null | undefined): number | null {
  const parsed = parseEnteredNumber(text ?? "");
  return parsed.ok ? parsed.value : null;
}

export function savedFromServer(data: EntryFormData): SavedTexts {
  const saved: SavedTexts = { values: {}, notes: {} };
  for (const row of data.indicators) {
    const value = canonicalValue(row.value);
    saved.values[row.indicatorCode] = value;
    saved.notes[row.indicatorCode] = value === "" ? "" : (row.note ?? "").trim();
  }
  return saved;
}

/** A draft save: every value that passes the draft rules, every note; `held` are the fields kept back. */
export interface SavePayload {
  values: Record<string, string>;
  notes: Record<string, string>;
  /** Form field names (`values.<code>`, `notes.<code>`) not sent because the server would refuse them. */
  held: `${"values" | "notes"}.${string}`[];
}

/**
 * What a draft save sends: all texts that pass the draft-mode hard rules (an empty text clears the value),
 * and all notes. Values failing a hard rule stay in the form with their message and are not sent.
 */
export function savePayload(
  texts: EntryTexts,
  quarter: QuarterString,
  context: SubmissionDraft["context"],
  /** The form's indicators (the catalogue's in force that year). */
  indicators: readonly Indicator[],
): SavePayload {
  const codes = Object.keys(context);
  const draft: SubmissionDraft = { quarter, values: {}, notes: {}, context };
  for (const code of codes) draft.values[code as IndicatorCode] = texts.values[code] ?? "";
  const failing = new Set(
    checkSubmission(draft, "draft", indicators)
      .filter((issue) => issue.severity === "hard")
      .map((issue) => issue.indicatorCode as string),
  );
  const payload: SavePayload = { values: {}, notes: {}, held: [] };
  for (const code of codes) {
    const text = texts.values[code] ?? "";
    if (failing.has(code) || text.length > VALUE_MAX_LENGTH) payload.held.push(`values.${code}`);
    else payload.values[code] = text;
    const note = texts.notes[code] ?? "";
    // The server counts UTF-16 units; the shared schema's message (in characters) explains the limit.
    if (note.length > NOTE_MAX_LENGTH) payload.held.push(`notes.${code}`);
    else payload.notes[code] = note;
  }
  return payload;
}

/** What the server holds once it accepted the payload (notes are kept only beside a value). */
export function applyPayload(saved: SavedTexts, payload: SavePayload): SavedTexts {
  const next: SavedTexts = { values: { ...saved.values }, notes: { ...saved.notes } };
  const codes = new Set([...Object.keys(payload.values), ...Object.keys(payload.notes)]);
  for (const code of codes) {
    const value = code in payload.values ? canonicalValue(payload.values[code]) : (saved.values[code] ?? "");
    const note = code in payload.notes ? (payload.notes[code] ?? "").trim() : (saved.notes[code] ?? "");
    next.values[code] = value;
    next.notes[code] = value === "" ? "" : note;
  }
  return next;
}

/** Indicators whose value or note in the payload differs from what the server holds. */
export function pendingCodes(saved: SavedTexts, payload: SavePayload): string[] {
  const after = applyPayload(saved, payload);
  const codes = new Set([...Object.keys(after.values), ...Object.keys(saved.values)]);
  return [...codes].filter(
    (code) =>
      (after.values[code] ?? "") !== (saved.values[code] ?? "") ||
      (after.notes[code] ?? "") !== (saved.notes[code] ?? ""),
  );
}

/** Exactly the same texts (as typed), e.g. to know that a confirmed save contained what the form holds now. */
export function sameTexts(a: EntryTexts, b: EntryTexts): boolean {
  const same = (x: Record<string, string>, y: Record<string, string>) => {
    const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
    return [...keys].every((key) => (x[key] ?? "") === (y[key] ?? ""));
  };
  return same(a.values, b.values) && same(a.notes, b.notes);
}

/** The same values and notes as far as the server is concerned (numbers compared, notes trimmed). */
export function sameContent(a: EntryTexts, b: EntryTexts): boolean {
  const keys = new Set([...Object.keys(a.values), ...Object.keys(b.values)]);
  return [...keys].every(
    (key) =>
      canonicalValue(a.values[key]) === canonicalValue(b.values[key]) &&
      (a.notes[key] ?? "").trim() === (b.notes[key] ?? "").trim(),
  );
}

/** A copy holding only the indicators of the form (a backup may carry codes of an older catalogue). */
export function restrictTo(texts: EntryTexts, base: EntryTexts): EntryTexts {
  const values: Record<string, string> = {};
  const notes: Record<string, string> = {};
  for (const code of Object.keys(base.values)) {
    values[code] = texts.values[code] ?? base.values[code] ?? "";
    notes[code] = texts.notes[code] ?? base.notes[code] ?? "";
  }
  return { values, notes };
}
