import { createAuthClient } from "better-auth/client";

/** The browser's side of better-auth: sign-in, sign-out, password change against /api/auth. */
export const authClient = createAuthClient();
