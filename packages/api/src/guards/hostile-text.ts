import { unsafeCharacterInText } from "@zones/domain";

/** A string in a procedure's input that no form can produce (see `unsafeCharacterInText`). */
export interface HostileText {
  /** Where in the input, e.g. `["notes", "gdp"]`; empty for the input itself. */
  path: string[];
  /** The offending character, as U+XXXX. */
  character: string;
}

/** Deeper than any input of ours: a deeper one is refused as a whole rather than walked. */
export const MAX_INPUT_DEPTH = 32;

export type InputScan = { ok: true } | { ok: false; found: HostileText } | { ok: false; tooDeep: string[] };

/**
 * Walks a procedure's input (plain objects, arrays, strings; keys too) for text with control characters other
 * than tab and line ends, or broken UTF-16, iteratively so that a deeply nested input cannot exhaust the stack.
 * Fields that must be one line refuse line ends in their own schemas; other values (numbers, dates, files) are
 * the schemas' job too.
 */
export function scanInput(input: unknown): InputScan {
  const stack: { value: unknown; path: string[] }[] = [{ value: input, path: [] }];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item) break;
    const { value, path } = item;
    if (typeof value === "string") {
      const character = unsafeCharacterInText(value);
      if (character) return { ok: false, found: { path, character } };
      continue;
    }
    if (typeof value !== "object" || value === null) continue;
    if (path.length >= MAX_INPUT_DEPTH) return { ok: false, tooDeep: path };
    if (Array.isArray(value)) {
      value.forEach((element, index) => {
        stack.push({ value: element, path: [...path, String(index)] });
      });
      continue;
    }
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) continue;
    for (const [key, element] of Object.entries(value)) {
      const character = unsafeCharacterInText(key);
      if (character) return { ok: false, found: { path: [...path, key], character } };
      stack.push({ value: element, path: [...path, key] });
    }
  }
  return { ok: true };
}
