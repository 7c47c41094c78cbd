import type { DecisionLogLayout } from "./decision-log-layout.js";
import type { DecisionLogSink } from "./decision-log-sink.js";

/** Finished rows are handed to the sink in groups of about this many (the Parquet row group). */
export const ROW_GROUP_ROWS = 32_768;

/**
 * The logged-decision record, one row per decision, in the Open Bandit Pipeline's shape and
 * more: when, who, which moment, every observable feature, which actions were eligible, the
 * action taken and its propensity (optionally the whole distribution), the outcome, the money
 * reward and the objective's value, whether the subscriber left within the attribution window
 * (and whether that window was cut short by the horizon: censored), and ground truth from the
 * world: the true acceptance probability of the action taken, the churn hazard the contact left
 * (NaN without a contact) and, on request, the expected value of every eligible action.
 *
 * Columnar typed arrays, no per-row objects. A row stays pending until its attribution window
 * has closed; with a sink, finished rows are handed over in row groups and dropped, so memory
 * holds one window of decisions plus one row group whatever the length of the run. Without a
 * sink every row stays in memory: tests, and the training history of the propensity policies
 * (src/learning/exploring-behaviour.ts), which is this same record.
 */
export class DecisionLog {
  /** Rows held (pending and, without a sink, finished). */
  size = 0;
  /** Rows handed to the sink and dropped so far. */
  flushed = 0;
  day = new Int32Array(0);
  subscriber = new Int32Array(0);
  moment = new Uint8Array(0);
  action = new Uint16Array(0);
  propensity = new Float64Array(0);
  outcome = new Uint8Array(0);
  reward = new Float64Array(0);
  value = new Float64Array(0);
  acceptProbability = new Float64Array(0);
  hazardAfter = new Float64Array(0);
  /** 1 when the subscriber left on the decision's day or within attributionDays after it. */
  churned = new Uint8Array(0);
  /** 1 when the attribution window reaches past the horizon: `churned` may be missing a leaver. */
  censored = new Uint8Array(0);
  /** Row-major, featureNames.length per row. */
  features = new Float32Array(0);
  /** Row-major, one flag per action. */
  eligible = new Uint8Array(0);
  /** Row-major, one probability per action (empty unless layout.distribution). */
  probabilities = new Float64Array(0);
  /** Row-major, one expected value per action, NaN when ineligible (empty unless layout.expectedValues). */
  expectedValues = new Float64Array(0);
  /** Global id of the previous row on the same subscriber (-1: none). */
  private previousRow: Int32Array = new Int32Array(0);
  private latestRow: Int32Array = new Int32Array(0);
  private capacity = 0;
  private finishedRows = 0;
  /** Where the staged day's first row went, and how many rows it has (0: none staged). */
  private stagedAt = 0;
  private stagedRows = 0;
  readonly featureCount: number;
  readonly actionCount: number;

  constructor(
    readonly layout: DecisionLogLayout,
    private readonly sink: DecisionLogSink | null = null,
  ) {
    this.featureCount = layout.featureNames.length;
    this.actionCount = layout.actionIds.length;
    this.grow(1024);
  }

  /**
   * The day's decision rows as the policy saw them, `rows` of them: features and eligibility
   * (row-major), the policy's distribution and, when the layout keeps them, the expected values.
   * They are copied here, as one block each; `record` must then be called once per staged row,
   * in row order (row 0, 1, ...), as the engine resolves a day's decisions.
   */
  stageDay(features: Float32Array, eligibility: Uint8Array, probabilities: Float64Array, expectedValues: Float64Array | null, rows: number): void {
    if (this.size + rows > this.capacity) this.grow(Math.max(this.capacity * 2, this.size + rows));
    const F = this.featureCount;
    const A = this.actionCount;
    const at = this.size;
    this.features.set(features.subarray(0, rows * F), at * F);
    this.eligible.set(eligibility.subarray(0, rows * A), at * A);
    if (this.layout.distribution) this.probabilities.set(probabilities.subarray(0, rows * A), at * A);
    if (this.layout.expectedValues && expectedValues) this.expectedValues.set(expectedValues.subarray(0, rows * A), at * A);
    this.stagedAt = at;
    this.stagedRows = rows;
  }

  /**
   * Appends the decision of row `row` of the staged day (its features and eligibility were
   * copied by `stageDay`); returns where it is held (its index in the columns until a flush moves it).
   */
  record(row: number, day: number, subscriber: number, moment: number, action: number, propensity: number, outcome: number, reward: number, value: number, acceptProbability: number, hazardAfter: number): number {
    if (this.size === this.capacity) this.grow(this.capacity * 2);
    const k = this.size++;
    if (this.stagedRows > 0 && (row !== k - this.stagedAt || row >= this.stagedRows)) {
      const expected = k - this.stagedAt < this.stagedRows ? `row ${k - this.stagedAt}` : `none (the staged day has ${this.stagedRows} rows, all recorded)`;
      throw new Error(`decision log: staged rows must be recorded once each, in order: expected ${expected}, got row ${row}`);
    }
    this.day[k] = day;
    this.subscriber[k] = subscriber;
    this.moment[k] = moment;
    this.action[k] = action;
    this.propensity[k] = propensity;
    this.outcome[k] = outcome;
    this.reward[k] = reward;
    this.value[k] = value;
    this.acceptProbability[k] = acceptProbability;
    this.hazardAfter[k] = hazardAfter;
    this.churned[k] = 0;
    this.censored[k] = 0;
    if (subscriber >= this.latestRow.length) this.latestRow = grownLinks(this.latestRow, subscriber + 1);
    this.previousRow[k] = this.latestRow[subscriber];
    this.latestRow[subscriber] = this.flushed + k;
    return k;
  }

  /**
   * Fills in what followed a decision recorded before the world answered (a logging policy
   * records at `decide` and learns the outcome at `feedback`): row `k` as `record` returned it.
   */
  recordOutcome(k: number, outcome: number, reward: number, value: number): void {
    this.outcome[k] = outcome;
    this.reward[k] = reward;
    this.value[k] = value;
  }

  /** Today's leavers: every pending decision on them whose window holds today is marked churned. */
  recordChurn(day: number, leavers: Int32Array, count: number): void {
    const window = this.layout.attributionDays;
    for (let n = 0; n < count; n++) {
      const s = leavers[n];
      if (s >= this.latestRow.length) continue;
      for (let id = this.latestRow[s]; id >= this.flushed; ) {
        const k = id - this.flushed;
        if (this.day[k] + window < day) break;
        this.churned[k] = 1;
        id = this.previousRow[k];
      }
    }
  }

  /** The end of `day`: decisions whose window closed today are final; a full row group goes to the sink. */
  endDay(day: number): void {
    const window = this.layout.attributionDays;
    while (this.finishedRows < this.size && this.day[this.finishedRows] + window <= day) this.finishedRows++;
    if (this.sink && this.finishedRows >= ROW_GROUP_ROWS) this.flush(this.finishedRows);
  }

  /** The horizon: every pending decision is final, censored when its window reaches the horizon; the sink is closed. */
  finish(): void {
    const { attributionDays, horizonDays } = this.layout;
    for (let k = this.finishedRows; k < this.size; k++) this.censored[k] = this.day[k] + attributionDays >= horizonDays ? 1 : 0;
    this.finishedRows = this.size;
    if (!this.sink) return;
    if (this.size > 0) this.flush(this.size);
    this.sink.close();
  }

  /** Removes what the sink wrote (a failed run). */
  abort(): void {
    this.sink?.abort();
  }

  /** Hands rows [0, rows) to the sink and moves the pending rows to the front. */
  private flush(rows: number): void {
    this.sink!.write(this, rows);
    const rest = this.size - rows;
    const F = this.featureCount;
    const A = this.actionCount;
    for (const column of [this.day, this.subscriber, this.moment, this.action, this.propensity, this.outcome, this.reward, this.value, this.acceptProbability, this.hazardAfter, this.churned, this.censored, this.previousRow]) {
      column.copyWithin(0, rows, this.size);
    }
    this.features.copyWithin(0, rows * F, this.size * F);
    this.eligible.copyWithin(0, rows * A, this.size * A);
    if (this.layout.distribution) this.probabilities.copyWithin(0, rows * A, this.size * A);
    if (this.layout.expectedValues) this.expectedValues.copyWithin(0, rows * A, this.size * A);
    this.flushed += rows;
    this.size = rest;
    this.stagedAt -= rows;
    this.finishedRows -= rows;
  }

  private grow(capacity: number): void {
    const F = this.featureCount;
    const A = this.actionCount;
    this.day = grown(this.day, capacity);
    this.subscriber = grown(this.subscriber, capacity);
    this.moment = grown(this.moment, capacity);
    this.action = grown(this.action, capacity);
    this.propensity = grown(this.propensity, capacity);
    this.outcome = grown(this.outcome, capacity);
    this.reward = grown(this.reward, capacity);
    this.value = grown(this.value, capacity);
    this.acceptProbability = grown(this.acceptProbability, capacity);
    this.hazardAfter = grown(this.hazardAfter, capacity);
    this.churned = grown(this.churned, capacity);
    this.censored = grown(this.censored, capacity);
    this.previousRow = grown(this.previousRow, capacity);
    this.features = grown(this.features, capacity * F);
    this.eligible = grown(this.eligible, capacity * A);
    if (this.layout.distribution) this.probabilities = grown(this.probabilities, capacity * A);
    if (this.layout.expectedValues) this.expectedValues = grown(this.expectedValues, capacity * A);
    this.capacity = capacity;
  }
}



type Column = Int32Array | Uint8Array | Uint16Array | Float32Array | Float64Array;

function grown<T extends Column>(array: T, capacity: number): T {
  const next = new (array.constructor as new (length: number) => T)(capacity);
  next.set(array as never);
  return next;
}

/** Subscriber -> latest row id, -1 for none. */
function grownLinks(links: Int32Array, needed: number): Int32Array {
  const next = new Int32Array(Math.max(needed, links.length * 2, 1024)).fill(-1);
  next.set(links);
  return next;
}
