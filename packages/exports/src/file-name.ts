import { DEFAULT_TIME_ZONE } from "@zones/domain";

import type { ExportFormat, TExportFilters } from "./filters";

/** Up to this many codes are spelled out in a file name; more are counted (`12zones`, `30indicators`). */
const MAX_NAMED_CODES = 3;

function scopePart(codes: readonly string[], noun: string): string {
  if (codes.length > MAX_NAMED_CODES) return `${codes.length}${noun}`;
  return codes.join("_");
}

/** `YYYYMMDD` of the date in Asia/Shanghai (the date the officials see on their calendar). */
function datePart(date: Date): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: DEFAULT_TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(date);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? "";
  return `${get("year")}${get("month")}${get("day")}`;
}

/**
 * An ASCII-only file name that carries the scope and date, e.g.
 * `zones-export-HB-HS-gdp-2025Q1-2026Q2-20261128.csv`; several codes are joined with `_`, more than three
 * counted (`12zones`, `30indicators`); the wide layout and GB18030 are marked (`-wide`, `-gb18030`).
 */
export function exportFileName(filters: TExportFilters, format: ExportFormat, date: Date): string {
  const period = filters.from === filters.to ? filters.from : `${filters.from}-${filters.to}`;
  const parts = [
    "zones-export",
    scopePart(filters.zoneCodes, "zones"),
    scopePart(filters.indicatorCodes, "indicators"),
    period,
    ...(filters.statuses.includes("submitted") ? ["with-submitted"] : []),
    ...(filters.layout === "wide" ? ["wide"] : []),
    ...(format === "csv" && filters.encoding === "gb18030" ? ["gb18030"] : []),
    datePart(date),
  ];
  const name = parts.join("-").replace(/[^A-Za-z0-9_.-]/g, "-");
  return `${name}.${format}`;
}
