import { createHash } from "node:crypto";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { Writable } from "node:stream";
import { exportFileName, runExport, type TExportFilters } from "@zones/exports";
import { type ExportStorage, LocalExportStorage, S3ExportStorage } from "@zones/storage";
import { type S3Emulator, startS3Emulator } from "@zones/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { storeExportFile } from "./export-file";
import { gdpFilters, useJobsWorld } from "./test-world";

const world = useJobsWorld();
let emulator: S3Emulator;
beforeAll(async () => {
  emulator = await startS3Emulator();
});
afterAll(async () => {
  await emulator?.stop();
});

/** GDP of HB-HS and SD-ZB, 2026Q2–2026Q3, approved and submitted: three rows. */
const threeRows = () =>
  gdpFilters({ zoneCodes: ["HB-HS", "SD-ZB"], to: "2026Q3", statuses: ["approved", "submitted"] });

/** What the export writes when nothing stores it. */
async function directBytes(filters: TExportFilters, format: "csv" | "xlsx"): Promise<Buffer> {
  const parts: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      parts.push(chunk);
      done();
    },
  });
  await runExport(world.handle.db, filters, format, sink);
  return Buffer.concat(parts);
}

async function storedBytes(storage: ExportStorage, key: string): Promise<Buffer | null> {
  const object = await storage.open(key);
  if (!object) return null;
  const parts: Buffer[] = [];
  for await (const part of object.body) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

const storages: [string, () => ExportStorage][] = [
  ["a local folder", () => world.storage],
  ["S3 (s3rver)", () => new S3ExportStorage(emulator.settings("exports"))],
];

describe.each(storages)("an export file stored in %s", (kind, storage) => {
  const runId = (n: number) => `0000000${n}-0000-4000-8000-${kind.length.toString().padStart(12, "0")}`;

  it("is stored under <run id>/<ASCII name>, its size and checksum those of the bytes the export wrote", async () => {
    const filters = threeRows();
    const now = new Date("2026-11-28T10:00:00+08:00");
    const file = await storeExportFile(world.handle.db, filters, "csv", storage(), runId(1), { now });
    expect(file.fileName).toBe("zones-export-SD-ZB_HB-HS-gdp-2026Q2-2026Q3-with-submitted-20261128.csv");
    expect(file.storageKey).toBe(`${runId(1)}/${file.fileName}`);
    expect(file.rowCount).toBe(3);
    const bytes = await storedBytes(storage(), file.storageKey);
    expect(bytes?.equals(await directBytes(filters, "csv"))).toBe(true);
    expect(file.byteSize).toBe(bytes?.length);
    expect(file.checksum).toBe(
      createHash("sha256")
        .update(bytes ?? "")
        .digest("hex"),
    );
  });

  it("keeps nothing when the export fails mid-way (CSV and XLSX), or is cancelled", async () => {
    const now = new Date("2026-11-28T10:00:00+08:00");
    for (const format of ["csv", "xlsx"] as const) {
      let batches = 0;
      await expect(
        storeExportFile(world.handle.db, threeRows(), format, storage(), runId(2), {
          now,
          batchSize: 1,
          onProgress: ({ rowsDone }) => {
            if (rowsDone > 0 && ++batches === 2) throw new Error(`${format} writer broke`);
          },
        }),
      ).rejects.toThrow(`${format} writer broke`);
    }
    const controller = new AbortController();
    await expect(
      storeExportFile(world.handle.db, threeRows(), "csv", storage(), runId(2), {
        now,
        batchSize: 1,
        signal: controller.signal,
        onProgress: ({ rowsDone }) => {
          if (rowsDone === 2) controller.abort(new Error("cancelled by the user"));
        },
      }),
    ).rejects.toThrow("cancelled by the user");
    for (const format of ["csv", "xlsx"] as const) {
      const key = `${runId(2)}/${exportFileName(threeRows(), format, now)}`;
      expect(await storage().open(key)).toBeNull();
    }
    const store = storage();
    if (store instanceof LocalExportStorage) {
      expect(await readdir(path.join(world.exportDir, runId(2)))).toEqual([]);
    } else {
      expect(await emulator.keys(`exports/${runId(2)}/`)).toEqual([]);
    }
  });
});
