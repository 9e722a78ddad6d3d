import { healthRouter } from "./router/health";
import { overviewRouter } from "./router/overview";
import { securityRouter } from "./router/security";
import { sessionRouter } from "./router/session";
import { userRouter } from "./router/user";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  health: healthRouter,
  overview: overviewRouter,
  security: securityRouter,
  session: sessionRouter,
  user: userRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
