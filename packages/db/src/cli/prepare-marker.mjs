// Plain JavaScript (typed in prepare-marker.d.mts): `npm run demo` reads it with Node alone, before anything
// is compiled, to decide without opening the embedded database whether `db:prepare` has work to do.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * What a prepare's result depends on, relative to the repository root: the migrations, this package's code
 * (schema, seed, the queries it calls, the prepare itself), the catalogue in `@zones/domain`, and the
 * installed versions of PGlite, drizzle and better-auth (the lock file). A change anywhere here runs the
 * prepare again; tests are left out.
 */
export const PREPARE_INPUTS = [
  "package-lock.json",
  "packages/db/package.json",
  "packages/db/drizzle",
  "packages/db/src",
  "packages/domain/package.json",
  "packages/domain/src",
];

/** Kept inside the store's own folder: deleting or replacing the folder takes the marker with it. */
export const PREPARE_MARKER_FILE = "zones-prepared.json";

const MARKER_VERSION = 1;

function isTest(name) {
  return /\.test\.[cm]?[jt]sx?$/.test(name);
}

function listFiles(rootDir, relative, into) {
  const absolute = path.join(rootDir, relative);
  if (!existsSync(absolute)) return;
  if (!statSync(absolute).isDirectory()) {
    into.push(relative);
    return;
  }
  for (const entry of readdirSync(absolute, { withFileTypes: true })) {
    const child = path.posix.join(relative, entry.name);
    if (entry.isDirectory()) listFiles(rootDir, child, into);
    else if (entry.isFile() && !isTest(entry.name)) into.push(child);
  }
}

/** The files of `inputs` (folders walked, tests left out), relative to `rootDir`, sorted. */
export function prepareInputFiles(rootDir, inputs = PREPARE_INPUTS) {
  const files = [];
  for (const input of inputs) listFiles(rootDir, input, files);
  return files.sort();
}

/** A hash of every input file's path and content: equal keys, equal prepares. */
export function prepareInputsKey(rootDir, inputs = PREPARE_INPUTS) {
  const files = prepareInputFiles(rootDir, inputs);
  const hash = createHash("sha256").update(`zones-prepare-inputs ${MARKER_VERSION}\n`);
  for (const file of files) {
    const content = createHash("sha256")
      .update(readFileSync(path.join(rootDir, file)))
      .digest("hex");
    hash.update(`${file}\0${content}\n`);
  }
  return hash.digest("hex");
}

/** The marker of the store in `dataDir`, or null when there is none (or it cannot be read). */
export function readPrepareMarker(dataDir) {
  try {
    return JSON.parse(readFileSync(path.join(dataDir, PREPARE_MARKER_FILE), "utf8"));
  } catch {
    return null;
  }
}

/** Written (atomically) after a successful prepare, while the store is still open and locked. */
export function writePrepareMarker(dataDir, { key, validUntil, preparedAt = new Date() }) {
  const file = path.join(dataDir, PREPARE_MARKER_FILE);
  const marker = {
    version: MARKER_VERSION,
    key,
    preparedAt: preparedAt.toISOString(),
    validUntil: validUntil.toISOString(),
  };
  writeFileSync(`${file}.tmp`, `${JSON.stringify(marker, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}

/**
 * Whether a prepare done as `marker` says still holds: made from the same inputs, and the seed not yet due
 * again (a new quarter brings new periods and demo data). Anything unexpected counts as not prepared.
 */
export function prepareMarkerIsCurrent(marker, { key, now = new Date() }) {
  if (!marker || typeof marker !== "object") return false;
  if (marker.version !== MARKER_VERSION || typeof marker.key !== "string" || marker.key !== key) return false;
  const validUntil = Date.parse(marker.validUntil);
  const preparedAt = Date.parse(marker.preparedAt);
  if (Number.isNaN(validUntil) || Number.isNaN(preparedAt)) return false;
  // A clock set back before the prepare is as suspect as one past its validity.
  return preparedAt <= now.getTime() && now.getTime() < validUntil;
}

/**
 * For `npm run demo`: true when the embedded store in `dataDir` was prepared from these inputs and nothing
 * else holds it now (a lock means another process has it open: the prepare then says so clearly).
 */
export function embeddedStoreIsPrepared(dataDir, rootDir, now = new Date()) {
  if (existsSync(`${dataDir}.lock`)) return false;
  const marker = readPrepareMarker(dataDir);
  if (!marker) return false;
  return prepareMarkerIsCurrent(marker, { key: prepareInputsKey(rootDir), now });
}
