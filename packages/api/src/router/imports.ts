import { TRPCError } from "@trpc/server";
import { MAX_UPLOAD_BYTES } from "@zones/spreadsheets";
import { z } from "zod";

import { reporting } from "../submissions/errors";
import { applyImport, ImportRefusedError, previewImport, UploadRefusedError } from "../submissions/import";
import { createTRPCRouter, enterDataProcedure, FieldIssuesError } from "../trpc";

/** Officials (their zones) and admins upload filled templates. */
const uploaderProcedure = enterDataProcedure;

const ZUploadSchema = z.instanceof(FormData, { error: "file: send the upload as multipart form data" });

async function fileOf(form: FormData, locale: string) {
  const file = form.get("file");
  const zh = locale === "zh-CN";
  if (!(file instanceof File)) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: zh ? "file：请选择要上传的文件" : "file: choose a file to upload",
    });
  }
  // Checked before reading it: the parser refuses too, but the bytes should not be read at all.
  if (file.size > MAX_UPLOAD_BYTES) {
    const limit = MAX_UPLOAD_BYTES / 1024 / 1024;
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: zh
        ? `file：文件超过 ${limit} MB，请拆分后上传`
        : `file: the file is over ${limit} MB; split it and upload the parts`,
    });
  }
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** A file refused as a whole, as a refused request naming the field; "busy" asks to try again later. */
function refusedUpload(error: UploadRefusedError, locale: string): TRPCError {
  const { code, message } = error.refusal;
  return new TRPCError({
    code: code === "busy" ? "TOO_MANY_REQUESTS" : "BAD_REQUEST",
    message: locale === "zh-CN" ? `file：${message.zh}` : `file: ${message.en}`,
    cause: error,
  });
}

/** Runs an import step, turning a file refused as a whole into a refused request. */
async function readingUpload<T>(locale: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw error instanceof UploadRefusedError ? refusedUpload(error, locale) : error;
  }
}

function parseJson(text: ReturnType<FormData["get"]>): unknown {
  if (typeof text !== "string" || text === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const ZVersionsSchema = z.record(z.string(), z.number().int().min(0));

export const importsRouter = createTRPCRouter({
  /** A dry run: new / changed / unchanged values and every error with row and column; writes nothing. */
  preview: uploaderProcedure.input(ZUploadSchema).mutation(async ({ ctx, input }) => {
    const file = await fileOf(input, ctx.locale);
    return readingUpload(ctx.locale, () => previewImport(ctx.db, ctx.user, ctx.locale, file));
  }),

  /** Writes the file all or nothing, if it still matches the versions the preview showed. */
  commit: uploaderProcedure.input(ZUploadSchema).mutation(async ({ ctx, input }) => {
    const file = await fileOf(input, ctx.locale);
    const versions = ZVersionsSchema.safeParse(parseJson(input.get("versions")));
    if (!versions.success) {
      throw new TRPCError({ code: "BAD_REQUEST", message: 'versions: expected {"HB-HS/2026Q3": 3, …}' });
    }
    try {
      return await readingUpload(ctx.locale, () =>
        reporting(ctx.locale, () => applyImport(ctx.db, ctx.user, ctx.locale, file, versions.data)),
      );
    } catch (error) {
      if (error instanceof ImportRefusedError) {
        const issues = error.preview.errors.map((issue) => ({
          path: [String(issue.row ?? ""), issue.column ?? ""],
          message: issue.message,
        }));
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: issues
            .slice(0, 5)
            .map((issue) => issue.message)
            .join("; "),
          cause: new FieldIssuesError(error.message, issues),
        });
      }
      throw error;
    }
  }),
});
