import { existsSync } from "node:fs";
import path from "node:path";

/**
 * The monorepo root (the folder holding turbo.json), so every workspace finds the same data folders; the
 * working directory when there is none (an installed copy without the repository).
 */
export function repositoryRoot(): string {
  let dir = process.cwd();
  while (!existsSync(path.join(dir, "turbo.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}
