import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { noContact } from "../../policies/no-contact.js";
import { rulesNba } from "../../policies/rules-nba.js";
import { simulateReplicate } from "../../src/engine/simulate-replicate.js";
import type { PolicyDefinition } from "../../src/policy/policy.js";
import { loadScenario, readScenarioHeader, type Scenario } from "../../src/scenario/index.js";
import { REPO_ROOT, runCli } from "../cli/run-cli.js";

const DIR = path.join(REPO_ROOT, "scenarios");
const WHAT_IFS = readdirSync(DIR).filter((name) => name.endsWith(".yaml") && name !== "baseline.yaml").sort();

describe("the what-if scenario library", () => {
  it("holds at least a dozen what-ifs next to the baseline", () => {
    expect(WHAT_IFS.length).toBeGreaterThanOrEqual(13);
  });

  it.each(WHAT_IFS)("%s loads, validates and extends ./baseline.yaml", (name) => {
    const file = path.join(DIR, name);
    const raw = parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    expect(raw.extends).toBe("./baseline.yaml");
    const { scenario, chain } = loadScenario(file);
    expect(chain).toHaveLength(2);
    expect(scenario.name).toBe(name.replace(/\.yaml$/, ""));
  });

  it.each(WHAT_IFS)("%s opens with a comment stating its question and the charts to look at", (name) => {
    const header = readScenarioHeader(readFileSync(path.join(DIR, name), "utf8"));
    expect(header.hasQuestion, `${name} must open with "# Question: ..."`).toBe(true);
    expect(header.question).toMatch(/\?/);
    expect(header.charts.length, `${name} must say "# Charts: ..."`).toBeGreaterThan(20);
  });

  it("offersim scenarios --json lists every scenario file with its question", () => {
    const result = runCli(["scenarios", "--json"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const entries = JSON.parse(result.stdout) as { name: string; file: string; question: string; problem: string | null }[];
    expect(entries[0].name).toBe("baseline");
    expect(entries.map((entry) => path.basename(entry.file)).sort()).toEqual(["baseline.yaml", ...WHAT_IFS].sort());
    for (const entry of entries) {
      expect(entry.problem, entry.file).toBeNull();
      expect(entry.question.length, entry.file).toBeGreaterThan(20);
    }
  });

  it("offersim scenarios prints each name, file and question", () => {
    const result = runCli(["scenarios"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("regional-outage  (scenarios/regional-outage.yaml)");
    expect(result.stdout).toContain("A five-day core-network outage hits regions 2 and 3");
  });
});

describe("what-ifs change the world in the intended direction (small runs, same seeds as the baseline)", () => {
  const SMALL = { subscribers: 2000, days: 100 };
  const small = (file: string): Scenario => {
    const { scenario } = loadScenario(path.join(DIR, file));
    return { ...scenario, horizonDays: SMALL.days, population: { ...scenario.population, size: SMALL.subscribers } };
  };
  /** Per seed: the what-if's KPI minus the baseline's, on common random numbers. */
  const differences = (file: string, policy: PolicyDefinition, kpi: "churnRateMonthly" | "arpu" | "contactsPerSubMonth") =>
    [0, 1].map((replicate) => {
      const run = (scenario: Scenario) => simulateReplicate({ scenario, policy, rootSeed: 7, replicate }).groups.all[kpi];
      return run(small(file)) - run(small("baseline.yaml"));
    });

  it("a regional outage raises churn under no-contact", () => {
    for (const difference of differences("regional-outage.yaml", noContact, "churnRateMonthly")) expect(difference).toBeGreaterThan(0);
  });

  it("a competitor price attack raises churn under no-contact", () => {
    for (const difference of differences("competitor-price-attack.yaml", noContact, "churnRateMonthly")) expect(difference).toBeGreaterThan(0);
  });

  it("a competitor's family-plan attack takes more lines away from their accounts under no-contact", () => {
    for (const replicate of [0, 1]) {
      const run = (scenario: Scenario) => simulateReplicate({ scenario, policy: noContact, rootSeed: 7, replicate }).groups.all.linesLost;
      expect(run(small("family-plan-attack.yaml"))).toBeGreaterThan(run(small("baseline.yaml")));
    }
  });

  it("a price increase raises ARPU", () => {
    for (const difference of differences("price-increase-bill-shock.yaml", noContact, "arpu")) expect(difference).toBeGreaterThan(1);
  });

  it("a contact budget cut lowers the contacts of rules-nba", () => {
    for (const difference of differences("contact-budget-cut.yaml", rulesNba, "contactsPerSubMonth")) expect(difference).toBeLessThan(0);
  });
});
