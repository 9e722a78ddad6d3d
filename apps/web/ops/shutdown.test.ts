import http from "node:http";
import type { Socket } from "node:net";

import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { ADMIN_URL, createDatabase } from "./databases";
import {
  assertBuilt,
  connectionRefused,
  freePort,
  productionEnv,
  type Service,
  startServer,
  waitForAnswer,
} from "./processes";

/**
 * A slow request: the readiness check reads the migration journal, which the test locks. The request is then
 * in flight, waiting for the database, for as long as the test likes.
 */
async function lockJournal(sql: postgres.Sql) {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let locked = () => {};
  const isLocked = new Promise<void>((resolve) => {
    locked = resolve;
  });
  const transaction = sql.begin(async (tx) => {
    await tx`lock table drizzle.__drizzle_migrations in access exclusive mode`;
    locked();
    await released;
  });
  await isLocked;
  return {
    release: async () => {
      release();
      await transaction;
    },
  };
}

/** Resolves once a statement of another session waits for a lock. */
async function someoneWaits(sql: postgres.Sql) {
  await vi.waitUntil(
    async () => (await sql`select count(*)::int as n from pg_locks where not granted`)[0]?.n > 0,
    { timeout: 10_000, interval: 50 },
  );
}

describe.skipIf(!ADMIN_URL)("SIGTERM to the web server (needs TEST_DATABASE_URL)", () => {
  let database: Awaited<ReturnType<typeof createDatabase>>;
  let sql: postgres.Sql;
  const servers: Service[] = [];
  beforeAll(async () => {
    assertBuilt();
    database = await createDatabase(ADMIN_URL as string);
    sql = postgres(database.url, { max: 2, onnotice: () => {} });
  });
  afterAll(async () => {
    for (const server of servers) await server.stop();
    await sql?.end();
    await database?.drop();
  });

  async function serve(env: Record<string, string> = {}) {
    const port = await freePort();
    const server = startServer({ ...productionEnv(database.url, port), MIGRATE_ON_START: "1", ...env });
    servers.push(server);
    const base = `http://127.0.0.1:${port}`;
    await waitForAnswer(`${base}/api/health/ready`, (response) => response.status === 200);
    return { server, base, port };
  }

  it("during a slow request: stops accepting, lets the request finish, closes its pool and exits 0", async () => {
    const { server, base, port } = await serve();
    const lock = await lockJournal(sql);
    const slow = fetch(`${base}/api/health/ready`);
    await someoneWaits(sql);
    server.child.kill("SIGTERM");
    await server.waitForLog("server.stopping");
    await vi.waitUntil(() => connectionRefused(port), { timeout: 5_000, interval: 50 });
    // Still running: the request holds it.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(server.child.exitCode).toBeNull();
    await lock.release();
    const response = await slow;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ready" });
    expect(await server.exited).toBe(0);
    const events = server.logs().map((line) => line.event);
    expect(events).toContain("server.stopped");
    expect(events).not.toContain("server.requests-cut");
    expect(events).not.toContain("server.stop-failed");
  });

  it("keeps an idle kept-alive connection open past Node's default 5 s, and closes it at SIGTERM", async () => {
    const { server, port } = await serve();
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<{ status: number; socket: Socket }>((resolve, reject) => {
        const request = http.get({ host: "127.0.0.1", port, path: "/api/health/live", agent }, (response) => {
          response.resume();
          response.on("end", () =>
            resolve({ status: response.statusCode ?? 0, socket: request.socket as Socket }),
          );
        });
        request.on("error", reject);
      });
    try {
      const first = await get();
      const closed = new Promise<void>((resolve) => first.socket.once("close", () => resolve()));
      // Longer than Node's default keepAliveTimeout (5 s), which closed connections clients were about to reuse.
      await new Promise((resolve) => setTimeout(resolve, 6_500));
      expect(first.socket.destroyed).toBe(false);
      const second = await get();
      expect(second.status).toBe(200);
      expect(second.socket).toBe(first.socket);
      // The idle connection does not hold the stop up.
      server.child.kill("SIGTERM");
      await closed;
      expect(await server.exited).toBe(0);
    } finally {
      agent.destroy();
    }
  });

  it("a request still running when SHUTDOWN_GRACE_SECONDS runs out is cut, and the server exits 0", async () => {
    const { server, base } = await serve({ SHUTDOWN_GRACE_SECONDS: "1" });
    const lock = await lockJournal(sql);
    try {
      const slow = fetch(`${base}/api/health/ready`).then(
        () => "answered",
        () => "cut",
      );
      await someoneWaits(sql);
      const signalled = Date.now();
      server.child.kill("SIGTERM");
      expect(await slow).toBe("cut");
      expect(await server.exited).toBe(0);
      expect(Date.now() - signalled).toBeLessThan(10_000);
      expect(server.logs().map((line) => line.event)).toContain("server.requests-cut");
    } finally {
      await lock.release();
    }
  });
});
