import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Writes a whole folder of files (relative path -> text, subfolders allowed) as one step: into a
 * temporary sibling folder first, then renamed into place, replacing `dir` if it exists. A
 * failure before the rename leaves `dir` as it was and no temporary folder behind.
 */
export function writeFolderAtomically(dir: string, files: Record<string, string>): void {
  const parent = path.dirname(path.resolve(dir));
  mkdirSync(parent, { recursive: true });
  const staging = path.join(parent, `.${path.basename(dir)}.${process.pid}.partial`);
  const previous = path.join(parent, `.${path.basename(dir)}.${process.pid}.previous`);
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const [name, content] of Object.entries(files)) {
      const file = path.join(staging, name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
    if (existsSync(dir)) renameSync(dir, previous);
    renameSync(staging, dir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (existsSync(previous) && !existsSync(dir)) renameSync(previous, dir);
    throw error;
  }
  rmSync(previous, { recursive: true, force: true });
}

/** True when `dir` does not exist or is an empty folder. */
export function isAbsentOrEmpty(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}
