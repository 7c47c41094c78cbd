import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CLI, REPO_ROOT } from "../cli/run-cli.js";
import { extractDocExamples, placeholders, splitWords, type DocCommand, type DocFile } from "./doc-commands.js";

/*
 * Every example command in README.md and docs/*.md runs as written (issue 17). The rule:
 *
 * - Which lines: see extractDocExamples. In short, the lines of shell fences (``` with no language,
 *   sh, bash, shell or console) starting, after an optional `$ ` prompt, with `offersim`,
 *   `npx offersim`, `node dist/`, `npm run`, `npm start`, `npm test` or `npm ci`. Parts joined by
 *   `&&` run one after the other. yaml, js, ts and text fences are never run.
 * - A synopsis is not an example: a command line with a placeholder (a word in capitals such as DIR
 *   or FILE, an optional [--flag], "...", "a|b") belongs in a ```text fence, and fails here when
 *   it sits in a shell fence.
 * - How: `offersim`, `npx offersim` and `node dist/...` run the built files of this checkout (the
 *   suite builds before vitest); `npm start` and `npm run NAME` run package.json's script with its
 *   leading "npm run build --silent && " left out, the words after `--` appended.
 * - Where: each page's commands run in order (a later one may read what an earlier one wrote) in a
 *   temporary folder holding copies of scenarios/ and ci/, plus the files the page asks the reader
 *   to save ("Save it as `my-policy.mjs`:" above a fence). Nothing is written in the repository.
 * - Size: run, sweep and ope-check get --subscribers 300 --days 20 --seeds 2 --workers 1 in place
 *   of the values written (a doc may ask for a year of 10,000 subscribers), and train gets a budget
 *   of one 30-day episode on 300 subscribers (TINY_BUDGET); nothing else changes.
 * - Verdict: exit 0. Under a `$ ` prompt, output shown in the page is checked: all lines starting
 *   with "offersim:" mean a documented error (exit 2, those lines on stderr); other lines are the
 *   exact stdout (only when no size flag was changed), scenario hashes aside: a hash changes with
 *   every edit of a scenario, and the page need not follow each one.
 * - SKIPPED below lists, with the reason, the commands that are deliberately not run.
 */

const SKIPPED: Readonly<Record<string, string>> = {
  "npm ci": "installs node_modules from the registry; the suite runs after it",
  "npm test": "the whole suite, this test included",
  "npm run ci:baseline": "rewrites the committed CI baseline (ci/baseline); check --update-baseline has its own test (test/cli/check.test.ts)",
  "node dist/src/cli/offersim.js validate scenarios/bad.yaml": "shows the messages for a broken file the page describes but does not ship",
};

const SIZED_COMMANDS = ["run", "sweep", "ope-check"];
const TINY_BUDGET = "episodes=1,episodeDays=30,rlMaxSubscribers=300,historyDays=20";
const SIZE: Readonly<Record<string, string>> = { "--subscribers": "300", "--days": "20", "--seeds": "2", "--workers": "1" };
/** Commands that run at once (the pages run side by side; a page's own commands in order). */
const CONCURRENCY = 2;

const DOCS = ["README.md", ...readdirSync(path.join(REPO_ROOT, "docs")).filter((name) => name.endsWith(".md")).sort().map((name) => `docs/${name}`)];
const EXAMPLES = DOCS.map((doc) => ({ doc, ...extractDocExamples(doc, readFileSync(path.join(REPO_ROOT, doc), "utf8")) }));
const SCRIPTS = (JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
const BUILD_FIRST = "npm run build --silent && ";

interface Invocation {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly resized: boolean;
}

/** The argv (after `node`) a command part stands for, with the size flags set for run, sweep and ope-check. */
function invocation(part: string): Invocation {
  const words = splitWords(part);
  const env: Record<string, string> = {};
  while (/^[A-Z_][A-Z0-9_]*=/.test(words[0] ?? "")) {
    const [name, ...value] = words.shift()!.split("=");
    env[name] = value.join("=");
  }
  let argv: string[];
  if (words[0] === "offersim") argv = [CLI, ...words.slice(1)];
  else if (words[0] === "npx" && words[1] === "offersim") argv = [CLI, ...words.slice(2)];
  else if (words[0] === "node" && words[1]?.startsWith("dist/")) argv = [path.join(REPO_ROOT, words[1]), ...words.slice(2)];
  else if (words[0] === "npm" && (words[1] === "start" || words[1] === "run")) {
    const name = words[1] === "start" ? "start" : words[2];
    const rest = words.slice(words[1] === "start" ? 2 : 3);
    const script = SCRIPTS[name];
    if (script === undefined) throw new Error(`${part}: package.json has no script ${JSON.stringify(name)}`);
    if (!script.startsWith(`${BUILD_FIRST}node `) || script.slice(BUILD_FIRST.length).includes("&&")) {
      throw new Error(`${part}: the script ${JSON.stringify(script)} is not "${BUILD_FIRST}node ...": run it another way or add it to SKIPPED with a reason`);
    }
    const inner = splitWords(script.slice(BUILD_FIRST.length));
    argv = [path.join(REPO_ROOT, inner[1]), ...inner.slice(2), ...(rest[0] === "--" ? rest.slice(1) : rest)];
  } else throw new Error(`${part}: not a command this test knows how to run`);
  return resize(argv, env);
}

function resize(argv: string[], env: Record<string, string>): Invocation {
  if (argv[0] === CLI && argv[1] === "train") return { argv: withTinyBudget(argv), env, resized: true };
  if (argv[0] !== CLI || !SIZED_COMMANDS.includes(argv[1])) return { argv, env, resized: false };
  const sized = [...argv];
  for (const [flag, value] of Object.entries(SIZE)) {
    const at = sized.findIndex((word) => word === flag || word.startsWith(`${flag}=`));
    if (at < 0) sized.push(flag, value);
    else if (sized[at] === flag) sized[at + 1] = value;
    else sized[at] = `${flag}=${value}`;
  }
  return { argv: sized, env, resized: true };
}

/** `train` with a training budget of seconds: one short episode on a few subscribers (TINY_BUDGET replaces the page's --budget). */
function withTinyBudget(argv: string[]): string[] {
  const at = argv.indexOf("--budget");
  const kept = at < 0 ? argv : [...argv.slice(0, at), ...argv.slice(at + 2)];
  return [...kept, "--budget", TINY_BUDGET];
}

/** At most CONCURRENCY commands at a time. */
const slots = { free: CONCURRENCY, waiting: [] as (() => void)[] };
async function inSlot<T>(work: () => Promise<T>): Promise<T> {
  if (slots.free === 0) await new Promise<void>((resolve) => slots.waiting.push(resolve));
  else slots.free--;
  try {
    return await work();
  } finally {
    const next = slots.waiting.shift();
    if (next) next();
    else slots.free++;
  }
}

interface Outcome {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function runNode(invoked: Invocation, cwd: string): Promise<Outcome> {
  return inSlot(
    () =>
      new Promise((resolve, reject) => {
        const env: NodeJS.ProcessEnv = { ...process.env, ...invoked.env };
        delete env.OFFERSIM_DEBUG;
        const child = spawn(process.execPath, invoked.argv, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        child.on("error", reject);
        child.on("close", (status) => resolve({ status, stdout, stderr }));
      }),
  );
}

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function pageFolder(files: readonly DocFile[]): string {
  const folder = mkdtempSync(path.join(tmpdir(), "offersim-doc-"));
  folders.push(folder);
  for (const copied of ["scenarios", "ci", "models"]) cpSync(path.join(REPO_ROOT, copied), path.join(folder, copied), { recursive: true });
  for (const file of files) {
    mkdirSync(path.dirname(path.join(folder, file.name)), { recursive: true });
    writeFileSync(path.join(folder, file.name), file.content);
  }
  return folder;
}

/** A scenario hash (16 hex digits) stands for any. */
const withoutHashes = (text: string) => text.replace(/\bhash [0-9a-f]{16}\b/g, "hash HASH");

const where = (command: DocCommand) => `${command.doc}:${command.line}: ${command.text}`;

describe("the example commands of README.md and docs/*.md", () => {
  it("are found: the rule picks up the commands the pages are known to show", () => {
    const texts = EXAMPLES.flatMap((page) => page.commands.map((command) => command.text));
    expect(texts).toContain("npm ci && npm start");
    expect(texts).toContain("node dist/src/cli/offersim.js run --policies no-contact,./my-policy.mjs --seeds 5");
    expect(texts.some((text) => text.startsWith("npm run offersim -- ope-check scenarios/baseline.yaml"))).toBe(true);
    expect(EXAMPLES.flatMap((page) => page.files.map((file) => file.name))).toContain("my-policy.mjs");
  });

  it("are examples, not synopses: no placeholder in a shell fence (a synopsis goes in a ```text fence)", () => {
    const synopses = EXAMPLES.flatMap((page) => page.commands.filter((command) => placeholders(command.text).length > 0).map((command) => `${where(command)} (${placeholders(command.text).join(" ")})`));
    expect(synopses).toEqual([]);
  });

  it("skip only commands the pages still show", () => {
    const parts = new Set(EXAMPLES.flatMap((page) => page.commands.flatMap((command) => command.text.split(" && ").map((part) => part.replace(/\s+#.*$/, "").trim()))));
    expect(Object.keys(SKIPPED).filter((skipped) => !parts.has(skipped))).toEqual([]);
  });

  for (const page of EXAMPLES.filter((example) => example.commands.length > 0)) {
    it.concurrent(`${page.doc}: every example command runs as written`, { timeout: 600_000 }, async () => {
      const folder = pageFolder(page.files);
      for (const command of page.commands) {
        for (const part of command.text.split(" && ").map((text) => text.replace(/\s+#.*$/, "").trim())) {
          if (SKIPPED[part] !== undefined) continue;
          const invoked = invocation(part);
          const outcome = await runNode(invoked, folder);
          const shown = command.shownOutput;
          const documentedError = shown.length > 0 && shown.every((line) => line.startsWith("offersim:"));
          const context = `${where(command)}\nran: node ${invoked.argv.map((word) => (word.startsWith(REPO_ROOT) ? path.relative(REPO_ROOT, word) : word)).join(" ")}\nstderr: ${outcome.stderr.slice(-2000)}`;
          expect(outcome.status, context).toBe(documentedError ? 2 : 0);
          if (documentedError) expect(outcome.stderr.trimEnd().split("\n"), context).toEqual(shown);
          else if (shown.length > 0 && !invoked.resized) expect(withoutHashes(outcome.stdout.trimEnd()), context).toBe(withoutHashes(shown.join("\n").trimEnd()));
        }
      }
    });
  }
});
