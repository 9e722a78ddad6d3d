import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * Modules every signed-in page's client code loads (the layout's catalogue, the peer picker, formatting, the
 * indicator rules the dashboards apply, the URL readers' code patterns).
 * The bundler keeps a module whole once anything of it is used, so what these reach by a value import is
 * first-load JS of every page: zod (about 30 kB gzip) and the built-in catalogue must stay out of reach.
 */
const CLIENT_ENTRIES = [
  "catalogue.ts",
  "peer-groups.ts",
  "format.ts",
  "quarter.ts",
  "indicator-rules.ts",
  "code-patterns.ts",
];
const FORBIDDEN = ["zod", "./indicator-catalogue.ts", "./indicators.ts", "./zones.ts", "./schemas.ts"];

/** Specifiers of a module's value imports and re-exports (`import type` and `export type` do not load). */
function valueImports(source: string): string[] {
  const found: string[] = [];
  const pattern = /^(import|export)\s+(type\s+)?[^;]*?from\s+"([^"]+)";/gms;
  for (const match of source.matchAll(pattern)) {
    if (!match[2] && match[3]) found.push(match[3]);
  }
  return found;
}

/** Every module reachable from `entry` by value imports: relative ones as `./file.ts`, packages by name. */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const pending = [`./${entry}`];
  while (pending.length > 0) {
    const next = pending.pop();
    if (next === undefined || seen.has(next)) continue;
    seen.add(next);
    if (!next.startsWith("./")) continue;
    const source = readFileSync(path.join(import.meta.dirname, next), "utf8");
    for (const specifier of valueImports(source)) {
      pending.push(specifier.startsWith("./") ? `${specifier}.ts` : specifier);
    }
  }
  return seen;
}

describe("modules the pages' client code loads", () => {
  it.each(CLIENT_ENTRIES)("%s reaches neither zod nor the built-in catalogue", (entry) => {
    const modules = reachable(entry);
    expect(modules.has(`./${entry}`)).toBe(true);
    expect(FORBIDDEN.filter((name) => modules.has(name))).toEqual([]);
  });

  // The entry form's own modules (its rules, messages, draft payload and numbers): zod is fetched after the
  // form is on screen (apps/web submission-resolvers.ts), so nothing the form loads first may reach it.
  it.each(["submission-rules.ts", "submission-messages.ts", "draft-save.ts", "entered-number.ts"])(
    "%s, which the entry form loads first, reaches no zod",
    (entry) => {
      const modules = reachable(entry);
      expect(modules.has(`./${entry}`)).toBe(true);
      expect(["zod", "./schemas.ts", "./submission-schema.ts"].filter((name) => modules.has(name))).toEqual(
        [],
      );
    },
  );

  it("sees through a re-export (the walk itself can fail)", () => {
    expect(reachable("indicators.ts").has("./indicator-catalogue.ts")).toBe(true);
    expect(reachable("schemas.ts").has("zod")).toBe(true);
    expect(reachable("submission-schema.ts").has("zod")).toBe(true);
  });
});
