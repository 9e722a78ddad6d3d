import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The print token: how the headless browser printing a bulletin is let in without anyone's session. It names the
 * quarter and the language it may print, and expires within minutes; its key is derived from the app's secret
 * (BETTER_AUTH_SECRET) with a label of its own, so it signs nothing else and nothing else signs it.
 */

export { PRINT_TOKEN_HEADER } from "./print-header";
/** How long a token opens the page: the print's time limit, with room. */
export const PRINT_TOKEN_TTL_SECONDS = 180;
/** A longer header is no token of ours (refused before any work). */
const MAX_TOKEN_LENGTH = 512;
const KEY_LABEL = "zones.bulletin-print-token.v1";

export interface PrintGrant {
  quarter: string;
  language: string;
}

function keyOf(secret: string): Buffer {
  return createHmac("sha256", secret).update(KEY_LABEL).digest();
}

function mac(secret: string, payload: string): Buffer {
  return createHmac("sha256", keyOf(secret)).update(payload).digest();
}

export function signPrintToken(secret: string, grant: PrintGrant, now: Date = new Date()): string {
  const expires = Math.floor(now.getTime() / 1000) + PRINT_TOKEN_TTL_SECONDS;
  const payload = Buffer.from(
    JSON.stringify({ page: "bulletin", quarter: grant.quarter, language: grant.language, expires }),
  ).toString("base64url");
  return `${payload}.${mac(secret, payload).toString("base64url")}`;
}

/** True when `token` was signed with `secret` for this very page, quarter and language, and has not expired. */
export function verifyPrintToken(
  secret: string,
  token: string | null | undefined,
  grant: PrintGrant,
  now: Date = new Date(),
): boolean {
  if (!token || token.length > MAX_TOKEN_LENGTH) return false;
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return false;
  const expected = mac(secret, payload);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
    return (
      claims.page === "bulletin" &&
      claims.quarter === grant.quarter &&
      claims.language === grant.language &&
      typeof claims.expires === "number" &&
      claims.expires > now.getTime() / 1000
    );
  } catch {
    return false;
  }
}
