import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openPostgres } from "./client";
import { isDatabaseUnavailable, isUniqueViolation, sqlState } from "./database-errors";
import { closedPort } from "./testing";

/** What postgres-js, node-postgres and PostgreSQL raise, shaped as they shape it. */
const driverError = (message: string, fields: Record<string, unknown> = {}) =>
  Object.assign(new Error(message), fields);
/** Drizzle's wrapper of a failed query: the statement, its parameters, the driver's error as cause. */
const failedQuery = (cause: Error) =>
  Object.assign(new Error("Failed query: select 1\nparams: "), { query: "select 1", params: [], cause });

describe("isDatabaseUnavailable", () => {
  it("is true for a query on a server that refuses connections (the real driver's error)", async () => {
    const handle = openPostgres(`postgres://zones@127.0.0.1:${await closedPort()}/zones`);
    try {
      const error = await handle.db.execute(sql`select 1`).then(
        () => null,
        (failure: unknown) => failure,
      );
      expect(error).toBeInstanceOf(Error);
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(sqlState(error)).toBeNull();
    } finally {
      await handle.close();
    }
  });

  it.each([
    ["a connection terminated by a stop (57P01 admin_shutdown)", { code: "57P01" }],
    ["a server starting or stopping (57P03 cannot_connect_now)", { code: "57P03" }],
    ["a crashed server (57P02)", { code: "57P02" }],
    ["a connection exception (class 08)", { code: "08006" }],
    ["too many connections (53300)", { code: "53300" }],
    ["postgres-js: the connection closed under the query", { code: "CONNECTION_CLOSED" }],
    ["postgres-js: no connection in time", { code: "CONNECT_TIMEOUT" }],
    ["a reset socket", { code: "ECONNRESET" }],
    ["a host name that does not resolve now", { code: "EAI_AGAIN" }],
  ])("is true for %s, bare or wrapped", (_name, fields) => {
    const error = driverError("the database went away", fields);
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(isDatabaseUnavailable(failedQuery(error))).toBe(true);
    expect(isDatabaseUnavailable(new Error("outer", { cause: failedQuery(error) }))).toBe(true);
  });

  it("is true for node-postgres (pg-boss), which says it in words, and for every address refused", () => {
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
    const refused = (address: string) =>
      driverError(`connect ECONNREFUSED ${address}:5432`, { code: "ECONNREFUSED" });
    expect(isDatabaseUnavailable(new AggregateError([refused("::1"), refused("127.0.0.1")], ""))).toBe(true);
  });

  it.each([
    ["a duplicate key", driverError("duplicate key value", { code: "23505" })],
    ["a syntax error", driverError('syntax error at or near "selec"', { code: "42601" })],
    ["a check violation", failedQuery(driverError("violates check constraint", { code: "23514" }))],
    ["a bug of ours", new TypeError("cannot read properties of undefined")],
    ["something else thrown", "a string"],
  ])("is false for %s", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe("sqlState and isUniqueViolation", () => {
  it("find the SQLSTATE through the wrappers, and only a SQLSTATE", () => {
    const duplicate = driverError("duplicate key value", { code: "23505" });
    expect(sqlState(failedQuery(duplicate))).toBe("23505");
    expect(isUniqueViolation(failedQuery(duplicate))).toBe(true);
    expect(sqlState(driverError("write EPIPE", { code: "EPIPE" }))).toBeNull();
    expect(isUniqueViolation(driverError("x", { code: "23514" }))).toBe(false);
  });
});
