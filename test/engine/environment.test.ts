import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createEnvironment } from "../../src/engine/environment.js";
import { runReplicate } from "../../src/engine/run-replicate.js";
import { noContact } from "../../policies/no-contact.js";
import { random } from "../../policies/random.js";
import { PolicyError } from "../../src/policy/policy-error.js";
import { REPO_ROOT } from "../cli/run-cli.js";
import { baselineWith } from "../world/baseline-scenario.js";

/** The fenced blocks of a markdown section, in order. */
function codeBlocks(markdown: string, heading: string): { lang: string; code: string }[] {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  const end = markdown.indexOf("\n## ", start + 1);
  const section = markdown.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((match) => ({ lang: match[1], code: match[2] }));
}

describe("the environment", () => {
  it("docs/environment.md's agent loop runs as written and prints what the doc says: the same KPIs as runReplicate", () => {
    const doc = readFileSync(path.join(REPO_ROOT, "docs/environment.md"), "utf8");
    const [script, printed] = codeBlocks(doc, "A worked example");
    expect(script.lang).toBe("js");
    // Inside the package, so that `import ... from "offersim"` resolves to the built package itself.
    const folder = mkdtempSync(path.join(REPO_ROOT, "reports", ".doc-environment-"));
    try {
      writeFileSync(path.join(folder, "my-loop.mjs"), script.code);
      const run = spawnSync(process.execPath, ["my-loop.mjs"], { cwd: folder, encoding: "utf8" });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(printed.code);
      expect(run.stdout).toContain("same KPIs: true");
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);

  it("reset() gives day 0's batch, step() walks every live day to the horizon, and result() matches runReplicate", async () => {
    const scenario = baselineWith({ subscribers: 800, days: 20 });
    const environment = createEnvironment(scenario, { seed: 5, replicate: 1, agentName: random.name });
    const agent = random.create(environment.policyContext(random));
    let observation = environment.reset();
    const days: number[] = [];
    for (;;) {
      days.push(observation.day);
      agent.decide(observation.batch, observation.output);
      const step = environment.step(observation.output);
      expect(step.feedback.day).toBe(observation.day);
      if (step.done) {
        expect(step.observation).toBeNull();
        break;
      }
      observation = step.observation!;
    }
    expect(days).toEqual(Array.from({ length: 20 }, (_, day) => day));
    const { wallSeconds: _a, log: _b, ...mine } = environment.result();
    const { wallSeconds: _c, log: _d, ...viaRun } = await runReplicate({ scenario, policy: random, rootSeed: 5, replicate: 1 });
    expect(mine).toEqual(viaRun);
  });

  it("refuses an answer that is not a distribution over eligible actions, naming the agent", () => {
    const environment = createEnvironment(baselineWith({ subscribers: 500, days: 5 }), { seed: 1, agentName: "my-agent" });
    const observation = environment.reset();
    expect(observation.batch.size).toBeGreaterThan(0);
    // All zeros: no row is a distribution.
    expect(() => environment.step(observation.output)).toThrow(PolicyError);
    expect(() => createEnvironment(baselineWith({ subscribers: 500, days: 5 }), { seed: 1, agentName: "my-agent" }).step(observation.output)).toThrow(/before reset/);
  });

  it("takes answers in arrays of its own, checks their shape, and tells when the episode is over", () => {
    const scenario = baselineWith({ subscribers: 500, days: 2 });
    const environment = createEnvironment(scenario, { seed: 2, agentName: noContact.name });
    let observation = environment.reset();
    const answer = (size: number, actions: number) => {
      const probabilities = new Float64Array(size * actions);
      for (let row = 0; row < size; row++) probabilities[row * actions] = 1;
      return { probabilities, chosen: new Int32Array(size) };
    };
    const actions = observation.batch.actions.length;
    expect(() => environment.step(answer(observation.batch.size + 1, actions))).toThrow(/expected/);
    observation = environment.step(answer(observation.batch.size, actions)).observation!;
    const last = environment.step(answer(observation.batch.size, actions));
    expect(last.done).toBe(true);
    expect(() => environment.step(answer(0, actions))).toThrow(/done/);
    expect(environment.result().groups.all.contacts).toBe(0);
  });
});
