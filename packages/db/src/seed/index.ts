import type { Database } from "../client";
import { syncCatalogue } from "./catalogue";
import { seedDemoData, seedReportingPeriods } from "./demo-data";

export { syncCatalogue } from "./catalogue";
export { DEMO_FIRST_QUARTER, seedDemoData, seedReportingPeriods } from "./demo-data";
export { syntheticNumeric } from "./synthetic";

export interface SeedOptions {
  /** Today, for deciding which quarter is open; injectable for tests. */
  now?: Date;
  /** Load synthetic demo data (the demo and tests); a real deployment seeds only the catalogue. */
  demo?: boolean;
}

/** Catalogue, reporting periods and (for the demo) synthetic data. Safe to run again. */
export async function seedDatabase(db: Database, options: SeedOptions = {}): Promise<void> {
  const now = options.now ?? new Date();
  await syncCatalogue(db);
  await seedReportingPeriods(db, now);
  if (options.demo ?? true) await seedDemoData(db, now);
}
