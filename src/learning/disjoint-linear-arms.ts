/**
 * Ridge-regression models, one per arm (disjoint linear arms, Li et al. 2010): for arm a,
 * A_a = lambda I + sum x x^T and theta_a = A_a^-1 sum r x. The inverse and theta are kept up to
 * date with Sherman-Morrison, O(d^2) per update, so no matrix is ever inverted. Plain typed
 * arrays: scoring one arm is a dot product and one quadratic form.
 */
export class DisjointLinearArms {
  readonly inverse: Float64Array;
  readonly theta: Float64Array;
  readonly pulls: Float64Array;
  private readonly scratch: Float64Array;

  constructor(
    readonly arms: number,
    readonly dimension: number,
    ridge = 1,
  ) {
    const d = dimension;
    this.inverse = new Float64Array(arms * d * d);
    for (let a = 0; a < arms; a++) for (let k = 0; k < d; k++) this.inverse[a * d * d + k * d + k] = 1 / ridge;
    this.theta = new Float64Array(arms * d);
    this.pulls = new Float64Array(arms);
    this.scratch = new Float64Array(d);
  }

  /** theta_a . x */
  mean(arm: number, x: Float64Array): number {
    const d = this.dimension;
    const offset = arm * d;
    let sum = 0;
    for (let k = 0; k < d; k++) sum += this.theta[offset + k] * x[k];
    return sum;
  }

  /** x^T A_a^-1 x: the variance factor of the arm's estimate at x. */
  variance(arm: number, x: Float64Array): number {
    const d = this.dimension;
    const base = arm * d * d;
    let total = 0;
    for (let row = 0; row < d; row++) {
      const xr = x[row];
      if (xr === 0) continue;
      let dot = 0;
      const offset = base + row * d;
      for (let col = 0; col < d; col++) dot += this.inverse[offset + col] * x[col];
      total += xr * dot;
    }
    return total;
  }

  /**
   * `mean` and `variance` over the non-zero entries of x only (indices in nonZero[0..count)):
   * the same numbers, much faster for sparse features (one-hot plans, flags).
   */
  meanSparse(arm: number, x: Float64Array, nonZero: Int32Array, count: number): number {
    const offset = arm * this.dimension;
    let sum = 0;
    for (let k = 0; k < count; k++) sum += this.theta[offset + nonZero[k]] * x[nonZero[k]];
    return sum;
  }

  varianceSparse(arm: number, x: Float64Array, nonZero: Int32Array, count: number): number {
    const d = this.dimension;
    const base = arm * d * d;
    let total = 0;
    for (let r = 0; r < count; r++) {
      const row = nonZero[r];
      const offset = base + row * d;
      let dot = 0;
      for (let c = 0; c < count; c++) dot += this.inverse[offset + nonZero[c]] * x[nonZero[c]];
      total += x[row] * dot;
    }
    return total;
  }

  /**
   * Adds one observation (x, reward) to arm `arm` (recursive least squares): with u = A^-1 x,
   * A^-1 loses u u^T / (1 + x.u) (Sherman-Morrison) and theta moves by A_new^-1 x times the
   * prediction error. O(d^2), no inversion. `nonZero` lists the non-zero entries of x.
   */
  update(arm: number, x: Float64Array, reward: number, nonZero?: Int32Array, count = this.dimension): void {
    const d = this.dimension;
    const base = arm * d * d;
    const inverse = this.inverse;
    const u = this.scratch;
    let denominator = 1;
    let prediction = 0;
    const thetaOffset = arm * d;
    for (let row = 0; row < d; row++) {
      let dot = 0;
      const offset = base + row * d;
      if (nonZero) for (let c = 0; c < count; c++) dot += inverse[offset + nonZero[c]] * x[nonZero[c]];
      else for (let col = 0; col < d; col++) dot += inverse[offset + col] * x[col];
      u[row] = dot;
      denominator += x[row] * dot;
      prediction += this.theta[thetaOffset + row] * x[row];
    }
    const error = reward - prediction;
    for (let row = 0; row < d; row++) {
      const scale = u[row] / denominator;
      this.theta[thetaOffset + row] += scale * error;
      if (scale === 0) continue;
      const offset = base + row * d;
      for (let col = 0; col < d; col++) inverse[offset + col] -= scale * u[col];
    }
    this.pulls[arm]++;
  }

  /**
   * Changes the reward of an earlier observation x of `arm` by `delta` (a delayed outcome, such
   * as the customer leaving after the decision): b gains x delta, so theta = A^-1 b moves by
   * A^-1 x delta. A is unchanged. Exact for ridge regression, O(d^2).
   */
  adjustReward(arm: number, x: Float64Array, delta: number, nonZero: Int32Array, count: number): void {
    const d = this.dimension;
    const base = arm * d * d;
    const thetaOffset = arm * d;
    for (let row = 0; row < d; row++) {
      let dot = 0;
      const offset = base + row * d;
      for (let c = 0; c < count; c++) dot += this.inverse[offset + nonZero[c]] * x[nonZero[c]];
      this.theta[thetaOffset + row] += dot * delta;
    }
  }
}
