import { fileURLToPath } from "node:url";

import { hashPassword } from "better-auth/crypto";

import { openDatabase } from "../client";
import { migrateDatabase } from "../migrate";
import { seedDatabase } from "../seed";
import { seedDueAgainAt } from "../seed/due";
import { prepareInputsKey, writePrepareMarker } from "./prepare-marker.mjs";

/**
 * `npm run db:prepare`: migrate, then seed the catalogue and demo data, in one process — what the demo
 * runs before serving. Both steps are idempotent, so a warm start only checks and moves on. On the embedded
 * store it then leaves a marker (see `prepare-marker.mjs`) by which `npm run demo` skips this step until
 * the migrations, the seed or the quarter change.
 */
const rootDir = fileURLToPath(new URL("../../../../", import.meta.url));
// The inputs as they are before the work starts: an edit made meanwhile makes the marker outdated.
const key = prepareInputsKey(rootDir);
const handle = await openDatabase();
try {
  const started = performance.now();
  const now = new Date();
  await migrateDatabase(handle);
  await seedDatabase(handle.db, { now, demo: true, hashPassword });
  if (handle.engine === "pglite") {
    writePrepareMarker(handle.location, { key, validUntil: seedDueAgainAt(now) });
  }
  console.log(
    `Database ready: ${handle.engine} (${handle.location}) in ${Math.round(performance.now() - started)} ms`,
  );
} finally {
  await handle.close();
}
