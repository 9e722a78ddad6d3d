/**
 * `npm run bench:replica-lag` (docs/scaling.md): how far a streaming replica falls behind while officials
 * save forms as fast as they can. A PostgreSQL primary and a `pg_basebackup -R` replica of the script's own
 * (Debian's tools, spare ports, removed at the end), one concurrent saver per zone (full forms through the
 * API, validation and audit included) for `--seconds`; the primary's `pg_stat_replication` sampled every
 * 100 ms. Prints figures; never fails on one.
 *
 *   npm run bench:replica-lag -- [--seconds 20] [--runs 3]
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { createCaller } from "@zones/api";
import { contextFor, createRoleUsers, testAuth } from "@zones/api/testing";
import { alternatingFormValues } from "@zones/bench/form-values";
import { percentile } from "@zones/bench/stats";
import { readCatalogue } from "@zones/db/catalogue";
import { openPostgres } from "@zones/db/client";
import { migrateDatabase } from "@zones/db/migrate";
import { seedDatabase } from "@zones/db/seed";
import { indicatorsInForceIn, zonesReportingIn } from "@zones/domain";
import postgres from "postgres";

import { clusterPorts, createCluster, createStandby, postgresBinDir } from "../ops/databases";

const { values } = parseArgs({
  options: { seconds: { type: "string", default: "20" }, runs: { type: "string", default: "3" } },
});
const seconds = Number(values.seconds);
const runs = Number(values.runs);
const QUARTER = "2026Q3";
const binDir = postgresBinDir();
if (!binDir) throw new Error("Debian's PostgreSQL tools are missing (apt-get install postgresql)");

const [primaryPort, replicaPort] = (await clusterPorts(2)) as [number, number];
const primary = createCluster(binDir, primaryPort);
let replica: ReturnType<typeof createStandby> | undefined;
try {
  primary.start();
  const handle = openPostgres(primary.url);
  await migrateDatabase(handle);
  // The catalogue and periods, no demo data: every zone's 2026Q3 is open to an admin's saves.
  await seedDatabase(handle.db, { now: new Date("2026-11-28T12:00:00+08:00"), demo: false });
  const auth = testAuth(handle.db);
  const admin = (await createRoleUsers(auth, handle.db)).admin;
  const caller = createCaller(contextFor(handle.db, auth, admin));
  replica = createStandby(binDir, primary, replicaPort);
  replica.start();
  const monitor = postgres(primary.url, { max: 1, onnotice: () => {} });

  // The database's catalogue as it stands for the quarter: its zones save, its indicators are the form.
  const catalogue = await readCatalogue(handle.db);
  const zoneCodes = zonesReportingIn(catalogue, QUARTER).map((zone) => zone.code);
  const form = indicatorsInForceIn(catalogue, QUARTER);
  const formSize = form.length;

  console.log(
    `Zones replica lag under a save burst — ${new Date().toISOString()}; ${zoneCodes.length} concurrent savers (one per zone, ${formSize} values a form), ${runs} × ${seconds} s; load average ${loadavg()
      .map((n) => n.toFixed(2))
      .join(" ")}`,
  );
  for (let run = 1; run <= runs; run++) {
    const stopAt = Date.now() + seconds * 1000;
    let saves = 0;
    const lagMs: number[] = [];
    let maxBytes = 0;
    const sampling = (async () => {
      while (Date.now() < stopAt + 2000) {
        const [row] = await monitor<{ lag: number | null; bytes: string | null }[]>`
          SELECT extract(epoch FROM replay_lag) * 1000 AS lag, pg_wal_lsn_diff(sent_lsn, replay_lsn)::text AS bytes
          FROM pg_stat_replication LIMIT 1`;
        lagMs.push(Number(row?.lag ?? 0));
        maxBytes = Math.max(maxBytes, Number(row?.bytes ?? 0));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    await Promise.all(
      zoneCodes.map(async (zoneCode) => {
        let version = (await caller.submission.form({ zoneCode, quarter: QUARTER })).submission?.version ?? 0;
        for (let round = 0; Date.now() < stopAt; round++) {
          const saved = await caller.submission.save({
            zoneCode,
            quarter: QUARTER,
            baseVersion: version,
            values: alternatingFormValues(form, round + run),
          });
          version = saved.version;
          saves++;
        }
      }),
    );
    await sampling;
    lagMs.sort((a, b) => a - b);
    console.log(
      `  run ${run}: ${(saves / seconds).toFixed(1)} saves/s; replay lag p50 ${percentile(lagMs, 50).toFixed(1)} ms, p95 ${percentile(lagMs, 95).toFixed(1)} ms, max ${(lagMs.at(-1) ?? 0).toFixed(1)} ms; at most ${(maxBytes / 1024).toFixed(0)} KiB of WAL not yet replayed; load ${loadavg()[0]?.toFixed(2)}`,
    );
  }
  await monitor.end();
  await handle.close();
} finally {
  replica?.remove();
  primary.remove();
}
