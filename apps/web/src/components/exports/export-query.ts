import { INDICATOR_CODES, isIndicatorCode, isZoneCode, ZONE_CODES, ZQuarterSchema } from "@zones/domain";
import {
  EXPORT_ENCODINGS,
  EXPORT_FORMATS,
  EXPORT_HEADER_LANGUAGES,
  EXPORT_LAYOUTS,
  EXPORT_QUERY_PARAMETERS,
  EXPORTABLE_STATUSES,
} from "@zones/exports/filters";

/**
 * The export form's values and their URL: `/exports?zones=…` pre-fills the form with the parameter names of
 * `GET /api/exports`, so a dashboard can link to the export of what it shows. Pure: no "use client", used by
 * the page (server), the form and the dashboards' links.
 */

export interface ExportFilterValues {
  zoneCodes: string[];
  indicatorCodes: string[];
  from: string;
  to: string;
  statuses: string[];
  layout: string;
  headerLanguage: string;
  encoding: string;
}

export interface ExportFormValues {
  filters: ExportFilterValues;
  format: string;
}

type Params = Record<string, string | string[] | undefined>;

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** `a,b` or `all`: the known codes (in the order given); unknown ones go to `invalid`. */
function readList(
  text: string | undefined,
  all: readonly string[],
  known: (code: string) => boolean,
  invalid: string[],
  name: string,
): string[] | undefined {
  if (text === undefined) return undefined;
  if (text.trim() === "all") return [...all];
  const codes = text
    .split(",")
    .map((code) => code.trim())
    .filter(Boolean);
  const bad = codes.filter((code) => !known(code));
  if (bad.length > 0) invalid.push(`${name}=${bad.join(",")}`);
  return codes.filter(known);
}

function readChoice(
  text: string | undefined,
  choices: readonly string[],
  invalid: string[],
  name: string,
): string | undefined {
  if (text === undefined) return undefined;
  if (choices.includes(text)) return text;
  invalid.push(`${name}=${text}`);
  return undefined;
}

function readQuarter(text: string | undefined, invalid: string[], name: string): string | undefined {
  if (text === undefined) return undefined;
  const parsed = ZQuarterSchema.safeParse(text);
  if (parsed.success && parsed.data === text) return parsed.data;
  invalid.push(`${name}=${text}`);
  return undefined;
}

/**
 * The form's starting values from the URL, `fallback` where a parameter is absent. A bad value is dropped
 * (the rest of the link still applies) and listed in `invalid` as `name=value`.
 */
export function readExportQuery(
  params: Params,
  fallback: ExportFormValues,
): { values: ExportFormValues; invalid: string[] } {
  const invalid: string[] = [];
  const names = EXPORT_QUERY_PARAMETERS;
  const get = (name: string) => single(params[name]);
  const filters: ExportFilterValues = {
    zoneCodes:
      readList(get(names.zoneCodes), ZONE_CODES, isZoneCode, invalid, names.zoneCodes) ??
      fallback.filters.zoneCodes,
    indicatorCodes:
      readList(get(names.indicatorCodes), INDICATOR_CODES, isIndicatorCode, invalid, names.indicatorCodes) ??
      fallback.filters.indicatorCodes,
    from: readQuarter(get(names.from), invalid, names.from) ?? fallback.filters.from,
    to: readQuarter(get(names.to), invalid, names.to) ?? fallback.filters.to,
    statuses:
      readList(
        get(names.statuses),
        EXPORTABLE_STATUSES,
        (status) => (EXPORTABLE_STATUSES as readonly string[]).includes(status),
        invalid,
        names.statuses,
      ) ?? fallback.filters.statuses,
    layout: readChoice(get(names.layout), EXPORT_LAYOUTS, invalid, names.layout) ?? fallback.filters.layout,
    headerLanguage:
      readChoice(get(names.headerLanguage), EXPORT_HEADER_LANGUAGES, invalid, names.headerLanguage) ??
      fallback.filters.headerLanguage,
    encoding:
      readChoice(get(names.encoding), EXPORT_ENCODINGS, invalid, names.encoding) ?? fallback.filters.encoding,
  };
  const format = readChoice(get("format"), EXPORT_FORMATS, invalid, "format") ?? fallback.format;
  return { values: { filters, format }, invalid };
}

/** `a,b` with readable commas (codes are URL-safe), or `all` for the whole catalogue. */
function listParam(codes: readonly string[], all: readonly string[]): string {
  if (all.every((code) => codes.includes(code))) return "all";
  return codes.map(encodeURIComponent).join(",");
}

function query(entries: [string, string][]): string {
  return entries.map(([name, value]) => `${name}=${value}`).join("&");
}

function filterEntries(filters: Partial<ExportFilterValues>): [string, string][] {
  const names = EXPORT_QUERY_PARAMETERS;
  const entries: [string, string][] = [];
  if (filters.zoneCodes) entries.push([names.zoneCodes, listParam(filters.zoneCodes, ZONE_CODES)]);
  if (filters.indicatorCodes) {
    entries.push([names.indicatorCodes, listParam(filters.indicatorCodes, INDICATOR_CODES)]);
  }
  for (const key of ["from", "to", "layout", "headerLanguage", "encoding"] as const) {
    const value = filters[key];
    if (value) entries.push([names[key], encodeURIComponent(value)]);
  }
  if (filters.statuses && filters.statuses.length > 0) {
    entries.push([names.statuses, filters.statuses.map(encodeURIComponent).join(",")]);
  }
  return entries;
}

/** The exports page pre-filled with a view's selection, e.g. `/exports?zones=HB-HS&indicators=all&from=…`. */
export function exportPageHref(filters: Partial<ExportFilterValues>): string {
  return `/exports?${query(filterEntries(filters))}`;
}

/** `GET /api/exports` for the form's values: the browser downloads the file. */
export function directDownloadHref(values: ExportFormValues): string {
  return `/api/exports?${query([...filterEntries(values.filters), ["format", encodeURIComponent(values.format)]])}`;
}
