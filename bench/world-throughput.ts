import type { Scenario } from "../src/scenario/scenario-schema.js";
import { noContact } from "../policies/no-contact.js";
import { createEnvironment, playDay } from "../src/engine/environment.js";
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
 * Single-threaded speed of the day loop on `scenario` under no-contact, driven through the
 * environment as `offersim run` drives it, against a bare loop that
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
  const environment = createEnvironment(scenario, { seed: scenario.seed, replicate: 0, agentName: noContact.name });
  const sim = environment.simulation;
  const policy = noContact.create(environment.policyContext(noContact));
  const streams = Object.values(sim.streams).filter((value): value is RandomStream => value instanceof RandomStream);
  const drawnBefore = streams.reduce((sum, stream) => sum + stream.drawn, 0);
  const started = performance.now();
  // The environment, as `offersim run` drives it: warm-up, then a policy's turn each day.
  for (let step = playDay(environment, policy, environment.reset(), noContact.name); !step.done; ) step = playDay(environment, policy, step.observation!, noContact.name);
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
