import { parseArgs } from "node:util";

import { DEFAULT_UTC_OFFSET } from "@zones/domain";
import { hashPassword } from "better-auth/crypto";

import { openDatabase } from "../client";
import { seedDatabase } from "../seed";

/**
 * `npm run db:seed [-- --no-demo] [--as-of 2026-11-28]`: catalogue, reporting periods and synthetic demo
 * data. `--as-of` pins "today" (which quarter is open), so tests see the same data on any date.
 */
const { values } = parseArgs({
  options: { "no-demo": { type: "boolean", default: false }, "as-of": { type: "string" } },
});
const now = values["as-of"] ? new Date(`${values["as-of"]}T12:00:00${DEFAULT_UTC_OFFSET}`) : new Date();
if (Number.isNaN(now.getTime())) {
  console.error(`--as-of must be a date like 2026-11-28, got "${values["as-of"]}"`);
  process.exit(2);
}

const handle = await openDatabase();
try {
  const started = performance.now();
  await seedDatabase(handle.db, { now, demo: !values["no-demo"], hashPassword });
  console.log(
    `Seeded ${handle.engine} (${handle.location}) in ${Math.round(performance.now() - started)} ms`,
  );
} finally {
  await handle.close();
}
