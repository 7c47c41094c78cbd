/**
 * Index of the bucket that `uniform` falls in, for weights that sum to `total` (default 1).
 * The last bucket absorbs rounding.
 */
export function categorical(uniform: number, weights: readonly number[], total = 1): number {
  let threshold = uniform * total;
  for (let index = 0; index < weights.length - 1; index++) {
    threshold -= weights[index];
    if (threshold < 0) return index;
  }
  return weights.length - 1;
}
