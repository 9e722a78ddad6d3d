import type { SessionUser } from "@zones/auth";
import { cachedCatalogue } from "@zones/db/catalogue";
import type { Database } from "@zones/db/client";
import { saveSubmissionDraft } from "@zones/db/submissions";
import {
  canWriteZone,
  checkTransition,
  describeRuleIssue,
  draftSave,
  type Locale,
  phrased,
  type QuarterString,
  refusalText,
  ZonesError,
} from "@zones/domain";
import {
  FILE_REFUSAL_CODES,
  parseUpload,
  type UploadEncoding,
  type UploadError,
  type UploadRow,
} from "@zones/spreadsheets";

import { message, translate } from "../messages";
import { actorFor, type LoadedForm, loadForm } from "./form-data";

/** How many lines a preview lists one by one; the counts always cover the whole file. */
export const PREVIEW_LINE_LIMIT = 2000;

export interface ImportIssue {
  row: number | null;
  column: string | null;
  message: string;
}

export type ImportLineStatus = "new" | "changed" | "unchanged";

export interface ImportLine {
  row: number;
  zoneCode: string;
  quarter: string;
  indicatorCode: string;
  before: string | null;
  after: string;
  note: string;
  status: ImportLineStatus;
}

export interface ImportPreview {
  encoding: UploadEncoding | null;
  errors: ImportIssue[];
  lines: ImportLine[];
  counts: Record<ImportLineStatus | "blank", number>;
  /** The submissions the file touches, at the version seen: applying refuses if any moved on meanwhile. */
  submissions: { zoneCode: string; quarter: string; version: number }[];
}

interface Group {
  zoneCode: string;
  quarter: QuarterString;
  rows: UploadRow[];
  loaded: LoadedForm;
  values: Record<string, string>;
  notes: Record<string, string | null>;
}

function groupKey(zoneCode: string, quarter: string): string {
  return `${zoneCode}/${quarter}`;
}

/**
 * The file refused as a whole, before any comparison, as a refused request naming the field: over a size,
 * row, column or cell limit, too long or too big to read; or the server is busy reading other uploads (try
 * again later).
 */
function uploadRefusal(refusal: UploadError): ZonesError {
  return new ZonesError(
    refusal.code === "busy" ? "busy" : "invalid",
    message("imports.fileRefused", { reason: refusal.message }),
  );
}

interface Analysis {
  preview: ImportPreview;
  groups: Group[];
}

/**
 * Reads an uploaded template and compares it with the database without writing anything: what is new,
 * changed or unchanged, and every error with its row and column. The same rules as the form apply:
 * the uploader's zone rights, the workflow (no changes to submitted or approved data, closed periods),
 * and the values' hard rules. A blank value leaves the stored one as it is.
 */
async function analyse(
  db: Database,
  user: SessionUser,
  locale: Locale,
  file: { name: string; bytes: Uint8Array },
): Promise<Analysis> {
  // Each row is checked against the database's catalogue as it stood for the row's quarter, as the form is.
  const parsed = await parseUpload(file, await cachedCatalogue(db));
  const refusal = parsed.errors.find((error) => FILE_REFUSAL_CODES.has(error.code));
  if (refusal) throw uploadRefusal(refusal);
  const errors: ImportIssue[] = parsed.errors.map((error) => ({
    row: error.row,
    column: error.column,
    message: translate(locale, phrased(error.message)),
  }));
  const counts = { new: 0, changed: 0, unchanged: 0, blank: 0 };
  const lines: ImportLine[] = [];

  const rowsByGroup = new Map<string, UploadRow[]>();
  for (const row of parsed.rows) {
    if (!canWriteZone(user, row.zoneCode)) {
      errors.push({
        row: row.row,
        column: "zone_code",
        message: translate(locale, message("imports.zoneRefused", { zoneCode: row.zoneCode })),
      });
      continue;
    }
    const key = groupKey(row.zoneCode, row.quarter);
    const list = rowsByGroup.get(key) ?? [];
    list.push(row);
    rowsByGroup.set(key, list);
  }

  const groups: Group[] = [];
  for (const rows of rowsByGroup.values()) {
    const first = rows[0];
    if (!first) continue;
    const loaded = await loadForm(db, first.zoneCode, first.quarter);
    const group: Group = {
      zoneCode: first.zoneCode,
      quarter: first.quarter,
      rows,
      loaded,
      values: {},
      notes: {},
    };
    const entered = rows.filter((row) => row.value.trim() !== "");
    counts.blank += rows.length - entered.length;
    if (entered.length === 0) continue;

    const transition = checkTransition("save", loaded.state, actorFor(user, first.zoneCode));
    if (!transition.ok) {
      errors.push({
        row: first.row,
        column: null,
        message: translate(
          locale,
          message("imports.submissionRefused", {
            zoneCode: first.zoneCode,
            quarter: first.quarter,
            reason: refusalText(transition.refusal, "save"),
          }),
        ),
      });
      continue;
    }
    // The same draft save as the form's; a blank note in the file keeps the stored one.
    const save = draftSave(
      first.quarter,
      {
        values: Object.fromEntries(entered.map((row) => [row.indicatorCode, row.value])),
        notes: Object.fromEntries(
          entered.filter((row) => row.note.trim() !== "").map((row) => [row.indicatorCode, row.note]),
        ),
      },
      loaded.indicators,
    );
    const rowOf = new Map(entered.map((row) => [row.indicatorCode as string, row.row]));
    for (const issue of save.refused) {
      errors.push({
        row: rowOf.get(issue.indicatorCode) ?? null,
        column: "value",
        message: describeRuleIssue(issue, locale, loaded.indicators),
      });
    }
    for (const row of entered) {
      const after = save.values[row.indicatorCode];
      if (after === undefined || after === null) continue;
      const before = loaded.draft.values[row.indicatorCode] ?? null;
      const beforeNote = loaded.draft.notes[row.indicatorCode] ?? "";
      const note = save.notes[row.indicatorCode] ?? "";
      const sameValue = before !== null && Number(before) === Number(after);
      const status: ImportLineStatus =
        before === null ? "new" : sameValue && (note === "" || note === beforeNote) ? "unchanged" : "changed";
      counts[status] += 1;
      group.values[row.indicatorCode] = after;
      if (note !== "") group.notes[row.indicatorCode] = note;
      if (lines.length < PREVIEW_LINE_LIMIT) {
        lines.push({
          row: row.row,
          zoneCode: row.zoneCode,
          quarter: row.quarter,
          indicatorCode: row.indicatorCode,
          before,
          after,
          note,
          status,
        });
      }
    }
    groups.push(group);
  }

  errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return {
    preview: {
      encoding: parsed.encoding,
      errors,
      lines,
      counts,
      submissions: groups.map((group) => ({
        zoneCode: group.zoneCode,
        quarter: group.quarter,
        version: group.loaded.form.submission?.version ?? 0,
      })),
    },
    groups,
  };
}

export async function previewImport(
  db: Database,
  user: SessionUser,
  locale: Locale,
  file: { name: string; bytes: Uint8Array },
): Promise<ImportPreview> {
  return (await analyse(db, user, locale, file)).preview;
}

/** A file with errors is refused as a whole, naming (row, column) the first few; nothing was written. */
function importRefusal(preview: ImportPreview): ZonesError {
  const issues = preview.errors.map((issue) => ({
    path: [String(issue.row ?? ""), issue.column ?? ""],
    message: phrased(issue.message),
  }));
  const shown = preview.errors
    .slice(0, 5)
    .map((issue) => issue.message)
    .join("; ");
  return new ZonesError("invalid", phrased(shown), { issues });
}

/**
 * Applies an uploaded file all or nothing: refused if it has any error, and if any submission it touches
 * is no longer at the version the uploader previewed (`staleVersion`). Every change goes through
 * the same draft save as the form, with its audit rows, in one transaction.
 */
export async function applyImport(
  db: Database,
  user: SessionUser,
  locale: Locale,
  file: { name: string; bytes: Uint8Array },
  expectedVersions: Record<string, number>,
): Promise<{ changed: number; submissions: number }> {
  const { preview, groups } = await analyse(db, user, locale, file);
  if (preview.errors.length > 0) throw importRefusal(preview);
  return db.transaction(async (tx) => {
    let changed = 0;
    let touched = 0;
    for (const group of groups) {
      const key = groupKey(group.zoneCode, group.quarter);
      const result = await saveSubmissionDraft(tx, {
        zoneCode: group.zoneCode,
        quarter: group.quarter,
        baseVersion: expectedVersions[key] ?? group.loaded.form.submission?.version ?? 0,
        values: group.values,
        notes: group.notes,
        actor: actorFor(user, group.zoneCode),
        source: "import",
      });
      changed += result.changed;
      if (result.changed > 0) touched += 1;
    }
    return { changed, submissions: touched };
  });
}
