import { constants, createWriteStream } from "node:fs";
import { access, mkdir, open, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Writable } from "node:stream";

import { assertObjectKey, type ExportStorage, type Stored, type StoredObject } from "./storage";

/** Suffix of a file still being written: never offered, never backed up. */
const PART_SUFFIX = ".part";

/**
 * Export files in a local folder (`EXPORT_DIR`): each written as `<key>.part` and renamed to `<key>` once
 * complete and flushed to disk, so that a half-written file is never offered; on failure the `.part` file is
 * deleted.
 */
export class LocalExportStorage implements ExportStorage {
  readonly location: string;

  constructor(readonly dir: string) {
    this.location = path.resolve(dir);
  }

  #path(key: string): string {
    return path.join(this.location, assertObjectKey(key));
  }

  async store<T>(key: string, write: (sink: Writable) => Promise<T>): Promise<Stored<T>> {
    const filePath = this.#path(key);
    const partPath = `${filePath}${PART_SUFFIX}`;
    await mkdir(path.dirname(filePath), { recursive: true });
    const sink = createWriteStream(partPath, { flush: true });
    const closed = () =>
      new Promise<void>((resolve) => (sink.closed ? resolve() : sink.once("close", () => resolve())));
    try {
      const value = await write(sink);
      if (!sink.writableEnded) sink.end();
      // Renamed only once the file is closed, its data flushed to disk.
      await closed();
      if (sink.errored) throw sink.errored;
      const { size } = await stat(partPath);
      if (size !== sink.bytesWritten) {
        throw new Error(`${partPath}: the disk kept ${size} bytes of the ${sink.bytesWritten} written`);
      }
      await rename(partPath, filePath);
      return { value, size };
    } catch (error) {
      // Closed first: a file still being opened would otherwise appear after its removal.
      sink.destroy();
      await closed();
      await rm(partPath, { force: true });
      throw error;
    }
  }

  async open(key: string): Promise<StoredObject | null> {
    const filePath = this.#path(key);
    const handle = await open(filePath, "r").catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return null;
      throw error;
    });
    if (!handle) return null;
    try {
      // The size of the file opened, not of whatever the path names a moment later.
      const { size } = await handle.stat();
      // The stream closes the handle when it ends or is destroyed.
      return { size, body: handle.createReadStream() };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async removeFolder(folder: string): Promise<void> {
    await rm(this.#path(folder), { recursive: true, force: true });
  }

  async check(): Promise<void> {
    await mkdir(this.location, { recursive: true });
    await access(this.location, constants.W_OK);
  }
}
