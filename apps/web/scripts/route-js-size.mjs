/**
 * `node scripts/route-js-size.mjs [--json]` after `next build`: the JavaScript each App Router page loads on
 * first visit (the framework's root files, the layout's and the page's entry chunks), raw and gzipped.
 * Next 16 no longer prints sizes in its build output; this reads the build's client reference manifests.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const nextDir = path.resolve(import.meta.dirname, "../.next");
const appDir = path.join(nextDir, "server/app");
const build = JSON.parse(readFileSync(path.join(nextDir, "build-manifest.json"), "utf8"));

function manifests(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return manifests(full);
    return name === "page_client-reference-manifest.js" ? [full] : [];
  });
}

const gzipped = new Map();
function sizes(file) {
  if (!gzipped.has(file)) {
    const bytes = readFileSync(path.join(nextDir, file));
    gzipped.set(file, { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  return gzipped.get(file);
}

const rows = [];
for (const file of manifests(appDir)) {
  globalThis.__RSC_MANIFEST = {};
  // The manifest is a script assigning to globalThis.__RSC_MANIFEST.
  new Function(readFileSync(file, "utf8"))();
  const [route, manifest] = Object.entries(globalThis.__RSC_MANIFEST)[0];
  if (route.startsWith("/_")) continue;
  const pageKey = `[project]/apps/web/src/app${route}`;
  const files = new Set([
    ...build.rootMainFiles,
    ...(manifest.entryJSFiles["[project]/apps/web/src/app/layout"] ?? []),
    ...(manifest.entryJSFiles[pageKey] ?? []),
  ]);
  let raw = 0;
  let gzip = 0;
  for (const chunk of files) {
    const size = sizes(chunk);
    raw += size.raw;
    gzip += size.gzip;
  }
  rows.push({ route: route.replace(/\/page$/, "") || "/", files: files.size, raw, gzip });
}
rows.sort((a, b) => a.route.localeCompare(b.route));

if (process.argv.includes("--json")) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
  console.log(`${"route".padEnd(28)} ${"files".padStart(5)} ${"raw".padStart(10)} ${"gzip".padStart(10)}`);
  for (const row of rows) {
    console.log(
      `${row.route.padEnd(28)} ${String(row.files).padStart(5)} ${kb(row.raw).padStart(10)} ${kb(row.gzip).padStart(10)}`,
    );
  }
}
