/**
 * Text no form can produce and the database refuses or mangles: C0 control characters other than tab,
 * line feed and carriage return (NUL makes PostgreSQL fail the whole statement), DEL, and UTF-16 halves
 * without their partner (not valid Unicode: the driver would send them as U+FFFD or fail).
 */
export type HostileTextProblem = "control-character" | "lone-surrogate";

export interface HostileText {
  /** Where in the input, e.g. `["notes", "gdp"]`; empty for the input itself. */
  path: string[];
  problem: HostileTextProblem;
  /** The offending code unit, as U+XXXX. */
  character: string;
}

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const DEL = 0x7f;

function codePoint(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** The first character of `text` that is refused, or null. */
export function hostileCharacter(text: string): { problem: HostileTextProblem; character: string } | null {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if ((code < 0x20 && code !== TAB && code !== LF && code !== CR) || code === DEL) {
      return { problem: "control-character", character: codePoint(code) };
    }
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        index++;
        continue;
      }
      return { problem: "lone-surrogate", character: codePoint(code) };
    }
    if (code >= 0xdc00 && code <= 0xdfff) return { problem: "lone-surrogate", character: codePoint(code) };
  }
  return null;
}

/** Deeper than any input of ours: a deeper one is refused as a whole rather than walked. */
export const MAX_INPUT_DEPTH = 32;

export type InputScan = { ok: true } | { ok: false; found: HostileText } | { ok: false; tooDeep: string[] };

/**
 * Walks a procedure's input (plain objects, arrays, strings; keys too) for hostile text, iteratively so that
 * a deeply nested input cannot exhaust the stack. Other values (numbers, dates, files) are the schemas' job.
 */
export function scanInput(input: unknown): InputScan {
  const stack: { value: unknown; path: string[] }[] = [{ value: input, path: [] }];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item) break;
    const { value, path } = item;
    if (typeof value === "string") {
      const found = hostileCharacter(value);
      if (found) return { ok: false, found: { path, ...found } };
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
      const keyProblem = hostileCharacter(key);
      if (keyProblem) return { ok: false, found: { path: [...path, key], ...keyProblem } };
      stack.push({ value: element, path: [...path, key] });
    }
  }
  return { ok: true };
}
