import type { FeedbackBatch } from "../policy/policy.js";

/**
 * A day's feedback kept apart from the engine's workspace, which the next morning reuses: the
 * environment's `step` returns the next observation together with this day's feedback. The
 * arrays grow when a day needs more room and are reused otherwise (no allocation per day).
 */
export class FeedbackBuffers {
  private subscriber = new Int32Array(0);
  private action = new Int32Array(0);
  private outcome = new Uint8Array(0);
  private reward = new Float64Array(0);
  private value = new Float64Array(0);
  private churned = new Int32Array(0);
  private churnedValue = new Float64Array(0);

  /** A copy of `feedback`, valid until the next call. */
  keep(feedback: FeedbackBatch): FeedbackBatch {
    const size = feedback.size;
    const leavers = feedback.churned.length;
    if (this.subscriber.length < size) {
      const capacity = Math.max(size, 2 * this.subscriber.length);
      this.subscriber = new Int32Array(capacity);
      this.action = new Int32Array(capacity);
      this.outcome = new Uint8Array(capacity);
      this.reward = new Float64Array(capacity);
      this.value = new Float64Array(capacity);
    }
    if (this.churned.length < leavers) {
      const capacity = Math.max(leavers, 2 * this.churned.length);
      this.churned = new Int32Array(capacity);
      this.churnedValue = new Float64Array(capacity);
    }
    const copy = <T extends Int32Array | Uint8Array | Float64Array>(into: T, from: T, length: number): T => {
      const view = into.subarray(0, length) as T;
      view.set(from);
      return view;
    };
    return {
      day: feedback.day,
      size,
      subscriber: copy(this.subscriber, feedback.subscriber, size),
      action: copy(this.action, feedback.action, size),
      outcome: copy(this.outcome, feedback.outcome, size),
      reward: copy(this.reward, feedback.reward, size),
      value: copy(this.value, feedback.value, size),
      churned: copy(this.churned, feedback.churned, leavers),
      churnedValue: copy(this.churnedValue, feedback.churnedValue, leavers),
    };
  }
}
