/**
 * Several stateless processes behind one proxy (issue 16, docs/scaling.md): two production web processes
 * (`node server.mjs`) behind infra/nginx/zones.conf (round robin), two workers (`npm run worker`), one
 * database. Nothing a request needs may live in one process's memory: sessions, throttles, export runs and
 * their files are shared.
 */
import { readFile } from "node:fs/promises";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@zones/db/seed";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { assertBuilt, type Service } from "../ops/processes";
import { type Client, client, cookiesOf, signIn, trpc } from "./client";
import { BIN_DIR, type Deployment, deploy } from "./deployment";

const email = (role: string) => DEMO_ACCOUNTS.find((account) => account.role === role)?.email ?? "";
const FILTERS = {
  zoneCodes: ["HB-HS", "SD-ZB", "SX-CZ"],
  indicatorCodes: ["gdp", "industrial-va-growth"],
  from: "2024Q1",
  to: "2026Q2",
};

describe("two web processes and two workers behind nginx, a PostgreSQL primary and its streaming replica", () => {
  let world: Deployment;
  let proxy: Client;

  beforeAll(async () => {
    assertBuilt();
    if (!BIN_DIR)
      throw new Error(
        "Debian's PostgreSQL tools (initdb, pg_basebackup) are missing: apt-get install postgresql",
      );
    world = await deploy({ webs: 2, workers: 2 });
    proxy = client(world.proxy.url, world.proxy.ca);
  });
  afterAll(async () => {
    await world?.stop();
  });

  /** Which web process logged the request of this id (each has its own log; the line follows the answer). */
  async function servedBy(requestId: string): Promise<number> {
    // (An object: waitUntil takes a falsy result, index 0 too, for "not yet".)
    const found = await vi.waitUntil(() => {
      const index = world.webs.findIndex((web) =>
        web.logs().some((line) => line.msg === "request" && line.requestId === requestId),
      );
      return index < 0 ? null : { index };
    }, 10_000);
    return found.index;
  }

  it("keeps a session on both processes", async () => {
    const answer = await signIn(proxy, email("viewer"), DEMO_PASSWORD);
    expect(answer.status).toBe(200);
    const cookie = cookiesOf(answer);
    const served = new Set<number>();
    for (let request = 0; request < 6; request++) {
      const requestId = `scale-session-${request}`;
      const page = await proxy.send("/zones/HB-HS", { headers: { cookie, "x-request-id": requestId } });
      expect(page.status).toBe(200);
      expect(page.body.toString("utf8")).toContain("湖北黄石");
      served.add(await servedBy(requestId));
    }
    expect([...served].sort()).toEqual([0, 1]);
  });

  it("counts failed sign-ins across both processes", async () => {
    const who = email("official");
    const from = "127.0.0.6";
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await signIn(proxy, who, "not-the-password-2026", from)).status).toBe(401);
    }
    const refused = await signIn(proxy, who, DEMO_PASSWORD, from);
    expect(refused.status).toBe(429);
    // Both processes answered some of the five: the count is the database's, not one process's.
    const failedOn = world.webs.map(
      (web) => web.logs().filter((line) => line.msg === "sign-in failed").length,
    );
    expect(failedOn.every((count) => count > 0)).toBe(true);
    expect(failedOn.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(5);
  });

  it("serves a background export started through one process from the other, as a direct download", async () => {
    const cookie = cookiesOf(await signIn(proxy, email("reviewer"), DEMO_PASSWORD));
    const run = await trpc<{ id: string }>(
      proxy,
      cookie,
      "exports.runs.start",
      { filters: FILTERS, format: "csv" },
      "mutation",
      "scale-start",
    );
    const starter = await servedBy("scale-start");
    await vi.waitUntil(
      async () =>
        (await trpc<{ status: string }>(proxy, cookie, "exports.runs.get", { id: run.id })).status ===
        "succeeded",
      { timeout: 60_000, interval: 250 },
    );
    // Round robin: within a few requests one goes to the other process.
    let file: Buffer | null = null;
    for (let attempt = 0; attempt < 6 && !file; attempt++) {
      const requestId = `scale-download-${attempt}`;
      const answer = await proxy.send(`/api/exports/runs/${run.id}`, {
        headers: { cookie, "x-request-id": requestId },
      });
      expect(answer.status).toBe(200);
      if ((await servedBy(requestId)) !== starter) file = answer.body;
    }
    expect(file).not.toBeNull();
    // Kept in the bucket, not on a disk of the process that wrote it.
    expect((await world.storedFiles()).some((key) => key.startsWith(`scale/${run.id}/`))).toBe(true);
    const direct = client(`http://127.0.0.1:${world.webPorts[starter]}`);
    const query = new URLSearchParams({
      zones: FILTERS.zoneCodes.join(","),
      indicators: FILTERS.indicatorCodes.join(","),
      from: FILTERS.from,
      to: FILTERS.to,
      format: "csv",
    });
    // The session of the proxy's sign-in, sent to a web process itself.
    const streamed = await direct.send(`/api/exports?${query}`, { headers: { cookie } });
    expect(streamed.status).toBe(200);
    expect(file?.equals(streamed.body)).toBe(true);
  });

  it("shows and cancels a run through a web process other than the one that started it", async () => {
    const cookie = cookiesOf(await signIn(proxy, email("reviewer"), DEMO_PASSWORD));
    // Each web process itself, as the proxy's pages would call it.
    const [first, second] = world.webPorts.map((port) =>
      client(`http://127.0.0.1:${port}`, undefined, world.proxy.url),
    );
    if (!first || !second) throw new Error("two web processes expected");
    // The workers held still, so that the run is still waiting when it is cancelled.
    for (const worker of world.workers) worker.child.kill("SIGSTOP");
    let runId = "";
    try {
      const run = await trpc<{ id: string; status: string }>(
        first,
        cookie,
        "exports.runs.start",
        { filters: FILTERS, format: "csv" },
        "mutation",
      );
      runId = run.id;
      expect(run.status).toBe("queued");
      expect(await trpc<{ status: string }>(second, cookie, "exports.runs.get", { id: runId })).toMatchObject(
        {
          status: "queued",
        },
      );
      const cancelled = await trpc<{ status: string }>(
        second,
        cookie,
        "exports.runs.cancel",
        { id: runId },
        "mutation",
      );
      expect(cancelled.status).toBe("cancelled");
    } finally {
      for (const worker of world.workers) worker.child.kill("SIGCONT");
    }
    // A worker takes the job up and leaves the run as it is: cancelled, no file.
    await vi.waitUntil(
      async () => {
        const [job] = await world.primary<{ state: string }[]>`
          SELECT state FROM pgboss.job WHERE name = 'export-run' AND data->>'runId' = ${runId}`;
        return job?.state === "completed";
      },
      { timeout: 30_000, interval: 200 },
    );
    expect(await trpc<{ status: string }>(first, cookie, "exports.runs.get", { id: runId })).toMatchObject({
      status: "cancelled",
    });
    expect((await world.storedFiles()).some((key) => key.startsWith(`scale/${runId}/`))).toBe(false);
  });

  it("makes exactly one run of one scheduled occurrence, with two workers", async () => {
    const cookie = cookiesOf(await signIn(proxy, email("admin"), DEMO_PASSWORD));
    const schedule = await trpc<{ id: string }>(
      proxy,
      cookie,
      "exports.schedules.create",
      {
        ...FILTERS,
        name: "每分钟",
        trigger: { kind: "cron", cron: "* * * * *" },
        quarters: { kind: "recent", count: 2 },
      },
      "mutation",
    );
    const runs = await world.scheduleRuns(schedule.id, { atLeast: 1, timeoutMs: 90_000 });
    const [first] = runs;
    // The next tick has passed the same occurrence to both workers' clocks: still one run of it.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const again = await world.scheduleRuns(schedule.id, { atLeast: 1, timeoutMs: 1 });
    expect(again.filter((run) => run.dueAt === first?.dueAt)).toHaveLength(1);
    const started = world.workers.flatMap((worker) =>
      worker.logs().filter((line) => line.msg === "export run started" && line.runId === first?.id),
    );
    expect(started).toHaveLength(1);
    await trpc(
      proxy,
      cookie,
      "exports.schedules.setEnabled",
      { id: schedule.id, enabled: false },
      "mutation",
    );
  });

  it("ends a dashboard answer both processes keep when one of them takes a change", async () => {
    const cookie = cookiesOf(await signIn(proxy, email("admin"), DEMO_PASSWORD));
    const direct = world.webPorts.map((port) =>
      client(`http://127.0.0.1:${port}`, undefined, world.proxy.url),
    );
    const query = `/api/trpc/dashboard.zone?input=${encodeURIComponent(JSON.stringify({ json: { zoneCode: "HB-HS" } }))}`;
    const ask = async (web: Client) => {
      const answer = await web.send(query, { headers: { cookie } });
      expect(answer.status).toBe(200);
      return answer.headers["x-cache"] === "hit";
    };
    // Each process answers once through the route, then from the bytes it kept.
    for (const web of direct) {
      await ask(web);
      expect(await ask(web)).toBe(true);
    }
    // A change through the first (an admin closes a closed quarter again: the data version moves).
    const [first, second] = direct as [Client, Client];
    await trpc(first, cookie, "period.update", { quarter: "2024Q4", status: "closed" }, "mutation");
    expect(await ask(first)).toBe(false);
    // The second reads the version on the replica: its kept answer ends once the change has arrived there.
    await vi.waitUntil(async () => !(await ask(second)), { timeout: 10_000, interval: 100 });
    expect(await ask(second)).toBe(true);
  });

  it("goes on through the other process when one is killed mid-download", async () => {
    const cookie = cookiesOf(await signIn(proxy, email("admin"), DEMO_PASSWORD));
    const query = "zones=all&indicators=all&from=2016Q4&to=2026Q2&format=csv&layout=long";
    const before = await Promise.all(world.webs.map((web) => bytesWritten(web)));
    const download = await proxy.open(`/api/exports?${query}`, { headers: { cookie } });
    expect(download.statusCode).toBe(200);
    const iterator = download[Symbol.asyncIterator]();
    await iterator.next();
    // The one streaming it has written the chunk; the other has written next to nothing since.
    const after = await Promise.all(world.webs.map((web) => bytesWritten(web)));
    const written = after.map((bytes, index) => bytes - (before[index] ?? 0));
    const serving = (written[0] ?? 0) > (written[1] ?? 0) ? 0 : 1;
    world.webs[serving]?.child.kill("SIGKILL");
    await expect(
      (async () => {
        for (;;) if ((await iterator.next()).done) break;
      })(),
    ).rejects.toThrow();

    const next = await proxy.send("/zones/HB-HS", { headers: { cookie } });
    expect(next.status).toBe(200);
    expect(next.body.toString("utf8")).toContain("湖北黄石");
  });
});

/** Bytes a process has written (sockets included) since it started: /proc/<pid>/io's wchar. */
async function bytesWritten(service: Service): Promise<number> {
  const io = await readFile(`/proc/${service.child.pid}/io`, "utf8");
  return Number(/^wchar: (\d+)$/m.exec(io)?.[1] ?? 0);
}
