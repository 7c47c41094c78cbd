import type { Policy, PolicyContext, PolicyDefinition } from "../src/policy/policy.js";
import { withExploration } from "../src/policy/with-exploration.js";
import { LEARNING_EXPLORATION, propensityRefitsFor, REFIT_EVERY_DAYS } from "../src/learning/propensity-refits.js";
import type { Program } from "../src/scenario/vocabulary.js";
import { COMMERCIAL_CATEGORIES, MOMENT_CANCELLATION, MOMENT_OUTBOUND } from "../src/scenario/vocabulary.js";
import { FEATURE_INDEX as F } from "../src/world/observation/observe.js";
import { choose } from "../src/policy/action-lookup.js";
import { inServiceDisruption } from "../src/policy/service-disruption.js";
import { preparePropensityModels, treatmentArms } from "../src/learning/propensity-models.js";
import { PropensityScorer } from "../src/learning/propensity-scorer.js";
import { acceptedMoney } from "../src/learning/deal-economics.js";
import { NewOfferExploration } from "../src/learning/new-offer-exploration.js";
import { VALUE_MONTHS } from "../src/world/pricing/deal-value.js";

/** Business levers per program (1: neutral): where the operator wants to push or hold back. */
const PROGRAM_LEVER: Partial<Record<Program, number>> = { referral: 0.5 };

/**
 * NBA as a commercial arbitration engine: eligibility and suitability rules filter, models
 * score, the objective arbitrates. Rules: no selling (data, device, content, roaming, referral)
 * during a service disruption or with payments overdue, and at most one outbound commercial
 * contact a week; a customer calling to cancel always gets the save offer. Models (trained in
 * `prepare` on an exploring history): p(accept) per offer, and a churn uplift model: the
 * untreated churn risk (a cross-fitted bag of networks) times the change in risk each action's
 * contact brings (per-action observed / expected leavers, relativeChurnEffects): retention offers
 * are judged by it, and so is the churn that a selling contact provokes. Priority =
 * context weight x business lever x expected value, where the expected value is the revenue
 * weight x (p(accept) x deal money - contact cost) - the logged annoyance/complaint cost
 * + the retained-value weight x uplift x a year of the customer's margin (for a former customer:
 * p(accept) x that year). A retention offer is made only when its uplift pays for its discount
 * and contact, so sure things are not paid and sleeping dogs are not woken. An offer the models
 * have not learned (a launch, or one rarely logged) is not arbitrated (except by the save desk's
 * rule): it is tried on a growing share of the decisions the rules allow (NewOfferExploration).
 */
export const propensityNba: PolicyDefinition = {
  name: "propensity-nba",
  relativeCost: 9,
  description: "NBA engine: suitability rules, TensorFlow.js acceptance model and a churn-uplift model (cross-fitted risk x per-action relative effect), arbitrated by expected objective value.",
  prepare: (context) => preparePropensityModels(context, { uplift: true }),
  create: (context) => createNba(context, "propensity-nba", false),
};

/** The policy itself; `learning`: log its own decisions and refit on them (the -learning variant). */
function createNba(context: PolicyContext, policyName: string, learning: boolean): Policy {
  const scorer = new PropensityScorer(context, policyName);
  const { actions, objective } = context;
  const actionCount = actions.length;
  const width = context.featureNames.length;
  const money = acceptedMoney(actions);
  const arm = treatmentArms(actions);
  const marginShare = context.scenario.economics.marginShare;
  const contactPrice = new Float64Array(actions.length);
  const price = () => {
    for (const action of actions) contactPrice[action.index] = objective.revenue * action.contactCost + scorer.models.experienceCost[action.index];
  };
  price();
  const selling = Uint8Array.from(actions, (action) => (action.category !== null && (COMMERCIAL_CATEGORIES.includes(action.category) || action.category === "referral") ? 1 : 0));
  const saving = Uint8Array.from(actions, (action) => (action.program === "retention" || action.program === "renewal" ? 1 : 0));
  const lever = Float64Array.from(actions, (action) => (action.program === null ? 1 : (PROGRAM_LEVER[action.program] ?? 1)));
  const explorer = new NewOfferExploration(scorer.models, actions, objective.revenue, money);
  // The row being decided, for `explorable`: an unseen offer is tried only where the rules allow it.
  let eligible: Uint8Array = new Uint8Array(0);
  let offset = 0;
  let noSelling = false;
  let cancelling = false;
  const explorable = (a: number) => eligible[offset + a] === 1 && !cancelling && !(selling[a] === 1 && noSelling);
  const refits = propensityRefitsFor(learning, context, true, policyName, { scorer, explorer, price });
  return {
    decide(batch, output) {
      refits?.record(batch);
      eligible = batch.eligibility();
      const x = batch.features();
      for (let row = 0; row < batch.size; row++) {
        offset = row * actionCount;
        const f = row * width;
        const former = x[f + F.churnedFormer] === 1;
        const disrupted = inServiceDisruption(x, f);
        noSelling = disrupted || x[f + F.daysOverduePer30] > 0 || (batch.moment[row] === MOMENT_OUTBOUND && x[f + F.contacts7d] >= 1);
        cancelling = batch.moment[row] === MOMENT_CANCELLATION;
        const yearOfMargin = VALUE_MONTHS * x[f + F.arpuPer100] * 100 * marginShare;
        scorer.load(x, row, !former);
        let best = 0;
        let bestPriority = 0;
        for (let a = 1; a < actionCount; a++) {
          if (eligible[offset + a] === 0 || (selling[a] === 1 && noSelling)) continue;
          // Unseen offers are explored, not pushed; the save desk's rule may still take one.
          if (explorer.unseen[a] === 1 && !(cancelling && saving[a] === 1)) continue;
          const accept = explorer.unseen[a] === 1 ? explorer.acceptance(a) : scorer.accept(a);
          let value = objective.revenue * (accept * money[a]) - contactPrice[a];
          if (former) value += objective.retainedValue * accept * yearOfMargin;
          else if (arm[a] > 0) value += objective.retainedValue * scorer.churnUplift(a) * yearOfMargin;
          const contextWeight = cancelling && saving[a] === 1 ? 1e6 : 1;
          const priority = contextWeight * lever[a] * value;
          if (priority > bestPriority || (cancelling && saving[a] === 1 && saving[best] === 0)) {
            bestPriority = priority;
            best = a;
          }
        }
        choose(output.probabilities, output.chosen, row, actionCount, best);
        if (explorer.active) output.chosen[row] = explorer.mix(output.probabilities, offset, best, explorable, context.random);
      }
    },
    feedback(feedback) {
      explorer.observe(feedback);
      refits?.observe(feedback);
    },
    learningCurve: () => (refits ? refits.learningCurve() : scorer.learningCurve()),
    estimateChurnUplift(batch, row, action) {
      const x = batch.features();
      if (arm[action] <= 0 || x[row * width + F.churnedFormer] === 1) return Number.NaN;
      scorer.load(x, row, true);
      return scorer.churnUplift(action);
    },
  };
}

/**
 * propensity-nba-learning: the same policy, learning as it goes. It keeps the training history,
 * logs its own decisions and refits its models on both every REFIT_EVERY_DAYS days
 * (PropensityRefits), exploring LEARNING_EXPLORATION of its decisions uniformly over the eligible
 * actions with exact propensities (withExploration). Compare it with the frozen propensity-nba.
 */
export const propensityNbaLearning: PolicyDefinition = withExploration(
  {
    name: "propensity-nba-learning",
    relativeCost: 27,
    description: `${propensityNba.description.replace(/\.\s*$/, "")}; refitted on its own logged decisions every ${REFIT_EVERY_DAYS} days.`,
    prepare: (context) => preparePropensityModels(context, { uplift: true, keepHistory: true }),
    create: (context) => createNba(context, "propensity-nba-learning", true),
  },
  { epsilon: LEARNING_EXPLORATION, name: "propensity-nba-learning" },
);

export default propensityNba;
