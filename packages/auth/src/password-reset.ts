import type { Database } from "@zones/db/client";
import { resetUserPassword } from "@zones/db/users";
import { phrased, ZonesError } from "@zones/domain";

import { type Auth, forgetSessionsOf } from "./auth";
import { PASSWORD_MESSAGES, passwordProblem } from "./password-policy";

/**
 * An admin's reset: policy-checked (a refused password is an invalid request naming the field), hashed by
 * better-auth, forced change at next sign-in.
 */
export async function resetPassword(
  auth: Auth,
  db: Database,
  params: { userId: string; password: string; actorId: string },
): Promise<boolean> {
  const problem = passwordProblem(params.password);
  if (problem) {
    const refusal = phrased(`password: ${PASSWORD_MESSAGES[problem]}`);
    throw new ZonesError("invalid", refusal, { issues: [{ path: ["password"], message: refusal }] });
  }
  const passwordHash = await (await auth.$context).password.hash(params.password);
  const found = await resetUserPassword(db, {
    userId: params.userId,
    passwordHash,
    actorId: params.actorId,
  });
  // Its sessions were deleted: this process stops answering reads from them now, others within their bound.
  forgetSessionsOf(auth, params.userId);
  return found;
}
