import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (test/cli/ is two levels down). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The built CLI: `npm test` builds it before vitest runs. */
export const CLI = path.join(REPO_ROOT, "dist", "src", "cli", "offersim.js");

/** The shipped baseline scenario, by absolute path (temporary scenarios extend it). */
export const BASELINE = path.join(REPO_ROOT, "scenarios", "baseline.yaml");

/** Flags that keep one run to a couple of seconds. */
export const SMALL_RUN = ["--subscribers", "1500", "--days", "60", "--seeds", "2", "--quiet"];

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/src/cli/offersim.js ...args` in `cwd` (the repository root unless given), with `extraEnv` added to the environment. */
export function runCli(args: readonly string[], cwd: string = REPO_ROOT, extraEnv: Record<string, string> = {}, timeoutMs = 60_000): CliResult {
  if (!existsSync(CLI)) throw new Error(`${CLI} not found: build first (npx tsc -p tsconfig.build.json)`);
  const env = { ...process.env, ...extraEnv };
  delete env.OFFERSIM_DEBUG;
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, env, encoding: "utf8", timeout: timeoutMs });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh empty folder under the system's temporary folder. */
export function makeTempDir(prefix = "offersim-cli-"): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Writes `text` to `name` inside `dir` and returns the file's absolute path. */
export function writeTempFile(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

/** A scenario that extends the baseline by absolute path, plus the given YAML lines. */
export function scenarioExtendingBaseline(dir: string, name: string, lines: readonly string[]): string {
  return writeTempFile(dir, name, [`extends: ${JSON.stringify(BASELINE)}`, ...lines, ""].join("\n"));
}

/** Parsed results.json of an output folder. */
export function readResults(outDir: string): ResultsFile {
  return JSON.parse(readFileSync(path.join(outDir, "results.json"), "utf8")) as ResultsFile;
}

export interface KpiSummary {
  mean: number;
  ci95: [number, number] | null;
  perSeed: number[];
}

/** The parts of results.json the CLI tests read. */
export interface ResultsFile {
  schemaVersion: number;
  meta?: Record<string, unknown>;
  scenario: { name: string; hash: string };
  config: { rootSeed: number; seeds: number; subscribers: number; days: number; policies: string[] };
  policies: { policy: string; kpis: Record<string, KpiSummary>; segments: Record<string, Record<string, KpiSummary>> }[];
}

/**
 * A policy module as a user would write it, in plain ESM JavaScript. `decideBody` runs once per
 * row with `row`, `offset` (row * actionCount), `batch` and `output` in scope.
 */
export function policyModuleSource(name: string, decideBody: string): string {
  return [
    "export default {",
    `  name: ${JSON.stringify(name)},`,
    `  description: "A test policy.",`,
    "  create(context) {",
    "    const actionCount = context.actions.length;",
    "    return {",
    "      decide(batch, output) {",
    "        for (let row = 0; row < batch.size; row++) {",
    "          const offset = row * actionCount;",
    `          ${decideBody}`,
    "        }",
    "      },",
    "    };",
    "  },",
    "};",
    "",
  ].join("\n");
}
