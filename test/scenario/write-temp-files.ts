import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { InputError } from "../../src/scenario/index.js";

/** Writes `files` (relative path -> text) into a fresh temporary folder and returns the folder. */
export function writeTempFiles(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "offersim-scenario-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** The problems of the InputError that `action` throws; fails if it throws nothing or something else. */
export function problemsOf(action: () => unknown): string[] {
  try {
    action();
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  throw new Error("expected a InputError, but nothing was thrown");
}
