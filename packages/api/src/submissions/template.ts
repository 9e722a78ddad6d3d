import type { SessionUser } from "@zones/auth";
import { cachedCatalogue } from "@zones/db/catalogue";
import type { Database } from "@zones/db/client";
import { storedValues } from "@zones/db/submissions";
import { canWriteZone, type QuarterString, ZonesError } from "@zones/domain";
import {
  buildTemplateCsv,
  buildTemplateXlsx,
  type HeaderLanguage,
  templateRowsFor,
} from "@zones/spreadsheets";

import { requireZones } from "../catalogue/membership";
import { message } from "../messages";

/** A template covers at most this many zone × quarter pairs (the 20 built-in zones for two years). */
export const MAX_TEMPLATE_PAIRS = 160;

export interface TemplateRequest {
  zoneCodes: string[];
  quarters: QuarterString[];
  format: "csv" | "xlsx";
  language: HeaderLanguage;
}

export interface TemplateFile {
  bytes: Uint8Array;
  fileName: string;
  contentType: string;
}

/**
 * A template for the zones the user may write, pre-filled with what is stored, so that an official can
 * correct figures in Excel and upload them again. Its rows are the database's catalogue as it stood for each
 * quarter: the zones expected to report then, the indicators in force that year.
 */
export async function buildTemplate(
  db: Database,
  user: SessionUser,
  request: TemplateRequest,
): Promise<TemplateFile> {
  const forbidden = request.zoneCodes.filter((code) => !canWriteZone(user, code));
  if (forbidden.length > 0) {
    throw new ZonesError("forbidden", message("templates.zonesRefused", { zoneCodes: forbidden.join(", ") }));
  }
  if (request.zoneCodes.length === 0 || request.quarters.length === 0) {
    throw new ZonesError("invalid", message("templates.nothingChosen"));
  }
  if (request.zoneCodes.length * request.quarters.length > MAX_TEMPLATE_PAIRS) {
    throw new ZonesError("invalid", message("templates.tooManyPairs", { max: MAX_TEMPLATE_PAIRS }));
  }
  await requireZones(db, request.zoneCodes, "zones");
  const [catalogue, stored] = await Promise.all([
    cachedCatalogue(db),
    storedValues(db, { zoneCodes: request.zoneCodes, quarters: request.quarters }),
  ]);
  const expected = templateRowsFor(catalogue, request.zoneCodes, request.quarters);
  if (expected.length === 0) {
    throw new ZonesError(
      "invalid",
      message("templates.nothingToReport", { zoneCodes: request.zoneCodes.join(", ") }),
    );
  }
  const byKey = new Map(stored.map((row) => [`${row.zoneCode}/${row.quarter}/${row.indicatorCode}`, row]));
  const rows = expected.map((row) => {
    const found = byKey.get(`${row.zoneCode}/${row.quarter}/${row.indicatorCode}`);
    return found ? { ...row, value: found.value, note: found.note ?? undefined } : row;
  });
  const options = { rows, headerLanguage: request.language, catalogue };
  const scope = request.zoneCodes.length === 1 ? request.zoneCodes[0] : `${request.zoneCodes.length}-zones`;
  const period =
    request.quarters.length === 1 ? request.quarters[0] : `${request.quarters[0]}-${request.quarters.at(-1)}`;
  const fileName = `zones-template-${scope}-${period}.${request.format}`;
  return request.format === "csv"
    ? { bytes: buildTemplateCsv(options), fileName, contentType: "text/csv; charset=utf-8" }
    : {
        bytes: await buildTemplateXlsx(options),
        fileName,
        contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      };
}
