/**
 * What a read replica is to the app: `up` (its reads are taken), `lagging` (it answers but is further behind
 * the primary than allowed, or how far cannot be told: skipped) or `down` (it does not answer as a standby:
 * skipped).
 */
export type ReplicaCondition = "up" | "lagging" | "down";

export interface ReplicaState {
  /** Its host, port and database: never its user or password. */
  replica: string;
  state: ReplicaCondition;
  /** Seconds its replay is behind the primary, as last checked; null when unknown. */
  lagSeconds: number | null;
  /** Why it is skipped (for the log: it may name a host); null when up. */
  reason: string | null;
}

/** What a replica said of itself at a check. */
export interface ReplicaProbe {
  /** `pg_is_in_recovery()`: a standby replaying the primary's WAL. */
  inRecovery: boolean;
  /** `pg_last_wal_replay_lsn()`, parsed; null on a server that is no standby. */
  replayedLsn: bigint | null;
  /** Age of the last transaction it replayed; null before it replayed one. */
  replayAgeSeconds: number | null;
}

/** The state of the replica `replica` after a check: its probe (or why there was none) and its lag. */
export function judgeReplica(
  replica: string,
  probe: ReplicaProbe | { problem: string },
  lagSeconds: number | null,
  maxLagSeconds: number,
): ReplicaState {
  if ("problem" in probe) return { replica, state: "down", lagSeconds: null, reason: probe.problem };
  if (!probe.inRecovery || probe.replayedLsn === null) {
    const reason = "not a standby (pg_is_in_recovery() is false): promoted, or the URL names a primary";
    return { replica, state: "down", lagSeconds: null, reason };
  }
  if (lagSeconds === null) {
    const reason =
      "lag unknown: the primary's WAL position could not be read, and no transaction was replayed";
    return { replica, state: "lagging", lagSeconds, reason };
  }
  const lag = Math.round(lagSeconds * 10) / 10;
  if (lagSeconds > maxLagSeconds) {
    const reason = `${lag} s behind the primary (more than REPLICA_MAX_LAG_SECONDS=${maxLagSeconds})`;
    return { replica, state: "lagging", lagSeconds: lag, reason };
  }
  return { replica, state: "up", lagSeconds: lag, reason: null };
}

/** Takes turns: each call answers the next of the candidates it is given (null when given none). */
export function roundRobin<T>(): (candidates: readonly T[]) => T | null {
  let turn = 0;
  return (candidates) => {
    const chosen = candidates[turn % candidates.length] ?? null;
    turn = (turn + 1) % Number.MAX_SAFE_INTEGER;
    return chosen;
  };
}

/** How a replica is named in logs and metrics: host, port and database of its URL (no user, no password). */
export function replicaName(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
}
