/**
 * Memory and throughput of the streaming CSV export at ≥ 1,000,000 observations on PostgreSQL, beside
 * PostgreSQL's own `COPY … TO STDOUT` of the same rows. Creates a scratch database (dropped afterwards),
 * fills it with INSERT … SELECT generate_series (bypassing the app), then exports to a file and to /dev/null
 * while sampling the process's RSS every 50 ms. Prints figures; asserts nothing.
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:export
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
import { countObservationRows } from "@zones/db/exports";
import { INDICATOR_CODES, ZONE_CODES } from "@zones/domain";
import { parseExportFilters, runExport } from "@zones/exports";
import { sql } from "drizzle-orm";

import { copyObservationsCsv } from "../lib/copy-baseline";
import { fillScratchObservations, openScratchDatabase, scratchSpan } from "../lib/scratch";
import { MB } from "../lib/stats";

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const { quarters: QUARTERS, from: FIRST, to: LAST } = scratchSpan(ROWS);

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

const handle = await openScratchDatabase();
const dir = await mkdtemp(path.join(tmpdir(), "zones-bench-"));
try {
  const { db } = handle;
  const started = performance.now();
  await fillScratchObservations(db, QUARTERS);
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

  const filePath = path.join(dir, "export.csv");
  const file = await measure(() =>
    runExport(db, filters, "csv", createWriteStream(filePath, { flush: true })),
  );
  line("CSV export → file", file.result.rowCount, file, `  ${(file.result.byteSize / MB).toFixed(1)} MB`);
  const written = await stat(filePath);
  if (written.size !== file.result.byteSize) throw new Error("file size differs from the reported byte size");
  await rm(filePath);

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
    await pipeline(await copyObservationsCsv(handle, filters), counter);
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
