import path from "node:path";

import { env } from "./env";
import { repositoryRoot } from "./repository-root";

/**
 * `EXPORT_DIR` (or the value the web app validated), else `<repository>/.data/exports`: the web app,
 * `npm run worker` and the backups find the same folder. Declared here, beside the embedded store's folder,
 * because a backup holds both.
 */
export function defaultExportDir(configured = env.EXPORT_DIR): string {
  return path.resolve(
    /*turbopackIgnore: true*/ configured ?? path.join(repositoryRoot(), ".data", "exports"),
  );
}
