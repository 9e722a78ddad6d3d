// Plain JavaScript (typed in client-address.d.mts): the production server (`apps/web/server.mjs`) runs it with
// Node alone, before Next sees a request, so nothing downstream ever reads a client-chosen address.
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import proxyaddr from "proxy-addr";

/** The environment variable listing the reverse proxies whose X-Forwarded-For is believed. */
export const TRUSTED_PROXIES_VARIABLE = "TRUSTED_PROXIES";

/**
 * Headers by which a client could claim an address, or a proxy could describe the public URL. Only a trusted
 * proxy may send the `x-forwarded-*` ones; the client address is always recomputed into `x-forwarded-for`,
 * and the others name an address we never read, so nobody may send them.
 */
const CLIENT_ADDRESS_HEADERS = [
  "forwarded",
  "x-real-ip",
  "x-client-ip",
  "true-client-ip",
  "cf-connecting-ip",
  "fastly-client-ip",
  "x-cluster-client-ip",
];
const PROXY_HEADERS = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"];

/**
 * The trust test for `TRUSTED_PROXIES`: a comma-separated list of IP addresses and CIDR ranges
 * (`127.0.0.1,10.0.0.0/8`). Unset or empty trusts no proxy: the socket's peer is the client. Throws an Error
 * naming the first entry that is not an address or a range, so a typo stops the server instead of silently
 * trusting nothing (or, worse, something else).
 *
 * @param {string | undefined} value
 * @returns {(address: string) => boolean}
 */
export function parseTrustedProxies(value) {
  const entries = (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const slash = entry.lastIndexOf("/");
    // Node's parser is the strict one (no "10.1" or octal forms, which ipaddr.js 1.x would accept).
    const problem = isIP(slash === -1 ? entry : entry.slice(0, slash)) === 0 ? "not an IP address" : null;
    try {
      if (problem) throw new Error(problem);
      proxyaddr.compile(entry);
    } catch (error) {
      const reason = problem ?? (error instanceof Error ? error.message : String(error));
      throw new Error(`${TRUSTED_PROXIES_VARIABLE}: invalid entry "${entry}" (${reason})`);
    }
  }
  if (entries.length === 0) return () => false;
  const trusted = proxyaddr.compile(entries);
  return (address) => trusted(address, 0);
}

/** The canonical form of a valid address: IPv4-mapped IPv6 as IPv4, IPv6 compressed and lower case. */
function canonical(address) {
  return ipaddr.process(address).toString();
}

/**
 * The client's address for a request: the socket's peer, unless that peer is a trusted proxy; then the
 * right-most X-Forwarded-For entry that is not itself a trusted proxy (the walk proxy-addr does for Express).
 * An entry that is not an address ends the walk and the last good hop is the client: whatever lies to its
 * left was written by someone we do not trust. Null only when the socket has no address (already closed).
 *
 * @param {{ socket?: { remoteAddress?: string | undefined } | null, headers: Record<string, string | string[] | undefined> }} request
 * @param {(address: string) => boolean} trust
 * @returns {string | null}
 */
export function clientAddress(request, trust) {
  const peer = request.socket?.remoteAddress;
  if (!peer || isIP(peer) === 0) return null;
  const forwardedFor = request.headers["x-forwarded-for"];
  const headers = {
    // Node joins repeated X-Forwarded-For headers into one; a hand-made request may still pass an array.
    "x-forwarded-for": Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""),
  };
  const hops = proxyaddr.all({ socket: { remoteAddress: peer }, headers }, (address) => {
    return isIP(address) !== 0 && trust(address);
  });
  // The walk stopped at the first untrusted hop, which is the client unless it is garbage.
  for (let index = hops.length - 1; index >= 0; index--) {
    const hop = hops[index];
    if (hop && isIP(hop) !== 0) return canonical(hop);
  }
  return canonical(peer);
}

/**
 * Rewrites a request's headers in place so that what follows (Next, better-auth's `getIP`, our throttle and
 * the session records) reads one address, the resolved one, from `x-forwarded-for`: any client-sent value is
 * replaced, never appended to. Other address headers are dropped; `x-forwarded-host`/`-proto`/`-port` are kept
 * only from a trusted proxy (Next fills them in from the socket otherwise).
 *
 * @param {{ socket?: { remoteAddress?: string | undefined } | null, headers: Record<string, string | string[] | undefined> }} request
 * @param {(address: string) => boolean} trust
 * @returns {string | null} the client address written, or null when there was none
 */
export function forwardClientAddress(request, trust) {
  const address = clientAddress(request, trust);
  const peer = request.socket?.remoteAddress;
  const fromTrustedProxy = peer !== undefined && isIP(peer) !== 0 && trust(peer);
  for (const name of CLIENT_ADDRESS_HEADERS) delete request.headers[name];
  if (!fromTrustedProxy) for (const name of PROXY_HEADERS) delete request.headers[name];
  if (address) request.headers["x-forwarded-for"] = address;
  else delete request.headers["x-forwarded-for"];
  return address;
}
