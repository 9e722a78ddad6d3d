import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { message } from "@zones/api";
import { getExportRun } from "@zones/db/exports";
import { canManageExportsOf, phrased, ZonesError } from "@zones/domain";
import {
  EXPORT_FORMATS,
  type ExportFormat,
  exportContentType,
  exportScopeFor,
  ZExportFiltersSchema,
} from "@zones/exports";
import { getDb } from "~/server/db";
import { downloadResponse } from "~/server/download";
import { signedInRoute } from "~/server/route-handler";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * GET /api/exports/runs/<id> — the file of a finished background export. 401 signed out; 404 unless the run is
 * the caller's own (admins: any), so others' run ids reveal nothing; 409 while it is not downloadable (still
 * running, failed, cancelled, or its file pruned); 403 when the caller may no longer export what it holds
 * (rights are checked as of now, not as of the run). Streamed from disk.
 */
export const GET = signedInRoute<{ id: string }>(async ({ user, params }) => {
  const { id } = params;
  // Not a uuid: no such run (and no database error for a malformed id).
  const run = UUID.test(id) ? await getExportRun(await getDb(), id) : null;
  if (!run || !canManageExportsOf(user, run.requestedBy, user.id)) {
    throw new ZonesError("not-found", message("exports.noExport"));
  }
  if (run.status !== "succeeded") {
    throw new ZonesError("conflict", message("exports.noFile", { status: run.status }));
  }
  if (!run.filePath || !run.fileName) throw new ZonesError("conflict", message("exports.filePruned"));

  const filters = ZExportFiltersSchema.safeParse(run.filters);
  if (!filters.success) throw new ZonesError("conflict", message("exports.filtersStale"));
  const scope = exportScopeFor(user, filters.data);
  if (!scope.ok) throw new ZonesError("forbidden", phrased(scope.message));
  const format: ExportFormat = (EXPORT_FORMATS as readonly string[]).includes(run.format)
    ? (run.format as ExportFormat)
    : "csv";

  let size: number;
  try {
    size = (await stat(run.filePath)).size;
  } catch {
    throw new ZonesError("conflict", message("exports.fileMissing"));
  }
  // An abandoned download cancels the web stream, which closes the file.
  const body = Readable.toWeb(createReadStream(run.filePath)) as ReadableStream<Uint8Array>;
  return downloadResponse(
    body,
    { contentType: exportContentType(filters.data, format), fileName: run.fileName },
    { "content-length": String(size) },
  );
});
