export { copyObservationsCsv, copyObservationsQuery } from "./copy";
export {
  type CursorOptions,
  cursorRows,
  DEFAULT_BATCH_SIZE,
  driverClient,
  handOff,
  readAhead,
} from "./cursor";
export {
  countObservationRows,
  type ExportIndicator,
  type ExportLabels,
  type ExportZone,
  exportLabels,
  type ObservationExportRow,
  type ObservationPivotRow,
  observationPivotQuery,
  observationRowsQuery,
  streamObservationPivotRows,
  streamObservationRows,
} from "./observations";
export {
  checkExportScope,
  EXPORTABLE_STATUSES,
  type ExportableStatus,
  MAX_PIVOT_QUARTERS,
  type ObservationExportScope,
  scopeQuarters,
} from "./scope";
