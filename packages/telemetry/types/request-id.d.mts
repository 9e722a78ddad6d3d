/** What other packages see of `src/request-id.mjs` (checked against it by src/declarations.ts). */

export declare const REQUEST_ID_HEADER: "x-request-id";
export declare function requestIdFrom(incoming: string | readonly string[] | null | undefined): string;
