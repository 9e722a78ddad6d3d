import { TRPCError } from "@trpc/server";
import type { Role, SessionUser } from "@zones/auth";
import type { DatabaseHandle } from "@zones/db/client";
import { seedDatabase } from "@zones/db/seed";
import { createTestDatabase, testEngine } from "@zones/db/testing";
import { renderEvent } from "@zones/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createCaller } from "../root";
import { contextFor, createRoleUsers, RecordedExportJobs, testAuth } from "../test-fixtures";

const NOW = new Date("2026-11-28T10:00:00+08:00");
const KEY = { zoneCode: "HB-HS", quarter: "2026Q3" } as const;

async function refusal(call: Promise<unknown>): Promise<string> {
  const error = await call.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  return error instanceof TRPCError ? `${error.code}: ${error.message}` : String(error);
}

describe(`notifications through the API (${testEngine()})`, () => {
  let handle: DatabaseHandle;
  let users: Record<Role, SessionUser>;
  let auth: ReturnType<typeof testAuth>;
  const jobs = new RecordedExportJobs();

  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedDatabase(handle.db, { now: NOW });
    auth = testAuth(handle.db);
    users = await createRoleUsers(auth, handle.db);
    // HB-HS 2026Q3 as a complete draft (last year's figures, each explained), ready to submit.
    await handle.db.execute(sql`delete from submissions where zone_code = 'HB-HS' and quarter = '2026Q3'`);
    await handle.db.execute(sql`
      insert into submissions (zone_code, quarter, status, version) values ('HB-HS', '2026Q3', 'draft', 5)`);
    await handle.db.execute(sql`
      insert into observations (zone_code, indicator_code, quarter, value, note)
      select zone_code, indicator_code, '2026Q3', value, '与上年同期持平'
      from observations where zone_code = 'HB-HS' and quarter = '2025Q3'`);
  });
  afterAll(async () => {
    await handle.close();
  });

  const callerOf = (role: Role) =>
    createCaller({ ...contextFor(handle.db, auth, users[role], jobs), locale: "zh-CN" });

  it("a submit puts one unread notification in the reviewer's list and asks for its mail; only the owner marks it read", async () => {
    const official = callerOf("official");
    const reviewer = callerOf("reviewer");
    const before = await reviewer.notifications.unreadCount();
    await official.submission.submit({ ...KEY, version: 5 });
    expect(jobs.deliveries).toBe(1);
    expect((await reviewer.notifications.unreadCount()).unread).toBe(before.unread + 1);
    const list = await reviewer.notifications.list({});
    const [newest] = list.items;
    expect(newest?.kind).toBe("submitted");
    expect(renderEvent({ kind: "submitted", payload: newest?.payload as never }, "zh-CN").path).toBe(
      "/review/HB-HS/2026Q3",
    );
    // The official's own list has nothing of it; their marking the reviewer's changes nothing.
    expect((await official.notifications.list({})).items.map((item) => item.id)).not.toContain(newest?.id);
    expect(await official.notifications.markRead({ ids: [newest?.id ?? ""] })).toEqual({ changed: 0 });
    expect(await reviewer.notifications.markRead({ ids: [newest?.id ?? ""] })).toEqual({ changed: 1 });
    await reviewer.notifications.markAllRead();
    expect((await reviewer.notifications.unreadCount()).unread).toBe(0);

    await reviewer.submission.return({ ...KEY, version: 6, comment: "请核对", notes: { gdp: "偏高" } });
    expect(jobs.deliveries).toBe(2);
    const [returned] = (await official.notifications.list({})).items;
    expect(returned).toMatchObject({
      kind: "returned",
      payload: { reason: "请核对", notes: { gdp: "偏高" } },
    });
  });

  it("keeps each user's preferences, defaults until set", async () => {
    const viewer = callerOf("viewer");
    expect(await viewer.notifications.preferences.get()).toEqual({
      language: "zh-CN",
      schedule: "immediate",
      mailOff: [],
    });
    await viewer.notifications.preferences.update({
      language: "en",
      schedule: "daily",
      mailOff: ["approved"],
    });
    expect(await viewer.notifications.preferences.get()).toEqual({
      language: "en",
      schedule: "daily",
      mailOff: ["approved"],
    });
    expect((await callerOf("admin").notifications.preferences.get()).language).toBe("zh-CN");
  });

  it("refuses hostile input naming the field, never with a server error", async () => {
    const viewer = callerOf("viewer");
    expect(await refusal(viewer.notifications.markRead({ ids: ["1; drop table notifications"] }))).toMatch(
      /^BAD_REQUEST: [\s\S]*ids/,
    );
    expect(await refusal(viewer.notifications.markRead({ ids: [] }))).toMatch(/^BAD_REQUEST: [\s\S]*ids/);
    expect(await refusal(viewer.notifications.list({ page: 0 }))).toMatch(/^BAD_REQUEST: [\s\S]*page/);
    expect(
      await refusal(
        viewer.notifications.preferences.update({ language: "fr" as never, schedule: "daily", mailOff: [] }),
      ),
    ).toMatch(/^BAD_REQUEST: [\s\S]*language/);
    expect(
      await refusal(
        viewer.notifications.preferences.update({
          language: "en",
          schedule: "hourly" as never,
          mailOff: ["spam" as never],
        }),
      ),
    ).toMatch(/^BAD_REQUEST: [\s\S]*(schedule|mailOff)/);
    expect(
      await refusal(createCaller(contextFor(handle.db, auth, null)).notifications.unreadCount()),
    ).toMatch(/^UNAUTHORIZED/);
  });
});
