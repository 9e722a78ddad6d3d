import { openDatabase } from "../client";
import { migrateDatabase } from "../migrate";

/** `npm run db:migrate`: applies the committed migrations to DATABASE_URL or the embedded store. */
const handle = await openDatabase();
try {
  const started = performance.now();
  await migrateDatabase(handle);
  console.log(
    `Migrated ${handle.engine} (${handle.location}) in ${Math.round(performance.now() - started)} ms`,
  );
} finally {
  await handle.close();
}
