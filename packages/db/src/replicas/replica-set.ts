import { describeError } from "@zones/telemetry/describe-error";
import { observeDatabaseReplicas } from "@zones/telemetry/metrics";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import type { Database } from "../client";
import { rowsOf } from "../rows";
import { PrimaryWalHistory, parseLsn } from "./lag";
import { judgeReplica, type ReplicaProbe, type ReplicaState, replicaName, roundRobin } from "./state";

/** How often each process checks its replicas: a replica that stops answering is skipped within this long. */
export const REPLICA_CHECK_INTERVAL_MS = 2_000;
/** A check not answered within this long counts as a failure (a host that drops packets). */
const CHECK_TIMEOUT_MS = 3_000;
/** How long a replica may take to accept a connection: reads fall back to the primary, so waiting is pointless. */
export const REPLICA_CONNECT_TIMEOUT_SECONDS = 3;
/** The checks' own connection, apart from the read pool, so a pool busy with exports does not look down. */
const CHECK_APPLICATION_NAME = "zones-replica-check";

export interface ReplicaSetOptions {
  maxLagSeconds: number;
  checkIntervalMs?: number;
}

/** A replica's read pool, as the client opens it. */
export interface ReplicaPool {
  db: Database;
  close(): Promise<void>;
}

export interface ReplicaSet {
  /** The database of the next replica whose reads may be taken (round robin), or null when none may. */
  pick(): Database | null;
  /** Every replica's state, once the first check is done. */
  states(): Promise<ReplicaState[]>;
  /** Stops checking and closes the replicas' connections. */
  close(): Promise<void>;
}

interface Replica {
  name: string;
  pool: ReplicaPool;
  check: postgres.Sql;
  state: ReplicaState;
}

/**
 * The read replicas of `primary`: a read pool each (`openPool`), checked at once and then every
 * `checkIntervalMs` in the background (the timer does not keep the process alive; `close` stops it). A check
 * reads the primary's WAL position, then asks each replica whether it is a standby and how far it has
 * replayed (`PrimaryWalHistory` turns that into a lag): a replica that does not answer, is no standby or is
 * further behind than `maxLagSeconds` is skipped until a check finds it well again.
 */
export function openReplicaSet(
  primary: Database,
  urls: readonly string[],
  openPool: (url: string) => ReplicaPool,
  options: ReplicaSetOptions,
): ReplicaSet {
  const interval = options.checkIntervalMs ?? REPLICA_CHECK_INTERVAL_MS;
  const history = new PrimaryWalHistory(options.maxLagSeconds * 1000 + 2 * interval);
  const replicas: Replica[] = urls.map((url) => {
    const name = replicaName(url);
    return {
      name,
      pool: openPool(url),
      check: postgres(url, {
        max: 1,
        connect_timeout: REPLICA_CONNECT_TIMEOUT_SECONDS,
        onnotice: () => {},
        connection: { application_name: CHECK_APPLICATION_NAME },
      }),
      state: { replica: name, state: "down", lagSeconds: null, reason: "not checked yet" },
    };
  });
  const next = roundRobin<Replica>();

  /** One round of checks; it never fails (a failed check is the replica's state). */
  async function checkAll(): Promise<void> {
    const at = Date.now();
    const position = await withTimeout(primaryPosition(primary)).catch(() => null);
    if (position !== null) history.record(at, position);
    await Promise.all(
      replicas.map(async (replica) => {
        let probe: ReplicaProbe | { problem: string };
        try {
          probe = await withTimeout(probeReplica(replica.check));
        } catch (error) {
          probe = { problem: describeError(error) };
        }
        const lag =
          "problem" in probe || probe.replayedLsn === null
            ? null
            : history.lagSeconds(probe.replayedLsn, probe.replayAgeSeconds, Date.now());
        replica.state = judgeReplica(replica.name, probe, lag, options.maxLagSeconds);
      }),
    );
  }

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round = checkAll();
  const firstRound = round;
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      round = checkAll().finally(schedule);
    }, interval);
    timer.unref();
  };
  void round.finally(schedule);

  const stopObserving = observeDatabaseReplicas(() =>
    replicas.map(({ state }) => ({
      replica: state.replica,
      up: state.state === "up",
      lagSeconds: state.lagSeconds,
    })),
  );

  return {
    pick() {
      return next(replicas.filter((replica) => replica.state.state === "up"))?.pool.db ?? null;
    },
    async states() {
      await firstRound;
      return replicas.map((replica) => ({ ...replica.state }));
    },
    async close() {
      stopped = true;
      clearTimeout(timer);
      stopObserving();
      await round.catch(() => {});
      await Promise.all(
        replicas.flatMap((replica) => [replica.pool.close(), replica.check.end({ timeout: 5 })]),
      );
    },
  };
}

/** The primary's current WAL position. */
async function primaryPosition(primary: Database): Promise<bigint> {
  const [row] = rowsOf<{ lsn: string }>(await primary.execute(sql`select pg_current_wal_lsn()::text as lsn`));
  if (!row) throw new Error("pg_current_wal_lsn() answered nothing");
  return parseLsn(row.lsn);
}

async function probeReplica(check: postgres.Sql): Promise<ReplicaProbe> {
  const [row] = await check<{ inRecovery: boolean; replayed: string | null; replayAge: number | null }[]>`
    select pg_is_in_recovery() as "inRecovery",
           pg_last_wal_replay_lsn()::text as replayed,
           extract(epoch from clock_timestamp() - pg_last_xact_replay_timestamp())::float8 as "replayAge"`;
  if (!row) throw new Error("the replica answered nothing");
  return {
    inRecovery: row.inRecovery,
    replayedLsn: row.replayed === null ? null : parseLsn(row.replayed),
    replayAgeSeconds: row.replayAge,
  };
}

/** `work`, or a rejection once it has taken CHECK_TIMEOUT_MS. */
async function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  work.catch(() => {});
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
