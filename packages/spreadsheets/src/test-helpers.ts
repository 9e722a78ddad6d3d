/** Helpers shared by the tests; not exported from the package. */

import { INDICATORS, ZONES } from "@zones/domain";
import type { SheetCatalogue } from "./sheet-catalogue";

export const ENGLISH_HEADER = "zone_code,zone_name,quarter,indicator_code,indicator_name,unit,value,note";

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** A CSV file from lines, joined with CRLF as Excel writes them. */
export function csvFile(lines: readonly string[], name = "upload.csv"): { name: string; bytes: Uint8Array } {
  return { name, bytes: utf8(`${lines.join("\r\n")}\r\n`) };
}

/** A data line in the English template layout, with the informational columns left empty. */
export function dataLine(zone: string, quarter: string, indicator: string, value = "", note = ""): string {
  return [zone, "", quarter, indicator, "", "", value, note].join(",");
}

export const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** The built-in catalogue (what a new installation is seeded with), as a caller would pass the database's. */
export const BUILT_IN: SheetCatalogue = { zones: ZONES, indicators: INDICATORS };
