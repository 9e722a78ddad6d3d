import { isDatabaseUnavailable } from "@zones/db/database-errors";
import { noteRequestUser } from "@zones/telemetry/context";
import { logger } from "@zones/telemetry/log";
import { metrics } from "@zones/telemetry/metrics";
import type { BetterAuthOptions } from "better-auth";

/**
 * better-auth's own messages as lines of the process's log, like ours. Its errors stay errors, but for those
 * the database being gone causes: the request is answered 503 and says so in its own line, and the database
 * watch says why. Its warnings go to debug: those it writes while answering (`Invalid password`, `User not
 * found`, `Code not found`) repeat a refusal that our sign-in line already tells once, and those about its
 * configuration concern settings each process checks itself when it starts. No level is set: with one,
 * better-auth would also print every refusal it answers to the console itself.
 */
export const AUTH_LIBRARY_LOGGER: NonNullable<BetterAuthOptions["logger"]> = {
  log: (level, message, ...details: unknown[]) => {
    const fault = level === "error" && !details.some(isDatabaseUnavailable);
    logger[fault ? "error" : "debug"](details.length > 0 ? { details } : {}, `better-auth: ${message}`);
  },
};

/**
 * What a sign-in step tells the operators: one log line each, and the failures and throttles counted. The
 * line names the account only once it is known to be the user's (never the email typed, which may be a
 * password typed in the wrong field), and the client address the throttle counts.
 */
export type SignInStep = "password" | "two-factor";

interface Attempt {
  step: SignInStep;
  ip: string;
}

export function signInSucceeded(attempt: Attempt & { userId: string | null }): void {
  // The sign-in's request line names the user who just signed in.
  noteRequestUser(attempt.userId);
  logger.info(attempt, "sign-in succeeded");
}

/** The right password of an account with two-factor sign-in: the code decides. */
export function signInNeedsSecondFactor(attempt: Attempt & { userId: string | null }): void {
  logger.info(attempt, "sign-in needs two-factor");
}

/** A wrong password or unknown account, or a wrong code: `reason` is better-auth's error code. */
export function signInFailed(attempt: Attempt & { reason: string | null }): void {
  logger.warn(attempt, "sign-in failed");
  metrics.signInFailures.inc({ step: attempt.step });
}

export function signInThrottled(attempt: Attempt & { retryAfterSeconds: number }): void {
  logger.warn(attempt, "sign-in throttled");
  metrics.signInThrottled.inc({ step: attempt.step });
}

/** Refused for another reason than its credentials (a disabled account). */
export function signInRefused(attempt: Attempt & { reason: string | null }): void {
  logger.info(attempt, "sign-in refused");
}

/**
 * An account's authenticator secret that no configured secret decrypts: an operator's mistake to put right
 * (BETTER_AUTH_PREVIOUS_SECRETS), not a user's, so an error.
 */
export function twoFactorUnreadable(attempt: Attempt & { userId: string }): void {
  logger.error(
    attempt,
    "two-factor secret unreadable: encrypted with a secret that is neither BETTER_AUTH_SECRET nor one of BETTER_AUTH_PREVIOUS_SECRETS",
  );
}
