/**
 * Kish's effective sample size of importance weights, (sum w)^2 / sum w^2: how many equally
 * weighted rows the weighted log is worth. n when every weight is equal, near 1 when one row
 * carries the estimate; 0 when every weight is 0.
 */
export function effectiveSampleSize(weights: Float64Array, rounds = weights.length): number {
  let sum = 0;
  let sumOfSquares = 0;
  for (let i = 0; i < rounds; i++) {
    sum += weights[i];
    sumOfSquares += weights[i] * weights[i];
  }
  return sumOfSquares === 0 ? 0 : (sum * sum) / sumOfSquares;
}
