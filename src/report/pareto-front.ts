/**
 * Which points are Pareto-efficient when every objective is to be minimised: a point is
 * efficient when no other point is at least as good on every objective and better on one.
 * Equal points are all efficient.
 *
 * @example
 * paretoEfficient([[1, 5], [2, 2], [3, 3]]); // [true, true, false]
 */
export function paretoEfficient(points: readonly (readonly number[])[]): boolean[] {
  const dominates = (a: readonly number[], b: readonly number[]) =>
    a.every((value, k) => value <= b[k]) && a.some((value, k) => value < b[k]);
  return points.map((point) => !points.some((other) => dominates(other, point)));
}
