import { createAuthClient } from "better-auth/client";
import { twoFactorClient } from "better-auth/client/plugins";

/**
 * The browser's side of better-auth: sign-in, sign-out, password change and two-factor against
 * /api/auth. A sign-in that needs a code answers `{ twoFactorRedirect: true }`; the login form asks for
 * the code itself (no page navigation by the plugin).
 */
export const authClient = createAuthClient({ plugins: [twoFactorClient()] });
