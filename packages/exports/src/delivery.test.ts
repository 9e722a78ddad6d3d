import { describe, expect, it } from "vitest";

import { refusedAddresses, ZScheduleDeliverySchema } from "./delivery";
import { downloadLinkKey, signDownloadToken, verifyDownloadToken, webhookSignature } from "./delivery-token";

function messages(input: unknown): string[] {
  const parsed = ZScheduleDeliverySchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
}

describe("ZScheduleDeliverySchema", () => {
  it("defaults to a 7-day link to nobody, and lowercases addresses", () => {
    expect(ZScheduleDeliverySchema.parse({ addresses: [" Li.Ming@Example.GOV.cn "] })).toEqual({
      accounts: [],
      addresses: ["li.ming@example.gov.cn"],
      mode: "link",
      zip: false,
      linkDays: 7,
      bulletin: false,
      webhooks: [],
    });
  });

  it("refuses what is not a delivery, naming the field", () => {
    expect(messages({ addresses: ["李明 <li@example.gov.cn>"] })[0]).toMatch(/^delivery\.addresses: /);
    expect(messages({ addresses: ["a@example.gov.cn", "A@example.gov.cn"] })).toEqual([
      "delivery.addresses: an address is listed twice",
    ]);
    expect(messages({ mode: "fax" })[0]).toMatch(/^delivery\.mode: "link" or "attachment"/);
    expect(messages({ linkDays: 0 })[0]).toMatch(/^delivery\.linkDays: /);
    expect(messages({ linkDays: 31 })[0]).toMatch(/^delivery\.linkDays: /);
    expect(messages({ linkDays: 1.5 })[0]).toMatch(/^delivery\.linkDays: /);
    expect(messages({ webhooks: [{ url: "ftp://example.gov.cn/hook" }] })[0]).toMatch(
      /^delivery\.webhooks\.url: /,
    );
    expect(messages({ webhooks: [{ url: "https://user:pw@example.gov.cn/hook" }] })[0]).toMatch(
      /^delivery\.webhooks\.url: /,
    );
    expect(messages({ webhooks: [{ url: "https://example.gov.cn/hook", secret: "short" }] })[0]).toMatch(
      /^delivery\.webhooks\.secret: at least 16/,
    );
    expect(messages({ accounts: Array.from({ length: 21 }, (_, i) => `u${i}`) })[0]).toMatch(
      /^delivery\.accounts: at most 20/,
    );
    expect(
      messages({
        webhooks: Array.from({ length: 6 }, (_, i) => ({ url: `https://example.gov.cn/${i}` })),
      })[0],
    ).toMatch(/^delivery\.webhooks: at most 5/);
    expect(messages({ addresses: [`${"a".repeat(250)}@example.gov.cn`] })[0]).toMatch(
      /^delivery\.addresses: /,
    );
  });

  it("names the outside addresses whose domain is not allowed", () => {
    expect(
      refusedAddresses(
        ["a@example.gov.cn", "b@evil.example", "c@sub.example.gov.cn"],
        new Set(["example.gov.cn"]),
      ),
    ).toEqual([
      { index: 1, address: "b@evil.example", domain: "evil.example" },
      { index: 2, address: "c@sub.example.gov.cn", domain: "sub.example.gov.cn" },
    ]);
  });
});

describe("download tokens", () => {
  const key = downloadLinkKey("s".repeat(40));
  const runId = "0f8fad5b-d9cb-469f-a165-70867728950e";
  const now = new Date("2026-11-28T08:00:00Z");
  const expiresAt = new Date("2026-12-05T08:00:00Z");

  it("verifies a token for its run until it expires, naming the recipient", () => {
    const token = signDownloadToken(key, { runId, recipient: { userId: "reviewer-1" }, expiresAt });
    expect(verifyDownloadToken(key, token, runId, now)).toEqual({
      ok: true,
      link: { runId, recipient: { userId: "reviewer-1" }, expiresAt },
    });
    const outside = signDownloadToken(key, { runId, recipient: { address: "li@example.gov.cn" }, expiresAt });
    expect(verifyDownloadToken(key, outside, runId, now)).toMatchObject({
      ok: true,
      link: { recipient: { address: "li@example.gov.cn" } },
    });
    expect(verifyDownloadToken(key, token, runId, expiresAt)).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses a token changed, signed with another secret, or for another run", () => {
    const token = signDownloadToken(key, { runId, recipient: { userId: "reviewer-1" }, expiresAt });
    const [body, signature] = token.split(".") as [string, string];
    const forged = Buffer.from(
      JSON.stringify({ r: runId, u: "admin-1", e: expiresAt.getTime() / 1000 }),
      "utf8",
    ).toString("base64url");
    expect(verifyDownloadToken(key, `${forged}.${signature}`, runId, now)).toEqual({
      ok: false,
      reason: "signature",
    });
    const flipped = `${signature.slice(0, -2)}${signature.endsWith("AA") ? "BB" : "AA"}`;
    expect(verifyDownloadToken(key, `${body}.${flipped}`, runId, now)).toEqual({
      ok: false,
      reason: "signature",
    });
    expect(verifyDownloadToken(downloadLinkKey("t".repeat(40)), token, runId, now)).toEqual({
      ok: false,
      reason: "signature",
    });
    expect(verifyDownloadToken(key, token, "1f8fad5b-d9cb-469f-a165-70867728950e", now)).toEqual({
      ok: false,
      reason: "other-run",
    });
    for (const malformed of ["", "abc", "a.b.c", `${token}.x`, "x".repeat(5000)]) {
      expect(verifyDownloadToken(key, malformed, runId, now).ok).toBe(false);
    }
  });

  it("derives the link key from the secret rather than using it raw", () => {
    const secret = "s".repeat(40);
    expect(downloadLinkKey(secret).equals(Buffer.from(secret))).toBe(false);
    expect(downloadLinkKey(secret)).toHaveLength(32);
  });
});

describe("webhook signature", () => {
  it("is the hex HMAC-SHA256 of timestamp.body with the webhook's secret", async () => {
    const { createHmac } = await import("node:crypto");
    const body = JSON.stringify({ runId: "r", rows: 3 });
    const expected = createHmac("sha256", "whsec-0123456789abcdef")
      .update(`1796000000.${body}`)
      .digest("hex");
    expect(webhookSignature("whsec-0123456789abcdef", "1796000000", body)).toBe(`sha256=${expected}`);
    expect(webhookSignature("whsec-0123456789abcdef", "1796000001", body)).not.toBe(`sha256=${expected}`);
  });
});
