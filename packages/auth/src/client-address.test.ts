import { describe, expect, it } from "vitest";

import {
  type AddressedRequest,
  clientAddress,
  forwardClientAddress,
  parseTrustedProxies,
} from "./client-address.mjs";

function request(peer: string | undefined, headers: AddressedRequest["headers"] = {}): AddressedRequest {
  return { socket: { remoteAddress: peer }, headers };
}

describe("TRUSTED_PROXIES", () => {
  it("trusts nobody when unset or empty", () => {
    for (const value of [undefined, "", " , "]) {
      const trust = parseTrustedProxies(value);
      expect(trust("127.0.0.1")).toBe(false);
      expect(trust("::1")).toBe(false);
    }
  });

  it("reads addresses and CIDR ranges, IPv4 and IPv6", () => {
    const trust = parseTrustedProxies("127.0.0.1, 10.0.0.0/8,fd00::/8");
    expect(trust("127.0.0.1")).toBe(true);
    expect(trust("::ffff:127.0.0.1")).toBe(true);
    expect(trust("10.200.3.4")).toBe(true);
    expect(trust("fd12::1")).toBe(true);
    expect(trust("127.0.0.2")).toBe(false);
    expect(trust("11.0.0.1")).toBe(false);
  });

  it("refuses an entry that is not an address or a range, naming it", () => {
    for (const entry of ["proxy.local", "10.0.0.0/33", "10.1", "1.2.3.4/x", "0.0.0.0/0"]) {
      expect(() => parseTrustedProxies(`127.0.0.1,${entry}`)).toThrow(
        `TRUSTED_PROXIES: invalid entry "${entry}"`,
      );
    }
  });
});

describe("the client address", () => {
  const none = parseTrustedProxies(undefined);
  const proxies = parseTrustedProxies("127.0.0.1,::1,10.0.0.0/8");

  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For claims", () => {
    expect(clientAddress(request("203.0.113.9"), none)).toBe("203.0.113.9");
    expect(clientAddress(request("203.0.113.9", { "x-forwarded-for": "198.51.100.1" }), none)).toBe(
      "203.0.113.9",
    );
    expect(
      clientAddress(request("203.0.113.9", { "x-forwarded-for": "198.51.100.1, 198.51.100.2" }), none),
    ).toBe("203.0.113.9");
    // A client on this machine is not a proxy unless configured as one.
    expect(clientAddress(request("127.0.0.1", { "x-forwarded-for": "198.51.100.1" }), none)).toBe(
      "127.0.0.1",
    );
  });

  it("behind a trusted proxy is the right-most X-Forwarded-For entry that is not a trusted proxy", () => {
    expect(clientAddress(request("127.0.0.1", { "x-forwarded-for": "198.51.100.7" }), proxies)).toBe(
      "198.51.100.7",
    );
    // The left part was written by the client: spoofed, never read.
    expect(
      clientAddress(request("127.0.0.1", { "x-forwarded-for": "1.1.1.1, 2.2.2.2, 198.51.100.7" }), proxies),
    ).toBe("198.51.100.7");
  });

  it("walks a chain of trusted proxies", () => {
    expect(
      clientAddress(
        request("127.0.0.1", { "x-forwarded-for": "1.1.1.1, 198.51.100.7, 10.0.0.2, 10.0.0.3" }),
        proxies,
      ),
    ).toBe("198.51.100.7");
    // Every hop trusted: the left-most one is the best we know.
    expect(clientAddress(request("127.0.0.1", { "x-forwarded-for": "10.0.0.5, 10.0.0.2" }), proxies)).toBe(
      "10.0.0.5",
    );
  });

  it("is the proxy itself when a trusted proxy sends no X-Forwarded-For", () => {
    expect(clientAddress(request("10.0.0.3"), proxies)).toBe("10.0.0.3");
    expect(clientAddress(request("10.0.0.3", { "x-forwarded-for": "" }), proxies)).toBe("10.0.0.3");
  });

  it("reads repeated X-Forwarded-For headers as one list", () => {
    expect(
      clientAddress(request("127.0.0.1", { "x-forwarded-for": ["1.1.1.1", "198.51.100.7"] }), proxies),
    ).toBe("198.51.100.7");
  });

  it("handles IPv6 and IPv4-mapped IPv6, in canonical form", () => {
    expect(clientAddress(request("::ffff:203.0.113.9"), none)).toBe("203.0.113.9");
    expect(clientAddress(request("::1", { "x-forwarded-for": "2001:DB8:0:0:0:0:0:1" }), proxies)).toBe(
      "2001:db8::1",
    );
    expect(
      clientAddress(request("::ffff:127.0.0.1", { "x-forwarded-for": "::ffff:198.51.100.7" }), proxies),
    ).toBe("198.51.100.7");
    expect(clientAddress(request("2001:db8::5", { "x-forwarded-for": "198.51.100.7" }), proxies)).toBe(
      "2001:db8::5",
    );
  });

  it("stops at an entry that is not an address and takes the last good hop", () => {
    expect(clientAddress(request("127.0.0.1", { "x-forwarded-for": "garbage" }), proxies)).toBe("127.0.0.1");
    expect(
      clientAddress(request("127.0.0.1", { "x-forwarded-for": "198.51.100.7, unknown, 10.0.0.2" }), proxies),
    ).toBe("10.0.0.2");
    for (const entry of ["198.51.100.7:443", "[::1]", "10.1", "0x7f.1", "1.2.3.4.5"]) {
      expect(clientAddress(request("127.0.0.1", { "x-forwarded-for": entry }), proxies)).toBe("127.0.0.1");
    }
  });

  it("is null when the socket has no address", () => {
    expect(clientAddress(request(undefined, { "x-forwarded-for": "198.51.100.7" }), proxies)).toBeNull();
    expect(clientAddress({ socket: null, headers: {} }, none)).toBeNull();
  });
});

describe("the headers Next sees", () => {
  const proxies = parseTrustedProxies("10.0.0.1");

  it("carry the resolved address alone in X-Forwarded-For and no other address header", () => {
    const direct = request("203.0.113.9", {
      "x-forwarded-for": "198.51.100.1, 198.51.100.2",
      "x-real-ip": "198.51.100.3",
      forwarded: "for=198.51.100.4",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
      host: "zones.example",
    });
    expect(forwardClientAddress(direct, proxies)).toBe("203.0.113.9");
    expect(direct.headers).toEqual({ "x-forwarded-for": "203.0.113.9", host: "zones.example" });
  });

  it("keep a trusted proxy's description of the public URL", () => {
    const proxied = request("10.0.0.1", {
      "x-forwarded-for": "1.1.1.1, 198.51.100.7",
      "x-forwarded-host": "zones.example",
      "x-forwarded-proto": "https",
      "x-real-ip": "1.1.1.1",
    });
    expect(forwardClientAddress(proxied, proxies)).toBe("198.51.100.7");
    expect(proxied.headers).toEqual({
      "x-forwarded-for": "198.51.100.7",
      "x-forwarded-host": "zones.example",
      "x-forwarded-proto": "https",
    });
  });

  it("carry no X-Forwarded-For when there is no address", () => {
    const closed = request(undefined, { "x-forwarded-for": "198.51.100.1" });
    expect(forwardClientAddress(closed, proxies)).toBeNull();
    expect(closed.headers).toEqual({});
  });
});
