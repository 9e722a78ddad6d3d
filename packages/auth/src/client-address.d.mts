/** Types of `client-address.mjs` (plain JavaScript, so that the production server can run it with Node alone). */

/** What the functions read of a Node request (`http.IncomingMessage` fits). */
export interface AddressedRequest {
  socket?: { remoteAddress?: string | undefined } | null;
  headers: Record<string, string | string[] | undefined>;
}

export declare const TRUSTED_PROXIES_VARIABLE: "TRUSTED_PROXIES";
export declare function parseTrustedProxies(value: string | undefined): (address: string) => boolean;
export declare function clientAddress(
  request: AddressedRequest,
  trust: (address: string) => boolean,
): string | null;
export declare function forwardClientAddress(
  request: AddressedRequest,
  trust: (address: string) => boolean,
): string | null;
