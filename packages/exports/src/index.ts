export { isNumericText, neutraliseFormula } from "@zones/domain";
export {
  type ExportRow,
  headerRow,
  LONG_COLUMNS,
  numberColumns,
  revisionKindLabel,
  rowCells,
  statusLabel,
  WIDE_LABEL_COLUMNS,
} from "./columns";
export { writeCsv } from "./csv";
export {
  NO_DELIVERY,
  refusedAddresses,
  type TScheduleDelivery,
  type TScheduleDeliveryInput,
  ZScheduleDeliverySchema,
  ZWebhookSchema,
} from "./delivery";
export { exportFileName } from "./file-name";
export {
  EXPORT_ENCODINGS,
  EXPORT_FORMATS,
  EXPORT_HEADER_LANGUAGES,
  EXPORT_LAYOUTS,
  EXPORT_QUERY_PARAMETERS,
  EXPORTABLE_STATUSES,
  type ExportCatalogue,
  type ExportEncoding,
  type ExportFormat,
  type ExportHeaderLanguage,
  type ExportLayout,
  exportRequestFromSearchParams,
  inCatalogue,
  MAX_WIDE_QUARTERS,
  parseExportFilters,
  type TExportFilters,
  type TExportFiltersInput,
  ZExportFiltersSchema,
} from "./filters";
export { type ExportScope, type ExportUser, exportScopeFor } from "./rights";
export {
  CONTENT_TYPES,
  checkedExportFilters,
  type ExportOptions,
  type ExportProgress,
  type ExportResult,
  exportChunks,
  exportContentType,
  exportRowBatches,
  prepareExportDownload,
  readableFrom,
  runExport,
} from "./run";
export { type StoredSchedule, scheduleFromStored, storedScheduleValues } from "./stored-schedule";
export { sheetName, writeXlsx, XLSX_MAX_CELL_TEXT, XLSX_MAX_SHEET_ROWS, xlsxText } from "./xlsx";
