import { createUser, forgetSessionsOf, resetPassword, ZNewUserSchema, ZUserAccessSchema } from "@zones/auth";
import { findUserIdByEmail, listUsers, setUserDisabled, updateUserAccess } from "@zones/db/users";
import { canAdminister, ZonesError } from "@zones/domain";
import { z } from "zod";
import { requireZones } from "../catalogue/membership";
import { message } from "../messages";
import { adminProcedure, createTRPCRouter } from "../trpc";

function noSuchUser(userId: string): ZonesError {
  return new ZonesError("not-found", message("users.notFound", { userId }));
}

export const USERS_PAGE_SIZE = 50;

export const userRouter = createTRPCRouter({
  /** Users, a page at a time. */
  list: adminProcedure
    .input(z.object({ page: z.number().int().min(1, { error: "page: must be 1 or more" }).default(1) }))
    .query(({ ctx, input }) =>
      listUsers(ctx.db, { limit: USERS_PAGE_SIZE, offset: (input.page - 1) * USERS_PAGE_SIZE }).then(
        (result) => ({ ...result, page: input.page, pageSize: USERS_PAGE_SIZE }),
      ),
    ),

  /** A new account with a role, zones (officials) and an initial password that obeys the policy. */
  create: adminProcedure.input(ZNewUserSchema).mutation(async ({ ctx, input }) => {
    await requireZones(ctx.db, input.zoneCodes);
    if (await findUserIdByEmail(ctx.db, input.email)) {
      throw new ZonesError("conflict", message("users.emailTaken", { email: input.email }));
    }
    // The password an admin typed is a first one only: the user sets their own at first sign-in, as with
    // `npm run user:create`.
    return createUser(ctx.auth, ctx.db, { ...input, mustChangePassword: true }, ctx.user.id);
  }),

  /** Disabling ends the user's sessions at once; an admin cannot disable themselves. */
  setDisabled: adminProcedure
    .input(z.object({ userId: z.string().min(1), disabled: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      if (input.userId === ctx.user.id && input.disabled) {
        throw new ZonesError("invalid", message("users.cannotDisableSelf"));
      }
      const found = await setUserDisabled(ctx.db, { ...input, actorId: ctx.user.id });
      if (!found) throw noSuchUser(input.userId);
      // Its sessions were deleted: this process's reads stop now, other processes' within their bound.
      forgetSessionsOf(ctx.auth, input.userId);
      return { ok: true };
    }),

  /** Sets a new password the user must change at the next sign-in; their sessions end now. */
  resetPassword: adminProcedure
    .input(z.object({ userId: z.string().min(1), password: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const found = await resetPassword(ctx.auth, ctx.db, { ...input, actorId: ctx.user.id });
      if (!found) throw noSuchUser(input.userId);
      return { ok: true };
    }),

  /** Role and zones together, so an official never ends up without a zone. Not one's own role. */
  setAccess: adminProcedure.input(ZUserAccessSchema).mutation(async ({ ctx, input }) => {
    await requireZones(ctx.db, input.zoneCodes);
    if (input.userId === ctx.user.id && !canAdminister(input)) {
      throw new ZonesError("invalid", message("users.cannotDemoteSelf"));
    }
    const found = await updateUserAccess(ctx.db, { ...input, actorId: ctx.user.id });
    if (!found) throw noSuchUser(input.userId);
    forgetSessionsOf(ctx.auth, input.userId);
    return { ok: true };
  }),
});
