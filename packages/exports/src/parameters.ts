/**
 * The export's choices and the query parameter names of `GET /api/exports` (and of the links to the exports
 * page), without their schemas: a dashboard's export link reads these, and must not load zod with them
 * (about 30 kB gzip of the zone and indicator pages' first load). The schemas are in `./filters`.
 */

export const EXPORT_LAYOUTS = ["long", "wide"] as const;
export const EXPORT_HEADER_LANGUAGES = ["zh", "en"] as const;
export const EXPORT_ENCODINGS = ["utf-8-bom", "gb18030"] as const;
export const EXPORT_FORMATS = ["csv", "xlsx"] as const;

export type ExportLayout = (typeof EXPORT_LAYOUTS)[number];
export type ExportHeaderLanguage = (typeof EXPORT_HEADER_LANGUAGES)[number];
export type ExportEncoding = (typeof EXPORT_ENCODINGS)[number];
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Query parameter names of `GET /api/exports` (and of shareable links) for each filter field. */
export const EXPORT_QUERY_PARAMETERS = {
  zoneCodes: "zones",
  indicatorCodes: "indicators",
  from: "from",
  to: "to",
  statuses: "statuses",
  layout: "layout",
  headerLanguage: "lang",
  encoding: "encoding",
} as const;
