import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario, InputError } from "../../src/scenario/index.js";
import { problemsOf, writeTempFiles } from "./write-temp-files.js";

describe("loadScenario", () => {
  it("loads a minimal scenario and fills in every default", () => {
    const file = path.join(writeTempFiles({ "tiny.yaml": "# just a name\nname: tiny\n" }), "tiny.yaml");
    const loaded = loadScenario(file);
    expect(loaded.file).toBe(file);
    expect(loaded.chain).toEqual([file]);
    expect(loaded.hash).toMatch(/^[0-9a-f]{16}$/);
    const { scenario } = loaded;
    expect(scenario.name).toBe("tiny");
    expect(scenario.description).toBe("");
    expect(scenario.seed).toBe(1);
    expect(scenario.horizonDays).toBe(365);
    expect(scenario.population.size).toBe(20000);
    expect(scenario.population.plans.postpaid.contractMonths).toBe(24);
    expect(scenario.channels["outbound-call"]).toBe(3);
    expect(scenario.offers).toEqual([]);
    expect(scenario.events).toEqual([]);
  });

  it("fills in the defaults of each offer and event", () => {
    const dir = writeTempFiles({
      "s.yaml": [
        "name: s",
        "offers:",
        "  - { id: data-boost, program: upsell, category: data, channel: sms, price: 5 }",
        "events:",
        "  - { type: network-outage, startDay: 10, endDay: 12, region: 2 }",
      ].join("\n"),
    });
    const { scenario } = loadScenario(path.join(dir, "s.yaml"));
    expect(scenario.offers[0]).toMatchObject({ id: "data-boost", price: 5, acceptBase: 0.03, enabled: true });
    expect(scenario.offers[0].eligibility.plans).toEqual(["prepaid", "postpaid", "broadband", "tv"]);
    expect(scenario.events[0]).toMatchObject({ region: 2, intensity: 1, label: "" });
  });

  it("reports a missing file as a InputError naming the file", () => {
    const file = path.join(writeTempFiles({}), "nope.yaml");
    expect(() => loadScenario(file)).toThrow(InputError);
    expect(problemsOf(() => loadScenario(file))).toEqual([`${file}: file not found`]);
  });

  it("reports every YAML syntax error with its line and column", () => {
    const dir = writeTempFiles({ "bad.yaml": "name: tiny\npopulation:\n  size: 3\n    regions: 2\n" });
    const file = path.join(dir, "bad.yaml");
    expect(problemsOf(() => loadScenario(file))).toEqual([
      `${file}: YAML syntax error at line 3, column 9: Nested mappings are not allowed in compact mappings`,
      `${file}: YAML syntax error at line 3, column 9: Implicit keys need to be on a single line`,
    ]);
  });

  it("reports a duplicate YAML key as a syntax error", () => {
    const file = path.join(writeTempFiles({ "dup.yaml": "name: a\nseed: 1\nseed: 2\n" }), "dup.yaml");
    expect(problemsOf(() => loadScenario(file))).toEqual([
      `${file}: YAML syntax error at line 3, column 1: Map keys must be unique`,
    ]);
  });

  it("requires the top level to be a mapping", () => {
    const dir = writeTempFiles({ "list.yaml": "- name: a\n", "empty.yaml": "# nothing yet\n" });
    expect(problemsOf(() => loadScenario(path.join(dir, "list.yaml")))).toEqual([
      `${path.join(dir, "list.yaml")}: the top level must be a mapping, got a list of 1 item`,
    ]);
    expect(problemsOf(() => loadScenario(path.join(dir, "empty.yaml")))).toEqual([
      `${path.join(dir, "empty.yaml")}: the top level must be a mapping, got nothing`,
    ]);
  });

  it("reports all validation problems of a file at once", () => {
    const dir = writeTempFiles({ "x.yaml": "name: x\nseed: -1\nhorizonDays: 0\n" });
    const file = path.join(dir, "x.yaml");
    expect(problemsOf(() => loadScenario(file))).toEqual([
      `${file}: seed must be an integer from 0 to 4294967295, got -1`,
      `${file}: horizonDays must be an integer from 1 to 3650, got 0`,
    ]);
  });
});
