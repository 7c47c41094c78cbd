import { describe, expect, it } from "vitest";
import { importanceWeights } from "../../src/ope/importance-weights.js";
import { effectiveSampleSize } from "../../src/ope/effective-sample-size.js";
import { weightSummary } from "../../src/ope/weight-summary.js";
import { supportCheck } from "../../src/ope/support-check.js";
import { loadObpFixture } from "./obp-fixture.js";

const fixture = loadObpFixture();

describe("OPE diagnostics", () => {
  it("importance weights are the target's probability of the logged action over its pscore", () => {
    const { log } = fixture;
    const { target } = fixture.policies.ipwlearner;
    const weights = importanceWeights(log, target);
    for (const i of [0, 1, 999, 1999]) expect(weights[i]).toBe(target[i * log.actionCount + log.action[i]] / log.pscore[i]);
  });

  it("the effective sample size is n for equal weights, 1 for a single non-zero weight and 0 for none", () => {
    expect(effectiveSampleSize(new Float64Array(40).fill(2.5))).toBeCloseTo(40, 12);
    expect(effectiveSampleSize(Float64Array.of(0, 0, 7, 0))).toBe(1);
    expect(effectiveSampleSize(new Float64Array(3))).toBe(0);
    expect(effectiveSampleSize(Float64Array.of(1, 3))).toBeCloseTo(16 / 10, 12);
  });

  it("the weight summary gives numpy's default quantiles, the max and the share of zero weights", () => {
    const weights = Float64Array.of(4, 0, 1, 3, 2, 0, 10, 5, 6, 9, 8, 7);
    const summary = weightSummary(weights);
    expect(summary.mean).toBeCloseTo(55 / 12, 12);
    expect(summary.median).toBeCloseTo(4.5, 12);
    expect(summary.p90).toBeCloseTo(8.9, 12);
    expect(summary.p99).toBeCloseTo(9.89, 12);
    expect(summary.max).toBe(10);
    expect(summary.zeroShare).toBeCloseTo(2 / 12, 12);
    expect(weights[0]).toBe(4);
  });

  it("finds no support gap where the logging policy gave every action positive propensity", () => {
    const check = supportCheck(fixture.log, fixture.policies.egreedy.target);
    expect(check).toEqual({ basis: "logging-distribution", unsupportedMass: 0, gaps: [], warning: null });
  });

  it("warns, naming the action and the mass, when the target uses an action the logging distribution gave no propensity", () => {
    const { log } = fixture;
    const logging = log.loggingDistribution!.slice();
    for (let i = 0; i < log.rounds; i += 2) logging[i * log.actionCount + 3] = 0;
    const target = fixture.policies.egreedy.target;
    const check = supportCheck({ ...log, loggingDistribution: logging }, target);
    let expectedMass = 0;
    for (let i = 0; i < log.rounds; i += 2) expectedMass += target[i * log.actionCount + 3] / log.rounds;
    expect(check.gaps).toEqual([{ action: 3, targetMass: expect.closeTo(expectedMass, 12), rows: log.rounds / 2 }]);
    expect(check.warning).toMatch(/^no support: the target puts \d+\.\d % of its probability on actions the logging policy never gave positive propensity \(action 3 \d+\.\d %\)/);
  });

  it("without the logging distribution, judges support by the actions the log contains", () => {
    const { log } = fixture;
    const taken = new Set(log.action);
    const untaken = Array.from({ length: log.actionCount }, (_, a) => a).filter((a) => !taken.has(a));
    expect(untaken).toEqual([]);
    const onlyAction2 = { ...log, loggingDistribution: undefined, action: new Int32Array(log.rounds).fill(2) };
    const check = supportCheck(onlyAction2, fixture.policies.egreedy.target);
    expect(check.basis).toBe("logged-actions");
    expect(check.gaps.map((gap) => gap.action).sort()).toEqual([0, 1, 3, 4, 5, 6, 7, 8, 9]);
    expect(check.unsupportedMass).toBeCloseTo(1 - meanMass(fixture.policies.egreedy.target, log.actionCount, 2), 12);
    expect(check.warning).toContain("on actions the logging policy never took (action");
  });
});

function meanMass(target: Float64Array, actionCount: number, action: number): number {
  let total = 0;
  for (let i = action; i < target.length; i += actionCount) total += target[i];
  return total / (target.length / actionCount);
}
