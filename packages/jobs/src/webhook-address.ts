import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

/**
 * Where a webhook may be POSTed. A schedule's owner types the URL, and the worker runs inside the
 * installation's network: left unchecked, a reviewer could make it POST to the database's host, a cloud metadata
 * address or an admin port (SSRF). Addresses of the internet are allowed; private, loopback, link-local and
 * reserved ones only for the hosts an admin names in WEBHOOK_PRIVATE_HOSTS (an intranet receiver).
 */
const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, "ipv6");
}

/** Whether an address (IPv4, IPv6, or IPv4 mapped into IPv6) is one of the internet's. */
export function isPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isPublicAddress(mapped);
  const family = isIP(address);
  if (family === 0) return false;
  return !NOT_PUBLIC.check(address, family === 4 ? "ipv4" : "ipv6");
}

export class WebhookAddressRefused extends Error {
  constructor(host: string, address: string) {
    super(
      `refused: ${host} is a private or reserved address (${address}); an admin may allow it with WEBHOOK_PRIVATE_HOSTS`,
    );
    this.name = "WebhookAddressRefused";
  }
}

/**
 * Checks every address the URL's host has (or the literal address it is) before a POST; throws
 * WebhookAddressRefused for a private one unless its host is allowed.
 */
export async function checkWebhookTarget(
  url: string,
  allowedPrivateHosts: readonly string[],
  resolve: (host: string) => Promise<string[]> = async (host) =>
    (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address),
): Promise<void> {
  const host = new URL(url).hostname.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  if (allowedPrivateHosts.includes(host)) return;
  const addresses = isIP(host) ? [host] : await resolve(host);
  const refused = addresses.find((address) => !isPublicAddress(address));
  if (refused !== undefined || addresses.length === 0)
    throw new WebhookAddressRefused(host, refused ?? "none");
}
