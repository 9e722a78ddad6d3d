/**
 * One CSV export in a process of its own, so that its peak RSS is the export's and nothing else's:
 * `node --import tsx src/cli/export-worker.ts <from> <to>` with DATABASE_URL. Prints one JSON line.
 * Started by `npm run bench`; not a command of its own.
 */
import { createWriteStream, readFileSync } from "node:fs";
import { openPostgres } from "@zones/db/client";
import { runExport } from "@zones/exports";

import { everythingScope } from "../lib/export-scope";
import { connect } from "../lib/pg";

/** kB fields of /proc/self/status (VmHWM: the peak resident set size), or null off Linux. */
function statusKb(field: "VmRSS" | "VmHWM"): number | null {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync("/proc/self/status", "utf8"));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

const url = process.env.DATABASE_URL;
const [from, to] = process.argv.slice(2);
if (!url || !from || !to) {
  console.error("usage: DATABASE_URL=… node --import tsx src/cli/export-worker.ts <from> <to>");
  process.exit(2);
}

const sql = connect(url, { max: 1 });
const scope = await everythingScope(sql, from, to);
await sql.end({ timeout: 5 });
const handle = openPostgres(url);
try {
  const rssStart = (statusKb("VmRSS") ?? process.memoryUsage().rss / 1024) * 1024;
  let sampledPeak = rssStart;
  const timer = setInterval(() => {
    sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
  }, 50);
  const started = performance.now();
  const result = await runExport(handle.db, scope, "csv", createWriteStream("/dev/null"));
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  const hwm = statusKb("VmHWM");
  console.log(
    JSON.stringify({
      rows: result.rowCount,
      bytes: result.byteSize,
      seconds,
      rssStart,
      rssPeak: hwm === null ? Math.max(sampledPeak, process.memoryUsage().rss) : hwm * 1024,
    }),
  );
} finally {
  await handle.close();
}
