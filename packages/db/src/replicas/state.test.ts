import { describe, expect, it } from "vitest";

import { judgeReplica, replicaName, roundRobin } from "./state";

const STANDBY = { inRecovery: true, replayedLsn: 100n, replayAgeSeconds: 1 };

describe("a replica's state after a check", () => {
  it("is up within the lag threshold, its lag rounded to tenths", () => {
    expect(judgeReplica("r1:5432/zones", STANDBY, 2.345, 30)).toEqual({
      replica: "r1:5432/zones",
      state: "up",
      lagSeconds: 2.3,
      reason: null,
    });
    expect(judgeReplica("r1:5432/zones", STANDBY, 30, 30).state).toBe("up");
  });

  it("is lagging past the threshold, or when its lag cannot be told, saying why", () => {
    expect(judgeReplica("r1:5432/zones", STANDBY, 30.04, 30)).toEqual({
      replica: "r1:5432/zones",
      state: "lagging",
      lagSeconds: 30,
      reason: "30 s behind the primary (more than REPLICA_MAX_LAG_SECONDS=30)",
    });
    expect(judgeReplica("r1:5432/zones", STANDBY, null, 30)).toMatchObject({
      state: "lagging",
      lagSeconds: null,
      reason: expect.stringMatching(/^lag unknown/),
    });
  });

  it("is down when it does not answer, or answers as no standby", () => {
    expect(
      judgeReplica("r1:5432/zones", { problem: "connect ECONNREFUSED 10.0.0.6:5432" }, null, 30),
    ).toEqual({
      replica: "r1:5432/zones",
      state: "down",
      lagSeconds: null,
      reason: "connect ECONNREFUSED 10.0.0.6:5432",
    });
    const promoted = { inRecovery: false, replayedLsn: null, replayAgeSeconds: null };
    expect(judgeReplica("r1:5432/zones", promoted, 0, 30)).toMatchObject({
      state: "down",
      reason: expect.stringMatching(/^not a standby/),
    });
  });

  it("names the replica by host, port and database, never its user or password", () => {
    expect(replicaName("postgres://zones:s3cret@replica-1.internal:6432/zones?sslmode=require")).toBe(
      "replica-1.internal:6432/zones",
    );
    expect(replicaName("postgresql://replica-2/zones")).toBe("replica-2:5432/zones");
  });
});

describe("round robin", () => {
  it("takes each candidate in turn", () => {
    const next = roundRobin<string>();
    const picks = Array.from({ length: 6 }, () => next(["a", "b", "c"]));
    expect(picks).toEqual(["a", "b", "c", "a", "b", "c"]);
  });

  it("goes on among those left when one drops out, and answers null when none is left", () => {
    const next = roundRobin<string>();
    expect([next(["a", "b"]), next(["a", "b"])]).toEqual(["a", "b"]);
    expect([next(["b"]), next(["b"])]).toEqual(["b", "b"]);
    expect(next([])).toBeNull();
    const picks = Array.from({ length: 4 }, () => next(["a", "b"]));
    expect(new Set(picks)).toEqual(new Set(["a", "b"]));
    expect(picks[0]).not.toBe(picks[1]);
  });
});
