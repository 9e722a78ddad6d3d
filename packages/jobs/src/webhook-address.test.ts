import { describe, expect, it } from "vitest";

import { checkWebhookTarget, isPublicAddress } from "./webhook-address";

describe("webhook addresses", () => {
  it("tells the internet's addresses from private, loopback, link-local and reserved ones", () => {
    for (const address of ["8.8.8.8", "203.0.114.1", "2606:4700::1111", "::ffff:8.8.4.4"]) {
      expect(isPublicAddress(address), address).toBe(true);
    }
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "172.20.0.5",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "::",
      "fd00::1",
      "fe80::1",
      "::ffff:127.0.0.1",
      "not an address",
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
  });

  it("refuses a URL whose host is or resolves to a private address, unless an admin allows that host", async () => {
    const resolve = async (host: string) =>
      ({ "intranet.example": ["10.0.0.8"], "hooks.example": ["93.184.215.14"] })[host] ?? [];
    await expect(checkWebhookTarget("http://127.0.0.1:8080/hook", [], resolve)).rejects.toThrow(
      /refused: 127\.0\.0\.1/,
    );
    await expect(checkWebhookTarget("http://[::1]/hook", [], resolve)).rejects.toThrow(/refused/);
    await expect(checkWebhookTarget("https://intranet.example/hook", [], resolve)).rejects.toThrow(
      /10\.0\.0\.8/,
    );
    await expect(checkWebhookTarget("https://nowhere.example/hook", [], resolve)).rejects.toThrow(/refused/);
    await expect(checkWebhookTarget("https://hooks.example/hook", [], resolve)).resolves.toBeUndefined();
    await expect(
      checkWebhookTarget("https://intranet.example/hook", ["intranet.example"], resolve),
    ).resolves.toBeUndefined();
    await expect(
      checkWebhookTarget("http://127.0.0.1:8080/hook", ["127.0.0.1"], resolve),
    ).resolves.toBeUndefined();
  });
});
