import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { openTestWorld } from "./test-fixtures";
import { answer, databaseFingerprint, procedureRequest } from "./test-http";
import { useTestWorld } from "./test-world";

async function refusal(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describe("hostile and faulty input", () => {
  const world = useTestWorld();

  it("refuses a NUL or a broken UTF-16 half in any text with 400, naming the field, before the database", async () => {
    const context = world.context(world.users.admin);
    const before = await databaseFingerprint(world.handle.db);
    const cases: [string, unknown, string][] = [
      [
        "user.create",
        { email: "a@b.test", name: "A\u0000", role: "viewer", password: "long-enough-pass-1" },
        "name",
      ],
      [
        "submission.save",
        { zoneCode: "HB-HS", quarter: "2026Q3", baseVersion: 0, values: {}, notes: { gdp: "x\ud800" } },
        "notes.gdp",
      ],
      ["exports.schedules.create", { name: "\u0000" }, "name"],
      [
        "submission.return",
        { zoneCode: "HB-HS", quarter: "2026Q3", version: 1, comment: "请\u0000核对" },
        "comment",
      ],
    ];
    for (const [path, input, field] of cases) {
      const { status, body } = await answer(procedureRequest(path, input), context);
      expect(status, path).toBe(400);
      expect(JSON.parse(body).error.json.message, path).toMatch(
        new RegExp(`^${field.replace(".", "\\.")}：`),
      );
    }
    expect(await databaseFingerprint(world.handle.db)).toEqual(before);
  });

  it("refuses a deadline in year 0 (or any outside 2000–2099) with 400 naming deadline", async () => {
    const admin = world.caller(world.users.admin);
    for (const deadline of ["0000-01-01", "1999-12-31", "2100-01-01"]) {
      const error = await refusal(admin.period.update({ quarter: "2030Q1", status: "not_open", deadline }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toContain("deadline: must be a date from 2000 to 2099");
    }
    await expect(
      admin.period.update({ quarter: "2030Q1", status: "not_open", deadline: "2030-04-25" }),
    ).resolves.toBeDefined();
  });

  it("answers two simultaneous creations of one account with a conflict, never a server error", async () => {
    const context = world.context(world.users.admin);
    const input = { email: "twice@race.test", name: "Twice", role: "viewer", password: "race-password-2026" };
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => answer(procedureRequest("user.create", input), context)),
    );
    const statuses = answers.map((reply) => reply.status).sort();
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(3);
  });

  it("gives a fault on our side as a generic message with a reference, never the SQL or its parameters", async () => {
    const broken = await openTestWorld();
    try {
      // A fault no input causes: a table the procedure reads is gone.
      await broken.handle.db.execute(sql`drop table reporting_periods cascade`);
      const { status, body } = await answer(
        procedureRequest("period.list", {}),
        broken.context(broken.users.admin),
      );
      expect(status).toBe(500);
      const error = JSON.parse(body).error.json;
      expect(error.message).toMatch(/^服务器内部错误.*编号 [0-9a-f]{8}/);
      expect(error.data.reference).toMatch(/^[0-9a-f]{8}$/);
      expect(body).not.toMatch(/select|reporting_periods|relation|params/i);
      // No stack trace either (a path on the server, a line of our code).
      expect(error.data.stack ?? null).toBeNull();
      expect(body).not.toMatch(/\.ts:\d+|node_modules/);
    } finally {
      await broken.handle.close();
    }
  });
});
