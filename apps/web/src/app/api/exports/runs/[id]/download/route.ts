import { exportRunTokenDownload, httpStatusOf, translate } from "@zones/api";
import { resolveAuthSecret } from "@zones/auth";
import { ZonesError } from "@zones/domain";
import { downloadLinkKey } from "@zones/exports/delivery-token";

import { getDb } from "~/server/db";
import { getExportStorage } from "~/server/export-storage";
import { faultResponse, plainText } from "~/server/fault-response";
import { requestLocale } from "~/server/route-handler";

/**
 * GET /api/exports/runs/<id>/download?token=… — a delivered export file by the signed, expiring link of its
 * mail or webhook; no session (outside recipients have none). `exportRunTokenDownload` (@zones/api) checks the
 * token and, for a link sent to an account, that account's rights as of now: 403 with a plain message otherwise.
 */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const locale = await requestLocale();
  try {
    const { id } = await context.params;
    const token = new URL(request.url).searchParams.get("token") ?? "";
    const db = await getDb();
    const key = downloadLinkKey(await resolveAuthSecret(db));
    return await exportRunTokenDownload(db, getExportStorage(), key, id, token);
  } catch (error) {
    if (error instanceof ZonesError) return plainText(translate(locale, error), httpStatusOf(error.code));
    return faultResponse(error, request, locale);
  }
}
