import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "./client";
import { rowsOf } from "./rows";
import { auditLog } from "./schema";
import { createTestDatabase, testEngine } from "./testing";

describe(`database (${testEngine()})`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => {
    await handle.close();
  });

  it("applies the migrations", async () => {
    const tables = await handle.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    const names = rowsOf<{ table_name: string }>(tables).map((row) => row.table_name);
    expect(names).toEqual(
      expect.arrayContaining(["zones", "indicators", "observations", "submissions", "audit_log", "users"]),
    );
  });

  it("keeps the audit log append-only", async () => {
    await handle.db.insert(auditLog).values({ action: "test", entityType: "zone", entityId: "HB-HS" });
    await expect(handle.db.update(auditLog).set({ action: "tampered" })).rejects.toThrow();
    await expect(handle.db.delete(auditLog)).rejects.toThrow();
    const rows = await handle.db.select().from(auditLog);
    expect(rows.map((row) => row.action)).toEqual(["test"]);
  });

  it("without read replicas, reads the dashboards and exports on the primary, and reports no replica", async () => {
    expect(handle.reader()).toBe(handle.db);
    expect(await handle.replicaStates()).toEqual([]);
  });
});
