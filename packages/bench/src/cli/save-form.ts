/**
 * Measures saving a full quarterly form through the API (validation, optimistic version check, upsert and
 * one audit row per value) against a bare multi-row INSERT of the same values, on the engine chosen by
 * TEST_ENGINE (pglite | postgres, with TEST_DATABASE_URL). Prints figures; asserts nothing.
 *
 *   npm run bench:save
 *   TEST_ENGINE=postgres TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:save
 */
import { createCaller } from "@zones/api";
import { contextFor, createRoleUsers, testAuth } from "@zones/api/testing";
import { readCatalogue } from "@zones/db/catalogue";
import { seedDatabase } from "@zones/db/seed";
import { createTestDatabase, testEngine } from "@zones/db/testing";
import { indicatorsInForceIn } from "@zones/domain";
import { sql } from "drizzle-orm";

import { alternatingFormValues } from "../lib/form-values";
import { latency } from "../lib/stats";

const ROUNDS = Number(process.env.ROUNDS ?? 200);
const QUARTER = "2026Q3";

function summary(label: string, samples: number[]) {
  const { p50, p95 } = latency(samples);
  return `${label.padEnd(34)} p50 ${p50.toFixed(2).padStart(7)} ms   p95 ${p95.toFixed(2).padStart(7)} ms`;
}

const handle = await createTestDatabase();
try {
  await seedDatabase(handle.db, { now: new Date("2026-11-28T12:00:00+08:00") });
  const auth = testAuth(handle.db);
  const users = await createRoleUsers(auth, handle.db);
  const caller = createCaller(contextFor(handle.db, auth, users.official));
  const form = indicatorsInForceIn(await readCatalogue(handle.db), QUARTER);
  const valuesFor = (round: number) => alternatingFormValues(form, round);

  let version =
    (await caller.submission.form({ zoneCode: "HB-HS", quarter: QUARTER })).submission?.version ?? 0;
  const saves: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    const result = await caller.submission.save({
      zoneCode: "HB-HS",
      quarter: QUARTER,
      baseVersion: version,
      values: valuesFor(round),
    });
    saves.push(performance.now() - started);
    version = result.version;
  }

  await handle.db.execute(
    sql`create table bare_values (zone_code text, indicator_code text, quarter text, value numeric)`,
  );
  const inserts: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const rows = Object.entries(valuesFor(round)).map(
      ([code, value]) => sql`(${"HB-HS"}, ${code}, ${QUARTER}, ${value}::numeric)`,
    );
    const started = performance.now();
    await handle.db.execute(sql`insert into bare_values values ${sql.join(rows, sql`, `)}`);
    inserts.push(performance.now() - started);
  }

  console.log(
    `Full-form save, ${Object.keys(valuesFor(0)).length} values, ${ROUNDS} rounds, engine ${testEngine()}`,
  );
  console.log(summary("submission.save (API, audited)", saves));
  console.log(summary("bare multi-row INSERT", inserts));
} finally {
  await handle.close();
}
