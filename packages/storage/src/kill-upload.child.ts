/**
 * Test-only (storage.test.ts): starts a multipart upload into the storage of argv[2] under the key argv[3],
 * says `part stored` once S3 has the first part, and never finishes: the test kills it there.
 */
import { S3ExportStorage, type S3StorageSettings, UPLOAD_PART_BYTES } from "./s3";

const [settingsJson = "", key = ""] = process.argv.slice(2);
const storage = new S3ExportStorage(JSON.parse(settingsJson) as S3StorageSettings);
storage.client.middlewareStack.add(
  (next, context) => async (args) => {
    const output = await next(args);
    if (context.commandName === "UploadPartCommand") process.stdout.write("part stored\n");
    return output;
  },
  { step: "initialize", name: "reportStoredParts" },
);
await storage.store(key, async (sink) => {
  // More than a part, the stream left open: the upload is multipart, and waits for the rest.
  sink.write(Buffer.alloc(UPLOAD_PART_BYTES + 1024, 0x61));
  await new Promise(() => setInterval(() => {}, 60_000));
});
