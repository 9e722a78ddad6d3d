import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

/**
 * Signed, expiring download links of delivered export files, and the signature of webhook notices. The link's
 * key is derived from the service's secret (BETTER_AUTH_SECRET) with HKDF and a label of its own, so that it
 * signs nothing else and the service secret itself never signs a link.
 */

const LINK_KEY_LABEL = "zones: export download link v1";
/** A token is short: its payload is a run id, an account id or an address, and a time. */
const MAX_TOKEN_LENGTH = 1200;

/** The key that signs download links, from the service secret. */
export function downloadLinkKey(serviceSecret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", serviceSecret, "", LINK_KEY_LABEL, 32));
}

/** Whom a link was sent to: an account (its rights are checked again at download) or an outside address. */
export type LinkRecipient = { userId: string } | { address: string };

export interface DownloadLink {
  runId: string;
  recipient: LinkRecipient;
  /** When it stops working. */
  expiresAt: Date;
}

interface Payload {
  r: string;
  u?: string;
  a?: string;
  /** Expiry, seconds since the epoch. */
  e: number;
}

function sign(key: Buffer, body: string): string {
  return createHmac("sha256", key).update(body).digest("base64url");
}

export function signDownloadToken(key: Buffer, link: DownloadLink): string {
  const payload: Payload = {
    r: link.runId,
    ...("userId" in link.recipient ? { u: link.recipient.userId } : { a: link.recipient.address }),
    e: Math.floor(link.expiresAt.getTime() / 1000),
  };
  const body = Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");
  return `${body}.${sign(key, body)}`;
}

export type TokenCheck =
  | { ok: true; link: DownloadLink }
  | { ok: false; reason: "malformed" | "signature" | "expired" | "other-run" };

/** Verifies a token's signature, its run and its expiry (at `now`). */
export function verifyDownloadToken(key: Buffer, token: string, runId: string, now = new Date()): TokenCheck {
  if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: "malformed" };
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) return { ok: false, reason: "malformed" };
  const expected = Buffer.from(sign(key, body), "base64url");
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: "signature" };
  }
  let payload: Payload;
  try {
    payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Payload;
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (typeof payload.r !== "string" || typeof payload.e !== "number")
    return { ok: false, reason: "malformed" };
  if (payload.r !== runId) return { ok: false, reason: "other-run" };
  if (payload.e * 1000 <= now.getTime()) return { ok: false, reason: "expired" };
  const recipient: LinkRecipient | null =
    typeof payload.u === "string"
      ? { userId: payload.u }
      : typeof payload.a === "string"
        ? { address: payload.a }
        : null;
  if (!recipient) return { ok: false, reason: "malformed" };
  return { ok: true, link: { runId: payload.r, recipient, expiresAt: new Date(payload.e * 1000) } };
}

/**
 * The signature header of a webhook notice: `sha256=` and the hex HMAC-SHA256, keyed by the webhook's secret,
 * of `<timestamp>.<body>` (the timestamp is sent as X-Zones-Timestamp, so that a receiver can refuse replays).
 */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}
