import {
  compareQuarters,
  type ErrorFieldIssue,
  EXPORTABLE_STATUSES,
  type Indicator,
  phrased,
  quarterRange,
  ZIndicatorCodeSchema,
  type Zone,
  ZonesError,
  ZQuarterSchema,
  ZZoneCodeSchema,
} from "@zones/domain";
import { type ZodError, z } from "zod";
import {
  EXPORT_ENCODINGS,
  EXPORT_FORMATS,
  EXPORT_HEADER_LANGUAGES,
  EXPORT_LAYOUTS,
  EXPORT_QUERY_PARAMETERS,
  type ExportFormat,
} from "./parameters";

/**
 * This module needs only `@zones/domain` and zod, so that forms can use the schema through
 * `@zones/exports/filters` without pulling in the database drivers.
 */

/** Submission states an export may include (the domain's list; `@zones/db` enforces it too). */
export { EXPORTABLE_STATUSES };
/** Most quarter columns of the wide layout (the database's MAX_PIVOT_QUARTERS). */
export const MAX_WIDE_QUARTERS = 200;

export type { ExportEncoding, ExportFormat, ExportHeaderLanguage, ExportLayout } from "./parameters";
export { EXPORT_ENCODINGS, EXPORT_FORMATS, EXPORT_HEADER_LANGUAGES, EXPORT_LAYOUTS, EXPORT_QUERY_PARAMETERS };

function quoted(input: unknown): string {
  return input === undefined ? "nothing" : (JSON.stringify(input) ?? String(input));
}

/** Unique codes, in the order first given. */
function distinctCodes(codes: string[]): string[] {
  return [...new Set(codes)];
}

/**
 * The field schemas of ZExportFiltersSchema, one per field, so that other schemas (an export schedule) can
 * take the same fields with the same rules and messages. Zone and indicator lists come out deduplicated (in
 * catalogue order once `inCatalogue` has checked them against the database's catalogue); statuses in
 * EXPORTABLE_STATUSES order.
 */
export const ZExportZoneCodesSchema = z
  .array(ZZoneCodeSchema, {
    error: (issue) => `zoneCodes: expected a list of zone codes, got ${quoted(issue.input)}`,
  })
  .min(1, { error: "zoneCodes: choose at least one zone" })
  .transform(distinctCodes);

export const ZExportIndicatorCodesSchema = z
  .array(ZIndicatorCodeSchema, {
    error: (issue) => `indicatorCodes: expected a list of indicator codes, got ${quoted(issue.input)}`,
  })
  .min(1, { error: "indicatorCodes: choose at least one indicator" })
  .transform(distinctCodes);

export const ZExportStatusesSchema = z
  .array(
    z.enum(EXPORTABLE_STATUSES, {
      error: (issue) =>
        `statuses: ${quoted(issue.input)} cannot be exported: choose "approved" and/or "submitted" (drafts are never exported)`,
    }),
    { error: (issue) => `statuses: expected a list of statuses, got ${quoted(issue.input)}` },
  )
  .min(1, { error: "statuses: choose at least one status" })
  .default(["approved"])
  .transform((statuses) => EXPORTABLE_STATUSES.filter((status) => statuses.includes(status)));

export const ZExportLayoutSchema = z
  .enum(EXPORT_LAYOUTS, { error: (issue) => `layout: "long" or "wide", got ${quoted(issue.input)}` })
  .default("long");

export const ZExportHeaderLanguageSchema = z
  .enum(EXPORT_HEADER_LANGUAGES, {
    error: (issue) => `headerLanguage: "zh" or "en", got ${quoted(issue.input)}`,
  })
  .default("zh");

export const ZExportEncodingSchema = z
  .enum(EXPORT_ENCODINGS, {
    error: (issue) => `encoding: "utf-8-bom" or "gb18030", got ${quoted(issue.input)}`,
  })
  .default("utf-8-bom");

/**
 * What an export contains and how it is written. Every message names its field (`zoneCodes: …`), so that a
 * form or an API caller can show it as it is. Zone and indicator lists come out deduplicated, in catalogue
 * order. The quarter range is unbounded for the long layout and at most MAX_WIDE_QUARTERS for the wide one.
 */
export const ZExportFiltersSchema = z
  .object({
    zoneCodes: ZExportZoneCodesSchema,
    indicatorCodes: ZExportIndicatorCodesSchema,
    from: ZQuarterSchema,
    to: ZQuarterSchema,
    statuses: ZExportStatusesSchema,
    layout: ZExportLayoutSchema,
    headerLanguage: ZExportHeaderLanguageSchema,
    encoding: ZExportEncodingSchema,
  })
  .superRefine((filters, ctx) => {
    if (typeof filters.from !== "string" || typeof filters.to !== "string") return;
    if (compareQuarters(filters.to, filters.from) < 0) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: `to: ${filters.to} is before from (${filters.from}); the range runs from the earlier quarter to the later`,
        input: filters.to,
      });
      return;
    }
    const span = quarterRange(filters.from, filters.to).length;
    if (filters.layout === "wide" && span > MAX_WIDE_QUARTERS) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: `to: the wide layout has one column per quarter, at most ${MAX_WIDE_QUARTERS}; ${filters.from}–${filters.to} spans ${span}`,
        input: filters.to,
      });
    }
  });

export type TExportFilters = z.infer<typeof ZExportFiltersSchema>;
export type TExportFiltersInput = z.input<typeof ZExportFiltersSchema>;

/** Prefixes the field to messages that do not name it yet (those of the shared domain schemas). */
function describeIssues(error: ZodError, rename: Record<string, string> = {}): FilterIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String);
    const field = rename[path[0] ?? ""] ?? path[0] ?? "filters";
    const own = path[0] && issue.message.startsWith(`${path[0]}:`);
    const text = own ? issue.message.slice(`${path[0]}:`.length).trimStart() : issue.message;
    const where = [field, ...path.slice(1)].join(".");
    return { field, message: `${where}: ${text}` };
  });
}

interface FilterIssue {
  field: string;
  message: string;
}

/**
 * A refused filter, as an invalid request naming each field at fault (the first one first); the message
 * says `said` (by default every issue).
 */
function refused(issues: FilterIssue[], said: FilterIssue[] = issues): ZonesError {
  const fieldIssues: ErrorFieldIssue[] = issues.map((issue) => ({
    path: [issue.field],
    message: phrased(issue.message),
  }));
  return new ZonesError("invalid", phrased(said.map((issue) => issue.message).join("; ")), {
    issues: fieldIssues,
  });
}

/** Validates export filters; throws a ZonesError ("invalid") naming the field(s) at fault. */
export function parseExportFilters(input: unknown): TExportFilters {
  const result = ZExportFiltersSchema.safeParse(input);
  if (!result.success) throw refused(describeIssues(result.error));
  return result.data;
}

/** The catalogue an export's codes are checked against and ordered by (the database's, read by the caller). */
export interface ExportCatalogue {
  zones: readonly Pick<Zone, "code">[];
  indicators: readonly Pick<Indicator, "code">[];
  /** Reference units asked for by code (the bench's synthetic units): exportable, after the catalogue's zones. */
  referenceUnits?: readonly string[];
}

/**
 * The filters with their zones and indicators in catalogue order, or a refusal naming the field of every code
 * the catalogue does not have. Schemas check a code's shape only: which codes exist is the database's to say.
 */
export function inCatalogue<T extends { zoneCodes: string[]; indicatorCodes: string[] }>(
  filters: T,
  catalogue: ExportCatalogue,
  fieldNames: Partial<Record<"zoneCodes" | "indicatorCodes", string>> = {},
): T {
  const issues: FilterIssue[] = [];
  const ordered = (
    field: "zoneCodes" | "indicatorCodes",
    known: readonly { code: string }[],
    kind: string,
  ) => {
    const chosen = new Set(filters[field]);
    const knownCodes = new Set(known.map((entry) => entry.code));
    const unknown = filters[field].filter((code) => !knownCodes.has(code));
    const name = fieldNames[field] ?? field;
    if (unknown.length > 0)
      issues.push({ field: name, message: `${name}: no ${kind} ${unknown.join(", ")} in the catalogue` });
    return known.filter((entry) => chosen.has(entry.code)).map((entry) => entry.code);
  };
  const units = (catalogue.referenceUnits ?? []).map((code) => ({ code }));
  const zoneCodes = ordered("zoneCodes", [...catalogue.zones, ...units], "zone");
  const indicatorCodes = ordered("indicatorCodes", catalogue.indicators, "indicator");
  if (issues.length > 0) throw refused(issues);
  return { ...filters, zoneCodes, indicatorCodes };
}

function list(value: string | null, all: readonly string[]): string[] | undefined {
  if (value === null) return undefined;
  if (value.trim() === "all") return [...all];
  return value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * Filters and format from query parameters: `zones=HB-HS,SD-ZB` (or `all`), `indicators=gdp` (or `all`),
 * `from`, `to`, `statuses=approved,submitted`, `layout`, `lang`, `encoding`, `format=csv|xlsx` (default csv).
 * Throws a ZonesError ("invalid") whose messages name the query parameter.
 */
export function exportRequestFromSearchParams(
  params: URLSearchParams,
  catalogue: ExportCatalogue,
): {
  filters: TExportFilters;
  format: ExportFormat;
} {
  const formatText = params.get("format") ?? "csv";
  const input = {
    zoneCodes: list(
      params.get("zones"),
      catalogue.zones.map((zone) => zone.code),
    ),
    indicatorCodes: list(
      params.get("indicators"),
      catalogue.indicators.map((indicator) => indicator.code),
    ),
    from: params.get("from") ?? undefined,
    to: params.get("to") ?? undefined,
    statuses: list(params.get("statuses"), EXPORTABLE_STATUSES),
    layout: params.get("layout") ?? undefined,
    headerLanguage: params.get("lang") ?? undefined,
    encoding: params.get("encoding") ?? undefined,
  };
  const result = ZExportFiltersSchema.safeParse(input);
  const formatOk = (EXPORT_FORMATS as readonly string[]).includes(formatText);
  const formatIssue = { field: "format", message: `format: "csv" or "xlsx", got ${quoted(formatText)}` };
  if (!result.success) {
    // The message names the filters' faults; a bad format is listed among the fields too.
    const issues = describeIssues(result.error, EXPORT_QUERY_PARAMETERS);
    throw refused(formatOk ? issues : [...issues, formatIssue], issues);
  }
  if (!formatOk) throw refused([formatIssue]);
  const filters = inCatalogue(result.data, catalogue, EXPORT_QUERY_PARAMETERS);
  return { filters, format: formatText as ExportFormat };
}
