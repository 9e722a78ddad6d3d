import { randomUUID } from "node:crypto";

/** The header a proxy sets and every response carries, so one request can be followed through the logs. */
export const REQUEST_ID_HEADER = "x-request-id";

/** A proxy's id is kept when it is short printable ASCII; anything else is replaced, never logged raw. */
const ACCEPTED = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request's id: the proxy's when it is well formed, else a new one. */
export function requestIdFrom(incoming: string | readonly string[] | null | undefined): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return typeof value === "string" && ACCEPTED.test(value) ? value : randomUUID();
}
