/** Quarter number within a year. */
export type QuarterNumber = 1 | 2 | 3 | 4;

/**
 * A quarter in its canonical text form, e.g. `2025Q3`: used in URLs, exports and the database.
 * The template type documents the shape; only `parseQuarter` proves a string is valid.
 */
export type QuarterString = `${number}Q${QuarterNumber}`;

/** A quarter as an object, for when the parts are needed. */
export interface Quarter {
  year: number;
  q: QuarterNumber;
}

/** Anything the quarter functions accept; strings are validated and throw if malformed. */
export type QuarterLike = Quarter | QuarterString;

export type ParseQuarterResult = { ok: true; value: Quarter } | { ok: false; error: string };

export const MIN_QUARTER_YEAR = 1949;
export const MAX_QUARTER_YEAR = 2999;

/** The longest run of quarters anything shows, picks or exports at once: ten years. */
export const MAX_QUARTER_SPAN = 40;

const QUARTER_PATTERN = /^(\d{4})Q([1-4])$/;

function isQuarterNumber(n: number): n is QuarterNumber {
  return n === 1 || n === 2 || n === 3 || n === 4;
}

function yearError(year: number): string | undefined {
  if (!Number.isInteger(year) || year < MIN_QUARTER_YEAR || year > MAX_QUARTER_YEAR) {
    return `the year must be between ${MIN_QUARTER_YEAR} and ${MAX_QUARTER_YEAR}, got ${year}`;
  }
  return undefined;
}

/** Parses the exact form `YYYYQn` (no spaces, capital Q, year 1949–2999, quarter 1–4). */
export function parseQuarter(input: string): ParseQuarterResult {
  const match = QUARTER_PATTERN.exec(input);
  const quarterNumber = Number(match?.[2]);
  if (!match || !isQuarterNumber(quarterNumber)) {
    return {
      ok: false,
      error: `${JSON.stringify(input)} is not a quarter: expected a four-digit year, "Q" and a quarter number 1–4, like 2025Q3`,
    };
  }
  const year = Number(match[1]);
  const badYear = yearError(year);
  if (badYear) {
    return { ok: false, error: `${JSON.stringify(input)} is not a quarter: ${badYear}` };
  }
  return { ok: true, value: { year, q: quarterNumber } };
}

/**
 * Like `parseQuarter`, but throws a RangeError with the same message on bad input.
 * Takes any string (not only `QuarterString`) because it is the way to check untyped input.
 */
export function toQuarter(input: Quarter | string): Quarter {
  if (typeof input !== "string") {
    const badYear = yearError(input.year);
    if (badYear || !isQuarterNumber(input.q)) {
      throw new RangeError(`${JSON.stringify(input)} is not a quarter: ${badYear ?? "q must be 1–4"}`);
    }
    return { year: input.year, q: input.q };
  }
  const result = parseQuarter(input);
  if (!result.ok) throw new RangeError(result.error);
  return result.value;
}

export function formatQuarter(quarter: QuarterLike): QuarterString {
  const { year, q } = toQuarter(quarter);
  return `${year}Q${q}`;
}

/** Number of quarters since year 0 (`year * 4 + q - 1`), for arithmetic and positions on a quarter axis. */
export function quarterIndex(quarter: Quarter | string): number {
  const { year, q } = toQuarter(quarter);
  return year * 4 + (q - 1);
}

function fromQuarterIndex(index: number): QuarterString {
  const year = Math.floor(index / 4);
  const q = index - year * 4 + 1;
  if (!isQuarterNumber(q)) throw new RangeError(`quarter index ${index} is not an integer`);
  return formatQuarter({ year, q });
}

/** Negative if `a` is before `b`, 0 if equal, positive if after. Usable with `Array.prototype.sort`. */
export function compareQuarters(a: QuarterLike, b: QuarterLike): number {
  return Math.sign(quarterIndex(a) - quarterIndex(b));
}

/** Moves `n` quarters forward (or back if negative). Throws if the result leaves 1949–2999. */
export function addQuarters(quarter: QuarterLike, n: number): QuarterString {
  if (!Number.isInteger(n)) throw new RangeError(`addQuarters: n must be an integer, got ${n}`);
  return fromQuarterIndex(quarterIndex(quarter) + n);
}

export function nextQuarter(quarter: QuarterLike): QuarterString {
  return addQuarters(quarter, 1);
}

export function prevQuarter(quarter: QuarterLike): QuarterString {
  return addQuarters(quarter, -1);
}

export function sameQuarterLastYear(quarter: QuarterLike): QuarterString {
  return addQuarters(quarter, -4);
}

/** All quarters from `from` to `to`, both included; empty if `to` is before `from`. */
export function quarterRange(from: QuarterLike, to: QuarterLike): QuarterString[] {
  const start = quarterIndex(from);
  const end = quarterIndex(to);
  const range: QuarterString[] = [];
  for (let index = start; index <= end; index++) range.push(fromQuarterIndex(index));
  return range;
}
