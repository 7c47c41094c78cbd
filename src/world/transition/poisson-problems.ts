/** At most this many network problems a day are counted (the inversion stops there). */
export const MAX_PROBLEMS = 60;

/**
 * The Poisson(lambda) count of a day's network problems drawn by inversion of the uniform `u`
 * (`noProblem` = e^-lambda, passed in because callers keep it): the first count whose cumulative
 * probability exceeds `u`, at most MAX_PROBLEMS. `out[0]` is the count and `out[1]` where `u`
 * lies within that count's probability mass (0 to 1), which splits the problems into dropped
 * calls and buffering. Used for the holder's line and the account's other lines alike.
 */
export function poissonProblems(u: number, lambda: number, noProblem: number, out: Float64Array): Float64Array {
  let problems = 0;
  let mass = noProblem;
  let cumulative = noProblem;
  while (u >= cumulative && problems < MAX_PROBLEMS) {
    problems++;
    mass *= lambda / problems;
    cumulative += mass;
  }
  out[0] = problems;
  out[1] = mass > 0 ? (u - (cumulative - mass)) / mass : 0;
  return out;
}
