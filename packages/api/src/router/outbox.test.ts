import { TRPCError } from "@trpc/server";
import { recordMail } from "@zones/db/mail";
import { OUTBOX_PAGE_SIZE } from "@zones/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openTestWorld, type TestWorld } from "../test-fixtures";

let world: TestWorld;
beforeAll(async () => {
  world = await openTestWorld();
});
afterAll(async () => {
  await world.handle.close();
});

async function refusal(call: Promise<unknown>): Promise<string> {
  const error = await call.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  return error instanceof TRPCError ? error.code : String(error);
}

describe("the outbox", () => {
  it("shows admins every message newest first, a page at a time, and one message whole", async () => {
    const ids: string[] = [];
    for (let index = 0; index <= OUTBOX_PAGE_SIZE; index += 1) {
      const { id } = await recordMail(world.handle.db, {
        dedupeKey: `outbox-test:${index}`,
        toAddress: `user${index}@example.gov.cn`,
        language: "zh-CN",
        subject: `提醒 ${index}`,
        text: "请填报。",
        html: "<p>请填报。<script>alert(1)</script></p>",
      });
      ids.push(id);
    }
    const admin = world.caller(world.users.admin);
    const first = await admin.outbox.list({});
    expect(first).toMatchObject({ total: OUTBOX_PAGE_SIZE + 1, page: 1, pageSize: OUTBOX_PAGE_SIZE });
    expect(first.items).toHaveLength(OUTBOX_PAGE_SIZE);
    expect(first.items[0]).toMatchObject({ subject: `提醒 ${OUTBOX_PAGE_SIZE}`, status: "queued" });
    const second = await admin.outbox.list({ page: 2 });
    expect(second.items.map((item) => item.subject)).toEqual(["提醒 0"]);

    const shown = await admin.outbox.get({ id: ids[0] ?? "" });
    expect(shown).toMatchObject({
      toAddress: "user0@example.gov.cn",
      text: "请填报。",
      html: "<p>请填报。<script>alert(1)</script></p>",
      attachments: [],
    });
  });

  it("refuses everyone but admins, a page that is no page, and an id that is none", async () => {
    for (const role of ["viewer", "official", "reviewer"] as const) {
      expect(await refusal(world.caller(world.users[role]).outbox.list({}))).toBe("FORBIDDEN");
    }
    expect(await refusal(world.caller(null).outbox.list({}))).toBe("UNAUTHORIZED");
    const admin = world.caller(world.users.admin);
    expect(await refusal(admin.outbox.list({ page: 0 }))).toBe("BAD_REQUEST");
    expect(await refusal(admin.outbox.get({ id: "not-an-id" }))).toBe("BAD_REQUEST");
    expect(await refusal(admin.outbox.get({ id: "00000000-0000-4000-8000-000000000000" }))).toBe("NOT_FOUND");
  });
});
