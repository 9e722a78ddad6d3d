import { constants } from "node:fs";
import { copyFile, mkdir, readdir } from "node:fs/promises";
import path from "node:path";

/**
 * Regular files under `root`, relative and with `/` separators, sorted; none when `root` does not exist.
 * Symbolic links and other special files are left out: a backup copies data, not links to elsewhere.
 */
export async function listFiles(root: string): Promise<string[]> {
  let entries: import("node:fs").Dirent[];
  try {
    entries = await readdir(root, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/** Copies `from` to `to`, creating its folder; with `exclusive`, an existing `to` is an error (EEXIST). */
export async function copyInto(from: string, to: string, exclusive = false): Promise<void> {
  await mkdir(path.dirname(to), { recursive: true });
  await copyFile(from, to, exclusive ? constants.COPYFILE_EXCL : 0);
}
