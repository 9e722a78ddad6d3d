import { spawn } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { LocalExportStorage } from "./local";
import { S3ExportStorage, UPLOAD_PART_BYTES, UPLOAD_QUEUE_SIZE } from "./s3";
import type { ExportStorage } from "./storage";
import { type S3Emulator, startS3Emulator } from "./testing";

const MiB = 1024 * 1024;

/** `total` bytes in chunks of 64 KiB, each chunk's bytes its number: a file whose every part differs. */
function* chunks(total: number, size = 64 * 1024): Generator<Buffer> {
  for (let at = 0, n = 0; at < total; at += size, n += 1) {
    yield Buffer.alloc(Math.min(size, total - at), n % 251);
  }
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

function bytesOf(total: number): Buffer {
  return Buffer.concat([...chunks(total)]);
}

/** A writer that streams `total` bytes into the sink with backpressure. */
const writing = (total: number) => (sink: Writable) => pipeline(Readable.from(chunks(total)), sink);

/** A writer that fails after `after` bytes, as an export whose query breaks mid-way. */
const failingAfter = (after: number, reason: string) => async (sink: Writable) => {
  await pipeline(
    Readable.from(
      (async function* () {
        yield* chunks(after);
        throw new Error(reason);
      })(),
    ),
    sink,
  );
};

async function readAll(storage: ExportStorage, key: string): Promise<{ size: number; bytes: Buffer } | null> {
  const object = await storage.open(key);
  if (!object) return null;
  const parts: Buffer[] = [];
  for await (const part of object.body) parts.push(part as Buffer);
  return { size: object.size, bytes: Buffer.concat(parts) };
}

let emulator: S3Emulator;
let dir: string;
beforeAll(async () => {
  emulator = await startS3Emulator();
  dir = await mkdtemp(path.join(tmpdir(), "zones-storage-"));
});
afterAll(async () => {
  await emulator?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const kinds: [string, () => ExportStorage][] = [
  ["a local folder", () => new LocalExportStorage(dir)],
  ["S3 (s3rver)", () => new S3ExportStorage(emulator.settings())],
];

describe.each(kinds)("export storage in %s", (_kind, make) => {
  it("stores a streamed file under its key and gives it back byte for byte, with its size", async () => {
    const storage = make();
    const key = `${randomUUID()}/zones-export-HB-HS-gdp-2026Q2-20261128.csv`;
    const stored = await storage.store(key, async (sink) => {
      await writing(300_000)(sink);
      return "written";
    });
    expect(stored).toEqual({ value: "written", size: 300_000 });
    const read = await readAll(storage, key);
    expect(read?.size).toBe(300_000);
    expect(read?.bytes.equals(bytesOf(300_000))).toBe(true);
  });

  it("keeps an empty file", async () => {
    const storage = make();
    const key = `${randomUUID()}/empty.csv`;
    expect((await storage.store(key, writing(0))).size).toBe(0);
    expect(await readAll(storage, key)).toEqual({ size: 0, bytes: Buffer.alloc(0) });
  });

  it("leaves nothing under the key when the writer fails mid-way, and throws its error", async () => {
    const storage = make();
    const key = `${randomUUID()}/broken.csv`;
    await expect(storage.store(key, failingAfter(200_000, "query broke"))).rejects.toThrow("query broke");
    expect(await storage.open(key)).toBeNull();
  });

  it("leaves nothing when the writer fails after its last byte", async () => {
    const storage = make();
    const key = `${randomUUID()}/late.csv`;
    await expect(
      storage.store(key, async (sink) => {
        await writing(1000)(sink);
        throw new Error("failed after the end");
      }),
    ).rejects.toThrow("failed after the end");
    expect(await storage.open(key)).toBeNull();
  });

  it("has no object for a key never stored", async () => {
    expect(await make().open(`${randomUUID()}/none.csv`)).toBeNull();
  });

  it("removes a run's folder: every object under it, and only those", async () => {
    const storage = make();
    const [run, other] = [randomUUID(), randomUUID()];
    await storage.store(`${run}/a.csv`, writing(10));
    await storage.store(`${run}/b.xlsx`, writing(20));
    await storage.store(`${other}/a.csv`, writing(30));
    await storage.removeFolder(run);
    expect(await storage.open(`${run}/a.csv`)).toBeNull();
    expect(await storage.open(`${run}/b.xlsx`)).toBeNull();
    expect((await readAll(storage, `${other}/a.csv`))?.size).toBe(30);
    // Nothing there: no error.
    await storage.removeFolder(run);
    await storage.removeFolder(randomUUID());
  });

  it("refuses keys that could leave the storage or are not ASCII names", async () => {
    const storage = make();
    for (const key of [
      "../outside.csv",
      "/etc/passwd",
      "a//b.csv",
      "run/../../x",
      "",
      "run/.",
      "运行/a.csv",
    ]) {
      await expect(storage.store(key, writing(1)), key).rejects.toThrow(/not an export file key/);
      await expect(storage.open(key), key).rejects.toThrow(/not an export file key/);
    }
    await expect(storage.removeFolder("..")).rejects.toThrow(/not an export file key/);
  });

  it("says it is usable", async () => {
    await expect(make().check()).resolves.toBeUndefined();
  });
});

describe("export storage in a local folder", () => {
  it("writes a `.part` file while storing and renames it when complete; a failure deletes it", async () => {
    const storage = new LocalExportStorage(dir);
    const run = randomUUID();
    let during: string[] = [];
    await storage.store(`${run}/done.csv`, async (sink) => {
      await new Promise<void>((resolve) => sink.write("half", () => resolve()));
      during = await readdir(path.join(dir, run));
      await writing(10)(sink);
    });
    expect(during).toEqual(["done.csv.part"]);
    expect(await readdir(path.join(dir, run))).toEqual(["done.csv"]);
    await expect(storage.store(`${run}/broken.csv`, failingAfter(100, "broke"))).rejects.toThrow("broke");
    expect(await readdir(path.join(dir, run))).toEqual(["done.csv"]);
  });

  it("says why it cannot keep files (a file where its folder should be)", async () => {
    const blocked = path.join(dir, "blocked");
    await writeFile(blocked, "not a folder");
    await expect(new LocalExportStorage(blocked).check()).rejects.toThrow(/EEXIST|ENOTDIR/);
    expect(await readFile(blocked, "utf8")).toBe("not a folder");
  });
});

describe("export storage in S3 (s3rver)", () => {
  /** The commands the storage's client sends, in order. */
  function recorded(storage: S3ExportStorage): string[] {
    const sent: string[] = [];
    storage.client.middlewareStack.add(
      (next, context) => async (args) => {
        sent.push(context.commandName ?? "?");
        return next(args);
      },
      { step: "initialize", name: "recordCommands" },
    );
    return sent;
  }

  it("keeps objects under the prefix of EXPORT_STORAGE_URL", async () => {
    const storage = new S3ExportStorage(emulator.settings());
    const run = randomUUID();
    await storage.store(`${run}/a.csv`, writing(5));
    expect(await emulator.keys("zones/")).toContain(`zones/${run}/a.csv`);
    expect(storage.location).toBe(`s3://${emulator.bucket}/zones at ${emulator.endpoint}`);
  });

  it("streams a large file as a multipart upload, holding a few parts at most, never the whole file", async () => {
    const storage = new S3ExportStorage(emulator.settings());
    const sent = recorded(storage);
    const total = 6 * UPLOAD_PART_BYTES + 123_457;
    // Bytes the writer handed over, and bytes S3 has acknowledged (parts stored): the difference is in memory.
    let written = 0;
    let stored = 0;
    let mostHeld = 0;
    storage.client.middlewareStack.add(
      (next, context) => async (args) => {
        const output = await next(args);
        if (context.commandName === "UploadPartCommand")
          stored += (args.input as { Body: Buffer }).Body.length;
        return output;
      },
      { step: "initialize", name: "countStoredParts" },
    );
    const key = `${randomUUID()}/large.csv`;
    const result = await storage.store(key, (sink) =>
      pipeline(
        Readable.from(
          (function* () {
            for (const chunk of chunks(total)) {
              written += chunk.length;
              mostHeld = Math.max(mostHeld, written - stored);
              yield chunk;
            }
          })(),
        ),
        sink,
      ),
    );
    expect(result.size).toBe(total);
    expect(sent.filter((name) => name === "UploadPartCommand")).toHaveLength(7);
    expect(sent).toContain("CreateMultipartUploadCommand");
    expect(sent).toContain("CompleteMultipartUploadCommand");
    expect(sent).not.toContain("PutObjectCommand");
    // The parts being sent and the one being filled (plus stream buffers): backpressure, not a buffered file.
    expect(mostHeld).toBeLessThanOrEqual((UPLOAD_QUEUE_SIZE + 1) * UPLOAD_PART_BYTES + MiB);
    expect(mostHeld).toBeLessThan(total / 2);
    const read = await readAll(storage, key);
    expect(read?.size).toBe(total);
    expect(sha256(read?.bytes ?? Buffer.alloc(0))).toBe(sha256(bytesOf(total)));
  });

  it("aborts the multipart upload of a writer that fails after several parts: no object appears", async () => {
    const storage = new S3ExportStorage(emulator.settings());
    const sent = recorded(storage);
    const key = `${randomUUID()}/broken-large.csv`;
    await expect(storage.store(key, failingAfter(2 * UPLOAD_PART_BYTES + 10, "query broke"))).rejects.toThrow(
      "query broke",
    );
    expect(sent).toContain("UploadPartCommand");
    expect(sent).toContain("AbortMultipartUploadCommand");
    expect(sent).not.toContain("CompleteMultipartUploadCommand");
    expect(await storage.open(key)).toBeNull();
    expect(await emulator.keys("zones/")).not.toContain(`zones/${key}`);
  });

  it("refuses, and deletes, an object whose stored size differs from what was written", async () => {
    const storage = new S3ExportStorage(emulator.settings());
    // A store that lost a byte on the way (a proxy or server mangling the upload).
    storage.client.middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        if (context.commandName === "HeadObjectCommand") {
          const output = result.output as { ContentLength?: number };
          output.ContentLength = (output.ContentLength ?? 0) - 1;
        }
        return result;
      },
      { step: "initialize", name: "loseAByte" },
    );
    const key = `${randomUUID()}/short.csv`;
    await expect(storage.store(key, writing(1000))).rejects.toThrow(
      `zones/${key}: the storage kept 999 bytes of the 1000 written`,
    );
    expect(await new S3ExportStorage(emulator.settings()).open(key)).toBeNull();
  });

  it("leaves no object under the key when the uploading process is killed mid-way", async () => {
    const settings = emulator.settings();
    const key = `${randomUUID()}/killed.csv`;
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
    const child = spawn(
      process.execPath,
      [
        "--import",
        tsx,
        path.join(import.meta.dirname, "kill-upload.child.ts"),
        JSON.stringify(settings),
        key,
      ],
      {
        stdio: ["ignore", "pipe", "inherit"],
        env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
      },
    );
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once("exit", (_code, signal) => resolve(signal)),
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout?.setEncoding("utf8").on("data", (text: string) => {
        if (text.includes("part stored")) resolve();
      });
      child.once("exit", () => reject(new Error("the uploading process ended before storing a part")));
    });
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    const storage = new S3ExportStorage(settings);
    expect(await storage.open(key)).toBeNull();
    expect(await emulator.keys("zones/")).not.toContain(`zones/${key}`);
  });

  it("fails, without waiting on the writer, when S3 refuses the upload (no such bucket)", async () => {
    const storage = new S3ExportStorage({ ...emulator.settings(), bucket: "no-such-bucket" });
    await expect(storage.store(`${randomUUID()}/x.csv`, writing(2 * UPLOAD_PART_BYTES))).rejects.toThrow(
      /bucket/i,
    );
  });

  it("says why it cannot keep files: a missing bucket, an unknown access key, no server", async () => {
    await expect(
      new S3ExportStorage({ ...emulator.settings(), bucket: "no-such-bucket" }).check(),
    ).rejects.toThrow(/^bucket no-such-bucket: NotFound \(HTTP 404\)/);
    await expect(
      new S3ExportStorage({ ...emulator.settings(), accessKeyId: "UNKNOWN" }).check(),
    ).rejects.toThrow(/HTTP 403/);
    const closed = new S3ExportStorage({ ...emulator.settings(), endpoint: "http://127.0.0.1:9" });
    await expect(closed.check()).rejects.toThrow(/ECONNREFUSED/);
  });

  it("names its place without credentials", () => {
    const storage = new S3ExportStorage({
      ...emulator.settings("exports/zones"),
      endpoint: "https://oss-cn-hangzhou.aliyuncs.com/",
    });
    expect(storage.location).toBe(
      `s3://${emulator.bucket}/exports/zones at https://oss-cn-hangzhou.aliyuncs.com`,
    );
    expect(storage.location).not.toMatch(/S3RVER/);
  });
});

it("the local folder's files are where their keys say", async () => {
  const storage = new LocalExportStorage(dir);
  const run = randomUUID();
  await storage.store(`${run}/x.csv`, writing(3));
  expect(existsSync(path.join(dir, run, "x.csv"))).toBe(true);
});
