import os from "node:os";
import { terminalColours } from "./terminal-colours.js";
import { InputError } from "../input-error.js";
import { allocateSubscriberState, STATUS_ACTIVE, type SubscriberState } from "../world/state/subscriber-state.js";
import { compileWorldParams, DAYS_PER_MONTH } from "../world/params/world-params.js";
import { advanceWorldDay, createWorldDay } from "../world/exogenous/world-day.js";
import { churnHazard } from "../world/churn/churn-hazard.js";
import { grossAddCount, ImpossibleBaseError, MAX_DRAWS_PER_SUBSCRIBER, samplePopulation } from "../world/population/sample-population.js";
import { createStream } from "../random/random-stream.js";
import type { Scenario } from "../scenario/scenario-schema.js";

/** Subscribers of the trial draw of the starting base. */
const TRIAL_SUBSCRIBERS = 100;
const GIB = 2 ** 30;

export interface PreflightOptions {
  /** Tasks that may hold a population at once (the worker threads, at most the tasks). */
  readonly concurrentTasks: number;
  /** Where the population size came from, for the message: --subscribers or the scenario's field. */
  readonly sizeSource: string;
  /** Where a warning goes (one line); stderr when left out. */
  readonly warn?: (line: string) => void;
  /** `--color` / `--no-color` as typed: a warning on a terminal is yellow. */
  readonly colour?: boolean;
}

/** A starting base that would churn more than this a month is almost surely a typo in a multiplier: warned about. */
const IMPLAUSIBLE_CHURN_PER_MONTH = 0.3;

/** Mean monthly churn of a trial base on day 0, from each subscriber's true hazard (the world's own churnHazard). */
function startingChurnPerMonth(scenario: Scenario, state: SubscriberState): number {
  const params = compileWorldParams(scenario);
  const world = createWorldDay(scenario.population.regions);
  advanceWorldDay(world, scenario, 0, createStream(scenario.seed, "preflight/world"));
  let sum = 0;
  let active = 0;
  for (let i = 0; i < state.count; i++) {
    if (state.status[i] !== STATUS_ACTIVE) continue;
    const hazard = Math.min(1, churnHazard(state, i, 0, world, params));
    sum += 1 - Math.pow(1 - hazard, DAYS_PER_MONTH);
    active++;
  }
  return active === 0 ? 0 : sum / active;
}

/**
 * What a scenario that passes the schema can still make impossible, found before anything runs
 * (bad input, exit 2) rather than as a hang or a crash: a starting base that cannot be drawn
 * (tried on a few subscribers), and a population whose state alone would not fit in this
 * machine's memory, once per concurrent task.
 *
 * @throws {InputError} naming the file and the field.
 * @throws {InputError} naming --subscribers / --workers when the flags are the cause.
 */
export function preflightScenario(file: string, scenario: Scenario, options: PreflightOptions): void {
  const slots = scenario.population.size + grossAddCount(scenario);
  const needed = slots * bytesPerSubscriber() * options.concurrentTasks;
  if (needed > os.totalmem()) {
    const message = `${options.sizeSource} (${scenario.population.size} subscribers and ${slots - scenario.population.size} gross adds, ${options.concurrentTasks} task(s) at once) needs at least ${(needed / GIB).toFixed(1)} GiB of memory, more than this machine's ${(os.totalmem() / GIB).toFixed(1)} GiB: lower it, or --workers`;
    if (options.sizeSource.startsWith("--")) throw new InputError(message);
    throw new InputError([`${file}: ${message}`]);
  }
  const trialScenario = { ...scenario, population: { ...scenario.population, size: Math.min(TRIAL_SUBSCRIBERS, scenario.population.size) } };
  try {
    const trial = samplePopulation(trialScenario, createStream(scenario.seed, "preflight/population"));
    const monthly = startingChurnPerMonth(trialScenario, trial);
    if (monthly > IMPLAUSIBLE_CHURN_PER_MONTH) {
      (options.warn ?? ((line) => process.stderr.write(`${line}\n`)))(
        `${terminalColours(process.stderr, options.colour).yellow("offersim: warning:")} ${file}: the starting base would churn about ${(monthly * 100).toFixed(0)} % a month (real operators: 1 to 3 %); check the churn multipliers (churn.*Multiplier, churn.typeMultiplier, plans.*.baseChurnPerMonth)`,
      );
    }
  } catch (error) {
    if (!(error instanceof ImpossibleBaseError)) throw error;
    throw new InputError([
      `${file}: churn.dissatisfactionWeight must leave a starting base that can be drawn (with this network's dissatisfaction, not one of ${MAX_DRAWS_PER_SUBSCRIBER} profiles survives the steady-state weighting), got ${scenario.churn.dissatisfactionWeight}`,
    ]);
  }
}

let perSubscriber: number | undefined;

/** Bytes of subscriber state per slot (typed arrays), measured on a small allocation. */
function bytesPerSubscriber(): number {
  if (perSubscriber === undefined) {
    const sample = 64;
    const state = allocateSubscriberState(sample);
    perSubscriber = Object.values(state).reduce((sum: number, value: unknown) => sum + (ArrayBuffer.isView(value) ? value.byteLength : 0), 0) / sample;
  }
  return perSubscriber;
}
