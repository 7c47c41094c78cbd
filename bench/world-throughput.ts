import type { Scenario } from "../src/scenario/scenario-schema.js";
import { noContact } from "../policies/no-contact.js";
import { createReplicateSimulation } from "../src/engine/replicate-simulation.js";
import { policyContextFor } from "../src/engine/policy-context.js";
import { runDay } from "../src/engine/run-day.js";
import { createStream, RandomStream } from "../src/random/random-stream.js";

export interface WorldThroughput {
  subscriberDaysPerSec: number;
  bareLoopPerSec: number;
  ratio: number;
  subscribers: number;
  days: number;
  drawsPerSubscriberDay: number;
  loopSeconds: number;
  bareSeconds: number;
}

/**
 * Single-threaded speed of the day loop on `scenario` under no-contact, against a bare loop that
 * draws the same number of uniforms from the same generator in the same chunk sizes and does
 * nothing else. Set-up (sampling the population) is not timed. The two are timed in turns,
 * `rounds` times, and the fastest round of each counts: shared machines drift.
 */
export function measureWorldThroughput(scenario: Scenario, rounds = 3): WorldThroughput {
  let best: WorldThroughput | null = null;
  for (let round = 0; round < rounds; round++) {
    const run = measureOnce(scenario);
    if (!best) best = run;
    else {
      best.loopSeconds = Math.min(best.loopSeconds, run.loopSeconds);
      best.bareSeconds = Math.min(best.bareSeconds, run.bareSeconds);
    }
  }
  const subscriberDays = scenario.population.size * best!.days;
  best!.subscriberDaysPerSec = subscriberDays / best!.loopSeconds;
  best!.bareLoopPerSec = subscriberDays / best!.bareSeconds;
  best!.ratio = best!.subscriberDaysPerSec / best!.bareLoopPerSec;
  return best!;
}

function measureOnce(scenario: Scenario): WorldThroughput {
  const sim = createReplicateSimulation({ scenario, rootSeed: scenario.seed, replicate: 0, policyName: noContact.name });
  const policy = noContact.create(policyContextFor(sim, noContact));
  const streams = Object.values(sim.streams).filter((value): value is RandomStream => value instanceof RandomStream);
  const drawnBefore = streams.reduce((sum, stream) => sum + stream.drawn, 0);
  const started = performance.now();
  for (let day = sim.params.firstDay; day < scenario.horizonDays; day++) runDay(sim, policy, day);
  const loopSeconds = (performance.now() - started) / 1000;
  const draws = streams.reduce((sum, stream) => sum + stream.drawn, 0) - drawnBefore;
  const days = scenario.horizonDays - sim.params.firstDay;
  // Counted on the starting base only: the gross-add slots waiting to join cost little and are
  // not counted, which keeps the figure conservative.
  const subscriberDays = scenario.population.size * days;

  const bare = createStream(scenario.seed, "bench/bare");
  const chunk = new Float32Array(sim.state.count);
  const chunks = Math.floor(draws / chunk.length);
  const bareStarted = performance.now();
  for (let k = 0; k < chunks; k++) bare.fill(chunk);
  bare.fill(chunk.subarray(0, draws - chunks * chunk.length));
  const bareSeconds = (performance.now() - bareStarted) / 1000;

  const subscriberDaysPerSec = subscriberDays / loopSeconds;
  const bareLoopPerSec = subscriberDays / bareSeconds;
  return {
    subscriberDaysPerSec,
    bareLoopPerSec,
    ratio: subscriberDaysPerSec / bareLoopPerSec,
    subscribers: scenario.population.size,
    days,
    drawsPerSubscriberDay: draws / subscriberDays,
    loopSeconds,
    bareSeconds,
  };
}
