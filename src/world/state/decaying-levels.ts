import { STATUS_ACTIVE, type SubscriberState } from "./subscriber-state.js";
import { refreshLevelBounds, type LevelBoundParams } from "./level-bounds.js";

/**
 * Dissatisfaction, annoyance and goodwill decay every day. Rather than touching every subscriber every
 * day, each is stored as (level, day of the last change) and decayed when read, with a table of
 * powers of the daily decay factor. The stored level is never below today's, so it is also a
 * cheap upper bound. Annoyance also keeps its running sum over active days (for the annoyance
 * KPI), added up in closed form whenever it changes.
 */
export interface DecayTables extends LevelBoundParams {
  /** dissatisfactionPowers[k] = (daily decay)^k. */
  readonly dissatisfactionPowers: Float64Array;
  readonly annoyancePowers: Float64Array;
  readonly annoyanceDecay: number;
  readonly goodwillPowers: Float64Array;
}

export function decayPowers(decayPerDay: number, days: number): Float64Array {
  const powers = new Float64Array(days + 1);
  powers[0] = 1;
  for (let k = 1; k <= days; k++) powers[k] = powers[k - 1] * decayPerDay;
  return powers;
}

export function dissatisfactionAt(state: SubscriberState, i: number, day: number, tables: DecayTables): number {
  return state.dissatisfaction[i] * tables.dissatisfactionPowers[day - state.dissatisfactionDay[i]];
}

export function addDissatisfaction(state: SubscriberState, i: number, day: number, amount: number, tables: DecayTables): void {
  state.dissatisfaction[i] = dissatisfactionAt(state, i, day, tables) + amount;
  state.dissatisfactionDay[i] = day;
  refreshLevelBounds(state, i, day, tables);
}

export function scaleDissatisfaction(state: SubscriberState, i: number, day: number, factor: number, tables: DecayTables): void {
  state.dissatisfaction[i] = dissatisfactionAt(state, i, day, tables) * factor;
  state.dissatisfactionDay[i] = day;
  refreshLevelBounds(state, i, day, tables);
}

export function annoyanceAt(state: SubscriberState, i: number, day: number, tables: DecayTables): number {
  return state.annoyance[i] * tables.annoyancePowers[day - state.annoyanceDay[i]];
}

/** Adds the annoyance of days [flushed, toDay) to the subscriber's running sum. */
export function flushAnnoyance(state: SubscriberState, i: number, toDay: number, tables: DecayTables): void {
  const from = state.annoyanceFlushDay[i];
  if (toDay <= from) return;
  const powers = tables.annoyancePowers;
  const start = state.annoyance[i] * powers[from - state.annoyanceDay[i]];
  state.annoyanceSum[i] += (start * (1 - powers[toDay - from])) / (1 - tables.annoyanceDecay);
  state.annoyanceFlushDay[i] = toDay;
}

export function addAnnoyance(state: SubscriberState, i: number, day: number, amount: number, tables: DecayTables): void {
  // Days as a former customer do not count towards the annoyance KPI.
  if (state.status[i] !== STATUS_ACTIVE) state.annoyanceFlushDay[i] = day;
  flushAnnoyance(state, i, day, tables);
  state.annoyance[i] = annoyanceAt(state, i, day, tables) + amount;
  state.annoyanceDay[i] = day;
  refreshLevelBounds(state, i, day, tables);
}

export function goodwillAt(state: SubscriberState, i: number, day: number, tables: DecayTables): number {
  return state.goodwill[i] * tables.goodwillPowers[day - state.goodwillDay[i]];
}

/** Goodwill only lowers the churn hazard, so the stored bounds stay valid without a refresh. */
export function addGoodwill(state: SubscriberState, i: number, day: number, amount: number, tables: DecayTables): void {
  if (amount === 0) return;
  state.goodwill[i] = goodwillAt(state, i, day, tables) + amount;
  state.goodwillDay[i] = day;
}
