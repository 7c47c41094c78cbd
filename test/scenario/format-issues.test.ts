import { describe, expect, it } from "vitest";
import { formatIssues, parseScenarioObject, scenarioSchema } from "../../src/scenario/index.js";
import { problemsOf } from "./write-temp-files.js";

const FILE = "scenarios/x.yaml";
const offer = (fields: Record<string, unknown>) => ({ program: "upsell", category: "data", channel: "sms", ...fields });

/** The problems reported for `raw` (a scenario named "x" plus `raw`'s fields). */
function problems(raw: Record<string, unknown>): string[] {
  return problemsOf(() => parseScenarioObject(FILE, { name: "x", ...raw }));
}

describe("scenario validation messages", () => {
  it("name the field, the rule and the value of an out-of-range number", () => {
    expect(problems({ population: { size: -5 } })).toEqual([
      "scenarios/x.yaml: population.size must be a positive integer, got -5",
    ]);
  });

  it("say a non-integer breaks an integer rule", () => {
    expect(problems({ population: { size: 2.5 } })).toEqual([
      "scenarios/x.yaml: population.size must be a positive integer, got 2.5",
    ]);
  });

  it("quote a string found where a number belongs", () => {
    expect(problems({ offers: [offer({ id: "a" }), offer({ id: "b" }), offer({ id: "c" }), offer({ id: "d", price: "ten" })] })).toEqual([
      'scenarios/x.yaml: offers[3].price must be a number >= 0, got "ten"',
    ]);
  });

  it("give both bounds of a share", () => {
    expect(problems({ churn: { seasonalAmplitude: 2 } })).toEqual([
      "scenarios/x.yaml: churn.seasonalAmplitude must be a number from 0 to 1, got 2",
    ]);
  });

  it("describe a missing required field as nothing", () => {
    expect(problemsOf(() => parseScenarioObject(FILE, {}))).toEqual(["scenarios/x.yaml: name must be a string, got nothing"]);
  });

  it("list the known fields next to an unknown key", () => {
    const lines = problems({ population: { sise: 3 } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^scenarios\/x\.yaml: population\.sise is not a known field \(known: size, regions, plans, /);
  });

  it("give one line per unknown key", () => {
    expect(problems({ colour: "red", flavour: 1 })).toEqual([
      expect.stringMatching(/^scenarios\/x\.yaml: colour is not a known field \(known: \$schema, name, /),
      expect.stringMatching(/^scenarios\/x\.yaml: flavour is not a known field/),
    ]);
  });

  it("list the allowed keys of a record keyed by a vocabulary", () => {
    expect(problems({ economics: { budgets: { marketing: 10 } } })[0]).toMatch(
      /economics\.budgets\.marketing is not a known field \(known: onboarding, renewal, upsell, /,
    );
  });

  it("list the allowed values of an enum", () => {
    expect(problems({ offers: [offer({ id: "a", channel: "fax" })] })).toEqual([
      'scenarios/x.yaml: offers[0].channel must be one of sms, email, outbound-call, app-push, inbound, got "fax"',
    ]);
  });

  it("report a duplicate offer id once, pointing at the first", () => {
    expect(problems({ offers: [offer({ id: "a" }), offer({ id: "a" })] })).toEqual([
      'scenarios/x.yaml: offers[1].id must be unique, got "a" again (first at offers[0])',
    ]);
  });

  it("report plan shares that do not sum to 1", () => {
    expect(problems({ population: { plans: { prepaid: { share: 0.2 } } } })).toEqual([
      "scenarios/x.yaml: population.plans: plan shares must sum to 1, got 0.9",
    ]);
  });

  it("use a regex's own message", () => {
    expect(problems({ offers: [offer({ id: "Data Boost" })] })).toEqual([
      'scenarios/x.yaml: offers[0].id must be a lower-case id of letters, digits and dashes, got "Data Boost"',
    ]);
  });

  it("add the value to a refinement message that lacks it", () => {
    expect(problems({ events: [{ type: "network-outage", startDay: 5, endDay: 2 }] })).toEqual([
      "scenarios/x.yaml: events[0].endDay must be >= startDay, got 2",
    ]);
  });

  it("describe every form a union accepts", () => {
    expect(problems({ events: [{ type: "network-outage", startDay: 1, endDay: 2, region: -1 }] })).toEqual([
      'scenarios/x.yaml: events[0].region must be "all" or an integer >= 0, got -1',
    ]);
  });

  it("describe lists, mappings and empty strings briefly", () => {
    expect(problems({ name: "", population: [1, 2], offers: {} })).toEqual([
      'scenarios/x.yaml: name must not be empty, got ""',
      "scenarios/x.yaml: population must be a mapping, got a list of 2 items",
      "scenarios/x.yaml: offers must be a list, got an empty mapping",
    ]);
  });

  it("can format issues of a schema other than the scenario's", () => {
    const result = scenarioSchema.shape.population.safeParse({ regions: 0 });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(formatIssues("p.yaml", result.error.issues, { regions: 0 }, scenarioSchema.shape.population)).toEqual([
        "p.yaml: regions must be an integer from 1 to 64, got 0",
      ]);
    }
  });

  it("refuse an unresolved extends in a raw object", () => {
    expect(problems({ extends: "base.yaml" })).toEqual([
      "scenarios/x.yaml: extends must be resolved by loading the scenario from its file (use loadScenario), got extends in an object",
    ]);
  });
});
