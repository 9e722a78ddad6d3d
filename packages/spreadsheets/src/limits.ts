/** Uploads above this size are refused before parsing: a quarter's figures for every zone fit in far less. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Data rows above this are refused: far more than every zone × indicator × quarter for decades. */
export const MAX_UPLOAD_ROWS = 200_000;

/** Errors past this are dropped: nobody reads more, and a wrong file would otherwise list one per row. */
export const MAX_UPLOAD_ERRORS = 1000;
