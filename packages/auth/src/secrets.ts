import { createHash } from "node:crypto";

/** better-auth's versioned keys: the first encrypts, every one decrypts what it once encrypted. */
export interface AuthKeys {
  /**
   * Given `secrets`, better-auth signs cookies with the first of them and uses this one only to open data
   * encrypted before keys were versioned (bare, without a version).
   */
  secret: string;
  secrets: { version: number; value: string }[];
}

/**
 * The keys of the current secret and of the secrets a rotation retired. better-auth encrypts each two-factor
 * secret and backup code with the current key and records the key's version beside it; a version must stay
 * the same for a secret whatever its place in the list, so it is derived from the secret itself.
 *
 * Session cookies are signed with the current secret only: a rotation signs everyone out. Two-factor
 * enrolments survive it as long as the secret that encrypted them stays listed as a previous one.
 */
export function authKeys(current: string, previous: readonly string[] = []): AuthKeys {
  const distinct = [...new Set([current, ...previous])];
  return {
    // Enrolments made before the keys were versioned were encrypted with the secret of that time: the oldest.
    secret: distinct.at(-1) ?? current,
    secrets: distinct.map((value) => ({ version: keyVersion(value), value })),
  };
}

/** 31 bits of the secret's SHA-256: a non-negative integer, as better-auth requires. */
export function keyVersion(secret: string): number {
  return createHash("sha256").update(secret).digest().readUInt32BE(0) >>> 1;
}
