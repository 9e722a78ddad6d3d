import { describe, expect, it } from "vitest";

import { composeMail, MailCompositionError, type MailMessage, messageIdOf } from "./message";
import { OUTBOX_RESPONSE, outboxTransport } from "./transport";

const FROM = "示范区监测 <noreply@example.gov.cn>";
const MESSAGE: MailMessage = {
  to: "viewer@example.gov.cn",
  subject: "季度提醒",
  text: "请于截止日期前填报。",
  language: "zh-CN",
  dedupeKey: "reminder:2026Q2:user-1",
};

describe("composing a message", () => {
  it("carries the parts, the language and a Message-ID derived from the dedupe key", () => {
    const composed = composeMail({ ...MESSAGE, html: "<p>请填报</p>" }, FROM);
    expect(composed).toMatchObject({
      from: FROM,
      to: MESSAGE.to,
      subject: "季度提醒",
      text: MESSAGE.text,
      html: "<p>请填报</p>",
      headers: { "Content-Language": "zh-CN" },
    });
    expect(composed.messageId).toBe(messageIdOf(MESSAGE.dedupeKey, FROM));
    expect(composed.messageId).toMatch(/^<[0-9a-f]{32}@example\.gov\.cn>$/);
    expect(messageIdOf("another", FROM)).not.toBe(composed.messageId);
  });

  it.each([
    ["to", { to: "two@example.cn, three@example.cn" }],
    ["to", { to: "not an address" }],
    ["subject", { subject: "一\r\nBcc: victim@example.cn" }],
    ["subject", { subject: " " }],
    ["text", { text: "" }],
    ["dedupeKey", { dedupeKey: "" }],
    ["attachments", { attachments: [{ filename: "a\nb", content: Buffer.from("x") }] }],
  ] as const)("refuses a bad %s", (field, change) => {
    const attempt = () => composeMail({ ...MESSAGE, ...change }, FROM);
    expect(attempt).toThrow(MailCompositionError);
    expect(attempt).toThrow(new RegExp(`^${field} `));
  });

  it("refuses a sender that is no address", () => {
    expect(() => composeMail(MESSAGE, "nobody")).toThrow(/^from /);
  });
});

describe("the outbox", () => {
  it("keeps the message instead of sending it", async () => {
    const kept: MailMessage[] = [];
    const delivery = await outboxTransport(FROM, async (message) => {
      kept.push(message);
    }).send(MESSAGE);
    expect(delivery).toEqual({
      via: "outbox",
      response: OUTBOX_RESPONSE,
      messageId: messageIdOf(MESSAGE.dedupeKey, FROM),
    });
    expect(kept).toEqual([MESSAGE]);
  });
});
