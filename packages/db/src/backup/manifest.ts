import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";

import { z } from "zod";

import { BackupError } from "./errors";
import { listFiles } from "./files";

/** The bundle's layout: one folder holding the manifest, the database archive and the export files. */
export const MANIFEST_FILE = "manifest.json";
export const DATABASE_FILE = "database.dump";
export const EXPORTS_FOLDER = "exports";

const ZFileEntrySchema = z.object({
  /** Relative to the bundle, with `/` separators, never leaving it. */
  path: z
    .string()
    .min(1)
    .refine((value) => isInsideBundle(value), { message: "a relative path inside the backup" }),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const ZManifestSchema = z.object({
  format: z.literal("zones-backup"),
  version: z.literal(1),
  createdAt: z.iso.datetime(),
  database: z.object({
    file: z.literal(DATABASE_FILE),
    /** `server_version` of the source, e.g. `15.12 (Debian 15.12-0+deb12u2)`. */
    serverVersion: z.string(),
    serverMajor: z.number().int().positive(),
    /** What `pg_dump --version` printed. */
    pgDump: z.string(),
    /** How many migrations the source had applied: which release's schema this is. */
    migrations: z.number().int().nonnegative(),
    /** Rows per table (`schema.table`), counted in the snapshot pg_dump wrote; restore checks them. */
    tables: z.record(z.string(), z.number().int().nonnegative()),
  }),
  /** The export folder the files came from (export runs record absolute paths into it); null if none. */
  exportDir: z.string().nullable(),
  /** Every file of the bundle but the manifest, with its size and SHA-256. */
  files: z.array(ZFileEntrySchema),
});

export type Manifest = z.infer<typeof ZManifestSchema>;
export type FileEntry = z.infer<typeof ZFileEntrySchema>;

function isInsideBundle(relative: string): boolean {
  if (relative.includes("\\") || path.posix.isAbsolute(relative)) return false;
  const normal = path.posix.normalize(relative);
  return normal === relative && normal !== MANIFEST_FILE && !normal.startsWith("../") && normal !== "..";
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  await pipeline(createReadStream(file), hash);
  return hash.digest("hex");
}

/** The entries of the files under `bundle` (all but the manifest), sorted by path. */
export async function describeFiles(bundle: string): Promise<FileEntry[]> {
  const entries: FileEntry[] = [];
  for (const relative of await listFiles(bundle)) {
    if (relative === MANIFEST_FILE) continue;
    const file = path.join(bundle, relative);
    entries.push({ path: relative, bytes: (await stat(file)).size, sha256: await sha256File(file) });
  }
  return entries;
}

export async function writeManifest(bundle: string, manifest: Manifest): Promise<void> {
  await writeFile(path.join(bundle, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** The bundle's manifest, or a refusal saying why it is not a backup this version can read. */
export async function readManifest(bundle: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(path.join(bundle, MANIFEST_FILE), "utf8");
  } catch {
    throw new BackupError(`--in: ${bundle} is not a Zones backup (no readable ${MANIFEST_FILE} in it).`, 2);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BackupError(`${path.join(bundle, MANIFEST_FILE)} is not valid JSON: the backup is damaged.`);
  }
  const parsed = ZManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`,
    );
    throw new BackupError(
      `${path.join(bundle, MANIFEST_FILE)} is not a valid manifest: ${issues.join("; ")}`,
    );
  }
  return parsed.data;
}

/**
 * What differs between the bundle on disk and its manifest: a file missing, added, of another size or
 * another checksum. Empty when the bundle is intact.
 */
export async function bundleProblems(bundle: string, manifest: Manifest): Promise<string[]> {
  const problems: string[] = [];
  const onDisk = new Set((await listFiles(bundle)).filter((file) => file !== MANIFEST_FILE));
  const listed = new Set(manifest.files.map((entry) => entry.path));
  if (!listed.has(DATABASE_FILE)) problems.push(`${DATABASE_FILE}: not listed in the manifest`);
  for (const entry of manifest.files) {
    if (!onDisk.has(entry.path)) {
      problems.push(`${entry.path}: missing`);
      continue;
    }
    const file = path.join(bundle, entry.path);
    const bytes = (await stat(file)).size;
    if (bytes !== entry.bytes) {
      problems.push(`${entry.path}: ${bytes} bytes, the manifest says ${entry.bytes}`);
    } else if ((await sha256File(file)) !== entry.sha256) {
      problems.push(`${entry.path}: SHA-256 differs from the manifest`);
    }
  }
  for (const file of onDisk) if (!listed.has(file)) problems.push(`${file}: not in the manifest`);
  return problems;
}
