import { pingDatabase } from "@zones/db/health";

import { createTRPCRouter, publicProcedure } from "../trpc";

export const healthRouter = createTRPCRouter({
  check: publicProcedure.query(async ({ ctx }) => ({ database: await pingDatabase(ctx.db) })),
});
