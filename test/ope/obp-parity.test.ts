import { describe, expect, it } from "vitest";
import { ipw } from "../../src/ope/ipw.js";
import { snipw } from "../../src/ope/snipw.js";
import { dm } from "../../src/ope/dm.js";
import { dr } from "../../src/ope/dr.js";
import { sndr } from "../../src/ope/sndr.js";
import { switchDr } from "../../src/ope/switch-dr.js";
import { loadObpFixture } from "./obp-fixture.js";

const TOLERANCE = 1e-9;
const fixture = loadObpFixture();
const policyNames = Object.keys(fixture.policies);
const modelNames = Object.keys(fixture.rewardModels);

describe("parity with the Open Bandit Pipeline 0.5.5 (test/fixtures/obp-ope-2000.json.gz)", () => {
  it("the fixture holds two evaluation policies and two reward models", () => {
    expect(policyNames.sort()).toEqual(["egreedy", "ipwlearner"]);
    expect(modelNames.sort()).toEqual(["hgb", "logreg"]);
  });

  for (const policyName of policyNames) {
    const { target, estimates } = fixture.policies[policyName];
    for (const modelName of modelNames) {
      const predictions = fixture.rewardModels[modelName];
      const obp = estimates[modelName];
      it(`reproduces OBP's IPW, SNIPW, DM, DR and SNDR for ${policyName} with the ${modelName} reward model to 1e-9`, () => {
        const ours = {
          ipw: ipw(fixture.log, target),
          snipw: snipw(fixture.log, target),
          dm: dm(fixture.log, target, predictions),
          dr: dr(fixture.log, target, predictions),
          sndr: sndr(fixture.log, target, predictions),
        };
        for (const [estimator, value] of Object.entries(ours)) expect(Math.abs(value - obp[estimator as keyof typeof ours]), estimator).toBeLessThan(TOLERANCE);
      });
      it(`Switch-DR for ${policyName} with ${modelName} is OBP's DR with no threshold and OBP's DM with threshold 0`, () => {
        expect(Math.abs(switchDr(fixture.log, target, predictions, Infinity) - obp.dr)).toBeLessThan(TOLERANCE);

        // Threshold 0 drops every correction with a positive weight; a zero weight corrects nothing anyway.
        expect(Math.abs(switchDr(fixture.log, target, predictions, 0) - obp.dm)).toBeLessThan(TOLERANCE);
      });
    }
    it(`reproduces OBP's ground truth for ${policyName}: the mean of the target's expected reward`, () => {
      const { rounds, actionCount } = fixture.log;
      let total = 0;
      for (let i = 0; i < rounds * actionCount; i++) total += target[i] * fixture.expectedReward[i];
      expect(Math.abs(total / rounds - fixture.policies[policyName].groundTruth)).toBeLessThan(TOLERANCE);
    });
  }
});
