import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

import type { AppRouter } from "./root";

export { type AppRouter, appRouter, createCaller } from "./root";
export type { ExportRunView, ExportScheduleView } from "./router/exports";
export { ZOverviewInputSchema } from "./router/overview";
export {
  type Context,
  canReadZoneDrafts,
  canWriteZone,
  createInnerContext,
  describeZodError,
  type ExportJobs,
} from "./trpc";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export { buildTemplate, MAX_TEMPLATE_PAIRS, TemplateRequestError } from "./reporting/template";
