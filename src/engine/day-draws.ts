import { createStream, type RandomStream } from "../random/random-stream.js";

/**
 * The world's uniforms for one day: one per subscriber and purpose, drawn for every subscriber
 * slot (churned ones too) so that the draws never depend on what a policy did. Every policy
 * facing the same seed sees the same network problems, life events, inbound contacts, churn
 * draws and response draws: common random numbers.
 */
export interface DayDraws {
  readonly network: Float32Array;
  readonly life: Float32Array;
  readonly inbound: Float32Array;
  readonly churn: Float32Array;
  readonly response: Float32Array;
}

export interface DrawStreams {
  readonly network: RandomStream;
  readonly life: RandomStream;
  readonly inbound: RandomStream;
  readonly churn: RandomStream;
  readonly response: RandomStream;
  readonly incidents: RandomStream;
}

export function createDrawStreams(rootSeed: number, replicate: number): DrawStreams {
  const stream = (name: string) => createStream(rootSeed, `replicate:${replicate}/world/${name}`);
  return {
    network: stream("network"),
    life: stream("life"),
    inbound: stream("inbound"),
    churn: stream("churn"),
    response: stream("response"),
    incidents: stream("incidents"),
  };
}

export function allocateDayDraws(count: number): DayDraws {
  return {
    network: new Float32Array(count),
    life: new Float32Array(count),
    inbound: new Float32Array(count),
    churn: new Float32Array(count),
    response: new Float32Array(count),
  };
}

/** Draws today's uniforms. */
export function fillDayDraws(draws: DayDraws, streams: DrawStreams): void {
  streams.network.fill(draws.network);
  streams.life.fill(draws.life);
  streams.inbound.fill(draws.inbound);
  streams.churn.fill(draws.churn);
  streams.response.fill(draws.response);
}

/** Uniforms drawn per subscriber-day (for the bare-loop benchmark). */
export const DRAWS_PER_SUBSCRIBER_DAY = 5;
