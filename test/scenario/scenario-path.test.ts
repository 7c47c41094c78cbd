import { describe, expect, it } from "vitest";
import { parseScenarioPath, readScenarioHeader, setScenarioPath } from "../../src/scenario/index.js";

describe("scenario paths (offersim sweep --set)", () => {
  it("parse keys, indices and [key=value] selectors", () => {
    expect(parseScenarioPath("offers[id=data-boost-sms].price")).toEqual([
      { kind: "key", key: "offers" },
      { kind: "match", key: "id", value: "data-boost-sms" },
      { kind: "key", key: "price" },
    ]);
    expect(parseScenarioPath("events[0].intensity")).toEqual([
      { kind: "key", key: "events" },
      { kind: "index", index: 0 },
      { kind: "key", key: "intensity" },
    ]);
    expect(parseScenarioPath("a..b")).toBeNull();
    expect(parseScenarioPath("offers[x]")).toBeNull();
  });

  it("set a value in a copy, creating missing sections, and leave the original alone", () => {
    const raw = { name: "x", offers: [{ id: "a", price: 1 }, { id: "b", price: 2 }] };
    const result = setScenarioPath(raw, parseScenarioPath("contactPolicy.maxContactsPerWeek")!, 3);
    expect(result).toEqual({ scenario: { ...raw, contactPolicy: { maxContactsPerWeek: 3 } } });
    const offer = setScenarioPath(raw, parseScenarioPath("offers[id=b].price")!, 9);
    expect("scenario" in offer && offer.scenario.offers).toEqual([{ id: "a", price: 1 }, { id: "b", price: 9 }]);
    expect(raw.offers[1].price).toBe(2);
  });

  it("say what is missing when a selector finds nothing", () => {
    const raw = { offers: [{ id: "a" }, { id: "b" }], events: [] };
    expect(setScenarioPath(raw, parseScenarioPath("offers[id=c].price")!, 1)).toEqual({ problem: 'no item of offers has id "c" (ids: a, b)' });
    expect(setScenarioPath(raw, parseScenarioPath("events[2].intensity")!, 1)).toEqual({ problem: "events[2] is out of range: events has 0 items" });
  });
});

describe("scenario headers", () => {
  it("read the Question and Charts paragraphs of the opening comment, skipping the editor line", () => {
    const text = [
      "# yaml-language-server: $schema=./schema.json",
      "#",
      "# Question: What does an outage cost,",
      "#   and who limits it?",
      "# Charts: churn per period.",
      "#",
      "# Notes: more.",
      "extends: ./baseline.yaml",
      "# Question: not part of the opening comment",
    ].join("\n");
    expect(readScenarioHeader(text)).toEqual({ question: "What does an outage cost, and who limits it?", charts: "churn per period.", hasQuestion: true });
  });

  it("fall back to the first paragraph without a Question", () => {
    expect(readScenarioHeader("# The reference world.\n#\n# More.\nname: x\n")).toEqual({ question: "The reference world.", charts: "", hasQuestion: false });
  });
});
