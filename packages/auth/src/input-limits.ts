import { UNSAFE_CHARACTERS_MESSAGE, unsafeCharacterInLine } from "@zones/domain";
import { APIError } from "better-auth/api";
import { z } from "zod";

import { MAX_PASSWORD_LENGTH } from "./password-policy";
import { ZUserNameSchema } from "./users";

/** The error code of a refused field; its message names the field ("name: must be at most 100 characters"). */
export const INVALID_INPUT = "INVALID_INPUT";

/** Longest text in any field of a request to better-auth that no rule below bounds more tightly. */
const MAX_TEXT_LENGTH = 2048;
/** better-auth's bodies are flat objects (a few with one nested object); deeper is none of its requests. */
const MAX_DEPTH = 4;
/** The longest an email address can be (RFC 5321's path limit). */
const MAX_EMAIL_LENGTH = 254;

function text(field: string, max: number) {
  return z
    .string({ error: `${field}: must be text` })
    .max(max, { error: `${field}: must be at most ${max} characters` });
}

/**
 * What users may write through better-auth's endpoints, by field name (each name means the same thing in
 * every endpoint that takes it): the name as for accounts admins create; addresses, passwords and codes as
 * long as they can be. A field with no rule here still gets the length and character checks below.
 */
const FIELD_RULES: Record<string, z.ZodType> = {
  name: ZUserNameSchema,
  image: text("image", MAX_TEXT_LENGTH).nullable(),
  email: text("email", MAX_EMAIL_LENGTH),
  newEmail: text("newEmail", MAX_EMAIL_LENGTH),
  password: text("password", MAX_PASSWORD_LENGTH),
  newPassword: text("newPassword", MAX_PASSWORD_LENGTH),
  currentPassword: text("currentPassword", MAX_PASSWORD_LENGTH),
  // A 6-digit authenticator code or a backup code (`xxxxx-xxxxx`).
  code: text("code", 64),
  token: text("token", 256),
  issuer: text("issuer", 100),
};

/** Longest field name: better-auth's are short words. */
const MAX_KEY_LENGTH = 64;

/**
 * The first problem of a value, naming its field by its path ("name", "scopes[2]"), or null. Every string is
 * checked, keys included; the depth is bounded, so no body can make this (or what follows) recurse deeply.
 */
function structureProblem(value: unknown, field: string, depth: number): string | null {
  const label = field || "body";
  if (typeof value === "string") {
    if (value.length > MAX_TEXT_LENGTH) return `${label}: must be at most ${MAX_TEXT_LENGTH} characters`;
    return unsafeCharacterInLine(value) !== null ? `${label}: ${UNSAFE_CHARACTERS_MESSAGE}` : null;
  }
  if (typeof value !== "object" || value === null) return null;
  if (depth >= MAX_DEPTH) return `${label}: nested too deeply`;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const problem = structureProblem(item, `${label}[${index}]`, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    if (key.length > MAX_KEY_LENGTH || unsafeCharacterInLine(key) !== null) {
      return `${label}: field names must be at most ${MAX_KEY_LENGTH} characters, without control characters`;
    }
    const problem = structureProblem(item, field ? `${field}.${key}` : key, depth + 1);
    if (problem) return problem;
  }
  return null;
}

/** The first field of a body that breaks its rule, as a message naming it, or null. */
function fieldProblem(body: unknown): string | null {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return null;
  for (const [field, value] of Object.entries(body)) {
    const rule = FIELD_RULES[field];
    if (!rule || value === undefined) continue;
    const result = rule.safeParse(value);
    if (!result.success) return result.error.issues[0]?.message ?? `${field}: is not valid`;
  }
  return null;
}

/**
 * Refuses (400, {@link INVALID_INPUT}) a request to better-auth whose body, query or path parameters hold a
 * field out of bounds, a string with control characters or unpaired surrogates, or nesting no endpoint
 * takes — before better-auth, our throttle or the database see any of it. Wrong types of fields without a
 * rule are left to better-auth's own validation (also a 400).
 */
export function assertInputWithinLimits(request: { body?: unknown; query?: unknown; params?: unknown }) {
  const problem =
    fieldProblem(request.body) ??
    structureProblem(request.body, "", 0) ??
    structureProblem(request.query, "", 0) ??
    structureProblem(request.params, "", 0);
  if (problem) throw new APIError("BAD_REQUEST", { code: INVALID_INPUT, message: problem });
}
