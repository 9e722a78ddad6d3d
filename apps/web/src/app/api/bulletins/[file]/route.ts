import { canReadBulletin } from "@zones/domain";
import { logger } from "@zones/telemetry/log";

import {
  bulletinDownloadName,
  bulletinFileQuarter,
  readBulletinLanguage,
} from "~/components/bulletin/bulletin-format";
import { bulletinText } from "~/components/bulletin/bulletin-text";
import { bulletinPrinting } from "~/server/bulletin";
import { getDb } from "~/server/db";
import { getExportStorage } from "~/server/export-storage";
import { plainText } from "~/server/fault-response";
import { signedInRoute } from "~/server/route-handler";

export const dynamic = "force-dynamic";

/** When to try again after a refusal for a print in progress (a print takes 5–20 s), and after a failed one. */
const BUSY_RETRY_SECONDS = 20;
const FAILED_RETRY_SECONDS = 60;

/**
 * `GET /api/bulletins/<quarter>.pdf?lang=zh-CN|en`: the quarterly bulletin as a PDF (reviewers and admins). The
 * one kept for the same data is served as it is; otherwise the app's own page is printed now, at most one print
 * at a time in this process: another request meanwhile gets 429 with Retry-After, a print that fails (no
 * Chromium, a timeout) 503 with Retry-After, never an unexplained error.
 */
export const GET = signedInRoute<{ file: string }>(async ({ request, user, locale, params }) => {
  const t = bulletinText(locale);
  if (!canReadBulletin(user)) return plainText(t("refused.forbidden"), 403);
  const quarter = bulletinFileQuarter(params.file);
  if (!quarter) return plainText(t("refused.file"), 404);
  const asked = new URL(request.url).searchParams.get("lang");
  const language = asked === null ? locale : readBulletinLanguage(asked);
  if (!language) return plainText(t("refused.language"), 400);

  // Loaded on first use, as the job system is: pg-boss and the export engine are not needed before.
  const { bulletinPdf, BulletinBusyError } = await import("@zones/jobs");
  try {
    const db = await getDb();
    const { pdf } = await bulletinPdf(db, getExportStorage(), bulletinPrinting(db), {
      quarter,
      language,
      trigger: "manual",
    });
    const name = bulletinDownloadName(quarter, language);
    return new Response(new Uint8Array(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-length": String(pdf.length),
        "content-disposition": `attachment; filename="${name}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof BulletinBusyError) {
      return plainText(t("refused.busy"), 429, { "retry-after": String(BUSY_RETRY_SECONDS) });
    }
    logger.error({ err: error, quarter, language }, "the bulletin could not be printed");
    return plainText(t("refused.notPrinted"), 503, { "retry-after": String(FAILED_RETRY_SECONDS) });
  }
});
