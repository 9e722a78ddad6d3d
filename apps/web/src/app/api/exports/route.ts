import { downloadResponse } from "@zones/api";
import { cachedCatalogue } from "@zones/db/catalogue";
import { phrased, ZonesError } from "@zones/domain";
import { exportRequestFromSearchParams, exportScopeFor, prepareExportDownload } from "@zones/exports";
import { getReader } from "~/server/db";
import { signedInRoute } from "~/server/route-handler";

/**
 * GET /api/exports?zones=HB-HS,SD-ZB&indicators=gdp&from=2025Q1&to=2026Q2&layout=long&lang=zh
 *   &encoding=utf-8-bom&format=csv&statuses=approved — an on-demand export, streamed from a database cursor.
 * `zones=all` and `indicators=all` select the whole catalogue. 401 signed out, 400 bad filters (the message
 * names the parameter), 403 when the user may not export what was asked (e.g. another zone's unapproved data).
 * The row count is sent ahead in `x-export-rows` (0: a header-only file). A failure mid-stream aborts the
 * response, so the browser reports a failed download rather than keeping a truncated file.
 */
export const GET = signedInRoute(async ({ request, user }) => {
  // Bad filters, and codes the catalogue does not have, are refused (400) naming the parameter.
  const reader = await getReader();
  const parsed = exportRequestFromSearchParams(
    new URL(request.url).searchParams,
    await cachedCatalogue(reader),
  );
  const scope = exportScopeFor(user, parsed.filters);
  if (!scope.ok) throw new ZonesError("forbidden", phrased(scope.message));

  // An export reads a read replica when one is well (a little behind the primary), else the primary.
  const download = await prepareExportDownload(reader, scope.filters, parsed.format);
  // Abandoned downloads cancel the body, which closes the database cursor.
  return downloadResponse(download.body, download, { "x-export-rows": String(download.rowsExpected) });
});
