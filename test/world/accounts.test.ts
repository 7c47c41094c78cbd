import { describe, expect, it } from "vitest";
import { noContact } from "../../policies/no-contact.js";
import type { Scenario } from "../../src/scenario/scenario-schema.js";
import { churnHazard } from "../../src/world/churn/churn-hazard.js";
import { NETWORK_UNKNOWN } from "../../src/world/transition/daily-chances.js";
import { otherLineTotals, OTHER_LINE_TOTALS, problemTotals, PROBLEM_TOTALS } from "../../src/world/state/recent-history.js";
import { STATUS_ACTIVE } from "../../src/world/state/subscriber-state.js";
import { FEATURE_COUNT, FEATURE_INDEX as F, writeFeatures } from "../../src/world/observation/observe.js";
import { MOMENT_OUTBOUND } from "../../src/scenario/vocabulary.js";
import { policySimulation } from "../support/policy-simulation.js";
import { baselineWith } from "./baseline-scenario.js";

// The account view: a slot is an account whose other lines have network experience of their
// own (reaching the holder) and can port out on their own (the rest of the household follows).

function accountsScenario(subscribers: number, days: number, accounts: Partial<Scenario["accounts"]> = {}): Scenario {
  const base = baselineWith({ subscribers, days });
  return { ...base, accounts: { ...base.accounts, ...accounts } };
}

// A bad network week on the other lines of a marked group of accounts (every other multi-line
// account active on day 30: their other lines' coverage x 20 from day 30 to 36), against the
// same world untouched on the same seed (common random numbers: the holders' own lines, life
// events and churn uniforms are the same). 40,000 subscribers, fixed seed.
const BAD_WEEK_START = 30;
const BAD_WEEK_DAYS = 7;
const FOLLOW_DAYS = 60;
const BAD_WEEK_FACTOR = 20;

function badWeek(touched: boolean, accounts: Partial<Scenario["accounts"]> = {}) {
  const scenario = accountsScenario(40_000, BAD_WEEK_START + BAD_WEEK_DAYS + FOLLOW_DAYS, accounts);
  const run = policySimulation(scenario, noContact, 1313);
  const { sim } = run;
  run.runUntil(BAD_WEEK_START);
  const marked: number[] = [];
  for (let i = 0; i < sim.state.count; i++) if (sim.state.status[i] === STATUS_ACTIVE && sim.state.lines[i] > 1 && i % 2 === 0) marked.push(i);
  const setCoverage = (factor: number) => {
    if (!touched) return;
    for (const i of marked) {
      sim.state.linesCoverage[i] *= factor;
      sim.state.linesNoProblemChance[i] = NETWORK_UNKNOWN;
    }
  };
  setCoverage(BAD_WEEK_FACTOR);
  for (let day = BAD_WEEK_START; day < BAD_WEEK_START + BAD_WEEK_DAYS; day++) run.runDay(day);
  setCoverage(1 / BAD_WEEK_FACTOR);
  const afterWeek = BAD_WEEK_START + BAD_WEEK_DAYS;
  const totals = new Float64Array(4);
  const own = new Float64Array(8);
  let hazard = 0;
  let otherLineProblems = 0;
  let ownProblems = 0;
  let feature = 0;
  const row = new Float32Array(FEATURE_COUNT);
  for (const i of marked) {
    if (sim.state.status[i] !== STATUS_ACTIVE) continue;
    hazard += churnHazard(sim.state, i, afterWeek, sim.world, sim.params);
    otherLineProblems += otherLineTotals(sim.state, i, afterWeek - 1, totals)[OTHER_LINE_TOTALS.problems7d];
    ownProblems += problemTotals(sim.state, i, afterWeek - 1, own)[PROBLEM_TOTALS.dropped7d] + own[PROBLEM_TOTALS.buffering7d];
    writeFeatures(sim.state, i, MOMENT_OUTBOUND, afterWeek - 1, sim.params, row, 0);
    feature += row[F.otherLinesProblems7d];
  }
  for (let day = afterWeek; day < scenario.horizonDays; day++) run.runDay(day);
  let churned = 0;
  for (const i of marked) if (sim.state.status[i] !== STATUS_ACTIVE) churned++;
  return { marked: marked.length, hazard: hazard / marked.length, otherLineProblems, ownProblems, feature, churned };
}

describe("the account view: shared experience", () => {
  it("a bad network week on the other lines of an account raises the holder's churn hazard and churn", () => {
    const untouched = badWeek(false);
    const touched = badWeek(true);
    expect(touched.marked).toBeGreaterThan(4000);
    // The week was bad on the other lines only: the holders' own lines saw the same problems
    // (up to the few holders who left during the week and are not counted).
    expect(touched.otherLineProblems).toBeGreaterThan(10 * untouched.otherLineProblems);
    // The operator sees them: the policies' feature otherLinesProblems7d adds them up.
    expect(touched.feature).toBe(touched.otherLineProblems);
    expect(Math.abs(touched.ownProblems - untouched.ownProblems)).toBeLessThan(0.01 * untouched.ownProblems);
    // The holders' mean hazard right after the week is at least a quarter higher, and more of
    // them leave in the following two months.
    expect(touched.hazard).toBeGreaterThan(1.25 * untouched.hazard);
    expect(touched.churned).toBeGreaterThan(1.15 * untouched.churned);
  });
});

// Lines of an account leave together: after an extra line ports out on its own, another
// departure from the account (another line, or the holder taking the rest) follows within 30
// days far more often than if every line left independently at the observed per-line rates.
// 40,000 subscribers, a year, fixed seed; the same world without the household's pull
// (accounts.followBoost 0) is the reference of what the shared hazard alone gives.
const TOGETHER_DAYS = 30;

function departures(accounts: Partial<Scenario["accounts"]> = {}) {
  const scenario = accountsScenario(40_000, 365, accounts);
  const run = policySimulation(scenario, noContact, 1314);
  const { sim } = run;
  const { state } = sim;
  run.runUntil(0);
  const lines = Uint8Array.from(state.lines);
  const active = Uint8Array.from(state.status, (status) => (status === STATUS_ACTIVE ? 1 : 0));
  // Departure days per account that started the year with two lines or more.
  const days = new Map<number, { day: number; portOut: boolean; extraLinesLeft: number }[]>();
  for (let i = 0; i < state.count; i++) if (active[i] === 1 && lines[i] > 1) days.set(i, []);
  let holderDays = 0;
  let extraLineDays = 0;
  let holderLeft = 0;
  let linesLeft = 0;
  let flagged = 0;
  const row = new Float32Array(FEATURE_COUNT);
  for (let day = 0; day < 365; day++) {
    run.runDay(day);
    for (const [i, list] of days) {
      if (active[i] === 0) continue;
      holderDays++;
      extraLineDays += lines[i] - 1;
      if (state.lines[i] < lines[i]) {
        linesLeft += lines[i] - state.lines[i];
        list.push({ day, portOut: true, extraLinesLeft: state.lines[i] - 1 });
        writeFeatures(state, i, MOMENT_OUTBOUND, day, sim.params, row, 0);
        flagged += row[F.lineLeftLast90d];
      }
      lines[i] = state.lines[i];
      if (state.status[i] !== STATUS_ACTIVE) {
        holderLeft++;
        active[i] = 0;
        list.push({ day, portOut: false, extraLinesLeft: 0 });
      }
    }
  }
  const holderRate = holderLeft / holderDays;
  const lineRate = linesLeft / extraLineDays;
  let portOuts = 0;
  let followed = 0;
  let expected = 0;
  for (const list of days.values()) {
    list.forEach((event, k) => {
      if (!event.portOut || event.day >= 365 - TOGETHER_DAYS) return;
      portOuts++;
      const next = list[k + 1];
      if (next !== undefined && next.day - event.day <= TOGETHER_DAYS) followed++;
      expected += 1 - Math.exp(-TOGETHER_DAYS * (holderRate + lineRate * event.extraLinesLeft));
    });
  }
  const allPortOuts = [...days.values()].reduce((sum, list) => sum + list.filter((event) => event.portOut).length, 0);
  return { accounts: days.size, portOuts, followed, expected, ratio: followed / expected, allPortOuts, flagged, linesPerYear: lineRate * 365, holdersPerYear: holderRate * 365 };
}

describe("the account view: households leave together", () => {
  it("after a line ports out, another line or the holder follows within 30 days far more often than independent lines would", () => {
    const withPull = departures();
    const withoutPull = departures({ followBoost: 0 });
    expect(withPull.portOuts).toBeGreaterThan(300);
    // The operator sees a line leave: the feature lineLeftLast90d is on from that day.
    expect(withPull.flagged).toBe(withPull.allPortOuts);
    expect(withPull.ratio).toBeGreaterThan(2.5);
    expect(withPull.ratio).toBeGreaterThan(1.5 * withoutPull.ratio);
  });
});
