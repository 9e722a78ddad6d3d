/**
 * Memory and throughput of the streaming CSV export at ≥ 1,000,000 observations on PostgreSQL, beside
 * PostgreSQL's own `COPY … TO STDOUT` of the same rows. Creates a scratch database (dropped afterwards),
 * fills it with INSERT … SELECT generate_series (bypassing the app), then exports to a file and to /dev/null
 * while sampling the process's RSS every 50 ms. Prints figures; asserts nothing.
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:export -w @zones/exports
 *
 * ROWS (default 1000000) sets the size; BENCH_XLSX=1 also measures the XLSX writer.
 */
import { createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { rowsOf } from "@zones/db/client";
import { copyObservationsCsv, countObservationRows } from "@zones/db/exports";
import { syncCatalogue } from "@zones/db/seed";
import { createTestDatabase } from "@zones/db/testing";
import { addQuarters, INDICATOR_CODES, ZONE_CODES } from "@zones/domain";
import { sql } from "drizzle-orm";

import { parseExportFilters } from "../src/filters";
import { runExport, writeExportFile } from "../src/run";

if (!process.env.TEST_DATABASE_URL) {
  console.error("Set TEST_DATABASE_URL (an admin PostgreSQL URL): the benchmark runs on PostgreSQL only.");
  process.exit(1);
}
process.env.TEST_ENGINE = "postgres";

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const PAIRS = ZONE_CODES.length * INDICATOR_CODES.length;
const QUARTERS = Math.ceil(ROWS / PAIRS);
const FIRST = "1950Q1";
const LAST = addQuarters(FIRST, QUARTERS - 1);
const MB = 1024 * 1024;

interface Measured<T> {
  result: T;
  seconds: number;
  /** RSS when the phase started, and its peak during the phase (sampled every 50 ms). */
  startRss: number;
  peakRss: number;
  peakHeap: number;
}

/** Samples RSS and heap every 50 ms while `run` runs. */
async function measure<T>(run: () => Promise<T>): Promise<Measured<T>> {
  const startRss = process.memoryUsage().rss;
  let peakRss = startRss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sample = () => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  };
  const timer = setInterval(sample, 50);
  const started = performance.now();
  try {
    const result = await run();
    sample();
    return { result, seconds: (performance.now() - started) / 1000, startRss, peakRss, peakHeap };
  } finally {
    clearInterval(timer);
  }
}

function line(label: string, rows: number, run: Measured<unknown>, extra = "") {
  const mb = (bytes: number) => (bytes / MB).toFixed(0).padStart(4);
  console.log(
    `${label.padEnd(34)} ${String(rows).padStart(9)} rows ${run.seconds.toFixed(1).padStart(6)} s ${Math.round(
      rows / run.seconds,
    )
      .toLocaleString("en")
      .padStart(
        8,
      )} rows/s  RSS ${mb(run.startRss)} → peak ${mb(run.peakRss)} MB  heap peak ${mb(run.peakHeap)} MB${extra}`,
  );
}

const handle = await createTestDatabase();
const dir = await mkdtemp(path.join(tmpdir(), "zones-bench-"));
try {
  const { db } = handle;
  await syncCatalogue(db);
  const started = performance.now();
  await db.execute(sql`
    insert into reporting_periods (quarter, status, deadline)
    select (g / 4)::text || 'Q' || (g % 4 + 1)::text, 'closed', date '2000-01-01'
    from generate_series(1950 * 4, 1950 * 4 + ${QUARTERS - 1}::int) g`);
  await db.execute(sql`
    insert into submissions (zone_code, quarter, status, revision)
    select z.code, p.quarter, 'approved', (hashtext(z.code || p.quarter) & 1)
    from zones z cross join reporting_periods p`);
  // Values with 0–4 decimals, some negative; a note on about one row in 32, half of them formula-like.
  await db.execute(sql`
    insert into observations (zone_code, indicator_code, quarter, value, revision_kind, note)
    select s.zone_code, i.code, s.quarter,
           round(((hashtext(s.zone_code || i.code || s.quarter) % 2000000) / 100.0)::numeric, (i.sort_order % 5)),
           case when i.sort_order % 7 = 0 then 'preliminary' else 'final' end::revision_kind,
           case when (hashtext(i.code || s.quarter) & 63) = 0 then '=HYPERLINK("x","统计口径调整")'
                when (hashtext(s.zone_code || s.quarter) & 63) = 1 then '统计口径调整, 含逗号与"引号"'
           end
    from submissions s cross join indicators i`);
  await db.execute(sql`analyze`);
  const filters = parseExportFilters({
    zoneCodes: [...ZONE_CODES],
    indicatorCodes: [...INDICATOR_CODES],
    from: FIRST,
    to: LAST,
  });
  const rows = await countObservationRows(db, filters);
  const [size] = rowsOf<{ size: string }>(
    await db.execute(sql`select pg_size_pretty(pg_total_relation_size('observations')) as size`),
  );
  console.log(
    `${rows.toLocaleString("en")} observations (${ZONE_CODES.length} zones × ${INDICATOR_CODES.length} indicators × ${QUARTERS} quarters, ${FIRST}–${LAST}, table ${size?.size}), generated in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const options = process.env.NODE_OPTIONS ? ` (NODE_OPTIONS=${process.env.NODE_OPTIONS})` : "";
  const load = loadavg().map((value) => value.toFixed(1));
  console.log(`Node ${process.version}${options}, ${cpus().length} CPUs, load average ${load.join(" ")}\n`);

  const file = await measure(() => writeExportFile(db, filters, "csv", dir));
  line("CSV export → file", file.result.rowCount, file, `  ${(file.result.byteSize / MB).toFixed(1)} MB`);
  const written = await stat(file.result.filePath);
  if (written.size !== file.result.byteSize) throw new Error("file size differs from the reported byte size");
  await rm(file.result.filePath);

  const devNull = await measure(() => runExport(db, filters, "csv", createWriteStream("/dev/null")));
  line("CSV export → /dev/null", devNull.result.rowCount, devNull);

  const gb = await measure(() =>
    runExport(db, { ...filters, encoding: "gb18030" }, "csv", createWriteStream("/dev/null")),
  );
  line("CSV export (GB18030) → /dev/null", gb.result.rowCount, gb);

  const copy = await measure(async () => {
    let bytes = 0;
    let lines = 0;
    const counter = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
        callback();
      },
    });
    await pipeline(await copyObservationsCsv(db, filters), counter);
    return { bytes, lines };
  });
  // Lines less the header (quoted notes in this data hold no line breaks).
  line(
    "COPY … TO STDOUT → /dev/null",
    copy.result.lines - 1,
    copy,
    `  ${(copy.result.bytes / MB).toFixed(1)} MB`,
  );

  if (process.env.BENCH_XLSX === "1") {
    const xlsx = await measure(() => runExport(db, filters, "xlsx", createWriteStream("/dev/null")));
    line(
      "XLSX export → /dev/null",
      xlsx.result.rowCount,
      xlsx,
      `  ${(xlsx.result.byteSize / MB).toFixed(1)} MB`,
    );
  }
} finally {
  await rm(dir, { recursive: true, force: true });
  await handle.close();
}
