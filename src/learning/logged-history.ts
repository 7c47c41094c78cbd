/**
 * A history logged under a behaviour policy, Open Bandit Pipeline style: per decision the
 * context (a Float32 copy of the feature row), the action, its propensity and what followed
 * (accepted, the money `reward`, the objective's `value`, whether the subscriber left within the
 * attribution window). Growable typed arrays, one per field, no per-row objects.
 */
export class LoggedHistory {
  size = 0;
  features: Float32Array;
  action: Int32Array;
  propensity: Float64Array;
  subscriber: Int32Array;
  day: Int32Array;
  accepted: Uint8Array;
  reward: Float64Array;
  value: Float64Array;
  /** 1 when the subscriber left within `attributionDays` after the decision (see labelChurn). */
  churned: Uint8Array;
  /** 1 when the whole attribution window lies inside the history (the churn label is known). */
  churnKnown: Uint8Array;
  private churnSubscriber = new Int32Array(1024);
  private churnDay = new Int32Array(1024);
  private churnCount = 0;

  constructor(
    readonly width: number,
    capacity = 4096,
  ) {
    this.features = new Float32Array(capacity * width);
    this.action = new Int32Array(capacity);
    this.propensity = new Float64Array(capacity);
    this.subscriber = new Int32Array(capacity);
    this.day = new Int32Array(capacity);
    this.accepted = new Uint8Array(capacity);
    this.reward = new Float64Array(capacity);
    this.value = new Float64Array(capacity);
    this.churned = new Uint8Array(capacity);
    this.churnKnown = new Uint8Array(capacity);
  }

  /** Appends one decision; returns its row. Outcomes are filled in later by `row`. */
  add(features: Float32Array, featureRow: number, action: number, propensity: number, subscriber: number, day: number): number {
    if (this.size === this.action.length) this.grow();
    const row = this.size++;
    this.features.set(features.subarray(featureRow * this.width, (featureRow + 1) * this.width), row * this.width);
    this.action[row] = action;
    this.propensity[row] = propensity;
    this.subscriber[row] = subscriber;
    this.day[row] = day;
    return row;
  }

  /** Records that `subscriber` left on `day` (for the churn labels). */
  addChurn(subscriber: number, day: number): void {
    if (this.churnCount === this.churnDay.length) {
      this.churnSubscriber = grown(this.churnSubscriber, this.churnCount * 2);
      this.churnDay = grown(this.churnDay, this.churnCount * 2);
    }
    this.churnSubscriber[this.churnCount] = subscriber;
    this.churnDay[this.churnCount++] = day;
  }

  /**
   * Labels every row from `fromRow` on: churned when the subscriber left in (day, day +
   * attributionDays], known when day + attributionDays is before `endDay` (rows near the end are
   * censored).
   */
  labelChurn(attributionDays: number, endDay: number, fromRow = 0): void {
    let subscribers = 0;
    for (let k = 0; k < this.size; k++) subscribers = Math.max(subscribers, this.subscriber[k] + 1);
    for (let k = 0; k < this.churnCount; k++) subscribers = Math.max(subscribers, this.churnSubscriber[k] + 1);
    const start = new Int32Array(subscribers + 1);
    for (let k = 0; k < this.churnCount; k++) start[this.churnSubscriber[k] + 1]++;
    for (let s = 0; s < subscribers; s++) start[s + 1] += start[s];
    const fill = start.slice(0, subscribers);
    const days = new Int32Array(this.churnCount);
    for (let k = 0; k < this.churnCount; k++) days[fill[this.churnSubscriber[k]]++] = this.churnDay[k];
    for (let row = fromRow; row < this.size; row++) {
      const s = this.subscriber[row];
      const from = this.day[row];
      let left = 0;
      for (let k = start[s]; k < start[s + 1]; k++) if (days[k] > from - 1 && days[k] <= from + attributionDays) left = 1;
      this.churned[row] = left;
      this.churnKnown[row] = from + attributionDays < endDay ? 1 : 0;
    }
  }

  private grow(): void {
    const capacity = this.action.length * 2;
    this.features = grown(this.features, capacity * this.width);
    this.action = grown(this.action, capacity);
    this.propensity = grown(this.propensity, capacity);
    this.subscriber = grown(this.subscriber, capacity);
    this.day = grown(this.day, capacity);
    this.accepted = grown(this.accepted, capacity);
    this.reward = grown(this.reward, capacity);
    this.value = grown(this.value, capacity);
    this.churned = grown(this.churned, capacity);
    this.churnKnown = grown(this.churnKnown, capacity);
  }
}

type Growable = Float32Array | Float64Array | Int32Array | Uint8Array;

function grown<T extends Growable>(array: T, capacity: number): T {
  const next = new (array.constructor as new (length: number) => T)(capacity);
  next.set(array as never);
  return next;
}
