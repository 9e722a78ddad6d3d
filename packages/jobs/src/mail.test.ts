import { Readable } from "node:stream";
import { getMail } from "@zones/db/mail";
import { messageIdOf, smtpTransport } from "@zones/mail";
import { startTestSmtpServer, type TestSmtpServer } from "@zones/mail/testing";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import type { OutgoingMail } from "./mail";
import { MAIL_QUEUE } from "./queues";
import { useJobsWorld, waitFor } from "./test-world";
import { type ExportWorker, startExportWorker } from "./worker";

const FROM = "示范区监测 <noreply@example.gov.cn>";
const REFUSED = "nobody@example.gov.cn";
const FAST = { pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 5 };
const POLL = { timeoutMs: 30_000, intervalMs: 100 };
/** Every byte value, and Chinese: a file any re-encoding would change. */
const REPORT = Buffer.concat([
  Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
  Buffer.from("黄石", "utf8"),
]);

const world = useJobsWorld();
let smtp: TestSmtpServer;
let workers: ExportWorker[] = [];

beforeAll(async () => {
  smtp = await startTestSmtpServer({ refuse: [REFUSED] });
});
afterEach(async () => {
  for (const worker of workers) await worker.stop({ deadline: Date.now() + 5_000 });
  workers = [];
});
afterAll(async () => {
  await smtp.close();
});

/** A worker sending through the test server, or (`smtp: false`) keeping mail in the outbox. */
async function startWorker(options: { smtp: boolean } = { smtp: true }): Promise<ExportWorker> {
  const worker = await startExportWorker(world.handle, {
    storage: world.storage,
    timing: FAST,
    ...(options.smtp ? { mail: smtpTransport(smtp.url, FROM) } : {}),
  });
  workers.push(worker);
  return worker;
}

function mail(dedupeKey: string, change: Partial<OutgoingMail> = {}): OutgoingMail {
  return {
    dedupeKey,
    to: "huangshi@example.gov.cn",
    subject: "2026年第二季度数据已审核通过",
    text: "您好：\n湖北黄石的数据已审核通过。",
    html: "<p>您好：<b>湖北黄石</b>的数据已审核通过。</p>",
    language: "zh-CN",
    ...change,
  };
}

/** The mail jobs of every worker are done: none waiting, retrying or active. */
async function drained(worker: ExportWorker) {
  await waitFor(
    async () => (await worker.boss.getQueueSize(MAIL_QUEUE, { before: "completed" })) === 0,
    "the mail queue to drain",
    POLL,
  );
}

async function finalStatus(id: string, status: string) {
  return waitFor(
    async () => {
      const message = await getMail(world.handle.db, id);
      return message?.status === status ? message : null;
    },
    `message ${id} to be ${status}`,
    POLL,
  );
}

function receivedFor(dedupeKey: string) {
  return smtp.received.filter(({ mail }) => mail.messageId === messageIdOf(dedupeKey, FROM));
}

describe("mail jobs", () => {
  it("sends a Chinese message with its parts and attachments through a worker, byte for byte", async () => {
    const worker = await startWorker();
    const { id, created } = await worker.jobs.enqueueMail(
      mail("approved:HB-HS:2026Q2:huangshi", {
        attachments: [
          { filename: "黄石-2026Q2.csv", content: REPORT, contentType: "text/csv" },
          { filename: "说明.txt", content: Readable.from([Buffer.from("流式附件", "utf8")]) },
        ],
      }),
    );
    expect(created).toBe(true);
    const stored = await finalStatus(id, "sent");
    expect(stored.response).toMatch(/^250 /);
    expect(stored.attempts).toBe(1);
    const [received] = receivedFor("approved:HB-HS:2026Q2:huangshi");
    expect(received?.mail.subject).toBe("2026年第二季度数据已审核通过");
    expect(received?.mail.text?.trim()).toBe("您好：\n湖北黄石的数据已审核通过。");
    expect(received?.mail.html).toContain("<b>湖北黄石</b>");
    expect(received?.mail.attachments.map((attachment) => attachment.filename)).toEqual([
      "黄石-2026Q2.csv",
      "说明.txt",
    ]);
    expect(Buffer.compare(received?.mail.attachments[0]?.content ?? Buffer.alloc(0), REPORT)).toBe(0);
    expect(received?.mail.attachments[1]?.content.toString("utf8")).toBe("流式附件");
  });

  it("two workers, the event recorded by both: one message received", async () => {
    const first = await startWorker();
    const second = await startWorker();
    const key = "reminder:2026Q3:huangshi";
    const [a, b] = await Promise.all([first.jobs.enqueueMail(mail(key)), second.jobs.enqueueMail(mail(key))]);
    expect(a.id).toBe(b.id);
    // And two more jobs for it without the queue's key, so that the workers race for the message itself.
    await Promise.all([
      first.boss.send(MAIL_QUEUE, { messageId: a.id }),
      second.boss.send(MAIL_QUEUE, { messageId: a.id }),
    ]);
    await finalStatus(a.id, "sent");
    await drained(first);
    expect(receivedFor(key)).toHaveLength(1);
  });

  it("a job retried after its message was sent sends nothing more", async () => {
    const worker = await startWorker();
    const key = "reminder:2026Q4:huangshi";
    const { id } = await worker.jobs.enqueueMail(mail(key));
    await finalStatus(id, "sent");
    await drained(worker);
    // As pg-boss retries a job whose worker died after sending: the same job data again.
    await worker.boss.send(MAIL_QUEUE, { messageId: id });
    await drained(worker);
    expect(receivedFor(key)).toHaveLength(1);
    expect(await getMail(world.handle.db, id)).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("a message whose worker died while sending it is sent once by the retry", async () => {
    const worker = await startWorker();
    const key = "reminder:2027Q1:huangshi";
    const { id } = await worker.jobs.enqueueMail(mail(key));
    await finalStatus(id, "sent");
    // Rewind it to what a worker killed mid-conversation leaves: `sending`, claimed long ago, no answer.
    smtp.received.splice(0, smtp.received.length);
    await world.handle.db.execute(
      sql`update mail_messages set status = 'sending', claimed_at = now() - interval '1 hour', sent_at = null,
          response = null where id = ${id}`,
    );
    await worker.boss.send(MAIL_QUEUE, { messageId: id });
    const resent = await finalStatus(id, "sent");
    await drained(worker);
    expect(resent.attempts).toBe(2);
    expect(receivedFor(key)).toHaveLength(1);
  });

  it("records a refused recipient as failed with the server's answer, without retrying", async () => {
    const worker = await startWorker();
    const { id } = await worker.jobs.enqueueMail(mail("reminder:refused", { to: REFUSED }));
    const failed = await finalStatus(id, "failed");
    expect(failed.lastError).toMatch(/^550 .*no such user/);
    await drained(worker);
    expect((await getMail(world.handle.db, id))?.attempts).toBe(1);
  });

  it("without SMTP_URL keeps the message in the outbox and sends nothing", async () => {
    const worker = await startWorker({ smtp: false });
    const before = smtp.received.length;
    const { id } = await worker.jobs.enqueueMail(mail("reminder:outbox"));
    const kept = await finalStatus(id, "outbox");
    expect(kept.response).toContain("outbox");
    expect(kept.sentAt).not.toBeNull();
    expect(smtp.received.length).toBe(before);
  });
});
