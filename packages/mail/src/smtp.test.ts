import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSmtpServer, type TestSmtpServer } from "./testing";
import { mailFailure, smtpTransport } from "./transport";

const FROM = "示范区监测 <noreply@example.gov.cn>";
const REFUSED = "nobody@example.gov.cn";
/** Bytes of every value 0–255 and some Chinese, so a re-encoding anywhere would show. */
const REPORT = Buffer.concat([
  Buffer.from(Array.from({ length: 256 }, (_, index) => index)),
  Buffer.from("地区生产总值,工业增速\n", "utf8"),
]);

let server: TestSmtpServer;
beforeAll(async () => {
  server = await startTestSmtpServer({ refuse: [REFUSED] });
});
afterAll(async () => {
  await server.close();
});

describe("sending through SMTP", () => {
  it("delivers a Chinese message with text, HTML and an attachment with a Chinese name, byte for byte", async () => {
    const transport = smtpTransport(server.url, FROM);
    try {
      const delivery = await transport.send({
        to: "huangshi@example.gov.cn",
        subject: "2026年第二季度数据已审核通过：湖北黄石",
        text: "您好：\n湖北黄石 2026年第二季度的数据已审核通过。",
        html: "<p>您好：</p><p><b>湖北黄石</b> 2026年第二季度的数据已审核通过。</p>",
        attachments: [
          { filename: "黄石-2026Q2.csv", content: REPORT, contentType: "text/csv" },
          { filename: "说明.txt", content: Readable.from([Buffer.from("流式附件", "utf8")]) },
        ],
        language: "zh-CN",
        dedupeKey: "approved:HB-HS:2026Q2:user-1",
      });
      expect(delivery.via).toBe("smtp");
      expect(delivery.response).toMatch(/^250 /);
      await server.waitFor(1);
      const [{ mail, recipients }] = server.received.slice(-1) as [TestSmtpServer["received"][number]];
      expect(recipients).toEqual(["huangshi@example.gov.cn"]);
      expect(mail.subject).toBe("2026年第二季度数据已审核通过：湖北黄石");
      expect(mail.from?.value[0]).toEqual({ name: "示范区监测", address: "noreply@example.gov.cn" });
      expect(mail.text?.trim()).toBe("您好：\n湖北黄石 2026年第二季度的数据已审核通过。");
      expect(mail.html).toContain("<b>湖北黄石</b>");
      expect(mail.headers.get("content-language")).toBe("zh-CN");
      expect(mail.messageId).toBe(delivery.messageId);
      expect(mail.attachments.map((attachment) => attachment.filename)).toEqual([
        "黄石-2026Q2.csv",
        "说明.txt",
      ]);
      expect(Buffer.compare(mail.attachments[0]?.content ?? Buffer.alloc(0), REPORT)).toBe(0);
      expect(mail.attachments[1]?.content.toString("utf8")).toBe("流式附件");
    } finally {
      transport.close();
    }
  });

  it("fails a refused recipient with the server's answer, as permanent", async () => {
    const transport = smtpTransport(server.url, FROM);
    try {
      const error = await transport
        .send({ to: REFUSED, subject: "测试", text: "正文", language: "zh-CN", dedupeKey: "refused" })
        .then(
          () => null,
          (thrown: unknown) => thrown,
        );
      expect(error).not.toBeNull();
      const failure = mailFailure(error);
      expect(failure.permanent).toBe(true);
      expect(failure.answer).toMatch(/^550 .*no such user/);
    } finally {
      transport.close();
    }
  });

  it("fails an unreachable server as worth retrying", async () => {
    const unreachable = await startTestSmtpServer();
    const url = unreachable.url;
    await unreachable.close();
    const transport = smtpTransport(url, FROM);
    try {
      const error = await transport
        .send({ to: "a@example.gov.cn", subject: "s", text: "t", language: "en", dedupeKey: "k" })
        .then(
          () => null,
          (thrown: unknown) => thrown,
        );
      expect(mailFailure(error).permanent).toBe(false);
    } finally {
      transport.close();
    }
  });
});
