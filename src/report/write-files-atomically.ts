import { existsSync, mkdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Writes every file of `files` into `dir`, each first to a temporary name and then renamed, so
 * that an interrupted run leaves either the complete file or none. Creates `dir` if needed, and
 * removes it again if writing fails (a full disk, say) while it is still empty.
 */
export function writeFilesAtomically(dir: string, files: Record<string, string>): void {
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
