import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { inflateRawSync } from "node:zlib";
import {
  addAllowedMailDomain,
  deliveriesOfRuns,
  type ExportDeliveryRecord,
  getExportRun,
  insertExportDeliveries,
  insertExportRun,
  insertExportSchedule,
} from "@zones/db/exports";
import { mailMessages, notifications } from "@zones/db/schema";
import { downloadLinkKey, verifyDownloadToken, webhookSignature } from "@zones/exports/delivery-token";
import { smtpTransport } from "@zones/mail";
import { startTestSmtpServer, type TestSmtpServer } from "@zones/mail/testing";
import { and, eq, like, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { afterScheduledRun, deliverAttempt } from "./delivery";
import type { DeliverySettings } from "./delivery-common";
import { DELIVERY_QUEUE } from "./queues";
import { gdpSchedule, OFFICIAL, REVIEWER, VIEWER } from "./test-fixture";
import { gdpFilters, useJobsWorld, waitFor } from "./test-world";
import { type ExportWorker, startExportWorker } from "./worker";

const FROM = "示范区监测 <noreply@example.gov.cn>";
const FAST = { pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 5 };
const POLL = { timeoutMs: 25_000, intervalMs: 100 };
const SECRET = "s".repeat(40);
const HOOK_SECRET = "whsec-0123456789abcdef";
const PARTNER = "li.ming@partner.gov.cn";

const world = useJobsWorld();
let smtp: TestSmtpServer;
let hooks: {
  server: Server;
  url: string;
  received: Array<{ headers: IncomingMessage["headers"]; body: string }>;
};
/** Statuses the webhook answers in turn (then 200). */
let answers: number[] = [];
let workers: ExportWorker[] = [];

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  const received: Array<{ headers: IncomingMessage["headers"]; body: string }> = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      const status = answers.shift() ?? 200;
      response.writeHead(status, { "content-type": "text/plain" });
      response.end(status === 200 ? "thanks" : "down for maintenance");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  hooks = { server, url: `http://127.0.0.1:${port}`, received };
  await addAllowedMailDomain(world.handle.db, "partner.gov.cn", REVIEWER.id);
});
afterEach(async () => {
  for (const worker of workers) await worker.stop({ deadline: Date.now() + 5_000 });
  workers = [];
  answers = [];
});
afterAll(async () => {
  await smtp.close();
  await new Promise((resolve) => hooks.server.close(resolve));
});

function settings(change: Partial<DeliverySettings> = {}): DeliverySettings {
  return {
    linkKey: downloadLinkKey(SECRET),
    publicUrl: "https://zones.example.gov.cn",
    attachmentMaxBytes: 10 * 1024 * 1024,
    // The tests' receiver listens on this machine: allowed as an admin allows an intranet receiver.
    webhookPrivateHosts: ["127.0.0.1"],
    ...change,
  };
}

async function startWorker(delivery = settings()): Promise<ExportWorker> {
  const worker = await startExportWorker(world.handle, {
    storage: world.storage,
    timing: FAST,
    mail: smtpTransport(smtp.url, FROM),
    delivery,
    deliveryRetry: { retryLimit: 2, retryDelay: 1, retryBackoff: false },
    runRetry: { retryLimit: 0, retryDelay: 1, retryBackoff: false },
    onError: (error) => console.error("WORKER ERROR", error),
  });
  workers.push(worker);
  return worker;
}

let hookPath = 0;
/** A schedule of the reviewer's delivering to the official (an account), an outside address and a webhook. */
async function scheduleWithRecipients(delivery: Record<string, unknown> = {}, owner: string = REVIEWER.id) {
  hookPath += 1;
  const url = `${hooks.url}/hook/${hookPath}`;
  const schedule = await insertExportSchedule(world.handle.db, {
    ...gdpSchedule({ name: `送达 ${hookPath}` }),
    ownerId: owner,
    delivery: {
      accounts: [OFFICIAL.id],
      addresses: [PARTNER],
      webhooks: [{ url, secret: HOOK_SECRET }],
      ...delivery,
    },
  });
  return { schedule, url };
}

async function runOf(scheduleId: string, worker: ExportWorker) {
  const run = await insertExportRun(world.handle.db, {
    scheduleId,
    requestedBy: REVIEWER.id,
    trigger: "manual",
    filters: gdpFilters({ zoneCodes: ["HB-HS", "SD-ZB"] }),
    format: "csv",
    maxAttempts: 1,
  });
  if (!run) throw new Error("no run");
  await worker.jobs.enqueueRun(run.id);
  return run;
}

async function settled(runId: string, count: number): Promise<ExportDeliveryRecord[]> {
  let last: unknown = null;
  return waitFor(
    async () => {
      const deliveries = await deliveriesOfRuns(world.handle.db, [runId]);
      last = { run: await getExportRun(world.handle.db, runId), deliveries };
      return deliveries.length === count &&
        deliveries.every((d) => d.status === "sent" || d.status === "failed")
        ? deliveries
        : null;
    },
    `the ${count} deliveries of run ${runId}`,
    POLL,
  ).catch((error: unknown) => {
    throw new Error(`${String(error)}; last seen ${JSON.stringify(last)}`);
  });
}

function mailsTo(address: string, subjectPart: string) {
  return smtp.received.filter(
    ({ recipients, mail }) => recipients.includes(address) && (mail.subject ?? "").includes(subjectPart),
  );
}

function tokenIn(text: string, runId: string): string {
  const match = new RegExp(`/api/exports/runs/${runId}/download\\?token=([^\\s]+)`).exec(text);
  if (!match?.[1]) throw new Error(`no link to run ${runId} in: ${text}`);
  return decodeURIComponent(match[1]);
}

describe("delivery of a schedule's file", () => {
  it("mails each recipient a signed link of their own and POSTs a signed notice to the webhook", async () => {
    const worker = await startWorker();
    const { schedule, url } = await scheduleWithRecipients();
    const run = await runOf(schedule.id, worker);
    const deliveries = await settled(run.id, 3);
    expect(deliveries.map((d) => [d.channel, d.target, d.status])).toEqual(
      expect.arrayContaining([
        ["mail", OFFICIAL.email, "sent"],
        ["mail", PARTNER, "sent"],
        ["webhook", url, "sent"],
      ]),
    );
    expect(deliveries.find((d) => d.channel === "mail")?.answer).toMatch(/^250 /);
    const key = downloadLinkKey(SECRET);
    const [official] = mailsTo(OFFICIAL.email, schedule.name);
    const [partner] = mailsTo(PARTNER, schedule.name);
    expect(official?.mail.subject).toContain("已生成新文件");
    expect(official?.mail.text).toContain("下载链接");
    expect(verifyDownloadToken(key, tokenIn(official?.mail.text ?? "", run.id), run.id)).toMatchObject({
      ok: true,
      link: { recipient: { userId: OFFICIAL.id } },
    });
    expect(verifyDownloadToken(key, tokenIn(partner?.mail.text ?? "", run.id), run.id)).toMatchObject({
      ok: true,
      link: { recipient: { address: PARTNER } },
    });
    const posts = hooks.received.filter((post) => post.headers.host && post.body.includes(run.id));
    expect(posts).toHaveLength(1);
    const post = posts[0];
    const timestamp = String(post?.headers["x-zones-timestamp"]);
    expect(post?.headers["x-zones-signature"]).toBe(
      webhookSignature(HOOK_SECRET, timestamp, post?.body ?? ""),
    );
    const finished = await getExportRun(world.handle.db, run.id);
    expect(JSON.parse(post?.body ?? "{}")).toMatchObject({
      runId: run.id,
      schedule: { id: schedule.id, name: schedule.name },
      scope: finished?.filters,
      rows: finished?.rowCount,
      bytes: finished?.byteSize,
      sha256: finished?.checksum,
      finishedAt: finished?.finishedAt?.toISOString(),
    });
    expect(JSON.parse(post?.body ?? "{}").link).toContain(
      `https://zones.example.gov.cn/api/exports/runs/${run.id}/download?token=`,
    );
  });

  it("attaches the file, zipped when asked, and links one over the limit, saying so", async () => {
    const worker = await startWorker();
    const plain = await scheduleWithRecipients({ mode: "attachment", webhooks: [], addresses: [] });
    const zipped = await scheduleWithRecipients({
      mode: "attachment",
      zip: true,
      webhooks: [],
      addresses: [],
    });
    const plainRun = await runOf(plain.schedule.id, worker);
    const zippedRun = await runOf(zipped.schedule.id, worker);
    await settled(plainRun.id, 1);
    await settled(zippedRun.id, 1);
    const file = await world.storage.open(
      (await getExportRun(world.handle.db, plainRun.id))?.storageKey ?? "",
    );
    const bytes = Buffer.concat((await file?.body.toArray()) ?? []);
    const [attached] = mailsTo(OFFICIAL.email, plain.schedule.name);
    expect(attached?.mail.text).toContain("文件见附件");
    expect(attached?.mail.attachments).toHaveLength(1);
    expect(attached?.mail.attachments[0]?.filename).toMatch(/\.csv$/);
    expect(Buffer.compare(attached?.mail.attachments[0]?.content ?? Buffer.alloc(0), bytes)).toBe(0);

    const [zip] = mailsTo(OFFICIAL.email, zipped.schedule.name);
    const archive = zip?.mail.attachments[0];
    expect(archive?.filename).toMatch(/\.zip$/);
    expect(archive?.contentType).toBe("application/zip");
    expect(unzipOnly(archive?.content ?? Buffer.alloc(0))).toEqual(bytes);
    await worker.stop({ deadline: Date.now() + 5_000 });
    workers = [];

    const small = await startWorker(settings({ attachmentMaxBytes: 16 }));
    const tooLarge = await scheduleWithRecipients({ mode: "attachment", webhooks: [], addresses: [] });
    const run = await runOf(tooLarge.schedule.id, small);
    await settled(run.id, 1);
    const [linked] = mailsTo(OFFICIAL.email, tooLarge.schedule.name);
    expect(linked?.mail.attachments).toHaveLength(0);
    expect(linked?.mail.text).toContain("文件超过邮件附件上限");
    expect(tokenIn(linked?.mail.text ?? "", run.id)).not.toBe("");
  });

  it("retries a webhook answering 500, and the log keeps both answers", async () => {
    const worker = await startWorker();
    const { schedule, url } = await scheduleWithRecipients({ accounts: [], addresses: [] });
    answers = [500];
    const run = await runOf(schedule.id, worker);
    const [hook] = await settled(run.id, 1);
    expect(hook).toMatchObject({ channel: "webhook", target: url, status: "sent", attempts: 2 });
    expect(hook?.answer).toBe("#1 HTTP 500: down for maintenance\n#2 HTTP 200: thanks");
    expect(hooks.received.filter((post) => post.body.includes(run.id))).toHaveLength(2);
  });

  it("does not POST to a private address an admin has not allowed (SSRF), and does not retry it", async () => {
    const worker = await startWorker(settings({ webhookPrivateHosts: [] }));
    const { schedule, url } = await scheduleWithRecipients({ accounts: [], addresses: [] });
    const run = await runOf(schedule.id, worker);
    const [hook] = await settled(run.id, 1);
    expect(hook).toMatchObject({ channel: "webhook", target: url, status: "failed", attempts: 1 });
    expect(hook?.answer).toMatch(/^#1 refused: 127\.0\.0\.1 is a private or reserved address/);
    expect(hooks.received.filter((post) => post.body.includes(run.id))).toHaveLength(0);
  });

  it("does not mail an account that lost the right to the data, nor an address whose domain is no longer allowed", async () => {
    const worker = await startWorker();
    const { schedule } = await scheduleWithRecipients({
      accounts: [VIEWER.id],
      addresses: ["someone@elsewhere.example"],
      webhooks: [],
    });
    await world.handle.db.execute(sql`update users set disabled = true where id = ${VIEWER.id}`);
    try {
      const run = await runOf(schedule.id, worker);
      const deliveries = await settled(run.id, 2);
      expect(deliveries.map((d) => d.status)).toEqual(["failed", "failed"]);
      expect(deliveries.map((d) => d.answer).join("\n")).toMatch(/disabled/);
      expect(deliveries.map((d) => d.answer).join("\n")).toMatch(/elsewhere\.example is no longer allowed/);
      expect(mailsTo("someone@elsewhere.example", schedule.name)).toHaveLength(0);
    } finally {
      await world.handle.db.execute(sql`update users set disabled = false where id = ${VIEWER.id}`);
    }
  });

  it("tells the owner of a schedule whose run failed, in the app and by mail, once", async () => {
    const worker = await startWorker();
    // The viewer may not own schedules: its run is refused, and fails for good.
    const { schedule } = await scheduleWithRecipients({}, VIEWER.id);
    const run = await runOf(schedule.id, worker);
    await waitFor(async () => mailsTo(VIEWER.email, "定时导出失败").length === 1, "the owner's mail", POLL);
    const [told] = mailsTo(VIEWER.email, "定时导出失败");
    expect(told?.mail.subject).toContain(schedule.name);
    const toldInApp = () =>
      world.handle.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.recipientId, VIEWER.id), eq(notifications.kind, "export-failed")));
    expect(await toldInApp()).toHaveLength(1);
    // The run's job again (a worker that died after the failure): the same notice and message, not another.
    await afterScheduledRun(world.handle.db, run.id, { ...worker.jobs, sendDelivery: async () => {} });
    expect(await toldInApp()).toHaveLength(1);
    const recorded = await world.handle.db
      .select()
      .from(mailMessages)
      .where(and(eq(mailMessages.recipientId, VIEWER.id), like(mailMessages.subject, "%定时导出失败%")));
    expect(recorded).toHaveLength(1);
    expect(await deliveriesOfRuns(world.handle.db, [run.id])).toEqual([]);
  });
});

describe("the quarterly bulletin with a schedule's mail", () => {
  it("attaches the bulletin of the approved quarter, in the recipient's language, to each mail", async () => {
    // A worker that runs the export but delivers nothing itself: the delivery below is made by hand, with a
    // printer that hands back a known PDF (the printing itself is bulletin.test.ts's).
    const worker = await startExportWorker(world.handle, {
      storage: world.storage,
      timing: FAST,
      runRetry: { retryLimit: 0, retryDelay: 1, retryBackoff: false },
      onError: (error) => console.error("WORKER ERROR", error),
    });
    workers.push(worker);
    const schedule = await insertExportSchedule(world.handle.db, {
      ...gdpSchedule({ name: "领导通报" }),
      ownerId: REVIEWER.id,
      trigger: { kind: "all-approved" },
      cron: null,
      delivery: { accounts: [OFFICIAL.id], addresses: [], webhooks: [], bulletin: true },
    });
    // An all-approved run serves the quarter whose start is its occurrence: 2026Q2 here.
    const run = await insertExportRun(world.handle.db, {
      scheduleId: schedule.id,
      requestedBy: null,
      trigger: "event",
      dueAt: new Date("2026-04-01T00:00:00+08:00"),
      filters: gdpFilters({ zoneCodes: ["HB-HS"] }),
      format: "csv",
      maxAttempts: 1,
    });
    if (!run) throw new Error("no run");
    await worker.jobs.enqueueRun(run.id);
    await waitFor(
      async () => (await getExportRun(world.handle.db, run.id))?.status === "succeeded",
      "the run",
      POLL,
    );
    await afterScheduledRun(world.handle.db, run.id, { ...worker.jobs, sendDelivery: async () => {} });
    const [delivery] = await deliveriesOfRuns(world.handle.db, [run.id]);
    if (!delivery) throw new Error("no delivery");
    const asked: string[] = [];
    const pdf = Buffer.from("%PDF-1.7 通报");
    const outcome = await deliverAttempt(
      world.handle.db,
      delivery.id,
      { retryCount: 0, retryLimit: 2 },
      {
        settings: settings(),
        storage: world.storage,
        mail: smtpTransport(smtp.url, FROM),
        mailClaimStaleSeconds: 60,
        webhookClaimStaleSeconds: 60,
        bulletin: async (quarter, language) => {
          asked.push(`${quarter}/${language}`);
          return pdf;
        },
      },
    );
    expect(outcome).toBe("sent");
    expect(asked).toEqual(["2026Q2/zh-CN"]);
    const [mail] = mailsTo(OFFICIAL.email, "领导通报");
    const attached = mail?.mail.attachments?.find((item) => item.filename === "季度监测通报-2026Q2.pdf");
    expect(attached?.content.equals(pdf)).toBe(true);
    expect(mail?.mail.text).toContain("附件为季度监测通报");

    // Without a printer the delivery is not mailed without the bulletin it promises: it is tried again.
    const second = await insertExportDeliveries(world.handle.db, run.id, [
      { channel: "mail", target: "second@partner.gov.cn" },
    ]);
    const waiting = second.find((item) => item.target === "second@partner.gov.cn");
    if (!waiting) throw new Error("no second delivery");
    await expect(
      deliverAttempt(
        world.handle.db,
        waiting.id,
        { retryCount: 0, retryLimit: 2 },
        {
          settings: settings(),
          storage: world.storage,
          mail: smtpTransport(smtp.url, FROM),
          mailClaimStaleSeconds: 60,
          webhookClaimStaleSeconds: 60,
        },
      ),
    ).rejects.toThrow(/cannot print/);
    expect(mailsTo("second@partner.gov.cn", "领导通报")).toHaveLength(0);
  });
});

describe("exactly once", () => {
  it("two workers, the run's deliveries queued by both and jobs duplicated: one mail per recipient, one POST", async () => {
    const first = await startWorker();
    const second = await startWorker();
    const { schedule, url } = await scheduleWithRecipients();
    const run = await runOf(schedule.id, first);
    const deliveries = await settled(run.id, 3);
    // Both workers plan the run again, and jobs without the queue's key race for each delivery.
    for (const [n, worker] of [first, second].entries()) {
      await afterScheduledRun(world.handle.db, run.id, {
        ...worker.jobs,
        sendDelivery: async (delivery) => {
          await worker.boss.send(
            DELIVERY_QUEUE,
            { deliveryId: delivery.id },
            { singletonKey: `plan:${n}:${delivery.id}` },
          );
        },
      });
      // A stately queue keeps one waiting job per key: each of these has its own, so all of them run.
      for (const delivery of deliveries) {
        await worker.boss.send(
          DELIVERY_QUEUE,
          { deliveryId: delivery.id },
          { singletonKey: `dup:${n}:${delivery.id}` },
        );
      }
    }
    await drained(first);
    expect(mailsTo(OFFICIAL.email, schedule.name)).toHaveLength(1);
    expect(mailsTo(PARTNER, schedule.name)).toHaveLength(1);
    expect(hooks.received.filter((post) => post.body.includes(run.id))).toHaveLength(1);
    expect(await deliveriesOfRuns(world.handle.db, [run.id])).toHaveLength(3);
    expect(url).toContain("/hook/");
  });

  it("a crashed worker's delivery is retried without a duplicate", async () => {
    const worker = await startWorker();
    const { schedule } = await scheduleWithRecipients({ addresses: [] });
    const run = await runOf(schedule.id, worker);
    const deliveries = await settled(run.id, 2);
    const mail = deliveries.find((d) => d.channel === "mail");
    const hook = deliveries.find((d) => d.channel === "webhook");
    // A worker killed after the message left but before the delivery said so; and one killed mid-POST, its claim
    // long stale and the POST never made (the server saw nothing: we forget the one it saw).
    await world.handle.db.execute(
      sql`update export_deliveries set status = 'queued' where id = ${mail?.id ?? ""}`,
    );
    await world.handle.db.execute(
      sql`update export_deliveries set status = 'queued', claimed_at = now() - interval '1 hour' where id = ${hook?.id ?? ""}`,
    );
    hooks.received.splice(0, hooks.received.length);
    for (const delivery of deliveries) {
      await worker.boss.send(
        DELIVERY_QUEUE,
        { deliveryId: delivery.id },
        { singletonKey: `retry:${delivery.id}` },
      );
    }
    await settled(run.id, 2);
    await drained(worker);
    expect(mailsTo(OFFICIAL.email, schedule.name)).toHaveLength(1);
    expect(hooks.received.filter((post) => post.body.includes(run.id))).toHaveLength(1);
    const after = await deliveriesOfRuns(world.handle.db, [run.id]);
    expect(after.map((d) => d.status)).toEqual(["sent", "sent"]);
  });
});

async function drained(worker: ExportWorker) {
  await waitFor(
    async () => (await worker.boss.getQueueSize(DELIVERY_QUEUE, { before: "completed" })) === 0,
    "the delivery queue to drain",
    POLL,
  );
}

/** The one file of a zip archive (yazl writes the sizes in its central directory; deflate or stored). */
function unzipOnly(archive: Buffer): Buffer {
  expect(archive.readUInt32LE(0)).toBe(0x04034b50);
  const central = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  const method = archive.readUInt16LE(central + 10);
  const compressedSize = archive.readUInt32LE(central + 20);
  const nameLength = archive.readUInt16LE(26);
  const extraLength = archive.readUInt16LE(28);
  const data = archive.subarray(
    30 + nameLength + extraLength,
    30 + nameLength + extraLength + compressedSize,
  );
  return method === 8 ? inflateRawSync(data) : Buffer.from(data);
}
