import { describeError } from "@zones/telemetry/describe-error";
import { sql } from "drizzle-orm";
import type { Database } from "../client";

/** True when the database answers a trivial query. */
export async function pingDatabase(db: Database): Promise<boolean> {
  return (await databaseProblem(db)) === null;
}

/**
 * Null when the database answers a trivial query within `timeoutMs`, else why not (for the log: it may name
 * the server's address and the user, never for a public answer). A server that does not answer at all (a
 * dropped packet, a full connection queue) would otherwise hold the check for the driver's 30 s.
 */
export async function databaseProblem(db: Database, timeoutMs = 3_000): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${timeoutMs} ms`), timeoutMs);
  });
  try {
    return await Promise.race([
      db.execute(sql`select 1`).then(
        () => null,
        (error: unknown) => describeError(error),
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
