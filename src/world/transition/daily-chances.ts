import { STATUS_ACTIVE, type SubscriberState } from "../state/subscriber-state.js";
import { refreshLevelBounds, ROUND_UP } from "../state/level-bounds.js";
import { lifeEventChances } from "./life-events.js";
import type { WorldDay } from "../exogenous/world-day.js";
import type { WorldParams } from "../params/world-params.js";

/** Marks the network chance "unknown": the next morning pass works it out exactly. */
export const NETWORK_UNKNOWN = -1;
const SKIP = 2;
/** The no-problem chance is compared the other way round, so it is rounded down. */
export const ROUND_DOWN = 1 - 1e-6;

/**
 * The per-subscriber bounds the morning pass compares today's uniforms with (see
 * SubscriberState). Set for everyone at the start, refreshed on status changes, on level
 * changes (level-bounds.ts) and when a region's network state changes.
 */
export function initializeDailyChances(state: SubscriberState, day: number, params: WorldParams, scratch: Float64Array): void {
  for (let i = 0; i < state.count; i++) {
    if (state.status[i] === STATUS_ACTIVE) setActiveChances(state, i, day, params, scratch);
    else setWaitingChances(state, i);
  }
}

/** A gross add before its join day: every check skips it. */
export function setWaitingChances(state: SubscriberState, i: number): void {
  state.noProblemChance[i] = SKIP;
  state.linesNoProblemChance[i] = SKIP;
  state.lifeChanceBound[i] = 0;
  state.churnBound[i] = 0;
  state.inboundBound[i] = 0;
}

export function setActiveChances(state: SubscriberState, i: number, day: number, params: WorldParams, scratch: Float64Array): void {
  state.noProblemChance[i] = NETWORK_UNKNOWN;
  resetOtherLinesChance(state, i);
  state.lifeChanceBound[i] = lifeEventChances(state, i, Number.POSITIVE_INFINITY, params, 1, 1, 1, scratch) * ROUND_UP;
  refreshLevelBounds(state, i, day, params);
}

/**
 * After the account's lines changed (or its region's network did): the next morning pass works out
 * the other lines' network chance exactly; a single-line account skips the check.
 */
export function resetOtherLinesChance(state: SubscriberState, i: number): void {
  state.linesNoProblemChance[i] = state.lines[i] > 1 ? NETWORK_UNKNOWN : SKIP;
}

export function setFormerChances(state: SubscriberState, i: number, params: WorldParams): void {
  state.noProblemChance[i] = SKIP;
  state.linesNoProblemChance[i] = SKIP;
  state.lifeChanceBound[i] = params.naturalReturnPerDay * ROUND_UP;
  state.churnBound[i] = 0;
  state.inboundBound[i] = 0;
}

/** Per-region network state of the previous day, to see which regions changed. */
export interface RegionNetworkMemory {
  readonly multiplier: Float64Array;
  readonly noSignal: Float64Array;
  readonly members: readonly Int32Array[];
}

export function createRegionNetworkMemory(state: SubscriberState, regions: number): RegionNetworkMemory {
  const counts = new Int32Array(regions);
  for (let i = 0; i < state.count; i++) counts[state.region[i]]++;
  const members = Array.from(counts, (count) => new Int32Array(count));
  counts.fill(0);
  for (let i = 0; i < state.count; i++) members[state.region[i]][counts[state.region[i]]++] = i;
  return { multiplier: new Float64Array(regions).fill(Number.NaN), noSignal: new Float64Array(regions).fill(Number.NaN), members };
}

/** When a region's incident or outage state changes, its subscribers' network chance is re-derived. */
export function refreshRegionNetwork(state: SubscriberState, world: WorldDay, memory: RegionNetworkMemory): void {
  for (let r = 0; r < memory.members.length; r++) {
    if (world.problemMultiplier[r] === memory.multiplier[r] && world.noSignalMinutes[r] === memory.noSignal[r]) continue;
    memory.multiplier[r] = world.problemMultiplier[r];
    memory.noSignal[r] = world.noSignalMinutes[r];
    for (const i of memory.members[r]) {
      if (state.status[i] !== STATUS_ACTIVE) continue;
      state.noProblemChance[i] = NETWORK_UNKNOWN;
      resetOtherLinesChance(state, i);
    }
  }
}
