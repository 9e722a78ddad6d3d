import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { getExportRun } from "@zones/db/exports";
import { canManageExportsOf } from "@zones/domain";
import {
  EXPORT_FORMATS,
  type ExportFormat,
  exportContentType,
  exportScopeFor,
  ZExportFiltersSchema,
} from "@zones/exports";
import { getDb } from "~/server/db";
import { signedInRoute, plainText as text } from "~/server/route-handler";

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
  if (!run || !canManageExportsOf(user, run.requestedBy, user.id)) return text("No such export.", 404);

  if (run.status !== "succeeded") {
    const why = {
      queued: "it has not started yet",
      running: "it is still running",
      failed: "it failed",
      cancelled: "it was cancelled",
    }[run.status];
    return text(`This export has no file to download: ${why}.`, 409);
  }
  if (!run.filePath || !run.fileName) {
    return text("This export's file was deleted by its schedule's retention rule; export it again.", 409);
  }

  const filters = ZExportFiltersSchema.safeParse(run.filters);
  if (!filters.success) return text("This export's filters are no longer valid; export it again.", 409);
  const scope = exportScopeFor(user, filters.data);
  if (!scope.ok) return text(scope.message, 403);
  const format: ExportFormat = (EXPORT_FORMATS as readonly string[]).includes(run.format)
    ? (run.format as ExportFormat)
    : "csv";

  let size: number;
  try {
    size = (await stat(run.filePath)).size;
  } catch {
    return text("This export's file is no longer on the server; export it again.", 409);
  }
  // An abandoned download cancels the web stream, which closes the file.
  const body = Readable.toWeb(createReadStream(run.filePath)) as ReadableStream<Uint8Array>;
  return new Response(body, {
    headers: {
      "content-type": exportContentType(filters.data, format),
      "content-disposition": `attachment; filename="${run.fileName}"`,
      "content-length": String(size),
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
