import { type Catalogue, EXPORTABLE_STATUSES, type QuarterString } from "@zones/domain";
import {
  type ExportEncoding,
  type ExportFormat,
  type ExportHeaderLanguage,
  type ExportLayout,
  EXPORT_QUERY_PARAMETERS as NAMES,
} from "@zones/exports/parameters";

import { exportParsers, readExportParams, serializeExport } from "~/url-state/exports";
import type { SearchParams } from "~/url-state/params";

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

/** The catalogue's lists the URL's `all` and codes are read against (the database's, not the built-in one). */
export type ExportCatalogue = Pick<Catalogue, "zones" | "indicators">;

export interface ExportFormValues {
  filters: ExportFilterValues;
  format: string;
}

/** `zones=a,b` or `zones=all`: the known codes (in the order given) and the unknown ones. */
function sortCodes(codes: readonly string[], all: readonly string[]): { known: string[]; unknown: string[] } {
  if (codes.length === 1 && codes[0] === "all") return { known: [...all], unknown: [] };
  return {
    known: codes.filter((code) => all.includes(code)),
    unknown: codes.filter((code) => !all.includes(code)),
  };
}

/**
 * The form's starting values and the runs page from the URL, `fallback` where a parameter is absent. A bad
 * value is dropped (the rest of the link still applies) and listed in `invalid` as `name=value`.
 */
export function readExportQuery(
  params: SearchParams,
  fallback: ExportFormValues,
  catalogue: ExportCatalogue,
): { values: ExportFormValues; page: number; invalid: string[] } {
  const choices = listChoices(catalogue);
  const { values: read, ignored } = readExportParams(params);
  const problems = new Map<string, string>(ignored.map(({ name, value }) => [name, `${name}=${value}`]));
  const list = (name: typeof NAMES.zoneCodes | typeof NAMES.indicatorCodes | typeof NAMES.statuses) => {
    const codes = read[name];
    if (codes === null) return undefined;
    const { known, unknown } = sortCodes(codes, choices[name]);
    if (unknown.length > 0) problems.set(name, `${name}=${unknown.join(",")}`);
    return known;
  };
  const filters: ExportFilterValues = {
    zoneCodes: list(NAMES.zoneCodes) ?? fallback.filters.zoneCodes,
    indicatorCodes: list(NAMES.indicatorCodes) ?? fallback.filters.indicatorCodes,
    from: read[NAMES.from] ?? fallback.filters.from,
    to: read[NAMES.to] ?? fallback.filters.to,
    statuses: list(NAMES.statuses) ?? fallback.filters.statuses,
    layout: read[NAMES.layout] ?? fallback.filters.layout,
    headerLanguage: read[NAMES.headerLanguage] ?? fallback.filters.headerLanguage,
    encoding: read[NAMES.encoding] ?? fallback.filters.encoding,
  };
  // In the order of the URL's fields.
  const invalid = Object.keys(exportParsers).flatMap((name) => problems.get(name) ?? []);
  return { values: { filters, format: read.format ?? fallback.format }, page: read.page ?? 1, invalid };
}

/** What each list parameter may hold (besides `all`). */
function listChoices(catalogue: ExportCatalogue) {
  return {
    [NAMES.zoneCodes]: catalogue.zones.map((zone) => zone.code),
    [NAMES.indicatorCodes]: catalogue.indicators.map((indicator) => indicator.code),
    [NAMES.statuses]: EXPORTABLE_STATUSES,
  } as const satisfies Record<string, readonly string[]>;
}

/** `all` for the whole catalogue, else the codes; null (no parameter) for none. */
function listParam(codes: readonly string[] | undefined, all: readonly string[]): string[] | null {
  if (!codes) return null;
  return all.every((code) => codes.includes(code)) ? ["all"] : [...codes];
}

function filterParams(filters: Partial<ExportFilterValues>, catalogue: ExportCatalogue) {
  const choices = listChoices(catalogue);
  return {
    [NAMES.zoneCodes]: listParam(filters.zoneCodes, choices[NAMES.zoneCodes]),
    [NAMES.indicatorCodes]: listParam(filters.indicatorCodes, choices[NAMES.indicatorCodes]),
    [NAMES.from]: (filters.from as QuarterString | undefined) || null,
    [NAMES.to]: (filters.to as QuarterString | undefined) || null,
    [NAMES.layout]: (filters.layout as ExportLayout | undefined) || null,
    [NAMES.headerLanguage]: (filters.headerLanguage as ExportHeaderLanguage | undefined) || null,
    [NAMES.encoding]: (filters.encoding as ExportEncoding | undefined) || null,
    [NAMES.statuses]: filters.statuses && filters.statuses.length > 0 ? [...filters.statuses] : null,
  };
}

/** The exports page pre-filled with a view's selection, e.g. `/exports?zones=HB-HS&indicators=all&from=…`. */
export function exportPageHref(filters: Partial<ExportFilterValues>, catalogue: ExportCatalogue): string {
  return serializeExport("/exports", filterParams(filters, catalogue));
}

/** `GET /api/exports` for the form's values: the browser downloads the file. */
export function directDownloadHref(values: ExportFormValues, catalogue: ExportCatalogue): string {
  return serializeExport("/api/exports", {
    ...filterParams(values.filters, catalogue),
    format: values.format as ExportFormat,
  });
}
