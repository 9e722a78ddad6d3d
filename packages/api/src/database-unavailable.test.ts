import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { SessionUser } from "@zones/auth";
import { type DatabaseHandle, openPostgres } from "@zones/db/client";
import { closedPort } from "@zones/db/testing";
import { registry } from "@zones/telemetry/metrics";
import { captureLogs } from "@zones/telemetry/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { SERVER_MESSAGES } from "./messages";
import { appRouter } from "./root";
import { contextFor, testAuth } from "./test-fixtures";
import { answer, procedureRequest } from "./test-http";

const ADMIN: SessionUser = {
  id: "00000000-0000-4000-8000-000000000001",
  email: "admin@unavailable.test",
  name: "admin",
  role: "admin",
  zoneCodes: [],
  mustChangePassword: false,
  twoFactorEnabled: false,
  twoFactorRequired: false,
};

/** What the caller must never see of the fault: the driver's words, the server's address, a stack. */
const NOTHING_OF_THE_FAULT = /ECONNREFUSED|127\.0\.0\.1|CONNECTION_|select|\bat \S+ \(/;

describe("a database that cannot be reached: 503 with a plain message, never a 500", () => {
  let down: DatabaseHandle;
  beforeAll(async () => {
    down = openPostgres(`postgres://zones@127.0.0.1:${await closedPort()}/zones`);
  });
  afterAll(async () => {
    await down?.close();
  });

  it("from a procedure, in the caller's language, counted and logged as 503", async () => {
    const capture = captureLogs("info");
    try {
      const context = contextFor(down.db, testAuth(down.db), ADMIN);
      const reply = await answer(procedureRequest("period.list", undefined), { ...context, locale: "en" });
      expect(reply.status).toBe(503);
      const body = JSON.parse(reply.body) as { error: { json: { message: string; data: object } } };
      expect(body.error.json.message).toBe(SERVER_MESSAGES.en.databaseUnavailable);
      expect(body.error.json.data).toMatchObject({ code: "SERVICE_UNAVAILABLE", httpStatus: 503 });
      expect(reply.body).not.toMatch(NOTHING_OF_THE_FAULT);
      expect(capture.lines()).toContainEqual(
        expect.objectContaining({ msg: "procedure", procedure: "period.list", status: 503 }),
      );
      // Not a fault: no "procedure failed" line with a stack, no reference.
      expect(capture.lines().map((line) => line.msg)).not.toContain("procedure failed");
      expect(await registry.metrics()).toMatch(
        /^zones_procedure_calls_total\{procedure="period\.list",type="query",status="503"\} \d+$/m,
      );
    } finally {
      capture.stop();
    }
  });

  it("before any procedure ran (the session could not be read), in the app's first language", async () => {
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: procedureRequest("period.list", undefined),
      router: appRouter,
      createContext: async () => {
        // What reading the session cookie does first.
        await down.db.execute(sql`select 1`);
        return contextFor(down.db, testAuth(down.db), ADMIN);
      },
    });
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(text).toContain(SERVER_MESSAGES["zh-CN"].databaseUnavailable);
    expect(text).not.toMatch(NOTHING_OF_THE_FAULT);
  });
});
