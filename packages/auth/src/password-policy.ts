import { dictionary } from "@zxcvbn-ts/language-common";

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

/** ~49,000 most common passwords (zxcvbn-ts), lower-cased for a case-insensitive check. */
const COMMON_PASSWORDS = new Set(
  (dictionary["passwords-common"] as string[]).map((word) => word.toLowerCase()),
);

export type PasswordProblem = "too-short" | "too-long" | "common";

/** The password policy: at least 12 characters and not among common passwords. */
export function passwordProblem(password: string): PasswordProblem | null {
  if (password.length < MIN_PASSWORD_LENGTH) return "too-short";
  if (password.length > MAX_PASSWORD_LENGTH) return "too-long";
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return "common";
  return null;
}

export const PASSWORD_MESSAGES: Record<PasswordProblem, string> = {
  "too-short": `password must be at least ${MIN_PASSWORD_LENGTH} characters`,
  "too-long": `password must be at most ${MAX_PASSWORD_LENGTH} characters`,
  common: "password is among the most common passwords; choose another",
};
