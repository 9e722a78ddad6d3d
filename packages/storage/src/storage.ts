import type { Readable, Writable } from "node:stream";

/** An export file as kept: its bytes, streamed, and how many there are. */
export interface StoredObject {
  size: number;
  /** Read it or destroy it: an abandoned body holds a file handle or a connection. */
  body: Readable;
}

/** What `store` gives back: what the writer resolved with, and the size of the object as stored. */
export interface Stored<T> {
  value: T;
  size: number;
}

/**
 * Where finished export files are kept: a local folder or an S3-compatible bucket. Keys are relative
 * (`<run id>/<file name>`, see `exportObjectKey`), so that the same key finds a file wherever the storage is.
 */
export interface ExportStorage {
  /** Where the files are, for logs and readiness problems: a folder, or `s3://bucket/prefix` (never a secret). */
  readonly location: string;
  /**
   * Stores what `write` writes into the sink, streamed. The object appears under `key` only once `write` has
   * resolved and every byte is stored; when `write` rejects or storing fails, nothing is left under `key` and
   * the error is thrown.
   */
  store<T>(
    key: string,
    write: (sink: Writable) => Promise<T>,
    options?: { contentType?: string },
  ): Promise<Stored<T>>;
  /** The object under `key`, streamed; null when there is none. */
  open(key: string): Promise<StoredObject | null>;
  /** Deletes every object under `<folder>/` (a run's files); none there is no error. */
  removeFolder(folder: string): Promise<void>;
  /** Throws, saying why, when files cannot be kept (readiness). */
  check(): Promise<void>;
}

/** A key's segments: ASCII names that cannot climb out of the storage (no `.`, `..`, empty or absolute parts). */
const KEY_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/** Refuses a key or folder that is not relative segments of `KEY_SEGMENT` (whatever wrote it to the database). */
export function assertObjectKey(key: string): string {
  const segments = key.split("/");
  if (key.length > 512 || !segments.every((segment) => KEY_SEGMENT.test(segment))) {
    throw new Error(`not an export file key: ${JSON.stringify(key.slice(0, 100))}`);
  }
  return key;
}

/** The key of a run's file: one folder per run, so that a run's files are deleted together. */
export function exportObjectKey(runId: string, fileName: string): string {
  return assertObjectKey(`${runId}/${fileName}`);
}
