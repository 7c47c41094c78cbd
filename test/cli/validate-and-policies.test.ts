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
});
