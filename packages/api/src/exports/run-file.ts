import { Readable } from "node:stream";
import type { SessionUser } from "@zones/auth";
import type { Database } from "@zones/db/client";
import { type ExportRunListRow, exportUserById, getExportRun } from "@zones/db/exports";
import { canManageExportsOf, phrased, ZonesError } from "@zones/domain";
import {
  EXPORT_FORMATS,
  type ExportFormat,
  exportContentType,
  exportScopeFor,
  ZExportFiltersSchema,
} from "@zones/exports";
import { verifyDownloadToken } from "@zones/exports/delivery-token";
import type { ExportStorage } from "@zones/storage";

import { downloadResponse } from "../download";
import { message } from "../messages";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * GET /api/exports/runs/<id> — the file of a finished background export, streamed from the export storage (the
 * folder or the bucket) with its length, never read whole. Everything is checked before the storage is asked:
 * 404 unless the run is the caller's own (admins: any), so others' run ids reveal nothing; 409 while it is not
 * downloadable (still running, failed, cancelled, or its file pruned); 403 when the caller may no longer export
 * what it holds (rights as of now, not as of the run). `Repr-Digest` carries the SHA-256 recorded when the file
 * was written.
 */
export async function exportRunDownload(
  db: Database,
  storage: ExportStorage,
  user: SessionUser,
  id: string,
): Promise<Response> {
  // Not a uuid: no such run (and no database error for a malformed id).
  const run = UUID.test(id) ? await getExportRun(db, id) : null;
  if (!run || !canManageExportsOf(user, run.requestedBy, user.id)) {
    throw new ZonesError("not-found", message("exports.noExport"));
  }
  const filters = runFilters(run);
  const scope = exportScopeFor(user, filters);
  if (!scope.ok) throw new ZonesError("forbidden", phrased(scope.message));
  return runFileResponse(storage, run, filters);
}

/** The run's filters when it has a file to give; refuses (409) otherwise. */
function runFilters(run: ExportRunListRow) {
  if (run.status !== "succeeded") {
    throw new ZonesError("conflict", message("exports.noFile", { status: run.status }));
  }
  if (!run.storageKey || !run.fileName) throw new ZonesError("conflict", message("exports.filePruned"));
  const filters = ZExportFiltersSchema.safeParse(run.filters);
  if (!filters.success) throw new ZonesError("conflict", message("exports.filtersStale"));
  return filters.data;
}

/**
 * GET /api/exports/runs/<id>/download?token=… — a delivered file, by the signed link its mail or webhook
 * carried, without signing in. 403 when the token is not this run's, was changed, or has expired; a link sent to
 * an account works only while that account may still export what the file holds (rights as of now). A link
 * opens this one file and nothing else.
 */
export async function exportRunTokenDownload(
  db: Database,
  storage: ExportStorage,
  linkKey: Buffer,
  id: string,
  token: string,
  now = new Date(),
): Promise<Response> {
  const checked = UUID.test(id) ? verifyDownloadToken(linkKey, token, id.toLowerCase(), now) : null;
  if (!checked?.ok) {
    const key = checked?.reason === "expired" ? "exports.linkExpired" : "exports.linkInvalid";
    throw new ZonesError("forbidden", message(key));
  }
  const run = await getExportRun(db, id);
  if (!run) throw new ZonesError("not-found", message("exports.noExport"));
  const filters = runFilters(run);
  const recipient = checked.link.recipient;
  if ("userId" in recipient) {
    const account = await exportUserById(db, recipient.userId);
    if (!account || account.disabled) {
      throw new ZonesError("forbidden", message("exports.linkRefused", { reason: "account disabled" }));
    }
    const scope = exportScopeFor(account, filters);
    if (!scope.ok)
      throw new ZonesError("forbidden", message("exports.linkRefused", { reason: scope.message }));
  }
  return runFileResponse(storage, run, filters);
}

async function runFileResponse(
  storage: ExportStorage,
  run: ExportRunListRow,
  filters: ReturnType<typeof runFilters>,
): Promise<Response> {
  if (!run.storageKey || !run.fileName) throw new ZonesError("conflict", message("exports.filePruned"));
  const format: ExportFormat = (EXPORT_FORMATS as readonly string[]).includes(run.format)
    ? (run.format as ExportFormat)
    : "csv";

  const file = await storage.open(run.storageKey);
  if (!file) throw new ZonesError("conflict", message("exports.fileMissing"));
  const extra: Record<string, string> = { "content-length": String(file.size) };
  if (run.checksum) extra["repr-digest"] = `sha-256=:${Buffer.from(run.checksum, "hex").toString("base64")}:`;
  // An abandoned download cancels the web stream, which destroys the file's stream (the file or connection).
  return downloadResponse(
    Readable.toWeb(file.body) as ReadableStream<Uint8Array>,
    { contentType: exportContentType(filters, format), fileName: run.fileName },
    extra,
  );
}
