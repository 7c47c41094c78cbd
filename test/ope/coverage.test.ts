import { describe, expect, it } from "vitest";
import { createStream } from "../../src/random/random-stream.js";
import { syntheticBanditLog } from "../../src/ope/synthetic-bandit-log.js";
import { epsilonGreedyDistribution } from "../../src/ope/epsilon-greedy-distribution.js";
import { truePolicyValue } from "../../src/ope/true-policy-value.js";
import { crossFitRewardModel } from "../../src/ope/cross-fit-reward-model.js";
import { estimatePolicyValue, ESTIMATOR_NAMES, type EstimatorName } from "../../src/ope/estimate-policy-value.js";

const SEEDS = 50;

/**
 * The worked example of docs/ope.md: on 50 seeded synthetic logs (600 subscribers x 4 decisions,
 * 10 actions, a softmax logging policy with a 20 % uniform floor), estimate an epsilon-greedy
 * target (epsilon 0.2) on the true expected reward, with a 3-fold cross-fitted ridge reward
 * model and 95 % cluster-bootstrap intervals of 300 resamples, and count how often each
 * interval contains the target's true per-decision value.
 */
function coverage(): { covered: Record<EstimatorName, number>; meanAbsoluteError: Record<EstimatorName, number>; meanWidth: Record<EstimatorName, number>; meanEffectiveSampleShare: number } {
  const covered = Object.fromEntries(ESTIMATOR_NAMES.map((name) => [name, 0])) as Record<EstimatorName, number>;
  const error = Object.fromEntries(ESTIMATOR_NAMES.map((name) => [name, 0])) as Record<EstimatorName, number>;
  const width = Object.fromEntries(ESTIMATOR_NAMES.map((name) => [name, 0])) as Record<EstimatorName, number>;
  let effectiveShare = 0;
  for (let seed = 1; seed <= SEEDS; seed++) {
    const { log, expectedReward } = syntheticBanditLog({ subscribers: 600, decisionsPerSubscriber: 4, actionCount: 10, featureCount: 5, uniformShare: 0.2, stream: createStream(seed, "ope/world") });
    const target = epsilonGreedyDistribution(expectedReward, log.rounds, log.actionCount, 0.2);
    const truth = truePolicyValue(target, expectedReward, log.rounds, log.actionCount);
    const predictions = crossFitRewardModel(log, { folds: 3, ridge: 1, stream: createStream(seed, "ope/folds") });
    const result = estimatePolicyValue(log, target, predictions, { switchMaxWeight: 5, bootstrap: { replicates: 300, confidence: 0.95, stream: createStream(seed, "ope/bootstrap") } });
    for (const name of ESTIMATOR_NAMES) {
      const { estimate, lower, upper } = result.estimates[name];
      if (lower <= truth && truth <= upper) covered[name]++;
      error[name] += Math.abs(estimate - truth) / SEEDS;
      width[name] += (upper - lower) / SEEDS;
    }
    effectiveShare += result.effectiveSampleSize / result.rounds / SEEDS;
  }
  return { covered, meanAbsoluteError: error, meanWidth: width, meanEffectiveSampleShare: effectiveShare };
}

describe("off-policy estimates on synthetic logs with a known truth", () => {
  it("DR's and SNIPW's 95 % intervals contain the target's true value on at least 45 of 50 seeds", () => {
    const { covered, meanAbsoluteError, meanWidth, meanEffectiveSampleShare } = coverage();
    console.log(JSON.stringify({ covered, meanAbsoluteError, meanWidth, meanEffectiveSampleShare }));
    expect(covered.dr).toBeGreaterThanOrEqual(45);
    expect(covered.snipw).toBeGreaterThanOrEqual(45);
    // Informative intervals, not wide enough to contain anything: the rewards are 0 or 1.
    expect(meanWidth.dr).toBeLessThan(0.1);
    expect(meanWidth.snipw).toBeLessThan(0.1);
  });
});
