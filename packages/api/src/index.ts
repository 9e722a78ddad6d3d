import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

import type { AppRouter } from "./root";

export { dashboardAnswerScope } from "./dashboard-cache";
export { downloadResponse } from "./download";
export {
  answersDatabaseUnavailable,
  databaseUnavailableMessage,
  httpStatusOf,
  internalErrorMessage,
  TRPC_CODES,
  toTRPCError,
  trpcRefusal,
} from "./errors";
export { exportRunDownload, exportRunTokenDownload } from "./exports/run-file";
export { type MessageKey, message, translate } from "./messages";
export { type AppRouter, appRouter, createCaller } from "./root";
export type { ExportRunView, ExportScheduleView } from "./router/exports";
export { ZOverviewInputSchema } from "./router/overview";
export { accountHold, type Context, createInnerContext, describeZodError, type ExportJobs } from "./trpc";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export { cityValuesTemplate } from "./evaluation/city-values";
export {
  MAX_BATCH_SIZE,
  MAX_JSON_REQUEST_BYTES,
  MAX_UPLOAD_REQUEST_BYTES,
  UPLOAD_PROCEDURES,
} from "./request-limits";
export { buildTemplate, MAX_TEMPLATE_PAIRS } from "./submissions/template";
export { targetProgressCsv, targetTemplate } from "./targets/files";
