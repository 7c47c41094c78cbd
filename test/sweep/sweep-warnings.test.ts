import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario, loadScenarioInput } from "../../src/scenario/load-scenario.js";
import { whyNeverEligible } from "../../src/scenario/offer-never-eligible.js";
import type { Scenario } from "../../src/scenario/scenario-schema.js";
import { buildSweepVariants, parseSetFlags } from "../../src/sweep/sweep-grid.js";
import { identicalVariants, sweptValuesThatCannotMatter } from "../../src/sweep/sweep-warnings.js";
import type { ExperimentResults } from "../../src/report/build-results.js";
import { REPO_ROOT } from "../cli/run-cli.js";

const BASELINE = path.join(REPO_ROOT, "scenarios", "baseline.yaml");
const BUDGET_CUT = path.join(REPO_ROOT, "scenarios", "contact-budget-cut.yaml");

function variantsOf(file: string, flags: string[]) {
  const parameters = parseSetFlags(flags);
  return { parameters, variants: buildSweepVariants(file, loadScenarioInput(file).raw, parameters) };
}

describe("whyNeverEligible", () => {
  const baseline = loadScenario(BASELINE).scenario;
  const offer = (scenario: Scenario, id: string) => scenario.offers.find((candidate) => candidate.id === id)!;
  const changed = (change: (scenario: Scenario) => void) => {
    const copy = structuredClone(baseline);
    change(copy);
    return copy;
  };

  it("finds every offer of the baseline eligible", () => {
    expect(baseline.offers.map((candidate) => whyNeverEligible(candidate, baseline)).filter((reason) => reason !== null)).toEqual([]);
  });

  it("names the rule that keeps an offer out: calls or contacts capped at 0, a budget of 0, a late start, a withdrawn offer", () => {
    const budgetCut = loadScenario(BUDGET_CUT).scenario;
    expect(whyNeverEligible(offer(budgetCut, "retention-discount-call"), budgetCut)).toBe("outbound calls are capped at 0 (contactPolicy.maxOutboundCallsPerMonth: 0)");
    expect(whyNeverEligible(offer(budgetCut, "retention-discount-sms"), budgetCut)).toBeNull();
    expect(whyNeverEligible(offer(budgetCut, "save-desk-offer"), budgetCut)).toBeNull();
    const noContacts = changed((scenario) => (scenario.contactPolicy.maxContactsPerWeek = 0));
    expect(whyNeverEligible(offer(noContacts, "data-boost-sms"), noContacts)).toBe("outbound contacts are capped at 0 (contactPolicy.maxContactsPerWeek: 0)");
    expect(whyNeverEligible(offer(noContacts, "save-desk-offer"), noContacts)).toBeNull();
    const noBudget = changed((scenario) => (scenario.economics.budgets.loyalty = 0));
    expect(whyNeverEligible(offer(noBudget, "loyalty-reward-email"), noBudget)).toBe("the loyalty budget is 0 (economics.budgets.loyalty)");
    const late = changed((scenario) => (offer(scenario, "roaming-pass-sms").availableFromDay = scenario.horizonDays));
    expect(whyNeverEligible(offer(late, "roaming-pass-sms"), late)).toBe(`it is available from day ${baseline.horizonDays}, after the run's last day (${baseline.horizonDays - 1})`);
    const withdrawn = changed((scenario) => (offer(scenario, "roaming-pass-sms").enabled = false));
    expect(whyNeverEligible(offer(withdrawn, "roaming-pass-sms"), withdrawn)).toBe("it is withdrawn (enabled: false)");
  });
});

describe("sweptValuesThatCannotMatter", () => {
  it("warns for the old README example: the call offer's discount in contact-budget-cut, where calls are capped at 0", () => {
    const { parameters, variants } = variantsOf(BUDGET_CUT, ["contactPolicy.maxContactsPerMonth=1,2,4,6", "offers[id=retention-discount-call].discount=5,10"]);
    expect(sweptValuesThatCannotMatter(parameters, variants)).toEqual([
      "--set offers[id=retention-discount-call].discount=5,10: offer retention-discount-call is never eligible: outbound calls are capped at 0 (contactPolicy.maxOutboundCallsPerMonth: 0); its values cannot change the results, so 4 of the 8 variants repeat another's experiment",
    ]);
  });

  it("says 'in some variants' when another swept parameter opens the offer in the others, and is silent when every value can matter", () => {
    const { parameters, variants } = variantsOf(BASELINE, ["contactPolicy.maxOutboundCallsPerMonth=0,1", "offers[id=retention-discount-call].discount=5,10"]);
    expect(sweptValuesThatCannotMatter(parameters, variants)).toEqual([
      "--set offers[id=retention-discount-call].discount=5,10: offer retention-discount-call is never eligible in some variants: outbound calls are capped at 0 (contactPolicy.maxOutboundCallsPerMonth: 0); its values cannot change the results, so 1 of the 4 variants repeats another's experiment",
    ]);
    const readme = variantsOf(BUDGET_CUT, ["contactPolicy.maxContactsPerMonth=1,2,4", "offers[id=save-desk-offer].discount=10,20"]);
    expect(sweptValuesThatCannotMatter(readme.parameters, readme.variants)).toEqual([]);
    const enabled = variantsOf(BASELINE, ["offers[id=roaming-pass-sms].enabled=true,false"]);
    expect(sweptValuesThatCannotMatter(enabled.parameters, enabled.variants)).toEqual([]);
  });
});

describe("identicalVariants", () => {
  const results = (churned: number) => ({ policies: [{ policy: "random", kpis: { churned: { perSeed: [churned] } } }] }) as unknown as ExperimentResults;

  it("names the variants whose results are identical and the values that made no difference", () => {
    const runs = [
      { name: "a=1_b=5", values: { a: 1, b: 5 }, results: results(3) },
      { name: "a=1_b=10", values: { a: 1, b: 10 }, results: results(3) },
      { name: "a=2_b=5", values: { a: 2, b: 5 }, results: results(4) },
      { name: "a=2_b=10", values: { a: 2, b: 10 }, results: results(5) },
    ];
    expect(identicalVariants(runs)).toEqual(["variants a=1_b=5, a=1_b=10 gave identical results for every policy, seed and KPI: b = 5 / 10 made no difference"]);
    expect(identicalVariants(runs.slice(2))).toEqual([]);
  });
});
