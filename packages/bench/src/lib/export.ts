import { openSync } from "node:fs";
import path from "node:path";
import { POSTGRES_SESSION_SETTINGS } from "@zones/db/client";

import { copyObservationsStatement } from "./copy-baseline";
import { everythingScope } from "./export-scope";
import { connect } from "./pg";
import { run, runChecked } from "./proc";

const WORKER = path.resolve(import.meta.dirname, "../cli/export-worker.ts");

export interface ExportMeasure {
  rows: number;
  bytes: number;
  seconds: number;
  /** RSS of the export process when the export started, and its peak (VmHWM) over the whole process. */
  rssStart: number;
  rssPeak: number;
  copySeconds: number;
  copyRuns: number;
}

/**
 * The streaming CSV export (`runExport`, UTF-8 with BOM, long layout, to /dev/null) of every generated
 * observation, in a fresh process, beside `COPY (…) TO STDOUT WITH CSV` of the same rows through psql (to
 * /dev/null). With `warm`, one unmeasured COPY first reads the tables into the caches.
 */
export async function benchExport(
  url: string,
  range: { from: string; to: string },
  options: { warm: boolean; log: (line: string) => void },
): Promise<ExportMeasure> {
  const sql = connect(url, { max: 1 });
  let copyStatement: string;
  try {
    copyStatement = copyObservationsStatement(await everythingScope(sql, range.from, range.to));
  } finally {
    await sql.end({ timeout: 5 });
  }
  const devNull = openSync("/dev/null", "w");
  // psql's session gets the app's session settings (`jit = off`), as the export's own connection does.
  const pgOptions = Object.entries(POSTGRES_SESSION_SETTINGS)
    .map(([name, value]) => `-c ${name}=${value}`)
    .join(" ");
  const copy = () =>
    runChecked("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-f", "-"], {
      input: `${copyStatement};\n`,
      stdoutFd: devNull,
      env: { ...process.env, PGOPTIONS: `${process.env.PGOPTIONS ?? ""} ${pgOptions}`.trim() },
    });
  if (options.warm) await copy();

  const worker = await run(process.execPath, ["--import", "tsx", WORKER, range.from, range.to], {
    cwd: path.resolve(import.meta.dirname, "../.."),
    env: { ...process.env, DATABASE_URL: url },
  });
  if (worker.code !== 0) throw new Error(`the export worker failed:\n${worker.stderr.slice(-2000)}`);
  const line = worker.stdout.trim().split("\n").at(-1) ?? "";
  const measured = JSON.parse(line) as Pick<
    ExportMeasure,
    "rows" | "bytes" | "seconds" | "rssStart" | "rssPeak"
  >;

  const baseline = await copy();
  options.log(
    `  export ${measured.rows.toLocaleString("en")} rows in ${measured.seconds.toFixed(1)} s, peak RSS ${(measured.rssPeak / 1048576).toFixed(0)} MB; COPY via psql ${baseline.seconds.toFixed(1)} s`,
  );
  return { ...measured, copySeconds: baseline.seconds, copyRuns: 1 };
}
