import { describe, expect, it } from "vitest";
import { preflightScenario } from "../../src/cli/preflight-scenario.js";
import { baselineWith } from "../world/baseline-scenario.js";

function warnings(scenario: ReturnType<typeof baselineWith>): string[] {
  const lines: string[] = [];
  preflightScenario("scenarios/x.yaml", scenario, { concurrentTasks: 1, sizeSource: "population.size", warn: (line) => lines.push(line) });
  return lines;
}

describe("a scenario whose multipliers give implausible churn", () => {
  it("is run, with one warning line naming the file and the churn it would give", () => {
    const base = baselineWith({ subscribers: 2000 });
    const lines = warnings({ ...base, churn: { ...base.churn, inContractMultiplier: 400, outOfContractMultiplier: 400 } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^offersim: warning: scenarios\/x\.yaml: the starting base would churn about \d+ % a month/);
    expect(Number(/about (\d+) %/.exec(lines[0])![1])).toBeGreaterThan(30);
  });

  it("gives no warning for the calibrated baseline", () => {
    expect(warnings(baselineWith({ subscribers: 2000 }))).toEqual([]);
  });
});
