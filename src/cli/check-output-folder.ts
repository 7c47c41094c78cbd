import { accessSync, constants, existsSync, mkdtempSync, openSync, readdirSync, readSync, closeSync, rmdirSync, statSync } from "node:fs";
import path from "node:path";
import { InputError } from "../input-error.js";

/** What goes into the folder: a run's results (or a shard's partial.json), or a sweep. */
export type OutputKind = "run" | "sweep";

/** The file whose presence, written by offersim, marks an earlier output of each kind. */
const MARKERS: Record<OutputKind, readonly string[]> = { run: ["results.json", "partial.json"], sweep: ["sweep.json"] };
/** Only the start of a marker file is read: offersim writes its format near the top. */
const MARKER_HEAD_BYTES = 4096;

/**
 * Checks an output folder before any work, so that a bad one is bad input (exit 2 naming the
 * flag) rather than a failure after the whole simulation. The folder must be new (its nearest
 * existing parent a folder this process can write in), or empty, or an earlier offersim output
 * of the same kind, which is replaced only with `force`. A folder holding anything else is never
 * touched. `dir` may be a list when the flag was given twice.
 *
 * @throws {InputError} naming the flag, what was expected and what was found.
 */
export function checkOutputFolder(dir: string | string[], flag: string, kind: OutputKind, force: boolean): void {
  if (Array.isArray(dir)) throw new InputError(`${flag} must be given once, got ${dir.length} values: ${JSON.stringify(dir)}`);
  if (dir.trim() === "") throw new InputError(`${flag} must name a folder, got an empty path`);
  if (!existsSync(dir)) return checkCanCreate(dir, flag);
  if (!statSync(dir).isDirectory()) throw new InputError(`${flag} must be a folder, got ${JSON.stringify(dir)}, which is a file`);
  const entries = readdirSync(dir);
  if (entries.length > 0) {
    const earlier = MARKERS[kind].some((name) => entries.includes(name) && writtenByOffersim(path.join(dir, name)));
    if (!earlier) {
      throw new InputError(
        `${flag} must be a new or empty folder, or an earlier offersim ${kind}'s folder to replace with --force, got ${JSON.stringify(dir)}, which holds other files (${entries.slice(0, 3).join(", ")}${entries.length > 3 ? ", ..." : ""})`,
      );
    }
    if (!force) throw new InputError(`${flag} ${JSON.stringify(dir)} holds the results of an earlier offersim ${kind}: add --force to replace them, or name another folder`);
  }
  checkWritable(dir, flag);
}

/** The marker file's first bytes carry offersim's own format fields. */
function writtenByOffersim(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    const descriptor = openSync(file, "r");
    const head = Buffer.alloc(MARKER_HEAD_BYTES);
    const length = readSync(descriptor, head, 0, MARKER_HEAD_BYTES, 0);
    closeSync(descriptor);
    const text = head.subarray(0, length).toString("utf8");
    return /"offersimVersion"\s*:/.test(text) || /"format"\s*:\s*"offersim-/.test(text);
  } catch {
    return false;
  }
}

/** A folder that does not exist yet: its nearest existing ancestor must be a folder we can create it in. */
function checkCanCreate(dir: string, flag: string): void {
  let ancestor = path.dirname(path.resolve(dir));
  while (!existsSync(ancestor)) ancestor = path.dirname(ancestor);
  if (!statSync(ancestor).isDirectory()) throw new InputError(`${flag} must be a folder path, got ${JSON.stringify(dir)}, but ${ancestor} is a file`);
  checkWritable(ancestor, flag, dir);
}

/** Can create entries in `folder`: asked of the OS, then tried (some file systems, such as /proc, refuse what access() allows). */
function checkWritable(folder: string, flag: string, named: string = folder): void {
  const refuse = (reason: string) => new InputError(`${flag} must be a folder offersim can write in, got ${JSON.stringify(named)}: ${reason}`);
  try {
    accessSync(folder, constants.W_OK | constants.X_OK);
    rmdirSync(mkdtempSync(path.join(folder, ".offersim-write-test-")));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw refuse(`${folder} is not writable (${code})`);
  }
}

/**
 * Checks an output file's path before any work: given once, not empty, not a folder, and in a
 * folder offersim can write in (or can create).
 *
 * @throws {InputError} naming the flag.
 */
export function checkOutputFile(file: string | string[], flag: string): void {
  if (Array.isArray(file)) throw new InputError(`${flag} must be given once, got ${file.length} values: ${JSON.stringify(file)}`);
  if (file.trim() === "") throw new InputError(`${flag} must name a file, got an empty path`);
  if (existsSync(file) && !statSync(file).isFile()) throw new InputError(`${flag} must be a file, got ${JSON.stringify(file)}, which is a folder or a device`);
  let ancestor = path.dirname(path.resolve(file));
  while (!existsSync(ancestor)) ancestor = path.dirname(ancestor);
  if (!statSync(ancestor).isDirectory()) throw new InputError(`${flag} must be a file path, got ${JSON.stringify(file)}, but ${ancestor} is a file`);
  try {
    accessSync(ancestor, constants.W_OK | constants.X_OK);
    rmdirSync(mkdtempSync(path.join(ancestor, ".offersim-write-test-")));
  } catch (error) {
    throw new InputError(`${flag} must be a file offersim can write, got ${JSON.stringify(file)}: ${ancestor} is not writable (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}
