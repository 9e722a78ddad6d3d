import { base32 } from "@better-auth/utils/base32";
import { createOTP } from "@better-auth/utils/otp";
import { expect } from "vitest";

import type { Auth } from "./auth";

/** The cookies a response sets, as a request's Cookie header (cleared cookies left out). */
export function cookieHeader(response: Response): Headers {
  const cookies = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0] ?? "")
    .filter((cookie) => !cookie.endsWith("="));
  return new Headers({ cookie: cookies.join("; ") });
}

/** The current code of an authenticator set up with `secret` (base32, from the otpauth URI). */
export function totp(secret: string): Promise<string> {
  return createOTP(base32.decode(secret)).totp();
}

/**
 * Requests to better-auth's handler as a browser on `base` sends them. Every request comes from its own IP,
 * so that only per-account counts are at play (and better-auth's per-IP limits never bite).
 */
export function authRequests(auth: Auth, base: string, password: string) {
  let lastIp = 0;
  const nextIp = () => `10.9.${Math.floor(++lastIp / 250)}.${lastIp % 250}`;

  function post(path: string, body: unknown, cookies = new Headers()) {
    return auth.handler(
      new Request(`${base}/api/auth${path}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: base,
          "x-forwarded-for": nextIp(),
          cookie: cookies.get("cookie") ?? "",
        },
        body: JSON.stringify(body),
      }),
    );
  }
  const signIn = (email: string, secret = password) => post("/sign-in/email", { email, password: secret });
  const verifyTotp = (challenge: Headers, code: string) =>
    post("/two-factor/verify-totp", { code }, challenge);

  /** Turns two-factor on as a user would: password, then a first code from the authenticator. */
  async function enableTwoFactor(email: string) {
    const session = cookieHeader(await signIn(email));
    const enabled = await post("/two-factor/enable", { password }, session);
    expect(enabled.status).toBe(200);
    const { totpURI, backupCodes } = (await enabled.json()) as { totpURI: string; backupCodes: string[] };
    const secret = new URL(totpURI).searchParams.get("secret") ?? "";
    const confirmed = await verifyTotp(session, await totp(secret));
    expect(confirmed.status).toBe(200);
    return { totpURI, secret, backupCodes, session: cookieHeader(confirmed) };
  }

  return { post, signIn, verifyTotp, enableTwoFactor };
}
