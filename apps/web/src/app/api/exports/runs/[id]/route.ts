import { exportRunDownload } from "@zones/api";
import { getDb } from "~/server/db";
import { getExportStorage } from "~/server/export-storage";
import { signedInRoute } from "~/server/route-handler";

/**
 * GET /api/exports/runs/<id> — the file of a finished background export, streamed from the export storage
 * after the rights checks (`exportRunDownload` in @zones/api: 401 signed out, 404 not the caller's, 409 no
 * file, 403 no longer allowed).
 */
export const GET = signedInRoute<{ id: string }>(async ({ user, params }) =>
  exportRunDownload(await getDb(), getExportStorage(), user, params.id),
);
