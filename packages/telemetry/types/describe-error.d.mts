/** What other packages see of `src/describe-error.mjs` (checked against it by src/declarations.ts). */
export declare function describeError(error: unknown): string;
