import { createStream, type RandomStream } from "../random/random-stream.js";

/**
 * The world's uniforms for one day: one per subscriber and purpose, drawn for every subscriber
 * slot (former and future customers too) so that the draws never depend on what a policy did.
 * Only the churn and response uniforms are kept in arrays; see fillDayDraws.
 * Every policy facing the same seed sees the same network problems, life events, inbound
 * contacts, churn draws and answers to a contact: common random numbers.
 *
 * The response uniforms (how a contacted subscriber answers) come from a stream of their own
 * for each day, drawn only on days with contacts: a day without contacts skips them without
 * shifting any later day's draws.
 */
export interface DayDraws {
  readonly churn: Float32Array;
  readonly response: Float32Array;
  /** The day whose response uniforms are in `response` (NaN: none yet). */
  responseDay: number;
}

export interface DrawStreams {
  readonly rootSeed: number;
  readonly replicate: number;
  readonly network: RandomStream;
  readonly life: RandomStream;
  readonly inbound: RandomStream;
  /** One uniform per slot and day for the account's other lines (problems, a line porting out). */
  readonly accountLines: RandomStream;
  readonly churn: RandomStream;
  readonly incidents: RandomStream;
}

export function createDrawStreams(rootSeed: number, replicate: number): DrawStreams {
  const stream = (name: string) => createStream(rootSeed, `replicate:${replicate}/world/${name}`);
  return {
    rootSeed,
    replicate,
    network: stream("network"),
    life: stream("life"),
    inbound: stream("inbound"),
    accountLines: stream("account-lines"),
    churn: stream("churn"),
    incidents: stream("incidents"),
  };
}

export function allocateDayDraws(count: number): DayDraws {
  return {
    churn: new Float32Array(count),
    response: new Float32Array(count),
    responseDay: Number.NaN,
  };
}

/**
 * Draws today's churn uniforms, which the morning pass and the churn pass both read. The
 * network, life-event, inbound and account-lines uniforms are drawn by the morning pass as it
 * goes (one each per subscriber slot, in order); the response uniforms wait for
 * ensureResponseDraws.
 */
export function fillDayDraws(draws: DayDraws, streams: DrawStreams): void {
  streams.churn.fill(draws.churn);
}

/** Draws day `day`'s response uniforms from `ROOT/replicate:K/world/response/day:D`, once. */
export function ensureResponseDraws(draws: DayDraws, streams: DrawStreams, day: number): void {
  if (draws.responseDay === day) return;
  createStream(streams.rootSeed, `replicate:${streams.replicate}/world/response/day:${day}`).fill(draws.response);
  draws.responseDay = day;
}
