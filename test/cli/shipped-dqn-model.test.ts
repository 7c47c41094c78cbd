import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readModelFile } from "../../src/policy/model-file.js";
import { loadScenario } from "../../src/scenario/load-scenario.js";
import { buildActionCatalogue } from "../../src/engine/action-catalogue.js";
import { FEATURE_NAMES } from "../../src/world/observation/observe.js";
import { parseBudget } from "../../src/cli/train-command.js";
import { prepareContext } from "../../src/engine/run-replicate.js";
import { DQN_TRAINER_VERSION, dqnSettings } from "../../src/learning/dqn-settings.js";
import { dqn, trainDqnAgent } from "../../policies/dqn.js";
import { BASELINE, REPO_ROOT } from "./run-cli.js";

const MODEL = path.join(REPO_ROOT, "models", "dqn-baseline.json");
const STALE = "models/dqn-baseline.json is stale: run `npm run train:baseline` and commit the new file";

/** The --budget of `npm run train:baseline`, from package.json. */
function shippedBudgetFlag(): string {
  const script = (JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts["train:baseline"];
  const match = /--budget\s+(\S+)/.exec(script ?? "");
  expect(match, "package.json has a train:baseline script with --budget").not.toBeNull();
  return match![1];
}

describe("the shipped dqn model of the baseline (models/dqn-baseline.json)", () => {
  it("was trained on today's baseline scenario, features, actions, trainer and the budget of npm run train:baseline", () => {
    const model = readModelFile(MODEL);
    const loaded = loadScenario(BASELINE);
    expect(model.policy, STALE).toBe("dqn");
    expect(model.scenario, STALE).toEqual({ name: "baseline", hash: loaded.hash });
    expect(model.featureNames, STALE).toEqual([...FEATURE_NAMES]);
    expect(model.actionIds, STALE).toEqual(buildActionCatalogue(loaded.scenario).actions.map((action) => action.id));
    expect((model.model as { trainer?: string }).trainer, STALE).toBe(DQN_TRAINER_VERSION);
    expect(model.rootSeed, STALE).toBe(loaded.scenario.seed);
    expect(model.budget, STALE).toEqual(parseBudget(shippedBudgetFlag(), loaded.scenario.training));
  });

  it("its first training episode (the demonstrator exploring inside the guardrails) replays to the same value: the world, the demonstrator and the guardrails are unchanged", async () => {
    const model = readModelFile(MODEL);
    const loaded = loadScenario(BASELINE);
    const scenario = { ...loaded.scenario, training: model.budget };
    // One demonstration episode and no gradient step: the behaviour does not depend on the network.
    const settings = { ...dqnSettings(model.budget), episodes: 1, demonstrationEpisodes: 1, minReplay: Number.MAX_SAFE_INTEGER };
    const replayed = (await trainDqnAgent(prepareContext({ scenario, rootSeed: model.rootSeed, replicate: 0, policy: dqn }), settings)).model;
    expect(replayed.curve.y[0], STALE).toBe(model.curve.y[0]);
  }, 120_000);
});
