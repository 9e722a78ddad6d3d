import { MAIL_ATTACHMENTS_MAX_BYTES } from "@zones/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DatabaseHandle } from "../client";
import { createTestDatabase } from "../testing";
import {
  claimMail,
  getMail,
  listMail,
  MailAttachmentsTooLargeError,
  type MailRecordInput,
  recordMail,
  recordMailFailure,
  recordMailSent,
} from "./mail";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

const BYTES = Buffer.from([0, 1, 2, 254, 255, ...Buffer.from("黄石", "utf8")]);

function message(dedupeKey: string, change: Partial<MailRecordInput> = {}): MailRecordInput {
  return {
    dedupeKey,
    toAddress: "huangshi@example.gov.cn",
    language: "zh-CN",
    subject: "季度提醒",
    text: "请填报。",
    ...change,
  };
}

describe("mail messages", () => {
  it("records one message per dedupe key, with its attachments byte for byte", async () => {
    const input = message("event-1:user-1", {
      attachments: [{ filename: "黄石.csv", contentType: "text/csv", content: BYTES }],
    });
    const [first, second] = await Promise.all([recordMail(handle.db, input), recordMail(handle.db, input)]);
    expect(first.id).toBe(second.id);
    expect([first.created, second.created].sort()).toEqual([false, true]);
    const stored = await getMail(handle.db, first.id);
    expect(stored).toMatchObject({
      status: "queued",
      attachments: [{ filename: "黄石.csv", contentType: "text/csv", size: BYTES.byteLength }],
    });
    const claimed = await claimMail(handle.db, first.id, 60);
    expect(claimed?.attachments).toEqual([{ filename: "黄石.csv", contentType: "text/csv", content: BYTES }]);
  });

  it("refuses attachments above the limit", async () => {
    const content = Buffer.alloc(MAIL_ATTACHMENTS_MAX_BYTES + 1);
    await expect(
      recordMail(handle.db, message("too-large", { attachments: [{ filename: "big.bin", content }] })),
    ).rejects.toThrow(MailAttachmentsTooLargeError);
  });

  it("lets one claimer take a message, and a retry after it was sent take nothing", async () => {
    const { id } = await recordMail(handle.db, message("event-2:user-1"));
    const claims = await Promise.all([claimMail(handle.db, id, 60), claimMail(handle.db, id, 60)]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    await recordMailSent(handle.db, id, { via: "smtp", response: "250 OK", messageId: "<a@b>" });
    expect(await claimMail(handle.db, id, 0)).toBeNull();
    expect(await getMail(handle.db, id)).toMatchObject({ status: "sent", response: "250 OK", attempts: 1 });
  });

  it("gives a dead worker's message to the next claimer once its claim is stale", async () => {
    const { id } = await recordMail(handle.db, message("event-3:user-1"));
    expect(await claimMail(handle.db, id, 60)).not.toBeNull();
    expect(await claimMail(handle.db, id, 60)).toBeNull();
    await handle.db.execute(
      sql`update mail_messages set claimed_at = now() - interval '2 minutes' where id = ${id}`,
    );
    expect((await claimMail(handle.db, id, 60))?.attempts).toBe(2);
  });

  it("queues a message again after a passing failure and fails it for good after a final one", async () => {
    const { id } = await recordMail(handle.db, message("event-4:user-1"));
    await claimMail(handle.db, id, 60);
    await recordMailFailure(handle.db, id, { answer: "421 try later", final: false });
    expect(await getMail(handle.db, id)).toMatchObject({ status: "queued", lastError: "421 try later" });
    await claimMail(handle.db, id, 60);
    await recordMailFailure(handle.db, id, { answer: "550 no such user", final: true });
    expect(await getMail(handle.db, id)).toMatchObject({ status: "failed", lastError: "550 no such user" });
    expect(await claimMail(handle.db, id, 0)).toBeNull();
  });

  it("lists newest first, a page at a time", async () => {
    const { rows, total } = await listMail(handle.db, { page: 1, pageSize: 2 });
    expect(total).toBe(4);
    expect(rows.map((row) => row.subject)).toHaveLength(2);
    const all = await listMail(handle.db, { page: 1, pageSize: 10 });
    const times = all.rows.map((row) => row.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect((await listMail(handle.db, { page: 2, pageSize: 2 })).rows.map((row) => row.id)).toEqual(
      all.rows.slice(2, 4).map((row) => row.id),
    );
  });
});
