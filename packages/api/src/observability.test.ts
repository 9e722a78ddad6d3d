import { currentRequest, newRequestContext, runWithRequest } from "@zones/telemetry/context";
import { registry } from "@zones/telemetry/metrics";
import { captureLogs } from "@zones/telemetry/testing";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openTestWorld, RecordedExportJobs } from "./test-fixtures";
import { answer, procedureRequest } from "./test-http";
import { useTestWorld } from "./test-world";

const world = useTestWorld();
let capture: ReturnType<typeof captureLogs> | null = null;

afterEach(() => {
  capture?.stop();
  capture = null;
});

/** The procedure lines written since the capture began. */
const procedureLines = () => (capture?.lines() ?? []).filter((line) => line.msg === "procedure");

/** The count of the procedure's latency histogram, 0 before its first call. */
async function callsObserved(procedure: string): Promise<number> {
  const text = await registry.metrics();
  const escaped = procedure.replace(".", "\\.");
  const count = new RegExp(
    `^zones_procedure_duration_seconds_count\\{procedure="${escaped}",type="\\w+"\\} (\\d+)$`,
    "m",
  );
  return Number(count.exec(text)?.[1] ?? 0);
}

describe("each procedure call", () => {
  it("writes one line (procedure, type, status, duration, request id, user id) and is counted", async () => {
    const before = await callsObserved("period.list");
    capture = captureLogs();
    const admin = world.users.admin;
    await runWithRequest(newRequestContext("req-api-1"), () => world.caller(admin).period.list());
    expect(procedureLines()).toEqual([
      {
        level: "info",
        time: expect.any(String),
        pid: process.pid,
        hostname: expect.any(String),
        msg: "procedure",
        procedure: "period.list",
        type: "query",
        status: 200,
        durationMs: expect.any(Number),
        requestId: "req-api-1",
        userId: admin.id,
      },
    ]);
    expect(await callsObserved("period.list")).toBe(before + 1);
    const text = await registry.metrics();
    expect(text).toMatch(
      /^zones_procedure_calls_total\{procedure="period\.list",type="query",status="200"\} \d+$/m,
    );
  });

  it("gives a refused call the status it answers with over HTTP, and a call outside any request an id", async () => {
    capture = captureLogs();
    const { status } = await answer(procedureRequest("user.list", {}), world.context(world.users.viewer));
    const [line] = procedureLines();
    expect(line).toMatchObject({ procedure: "user.list", status, userId: world.users.viewer.id });
    expect(status).toBe(403);
    expect(line?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("logs a fault with its stack and the reference the caller was given, never the SQL's values", async () => {
    const broken = await openTestWorld();
    try {
      // A fault no input causes: a table the procedure writes is gone.
      await broken.handle.db.execute(sql`drop table reporting_periods cascade`);
      capture = captureLogs();
      const deadline = "2031-04-25";
      const { status, body } = await answer(
        procedureRequest("period.update", { quarter: "2031Q1", status: "not_open", deadline }),
        broken.context(broken.users.admin),
      );
      expect(status).toBe(500);
      const reference = JSON.parse(body).error.json.data.reference;
      const lines = capture.lines();
      expect(lines.find((line) => line.msg === "procedure failed")).toMatchObject({
        level: "error",
        procedure: "period.update",
        reference,
        err: { stack: expect.stringMatching(/reporting_periods[\s\S]*\n\s+at /) },
      });
      expect(lines.find((line) => line.msg === "procedure")).toMatchObject({ status: 500, level: "error" });
      expect(capture.text()).not.toContain(deadline);
    } finally {
      await broken.handle.close();
    }
  });

  it("starts an export whose job carries the request's id", async () => {
    const seen: (string | null)[] = [];
    const jobs = new (class extends RecordedExportJobs {
      override async enqueueRun(runId: string) {
        seen.push(currentRequest()?.requestId ?? null);
        await super.enqueueRun(runId);
      }
    })();
    await runWithRequest(newRequestContext("req-export-7"), () =>
      world.caller(world.users.admin, jobs).exports.runs.start({
        filters: { zoneCodes: ["HB-HS"], indicatorCodes: ["gdp"], from: "2025Q1", to: "2025Q4" },
      }),
    );
    expect(seen).toEqual(["req-export-7"]);
  });
});
