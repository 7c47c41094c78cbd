import { describe, expect, it } from "vitest";
import { createStream } from "../../src/random/random-stream.js";
import { clusterBootstrap } from "../../src/ope/cluster-bootstrap.js";
import { ipw } from "../../src/ope/ipw.js";
import { dr } from "../../src/ope/dr.js";
import type { LoggedDataset } from "../../src/ope/logged-dataset.js";
import { loadObpFixture } from "./obp-fixture.js";

const fixture = loadObpFixture();

/** 100 subscribers of 20 decisions each; a subscriber's decisions all earn the same 0/1 reward. */
function clusteredLog(): LoggedDataset {
  const subscribers = 100;
  const decisions = 20;
  const rounds = subscribers * decisions;
  const stream = createStream(5, "test/clustered");
  const reward = new Float64Array(rounds);
  for (let s = 0; s < subscribers; s++) reward.fill(stream.next() < 0.5 ? 1 : 0, s * decisions, (s + 1) * decisions);
  return {
    rounds,
    actionCount: 1,
    action: new Int32Array(rounds),
    reward,
    pscore: new Float64Array(rounds).fill(1),
    cluster: Int32Array.from({ length: rounds }, (_, i) => 1000 + 7 * Math.floor(i / decisions)),
    featureCount: 0,
    features: new Float64Array(0),
  };
}

describe("cluster bootstrap", () => {
  it("resamples subscribers, not rows: with rewards shared within a subscriber, the 95 % interval is as wide as 100 clusters allow", () => {
    const log = clusteredLog();
    const target = new Float64Array(log.rounds).fill(1);
    const { mean } = clusterBootstrap(log, { mean: (m) => ipw(log, target, m) }, { replicates: 2000, confidence: 0.95, stream: createStream(1, "test/bootstrap") });
    const p = ipw(log, target);
    const clusterWidth = 2 * 1.96 * Math.sqrt((p * (1 - p)) / 100);
    // Resampling the 2000 rows one by one would give an interval sqrt(20) = 4.5 times narrower.
    expect(mean.upper - mean.lower).toBeGreaterThan(0.8 * clusterWidth);
    expect(mean.upper - mean.lower).toBeLessThan(1.2 * clusterWidth);
    expect(mean.lower).toBeLessThan(p);
    expect(mean.upper).toBeGreaterThan(p);
  });

  it("gives identical intervals from identical streams and different ones from another seed", () => {
    const { log } = fixture;
    const { target } = fixture.policies.egreedy;
    const model = fixture.rewardModels.hgb;
    const statistics = { ipw: (m: Float64Array) => ipw(log, target, m), dr: (m: Float64Array) => dr(log, target, model, m) };
    const run = (seed: number) => clusterBootstrap(log, statistics, { replicates: 200, confidence: 0.9, stream: createStream(seed, "ope/bootstrap") });
    expect(run(3)).toEqual(run(3));
    expect(run(4).dr.lower).not.toBe(run(3).dr.lower);
  });

  it("leaves out and counts the resamples whose statistic is undefined", () => {
    const log = clusteredLog();
    const target = new Float64Array(log.rounds).fill(1);
    let calls = 0;
    const { odd } = clusterBootstrap(log, { odd: (m) => (calls++ % 2 === 0 ? NaN : ipw(log, target, m)) }, { replicates: 100, confidence: 0.95, stream: createStream(2, "test") });
    expect(odd.undefinedReplicates).toBe(50);
    expect(odd.lower).toBeLessThan(odd.upper);
  });

  it("refuses no resamples and a confidence outside (0, 1)", () => {
    const log = clusteredLog();
    const stream = createStream(1, "test");
    expect(() => clusterBootstrap(log, {}, { replicates: 0, confidence: 0.95, stream })).toThrow("bootstrap: replicates must be an integer >= 1, got 0");
    expect(() => clusterBootstrap(log, {}, { replicates: 10, confidence: 95, stream })).toThrow("bootstrap: confidence must be between 0 and 1, got 95");
  });
});
