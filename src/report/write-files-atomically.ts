import { existsSync, mkdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Writes every file of `files` into `dir`, each first to a temporary name and then renamed, so
 * that an interrupted run leaves either the complete file or none. Creates `dir` if needed, and
 * removes it again if writing fails (a full disk, say) while it is still empty. `stale` names
 * files of an earlier output that the new one replaces without rewriting (a run's results
 * replace a shard's partial.json): they are removed once the new files are in place.
 */
export function writeFilesAtomically(dir: string, files: Record<string, string>, { stale = [] }: { stale?: readonly string[] } = {}): void {
  const created = !existsSync(dir);
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  try {
    for (const [name, content] of Object.entries(files)) {
      const temporary = path.join(dir, `.${name}.${process.pid}.tmp`);
      written.push(temporary);
      writeFileSync(temporary, content);
    }
    for (const name of Object.keys(files)) renameSync(path.join(dir, `.${name}.${process.pid}.tmp`), path.join(dir, name));
    for (const name of stale) if (!Object.hasOwn(files, name)) rmSync(path.join(dir, name), { force: true });
  } catch (error) {
    for (const temporary of written) rmSync(temporary, { force: true });
    if (created) removeIfEmpty(dir);
    throw error;
  }
}

function removeIfEmpty(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // Not empty (some files were renamed in): leave it.
  }
}
