/**
 * Prior weight of the shrinkage, in expected leavers: an action whose logged contacts were
 * expected to lose this many customers weighs its own ratio equally with its program's.
 */
export const RATIO_PRIOR_LEAVERS = 5;

/** The logged rows the ratios are estimated on: each row's action, churn label and out-of-fold risk. */
export interface RatioRows {
  /** The action taken (0: none). */
  readonly action: ArrayLike<number>;
  /** 1 when the customer left within the attribution window. */
  readonly churned: ArrayLike<number>;
  /** p(leave | no action) for the row by a model that never saw it (cross-fitted). */
  readonly expected: ArrayLike<number>;
}

/**
 * The churn uplift model of propensity-nba: a contact multiplies a customer's churn risk by a
 * factor of its own (proportional hazards, as the world's churn hazard is built), so the
 * uplift of action a for a customer of untreated risk r(x) is r(x) x (ratio[0] - ratio[a]).
 * ratio[a] = observed leavers / expected leavers over the logged rows of action a, the expected
 * count from the untreated risk model scored out of fold (the "observed over expected" of a
 * standardised mortality ratio). ratio[0], on the untreated rows, calibrates the risk model
 * itself. An action's ratio is shrunk toward its group's (`groupOf`: its program), and the
 * group's toward the ratio of all contacts, each by RATIO_PRIOR_LEAVERS expected leavers, so a
 * rarely logged offer borrows from the contacts like it. Actions with `groupOf` < 0 keep 1.
 * The exploring history decides at random given what it observes, so the treated rows of an
 * action and the untreated rows differ only by chance once the risk model adjusts for the
 * features: one parameter per action is learned from hundreds of rows where a separate output
 * per arm (a T-learner) would have to learn its whole shape from a few dozen leavers.
 *
 * @example
 *   // The untreated rows lost the expected 1 leaver, action 1's rows 1 where 0.5 were expected:
 *   relativeChurnEffects({ action: [0, 0, 1, 1], churned: [1, 0, 1, 0], expected: [0.5, 0.5, 0.25, 0.25] }, Int32Array.of(-1, 0));
 *   // -> Float64Array [1, 2]: action 1 doubles the risk, an uplift of r(x) x (1 - 2) = -r(x)
 */
export function relativeChurnEffects(rows: RatioRows, groupOf: Int32Array, priorLeavers = RATIO_PRIOR_LEAVERS): Float64Array {
  const actionCount = groupOf.length;
  const observed = new Float64Array(actionCount);
  const expected = new Float64Array(actionCount);
  for (let k = 0; k < rows.action.length; k++) {
    observed[rows.action[k]] += rows.churned[k];
    expected[rows.action[k]] += rows.expected[k];
  }
  const groups = 1 + Math.max(-1, ...groupOf);
  const groupObserved = new Float64Array(groups);
  const groupExpected = new Float64Array(groups);
  let contactObserved = 0;
  let contactExpected = 0;
  for (let a = 1; a < actionCount; a++) {
    if (groupOf[a] < 0) continue;
    groupObserved[groupOf[a]] += observed[a];
    groupExpected[groupOf[a]] += expected[a];
    contactObserved += observed[a];
    contactExpected += expected[a];
  }
  const ratio = new Float64Array(actionCount).fill(1);
  ratio[0] = expected[0] > 0 ? observed[0] / expected[0] : 1;
  const contactRatio = contactExpected > 0 ? contactObserved / contactExpected : ratio[0];
  const shrink = (seen: number, expect: number, prior: number) => (expect + priorLeavers > 0 ? (seen + priorLeavers * prior) / (expect + priorLeavers) : prior);
  for (let a = 1; a < actionCount; a++) {
    const group = groupOf[a];
    if (group < 0) continue;
    const groupRatio = shrink(groupObserved[group], groupExpected[group], contactRatio);
    ratio[a] = shrink(observed[a], expected[a], groupRatio);
  }
  return ratio;
}
