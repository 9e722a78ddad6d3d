import { hashPassword } from "better-auth/crypto";

import { openDatabase } from "../client";
import { migrateDatabase } from "../migrate";
import { seedDatabase } from "../seed";

/**
 * `npm run db:prepare`: migrate, then seed the catalogue and demo data, in one process — what the demo
 * runs before serving. Both steps are idempotent, so a warm start only checks and moves on.
 */
const handle = await openDatabase();
try {
  const started = performance.now();
  await migrateDatabase(handle);
  await seedDatabase(handle.db, { demo: true, hashPassword });
  console.log(
    `Database ready: ${handle.engine} (${handle.location}) in ${Math.round(performance.now() - started)} ms`,
  );
} finally {
  await handle.close();
}
