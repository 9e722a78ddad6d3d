import type { DatabaseHandle } from "@zones/db/client";
import { createTestDatabase, testEngine } from "@zones/db/testing";
import { expectedRows, filters, loadFixture } from "@zones/exports/testing";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { copyObservationsCsv } from "./copy-baseline";

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}

/** Independent formula neutralisation for the expectations: text starting with = + - @ tab CR gets a `'`. */
function safe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The COPY baseline reads the rows the export reads (the export's fixture, `@zones/exports/testing`). */
describe(`the COPY baseline on ${testEngine()}`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
    await loadFixture(handle);
  });
  afterAll(async () => {
    await handle?.close();
  });

  if (testEngine() === "postgres") {
    it("COPY … TO STDOUT gives the same rows, neutralised in SQL", async () => {
      const scope = filters({ headerLanguage: "en" });
      const stream = await copyObservationsCsv(handle, scope);
      const text = (await collect(stream)).toString("utf8");
      const [header, ...records] = parse(text) as string[][];
      expect(header).toEqual([
        "zone_code",
        "zone_name",
        "indicator_code",
        "indicator_name",
        "unit",
        "quarter",
        "value",
        "status",
        "revision",
        "revision_kind",
        "note",
      ]);
      const expected = await expectedRows(handle, scope);
      expect(records).toEqual(
        expected.map((row) => [
          row.zoneCode,
          row.zoneNameEn,
          row.indicatorCode,
          row.indicatorNameEn,
          row.unitEn,
          row.quarter,
          row.value,
          row.status,
          String(row.revision),
          row.revisionKind,
          row.note === null ? "" : safe(row.note),
        ]),
      );
      expect(text).toContain(",-3.5,");
    });
  } else {
    it("refuses COPY on PGlite with a clear error", async () => {
      await expect(copyObservationsCsv(handle, filters())).rejects.toThrow(/needs PostgreSQL/);
    });
  }
});
