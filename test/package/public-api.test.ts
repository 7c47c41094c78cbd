import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../cli/run-cli.js";

/**
 * offersim as a user gets it: `npm pack` of the built package, installed from the tarball into an
 * empty project. The package's runtime dependencies are linked from the repository's
 * node_modules before the install (npm then finds them satisfied and works offline, in a few
 * seconds), and typescript, @types/node and vitest are linked in only for the checks that need
 * them, so the first check sees a project with no test framework. The checks run in order.
 */
const TSCONFIG = {
  compilerOptions: { strict: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022", lib: ["es2022"], types: ["node"], noEmit: true, skipLibCheck: false },
  include: ["*.ts"],
};

/** A TypeScript user of the API: a typed policy, its contract test, and a replicate of a built-in policy. */
const TYPED_TEST = `import { describe, it } from "vitest";
import { BUILTIN_POLICIES, baselineWith, createEnvironment, describePolicyContract, FEATURE_INDEX, runReplicate, type ExperimentResults, type Observation, type PolicyDefinition } from "offersim";

export const typedQuiet: PolicyDefinition = {
  name: "typed-quiet",
  description: "No action at any moment, written in TypeScript.",
  create(context) {
    const actionCount = context.actions.length;
    return {
      decide(batch, output) {
        for (let row = 0; row < batch.size; row++) {
          output.probabilities[row * actionCount] = 1;
          output.chosen[row] = 0;
        }
      },
    };
  },
};

// @ts-expect-error: without create it is not a PolicyDefinition (an untyped "offersim" would not complain)
export const incomplete: PolicyDefinition = { name: "incomplete", description: "Has no create function." };
export const firstPolicy = (results: ExperimentResults): string => results.policies[0].policy;
export const monthsLeftColumn: number = FEATURE_INDEX.contractMonthsLeft;

describePolicyContract(typedQuiet, { describe, it });

describe("the environment", () => {
  it("plays a typed agent through a small world from reset() to done", () => {
    const environment = createEnvironment(baselineWith({ subscribers: 300, days: 5 }), { seed: 2, agentName: typedQuiet.name });
    const agent = typedQuiet.create(environment.policyContext(typedQuiet));
    let observation: Observation | null = environment.reset();
    let days = 0;
    while (observation) {
      agent.decide(observation.batch, observation.output);
      observation = environment.step(observation.output).observation;
      days++;
    }
    if (days !== 5) throw new Error("expected 5 live days, got " + days);
    if (environment.result().groups.all.contacts !== 0) throw new Error("a quiet agent made contacts");
  });
});

describe("a built-in policy", () => {
  it("runs one replicate of a small baseline", async () => {
    const noContact = BUILTIN_POLICIES.find((policy) => policy.name === "no-contact")!;
    const result = await runReplicate({ scenario: baselineWith({ subscribers: 300, days: 20 }), policy: noContact, rootSeed: 1, replicate: 0 });
    if (!(result.groups.all.churnRateMonthly >= 0)) throw new Error("churnRateMonthly must be >= 0, got " + result.groups.all.churnRateMonthly);
  });
});
`;

/** Runs in plain Node: imports the package, lists its exports, and runs no-contact on a tiny world. */
const PLAIN_NODE_SCRIPT = `
const api = await import("offersim");
let vitest = "resolvable";
try { import.meta.resolve("vitest"); } catch { vitest = "not installed"; }
const result = await api.runReplicate({ scenario: api.baselineWith({ subscribers: 200, days: 10 }), policy: api.noContact, rootSeed: 3, replicate: 0 });
console.log(JSON.stringify({
  vitest,
  exports: Object.keys(api),
  builtins: api.BUILTIN_POLICIES.map((policy) => policy.name),
  baseline: api.baselineScenarioFile(),
  subscriberDays: result.subscriberDays,
}));
`;

/** The code blocks of a markdown file that a sentence asks to save: "save it as `FILE`:" then the block. */
function blocksToSave(markdown: string): Map<string, string> {
  const blocks = new Map<string, string>();
  for (const match of markdown.matchAll(/[Ss]ave (?:it|this) as\s+`([^`]+)`:\s*```\w*\n([\s\S]*?)\n```/g)) blocks.set(match[1], match[2] + "\n");
  return blocks;
}

function run(command: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", timeout: 120_000 });
  if (result.error) throw result.error;
  return result;
}

function explain(result: SpawnSyncReturns<string>): string {
  return `exit ${result.status}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
}

/** Links `name` (a package folder of the repository's node_modules) into `project`'s node_modules. */
function linkPackage(project: string, name: string): void {
  const target = path.join(REPO_ROOT, "node_modules", name);
  const link = path.join(project, "node_modules", name);
  if (!existsSync(target) || existsSync(link)) return;
  mkdirSync(path.dirname(link), { recursive: true });
  symlinkSync(target, link, "dir");
}

/** The packages the package needs at run time: package-lock entries at the top of node_modules, not dev-only. */
function runtimePackages(): string[] {
  const lock = JSON.parse(readFileSync(path.join(REPO_ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, { dev?: boolean }> };
  return Object.entries(lock.packages)
    .filter(([key, entry]) => /^node_modules\/(@[^/]+\/)?[^/]+$/.test(key) && !entry.dev)
    .map(([key]) => key.slice("node_modules/".length));
}

describe("the package installed from its npm pack tarball", () => {
  let temp: string;
  let project: string;

  beforeAll(() => {
    if (!existsSync(path.join(REPO_ROOT, "dist", "src", "index.js"))) throw new Error("dist/src/index.js not found: build first (npm run build)");
    temp = mkdtempSync(path.join(tmpdir(), "offersim-package-"));
    const packed = run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", temp], REPO_ROOT);
    expect(packed.status, explain(packed)).toBe(0);
    const tarball = path.join(temp, (JSON.parse(packed.stdout) as { filename: string }[])[0].filename);

    project = path.join(temp, "project");
    mkdirSync(path.join(project, "node_modules"), { recursive: true });
    writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "user-project", private: true, type: "module" }, null, 2));
    for (const name of runtimePackages()) linkPackage(project, name);
    const installed = run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", "--no-package-lock", tarball], project);
    expect(installed.status, explain(installed)).toBe(0);
    expect(existsSync(path.join(project, "node_modules", "offersim", "dist", "src", "index.d.ts"))).toBe(true);
  }, 120_000);

  afterAll(() => {
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  it("imports in plain Node with no test framework installed, and runs a built-in policy on the shipped baseline", () => {
    const result = run(process.execPath, ["--input-type=module", "-e", PLAIN_NODE_SCRIPT], project);
    expect(result.status, explain(result)).toBe(0);
    const seen = JSON.parse(result.stdout) as { vitest: string; exports: string[]; builtins: string[]; baseline: string; subscriberDays: number };
    expect(seen.vitest).toBe("not installed");
    expect(seen.exports).toEqual(expect.arrayContaining(["describePolicyContract", "runReplicate", "loadScenario", "baselineWith", "BUILTIN_POLICIES", "FEATURE_NAMES", "MOMENT_KINDS", "PROGRAMS", "CATEGORIES", "KPI_NAMES", "dqn", "oracle"]));
    expect(seen.builtins).toContain("no-contact");
    expect(seen.baseline).toBe(path.join(project, "node_modules", "offersim", "scenarios", "baseline.yaml"));
    expect(seen.subscriberDays).toBeGreaterThan(0);
  });

  it("installs the offersim command, which lists the built-in policies", () => {
    const result = run(path.join(project, "node_modules", ".bin", "offersim"), ["policies", "--json"], project);
    expect(result.status, explain(result)).toBe(0);
    expect((JSON.parse(result.stdout) as { name: string }[]).map((policy) => policy.name)).toContain("dqn");
  });

  it("type-checks a user's TypeScript policy and contract test importing from offersim (strict, NodeNext)", () => {
    for (const name of ["typescript", "@types/node", "vitest"]) linkPackage(project, name);
    writeFileSync(path.join(project, "tsconfig.json"), JSON.stringify(TSCONFIG, null, 2));
    writeFileSync(path.join(project, "typed-policy.test.ts"), TYPED_TEST);
    const result = run(process.execPath, [path.join(project, "node_modules", "typescript", "bin", "tsc"), "-p", project], project);
    expect(result.status, explain(result)).toBe(0);
  }, 60_000);

  it("passes the contract test of docs/writing-a-policy.md, saved as the doc says, and the TypeScript test, with vitest", () => {
    for (const name of ["typescript", "@types/node", "vitest"]) linkPackage(project, name);
    writeFileSync(path.join(project, "typed-policy.test.ts"), TYPED_TEST);
    const blocks = blocksToSave(readFileSync(path.join(REPO_ROOT, "docs", "writing-a-policy.md"), "utf8"));
    expect([...blocks.keys()]).toEqual(["my-policy.mjs", "my-policy.test.mjs"]);
    for (const [file, code] of blocks) writeFileSync(path.join(project, file), code);

    const report = path.join(temp, "vitest.json");
    const result = run(process.execPath, [path.join(project, "node_modules", "vitest", "vitest.mjs"), "run", "--reporter=json", `--outputFile=${report}`], project);
    expect(result.status, explain(result)).toBe(0);
    const files = (JSON.parse(readFileSync(report, "utf8")) as { testResults: { name: string; assertionResults: { fullName: string; status: string }[] }[] }).testResults;
    const outcomes = files.flatMap((file) => file.assertionResults.map((test) => `${path.basename(file.name)}: ${test.fullName}: ${test.status}`)).sort();
    expect(outcomes).toEqual([
      "my-policy.test.mjs: policy contract: service-first gives identical results for identical seeds: passed",
      "my-policy.test.mjs: policy contract: service-first has a name and a one-line description: passed",
      "my-policy.test.mjs: policy contract: service-first runs to the end with every decision passing the engine's checks, logging a propensity in (0, 1]: passed",
      "typed-policy.test.ts: a built-in policy runs one replicate of a small baseline: passed",
      "typed-policy.test.ts: policy contract: typed-quiet gives identical results for identical seeds: passed",
      "typed-policy.test.ts: policy contract: typed-quiet has a name and a one-line description: passed",
      "typed-policy.test.ts: policy contract: typed-quiet runs to the end with every decision passing the engine's checks, logging a propensity in (0, 1]: passed",
      "typed-policy.test.ts: the environment plays a typed agent through a small world from reset() to done: passed",
    ]);
  }, 60_000);
});
