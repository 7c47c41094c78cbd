import { FEATURE_COUNT } from "../world/observation/observe.js";

/**
 * Buffers for one day's decisions, grown (doubling) when a day has more decisions than ever
 * before and otherwise reused, so that the day loop allocates nothing in steady state.
 */
export class DecisionWorkspace {
  capacity = 0;
  probabilities = new Float64Array(0);
  chosen = new Int32Array(0);
  features = new Float32Array(0);
  eligibility = new Uint8Array(0);
  outcome = new Uint8Array(0);
  reward = new Float64Array(0);
  value = new Float64Array(0);
  propensity = new Float64Array(0);
  churned = new Int32Array(0);
  churnedValue = new Float64Array(0);
  churnedCount = 0;

  constructor(
    readonly actionCount: number,
    subscriberCount: number,
  ) {
    this.churned = new Int32Array(subscriberCount);
    this.churnedValue = new Float64Array(subscriberCount);
  }

  ensure(size: number): void {
    if (size <= this.capacity) return;
    const capacity = Math.max(size, this.capacity * 2, 1024);
    this.capacity = capacity;
    this.probabilities = new Float64Array(capacity * this.actionCount);
    this.chosen = new Int32Array(capacity);
    this.features = new Float32Array(capacity * FEATURE_COUNT);
    this.eligibility = new Uint8Array(capacity * this.actionCount);
    this.outcome = new Uint8Array(capacity);
    this.reward = new Float64Array(capacity);
    this.value = new Float64Array(capacity);
    this.propensity = new Float64Array(capacity);
  }
}
