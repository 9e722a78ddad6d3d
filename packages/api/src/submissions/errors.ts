import { TRPCError } from "@trpc/server";
import { SubmissionConflictError, TransitionRefusedError } from "@zones/db/submissions";
import { describeRefusal, type Locale } from "@zones/domain";

/** Refusals that are about who the caller is, rather than where the submission stands. */
const RIGHTS_REFUSALS = new Set(["role", "not-your-zone"]);

export function conflictMessage(error: SubmissionConflictError, locale: Locale): string {
  return locale === "zh-CN"
    ? `未保存：此表已被他人更新（你基于第 ${error.baseVersion} 版，当前为第 ${error.currentVersion} 版）。你输入的数值仍保留在本页，请对照最新数值后再保存。`
    : `Not saved: someone else updated this form meanwhile (yours was based on version ${error.baseVersion}, it is now at version ${error.currentVersion}). Your typed values are kept on this page; compare them with the newer values, then save again.`;
}

/** Turns the reporting layer's refusals into tRPC errors with a message in the caller's language. */
export function toReportingError(error: unknown, locale: Locale): unknown {
  if (error instanceof SubmissionConflictError) {
    return new TRPCError({ code: "CONFLICT", message: conflictMessage(error, locale), cause: error });
  }
  if (error instanceof TransitionRefusedError) {
    return new TRPCError({
      code: RIGHTS_REFUSALS.has(error.refusal) ? "FORBIDDEN" : "CONFLICT",
      message: describeRefusal(error.refusal, error.action, locale),
      cause: error,
    });
  }
  return error;
}

/** Runs a reporting write, translating its refusals. */
export async function reporting<T>(locale: Locale, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toReportingError(error, locale);
  }
}
