import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { SessionUser } from "@zones/auth";
import { exportSchedules, users } from "@zones/db/schema";
import { type TExportFiltersInput, ZScheduleDeliverySchema } from "@zones/exports";
import { downloadLinkKey, signDownloadToken } from "@zones/exports/delivery-token";
import type { TExportScheduleInput } from "@zones/exports/schedules";
import { LocalExportStorage } from "@zones/storage";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { useTestWorld } from "../test-world";
import { exportRunTokenDownload } from "./run-file";
import { storeFinishedRun } from "./test-runs";

const world = useTestWorld();
let dir: string;
let storage: LocalExportStorage;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "zones-delivery-"));
  storage = new LocalExportStorage(dir);
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const KEY = downloadLinkKey("k".repeat(40));
const BYTES = Buffer.from("\uFEFF示范区,指标\nHB-HS,1234.5\n", "utf8");
const SCHEDULE = {
  name: "送达测试",
  trigger: { kind: "weekly", weekday: 1, hour: 8 },
  zoneCodes: ["HB-HS"],
  indicatorCodes: ["gdp"],
  quarters: { kind: "recent", count: 4 },
} satisfies TExportScheduleInput;

/** A finished run of `user` (HB-HS gdp unless `filters` say otherwise) whose file is BYTES. */
async function finishedRun(user: SessionUser, filters: Partial<TExportFiltersInput>): Promise<string> {
  return (await storeFinishedRun(world.handle.db, storage, user, BYTES, filters)).id;
}

const inAWeek = () => new Date(Date.now() + 7 * 24 * 3600 * 1000);

async function refusal(call: Promise<Response>): Promise<{ code: string; key: string } | null> {
  return call.then(
    () => null,
    (error: { code: string; key: string }) => ({ code: error.code, key: error.key }),
  );
}

describe("schedule recipients", () => {
  it("refuses an outside address until an admin allows its domain, naming the field", async () => {
    const { reviewer, admin } = world.users;
    const caller = world.caller(reviewer);
    const input = { ...SCHEDULE, delivery: { addresses: ["li@partner-a.gov.cn"] } };
    const refused = await caller.exports.schedules.create(input).then(
      () => null,
      (error: { cause?: { issues?: Array<{ path: string[] }> }; message: string }) => error,
    );
    expect(refused?.message).toMatch(/delivery\.addresses/);
    expect(JSON.stringify(refused?.cause)).toContain('"delivery","addresses","0"');
    await world.caller(admin).delivery.addDomain({ domain: "Partner-A.gov.cn" });
    expect((await caller.delivery.domains()).domains).toContain("partner-a.gov.cn");
    const created = await caller.exports.schedules.create(input);
    expect(created.delivery.addresses).toEqual(["li@partner-a.gov.cn"]);
    await expect(
      world.caller(reviewer).delivery.addDomain({ domain: "x.example.gov.cn" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(world.caller(admin).delivery.addDomain({ domain: "not a domain" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("refuses an account that does not exist, and names the accounts it keeps", async () => {
    const caller = world.caller(world.users.reviewer);
    await expect(
      caller.exports.schedules.create({ ...SCHEDULE, delivery: { accounts: ["no-such-user"] } }),
    ).rejects.toThrow(/delivery\.accounts/);
    const created = await caller.exports.schedules.create({
      ...SCHEDULE,
      delivery: { accounts: [world.users.official.id] },
    });
    expect(created.recipientAccounts).toEqual([
      { id: world.users.official.id, name: "official", email: world.users.official.email },
    ]);
  });

  it("gives a webhook without a secret one, shown once; an edit keeps it; lists never show it", async () => {
    const caller = world.caller(world.users.reviewer);
    const url = "https://hooks.example.gov.cn/zones";
    const created = await caller.exports.schedules.create({ ...SCHEDULE, delivery: { webhooks: [{ url }] } });
    expect(created.newSecrets).toHaveLength(1);
    const secret = created.newSecrets[0]?.secret ?? "";
    expect(secret.length).toBeGreaterThanOrEqual(16);
    expect(JSON.stringify(created.delivery)).not.toContain(secret);
    const updated = await caller.exports.schedules.update({
      id: created.id,
      schedule: { ...SCHEDULE, name: "改名", delivery: { webhooks: [{ url }] } },
    });
    expect(updated.newSecrets).toEqual([]);
    const [stored] = await world.handle.db
      .select({ delivery: exportSchedules.delivery })
      .from(exportSchedules)
      .where(eq(exportSchedules.id, created.id));
    expect(ZScheduleDeliverySchema.parse(stored?.delivery).webhooks).toEqual([{ url, secret }]);
    const listed = await caller.exports.schedules.list({ page: 1 });
    expect(JSON.stringify(listed)).not.toContain(secret);
  });
});

describe("download by signed link", () => {
  it("gives the file to the link's holder, without a session", async () => {
    const runId = await finishedRun(world.users.reviewer, {});
    const token = signDownloadToken(KEY, {
      runId,
      recipient: { address: "li@partner-a.gov.cn" },
      expiresAt: inAWeek(),
    });
    const response = await exportRunTokenDownload(world.handle.db, storage, KEY, runId, token);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(BYTES);
  });

  it("refuses a link expired, changed, for another run, or signed with another key", async () => {
    const runId = await finishedRun(world.users.reviewer, {});
    const other = await finishedRun(world.users.reviewer, {});
    const recipient = { address: "li@partner-a.gov.cn" };
    const expired = signDownloadToken(KEY, { runId, recipient, expiresAt: new Date(Date.now() - 1000) });
    expect(await refusal(exportRunTokenDownload(world.handle.db, storage, KEY, runId, expired))).toEqual({
      code: "forbidden",
      key: "exports.linkExpired",
    });
    const valid = signDownloadToken(KEY, { runId, recipient, expiresAt: inAWeek() });
    const tampered = `${valid.slice(0, 10)}${valid[10] === "A" ? "B" : "A"}${valid.slice(11)}`;
    for (const [id, token, key] of [
      [runId, tampered, KEY],
      [other, valid, KEY],
      [runId, valid, downloadLinkKey("z".repeat(40))],
      [runId, "", KEY],
      ["../../etc/passwd", valid, KEY],
    ] as const) {
      expect(await refusal(exportRunTokenDownload(world.handle.db, storage, key, id, token))).toEqual({
        code: "forbidden",
        key: "exports.linkInvalid",
      });
    }
  });

  it("checks an account's rights again: a link of one who lost them is refused", async () => {
    const { official } = world.users;
    // Submitted data of the official's own zone: theirs to export while they are its official.
    const runId = await finishedRun(official, { statuses: ["approved", "submitted"] });
    const token = signDownloadToken(KEY, { runId, recipient: { userId: official.id }, expiresAt: inAWeek() });
    expect((await exportRunTokenDownload(world.handle.db, storage, KEY, runId, token)).status).toBe(200);
    await world.handle.db.update(users).set({ role: "viewer" }).where(eq(users.id, official.id));
    try {
      expect(await refusal(exportRunTokenDownload(world.handle.db, storage, KEY, runId, token))).toEqual({
        code: "forbidden",
        key: "exports.linkRefused",
      });
    } finally {
      await world.handle.db.update(users).set({ role: "official" }).where(eq(users.id, official.id));
    }
    await world.handle.db.update(users).set({ disabled: true }).where(eq(users.id, official.id));
    try {
      expect(await refusal(exportRunTokenDownload(world.handle.db, storage, KEY, runId, token))).toEqual({
        code: "forbidden",
        key: "exports.linkRefused",
      });
    } finally {
      await world.handle.db.update(users).set({ disabled: false }).where(eq(users.id, official.id));
    }
  });
});
