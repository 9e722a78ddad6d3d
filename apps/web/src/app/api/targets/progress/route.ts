import { downloadResponse, targetProgressCsv } from "@zones/api";
import { approvedQuarters } from "@zones/db/overview";
import { phrased, ZonesError, ZQuarterSchema } from "@zones/domain";
import { z } from "zod";

import { getDb } from "~/server/db";
import { signedInRoute } from "~/server/route-handler";

const ZProgressQuerySchema = z.object({
  quarter: ZQuarterSchema.optional(),
  lang: z.enum(["zh-CN", "en"], { error: "lang：须为 zh-CN 或 en" }).optional(),
});

/**
 * GET /api/targets/progress?quarter=2025Q4&lang=zh-CN — every target's progress as of a quarter (default: the
 * newest with approved data) as CSV, from approved values only: for every signed-in user, like the dashboards.
 */
export const GET = signedInRoute(async ({ request, locale }) => {
  const query = ZProgressQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) {
    throw new ZonesError("invalid", phrased(query.error.issues.map((issue) => issue.message).join("; ")));
  }
  const db = await getDb();
  const quarter = query.data.quarter ?? (await approvedQuarters(db, { limit: 1 }))[0] ?? null;
  if (!quarter)
    throw new ZonesError("not-found", phrased({ zh: "还没有已审核的数据。", en: "No approved data yet." }));
  const file = await targetProgressCsv(db, { quarter, locale: query.data.lang ?? locale });
  return downloadResponse(Buffer.from(file.bytes), file);
});
