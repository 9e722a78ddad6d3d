import {
  createLoader,
  createMultiParser,
  createParser,
  createSerializer,
  type inferParserType,
  type ParserMap,
  parseAsString,
  type SearchParams,
} from "nuqs/server";

/**
 * What every page's URL reading shares: the parsers that are not a domain union (a code list, a page
 * number, a 1/0 flag) and the reader that also says which parameters it had to ignore. Pure: used by
 * server pages and client components alike.
 */

export type { SearchParams };

/** A parameter that was present but not valid, for the page's notice. */
export interface IgnoredParam<Name extends string = string> {
  name: Name;
  value: string;
}

/**
 * `zones=HB-HS,SD-ZB`: the codes as written (trimmed, without empty entries, each once), for the page to
 * sort into known and unknown ones. A repeated parameter (`zones=A&zones=B`, what a GET form sends)
 * reads as one list; `zones=` is an empty list, which is not the same as no parameter.
 */
export const parseAsCodeList = createMultiParser<string[]>({
  parse: (values) => [
    ...new Set(
      values
        .join(",")
        .split(",")
        .map((code) => code.trim())
        .filter((code) => code !== ""),
    ),
  ],
  serialize: (codes) => [codes.join(",")],
  eq: (a, b) => a.length === b.length && a.every((code, index) => code === b[index]),
});

/** The largest page number a list accepts from a URL. */
const MAX_PAGE = 100_000;

/** A page of a list: a whole number from 1 (`page=2`; ` 2` and `2.0` read as 2 too). */
export const parseAsPage = createParser<number>({
  parse: (text) => {
    const page = text.trim() === "" ? Number.NaN : Number(text);
    return Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : null;
  },
  serialize: (page) => String(page),
});

/** `submitted=1` / `submitted=0`. */
export const parseAsFlag = createParser<boolean>({
  parse: (text) => (text === "1" ? true : text === "0" ? false : null),
  serialize: (flag) => (flag ? "1" : "0"),
});

/**
 * A reader of one page's parameters: their values (a parameter that is absent or not valid takes its
 * default, or null) and the parameters that were present but not valid, in the order of `parsers`.
 */
export function createUrlReader<Parsers extends ParserMap>(parsers: Parsers) {
  const load = createLoader(parsers);
  const names = Object.keys(parsers) as (keyof Parsers & string)[];
  const loadTexts = createLoader(Object.fromEntries(names.map((name) => [name, parseAsString])));
  return (
    params: SearchParams,
  ): { values: inferParserType<Parsers>; ignored: IgnoredParam<keyof Parsers & string>[] } => {
    const texts = loadTexts(params);
    const ignored: IgnoredParam<keyof Parsers & string>[] = [];
    for (const name of names) {
      const value = texts[name];
      if (typeof value === "string" && !parses(parsers[name], value)) ignored.push({ name, value });
    }
    return { values: load(params), ignored };
  };
}

/** Whether a parameter's text is valid; lists (multi parsers) take any text, and sort their codes later. */
function parses(parser: ParserMap[string] | undefined, text: string): boolean {
  if (!parser || parser.type === "multi") return true;
  try {
    return parser.parse(text) !== null;
  } catch {
    return false;
  }
}

/** The URL's query as `URLSearchParams`, every value of a repeated parameter kept. */
export function searchOf(params: SearchParams): URLSearchParams {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const text of [value ?? []].flat()) search.append(name, text);
  }
  return search;
}

/** Renders a query as nuqs writes URLs (readable commas); no parsers, so the query is kept as it is. */
const renderQuery = createSerializer({});

/** `path?query`, or `path` alone when the query is empty: e.g. a return address for the sign-in page. */
export function withQuery(path: string, search: URLSearchParams): string {
  return `${path}${renderQuery(search, {})}`;
}

/**
 * A code of the shape `pattern` (a zone's, an indicator's), or null: which codes exist is the catalogue's in
 * the database to say, so the page checks the parsed code against it.
 */
export function parseAsCodeLike(pattern: RegExp) {
  return createParser<string>({
    parse: (value) => (value.length <= 40 && pattern.test(value) ? value : null),
    serialize: (value) => value,
  });
}

/**
 * The read parameters with `name` dropped to null and listed as ignored when its code is not `known` (not in
 * the catalogue): a code of the right shape that names nothing is as bad a value as a malformed one.
 */
export function knownCodeOnly<Values extends Record<string, unknown>, Name extends string>(
  read: { values: Values; ignored: IgnoredParam<Name>[] },
  name: Name & keyof Values,
  known: (code: string) => boolean,
): { values: Values; ignored: IgnoredParam<Name>[] } {
  const code = read.values[name];
  if (typeof code !== "string" || known(code)) return read;
  return { values: { ...read.values, [name]: null }, ignored: [...read.ignored, { name, value: code }] };
}
