/** Uploads above this size are refused before parsing: a quarter's figures for every zone fit in far less. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * Data rows above this are refused: far more than every zone × indicator × quarter for decades.
 * Exactly this many are accepted; the reader stops at the first row past it.
 */
export const MAX_UPLOAD_ROWS = 200_000;

/** Errors past this are dropped: nobody reads more, and a wrong file would otherwise list one per row. */
export const MAX_UPLOAD_ERRORS = 1000;

/**
 * Bytes an XLSX may inflate to, all its parts together. A downloaded template of 96 zone × quarter pairs
 * inflates to about 1.4 MB (the most a template may hold, 160, to about 2.3 MB), and one of 12 zones × 40 quarters to 4.7 MB
 * (data validation on every value cell makes its rows heavy): 50 MB leaves ten times that, and stops a
 * "ZIP bomb" (a few MB that inflate to gigabytes) long before it costs memory or time.
 */
export const MAX_INFLATED_BYTES = 50 * 1024 * 1024;

/** Columns that may hold something: the template has 8; empty cells further right are ignored. */
export const MAX_UPLOAD_COLUMNS = 64;

/** Characters in one cell: notes are limited to 500 (`NOTE_MAX_LENGTH`); ten times that is room enough. */
export const MAX_CELL_LENGTH = 5000;

/** A file not read in this time is refused, and its worker ended. */
export const PARSE_TIME_LIMIT_MS = 20_000;

/** Heap of a reader worker: a file at every limit at once needs less; past it, the worker dies alone. */
export const PARSE_WORKER_HEAP_MB = 256;

/** Reader workers at once (the server has two cores); more uploads wait for a free one. */
export const MAX_PARSE_WORKERS = 2;

/** Uploads that may wait for a worker, and for how long, before they are refused as "busy, try again". */
export const MAX_WAITING_PARSES = 4;
export const PARSE_WAIT_LIMIT_MS = 10_000;
