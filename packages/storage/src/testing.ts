/** Test-only: an S3 API on 127.0.0.1 (s3rver, an emulator on the local file system) for the storage's tests. */
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

import { CreateBucketCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";

import { S3ExportStorage, type S3StorageSettings } from "./s3";

interface S3rverOptions {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  configureBuckets: { name: string }[];
}
type S3rverServer = { run(): Promise<AddressInfo>; close(): Promise<void> };

/** s3rver has no types of its own; this is the little of it the tests use. */
const S3rver = createRequire(import.meta.url)("s3rver") as new (options: S3rverOptions) => S3rverServer;

/** s3rver's one account. */
const EMULATOR_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export interface S3Emulator {
  endpoint: string;
  bucket: string;
  /** Settings of a storage in the emulator's bucket, under `prefix`. */
  settings(prefix?: string): { kind: "s3" } & S3StorageSettings;
  /** The keys of the objects S3 shows under `prefix` (parts of unfinished uploads are never shown). */
  keys(prefix: string): Promise<string[]>;
  /** Creates another bucket, empty. */
  createBucket(name: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts s3rver on 127.0.0.1, on a port the system picks, storing into a new temporary folder, with one empty
 * bucket; `stop` closes it and removes the folder.
 */
export async function startS3Emulator({ bucket = "zones-exports" } = {}): Promise<S3Emulator> {
  const directory = await mkdtemp(path.join(tmpdir(), "zones-s3rver-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  let port: number;
  try {
    ({ port } = await server.run());
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
  const endpoint = `http://127.0.0.1:${port}`;
  const settings = (prefix = "zones") => ({
    kind: "s3" as const,
    bucket,
    prefix,
    endpoint,
    region: "us-east-1",
    ...EMULATOR_CREDENTIALS,
    forcePathStyle: true,
  });
  const { client } = new S3ExportStorage(settings());
  return {
    endpoint,
    bucket,
    settings,
    async createBucket(name) {
      await client.send(new CreateBucketCommand({ Bucket: name }));
    },
    async keys(prefix) {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
      return (listed.Contents ?? []).flatMap((object) => (object.Key ? [object.Key] : [])).sort();
    },
    async stop() {
      client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
