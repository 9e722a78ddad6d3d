import { describe, expect, it } from "vitest";

import { PrimaryWalHistory, parseLsn } from "./lag";

const SECOND = 1000;

describe("WAL positions", () => {
  it("order as PostgreSQL orders them, across the high word", () => {
    expect(parseLsn("0/0")).toBe(0n);
    expect(parseLsn("0/3000148")).toBe(0x3000148n);
    expect(parseLsn("16/B374D848")).toBe((0x16n << 32n) + 0xb374d848n);
    expect(parseLsn("1/0") > parseLsn("0/FFFFFFFF")).toBe(true);
  });

  it("refuses what is no position", () => {
    for (const text of ["", "0", "0/", "G/0", "0/123456789", "1/2/3"]) {
      expect(() => parseLsn(text)).toThrow(/not a WAL position/);
    }
  });
});

describe("a replica's lag behind the primary", () => {
  it("is 0 for a replica that has replayed what the primary had at the latest check", () => {
    const history = new PrimaryWalHistory(60 * SECOND);
    history.record(0, 100n);
    history.record(2 * SECOND, 200n);
    expect(history.lagSeconds(200n, 3600, 2.1 * SECOND)).toBe(0);
    expect(history.lagSeconds(250n, null, 2.1 * SECOND)).toBe(0);
  });

  it("on a primary idle for an hour, a replica a moment behind its next write is not an hour behind", () => {
    const history = new PrimaryWalHistory(60 * SECOND);
    history.record(0, 100n);
    // Nothing written for an hour: the position stays, and so does the check that first saw it.
    for (let at = 2 * SECOND; at < 3600 * SECOND; at += 2 * SECOND) history.record(at, 100n);
    history.record(3600 * SECOND, 180n);
    // The replica's last replayed transaction is an hour old, yet it lacks only what was written just now.
    expect(history.lagSeconds(100n, 3600, 3600.5 * SECOND)).toBe(0.5);
  });

  it("grows from the first check that saw what the replica lacks, while its replay stands still", () => {
    const history = new PrimaryWalHistory(60 * SECOND);
    history.record(0, 100n);
    history.record(2 * SECOND, 150n);
    history.record(4 * SECOND, 200n);
    history.record(6 * SECOND, 260n);
    // Replayed up to 150: the check at 4 s was the first to see more.
    expect(history.lagSeconds(150n, 1, 6 * SECOND)).toBe(2);
    expect(history.lagSeconds(150n, 1, 40 * SECOND)).toBe(36);
    expect(history.lagSeconds(120n, 1, 40 * SECOND)).toBe(38);
  });

  it("behind every kept position, takes the replica's last replayed transaction's age, and at least the oldest position's", () => {
    const history = new PrimaryWalHistory(10 * SECOND);
    for (let at = 0, lsn = 100n; at <= 60 * SECOND; at += 2 * SECOND, lsn += 10n) history.record(at, lsn);
    // Positions older than 10 s are dropped but one: the oldest kept is 10 s old.
    expect(history.lagSeconds(50n, 500, 60 * SECOND)).toBe(500);
    expect(history.lagSeconds(50n, null, 60 * SECOND)).toBe(10);
    expect(history.lagSeconds(50n, 3, 60 * SECOND)).toBe(10);
  });

  it("without any position of the primary, is the replica's last replayed transaction's age, or unknown", () => {
    const history = new PrimaryWalHistory(60 * SECOND);
    expect(history.lagSeconds(100n, 4.5, 0)).toBe(4.5);
    expect(history.lagSeconds(100n, null, 0)).toBeNull();
  });
});
