import type { Database } from "@zones/db/client";
import { resetUserPassword } from "@zones/db/users";

import type { Auth } from "./auth";
import { PASSWORD_MESSAGES, passwordProblem } from "./password-policy";

export class PasswordPolicyError extends Error {}

/** An admin's reset: policy-checked, hashed by better-auth, forced change at next sign-in. */
export async function resetPassword(
  auth: Auth,
  db: Database,
  params: { userId: string; password: string; actorId: string },
): Promise<boolean> {
  const problem = passwordProblem(params.password);
  if (problem) throw new PasswordPolicyError(`password: ${PASSWORD_MESSAGES[problem]}`);
  const passwordHash = await (await auth.$context).password.hash(params.password);
  return resetUserPassword(db, { userId: params.userId, passwordHash, actorId: params.actorId });
}
