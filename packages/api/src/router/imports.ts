import { ZonesError } from "@zones/domain";
import { MAX_UPLOAD_BYTES } from "@zones/spreadsheets";
import { z } from "zod";

import { message } from "../messages";
import { applyImport, previewImport } from "../submissions/import";
import { createTRPCRouter, enterDataProcedure } from "../trpc";

/** Officials (their zones) and admins upload filled templates. */
const uploaderProcedure = enterDataProcedure;

const ZUploadSchema = z.instanceof(FormData, { error: "file: send the upload as multipart form data" });

async function fileOf(form: FormData) {
  const file = form.get("file");
  if (!(file instanceof File)) throw new ZonesError("invalid", message("imports.noFile"));
  // Checked before reading it: the parser refuses too, but the bytes should not be read at all.
  if (file.size > MAX_UPLOAD_BYTES) {
    throw new ZonesError(
      "invalid",
      message("imports.fileTooLarge", { limit: MAX_UPLOAD_BYTES / 1024 / 1024 }),
    );
  }
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
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
    const file = await fileOf(input);
    return previewImport(ctx.db, ctx.user, ctx.locale, file);
  }),

  /** Writes the file all or nothing, if it still matches the versions the preview showed. */
  commit: uploaderProcedure.input(ZUploadSchema).mutation(async ({ ctx, input }) => {
    const file = await fileOf(input);
    const versions = ZVersionsSchema.safeParse(parseJson(input.get("versions")));
    if (!versions.success) throw new ZonesError("invalid", message("imports.badVersions"));
    return applyImport(ctx.db, ctx.user, ctx.locale, file, versions.data);
  }),
});
