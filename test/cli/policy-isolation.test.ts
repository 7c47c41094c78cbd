import path from "node:path";
import { describe, expect, it } from "vitest";
import { BASELINE, makeTempDir, policyModuleSource, readResults, runCli, SMALL_RUN, writeTempFile } from "./run-cli.js";

/** A policy module whose `create` runs `createBody` (with `context` in scope) and that then takes no action. */
function moduleCreating(name: string, createBody: string, extra = ""): string {
  return [
    extra,
    "export default {",
    `  name: ${JSON.stringify(name)},`,
    `  description: "A test policy.",`,
    "  create(context) {",
    `    ${createBody}`,
    "    const actionCount = context.actions.length;",
    "    return { decide(batch, output) { for (let row = 0; row < batch.size; row++) { output.probabilities[row * actionCount] = 1; output.chosen[row] = 0; } } };",
    "  },",
    "};",
    "",
  ].join("\n");
}

/** Runs no-contact and the module; returns the CLI result and the policies whose results were written. */
function runWithModule(file: string, workers: string, extraEnv: Record<string, string> = {}) {
  const out = path.join(path.dirname(file), `out-${workers}`);
  const result = runCli(["run", BASELINE, ...SMALL_RUN, "--workers", workers, "--policies", `no-contact,${file}`, "--out", out], undefined, extraEnv);
  return { result, out };
}

function expectOnlyItsTasksFailed(run: ReturnType<typeof runWithModule>, policy: string, message: RegExp): void {
  expect(run.result.status).toBe(1);
  expect(run.result.stderr).toMatch(new RegExp(`^offersim: run failed: seed 0: policy "${policy}": ${message.source}`, "m"));
  expect(run.result.stderr).not.toMatch(/^\s+at /m);
  expect(readResults(run.out).policies.map((entry) => entry.policy)).toEqual(["no-contact"]);
}

describe("a policy module cannot end, hang or break the run", () => {
  for (const workers of ["1", "2"]) {
    it(`fails a policy whose prepare awaits a promise that never settles (--workers ${workers}): exit 1, not 0 with no results`, () => {
      const dir = makeTempDir();
      const file = writeTempFile(dir, "never.mjs", moduleCreating("never", "").replace("export default {", "export default {\n  async prepare() { await new Promise(() => {}); },"));
      expectOnlyItsTasksFailed(runWithModule(file, workers), "never", /waits for a promise that can never settle/);
    });

    it(`fails a policy that calls process.exit(0) in decide (--workers ${workers}), and only its tasks`, () => {
      const dir = makeTempDir();
      const file = writeTempFile(dir, "exits.mjs", policyModuleSource("exits", "process.exit(0);"));
      expectOnlyItsTasksFailed(runWithModule(file, workers), "exits", /its worker thread ended with code 0/);
    });

    it(`fails a policy that leaves a promise rejected (--workers ${workers}), and only its tasks`, () => {
      const dir = makeTempDir();
      const file = writeTempFile(dir, "stray.mjs", moduleCreating("stray", `Promise.reject(new Error("forgotten"));`));
      expectOnlyItsTasksFailed(runWithModule(file, workers), "stray", /an unhandled promise rejection: forgotten/);
    });
  }

  it("fails a policy that runs out of memory (--workers 1), and only its tasks: no crash, no stack trace", () => {
    const dir = makeTempDir();
    const file = writeTempFile(dir, "hog.mjs", `const kept = [];\n${policyModuleSource("hog", "for (;;) kept.push(new Array(1e6).fill(1.5));")}`);
    expectOnlyItsTasksFailed(runWithModule(file, "1", { NODE_OPTIONS: "--max-old-space-size=200" }), "hog", /.*memory limit/);
  });

  it("refuses a module that calls process.exit(0) at its top level: exit 2 naming the module, no results", () => {
    const dir = makeTempDir();
    const file = writeTempFile(dir, "quits.mjs", "process.exit(0);\n");
    const run = runWithModule(file, "2");
    expect(run.result.status).toBe(2);
    expect(run.result.stderr).toBe(`offersim: --policies: ${file}: the policy module ended its thread while loading (process.exit(0) at its top level?): a policy module must only export a definition\n`);
  });

  it("gives a policy a frozen scenario: changing it fails that policy, and the others' results are those of a run without it (--workers 1)", () => {
    const dir = makeTempDir();
    const file = writeTempFile(dir, "meddler.mjs", moduleCreating("meddler", "for (const offer of context.scenario.offers) offer.acceptBase = 0.99; context.scenario.population.size = 5;"));
    const alone = path.join(dir, "alone");
    expect(runCli(["run", BASELINE, ...SMALL_RUN, "--workers", "1", "--policies", "no-contact,random", "--out", alone]).status).toBe(0);
    const out = path.join(dir, "with-meddler");
    const result = runCli(["run", BASELINE, ...SMALL_RUN, "--workers", "1", "--policies", `no-contact,random,${file}`, "--out", out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^offersim: run failed: seed 0: policy "meddler": .*read only property 'acceptBase'/m);
    expect(readResults(out).policies.map((entry) => entry.kpis)).toEqual(readResults(alone).policies.map((entry) => entry.kpis));
  });

  it("keeps a policy's console.log off stdout, so that --json stays machine-readable", () => {
    const dir = makeTempDir();
    const file = writeTempFile(dir, "chatty.mjs", moduleCreating("chatty", `console.log("hello from create"); process.stdout.write("raw\\n");`, `console.log("hello from the top level");`));
    const result = runCli(["run", BASELINE, ...SMALL_RUN, "--workers", "1", "--policies", `no-contact,${file}`, "--out", path.join(dir, "out"), "--json"]);
    expect(result.status).toBe(0);
    expect(() => JSON.parse(result.stdout)).not.toThrow();
    expect(result.stderr).toContain("hello from create");
    expect(result.stderr).toContain("hello from the top level");
  });
});
