import { buildTemplate, downloadResponse } from "@zones/api";
import { phrased, quarterRange, ZonesError, ZQuarterRangeSchema, ZZoneCodeSchema } from "@zones/domain";
import { z } from "zod";
import { getDb } from "~/server/db";
import { signedInRoute } from "~/server/route-handler";

const ZTemplateQuerySchema = z.object({
  zones: z
    .string()
    .transform((text) => text.split(",").filter(Boolean))
    .pipe(z.array(ZZoneCodeSchema).min(1, { error: "zones: choose at least one zone" })),
  from: z.string(),
  to: z.string(),
  format: z.enum(["csv", "xlsx"], { error: "format: csv or xlsx" }).default("xlsx"),
  lang: z.enum(["zh", "en"], { error: "lang: zh or en" }).default("zh"),
});

/** GET /api/templates?zones=HB-HS&from=2026Q3&to=2026Q3&format=xlsx&lang=zh — a pre-filled entry template. */
export const GET = signedInRoute(async ({ request, user }) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const query = ZTemplateQuerySchema.safeParse(params);
  const range = query.success
    ? ZQuarterRangeSchema.safeParse({ from: query.data.from, to: query.data.to })
    : null;
  if (!query.success || !range?.success) {
    const issues = (query.success ? range?.error?.issues : query.error.issues) ?? [];
    throw new ZonesError("invalid", phrased(issues.map((issue) => issue.message).join("; ")));
  }
  // Zones the user may not enter data of are refused (403), as are too many zones × quarters (400).
  const file = await buildTemplate(await getDb(), user, {
    zoneCodes: query.data.zones,
    quarters: quarterRange(range.data.from, range.data.to),
    format: query.data.format,
    language: query.data.lang,
  });
  return downloadResponse(Buffer.from(file.bytes), file);
});
