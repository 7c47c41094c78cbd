import type { FeedbackBatch } from "../policy/policy.js";
import type { ReplayBuffer } from "./replay-buffer.js";

/**
 * Turns a training world's decisions and feedback into transitions, per subscriber between its
 * consecutive decision moments: s = features at a decision, a = the action, r = its feedback
 * `value` / rewardScale, s' = features at the subscriber's next decision (discount
 * dailyGamma^days between them). A subscriber who leaves before its next decision ends the
 * transition: r - churnedValue / rewardScale, no bootstrap. With a demonstrator, its action at s
 * is kept with the transition (the trainer's large-margin term). `pending[i]` is the slot of
 * subscriber i's open transition, -1 when none.
 */
export class TransitionRecorder {
  private readonly pending: Int32Array;
  private readonly dropPending = (subscriber: number) => {
    this.pending[subscriber] = -1;
  };

  constructor(
    private readonly buffer: ReplayBuffer,
    subscriberCount: number,
    private readonly dailyGamma: number,
    private readonly rewardScale: number,
  ) {
    this.pending = new Int32Array(subscriberCount).fill(-1);
  }

  /**
   * Records one day: `features` and `eligible` are the decision batch's matrices of that day,
   * `demonstrated` the demonstrator's action per row (null: no demonstrator).
   */
  record(feedback: FeedbackBatch, features: Float32Array, eligible: Uint8Array, demonstrated: Int32Array | null = null): void {
    const { buffer, pending } = this;
    const d = buffer.stateSize;
    const a = buffer.actionCount;
    for (let row = 0; row < feedback.size; row++) {
      const subscriber = feedback.subscriber[row];
      const open = pending[subscriber];
      if (open >= 0) buffer.complete(open, features, row * d, eligible, row * a, feedback.day, this.dailyGamma);
      const demonstration = demonstrated === null ? -1 : demonstrated[row];
      pending[subscriber] = buffer.open(subscriber, features, row * d, feedback.action[row], feedback.value[row] / this.rewardScale, feedback.day, this.dropPending, eligible, row * a, demonstration);
    }
    for (let k = 0; k < feedback.churned.length; k++) {
      const subscriber = feedback.churned[k];
      const open = pending[subscriber];
      if (open < 0) continue;
      buffer.terminate(open, -feedback.churnedValue[k] / this.rewardScale);
      pending[subscriber] = -1;
    }
  }

  /** The episode is over: open transitions are dropped (never sampled). */
  close(): void {
    for (let i = 0; i < this.pending.length; i++) {
      if (this.pending[i] >= 0) this.buffer.abandon(this.pending[i]);
      this.pending[i] = -1;
    }
  }
}
