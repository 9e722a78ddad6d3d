/** A WAL position as PostgreSQL prints it (`16/B374D848`), as a number that orders like the position. */
export function parseLsn(text: string): bigint {
  const match = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(text);
  if (!match) throw new TypeError(`not a WAL position: ${JSON.stringify(text)}`);
  return (BigInt(`0x${match[1]}`) << 32n) + BigInt(`0x${match[2]}`);
}

/**
 * The primary's WAL position as seen at each check, for telling how long ago the primary had written what a
 * replica has not replayed yet. The replica's own `now() - pg_last_xact_replay_timestamp()` cannot say that
 * alone: on a primary that has written nothing for an hour it reads an hour (nothing to replay), and a replica
 * a moment behind the first write after it would look an hour behind.
 *
 * A replica that has replayed past the position seen at the latest check is not behind (lag 0). Otherwise the
 * earliest check that saw a position beyond its replay is when the primary last had WAL the replica still
 * lacks: the lag is at least the time since that check, and less than the time since the check before it —
 * the lower bound is taken, short of the truth by at most one check's interval. A replica behind every kept
 * position (or with no position known) is judged by its last replayed transaction's age, an upper bound.
 */
export class PrimaryWalHistory {
  /** Oldest first; each the earliest check that saw its position (an idle primary adds none). */
  readonly #seen: { at: number; lsn: bigint }[] = [];

  /** `keepMs`: how far back positions are kept; longer than the lag threshold, so lag beyond it is seen. */
  constructor(private readonly keepMs: number) {}

  /** The primary's position `lsn` seen at `at` (ms). */
  record(at: number, lsn: bigint): void {
    const latest = this.#seen.at(-1);
    if (!latest || lsn > latest.lsn) this.#seen.push({ at, lsn });
    // The oldest kept position is at least `keepMs` old whenever the history reaches that far back.
    while (this.#seen.length > 1 && (this.#seen[1]?.at ?? at) <= at - this.keepMs) this.#seen.shift();
  }

  /**
   * How far (seconds) a replica that has replayed up to `replayed` is behind, at `now` (ms); null when it
   * cannot be told (no position of the primary known, and no transaction replayed).
   */
  lagSeconds(replayed: bigint, replayAgeSeconds: number | null, now: number): number | null {
    const latest = this.#seen.at(-1);
    if (latest && replayed >= latest.lsn) return 0;
    const missingSince = this.#seen.findIndex((seen) => seen.lsn > replayed);
    const first = this.#seen[missingSince];
    if (missingSince > 0 && first) return Math.max(0, (now - first.at) / 1000);
    // Behind every position kept: at least as old as the oldest one, at most the last replayed transaction's age.
    const oldest = first ? (now - first.at) / 1000 : null;
    if (replayAgeSeconds === null) return oldest;
    return Math.max(oldest ?? 0, replayAgeSeconds);
  }
}
