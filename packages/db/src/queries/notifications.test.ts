import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import type { DatabaseHandle } from "../client";
import { rowsOf } from "../rows";
import { notifications, reportingPeriods, submissions, users, userZones } from "../schema";
import { seedCatalogue } from "../seed/catalogue";
import type { SubmissionActor } from "../submissions/actor";
import { saveSubmissionDraft } from "../submissions/save-draft";
import { transitionSubmission } from "../submissions/transitions";
import { createTestDatabase, testEngine } from "../testing";
import {
  getNotificationPreferences,
  listNotifications,
  markAllNotificationsRead,
  markNotificationsRead,
  pendingNotificationMail,
  recordExportFailed,
  recordZoneEvent,
  setNotificationPreferences,
  unreadCount,
  zonesNotSubmitted,
} from "./notifications";

const official: SubmissionActor = { id: "n-official", role: "official", ownsZone: true };
const reviewer: SubmissionActor = { id: "n-reviewer", role: "reviewer", ownsZone: false };
const ZONE = "HB-HS";
const OPEN = "2026Q3";

describe(`notifications in the database (${testEngine()})`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedCatalogue(handle.db);
    await handle.db.insert(users).values([
      { id: official.id, name: "黄石填报员", email: "o@t.test", role: "official" },
      { id: "n-other", name: "辽宁填报员", email: "l@t.test", role: "official" },
      { id: reviewer.id, name: "审核员", email: "r@t.test", role: "reviewer" },
      { id: "n-admin", name: "管理员", email: "a@t.test", role: "admin" },
      { id: "n-gone", name: "停用审核员", email: "g@t.test", role: "reviewer", disabled: true },
      { id: "n-viewer", name: "查看员", email: "v@t.test", role: "viewer" },
    ]);
    await handle.db.insert(userZones).values([
      { userId: official.id, zoneCode: ZONE },
      { userId: "n-other", zoneCode: "LN-C" },
    ]);
  });
  afterAll(async () => {
    await handle.close();
  });
  beforeEach(async () => {
    await handle.db.delete(notifications);
    await handle.db.delete(submissions);
    await handle.db.delete(reportingPeriods);
    await handle.db
      .insert(reportingPeriods)
      .values([{ quarter: OPEN, status: "open", deadline: "2026-10-25" }]);
  });

  async function recipientsOf(kind: string) {
    return rowsOf<{ recipient: string }>(
      await handle.db.execute(
        sql`select recipient_id as recipient from notifications where kind = ${kind} order by recipient_id`,
      ),
    ).map((row) => row.recipient);
  }

  async function submitted() {
    await saveSubmissionDraft(handle.db, {
      zoneCode: ZONE,
      quarter: OPEN,
      baseVersion: 0,
      values: { gdp: "100" },
      notes: {},
      actor: official,
      source: "form",
    });
    return transitionSubmission(handle.db, {
      zoneCode: ZONE,
      quarter: OPEN,
      action: "submit",
      version: 1,
      actor: official,
    });
  }

  it("a submit tells the enabled reviewers and admins, in its own transaction", async () => {
    await submitted();
    expect(await recipientsOf("submitted")).toEqual(["n-admin", "n-reviewer"]);
    const [row] = await handle.db.select().from(notifications).limit(1);
    expect(row?.eventKey).toBe(`submitted:${ZONE}:${OPEN}:v2`);
    expect(row?.payload).toMatchObject({ zoneCode: ZONE, quarter: OPEN, submittedBy: "黄石填报员" });
  });

  it("a refused step tells no one", async () => {
    await submitted();
    await expect(
      transitionSubmission(handle.db, {
        zoneCode: ZONE,
        quarter: OPEN,
        action: "approve",
        version: 1,
        actor: reviewer,
      }),
    ).rejects.toMatchObject({ name: "ZonesError" });
    expect(await recipientsOf("approved")).toEqual([]);
  });

  it("a return tells the zone's own official the reason and the comments; an approval likewise", async () => {
    await submitted();
    await transitionSubmission(handle.db, {
      zoneCode: ZONE,
      quarter: OPEN,
      action: "return",
      version: 2,
      actor: reviewer,
      comment: "口径不一致",
      reviewNotes: { gdp: "请核对" },
    });
    expect(await recipientsOf("returned")).toEqual([official.id]);
    const [returned] = await handle.db.select().from(notifications).where(sql`kind = 'returned'`);
    expect(returned?.payload).toEqual({
      zoneCode: ZONE,
      quarter: OPEN,
      reason: "口径不一致",
      notes: { gdp: "请核对" },
    });
    await transitionSubmission(handle.db, {
      zoneCode: ZONE,
      quarter: OPEN,
      action: "submit",
      version: 3,
      actor: official,
    });
    await transitionSubmission(handle.db, {
      zoneCode: ZONE,
      quarter: OPEN,
      action: "approve",
      version: 4,
      actor: reviewer,
    });
    expect(await recipientsOf("approved")).toEqual([official.id]);
    expect(await recipientsOf("submitted")).toHaveLength(4);
  });

  it("an event recorded twice is one notification per recipient", async () => {
    const event = {
      kind: "overdue" as const,
      eventKey: `overdue:${OPEN}:${ZONE}:-1d`,
      zoneCode: ZONE,
      payload: { zoneCode: ZONE, quarter: OPEN, deadline: "2026-10-25" },
    };
    const [first, second] = await Promise.all([
      recordZoneEvent(handle.db, event),
      recordZoneEvent(handle.db, event),
    ]);
    expect((first?.inserted ?? 0) + (second?.inserted ?? 0)).toBe(1);
    expect(await recipientsOf("overdue")).toEqual([official.id]);
  });

  it("tells a schedule's owner of a failed export once per run", async () => {
    const failure = {
      runId: "run-1",
      ownerId: reviewer.id,
      scheduleId: "s-1",
      scheduleName: "季度汇总",
      reason: "磁盘已满",
    };
    expect((await recordExportFailed(handle.db, failure)).inserted).toBe(1);
    expect((await recordExportFailed(handle.db, failure)).inserted).toBe(0);
    expect(await recipientsOf("export-failed")).toEqual([reviewer.id]);
  });

  it("finds the zones that have not submitted when a deadline is a given number of days away", async () => {
    await submitted();
    const sevenBefore = new Date("2026-10-18T01:00:00Z");
    const due = await zonesNotSubmitted(handle.db, [7, 1, -1], sevenBefore);
    expect(due.every((row) => row.daysLeft === 7 && row.quarter === OPEN)).toBe(true);
    expect(due.map((row) => row.zoneCode)).not.toContain(ZONE);
    expect(due.map((row) => row.zoneCode)).toContain("LN-C");
    expect(await zonesNotSubmitted(handle.db, [7, 1, -1], new Date("2026-10-20T01:00:00Z"))).toEqual([]);
    // Beijing's date: 16:30 UTC on the 25th is already the 26th there, the day after the deadline.
    const after = await zonesNotSubmitted(handle.db, [-1], new Date("2026-10-25T16:30:00Z"));
    expect(after.length).toBeGreaterThan(0);
  });

  it("lists a user's own notifications newest first, counts and marks them read only for their owner", async () => {
    await submitted();
    await transitionSubmission(handle.db, {
      zoneCode: ZONE,
      quarter: OPEN,
      action: "return",
      version: 2,
      actor: reviewer,
      comment: "x",
    });
    await transitionSubmission(handle.db, {
      zoneCode: ZONE,
      quarter: OPEN,
      action: "submit",
      version: 3,
      actor: official,
    });
    const page = await listNotifications(handle.db, reviewer.id, { page: 1, pageSize: 1 });
    expect(page.total).toBe(2);
    expect(page.unread).toBe(2);
    expect(page.rows).toHaveLength(1);
    expect(page.rows[0]?.payload).toMatchObject({ quarter: OPEN });
    const second = await listNotifications(handle.db, reviewer.id, { page: 2, pageSize: 1 });
    expect(second.rows[0]?.id).not.toBe(page.rows[0]?.id);

    const mine = page.rows[0]?.id ?? "";
    // The official may not mark the reviewer's notification read.
    expect(await markNotificationsRead(handle.db, official.id, [mine])).toBe(0);
    expect(await unreadCount(handle.db, reviewer.id)).toBe(2);
    expect(await markNotificationsRead(handle.db, reviewer.id, [mine])).toBe(1);
    expect(await unreadCount(handle.db, reviewer.id)).toBe(1);
    expect(await markAllNotificationsRead(handle.db, reviewer.id)).toBe(1);
    expect(await unreadCount(handle.db, reviewer.id)).toBe(0);
    expect(await unreadCount(handle.db, official.id)).toBe(1);
  });

  it("keeps preferences per user, defaults until set, and hands them to the mail of pending notifications", async () => {
    expect(await getNotificationPreferences(handle.db, official.id)).toEqual({
      language: "zh-CN",
      schedule: "immediate",
      mailOff: [],
    });
    const set = await setNotificationPreferences(handle.db, official.id, {
      language: "en",
      schedule: "daily",
      mailOff: ["approved", "approved"],
    });
    expect(set).toEqual({ language: "en", schedule: "daily", mailOff: ["approved"] });
    await setNotificationPreferences(handle.db, official.id, {
      language: "en",
      schedule: "immediate",
      mailOff: [],
    });
    expect((await getNotificationPreferences(handle.db, official.id)).schedule).toBe("immediate");

    await submitted();
    const pending = await pendingNotificationMail(handle.db, 10);
    expect(pending.map((row) => row.recipientId).sort()).toEqual(["n-admin", "n-reviewer"]);
    expect(pending[0]?.event.kind).toBe("submitted");
    expect(pending[0]?.preferences.language).toBe("zh-CN");
  });
});
