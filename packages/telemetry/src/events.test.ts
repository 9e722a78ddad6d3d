import { afterEach, describe, expect, it } from "vitest";

import { newRequestContext, runWithRequest } from "./context.mjs";
import { events } from "./events.mjs";
import { captureLogs } from "./testing.mjs";

describe("lifecycle events", () => {
  let capture: ReturnType<typeof captureLogs> | null = null;
  afterEach(() => capture?.stop());

  it("are lines of the process logger: level, time, the event's name, its message and fields", () => {
    capture = captureLogs("info");
    events.info("worker.started", { database: "postgres://zones@db:5432/zones", metrics: null });
    events.warn("migrations.pending", { msg: "not ready until `npm run db:migrate`", missing: ["0007_x"] });
    events.error("config.invalid", { msg: "DATABASE_URL is missing", variables: ["DATABASE_URL"] });
    const [started, pending, invalid] = capture.lines();
    expect(started).toMatchObject({
      level: "info",
      event: "worker.started",
      msg: "worker.started",
      metrics: null,
    });
    expect(typeof started?.time).toBe("string");
    expect(typeof started?.pid).toBe("number");
    expect(pending).toMatchObject({ level: "warn", event: "migrations.pending", missing: ["0007_x"] });
    expect(pending?.msg).toMatch(/^not ready/);
    expect(invalid).toMatchObject({ level: "error", event: "config.invalid", variables: ["DATABASE_URL"] });
  });

  it("carry the request's id when written for one, and never a secret", () => {
    capture = captureLogs("info");
    runWithRequest(newRequestContext("req-ready"), () =>
      events.warn("health.not-ready", { problems: ["database: down"], password: "hunter2-hunter2" }),
    );
    const [line] = capture.lines();
    expect(line).toMatchObject({ event: "health.not-ready", requestId: "req-ready", password: "[redacted]" });
    expect(capture.text()).not.toContain("hunter2");
  });

  it("follow the level: below it, nothing is written", () => {
    capture = captureLogs("warn");
    events.info("health.ready");
    events.warn("database.unavailable", { attempt: 1 });
    expect(capture.lines().map((line) => line.event)).toEqual(["database.unavailable"]);
  });
});
