import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { lastFinishedQuarter } from "@zones/domain";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { seedDueAgainAt } from "../seed/due";
import {
  embeddedStoreIsPrepared,
  PREPARE_MARKER_FILE,
  prepareInputFiles,
  prepareInputsKey,
  prepareMarkerIsCurrent,
  readPrepareMarker,
  writePrepareMarker,
} from "./prepare-marker.mjs";

/** The pure logic by which `npm run demo` skips `db:prepare`: a false "prepared" would serve an old schema. */

const repositoryRoot = fileURLToPath(new URL("../../../../", import.meta.url));

function write(root: string, file: string, content: string) {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), content);
}

describe("prepare inputs", () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), "zones-prepare-inputs-"));
    write(root, "package-lock.json", '{"lockfileVersion":3}');
    write(root, "packages/db/package.json", "{}");
    write(root, "packages/db/drizzle/0000_init.sql", "CREATE TABLE a (id int);");
    write(root, "packages/db/drizzle/meta/_journal.json", '{"entries":[{"idx":0}]}');
    write(root, "packages/db/src/seed/demo-data.ts", "export const x = 1;");
    write(root, "packages/db/src/seed/seed.test.ts", "test");
    write(root, "packages/domain/src/indicators.ts", "export const INDICATORS = [];");
    write(root, "apps/web/src/page.tsx", "page");
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("is stable for the same files", () => {
    expect(prepareInputsKey(root)).toBe(prepareInputsKey(root));
  });

  it.each([
    ["a new migration", "packages/db/drizzle/0001_more.sql", "ALTER TABLE a ADD b int;"],
    ["a changed migration journal", "packages/db/drizzle/meta/_journal.json", '{"entries":[]}'],
    ["a changed seed", "packages/db/src/seed/demo-data.ts", "export const x = 2;"],
    ["a new seed file", "packages/db/src/seed/more.ts", "export const y = 1;"],
    ["a changed catalogue", "packages/domain/src/indicators.ts", "export const INDICATORS = [1];"],
    ["other dependency versions", "package-lock.json", '{"lockfileVersion":3,"x":1}'],
  ])("changes with %s", (_what, file, content) => {
    const before = prepareInputsKey(root);
    write(root, file, content);
    expect(prepareInputsKey(root)).not.toBe(before);
  });

  it("changes when a file moves, even with the same content", () => {
    const before = prepareInputsKey(root);
    rmSync(path.join(root, "packages/db/src/seed/demo-data.ts"));
    write(root, "packages/db/src/seed/demo-data-2.ts", "export const x = 1;");
    expect(prepareInputsKey(root)).not.toBe(before);
  });

  it("ignores tests and code the prepare never runs", () => {
    const before = prepareInputsKey(root);
    write(root, "packages/db/src/seed/seed.test.ts", "another test");
    write(root, "apps/web/src/page.tsx", "another page");
    expect(prepareInputsKey(root)).toBe(before);
  });

  it("covers this repository's migrations, seed, prepare and catalogue", () => {
    const files = prepareInputFiles(repositoryRoot);
    for (const file of [
      "package-lock.json",
      "packages/db/drizzle/0000_init.sql",
      "packages/db/drizzle/meta/_journal.json",
      "packages/db/src/migrate.ts",
      "packages/db/src/seed/index.ts",
      "packages/db/src/seed/demo-data.ts",
      "packages/db/src/cli/prepare.ts",
      "packages/db/src/cli/prepare-marker.mjs",
      "packages/domain/src/indicators.ts",
    ]) {
      expect(files).toContain(file);
    }
    expect(files.filter((file) => file.endsWith(".test.ts"))).toEqual([]);
  });
});

describe("prepare marker", () => {
  const now = new Date("2026-11-28T10:00:00+08:00");
  const marker = {
    version: 1,
    key: "k1",
    preparedAt: "2026-11-28T01:00:00.000Z",
    validUntil: "2026-12-31T10:00:00.000Z",
  };

  it("is current for the same inputs within its validity", () => {
    expect(prepareMarkerIsCurrent(marker, { key: "k1", now })).toBe(true);
  });

  it("is outdated when the inputs changed", () => {
    expect(prepareMarkerIsCurrent(marker, { key: "k2", now })).toBe(false);
  });

  it("is outdated from its validUntil on (a new quarter to seed)", () => {
    expect(prepareMarkerIsCurrent(marker, { key: "k1", now: new Date(marker.validUntil) })).toBe(false);
  });

  it("is outdated when the clock is before the prepare", () => {
    expect(prepareMarkerIsCurrent(marker, { key: "k1", now: new Date("2026-11-27T00:00:00Z") })).toBe(false);
  });

  it.each([
    ["missing", null],
    ["not an object", "k1"],
    ["of another version", { ...marker, version: 2 }],
    ["without a key", { ...marker, key: undefined }],
    ["with a broken date", { ...marker, validUntil: "soon" }],
  ])("is not current when %s", (_what, value) => {
    expect(prepareMarkerIsCurrent(value, { key: "k1", now })).toBe(false);
  });
});

describe("embedded store prepared", () => {
  let dir: string;
  let dataDir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "zones-prepare-marker-"));
    dataDir = path.join(dir, "pglite");
    mkdirSync(dataDir);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const key = () => prepareInputsKey(repositoryRoot);
  const now = new Date();
  const preparedAt = new Date(now.getTime() - 60_000);

  it("after a marker written with the current inputs", () => {
    writePrepareMarker(dataDir, { key: key(), validUntil: seedDueAgainAt(now), preparedAt });
    expect(readPrepareMarker(dataDir)?.key).toBe(key());
    expect(embeddedStoreIsPrepared(dataDir, repositoryRoot, now)).toBe(true);
  });

  it("not without a marker, or without the store", () => {
    expect(embeddedStoreIsPrepared(dataDir, repositoryRoot, now)).toBe(false);
    expect(embeddedStoreIsPrepared(path.join(dir, "missing"), repositoryRoot, now)).toBe(false);
  });

  it("not with a marker of other inputs", () => {
    writePrepareMarker(dataDir, { key: "an older checkout", validUntil: seedDueAgainAt(now), preparedAt });
    expect(embeddedStoreIsPrepared(dataDir, repositoryRoot, now)).toBe(false);
  });

  it("not with an unreadable marker", () => {
    writeFileSync(path.join(dataDir, PREPARE_MARKER_FILE), "{ half a file");
    expect(embeddedStoreIsPrepared(dataDir, repositoryRoot, now)).toBe(false);
  });

  it("not while another process holds the store (the prepare then says so)", () => {
    writePrepareMarker(dataDir, { key: key(), validUntil: seedDueAgainAt(now), preparedAt });
    mkdirSync(`${dataDir}.lock`);
    expect(embeddedStoreIsPrepared(dataDir, repositoryRoot, now)).toBe(false);
  });
});

describe("seedDueAgainAt", () => {
  it("is the end of the quarter in progress, early enough for any time zone", () => {
    // 2027Q1 begins 2027-01-01 00:00 in Beijing (2026-12-31 16:00 UTC); UTC+14 is earlier still.
    expect(seedDueAgainAt(new Date("2026-11-28T10:00:00+08:00")).toISOString()).toBe(
      "2026-12-31T10:00:00.000Z",
    );
  });

  it.each([
    "2026-11-28T10:00:00+08:00",
    "2026-10-01T00:00:00+08:00",
    "2026-09-30T23:59:59+08:00",
    "2027-03-31T09:00:00+08:00",
    "2024-02-29T12:00:00Z",
  ])("the seed's quarter at %s holds until then", (at) => {
    const now = new Date(at);
    const due = seedDueAgainAt(now);
    // Never late: the last moment before it still seeds through the same quarter…
    if (due > now) expect(lastFinishedQuarter(new Date(due.getTime() - 1))).toBe(lastFinishedQuarter(now));
    // …and the new quarter begins (in Beijing) within the 14 hours after it.
    expect(lastFinishedQuarter(new Date(due.getTime() + 14 * 3_600_000))).not.toBe(lastFinishedQuarter(now));
  });
});
