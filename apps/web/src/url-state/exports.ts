import {
  EXPORT_ENCODINGS,
  EXPORT_FORMATS,
  EXPORT_HEADER_LANGUAGES,
  EXPORT_LAYOUTS,
  EXPORT_QUERY_PARAMETERS as NAMES,
} from "@zones/exports/parameters";
import { createSerializer, parseAsStringLiteral } from "nuqs/server";

import { createUrlReader, parseAsCodeList, parseAsPage } from "./params";
import { parseAsQuarter } from "./quarter";

/**
 * `/exports?zones=HB-HS&indicators=all&from=2025Q1&to=2025Q4&format=xlsx&page=2`: the export form's
 * pre-fill, with the parameter names of `GET /api/exports`, and the page of the runs list.
 */
export const exportParsers = {
  [NAMES.zoneCodes]: parseAsCodeList,
  [NAMES.indicatorCodes]: parseAsCodeList,
  [NAMES.from]: parseAsQuarter,
  [NAMES.to]: parseAsQuarter,
  [NAMES.statuses]: parseAsCodeList,
  [NAMES.layout]: parseAsStringLiteral(EXPORT_LAYOUTS),
  [NAMES.headerLanguage]: parseAsStringLiteral(EXPORT_HEADER_LANGUAGES),
  [NAMES.encoding]: parseAsStringLiteral(EXPORT_ENCODINGS),
  format: parseAsStringLiteral(EXPORT_FORMATS),
  page: parseAsPage,
};

export const EXPORT_QUARTER_PARAMS = [NAMES.from, NAMES.to] as const;

export const readExportParams = createUrlReader(exportParsers);

const { statuses, format, page: _page, ...filters } = exportParsers;

/** The filters (and format) as links write them: the statuses after the other filters, the format last. */
export const serializeExport = createSerializer({ ...filters, statuses, format });
