import type { Database } from "@zones/db/client";
import { insertUserWithCredential, type UserRole } from "@zones/db/users";
import {
  isBoundToZones,
  ROLES,
  type Role,
  UNSAFE_CHARACTERS_MESSAGE,
  unsafeCharacterInLine,
  ZZoneCodeSchema,
} from "@zones/domain";
import { z } from "zod";

import type { Auth } from "./auth";
import { PASSWORD_MESSAGES, passwordProblem } from "./password-policy";

const ZRoleSchema = z.enum(ROLES, {
  error: "role: must be admin, reviewer, official or viewer",
});

/** Officials need at least one zone; nobody else is bound to zones. */
function checkZonesForRole(user: { role: Role; zoneCodes: string[] }, ctx: z.RefinementCtx) {
  if (isBoundToZones(user.role) && user.zoneCodes.length === 0) {
    ctx.addIssue({
      code: "custom",
      path: ["zoneCodes"],
      message: "zoneCodes: an official needs at least one zone",
    });
  }
  if (!isBoundToZones(user.role) && user.zoneCodes.length > 0) {
    ctx.addIssue({
      code: "custom",
      path: ["zoneCodes"],
      message: "zoneCodes: only officials are bound to zones",
    });
  }
}

export const ZUserAccessSchema = z
  .object({ userId: z.string().min(1), role: ZRoleSchema, zoneCodes: z.array(ZZoneCodeSchema).default([]) })
  .superRefine(checkZonesForRole);

/** Longest user name, for accounts admins create and for names users give themselves (`input-limits.ts`). */
export const MAX_NAME_LENGTH = 100;

export const ZUserNameSchema = z
  .string({ error: "name: must be text" })
  .trim()
  .min(1, { error: "name: must not be empty" })
  .max(MAX_NAME_LENGTH, { error: `name: must be at most ${MAX_NAME_LENGTH} characters` })
  .refine((name) => unsafeCharacterInLine(name) === null, { error: `name: ${UNSAFE_CHARACTERS_MESSAGE}` });

export const ZNewUserSchema = z
  .object({
    email: z.email({ error: "email: must be an email address like name@example.gov.cn" }),
    name: ZUserNameSchema,
    role: ZRoleSchema,
    zoneCodes: z.array(ZZoneCodeSchema).default([]),
    password: z.string().superRefine((password, ctx) => {
      const problem = passwordProblem(password);
      if (problem) ctx.addIssue({ code: "custom", message: `password: ${PASSWORD_MESSAGES[problem]}` });
    }),
    mustChangePassword: z.boolean().default(false),
  })
  .superRefine(checkZonesForRole);
export type TNewUser = z.input<typeof ZNewUserSchema>;

/** Creates an account with a password hashed by better-auth, its zones and an audit row. */
export async function createUser(
  auth: Auth,
  db: Database,
  input: TNewUser,
  actorId: string | null,
): Promise<{ id: string }> {
  const user = ZNewUserSchema.parse(input);
  const context = await auth.$context;
  const passwordHash = await context.password.hash(user.password);
  return insertUserWithCredential(
    db,
    {
      email: user.email,
      name: user.name,
      role: user.role as UserRole,
      zoneCodes: user.zoneCodes,
      passwordHash,
      mustChangePassword: user.mustChangePassword,
    },
    { actorId },
  );
}
