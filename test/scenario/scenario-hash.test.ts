import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario, parseScenarioObject, scenarioHash } from "../../src/scenario/index.js";
import { writeTempFiles } from "./write-temp-files.js";

describe("scenarioHash", () => {
  it("is 16 hex digits", () => {
    expect(scenarioHash(parseScenarioObject("x", { name: "x" }))).toMatch(/^[0-9a-f]{16}$/);
  });

  it("does not change with key order, comments or layout", () => {
    const dir = writeTempFiles({
      "a.yaml": "name: x\nseed: 3\npopulation:\n  size: 100\n  regions: 2\n",
      "b.yaml": "# the same world\npopulation: { regions: 2, size: 100 }\nseed: 3   # a comment\nname: x\n",
    });
    expect(loadScenario(path.join(dir, "a.yaml")).hash).toBe(loadScenario(path.join(dir, "b.yaml")).hash);
  });

  it("does not change when the same content is split over extends", () => {
    const dir = writeTempFiles({
      "whole.yaml": "name: x\nseed: 3\npopulation: { size: 100 }\n",
      "base.yaml": "name: base\npopulation: { size: 100 }\n",
      "child.yaml": "extends: base.yaml\nname: x\nseed: 3\n",
    });
    expect(loadScenario(path.join(dir, "child.yaml")).hash).toBe(loadScenario(path.join(dir, "whole.yaml")).hash);
  });

  it("does not change when a default is written out", () => {
    const implicit = parseScenarioObject("x", { name: "x" });
    const explicit = parseScenarioObject("x", { name: "x", seed: 1, population: { size: 20000 } });
    expect(scenarioHash(explicit)).toBe(scenarioHash(implicit));
  });

  it("changes when any value changes", () => {
    const base = scenarioHash(parseScenarioObject("x", { name: "x" }));
    expect(scenarioHash(parseScenarioObject("x", { name: "x", seed: 2 }))).not.toBe(base);
    expect(scenarioHash(parseScenarioObject("x", { name: "x", churn: { typeMultiplier: { lostCause: 4.3 } } }))).not.toBe(base);
    expect(scenarioHash(parseScenarioObject("x", { name: "y" }))).not.toBe(base);
  });
});
