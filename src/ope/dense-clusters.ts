/** Cluster ids renumbered 0..count-1 in order of first appearance. */
export interface DenseClusters {
  /** Per row, its cluster's dense index. */
  readonly index: Int32Array;
  readonly count: number;
}

/** Renumbers arbitrary cluster ids (subscriber ids) densely, in order of first appearance. */
export function denseClusters(cluster: Int32Array, rounds = cluster.length): DenseClusters {
  const seen = new Map<number, number>();
  const index = new Int32Array(rounds);
  for (let i = 0; i < rounds; i++) {
    let dense = seen.get(cluster[i]);
    if (dense === undefined) {
      dense = seen.size;
      seen.set(cluster[i], dense);
    }
    index[i] = dense;
  }
  return { index, count: seen.size };
}
