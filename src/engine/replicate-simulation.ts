import { samplePreferences } from "../world/population/sample-preferences.js";
import { samplePromoters } from "../world/population/sample-promoters.js";
import { sampleLineCoverage } from "../world/population/sample-line-coverage.js";
import { LIFE_EVENT_KINDS } from "../world/transition/life-events.js";
import type { Scenario } from "../scenario/scenario-schema.js";
import { PROGRAMS } from "../scenario/vocabulary.js";
import { samplePopulation } from "../world/population/sample-population.js";
import type { SubscriberState } from "../world/state/subscriber-state.js";
import { createStream } from "../random/random-stream.js";
import { createReplicateMetrics, type ReplicateMetrics } from "../metrics/replicate-metrics.js";
import { seriesBucketDays } from "../metrics/series-bucket-days.js";
import { DecisionLog } from "../log/decision-log.js";
import { openDecisionLog, type DecisionLogTarget } from "../log/open-decision-log.js";
import type { DecisionLogLayout } from "../log/decision-log-layout.js";
import { MOMENT_KINDS, OUTCOMES } from "../scenario/vocabulary.js";
import { FEATURE_NAMES } from "../world/observation/observe.js";
import { createContactResponse, type ContactResponse } from "../world/choice/contact-response.js";
import { buildActionCatalogue, type ActionCatalogue } from "./action-catalogue.js";
import { allocateDayDraws, createDrawStreams, type DayDraws, type DrawStreams } from "./day-draws.js";
import { allocateDecisionMoments, type DecisionMoments } from "./decision-moments.js";
import { DecisionWorkspace } from "./decision-workspace.js";
import { allocateChurnCandidates, type ChurnCandidates } from "./churn-candidates.js";
import { createRegionNetworkMemory, initializeDailyChances, type RegionNetworkMemory } from "../world/transition/daily-chances.js";
import type { MorningInputs } from "./morning-pass.js";
import type { GrossAddQueue } from "./join-gross-adds.js";
import { createWorldDay, type WorldDay } from "../world/exogenous/world-day.js";
import { compileWorldParams, type WorldParams } from "../world/params/world-params.js";
import { objectiveWeights, type ObjectiveWeights } from "../scenario/objective-schema.js";

/** Everything one (policy, replicate) run holds: built once, then stepped day by day. */
export interface ReplicateSimulation {
  readonly scenario: Scenario;
  readonly rootSeed: number;
  readonly replicate: number;
  /** Who answers the decisions: named in the engine's error messages. */
  readonly policyName: string;
  readonly params: WorldParams;
  readonly catalogue: ActionCatalogue;
  readonly state: SubscriberState;
  readonly world: WorldDay;
  readonly streams: DrawStreams;
  readonly draws: DayDraws;
  readonly moments: DecisionMoments;
  readonly workspace: DecisionWorkspace;
  readonly metrics: ReplicateMetrics;
  readonly budgetLeft: Float64Array;
  readonly log: DecisionLog | null;
  readonly candidates: ChurnCandidates;
  /** The morning pass's inputs, built once (a fixed object shape keeps the hot loop fast). */
  readonly morning: MorningInputs;
  readonly regionNetwork: RegionNetworkMemory;
  /** Subscribers active on the first day; the slots after them are gross adds. */
  readonly startingBase: number;
  readonly grossAdds: GrossAddQueue;
  readonly rowScratch: Uint8Array;
  readonly response: ContactResponse;
  readonly winbackDays: number;
  readonly objective: ObjectiveWeights;
}

export interface WorldOptions {
  readonly scenario: Scenario;
  readonly rootSeed: number;
  readonly replicate: number;
  /** Who answers the decisions, for error messages. */
  readonly policyName: string;
  /** Keep the decision log in memory (tests, off-policy evaluation). */
  readonly keepLog?: boolean;
  /** Stream the decision log into a dataset folder (offersim run --log-decisions). */
  readonly logTo?: DecisionLogTarget;
}

/**
 * Builds a replicate's world: the population from `replicate:K/world/population` and the world's
 * streams. Nothing here depends on the policy, so every policy of a replicate faces the same
 * base and events.
 */
export function createReplicateSimulation(options: WorldOptions): ReplicateSimulation {
  const { scenario, rootSeed, replicate } = options;
  const params = compileWorldParams(scenario);
  const catalogue = buildActionCatalogue(scenario);
  const state = samplePopulation(scenario, createStream(rootSeed, `replicate:${replicate}/world/population`));
  samplePreferences(state, scenario, createStream(rootSeed, `replicate:${replicate}/world/preferences`));
  samplePromoters(state, scenario, createStream(rootSeed, `replicate:${replicate}/world/promoters`));
  sampleLineCoverage(state, scenario, createStream(rootSeed, `replicate:${replicate}/world/line-coverage`));
  const count = state.count;
  const lifeChances = new Float64Array(LIFE_EVENT_KINDS);
  initializeDailyChances(state, params.firstDay, params, lifeChances);
  const budgetLeft = new Float64Array(PROGRAMS.length).fill(Number.POSITIVE_INFINITY);
  PROGRAMS.forEach((program, index) => {
    const budget = scenario.economics.budgets[program];
    if (budget !== undefined) budgetLeft[index] = budget;
  });
  const objective = objectiveWeights(scenario.objective);
  const draws = allocateDayDraws(count);
  const moments = allocateDecisionMoments(count);
  const candidates = allocateChurnCandidates(count);
  const metrics = createReplicateMetrics(scenario.horizonDays, seriesBucketDays(scenario.events, scenario.horizonDays));
  const quietNoProblemChance = new Float64Array(count);
  for (let i = 0; i < count; i++) quietNoProblemChance[i] = Math.exp(-params.problemsPerDay * state.coverage[i]);
  const streams = createDrawStreams(rootSeed, replicate);
  const morning: MorningInputs = { params, draws, streams, moments, candidates, metrics, lifeChances, quietNoProblemChance, live: false };
  const winbackOffers = catalogue.offers.filter((offer) => offer?.eligibility.target === "churned");
  return {
    scenario,
    rootSeed,
    replicate,
    policyName: options.policyName,
    params,
    catalogue,
    state,
    world: createWorldDay(scenario.population.regions),
    streams,
    draws,
    moments,
    workspace: new DecisionWorkspace(catalogue.actions.length, count),
    metrics,
    budgetLeft,
    log: createLog(options, catalogue),
    candidates,
    morning,
    regionNetwork: createRegionNetworkMemory(state, scenario.population.regions),
    startingBase: scenario.population.size,
    grossAdds: { next: scenario.population.size },
    rowScratch: new Uint8Array(catalogue.actions.length),
    response: createContactResponse(),
    winbackDays: winbackOffers.length === 0 ? -1 : Math.max(...winbackOffers.map((offer) => offer!.eligibility.maxChurnedDays)),
    objective,
  };
}

/** The run's decision log: streamed to a dataset folder, kept in memory, or none. */
function createLog(options: WorldOptions, catalogue: ActionCatalogue): DecisionLog | null {
  const { scenario } = options;
  const layout: Omit<DecisionLogLayout, "distribution" | "expectedValues"> = {
    featureNames: FEATURE_NAMES,
    actionIds: catalogue.actions.map((action) => action.id),
    momentNames: MOMENT_KINDS,
    outcomeNames: OUTCOMES,
    attributionDays: scenario.objective.attributionDays,
    horizonDays: scenario.horizonDays,
  };
  if (options.logTo) return openDecisionLog(options.logTo, layout, options.policyName, options.replicate, options.rootSeed);
  return options.keepLog ? new DecisionLog({ ...layout, distribution: false, expectedValues: false }) : null;
}
