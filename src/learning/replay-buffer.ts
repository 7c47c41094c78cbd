import type { RandomStream } from "../random/random-stream.js";

/**
 * A ring of transitions (s, eligibility at s, a, the demonstrator's action at s, r, discount,
 * s', eligibility at s') in typed arrays. A slot is
 * written when the decision's reward is known and becomes `ready` (sampleable) once its next
 * state is known (`complete`) or the episode ended for it (`terminate`). A slot still waiting
 * when the ring comes round again is dropped, and `onOverwrite` tells its owner.
 */
export class ReplayBuffer {
  readonly states: Float32Array;
  /** Eligibility at s (for the demonstration margin's max over actions). */
  readonly eligible: Uint8Array;
  /** The demonstrator's action at s, -1 when there is none (no margin term for the slot). */
  readonly demonstrated: Int32Array;
  readonly nextStates: Float32Array;
  readonly nextEligible: Uint8Array;
  readonly actions: Int32Array;
  readonly rewards: Float32Array;
  /** gamma^(days to the next decision); 0 for a terminal transition. */
  readonly discounts: Float32Array;
  /** Decision day of the slot (to compute the discount on completion). */
  readonly days: Int32Array;
  /** Subscriber whose transition the slot holds, -1 when free. */
  readonly owner: Int32Array;
  readonly ready: Uint8Array;
  private cursor = 0;
  /** Slots written so far, at most the capacity. */
  size = 0;
  readyCount = 0;

  constructor(
    readonly capacity: number,
    readonly stateSize: number,
    readonly actionCount: number,
  ) {
    this.states = new Float32Array(capacity * stateSize);
    this.eligible = new Uint8Array(capacity * actionCount);
    this.demonstrated = new Int32Array(capacity).fill(-1);
    this.nextStates = new Float32Array(capacity * stateSize);
    this.nextEligible = new Uint8Array(capacity * actionCount);
    this.actions = new Int32Array(capacity);
    this.rewards = new Float32Array(capacity);
    this.discounts = new Float32Array(capacity);
    this.days = new Int32Array(capacity);
    this.owner = new Int32Array(capacity).fill(-1);
    this.ready = new Uint8Array(capacity);
  }

  /**
   * Opens a transition from `state[offset...]`; returns its slot. If the slot held a transition
   * still waiting for its next state, `onOverwrite(subscriber)` is called first. `eligible` at
   * `eligibleOffset` is the eligibility at s (null: every action), `demonstrated` the
   * demonstrator's action at s (-1: none).
   */
  open(subscriber: number, state: ArrayLike<number>, offset: number, action: number, reward: number, day: number, onOverwrite: (subscriber: number) => void, eligible: Uint8Array | null = null, eligibleOffset = 0, demonstrated = -1): number {
    const slot = this.cursor;
    this.cursor = (this.cursor + 1) % this.capacity;
    if (this.size < this.capacity) this.size++;
    if (this.ready[slot] === 1) this.readyCount--;
    else if (this.owner[slot] >= 0) onOverwrite(this.owner[slot]);
    this.ready[slot] = 0;
    this.owner[slot] = subscriber;
    const d = this.stateSize;
    for (let k = 0; k < d; k++) this.states[slot * d + k] = state[offset + k];
    const a = this.actionCount;
    if (eligible === null) this.eligible.fill(1, slot * a, (slot + 1) * a);
    else for (let k = 0; k < a; k++) this.eligible[slot * a + k] = eligible[eligibleOffset + k];
    this.demonstrated[slot] = demonstrated;
    this.actions[slot] = action;
    this.rewards[slot] = reward;
    this.days[slot] = day;
    return slot;
  }

  /** Closes `slot` with the next decision's state and eligibility, discounted per day. */
  complete(slot: number, nextState: ArrayLike<number>, stateOffset: number, eligible: Uint8Array, eligibleOffset: number, day: number, dailyGamma: number): void {
    const d = this.stateSize;
    for (let k = 0; k < d; k++) this.nextStates[slot * d + k] = nextState[stateOffset + k];
    const a = this.actionCount;
    for (let k = 0; k < a; k++) this.nextEligible[slot * a + k] = eligible[eligibleOffset + k];
    this.discounts[slot] = Math.pow(dailyGamma, day - this.days[slot]);
    this.markReady(slot);
  }

  /** Closes `slot` as terminal (the subscriber left): `extraReward` added, no bootstrap. */
  terminate(slot: number, extraReward: number): void {
    this.rewards[slot] += extraReward;
    this.discounts[slot] = 0;
    this.nextEligible.fill(0, slot * this.actionCount, (slot + 1) * this.actionCount);
    this.nextEligible[slot * this.actionCount] = 1;
    this.markReady(slot);
  }

  /** Drops a transition that will never be closed (the episode ended). */
  abandon(slot: number): void {
    if (this.ready[slot] === 0) this.owner[slot] = -1;
  }

  /** Fills `out` with uniformly drawn ready slots (rejection sampling over the written ones). */
  sample(out: Int32Array, random: RandomStream): void {
    if (this.readyCount === 0) throw new Error("ReplayBuffer.sample: no ready transitions");
    for (let k = 0; k < out.length; k++) {
      let slot: number;
      do slot = Math.floor(random.next() * this.size);
      while (this.ready[slot] === 0);
      out[k] = slot;
    }
  }

  private markReady(slot: number): void {
    this.ready[slot] = 1;
    this.owner[slot] = -1;
    this.readyCount++;
  }
}
