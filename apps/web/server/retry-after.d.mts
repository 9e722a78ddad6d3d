/** Types of `retry-after.mjs` (plain JavaScript, shared by server.mjs and the app Next bundles). */
export declare const DATABASE_RETRY_AFTER_SECONDS: 5;
