import { createHash, randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { ZoneEdit } from "@zones/domain";
import postgres from "postgres";

import { type DatabaseHandle, openPglite, openPostgres } from "./client";
import { env } from "./env";
import { migrateDatabase, migrationsFolder } from "./migrate";

import type { TestEngine } from "./test-projects";

export type { TestEngine };

/** Test-only: an admin's addition of a zone the built-in catalogue lacks (Yulin, Shaanxi, as if of the second batch). */
export const YULIN_ZONE_EDIT: ZoneEdit = {
  code: "SN-YL",
  nameZh: "陕西榆林",
  nameEn: "Yulin, Shaanxi",
  shortNameZh: "榆林",
  shortNameEn: "Yulin",
  provinceZh: "陕西",
  provinceEn: "Shaanxi",
  batch: 2,
  namedOn: "2019-08-01",
  reportsFrom: "2019Q4",
  cityType: "resource-based",
  region: "west",
  memberCities: [{ code: "SN-YL-YL", nameZh: "榆林", nameEn: "Yulin" }],
};

/** The engine this test run targets; vitest projects set TEST_ENGINE (see `databaseTestProjects`). */
export function testEngine(): TestEngine {
  return process.env.TEST_ENGINE === "postgres" ? "postgres" : "pglite";
}

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or — on the postgres engine — a new
 * database created through TEST_DATABASE_URL and dropped again by `close()`.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  if (testEngine() === "pglite") return openPglite(undefined, await pgliteTemplate("migrated"));
  const handle = await createEmptyTestDatabase();
  await migrateDatabase(handle);
  return handle;
}

/** A new empty database on the server of `adminUrl` (an admin connection); `drop()` removes it, connections and all. */
export async function createScratchDatabase(adminUrl: string, prefix = "zones_test") {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const dropper = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        await dropper.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

/** As `createTestDatabase`, without migrations: a restore target, or a database of an older release. */
export async function createEmptyTestDatabase(): Promise<DatabaseHandle> {
  if (testEngine() === "pglite") return openPglite(undefined, await pgliteTemplate("empty"));
  const adminUrl = env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_ENGINE=postgres needs TEST_DATABASE_URL (an admin connection URL).");
  const scratch = await createScratchDatabase(adminUrl);
  const handle = openPostgres(scratch.url);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await scratch.drop();
    },
  };
}

/** A loopback port nobody listens on (one the system gave, released again): a PostgreSQL that is down. */
export function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/**
 * PGlite's initdb takes 3–5 s per in-memory database on a 2-core machine, and the migrations most of a second:
 * a test file's database starts instead from a data dir dumped once (under a second to load). The dumps live in
 * the system's temporary folder under a key of PGlite's version and the committed migrations, so a new
 * migration or release makes new ones; concurrent test processes may each write one, renamed into place whole.
 */
type TemplateKind = "empty" | "migrated";

const TEMPLATE_FOLDER = path.join(os.tmpdir(), "zones-pglite-templates");
const templates = new Map<TemplateKind, Promise<Blob>>();

function pgliteTemplate(kind: TemplateKind): Promise<Blob> {
  let template = templates.get(kind);
  if (!template) {
    template = loadOrMakeTemplate(kind);
    templates.set(kind, template);
    // A failure is not kept: the next database tries again.
    template.catch(() => templates.delete(kind));
  }
  return template;
}

async function loadOrMakeTemplate(kind: TemplateKind): Promise<Blob> {
  const key = await templateKey();
  const file = path.join(TEMPLATE_FOLDER, `${kind}-${key}.tar`);
  try {
    return new Blob([await readFile(file)]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const handle =
    kind === "empty" ? await openPglite() : await openPglite(undefined, await pgliteTemplate("empty"));
  let dump: Blob;
  try {
    if (kind === "migrated") await migrateDatabase(handle);
    if (!handle.dumpDataDir) throw new Error("an in-memory PGlite handle can dump its data dir");
    dump = await handle.dumpDataDir();
  } finally {
    await handle.close();
  }
  await mkdir(TEMPLATE_FOLDER, { recursive: true });
  const partial = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.partial`;
  await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  await rename(partial, file);
  await removeOtherTemplates(key);
  return dump;
}

/** Dumps of older migrations or releases: 40 MB each, never read again. */
async function removeOtherTemplates(key: string): Promise<void> {
  for (const name of await readdir(TEMPLATE_FOLDER)) {
    if (!name.includes(key)) await rm(path.join(TEMPLATE_FOLDER, name), { force: true });
  }
}

let keyOnce: Promise<string> | undefined;
function templateKey(): Promise<string> {
  keyOnce ??= (async () => {
    const hash = createHash("sha256");
    const pgliteEntry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
    hash.update(await readFile(path.join(path.dirname(pgliteEntry), "..", "package.json")));
    const folder = migrationsFolder();
    const files = (await readdir(folder, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
    for (const file of files) {
      hash.update(path.relative(folder, file));
      hash.update(await readFile(file));
    }
    return hash.digest("hex").slice(0, 16);
  })();
  return keyOnce;
}
