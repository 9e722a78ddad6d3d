export type { Role } from "@zones/domain";
export {
  ABSOLUTE_TIMEOUT_SECONDS,
  AUTH_ERROR,
  type Auth,
  type AuthOptions,
  createAuth,
  forgetSessionsOf,
  IDLE_TIMEOUT_SECONDS,
  TWO_FACTOR_ISSUER,
} from "./auth";
export { MAX_FAILURES, WINDOW_SECONDS } from "./login-throttle";
export {
  MIN_PASSWORD_LENGTH,
  PASSWORD_MESSAGES,
  type PasswordProblem,
  passwordProblem,
} from "./password-policy";
export { resetPassword } from "./password-reset";
export { authBaseURL, previousAuthSecrets, resolveAuthSecret } from "./secret";
export { authKeys } from "./secrets";
export { getSessionUser, type SessionUser } from "./session";
export { DEFAULT_SESSION_CACHE_SECONDS, sessionCacheSeconds } from "./session-cache";
export { createUser, type TNewUser, ZNewUserSchema, ZUserAccessSchema } from "./users";
