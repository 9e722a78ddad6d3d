import { parseArgs } from "node:util";

import { openDatabase } from "../client";
import { seedDatabase } from "../seed";

/** `npm run db:seed [-- --no-demo]`: catalogue, reporting periods and synthetic demo data. */
const { values } = parseArgs({ options: { "no-demo": { type: "boolean", default: false } } });

const handle = await openDatabase();
try {
  const started = performance.now();
  await seedDatabase(handle.db, { demo: !values["no-demo"] });
  console.log(
    `Seeded ${handle.engine} (${handle.location}) in ${Math.round(performance.now() - started)} ms`,
  );
} finally {
  await handle.close();
}
