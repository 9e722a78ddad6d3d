import { createTRPCRouter, sessionProcedure } from "../trpc";

export const sessionRouter = createTRPCRouter({
  /** The signed-in user as the server sees them: role and zones drive the navigation. */
  me: sessionProcedure.query(({ ctx }) => ctx.user),
});
