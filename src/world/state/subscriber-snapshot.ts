import type { SubscriberState } from "./subscriber-state.js";

/**
 * Every per-subscriber field that a what-if can change: an acceptance (apply-acceptance, and
 * reactivate for a winback), added annoyance and dissatisfaction (decaying-levels), the daily
 * chance bounds they refresh, a sleeping dog's awakening, a
 * reminder to compare (salience) and goodwill. A test checks that a what-if
 * leaves the whole state as it found it.
 */
const WHAT_IF_FIELDS = [
  "addonPricePerMonth", "addonUntilDay", "contractEndDay", "dataAllowanceGb", "deviceBroken", "deviceSinceDay",
  "discountPerMonth", "discountUntilDay", "lines", "movePending", "overdueSinceDay", "paymentPlan", "pendingCharges",
  "planPricePerMonth", "retentionFactor", "retentionUntilDay", "roamingPassUntilDay", "plan",
  "activeSinceDay", "annoyanceFlushDay", "awakenedDay", "remindedDay", "priorityUntilDay", "churnDay", "difficultyUntilDay", "joinDay", "pendingChurn", "status", "usualBill",
  "annoyance", "annoyanceDay", "annoyanceSum", "goodwill", "goodwillDay", "dissatisfaction", "dissatisfactionDay",
  "churnBound", "inboundBound", "lifeChanceBound", "noProblemChance", "linesNoProblemChance",
] as const;

/**
 * A copy of one subscriber's what-if fields, so that an acceptance or a contact can be applied
 * to the live state, measured, and undone. One loop per element type keeps each loop
 * monomorphic (this runs for every action the oracle weighs).
 */
export class SubscriberSnapshot {
  private readonly f32: Float32Array[] = [];
  private readonly f64: Float64Array[] = [];
  private readonly i32: Int32Array[] = [];
  private readonly u8: Uint8Array[] = [];
  private readonly other: (Int16Array | Uint16Array | Int8Array)[] = [];
  private readonly saved = new Float64Array(WHAT_IF_FIELDS.length);
  private subscriber = -1;

  constructor(state: SubscriberState) {
    for (const name of WHAT_IF_FIELDS) {
      const array = (state as unknown as Record<string, unknown>)[name];
      if (array instanceof Float32Array) this.f32.push(array);
      else if (array instanceof Float64Array) this.f64.push(array);
      else if (array instanceof Int32Array) this.i32.push(array);
      else if (array instanceof Uint8Array) this.u8.push(array);
      else if (array instanceof Int16Array || array instanceof Uint16Array || array instanceof Int8Array) this.other.push(array);
      else throw new Error(`SubscriberSnapshot: state.${name} is not a typed array`);
    }
  }

  save(i: number): void {
    this.subscriber = i;
    const saved = this.saved;
    let at = 0;
    for (const array of this.f32) saved[at++] = array[i];
    for (const array of this.f64) saved[at++] = array[i];
    for (const array of this.i32) saved[at++] = array[i];
    for (const array of this.u8) saved[at++] = array[i];
    for (const array of this.other) saved[at++] = array[i];
  }

  restore(): void {
    const i = this.subscriber;
    const saved = this.saved;
    let at = 0;
    for (const array of this.f32) array[i] = saved[at++];
    for (const array of this.f64) array[i] = saved[at++];
    for (const array of this.i32) array[i] = saved[at++];
    for (const array of this.u8) array[i] = saved[at++];
    for (const array of this.other) array[i] = saved[at++];
  }
}
