import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario, mergeScenarioInputs } from "../../src/scenario/index.js";
import { problemsOf, writeTempFiles } from "./write-temp-files.js";

const ROOT = `
name: root
description: the root world
seed: 1
horizonDays: 100
population: { size: 500, regions: 4 }
policies: [random, greedy]
offers:
  - { id: a, program: upsell, category: data, channel: sms, price: 5, eligibility: { plans: [prepaid], minTenureDays: 30 } }
  - { id: b, program: retention, category: discount, channel: email, discount: 3 }
events:
  - { type: network-outage, startDay: 10, endDay: 12 }
`;

const BASE = `
extends: ../root.yaml
name: base
seed: 2
`;

const CHILD = `
extends: base/base.yaml
name: child
description: what if
seed: 7
population: { size: 900 }
policies: [linucb]
offers:
  - { id: a, price: 7, eligibility: { plans: [postpaid] } }
  - { id: c, program: loyalty, category: loyalty, channel: app-push }
events:
  - { type: competitor-promo, startDay: 20, endDay: 40, intensity: 0.3 }
`;

function loadChild() {
  const dir = writeTempFiles({ "root.yaml": ROOT, "base/base.yaml": BASE, "child.yaml": CHILD });
  return { dir, loaded: loadScenario(path.join(dir, "child.yaml")) };
}

describe("extends", () => {
  it("resolves each parent relative to the file that names it and reports the chain", () => {
    const { dir, loaded } = loadChild();
    expect(loaded.chain).toEqual([path.join(dir, "child.yaml"), path.join(dir, "base/base.yaml"), path.join(dir, "root.yaml")]);
  });

  it("lets the nearest file's scalars and lists win and merges mappings key by key", () => {
    const { scenario } = loadChild().loaded;
    expect(scenario.name).toBe("child");
    expect(scenario.description).toBe("what if");
    expect(scenario.seed).toBe(7);
    expect(scenario.horizonDays).toBe(100);
    expect(scenario.population.size).toBe(900);
    expect(scenario.population.regions).toBe(4);
    expect(scenario.policies).toEqual(["linucb"]);
    expect(scenario).not.toHaveProperty("extends");
  });

  it("merges offers by id and appends new ones in order", () => {
    const { offers } = loadChild().loaded.scenario;
    expect(offers.map((offer) => offer.id)).toEqual(["a", "b", "c"]);
    expect(offers[0]).toMatchObject({ price: 7, program: "upsell", channel: "sms" });
    expect(offers[0].eligibility).toMatchObject({ plans: ["postpaid"], minTenureDays: 30 });
    expect(offers[1].discount).toBe(3);
  });

  it("appends the child's events after the parent's", () => {
    const { events } = loadChild().loaded.scenario;
    expect(events.map((event) => event.type)).toEqual(["network-outage", "competitor-promo"]);
  });

  it("merges raw objects without touching its arguments", () => {
    const parent = { name: "p", population: { size: 1, regions: 2 }, offers: [{ id: "a", price: 1 }] };
    const child = { extends: "p.yaml", population: { size: 3 }, offers: [{ id: "a", cost: 2 }] };
    expect(mergeScenarioInputs(parent, child)).toEqual({
      name: "p",
      population: { size: 3, regions: 2 },
      offers: [{ id: "a", price: 1, cost: 2 }],
    });
    expect(parent.population).toEqual({ size: 1, regions: 2 });
    expect(child.offers).toEqual([{ id: "a", cost: 2 }]);
  });

  it("detects a cycle and names the chain", () => {
    const dir = writeTempFiles({ "a.yaml": "extends: b.yaml\nname: a\n", "b.yaml": "extends: a.yaml\nname: b\n" });
    const [a, b] = [path.join(dir, "a.yaml"), path.join(dir, "b.yaml")];
    expect(problemsOf(() => loadScenario(a))).toEqual([`${b}: extends cycle: ${a} -> ${b} -> ${a}`]);
  });

  it("detects a file that extends itself", () => {
    const dir = writeTempFiles({ "a.yaml": "extends: ./a.yaml\nname: a\n" });
    const a = path.join(dir, "a.yaml");
    expect(problemsOf(() => loadScenario(a))).toEqual([`${a}: extends cycle: ${a} -> ${a}`]);
  });

  it("reports a missing parent against the parent's path", () => {
    const dir = writeTempFiles({ "child.yaml": "extends: nope.yaml\nname: c\n" });
    expect(problemsOf(() => loadScenario(path.join(dir, "child.yaml")))).toEqual([
      `${path.join(dir, "nope.yaml")}: file not found (extended by ${path.join(dir, "child.yaml")})`,
    ]);
  });

  it("reports a YAML error in the parent against the parent's file", () => {
    const dir = writeTempFiles({ "base.yaml": "name: [base\n", "child.yaml": "extends: base.yaml\nname: c\n" });
    const lines = problemsOf(() => loadScenario(path.join(dir, "child.yaml")));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.startsWith(`${path.join(dir, "base.yaml")}: YAML syntax error at line `)).toBe(true);
  });

  it("reports validation problems of the merged scenario against the named file", () => {
    const dir = writeTempFiles({ "base.yaml": "name: b\npopulation: { size: -5 }\n", "child.yaml": "extends: base.yaml\nname: c\n" });
    const child = path.join(dir, "child.yaml");
    expect(problemsOf(() => loadScenario(child))).toEqual([`${child}: population.size must be a positive integer, got -5`]);
  });

  it("requires extends to be a path", () => {
    const dir = writeTempFiles({ "child.yaml": "extends: 3\nname: c\n" });
    const child = path.join(dir, "child.yaml");
    expect(problemsOf(() => loadScenario(child))).toEqual([`${child}: extends must be the path of a scenario file (.yaml or .yml), got 3`]);
  });
});
