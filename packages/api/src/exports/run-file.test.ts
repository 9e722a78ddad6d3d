import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Writable } from "node:stream";
import type { SessionUser } from "@zones/auth";
import { exportRuns } from "@zones/db/schema";
import type { TExportFiltersInput } from "@zones/exports";
import { type ExportStorage, LocalExportStorage, S3ExportStorage, UPLOAD_PART_BYTES } from "@zones/storage";
import { type S3Emulator, startS3Emulator } from "@zones/storage/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { useTestWorld } from "../test-world";
import { exportRunDownload } from "./run-file";
import { HB_HS_GDP, storeFinishedRun } from "./test-runs";

const world = useTestWorld();
let emulator: S3Emulator;
let dir: string;
beforeAll(async () => {
  emulator = await startS3Emulator();
  dir = await mkdtemp(path.join(tmpdir(), "zones-run-files-"));
});
afterAll(async () => {
  await emulator?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A finished run of `user` whose file (`bytes`) is kept in `storage`, recorded as the worker records it. */
function finishedRun(
  storage: ExportStorage,
  user: SessionUser,
  bytes: Buffer,
  filters: Partial<TExportFiltersInput> = HB_HS_GDP,
) {
  return storeFinishedRun(world.handle.db, storage, user, bytes, filters);
}

/** The storage, counting the files asked of it: refusals must come before it is asked. */
function counted(storage: ExportStorage): ExportStorage & { opened: number } {
  const spy = {
    opened: 0,
    location: storage.location,
    store: <T>(key: string, write: (sink: Writable) => Promise<T>) => storage.store(key, write),
    open: (key: string) => {
      spy.opened += 1;
      return storage.open(key);
    },
    removeFolder: (folder: string) => storage.removeFolder(folder),
    check: () => storage.check(),
  };
  return spy;
}

const storages: [string, () => ExportStorage][] = [
  ["a local folder", () => new LocalExportStorage(dir)],
  ["S3 (s3rver)", () => new S3ExportStorage(emulator.settings())],
];

describe.each(storages)("downloading a kept export file from %s", (_kind, make) => {
  it("streams it byte for byte, with its length, type, name and the SHA-256 recorded", async () => {
    const storage = make();
    // More than one part: a multipart object in S3.
    const bytes = randomBytes(UPLOAD_PART_BYTES + 54_321);
    const run = await finishedRun(storage, world.users.official, bytes);
    const response = await exportRunDownload(world.handle.db, storage, world.users.official, run.id);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "text/csv; charset=utf-8",
      "content-length": String(bytes.length),
      "content-disposition": `attachment; filename="${run.fileName}"`,
      "cache-control": "no-store, no-transform",
      "repr-digest": `sha-256=:${createHash("sha256").update(bytes).digest("base64")}:`,
    });
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.equals(bytes)).toBe(true);
  });

  it("says the file is gone when the storage no longer has it", async () => {
    const storage = make();
    const run = await finishedRun(storage, world.users.admin, Buffer.from("a,b\r\n"));
    await storage.removeFolder(run.id);
    await expect(
      exportRunDownload(world.handle.db, storage, world.users.admin, run.id),
    ).rejects.toMatchObject({
      code: "conflict",
      key: "exports.fileMissing",
    });
  });
});

describe("downloading a kept export file", () => {
  it("is for its requester and admins only, checked before the storage is asked", async () => {
    const storage = counted(new S3ExportStorage(emulator.settings()));
    const run = await finishedRun(storage, world.users.official, Buffer.from("zone,gdp\r\n"));
    for (const user of [world.users.viewer, world.users.reviewer]) {
      await expect(exportRunDownload(world.handle.db, storage, user, run.id)).rejects.toMatchObject({
        code: "not-found",
      });
    }
    for (const id of ["not-a-uuid", "00000000-0000-4000-8000-000000000000"]) {
      await expect(exportRunDownload(world.handle.db, storage, world.users.admin, id)).rejects.toMatchObject({
        code: "not-found",
      });
    }
    expect(storage.opened).toBe(0);
    const admin = await exportRunDownload(world.handle.db, storage, world.users.admin, run.id);
    expect(await admin.text()).toBe("zone,gdp\r\n");
  });

  it("is refused once the requester may no longer export what it holds, before the storage is asked", async () => {
    const storage = counted(new S3ExportStorage(emulator.settings()));
    // Submitted figures of SD-ZB, exported while the official still had that zone; it is HB-HS now.
    const run = await finishedRun(storage, world.users.official, Buffer.from("x"), {
      ...HB_HS_GDP,
      zoneCodes: ["SD-ZB"],
      statuses: ["approved", "submitted"],
    });
    await expect(
      exportRunDownload(world.handle.db, storage, world.users.official, run.id),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(storage.opened).toBe(0);
  });

  it("is refused for a pruned file and for a run without one, before the storage is asked", async () => {
    const storage = counted(new S3ExportStorage(emulator.settings()));
    const pruned = await finishedRun(storage, world.users.admin, Buffer.from("x"));
    await world.handle.db.update(exportRuns).set({ storageKey: null }).where(eq(exportRuns.id, pruned.id));
    await expect(
      exportRunDownload(world.handle.db, storage, world.users.admin, pruned.id),
    ).rejects.toMatchObject({ code: "conflict", key: "exports.filePruned" });
    const running = await finishedRun(storage, world.users.admin, Buffer.from("x"));
    await world.handle.db.update(exportRuns).set({ status: "running" }).where(eq(exportRuns.id, running.id));
    await expect(
      exportRunDownload(world.handle.db, storage, world.users.admin, running.id),
    ).rejects.toMatchObject({ code: "conflict", key: "exports.noFile" });
    expect(storage.opened).toBe(0);
  });
});
