/** An uplift model's ranking held against the true uplift (Radcliffe's Qini curve, with the truth known). */
export interface QiniCurve {
  /** Share of the audited customers targeted, best-ranked first: 0, 1/points, ..., 1. */
  readonly share: number[];
  /** Mean true uplift gained per audited customer when the top `share` by the model's estimate are treated. */
  readonly model: number[];
  /** The same, ranked by the true uplift itself: the best any ranking can do. */
  readonly perfect: number[];
  /**
   * (area under model - area under random) / (area under perfect - area under random), random
   * being the straight line to the total: 1 for a perfect ranking, 0 for one no better than
   * chance, below 0 for one worse; NaN when the truth leaves no room (perfect = random).
   */
  readonly coefficient: number;
  readonly pairs: number;
}

/**
 * The Qini curve of `estimate` against `truth` (one entry per audited customer), at `points` + 1
 * shares; ties in the estimate keep their order. Areas by the trapezoid rule over the shares.
 *
 * @example
 *   qiniCurve(Float64Array.of(3, 2, 1), Float64Array.of(1, 0, 0), 3).coefficient; // 1
 */
export function qiniCurve(estimate: Float64Array, truth: Float64Array, points = 10): QiniCurve {
  const pairs = estimate.length;
  const model = gains(estimate, truth, points);
  const perfect = gains(truth, truth, points);
  const share = Array.from({ length: points + 1 }, (_, k) => k / points);
  const total = model[points];
  const area = (curve: number[]) => curve.reduce((sum, value, k) => (k === 0 ? 0 : sum + (value + curve[k - 1]) / (2 * points)), 0);
  const random = total / 2;
  const room = area(perfect) - random;
  return { share, model, perfect, coefficient: room > 1e-15 ? (area(model) - random) / room : Number.NaN, pairs };
}

/** Cumulative truth per customer of the top k/points by `rank`, for k = 0..points. */
function gains(rank: Float64Array, truth: Float64Array, points: number): number[] {
  const count = rank.length;
  const order = Array.from({ length: count }, (_, k) => k).sort((a, b) => rank[b] - rank[a] || a - b);
  const curve = [0];
  let sum = 0;
  let taken = 0;
  for (let k = 1; k <= points; k++) {
    const until = Math.round((k * count) / points);
    for (; taken < until; taken++) sum += truth[order[taken]];
    curve.push(count > 0 ? sum / count : 0);
  }
  return curve;
}
