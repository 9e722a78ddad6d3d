import type { Readable } from "node:stream";
import type { ExportRunListRow } from "@zones/db/exports";
import { MAIL_ATTACHMENTS_MAX_BYTES } from "@zones/domain";
import type { ExportStorage } from "@zones/storage";
import yazl from "yazl";

/** The run's file as an attachment (zipped when asked), or null when it is over the limit. */
export async function readAttachment(
  storage: ExportStorage,
  run: ExportRunListRow,
  zip: boolean,
  limit: number,
): Promise<{ filename: string; content: Buffer; contentType: string } | null> {
  // Unzipped, a file over the limit is never read; to be zipped, one may be larger, up to the stored bound.
  const readLimit = zip ? MAIL_ATTACHMENTS_MAX_BYTES : limit;
  if (!run.storageKey || !run.fileName || (run.byteSize ?? 0) > readLimit) return null;
  const file = await storage.open(run.storageKey);
  if (!file) throw new Error(`the file of run ${run.id} is missing from the export storage`);
  const content = await readUpTo(file.body, readLimit);
  if (!content) return null;
  if (!zip) {
    const contentType = run.fileName.endsWith(".xlsx")
      ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      : "text/csv; charset=utf-8";
    return { filename: run.fileName, content, contentType };
  }
  const zipped = await zipOne(run.fileName, content, limit);
  if (!zipped) return null;
  return {
    filename: `${run.fileName.replace(/\.[^.]+$/, "")}.zip`,
    content: zipped,
    contentType: "application/zip",
  };
}

/** The stream's bytes, or null (the stream destroyed) once it passes `limit`. */
async function readUpTo(stream: Readable, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += bytes.byteLength;
    if (size > limit) {
      stream.destroy();
      return null;
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

function zipOne(fileName: string, content: Buffer, limit: number): Promise<Buffer | null> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(content, fileName);
  zip.end();
  return readUpTo(zip.outputStream as unknown as Readable, limit);
}
