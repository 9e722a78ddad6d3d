import { getTwoFactorRequiredRoles, setTwoFactorRequiredRoles } from "@zones/db/settings";
import { TWO_FACTOR_REQUIRABLE_ROLES } from "@zones/domain";
import { z } from "zod";

import { adminProcedure, createTRPCRouter } from "../trpc";

export const ZTwoFactorRequiredRolesSchema = z.object({
  roles: z.array(z.enum(TWO_FACTOR_REQUIRABLE_ROLES, { error: "roles: each must be admin or reviewer" })),
});

export const securityRouter = createTRPCRouter({
  /** Which roles must sign in with two-factor. */
  settings: adminProcedure.query(async ({ ctx }) => ({
    twoFactorRequiredRoles: await getTwoFactorRequiredRoles(ctx.db),
  })),

  /** Requires two-factor of admins and/or reviewers (or of nobody); audited. */
  setRequiredRoles: adminProcedure.input(ZTwoFactorRequiredRolesSchema).mutation(async ({ ctx, input }) => ({
    twoFactorRequiredRoles: await setTwoFactorRequiredRoles(ctx.db, {
      roles: input.roles,
      actorId: ctx.user.id,
    }),
  })),
});
