import type { RandomStream } from "../random/random-stream.js";
import { DisjointLinearArms } from "../learning/disjoint-linear-arms.js";
import type { ActionMatrix, LoggedDataset } from "./logged-dataset.js";
import { denseClusters } from "./dense-clusters.js";
import { clusterFolds } from "./cluster-folds.js";

export interface RewardModelOptions {
  /** Number of folds K >= 2, e.g. 3 (OBP's n_folds default is 1: no cross-fitting). */
  readonly folds: number;
  /** Ridge penalty lambda of every action's regression, e.g. 1. */
  readonly ridge: number;
  /** Draws that deal subscribers to folds. */
  readonly stream: RandomStream;
}

/**
 * The reward model q_hat(x, a) for DM and the doubly robust estimators, cross-fitted: subscribers
 * are dealt to `folds` folds (all rows of one subscriber in one fold) and each row's
 * predictions come from a model fitted on the other folds only, so no row's reward helps to
 * predict itself (the model's overfitting cannot leak into the DR correction; Chernozhukov et
 * al.'s double machine learning).
 *
 * The model: one ridge regression per action on an intercept and the row's features as given,
 * b_a = (lambda I + X_a^T X_a)^-1 X_a^T r_a over the training rows X_a that took action a (the
 * intercept is penalised like the rest, which matters only for actions with a handful of rows).
 * A linear model suits offersim's rewards (money, not 0/1) and binary rewards alike (a linear
 * probability model); scale features that differ by orders of magnitude. An action no training
 * row took is predicted at the training rows' mean reward. Returns n x K predictions in `out`.
 */
export function crossFitRewardModel(log: LoggedDataset, options: RewardModelOptions, out: ActionMatrix = new Float64Array(log.rounds * log.actionCount)): ActionMatrix {
  const { rounds, actionCount, featureCount, features, action, reward } = log;
  const clusters = denseClusters(log.cluster, rounds);
  if (!Number.isInteger(options.folds) || options.folds < 2) throw new RangeError(`reward model: folds must be an integer >= 2, got ${options.folds}`);
  if (clusters.count < options.folds) throw new RangeError(`reward model: folds must be at most the number of clusters (${clusters.count}), got ${options.folds}`);
  const fold = clusterFolds(clusters, options.folds, options.stream);
  const dimension = featureCount + 1;
  const x = new Float64Array(dimension);
  const load = (i: number) => {
    x[0] = 1;
    for (let k = 0; k < featureCount; k++) x[k + 1] = features[i * featureCount + k];
  };
  for (let held = 0; held < options.folds; held++) {
    const arms = new DisjointLinearArms(actionCount, dimension, options.ridge);
    let rewardSum = 0;
    let trainingRows = 0;
    for (let i = 0; i < rounds; i++) {
      if (fold[i] === held) continue;
      load(i);
      arms.update(action[i], x, reward[i]);
      rewardSum += reward[i];
      trainingRows++;
    }
    const fallback = trainingRows === 0 ? 0 : rewardSum / trainingRows;
    for (let i = 0; i < rounds; i++) {
      if (fold[i] !== held) continue;
      load(i);
      for (let a = 0; a < actionCount; a++) out[i * actionCount + a] = arms.pulls[a] === 0 ? fallback : arms.mean(a, x);
    }
  }
  return out;
}
