/**
 * `npm run bench:seed -- --units 2850 --indicators 40 --quarters 40 [--to 2026Q3] [--audit values|status] [--force]`
 *
 * Fills the PostgreSQL database of DATABASE_URL (created if missing; reset if the generator filled it
 * before) with a complete synthetic data set at that scale, loaded with COPY. See docs/performance.md.
 */
import { parseArgs } from "node:util";
import { parseQuarter, type QuarterString } from "@zones/domain";

import { type AuditMode, describeScale, seedBench } from "../lib/generate";
import { redact } from "../lib/pg";

const { values } = parseArgs({
  options: {
    units: { type: "string", default: "246" },
    indicators: { type: "string", default: "40" },
    quarters: { type: "string", default: "40" },
    to: { type: "string" },
    audit: { type: "string", default: "values" },
    "no-accounts": { type: "boolean", default: false },
    force: { type: "boolean", default: false },
  },
});

const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    "Set DATABASE_URL to a PostgreSQL database of its own, e.g. postgres://postgres@127.0.0.1:5432/bench",
  );
  process.exit(2);
}
if (values.audit !== "values" && values.audit !== "status") {
  console.error(`--audit must be "values" or "status", got ${values.audit}`);
  process.exit(2);
}
let to: QuarterString | undefined;
if (values.to) {
  const parsed = parseQuarter(values.to);
  if (!parsed.ok) {
    console.error(`--to: ${values.to} is not a quarter like 2026Q3`);
    process.exit(2);
  }
  to = values.to as QuarterString;
}
const scale = {
  units: Number(values.units),
  indicators: Number(values.indicators),
  quarters: Number(values.quarters),
};

try {
  console.log(`Seeding ${redact(url)}: ${describeScale(scale)}`);
  const report = await seedBench(url, {
    scale,
    audit: values.audit as AuditMode,
    accounts: !values["no-accounts"],
    force: values.force,
    log: (line) => console.log(line),
    ...(to ? { to } : {}),
  });
  const { marker } = report;
  console.log(
    `Done in ${marker.seconds.toFixed(1)} s: ${marker.observations.toLocaleString("en")} observations ${marker.from}–${marker.to} ` +
      `(${Math.round(marker.observations / marker.seconds).toLocaleString("en")} observations/s overall); ` +
      Object.entries(report.tableSizes)
        .map(([table, size]) => `${table} ${size}`)
        .join(", "),
  );
} catch (error) {
  console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
