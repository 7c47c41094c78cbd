import { describe, expect, it } from "vitest";
import { DecisionLog, ROW_GROUP_ROWS } from "../../src/log/decision-log.js";
import type { DecisionLogLayout } from "../../src/log/decision-log-layout.js";
import type { DecisionLogSink } from "../../src/log/decision-log-sink.js";
import { loadScenario } from "../../src/scenario/index.js";
import { createEnvironment } from "../../src/engine/environment.js";
import { BASELINE } from "../cli/run-cli.js";

const layout = (attributionDays: number, horizonDays: number): DecisionLogLayout => ({
  featureNames: ["a", "b"],
  actionIds: ["none", "x", "y"],
  momentNames: ["m0"],
  outcomeNames: ["none", "accept"],
  attributionDays,
  horizonDays,
  distribution: true,
  expectedValues: false,
});

/** A sink that keeps what it is handed: (day, subscriber, churned, censored, first feature) per row. */
function collectingSink() {
  const rows: [number, number, number, number, number][] = [];
  let groups = 0;
  let closed = false;
  const sink: DecisionLogSink = {
    write(log, count) {
      groups++;
      for (let k = 0; k < count; k++) rows.push([log.day[k], log.subscriber[k], log.churned[k], log.censored[k], log.features[k * 2]]);
    },
    close: () => void (closed = true),
    abort: () => undefined,
  };
  return { sink, rows, groups: () => groups, closed: () => closed };
}

function stage(log: DecisionLog, rows: number, feature: number): void {
  log.stageDay(new Float32Array(rows * 2).fill(feature), new Uint8Array(rows * 3).fill(1), new Float64Array(rows * 3).fill(1 / 3), null, rows);
}

describe("DecisionLog", () => {
  it("marks a decision churned when its subscriber leaves on its day or within attributionDays after, and censors windows that reach the horizon", () => {
    const log = new DecisionLog(layout(3, 10));
    for (let day = 0; day < 10; day++) {
      stage(log, 1, day);
      log.record(0, day, 7, 0, 1, 1 / 3, 0, 0, 0, 0.5, Number.NaN);
      if (day === 5) log.recordChurn(day, Int32Array.of(7), 1);
      log.endDay(day);
    }
    log.finish();
    // Leaving on day 5 is charged to the decisions of days 2, 3, 4 and 5.
    expect(Array.from(log.churned.subarray(0, 10))).toEqual([0, 0, 1, 1, 1, 1, 0, 0, 0, 0]);
    // Windows of days 7, 8, 9 reach day 10, the horizon.
    expect(Array.from(log.censored.subarray(0, 10))).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
    expect(Array.from(log.features.subarray(0, 6))).toEqual([0, 0, 1, 1, 2, 2]);
    expect(log.probabilities[4]).toBeCloseTo(1 / 3, 12);
  });

  it("copies a staged day's features as one block and refuses rows recorded out of order or beyond the staged day", () => {
    const log = new DecisionLog(layout(3, 10));
    log.stageDay(Float32Array.of(1, 2, 3, 4, 5, 6), new Uint8Array(9).fill(1), new Float64Array(9).fill(1 / 3), null, 3);
    log.record(0, 0, 4, 0, 1, 1 / 3, 0, 0, 0, 0.5, Number.NaN);
    expect(() => log.record(2, 0, 5, 0, 1, 1 / 3, 0, 0, 0, 0.5, Number.NaN)).toThrow("decision log: staged rows must be recorded once each, in order: expected row 1, got row 2");
    const ordered = new DecisionLog(layout(3, 10));
    ordered.stageDay(Float32Array.of(1, 2, 3, 4), new Uint8Array(6).fill(1), new Float64Array(6).fill(1 / 3), null, 2);
    ordered.record(0, 0, 4, 0, 1, 1 / 3, 0, 0, 0, 0.5, Number.NaN);
    ordered.record(1, 0, 5, 0, 1, 1 / 3, 0, 0, 0, 0.5, Number.NaN);
    expect(Array.from(ordered.features.subarray(0, 4))).toEqual([1, 2, 3, 4]);
    expect(() => ordered.record(2, 0, 6, 0, 1, 1 / 3, 0, 0, 0, 0.5, Number.NaN)).toThrow("expected none (the staged day has 2 rows, all recorded), got row 2");
  });

  it("hands finished rows to its sink in row groups, in order, holding no more than a window and a group", () => {
    const { sink, rows, groups, closed } = collectingSink();
    const log = new DecisionLog(layout(2, 60), sink);
    const perDay = 3000;
    let largest = 0;
    for (let day = 0; day < 60; day++) {
      stage(log, perDay, day);
      for (let row = 0; row < perDay; row++) log.record(row, day, row, 0, 1, 1, 0, 0, 0, 0, 0);
      // Subscriber 5 leaves on day 30: the decisions of days 28, 29 and 30 on them are charged.
      if (day === 30) log.recordChurn(day, Int32Array.of(5), 1);
      log.endDay(day);
      largest = Math.max(largest, log.size);
    }
    log.finish();
    expect(closed()).toBe(true);
    expect(rows).toHaveLength(60 * perDay);
    expect(groups()).toBeGreaterThan(3);
    expect(largest).toBeLessThanOrEqual(ROW_GROUP_ROWS + 3 * perDay);
    const outOfOrder = rows.findIndex(([day, subscriber, , , feature], k) => day !== Math.floor(k / perDay) || subscriber !== k % perDay || feature !== day);
    expect(outOfOrder).toBe(-1);
    const churned = rows.filter((row) => row[2] === 1).map((row) => [row[0], row[1]]);
    expect(churned).toEqual([[28, 5], [29, 5], [30, 5]]);
    expect(rows.filter((row) => row[3] === 1).map((row) => row[0])).toEqual([58, 58, 59, 59].flatMap((day) => Array(perDay / 2).fill(day)));
  });

  it("labels churn as a count over the run's own leavers would: every decision with a leaving in [day, day + attributionDays]", () => {
    const { scenario } = loadScenario(BASELINE);
    const small = { ...scenario, horizonDays: 90, population: { ...scenario.population, size: 800 } };
    const environment = createEnvironment(small, { seed: 5, agentName: "random", keepLog: true });
    const leaves = new Map<number, number[]>();
    let observation = environment.reset();
    const actionCount = observation.batch.actions.length;
    for (;;) {
      const { batch, output } = observation;
      const eligibility = batch.eligibility();
      for (let row = 0; row < batch.size; row++) {
        let count = 0;
        for (let a = 0; a < actionCount; a++) count += eligibility[row * actionCount + a];
        for (let a = 0; a < actionCount; a++) output.probabilities[row * actionCount + a] = eligibility[row * actionCount + a] / count;
        output.chosen[row] = (row * 7 + batch.day) % actionCount;
        while (eligibility[row * actionCount + output.chosen[row]] === 0) output.chosen[row] = (output.chosen[row] + 1) % actionCount;
      }
      const step = environment.step(output);
      for (const s of step.feedback.churned) leaves.set(s, [...(leaves.get(s) ?? []), step.feedback.day]);
      if (step.done) break;
      observation = step.observation!;
    }
    const log = environment.result().log!;
    const window = small.objective.attributionDays;
    expect(log.size).toBeGreaterThan(1000);
    let churnedRows = 0;
    for (let k = 0; k < log.size; k++) {
      const day = log.day[k];
      const left = (leaves.get(log.subscriber[k]) ?? []).some((leftDay) => leftDay >= day && leftDay <= day + window);
      expect(log.churned[k], `row ${k}`).toBe(left ? 1 : 0);
      expect(log.censored[k], `row ${k}`).toBe(day + window >= small.horizonDays ? 1 : 0);
      churnedRows += log.churned[k];
    }
    expect(churnedRows).toBeGreaterThan(0);
  });
});
