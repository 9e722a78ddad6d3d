import { existsSync } from "node:fs";
import path from "node:path";

/**
 * `EXPORT_DIR` (or the value the web app validated), else `<repository>/.data/exports`: the web app and
 * `npm run worker` find the same folder.
 */
export function defaultExportDir(configured = process.env.EXPORT_DIR): string {
  if (configured) return path.resolve(/*turbopackIgnore: true*/ configured);
  let dir = process.cwd();
  while (!existsSync(path.join(dir, "turbo.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(/*turbopackIgnore: true*/ process.cwd(), ".data", "exports");
    dir = parent;
  }
  return path.join(dir, ".data", "exports");
}
