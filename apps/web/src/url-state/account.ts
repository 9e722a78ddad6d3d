import { createLoader, parseAsString } from "nuqs/server";

/** The sign-in page: `/login?next=/zones/HB-HS`, where to go back to (checked by `safeReturnPath`). */
export const loadLoginParams = createLoader({ next: parseAsString });

/** The two-factor page: `?enabled=1` right after turning it on, to say so. */
export const loadTwoFactorParams = createLoader({ enabled: parseAsString });
