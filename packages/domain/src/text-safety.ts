/**
 * Characters no text field takes: control characters (C0, DEL, C1) and UTF-16 halves not paired into a
 * character. PostgreSQL refuses NUL (the statement fails) and a lone half cannot be written as UTF-8; the other
 * controls have no place in what people type. With the `u` flag a well-formed pair is one code point, so
 * `\p{Cs}` matches only unpaired halves.
 */
const UNSAFE_IN_LINE = /[\p{Cc}\p{Cs}]/u;

/** The same for text that may run over lines (notes, comments): tab, LF and CR are allowed there. */
const UNSAFE_IN_TEXT = /(?![\t\n\r])[\p{Cc}\p{Cs}]/u;

export const UNSAFE_CHARACTERS_MESSAGE = "must not contain control characters or unpaired surrogates";

/** The first refused character of a one-line field (a name, an address, a code) as U+XXXX, or null. */
export function unsafeCharacterInLine(text: string): string | null {
  return codePointOf(UNSAFE_IN_LINE.exec(text));
}

/** The first refused character of a field that may run over lines, as U+XXXX, or null. */
export function unsafeCharacterInText(text: string): string | null {
  return codePointOf(UNSAFE_IN_TEXT.exec(text));
}

function codePointOf(match: RegExpExecArray | null): string | null {
  const character = match?.[0];
  if (character === undefined) return null;
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}
