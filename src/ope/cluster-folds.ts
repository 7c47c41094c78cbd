import type { RandomStream } from "../random/random-stream.js";
import type { DenseClusters } from "./dense-clusters.js";

/**
 * Fold of every row, 0..folds-1, such that all rows of a cluster (a subscriber) share a fold:
 * the clusters are shuffled with `stream` (Fisher-Yates) and dealt round-robin, so fold sizes
 * differ by at most one cluster.
 */
export function clusterFolds(clusters: DenseClusters, folds: number, stream: RandomStream): Int32Array {
  const order = new Int32Array(clusters.count);
  for (let k = 0; k < order.length; k++) order[k] = k;
  for (let k = order.length - 1; k > 0; k--) {
    const j = Math.floor(stream.next() * (k + 1));
    const swap = order[k];
    order[k] = order[j];
    order[j] = swap;
  }
  const foldOfCluster = new Int32Array(clusters.count);
  for (let position = 0; position < order.length; position++) foldOfCluster[order[position]] = position % folds;
  const fold = new Int32Array(clusters.index.length);
  for (let i = 0; i < fold.length; i++) fold[i] = foldOfCluster[clusters.index[i]];
  return fold;
}
