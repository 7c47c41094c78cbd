import { gunzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import type { LoggedDataset } from "../../src/ope/logged-dataset.js";

/** test/fixtures/obp-ope-2000.json.gz (shared/fixtures/obp-ope-2000.json, gzipped): a logged dataset made by OBP 0.5.5 with OBP's own estimates. */
interface ObpFixtureFile {
  readonly n_rounds: number;
  readonly n_actions: number;
  readonly dim_context: number;
  readonly context: number[][];
  readonly action: number[];
  readonly reward: number[];
  readonly pscore: number[];
  readonly pi_b: number[][];
  readonly expected_reward: number[][];
  readonly estimated_rewards_by_reg_model: Record<string, number[][]>;
  readonly policies: Record<string, { action_dist: number[][]; obp_estimates: Record<string, Record<"ipw" | "snipw" | "dm" | "dr" | "sndr", number>>; ground_truth_policy_value: number }>;
}

export interface ObpFixture {
  /** Each round its own cluster (OBP's rounds are independent). */
  readonly log: LoggedDataset;
  readonly expectedReward: Float64Array;
  readonly rewardModels: Record<string, Float64Array>;
  readonly policies: Record<string, { target: Float64Array; estimates: ObpFixtureFile["policies"][string]["obp_estimates"]; groundTruth: number }>;
}

export function loadObpFixture(path = "test/fixtures/obp-ope-2000.json.gz"): ObpFixture {
  const file = JSON.parse(gunzipSync(readFileSync(path)).toString("utf8")) as ObpFixtureFile;
  const matrix = (rows: number[][]) => Float64Array.from(rows.flat());
  const log: LoggedDataset = {
    rounds: file.n_rounds,
    actionCount: file.n_actions,
    action: Int32Array.from(file.action),
    reward: Float64Array.from(file.reward),
    pscore: Float64Array.from(file.pscore),
    cluster: Int32Array.from(file.action, (_, i) => i),
    featureCount: file.dim_context,
    features: matrix(file.context),
    loggingDistribution: matrix(file.pi_b),
  };
  const rewardModels = Object.fromEntries(Object.entries(file.estimated_rewards_by_reg_model).map(([name, rows]) => [name, matrix(rows)]));
  const policies = Object.fromEntries(
    Object.entries(file.policies).map(([name, policy]) => [name, { target: matrix(policy.action_dist), estimates: policy.obp_estimates, groundTruth: policy.ground_truth_policy_value }]),
  );
  return { log, expectedReward: matrix(file.expected_reward), rewardModels, policies };
}
