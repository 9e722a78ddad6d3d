import { getMail } from "@zones/db/mail";
import { setNotificationPreferences } from "@zones/db/notifications";
import { mailMessages, notifications, observations, submissions, users, userZones } from "@zones/db/schema";
import { findSubmission, transitionSubmission } from "@zones/db/submissions";
import { digestMailKey, notificationMailKey } from "@zones/domain";
import { messageIdOf, smtpTransport } from "@zones/mail";
import { startTestSmtpServer, type TestSmtpServer } from "@zones/mail/testing";
import { and, eq, like, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { recordOutgoingMail } from "./mail";
import { beijingDate, deliverPendingNotifications, runDeadlineNotices } from "./notifications";
import { MAIL_QUEUE, NOTIFICATION_QUEUES } from "./queues";
import { OFFICIAL, REVIEWER } from "./test-fixture";
import { useJobsWorld, waitFor } from "./test-world";
import { type ExportWorker, startExportWorker } from "./worker";

const FROM = "示范区监测 <noreply@example.gov.cn>";
const FAST = { pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 5 };
const POLL = { timeoutMs: 30_000, intervalMs: 100 };
/** Officials of two zones that have not submitted 2026Q3 (the fixture's HB-HS has). */
const LIAONING = { id: "official-ln", name: "辽宁填报员", email: "ln@jobs.test", role: "official" as const };
const ZIBO = { id: "official-zb", name: "淄博填报员", email: "zb@jobs.test", role: "official" as const };

const world = useJobsWorld();
let smtp: TestSmtpServer;
let workers: ExportWorker[] = [];
/** The instant the workers' daily jobs take as now. */
let now = new Date("2026-10-18T08:00:00+08:00");

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  await world.handle.db.insert(users).values([LIAONING, ZIBO]);
  await world.handle.db.insert(userZones).values([
    { userId: LIAONING.id, zoneCode: "LN-C" },
    { userId: ZIBO.id, zoneCode: "SD-ZB" },
  ]);
});
afterEach(async () => {
  for (const worker of workers) await worker.stop({ deadline: Date.now() + 5_000 });
  workers = [];
});
afterAll(async () => {
  await smtp.close();
});

/** Two workers on the one database, both sending through the test server. */
async function twoWorkers(): Promise<[ExportWorker, ExportWorker]> {
  const options = {
    storage: world.storage,
    timing: FAST,
    mail: smtpTransport(smtp.url, FROM),
    appUrl: "https://zones.example.gov.cn",
    clock: () => now,
  };
  const first = await startExportWorker(world.handle, options);
  const second = await startExportWorker(world.handle, options);
  workers.push(first, second);
  return [first, second];
}

/** Both workers asked several times at once to deliver: they race for the same notifications. */
async function deliverFromBoth(pair: readonly ExportWorker[]) {
  await Promise.all(pair.flatMap((worker) => [1, 2].map(() => worker.jobs.deliverNotifications())));
  await Promise.all(pair.map((worker) => worker.boss.send(NOTIFICATION_QUEUES.deliver, {})));
}

async function settled(worker: ExportWorker) {
  await waitFor(
    async () => {
      const [pending] = await world.handle.db
        .select({ n: sql<number>`count(*)::int` })
        .from(notifications)
        .where(eq(notifications.mailState, "pending"));
      if (Number(pending?.n) > 0) return false;
      for (const queue of [MAIL_QUEUE, ...Object.values(NOTIFICATION_QUEUES)]) {
        if ((await worker.boss.getQueueSize(queue, { before: "completed" })) > 0) return false;
      }
      const [unsent] = await world.handle.db
        .select({ n: sql<number>`count(*)::int` })
        .from(mailMessages)
        .where(sql`${mailMessages.status} in ('queued', 'sending')`);
      return Number(unsent?.n) === 0;
    },
    "notifications and their mail to settle",
    POLL,
  );
}

function receivedFor(dedupeKey: string) {
  return smtp.received.filter(({ mail }) => mail.messageId === messageIdOf(dedupeKey, FROM));
}

async function notificationsOf(userId: string, kind: string) {
  return world.handle.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.recipientId, userId), sql`${notifications.kind} = ${kind}`));
}

async function version(zoneCode: string, quarter: string) {
  const found = await findSubmission(world.handle.db, { zoneCode, quarter });
  if (!found) throw new Error("no submission");
  return found.version;
}

describe("notifications on two workers", () => {
  it("a return tells the official by one mail with the reason and each indicator's comment", async () => {
    const pair = await twoWorkers();
    await transitionSubmission(world.handle.db, {
      zoneCode: "HB-HS",
      quarter: "2026Q3",
      action: "return",
      version: await version("HB-HS", "2026Q3"),
      actor: { id: REVIEWER.id, role: "reviewer", ownsZone: false },
      comment: "增速与上季度口径不一致",
      reviewNotes: { gdp: "请核对现价" },
    });
    await deliverFromBoth(pair);
    await settled(pair[0]);
    const [returned, ...more] = await notificationsOf(OFFICIAL.id, "returned");
    expect(more).toHaveLength(0);
    expect(returned?.mailState).toBe("queued");
    const mails = receivedFor(notificationMailKey(returned?.eventKey ?? "", OFFICIAL.id));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.recipients).toEqual([OFFICIAL.email]);
    expect(mails[0]?.mail.subject).toBe("【示范区监测】湖北黄石2026年第三季度数据被退回");
    expect(mails[0]?.mail.text).toContain("退回原因：增速与上季度口径不一致");
    expect(mails[0]?.mail.text).toContain("- 地区生产总值: 请核对现价");
    expect(mails[0]?.mail.text).toContain("https://zones.example.gov.cn/entry/HB-HS/2026Q3");

    // As if a worker died after queueing the mail but before marking the notification: the next pass
    // records the same message (its key) and nothing more is received.
    await world.handle.db
      .update(notifications)
      .set({ mailState: "pending" })
      .where(eq(notifications.id, returned?.id ?? ""));
    await deliverFromBoth(pair);
    await settled(pair[0]);
    expect(receivedFor(notificationMailKey(returned?.eventKey ?? "", OFFICIAL.id))).toHaveLength(1);
  });

  it("a submit tells the reviewer (one mail); an approval tells an official who turned it off in the app only", async () => {
    const pair = await twoWorkers();
    await world.handle.db
      .insert(submissions)
      .values({ zoneCode: "SD-ZB", quarter: "2026Q3", status: "draft" });
    await world.handle.db.insert(observations).values({
      zoneCode: "SD-ZB",
      indicatorCode: "gdp",
      quarter: "2026Q3",
      value: "800",
      revisionKind: "final",
    });
    await setNotificationPreferences(world.handle.db, ZIBO.id, {
      language: "en",
      schedule: "immediate",
      mailOff: ["approved"],
    });
    await transitionSubmission(world.handle.db, {
      zoneCode: "SD-ZB",
      quarter: "2026Q3",
      action: "submit",
      version: await version("SD-ZB", "2026Q3"),
      actor: { id: ZIBO.id, role: "official", ownsZone: true },
    });
    await deliverFromBoth(pair);
    await settled(pair[0]);
    const [submitted] = await notificationsOf(REVIEWER.id, "submitted");
    const toReviewer = receivedFor(notificationMailKey(submitted?.eventKey ?? "", REVIEWER.id));
    expect(toReviewer).toHaveLength(1);
    expect(toReviewer[0]?.mail.subject).toBe("【示范区监测】待审核：山东淄博2026年第三季度");
    expect(toReviewer[0]?.mail.text).toContain("提交人：淄博填报员");

    await transitionSubmission(world.handle.db, {
      zoneCode: "SD-ZB",
      quarter: "2026Q3",
      action: "approve",
      version: await version("SD-ZB", "2026Q3"),
      actor: { id: REVIEWER.id, role: "reviewer", ownsZone: false },
    });
    await deliverFromBoth(pair);
    await settled(pair[0]);
    const [approved] = await notificationsOf(ZIBO.id, "approved");
    expect(approved?.mailState).toBe("none");
    const recorded = await world.handle.db
      .select()
      .from(mailMessages)
      .where(eq(mailMessages.dedupeKey, notificationMailKey(approved?.eventKey ?? "", ZIBO.id)));
    expect(recorded).toHaveLength(0);
  });

  it("reminds 7 and 1 days before only zones that have not submitted, once however often it runs; overdue after", async () => {
    const pair = await twoWorkers();
    now = new Date("2026-10-18T08:00:00+08:00");
    await Promise.all(
      pair.flatMap((worker) => [1, 2].map(() => worker.boss.send(NOTIFICATION_QUEUES.deadlines, {}))),
    );
    await waitFor(
      async () => (await notificationsOf(LIAONING.id, "deadline-reminder")).length > 0,
      "a reminder",
      POLL,
    );
    await settled(pair[0]);
    const reminders = await notificationsOf(LIAONING.id, "deadline-reminder");
    expect(reminders.map((row) => row.eventKey)).toEqual(["deadline-reminder:2026Q3:LN-C:7d"]);
    expect(receivedFor(notificationMailKey("deadline-reminder:2026Q3:LN-C:7d", LIAONING.id))).toHaveLength(1);
    // HB-HS was returned (not submitted) by the first test; SD-ZB was approved by the second.
    expect(await notificationsOf(ZIBO.id, "deadline-reminder")).toHaveLength(0);
    expect((await notificationsOf(OFFICIAL.id, "deadline-reminder")).map((row) => row.eventKey)).toEqual([
      "deadline-reminder:2026Q3:HB-HS:7d",
    ]);

    const db = world.handle.db;
    expect((await runDeadlineNotices(db, new Date("2026-10-20T08:00:00+08:00"))).events).toBe(0);
    await runDeadlineNotices(db, new Date("2026-10-24T08:00:00+08:00"));
    await runDeadlineNotices(db, new Date("2026-10-24T09:00:00+08:00"));
    await runDeadlineNotices(db, new Date("2026-10-26T08:00:00+08:00"));
    expect(
      (await notificationsOf(LIAONING.id, "deadline-reminder")).map((row) => row.eventKey).sort(),
    ).toEqual(["deadline-reminder:2026Q3:LN-C:1d", "deadline-reminder:2026Q3:LN-C:7d"]);
    expect((await notificationsOf(LIAONING.id, "overdue")).map((row) => row.eventKey)).toEqual([
      "overdue:2026Q3:LN-C:-1d",
    ]);
    expect(await notificationsOf(ZIBO.id, "overdue")).toHaveLength(0);
    await deliverFromBoth(pair);
    await settled(pair[0]);
  });

  it("a user of the daily digest gets one mail of the day's notifications, however many workers run it", async () => {
    const pair = await twoWorkers();
    await setNotificationPreferences(world.handle.db, LIAONING.id, {
      language: "zh-CN",
      schedule: "daily",
      mailOff: [],
    });
    // Two more events for the Liaoning official: recorded as the reminder cron would, on another quarter.
    now = new Date("2027-01-18T08:00:00+08:00");
    await world.handle.db.execute(
      sql`insert into reporting_periods (quarter, status, deadline) values ('2026Q4', 'open', '2027-01-25')`,
    );
    await runDeadlineNotices(world.handle.db, now);
    await runDeadlineNotices(world.handle.db, new Date("2027-01-26T08:00:00+08:00"));
    await deliverFromBoth(pair);
    await settled(pair[0]);
    const waiting = (await notificationsOf(LIAONING.id, "deadline-reminder"))
      .concat(await notificationsOf(LIAONING.id, "overdue"))
      .filter((row) => row.mailState === "digest");
    expect(waiting).toHaveLength(2);

    await Promise.all(
      pair.flatMap((worker) => [1, 2].map(() => worker.boss.send(NOTIFICATION_QUEUES.digest, {}))),
    );
    const key = digestMailKey(LIAONING.id, beijingDate(now));
    await waitFor(async () => receivedFor(key).length > 0, "the digest", POLL);
    await settled(pair[0]);
    const digests = await world.handle.db
      .select()
      .from(mailMessages)
      .where(like(mailMessages.dedupeKey, `digest:${LIAONING.id}:%`));
    expect(digests).toHaveLength(1);
    const [digest] = receivedFor(key);
    expect(digest?.mail.subject).toBe(`【示范区监测】每日通知摘要（2027-01-18，共 2 条）`);
    expect(digest?.mail.text).toContain("2026年第四季度数据尚未报送");
    expect(digest?.mail.text).toContain("已逾期");
    expect(receivedFor(key)).toHaveLength(1);
    expect((await getMail(world.handle.db, digests[0]?.id ?? ""))?.status).toBe("sent");
  });

  it("a mail that cannot be composed leaves its notification in the app only, and the others are mailed", async () => {
    await world.handle.db.insert(users).values({
      id: "official-bad",
      name: "地址有误",
      email: "not an address",
      role: "official",
    });
    await world.handle.db.insert(userZones).values({ userId: "official-bad", zoneCode: "LN-C" });
    now = new Date("2027-01-24T08:00:00+08:00");
    await runDeadlineNotices(world.handle.db, now);
    const db = world.handle.db;
    const counts = await deliverPendingNotifications(db, (mail) => recordOutgoingMail(db, mail));
    expect(counts.none).toBeGreaterThanOrEqual(1);
    const [bad] = await notificationsOf("official-bad", "deadline-reminder");
    expect(bad?.mailState).toBe("none");
    const [good] = await notificationsOf(OFFICIAL.id, "deadline-reminder").then((rows) =>
      rows.filter((row) => row.eventKey === "deadline-reminder:2026Q4:HB-HS:1d"),
    );
    expect(good?.mailState).toBe("queued");
  });
});
