import { describe, expect, it } from "vitest";

import { appRouter } from "./root";
import { answer, databaseFingerprint, procedureRequest, procedureType, writeMark } from "./test-http";
import { ACCESS } from "./test-procedures";
import { useTestWorld } from "./test-world";

/**
 * Every procedure, over HTTP as the web app serves it, with malformed values in place of each part of a
 * valid input: never a 5xx, and a refused call leaves the database as it was.
 */

function nested(depth: number): unknown {
  let value: unknown = "leaf";
  for (let level = 0; level < depth; level++) value = [value];
  return value;
}

const HOSTILE_VALUES: [string, unknown][] = [
  ["NUL", "a\u0000b"],
  ["control character", "x\u0007y"],
  ["lone high surrogate", "x\ud800"],
  ["lone low surrogate", "\udfffx"],
  ["1 MB string", "长".repeat(350_000)],
  ["number text of 500 digits", "9".repeat(500)],
  ["year 0 date", "0000-01-01"],
  ["date past JavaScript's range", "275760-09-14"],
  ["huge number", 1e308],
  ["negative huge number", -1e308],
  ["NaN", Number.NaN],
  ["Infinity", Number.POSITIVE_INFINITY],
  ["-Infinity", Number.NEGATIVE_INFINITY],
  ["unsafe integer", 2 ** 53 + 2],
  ["negative zero", -0],
  ["bigint", 10n ** 30n],
  ["invalid date", new Date(Number.NaN)],
  ["null", null],
  ["boolean", true],
  ["empty array", []],
  ["object", { unexpected: "key" }],
  ["deep nesting", nested(1_000)],
];

/** Every path to a value inside an input: the input itself, each key, each element. */
function paths(value: unknown, prefix: string[] = []): string[][] {
  const here = [prefix];
  if (Array.isArray(value))
    return here.concat(value.flatMap((item, index) => paths(item, [...prefix, String(index)])));
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return here.concat(Object.entries(value).flatMap(([key, item]) => paths(item, [...prefix, key])));
  }
  return here;
}

function replaced(value: unknown, path: string[], replacement: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  if (Array.isArray(value))
    return value.map((item, index) => (String(index) === head ? replaced(item, rest, replacement) : item));
  const object = value as Record<string, unknown>;
  return { ...object, [head]: replaced(object[head], rest, replacement) };
}

/** Malformed uploads: not a file, an empty one, NUL bytes, broken JSON and hostile values in `versions`. */
function hostileUploads(): [string, FormData][] {
  const csv = (text: string) => new File([text], "template.csv", { type: "text/csv" });
  const forms: [string, Record<string, string | File>][] = [
    ["no file", {}],
    ["file as text", { file: "zone_code,quarter" }],
    ["empty file", { file: csv("") }],
    ["NUL bytes", { file: new File([new Uint8Array(4096)], "zeros.csv") }],
    [
      "NUL inside a cell",
      { file: csv("zone_code,quarter,indicator_code,value\r\nHB-HS\u0000,2026Q3,gdp,1\r\n") },
    ],
    [
      "lone surrogate inside a cell",
      { file: csv("zone_code,quarter,indicator_code,value,note\r\nHB-HS,2026Q3,gdp,1,\ud800\r\n") },
    ],
    ["broken versions JSON", { file: csv("zone_code,quarter,indicator_code,value\r\n"), versions: "{" }],
    [
      "versions of the wrong type",
      { file: csv("zone_code,quarter,indicator_code,value\r\n"), versions: '{"HB-HS/2026Q3":"x"}' },
    ],
    [
      "versions nested deeply",
      {
        file: csv("zone_code,quarter,indicator_code,value\r\n"),
        versions: `${"[".repeat(50_000)}${"]".repeat(50_000)}`,
      },
    ],
    [
      "versions with a huge number",
      { file: csv("zone_code,quarter,indicator_code,value\r\n"), versions: '{"HB-HS/2026Q3":1e400}' },
    ],
  ];
  return forms.map(([name, fields]) => {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.set(key, value);
    return [name, form];
  });
}

/** Bodies no tRPC client sends: not JSON, JSON of the wrong shape, superjson metadata pointing nowhere. */
const RAW_BODIES: [string, string][] = [
  ["not JSON", "{"],
  ["JSON array", "[]"],
  ["JSON string", '"x"'],
  ["superjson meta for a missing path", '{"json":{},"meta":{"values":{"a.b.c":["Date"]}}}'],
  ["superjson meta of an unknown type", '{"json":{"x":1},"meta":{"values":{"x":["nonsense"]}}}'],
  ["deeply nested JSON", `{"json":${"[".repeat(100_000)}${"]".repeat(100_000)}}`],
  ["__proto__ key", '{"json":{"__proto__":{"polluted":true}}}'],
];

/** A query's input travels in the URL, a mutation's in the body. */
function rawRequest(path: string, json: string): Request {
  const url = `http://zones.test/api/trpc/${path}`;
  if (procedureType(path) === "query") return new Request(`${url}?input=${encodeURIComponent(json)}`);
  return new Request(url, { method: "POST", headers: { "content-type": "application/json" }, body: json });
}

describe("hostile input to every procedure", () => {
  const world = useTestWorld();

  const procedures = Object.keys(appRouter._def.procedures).sort();

  it.each(procedures)("%s: no 5xx, and refusals change nothing", { timeout: 300_000 }, async (path) => {
    const access = ACCESS[path];
    if (!access) throw new Error(`no access entry for ${path}`);
    // The most powerful caller reaches furthest into each procedure.
    const context = world.context(world.users.admin);
    const valid = access.input(world.users, 0);
    const requests: [string, Request][] =
      valid instanceof FormData
        ? hostileUploads().map(([name, form]) => [name, procedureRequest(path, form)])
        : [
            ...paths(valid).flatMap((at) =>
              HOSTILE_VALUES.map(([name, value]): [string, Request] => [
                `${name} at ${at.join(".") || "input"}`,
                procedureRequest(path, replaced(valid, at, value)),
              ]),
            ),
            ...RAW_BODIES.map(([name, body]): [string, Request] => [name, rawRequest(path, body)]),
          ];
    const writes = procedureType(path) === "mutation";
    let before = await databaseFingerprint(world.handle.db);
    let mark = await writeMark(world.handle.db);
    const faults: string[] = [];
    for (const [name, request] of requests) {
      const { status, body } = await answer(request, context);
      if (status >= 500) faults.push(`${name}: ${status} ${body.slice(0, 300)}`);
      if (status < 300) {
        // A malformed value the schema let through as valid may write; only refusals must leave no trace.
        before = await databaseFingerprint(world.handle.db);
        mark = await writeMark(world.handle.db);
      } else if (writes) {
        // Hashing every table after each of thousands of refusals took minutes: it is done only when a
        // transaction that could write has ended since the last look.
        const now = await writeMark(world.handle.db);
        if (now !== mark) {
          expect(
            await databaseFingerprint(world.handle.db),
            `${name} was refused (${status}) yet changed data`,
          ).toEqual(before);
          mark = now;
        }
      }
    }
    expect(faults).toEqual([]);
    expect(await databaseFingerprint(world.handle.db)).toEqual(before);
  });
});
