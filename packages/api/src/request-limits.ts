import { MAX_UPLOAD_BYTES } from "@zones/spreadsheets";

export { MAX_BATCH_SIZE } from "./batch-limit";

/** A JSON request body: the largest form (every indicator with a 500-character note) is under 64 kB. */
export const MAX_JSON_REQUEST_BYTES = 1024 * 1024;

/** An upload's request body: the file's own limit, plus the multipart framing and the versions field. */
export const MAX_UPLOAD_REQUEST_BYTES = MAX_UPLOAD_BYTES + 256 * 1024;

/** Procedures that take a file (multipart form data) rather than JSON. */
export const UPLOAD_PROCEDURES: readonly string[] = [
  "imports.preview",
  "imports.commit",
  "targets.import",
  "evaluation.importCityValues",
];
