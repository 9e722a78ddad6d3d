import path from "node:path";
import { parseArgs } from "node:util";

import { BackupError } from "./errors";

/**
 * The one path option of `db:backup` (`--out`) or `db:restore` (`--in`), resolved against `baseDir` (the
 * folder the command was typed in: npm runs workspace scripts from the package's folder). Anything else
 * on the command line is refused, naming the argument.
 */
export function parsePathOption(argv: string[], name: "out" | "in", baseDir: string): string {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: argv, options: { [name]: { type: "string" } }, strict: true }));
  } catch (error) {
    throw new BackupError(`${(error as Error).message}. Usage: ${usage(name)}`, 2);
  }
  const value = values[name];
  if (typeof value !== "string" || value.trim() === "") {
    throw new BackupError(`--${name} FOLDER is required. Usage: ${usage(name)}`, 2);
  }
  return path.resolve(baseDir, value);
}

function usage(name: "out" | "in"): string {
  return name === "out"
    ? "npm run db:backup -- --out FOLDER (a new folder for the backup)"
    : "npm run db:restore -- --in FOLDER (a folder written by db:backup)";
}
