import { Readable, Transform, type Writable } from "node:stream";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";

import { assertObjectKey, type ExportStorage, type Stored, type StoredObject } from "./storage";

/** Where and how to reach the bucket (`EXPORT_STORAGE_URL` and the `S3_*` variables). */
export interface S3StorageSettings {
  bucket: string;
  /** Keys live under `<prefix>/`; "" is the bucket's root. */
  prefix: string;
  /** The S3 API's URL; unset: AWS's endpoint of `region`. */
  endpoint?: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `https://host/bucket/key` instead of `https://bucket.host/key` (MinIO, emulators). */
  forcePathStyle: boolean;
}

/** Size of a multipart upload's parts (S3's least); a smaller file goes in one PutObject. */
export const UPLOAD_PART_BYTES = 5 * 1024 * 1024;
/** Parts sent at once: an upload holds about this many parts plus one in memory, whatever the file's size. */
export const UPLOAD_QUEUE_SIZE = 2;
/**
 * A store that stops answering fails the upload or download instead of holding it forever: connecting may take
 * 10 s, a connection may sit idle 600 s (as long as nginx lets a download wait between two chunks).
 */
const CONNECT_TIMEOUT_MS = 10_000;
const IDLE_TIMEOUT_MS = 600_000;

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** An S3 error as the log should show it: the service's code and HTTP status, or the network's reason. */
export function describeS3Error(error: unknown): string {
  if (error instanceof S3ServiceException) {
    const status = error.$metadata.httpStatusCode;
    const text = error.message && error.message !== "UnknownError" ? `: ${error.message}` : "";
    return `${error.name}${status ? ` (HTTP ${status})` : ""}${text}`;
  }
  const plain = asError(error);
  // Node's connection errors may come without a message (an AggregateError of each address tried).
  const code = (plain as { code?: unknown }).code;
  return plain.message || (typeof code === "string" ? code : plain.name);
}

/**
 * Export files in an S3-compatible bucket (AWS S3, MinIO, Alibaba Cloud OSS, Tencent COS), through the AWS SDK
 * v3. Uploads are streamed as a multipart upload (`Upload` of lib-storage, parts of `UPLOAD_PART_BYTES`); one
 * that fails is aborted, so S3 never shows an object under its key, and a killed process leaves only parts
 * that S3 never shows either (a bucket lifecycle rule removes them; docs/operations.md). Downloads are
 * streamed from GetObject.
 */
export class S3ExportStorage implements ExportStorage {
  readonly location: string;
  readonly client: S3Client;
  readonly #bucket: string;
  readonly #prefix: string;

  constructor(settings: S3StorageSettings) {
    this.#bucket = settings.bucket;
    this.#prefix = settings.prefix;
    const at = settings.endpoint ? ` at ${new URL(settings.endpoint).origin}` : ` in ${settings.region}`;
    this.location = `s3://${settings.bucket}/${settings.prefix}${at}`;
    this.client = new S3Client({
      region: settings.region,
      ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
      forcePathStyle: settings.forcePathStyle,
      credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
      requestHandler: { connectionTimeout: CONNECT_TIMEOUT_MS, socketTimeout: IDLE_TIMEOUT_MS },
      // Checksums only where the API requires them: S3-compatible stores do not all accept the SDK's default
      // CRC32 headers and trailers (chunked uploads with trailers are refused or stored verbatim by some).
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
  }

  #objectKey(key: string): string {
    assertObjectKey(key);
    return this.#prefix ? `${this.#prefix}/${key}` : key;
  }

  async store<T>(
    key: string,
    write: (sink: Writable) => Promise<T>,
    options: { contentType?: string } = {},
  ): Promise<Stored<T>> {
    const Key = this.#objectKey(key);
    // Counts what the writer hands over, to compare with what S3 says it stored.
    let written = 0;
    const body = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        written += chunk.length;
        done(null, chunk);
      },
    });
    // Its errors reach the caller through the writer's and the upload's promises, never as an 'error' event
    // nobody listens to (which would end the process).
    body.on("error", () => {});
    const upload = new Upload({
      client: this.client,
      params: {
        Bucket: this.#bucket,
        Key,
        Body: body,
        ...(options.contentType ? { ContentType: options.contentType } : {}),
      },
      partSize: UPLOAD_PART_BYTES,
      queueSize: UPLOAD_QUEUE_SIZE,
      leavePartsOnError: false,
    });
    // Settles once the object is complete, or once the upload failed and its multipart upload was aborted
    // (the parts in flight sent first). A failed upload stops the writer, which would otherwise wait forever.
    let uploadFailed = false;
    const uploading = upload.done().then(
      () => null,
      (error: unknown) => {
        uploadFailed = true;
        body.destroy(asError(error));
        return asError(error);
      },
    );
    try {
      const value = await write(body);
      if (!body.writableEnded) body.end();
      const failure = await uploading;
      if (failure) throw failure;
      const size = await this.#size(Key);
      if (size !== written) {
        throw new Error(`${Key}: the storage kept ${size} bytes of the ${written} written`);
      }
      return { value, size };
    } catch (error) {
      // The upload reads no further: only a stream that ended completes an object.
      body.destroy(asError(error));
      await uploading;
      // Failed after the object was complete (the writer after its last byte, or the size check): it goes too.
      if (!uploadFailed) await this.#delete(Key).catch(() => {});
      throw error;
    }
  }

  async #size(Key: string): Promise<number> {
    const head = await this.client.send(new HeadObjectCommand({ Bucket: this.#bucket, Key }));
    if (head.ContentLength === undefined) throw new Error(`${Key}: the storage did not say its size`);
    return head.ContentLength;
  }

  async open(key: string): Promise<StoredObject | null> {
    const Key = this.#objectKey(key);
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.#bucket, Key }));
      const body = object.Body;
      if (!(body instanceof Readable) || object.ContentLength === undefined) {
        if (body instanceof Readable) body.destroy();
        throw new Error(`${Key}: the storage answered without a body stream or its length`);
      }
      return { size: object.ContentLength, body };
    } catch (error) {
      if (error instanceof S3ServiceException && error.name === "NoSuchKey") return null;
      throw error;
    }
  }

  async removeFolder(folder: string): Promise<void> {
    const Prefix = `${this.#objectKey(folder)}/`;
    let ContinuationToken: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.#bucket, Prefix, ContinuationToken }),
      );
      // One DeleteObject each, not DeleteObjects: a run has one file, and DeleteObjects needs a Content-MD5
      // that the SDK no longer sends (it sends CRC32), which OSS and COS refuse.
      for (const object of page.Contents ?? []) if (object.Key) await this.#delete(object.Key);
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
  }

  async #delete(Key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.#bucket, Key }));
  }

  /**
   * HeadBucket: the endpoint answers, the bucket exists and the credentials are accepted. Not a probe object
   * written and deleted: readiness is asked every few seconds, and each probe would leave a version behind in
   * a versioned bucket.
   */
  async check(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.#bucket }));
    } catch (error) {
      // The reason in the message only: the SDK's error adds nothing to it (e.g. "UnknownError" for a HEAD).
      throw new Error(`bucket ${this.#bucket}: ${describeS3Error(error)}`);
    }
  }
}
