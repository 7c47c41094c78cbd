import { describe, expect, it } from "vitest";
import { loadScenario } from "../../src/scenario/index.js";
import { BASELINE, runCli } from "./run-cli.js";

describe("offersim validate", () => {
  it("exits 0 and prints ok with the scenario hash for scenarios/baseline.yaml", () => {
    const result = runCli(["validate", "scenarios/baseline.yaml"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const { hash } = loadScenario(BASELINE);
    expect(result.stdout).toMatch(/^scenarios\/baseline\.yaml: ok \(scenario "baseline", /);
    expect(result.stdout).toContain(`hash ${hash}`);
  });
});

describe("offersim policies", () => {
  it("lists no-contact and random with their descriptions as JSON", () => {
    const result = runCli(["policies", "--json"]);
    expect(result.status).toBe(0);
    const policies = JSON.parse(result.stdout) as { name: string; description: string }[];
    const byName = new Map(policies.map((policy) => [policy.name, policy.description]));
    for (const name of ["no-contact", "random"]) {
      expect(byName.get(name), name).toEqual(expect.any(String));
      expect(byName.get(name)?.length, name).toBeGreaterThan(0);
    }
  });

  it("lists the variants that run only when named, marked as not in the default list", () => {
    const policies = JSON.parse(runCli(["policies", "--json"]).stdout) as { name: string; default: boolean }[];
    const optional = policies.filter((policy) => !policy.default).map((policy) => policy.name);
    expect(optional).toEqual(expect.arrayContaining(["dqn-online", "propensity-nbo-learning", "propensity-nba-learning"]));
    expect(policies.find((policy) => policy.name === "rules-nba")?.default).toBe(true);
    const text = runCli(["policies"]).stdout;
    expect(text).toContain("dqn-online *");
    expect(text).toContain("* runs only when named in --policies");
  });
});
