/**
 * The p-quantile of ascending `sorted` values, linear between order statistics (Hyndman and
 * Fan's type 7, numpy's default): position p (n - 1). NaN for an empty array.
 *
 * @example
 *   quantileSorted(Float64Array.of(1, 2, 3, 4), 0.5); // 2.5
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const position = p * (n - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, n - 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}
