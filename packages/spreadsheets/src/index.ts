export {
  buildCityValueTemplateCsv,
  type CheckedCityValue,
  CITY_VALUE_COLUMNS,
  type CityValueCatalogue,
  type CityValueColumnKey,
  type CityValueSheetRow,
  type CityValueTemplateRow,
  type CityValueUploadError,
  cityValueCodes,
  readCityValueUpload,
  validateCityValueRows,
} from "./city-values";
export type { HeaderLanguage, TemplateColumn, TemplateColumnKey } from "./columns";
export { REQUIRED_COLUMNS, TEMPLATE_COLUMNS } from "./columns";
export {
  MAX_CELL_LENGTH,
  MAX_INFLATED_BYTES,
  MAX_UPLOAD_BYTES,
  MAX_UPLOAD_COLUMNS,
  MAX_UPLOAD_ERRORS,
  MAX_UPLOAD_ROWS,
} from "./limits";
export type { ParsedUpload, UploadEncoding } from "./parse-upload";
export { parseUpload } from "./parse-upload";
export type { SheetCatalogue } from "./sheet-catalogue";
export {
  buildTargetTemplateCsv,
  csvWithBom,
  readTargetUpload,
  TARGET_COLUMNS,
  type TargetCatalogue,
  type TargetColumnKey,
  type TargetSheetRow,
  type TargetTemplateRow,
  type TargetUploadError,
  validateTargetRows,
} from "./targets";
export { buildTemplateCsv } from "./template-csv";
export type { TemplateOptions, TemplateRow } from "./template-rows";
export { templateRowsFor } from "./template-rows";
export { buildTemplateXlsx } from "./template-xlsx";
export type { UploadError, UploadErrorCode } from "./upload-errors";
export { FILE_REFUSAL_CODES } from "./upload-errors";
export type { UploadRow } from "./validate-rows";
