import { catalogueRouter } from "./router/catalogue";
import { dashboardRouter } from "./router/dashboard";
import { deliveryRouter } from "./router/delivery";
import { evaluationRouter } from "./router/evaluation";
import { exportsRouter } from "./router/exports";
import { healthRouter } from "./router/health";
import { importsRouter } from "./router/imports";
import { notificationsRouter } from "./router/notifications";
import { outboxRouter } from "./router/outbox";
import { overviewRouter } from "./router/overview";
import { periodRouter } from "./router/period";
import { securityRouter } from "./router/security";
import { sessionRouter } from "./router/session";
import { submissionRouter } from "./router/submission";
import { targetsRouter } from "./router/targets";
import { userRouter } from "./router/user";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  catalogue: catalogueRouter,
  dashboard: dashboardRouter,
  delivery: deliveryRouter,
  evaluation: evaluationRouter,
  exports: exportsRouter,
  health: healthRouter,
  imports: importsRouter,
  notifications: notificationsRouter,
  outbox: outboxRouter,
  overview: overviewRouter,
  period: periodRouter,
  security: securityRouter,
  session: sessionRouter,
  submission: submissionRouter,
  targets: targetsRouter,
  user: userRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
