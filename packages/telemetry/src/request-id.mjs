// Plain JavaScript (typed in request-id.d.mts), like every module the production server (`apps/web/server.mjs`)
// loads: Node runs it as it is, before Next.
import { randomUUID } from "node:crypto";

/** The header a proxy sets and every response carries, so one request can be followed through the logs. */
export const REQUEST_ID_HEADER = "x-request-id";

/** A proxy's id is kept when it is short printable ASCII; anything else is replaced, never logged raw. */
const ACCEPTED = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The request's id: the proxy's when it is well formed, else a new one.
 *
 * @param {string | readonly string[] | null | undefined} incoming
 * @returns {string}
 */
export function requestIdFrom(incoming) {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return typeof value === "string" && ACCEPTED.test(value) ? value : randomUUID();
}
