import type { Database } from "../client";
import { peerStatisticsMissing, refreshPeerStatistics } from "../queries/dashboard/peer-statistics";
import { seedCatalogue } from "./catalogue";
import { seedDemoData, seedReportingPeriods } from "./demo-data";
import { seedDemoMail } from "./demo-mail";
import { seedDemoTargets } from "./demo-targets";
import { seedDemoUsers } from "./demo-users";
import { seedDemoEvaluation, seedPublishedRatings } from "./evaluation";

export { seedCatalogue } from "./catalogue";
export { DEMO_FIRST_QUARTER, OPEN_QUARTER_STATUS, seedDemoData, seedReportingPeriods } from "./demo-data";
export { DEMO_MAIL } from "./demo-mail";
export { seedDemoTargets } from "./demo-targets";
export { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoUsers } from "./demo-users";
export { syntheticNumeric } from "./synthetic";

export interface SeedOptions {
  /** Today, for deciding which quarter is open; injectable for tests. */
  now?: Date;
  /** Load synthetic demo data (the demo and tests); a real deployment seeds only the catalogue. */
  demo?: boolean;
  /** With demo data: hashes the demo accounts' password (better-auth's `hashPassword`); no accounts without it. */
  hashPassword?: (password: string) => Promise<string>;
}

/** Catalogue, reporting periods and (for the demo) synthetic data. Safe to run again. */
export async function seedDatabase(db: Database, options: SeedOptions = {}): Promise<void> {
  const now = options.now ?? new Date();
  await seedCatalogue(db);
  await seedPublishedRatings(db);
  const demo = options.demo ?? true;
  // A real deployment leaves the quarter in progress to the daily opening (or to an admin).
  await seedReportingPeriods(db, now, { inProgress: demo });
  let inserted = false;
  if (demo) {
    ({ inserted } = await seedDemoData(db, now));
    if (options.hashPassword) await seedDemoUsers(db, options.hashPassword);
    await seedDemoMail(db);
    await seedDemoTargets(db, now);
  }
  // Demo data is written around the workflow, so its peer statistics are computed here.
  if (inserted || (await peerStatisticsMissing(db))) await refreshPeerStatistics(db, "all");
  if (demo) await seedDemoEvaluation(db, now);
}
