import type { ActionInfo, PrepareContext } from "../policy/policy.js";
import { PROGRAMS, type Program } from "../scenario/vocabulary.js";
import { FEATURE_INDEX } from "../world/observation/observe.js";
import { loadTensorFlowForTraining } from "./tensorflow-backend.js";
import type { DecisionLog } from "../log/decision-log.js";
import { acceptedAt, createTrainingHistory } from "./training-history.js";
import { exploringBehaviour } from "./exploring-behaviour.js";
import type { MaskedNetwork } from "./masked-network.js";
import { trainMaskedNetwork, type MaskedTrainingSet } from "./train-masked-network.js";
import { NEW_OFFER_PRIOR_CONTACTS } from "./new-offer-exploration.js";
import { averageNetworks } from "./average-networks.js";
import { trainCrossFittedBag } from "./cross-fitted-networks.js";
import { relativeChurnEffects } from "./relative-churn-effects.js";

/** Programs whose contacts are meant to keep a customer; each is one treatment arm of the churn model. */
export const TREATMENT_PROGRAMS: readonly Program[] = PROGRAMS.filter((program) => program !== "winback");

/** An action needs this many logged contacts for its own acceptance output; fewer: the category prior. */
export const MIN_CONTACTS_PER_ACTION = 50;
/**
 * The networks' shape and optimiser: 32 hidden units, 6 epochs of Adam on minibatches of 2048.
 * (With 2 epochs, and one acceptance network, propensity-nba's net value against no-contact
 * varied with a standard deviation of 13.2 per subscriber over 8 seeds; with 6 and three, 9.5.)
 */
export const NETWORK_TRAINING = { hidden: 32, epochs: 6, batchSize: 2048, learningRate: 0.02 } as const;
/** Caps on the training rows per task, so that prepare stays a few seconds. */
export const MAX_ACCEPTANCE_ROWS = 80_000;
export const MAX_CHURN_ROWS = 400_000;
/**
 * With the churn uplift model, the history is this many times `training.historyDays` long: the
 * churn label is rare (about 1.5 % of decisions in 30 days), and each action's relative effect
 * is learned from its own few leavers. Twice the history steadied propensity-nba's value from
 * seed to seed (docs/policies.md).
 */
export const UPLIFT_HISTORY_FACTOR = 2;
/**
 * The churn risk model is a cross-fitted bag of this many networks: member k is trained on the
 * subscribers outside fold k (trainCrossFittedBag), the bag is scored as one by the mean of the
 * members' logits, and each logged row's untreated risk is scored by the member that never saw
 * it (the expected leavers of relativeChurnEffects).
 */
export const CHURN_ENSEMBLE = 3;
/**
 * The acceptance model's bag: three networks on the same rows, averaged (with NETWORK_TRAINING's
 * 6 epochs, it steadies propensity-nba's choices from seed to seed; see NETWORK_TRAINING).
 */
export const ACCEPTANCE_ENSEMBLE = 3;

/** What `prepare` of the propensity policies returns: plain data. */
export interface PropensityModels {
  /** p(accept | features, action): one sigmoid output per action (output 0 unused). */
  readonly acceptance: MaskedNetwork;
  /** 1 where the action had enough logged contacts for its own output. */
  readonly acceptanceLearned: Uint8Array;
  /** Mean acceptance of the action's category in the log (overall mean if the category is unseen). */
  readonly acceptancePrior: Float64Array;
  /**
   * Per action, the mean objective cost beyond money per contact: revenue x reward - value
   * (annoyance, complaints). An action with fewer than MIN_CONTACTS_PER_ACTION logged contacts
   * starts from its category's mean cost (the overall mean if the category is unseen), as
   * NEW_OFFER_PRIOR_CONTACTS contacts' worth of evidence, shrunk toward its own few contacts.
   */
  readonly experienceCost: Float64Array;
  /** Per action, its logged contacts and acceptances (the evidence an unseen offer starts from). */
  readonly loggedContacts: Float64Array;
  readonly loggedAccepts: Float64Array;
  /**
   * p(leave within attributionDays | features, arm): arm 0 no action, arm 1 + k
   * TREATMENT_PROGRAMS[k] (the arms share the hidden layer; only arm 0, the untreated risk, is
   * scored); null without uplift.
   */
  readonly churn: MaskedNetwork | null;
  /**
   * Per action, the factor its contact multiplies the untreated risk by (relativeChurnEffects;
   * index 0: the risk model's calibration, 1 for actions outside TREATMENT_PROGRAMS); the churn
   * uplift of action a is churn(0) x (churnRatio[0] - churnRatio[a]). Null without uplift.
   */
  readonly churnRatio: Float64Array | null;
  readonly acceptanceLoss: number[];
  readonly churnLoss: number[];
  readonly historyRows: number;
  readonly trainingSeconds: number;
}

/** What `prepare` of a learning variant returns: the models and the history they were fitted on, to refit on with the run's own decisions. */
export interface PropensityModelsWithHistory extends PropensityModels {
  readonly history: DecisionLog;
}

/**
 * Logs `training.historyDays` (with `uplift`, UPLIFT_HISTORY_FACTOR times as many) of an
 * exploring behaviour policy in a training world, then fits the acceptance network (and, with `uplift`, the churn uplift model: a cross-fitted risk bag
 * and per-action relative effects) on it. With `keepHistory`
 * the history comes back too (the learning variants refit on it during the run).
 */
export async function preparePropensityModels(context: PrepareContext, options: { uplift: boolean; keepHistory?: boolean }): Promise<PropensityModels | PropensityModelsWithHistory> {
  const tf = await loadTensorFlowForTraining();
  const started = performance.now();
  const { training } = context.scenario;
  const historyDays = (options.uplift ? UPLIFT_HISTORY_FACTOR : 1) * training.historyDays;
  const history = createTrainingHistory(context.featureNames, context.actions, context.scenario.objective.attributionDays, historyDays);
  context.simulateTraining(exploringBehaviour(training.exploreContactShare, history), historyDays, 0);
  history.finish();
  const models = fitPropensityModels(tf, history, context.actions, context.objective.revenue, options.uplift, context.random);
  const prepared = { ...models, historyRows: history.size, trainingSeconds: (performance.now() - started) / 1000 };
  return options.keepHistory ? { ...prepared, history } : prepared;
}

/** Fits the models on a logged history, the in-memory decision log (also used by the benchmark and the tests). */
export function fitPropensityModels(
  tf: Awaited<ReturnType<typeof loadTensorFlowForTraining>>,
  history: DecisionLog,
  actions: readonly ActionInfo[],
  revenueWeight: number,
  uplift: boolean,
  random: PrepareContext["random"],
): Omit<PropensityModels, "historyRows" | "trainingSeconds"> {
  const actionCount = actions.length;
  const contacts = new Float64Array(actionCount);
  const accepts = new Float64Array(actionCount);
  const experienceCost = new Float64Array(actionCount);
  for (let row = 0; row < history.size; row++) {
    const a = history.action[row];
    contacts[a]++;
    accepts[a] += acceptedAt(history, row);
    experienceCost[a] += revenueWeight * history.reward[row] - history.value[row];
  }
  const acceptanceLearned = new Uint8Array(actionCount);
  for (let a = 1; a < actionCount; a++) acceptanceLearned[a] = contacts[a] >= MIN_CONTACTS_PER_ACTION ? 1 : 0;
  const costPrior = categoryMeans(actions, contacts, experienceCost, acceptanceLearned);
  for (let a = 0; a < actionCount; a++) {
    if (a > 0 && acceptanceLearned[a] === 0) experienceCost[a] = (experienceCost[a] + NEW_OFFER_PRIOR_CONTACTS * costPrior[a]) / (contacts[a] + NEW_OFFER_PRIOR_CONTACTS);
    else experienceCost[a] = contacts[a] > 0 ? experienceCost[a] / contacts[a] : 0;
    experienceCost[a] = Math.max(0, experienceCost[a]);
  }
  const acceptancePrior = categoryPriors(actions, contacts, accepts);

  const acceptanceRows = pickRows(history, (row) => history.action[row] !== 0, MAX_ACCEPTANCE_ROWS, random);
  const acceptanceSet: MaskedTrainingSet = {
    features: history.features,
    inputs: history.featureCount,
    outputs: actionCount,
    rows: acceptanceRows,
    target: Int32Array.from(acceptanceRows, (row) => history.action[row]),
    label: Uint8Array.from(acceptanceRows, (row) => acceptedAt(history, row)),
  };
  const acceptanceBias = Float64Array.from(acceptancePrior, (p, a) => logit(acceptanceLearned[a] ? (accepts[a] + 1) / (contacts[a] + 2) : p));
  const acceptanceMembers = Array.from({ length: ACCEPTANCE_ENSEMBLE }, () => trainMaskedNetwork(tf, acceptanceSet, { ...NETWORK_TRAINING, outputBias: acceptanceBias }, random));
  const acceptance = { network: averageNetworks(acceptanceMembers.map((member) => member.network)), lossPerEpoch: meanLoss(acceptanceMembers) };

  let churn: MaskedNetwork | null = null;
  let churnRatio: Float64Array | null = null;
  let churnLoss: number[] = [];
  if (uplift) {
    const arm = treatmentArms(actions);
    const former = FEATURE_INDEX.churnedFormer;
    const usable = (row: number) => history.censored[row] === 0 && arm[history.action[row]] >= 0 && history.features[row * history.featureCount + former] === 0;
    const churnRows = pickRows(history, usable, MAX_CHURN_ROWS, random);
    let left = 0;
    for (const row of churnRows) left += history.churned[row];
    const churnSet: MaskedTrainingSet = {
      features: history.features,
      inputs: history.featureCount,
      outputs: 1 + TREATMENT_PROGRAMS.length,
      rows: churnRows,
      target: Int32Array.from(churnRows, (row) => arm[history.action[row]]),
      label: Uint8Array.from(churnRows, (row) => history.churned[row]),
    };
    const bias = new Float64Array(churnSet.outputs).fill(logit((left + 1) / (churnRows.length + 2)));
    const bag = trainCrossFittedBag(tf, churnSet, history.subscriber, { folds: CHURN_ENSEMBLE, scoredOutput: 0 }, { ...NETWORK_TRAINING, outputBias: bias }, random);
    churn = bag.network;
    churnLoss = bag.lossPerEpoch;
    // The actions of a treatment program share its ratio as a prior (group = the program's arm).
    const groupOf = Int32Array.from(arm, (value) => (value > 0 ? value - 1 : -1));
    churnRatio = relativeChurnEffects({ action: Int32Array.from(churnRows, (row) => history.action[row]), churned: churnSet.label, expected: bag.outOfFold }, groupOf);
  }
  return { acceptance: acceptance.network, acceptanceLearned, acceptancePrior, experienceCost, loggedContacts: contacts, loggedAccepts: accepts, churn, churnRatio, acceptanceLoss: acceptance.lossPerEpoch, churnLoss };
}

/** The members' training loss per epoch, averaged. */
function meanLoss(members: readonly { lossPerEpoch: number[] }[]): number[] {
  return members[0].lossPerEpoch.map((_, epoch) => members.reduce((sum, member) => sum + member.lossPerEpoch[epoch], 0) / members.length);
}

/** Per action, its arm in the churn model: 0 for no action, 1 + k for TREATMENT_PROGRAMS[k], -1 otherwise. */
export function treatmentArms(actions: readonly ActionInfo[]): Int32Array {
  return Int32Array.from(actions, (action) => (action.index === 0 ? 0 : action.program === null ? -1 : TREATMENT_PROGRAMS.indexOf(action.program) >= 0 ? 1 + TREATMENT_PROGRAMS.indexOf(action.program) : -1));
}

function categoryPriors(actions: readonly ActionInfo[], contacts: Float64Array, accepts: Float64Array): Float64Array {
  const byCategory = new Map<string, { contacts: number; accepts: number }>();
  let allContacts = 0;
  let allAccepts = 0;
  for (let a = 1; a < actions.length; a++) {
    const key = actions[a].category ?? "";
    const sums = byCategory.get(key) ?? { contacts: 0, accepts: 0 };
    sums.contacts += contacts[a];
    sums.accepts += accepts[a];
    byCategory.set(key, sums);
    allContacts += contacts[a];
    allAccepts += accepts[a];
  }
  const overall = (allAccepts + 1) / (allContacts + 2);
  return Float64Array.from(actions, (action) => {
    const sums = byCategory.get(action.category ?? "");
    return sums && sums.contacts > 0 ? (sums.accepts + overall) / (sums.contacts + 1) : overall;
  });
}

/** Per action, the mean of `sums` per contact over the learned actions of its category (over all learned actions if none). */
function categoryMeans(actions: readonly ActionInfo[], contacts: Float64Array, sums: Float64Array, learned: Uint8Array): Float64Array {
  const byCategory = new Map<string, { contacts: number; sum: number }>();
  let allContacts = 0;
  let allSum = 0;
  for (let a = 1; a < actions.length; a++) {
    if (learned[a] === 0) continue;
    const key = actions[a].category ?? "";
    const totals = byCategory.get(key) ?? { contacts: 0, sum: 0 };
    totals.contacts += contacts[a];
    totals.sum += sums[a];
    byCategory.set(key, totals);
    allContacts += contacts[a];
    allSum += sums[a];
  }
  const overall = allContacts > 0 ? allSum / allContacts : 0;
  return Float64Array.from(actions, (action) => {
    const totals = byCategory.get(action.category ?? "");
    return totals && totals.contacts > 0 ? totals.sum / totals.contacts : overall;
  });
}

/** The rows that pass `keep`, a uniform subsample of `limit` of them when there are more (in log order). */
function pickRows(history: DecisionLog, keep: (row: number) => boolean, limit: number, random: PrepareContext["random"]): Int32Array {
  let count = 0;
  for (let row = 0; row < history.size; row++) if (keep(row)) count++;
  const rows = new Int32Array(Math.min(count, limit));
  let needed = rows.length;
  let left = count;
  let k = 0;
  for (let row = 0; row < history.size && needed > 0; row++) {
    if (!keep(row)) continue;
    if (random.next() * left < needed) {
      rows[k++] = row;
      needed--;
    }
    left--;
  }
  return rows;
}

function logit(p: number): number {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
}
