import type { Policy, PolicyContext, PolicyDefinition } from "../src/policy/policy.js";
import { withExploration } from "../src/policy/with-exploration.js";
import { LEARNING_EXPLORATION, propensityRefitsFor, REFIT_EVERY_DAYS } from "../src/learning/propensity-refits.js";
import { choose } from "../src/policy/action-lookup.js";
import { preparePropensityModels } from "../src/learning/propensity-models.js";
import { PropensityScorer } from "../src/learning/propensity-scorer.js";
import { acceptedMoney } from "../src/learning/deal-economics.js";
import { NewOfferExploration } from "../src/learning/new-offer-exploration.js";

/**
 * Next best offer by a propensity model: a small network trained in `prepare` on a history
 * logged under an exploring policy predicts p(accept) per offer; each decision takes the offer
 * of highest expected value, revenue weight x (p(accept) x (deal value - offer cost) - contact
 * cost) - the objective's mean annoyance/complaint cost of a contact with that offer (from the
 * log), when it is positive, else no action. An offer the models have not learned (too few logged
 * contacts: a launch) is never chosen greedily; it is tried on a share of the decisions where it
 * is eligible that grows as evidence shows it pays (NewOfferExploration), with exact propensities.
 */
export const propensityNbo: PolicyDefinition = {
  name: "propensity-nbo",
  relativeCost: 5,
  description: "NBO by a TensorFlow.js propensity model trained on an exploring history: the offer of highest p(accept) x deal value, if worth the contact.",
  prepare: (context) => preparePropensityModels(context, { uplift: false }),
  create: (context) => createNbo(context, "propensity-nbo", false),
};

/** The policy itself; `learning`: log its own decisions and refit on them (the -learning variant). */
function createNbo(context: PolicyContext, policyName: string, learning: boolean): Policy {
  const scorer = new PropensityScorer(context, policyName);
  const actionCount = context.actions.length;
  const money = acceptedMoney(context.actions);
  const { revenue } = context.objective;
  // A contact's price: its money cost plus what the objective charges for the annoyance and
  // complaints it causes, as measured per offer in the logged history.
  const contactPrice = new Float64Array(context.actions.length);
  const price = () => {
    for (const action of context.actions) contactPrice[action.index] = revenue * action.contactCost + scorer.models.experienceCost[action.index];
  };
  price();
  const explorer = new NewOfferExploration(scorer.models, context.actions, revenue, money);
  let eligible: Uint8Array = new Uint8Array(0);
  let offset = 0;
  // An unseen offer is tried only where it is eligible and could pay at all.
  const explorable = (a: number) => eligible[offset + a] === 1 && revenue * money[a] > revenue * context.actions[a].contactCost + explorer.cost(a);
  const refits = propensityRefitsFor(learning, context, false, policyName, { scorer, explorer, price });
  return {
    decide(batch, output) {
      refits?.record(batch);
      eligible = batch.eligibility();
      const features = batch.features();
      for (let row = 0; row < batch.size; row++) {
        offset = row * actionCount;
        let best = 0;
        let bestValue = 0;
        let loaded = false;
        for (let a = 1; a < actionCount; a++) {
          if (eligible[offset + a] === 0 || explorer.unseen[a] === 1 || revenue * money[a] <= contactPrice[a]) continue;
          if (!loaded) scorer.load(features, row, false);
          loaded = true;
          const value = revenue * scorer.accept(a) * money[a] - contactPrice[a];
          if (value > bestValue) {
            bestValue = value;
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
  };
}

/**
 * propensity-nbo-learning: the same policy, learning as it goes. It keeps the training history,
 * logs its own decisions and refits its models on both every REFIT_EVERY_DAYS days
 * (PropensityRefits), exploring LEARNING_EXPLORATION of its decisions uniformly over the eligible
 * actions with exact propensities (withExploration). Compare it with the frozen propensity-nbo.
 */
export const propensityNboLearning: PolicyDefinition = withExploration(
  {
    name: "propensity-nbo-learning",
    relativeCost: 15,
    description: `${propensityNbo.description.replace(/\.\s*$/, "")}; refitted on its own logged decisions every ${REFIT_EVERY_DAYS} days.`,
    prepare: (context) => preparePropensityModels(context, { uplift: false, keepHistory: true }),
    create: (context) => createNbo(context, "propensity-nbo-learning", true),
  },
  { epsilon: LEARNING_EXPLORATION, name: "propensity-nbo-learning" },
);

export default propensityNbo;
