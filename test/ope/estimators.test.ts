import { describe, expect, it } from "vitest";
import { ipw } from "../../src/ope/ipw.js";
import { snipw } from "../../src/ope/snipw.js";
import { dm } from "../../src/ope/dm.js";
import { dr } from "../../src/ope/dr.js";
import { sndr } from "../../src/ope/sndr.js";
import { switchDr } from "../../src/ope/switch-dr.js";
import { epsilonGreedyDistribution } from "../../src/ope/epsilon-greedy-distribution.js";
import type { LoggedDataset } from "../../src/ope/logged-dataset.js";
import { loadObpFixture } from "./obp-fixture.js";

const fixture = loadObpFixture();

/** A tiny log of 3 rows and 2 actions, small enough to check by hand. */
const tiny: LoggedDataset = {
  rounds: 3,
  actionCount: 2,
  action: Int32Array.of(0, 1, 1),
  reward: Float64Array.of(1, 0, 2),
  pscore: Float64Array.of(0.5, 0.1, 0.8),
  cluster: Int32Array.of(0, 1, 2),
  featureCount: 0,
  features: new Float64Array(0),
};
// Target: row 0 (0.5, 0.5), row 1 (0, 1), row 2 (0.2, 0.8); weights 1, 10, 1.
const tinyTarget = Float64Array.of(0.5, 0.5, 0, 1, 0.2, 0.8);
const tinyModel = Float64Array.of(1, 1, 0.5, 0.5, 1, 2);

/** The fixture's log with row `row` repeated `times` times in all. */
function withRowRepeated(row: number, times: number, matrices: Float64Array[]): { log: LoggedDataset; matrices: Float64Array[] } {
  const { log } = fixture;
  const order = [...Array.from({ length: log.rounds }, (_, i) => i), ...Array.from({ length: times - 1 }, () => row)];
  const K = log.actionCount;
  const pick = <T extends Int32Array | Float64Array>(array: T, width: number): T => {
    const out = new (array.constructor as new (length: number) => T)(order.length * width);
    order.forEach((source, i) => out.set(array.subarray(source * width, source * width + width), i * width));
    return out;
  };
  return {
    log: { ...log, rounds: order.length, action: pick(log.action, 1), reward: pick(log.reward, 1), pscore: pick(log.pscore, 1), cluster: pick(log.cluster, 1), features: pick(log.features, log.featureCount) },
    matrices: matrices.map((matrix) => pick(matrix, K)),
  };
}

describe("off-policy estimators", () => {
  it("give the hand-computed values on a three-row log", () => {
    expect(ipw(tiny, tinyTarget)).toBeCloseTo((0.5 * 1 / 0.5 + 0 + (0.8 * 2) / 0.8) / 3, 12);
    expect(snipw(tiny, tinyTarget)).toBeCloseTo((1 + 0 + 2) / (1 + 10 + 1), 12);
    const modelled = [1, 0.5, 0.2 * 1 + 0.8 * 2];
    expect(dm(tiny, tinyTarget, tinyModel)).toBeCloseTo((modelled[0] + modelled[1] + modelled[2]) / 3, 12);
    const corrections = [1 * (1 - 1), 10 * (0 - 0.5), 1 * (2 - 2)];
    expect(dr(tiny, tinyTarget, tinyModel)).toBeCloseTo((modelled[0] + corrections[0] + modelled[1] + corrections[1] + modelled[2] + corrections[2]) / 3, 12);
    expect(sndr(tiny, tinyTarget, tinyModel)).toBeCloseTo((modelled[0] + modelled[1] + modelled[2]) / 3 + (corrections[0] + corrections[1] + corrections[2]) / 12, 12);
    // Weight 10 is over the threshold 5: row 1 keeps its modelled value only.
    expect(switchDr(tiny, tinyTarget, tinyModel, 5)).toBeCloseTo((modelled[0] + corrections[0] + modelled[1] + modelled[2] + corrections[2]) / 3, 12);
  });

  it("count a row with multiplicity k as k copies of it, as the bootstrap needs", () => {
    const { target } = fixture.policies.egreedy;
    const model = fixture.rewardModels.logreg;
    const repeated = withRowRepeated(7, 3, [target, model]);
    const [repeatedTarget, repeatedModel] = repeated.matrices;
    const multiplicity = new Float64Array(fixture.log.rounds).fill(1);
    multiplicity[7] = 3;
    const pairs: [number, number][] = [
      [ipw(fixture.log, target, multiplicity), ipw(repeated.log, repeatedTarget)],
      [snipw(fixture.log, target, multiplicity), snipw(repeated.log, repeatedTarget)],
      [dm(fixture.log, target, model, multiplicity), dm(repeated.log, repeatedTarget, repeatedModel)],
      [dr(fixture.log, target, model, multiplicity), dr(repeated.log, repeatedTarget, repeatedModel)],
      [sndr(fixture.log, target, model, multiplicity), sndr(repeated.log, repeatedTarget, repeatedModel)],
      [switchDr(fixture.log, target, model, 3, multiplicity), switchDr(repeated.log, repeatedTarget, repeatedModel, 3)],
    ];
    for (const [weighted, copied] of pairs) expect(weighted).toBeCloseTo(copied, 12);
    expect(ipw(fixture.log, target, multiplicity)).not.toBeCloseTo(ipw(fixture.log, target), 6);
  });

  it("SNIPW and SNDR are NaN when the target gives no logged action any probability", () => {
    const never = Float64Array.of(0, 1, 1, 0, 1, 0);
    expect(ipw(tiny, never)).toBe(0);
    expect(snipw(tiny, never)).toBeNaN();
    expect(sndr(tiny, never, tinyModel)).toBeNaN();
  });

  it("epsilonGreedyDistribution reproduces the fixture's OBP epsilon-greedy target (epsilon 0.1 on the true expected reward)", () => {
    const { rounds, actionCount } = fixture.log;
    expect(epsilonGreedyDistribution(fixture.expectedReward, rounds, actionCount, 0.1)).toEqual(fixture.policies.egreedy.target);
  });
});
