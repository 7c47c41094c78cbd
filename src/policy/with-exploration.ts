import { InputError } from "../input-error.js";
import type { DecisionBatch, DecisionOutput, PolicyDefinition } from "./policy.js";

/**
 * How much a logging policy explores: `epsilon` mixes its distribution with uniform over the
 * eligible actions, (1 - epsilon) p(a) + epsilon / n_eligible; `temperature` replaces it by a
 * softmax of its own probabilities over the eligible actions, exp(p(a) / T) / sum exp(p(b) / T)
 * (T small: nearly the policy's choice; T large: nearly uniform).
 */
export type ExplorationOptions = ({ readonly epsilon: number } | { readonly temperature: number }) & {
  /** The wrapped policy's name; default `NAME-eps10` (10 %) or `NAME-softmax-t0p5`. */
  readonly name?: string;
};

/**
 * Wraps any policy so that its logs support off-policy evaluation of other policies: every
 * eligible action gets a positive probability, and the probability written (what the engine
 * logs as the propensity) is exactly the one the choice was drawn from. With `epsilon` the
 * policy's own choice is kept with probability 1 - epsilon, else replaced by a uniform draw
 * over the eligible actions (no action included); with `temperature` the choice is drawn from
 * the softmax. The draws come from the policy's own stream (`context.random`, shared with the
 * wrapped policy), so the run stays a function of the seeds. Learning policies still learn
 * from the action actually taken.
 *
 * @example
 *   const logging = withExploration(rulesNba, { epsilon: 0.1 }); // "rules-nba-eps10"
 */
export function withExploration(definition: PolicyDefinition, options: ExplorationOptions): PolicyDefinition {
  const mix = "epsilon" in options ? epsilonMixer(options.epsilon) : softmaxMixer(options.temperature);
  const name = options.name ?? `${definition.name}-${"epsilon" in options ? `eps${formatNumber(options.epsilon * 100)}` : `softmax-t${formatNumber(options.temperature)}`}`;
  const how = "epsilon" in options ? `${formatPercent(options.epsilon)} uniform exploration` : `softmax exploration at temperature ${options.temperature}`;
  return {
    ...definition,
    name,
    description: `${definition.description.replace(/\.\s*$/, "")}; with ${how} over the eligible actions.`,
    create(context) {
      const inner = definition.create(context);
      const random = context.random;
      const actionCount = context.actions.length;
      return {
        decide(batch: DecisionBatch, output: DecisionOutput) {
          inner.decide(batch, output);
          const eligible = batch.eligibility();
          for (let row = 0; row < batch.size; row++) output.chosen[row] = mix(output.probabilities, eligible, row * actionCount, actionCount, output.chosen[row], random.next(), random);
        },
        feedback: inner.feedback && ((feedback) => inner.feedback!(feedback)),
        learningCurve: inner.learningCurve && (() => inner.learningCurve!()),
        estimateChurnUplift: inner.estimateChurnUplift && ((batch, row, action) => inner.estimateChurnUplift!(batch, row, action)),
      };
    },
  };
}

/** Rewrites one row's probabilities in place and returns the action drawn from them. */
type RowMixer = (probabilities: Float64Array, eligible: Uint8Array, offset: number, actionCount: number, chosen: number, uniform: number, random: { next(): number }) => number;

function epsilonMixer(epsilon: number): RowMixer {
  if (!(typeof epsilon === "number" && epsilon >= 0 && epsilon <= 1)) throw new InputError(`withExploration: epsilon must be a number from 0 to 1, got ${String(epsilon)}`);
  return (probabilities, eligible, offset, actionCount, chosen, uniform, random) => {
    let count = 0;
    for (let a = 0; a < actionCount; a++) count += eligible[offset + a];
    for (let a = 0; a < actionCount; a++) if (eligible[offset + a] === 1) probabilities[offset + a] = (1 - epsilon) * probabilities[offset + a] + epsilon / count;
    if (uniform >= epsilon) return chosen;
    let pick = Math.floor(random.next() * count);
    for (let a = 0; a < actionCount; a++) if (eligible[offset + a] === 1 && pick-- === 0) return a;
    return 0;
  };
}

function softmaxMixer(temperature: number): RowMixer {
  if (!(typeof temperature === "number" && temperature > 0 && Number.isFinite(temperature))) throw new InputError(`withExploration: temperature must be a finite number > 0, got ${String(temperature)}`);
  return (probabilities, eligible, offset, actionCount, _chosen, uniform) => {
    let largest = 0;
    for (let a = 0; a < actionCount; a++) if (eligible[offset + a] === 1 && probabilities[offset + a] > largest) largest = probabilities[offset + a];
    let total = 0;
    for (let a = 0; a < actionCount; a++) if (eligible[offset + a] === 1) total += Math.exp((probabilities[offset + a] - largest) / temperature);
    let last = 0;
    for (let a = 0; a < actionCount; a++) {
      if (eligible[offset + a] !== 1) continue;
      probabilities[offset + a] = Math.exp((probabilities[offset + a] - largest) / temperature) / total;
      last = a;
    }
    let threshold = uniform;
    for (let a = 0; a < actionCount; a++) {
      if (eligible[offset + a] !== 1) continue;
      threshold -= probabilities[offset + a];
      if (threshold < 0) return a;
    }
    return last;
  };
}

/** 10 -> "10", 12.5 -> "12p5": a number fit for a policy name. */
function formatNumber(value: number): string {
  return String(Number(value.toFixed(6))).replace(".", "p");
}

function formatPercent(share: number): string {
  return `${Number((share * 100).toFixed(6))} %`;
}
