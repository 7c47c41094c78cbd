import { logBeta } from "./regularized-incomplete-beta.js";
import { studentTCentralProbability, studentTDensity, studentTTwoSidedTail } from "./student-t-cdf.js";

const MAX_NEWTON_STEPS = 100;
const STEP_TOLERANCE = 1e-13;

/** Acklam's rational approximation of the standard normal quantile (relative error ~1e-9). */
function approximateNormalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  if (p > 0.5) return -approximateNormalQuantile(1 - p);
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/**
 * Starting point |t| for the upper-tail probability `tail` <= ½: Hill's (1970) algorithm 396,
 * or, where that under- or overflows, the power-law tail P(T > t) ≈ (df/t²)^(df/2)/(df·B(df/2, ½)).
 */
function initialGuess(tail: number, degreesOfFreedom: number): number {
  const twoSided = 2 * tail;
  const a = 1 / (degreesOfFreedom - 0.5);
  const b = 48 / (a * a);
  let c = ((20700 * a / b - 98) * a - 16) * a + 96.36;
  const d = ((94.5 / (b + c) - 3) / b + 1) * Math.sqrt(a * Math.PI / 2) * degreesOfFreedom;
  let y = Math.pow(d * twoSided, 2 / degreesOfFreedom);
  if ((degreesOfFreedom < 2.1 && twoSided > 0.5) || y > 0.05 + a) {
    const x = approximateNormalQuantile(tail);
    y = x * x;
    if (degreesOfFreedom < 5) c += 0.3 * (degreesOfFreedom - 4.5) * (x + 0.6);
    c = (((0.05 * d * x - 5) * x - 7) * x - 2) * x + b + c;
    y = (((((0.4 * y + 6.3) * y + 36) * y + 94.5) / c - y - 3) / b + 1) * x;
    y = Math.expm1(a * y * y);
  } else {
    y = ((1 / (((degreesOfFreedom + 6) / (degreesOfFreedom * y) - 0.089 * d - 0.822) * (degreesOfFreedom + 2) * 3) +
      0.5 / (degreesOfFreedom + 4)) * y - 1) * (degreesOfFreedom + 1) / (degreesOfFreedom + 2) + 1 / y;
  }
  const hill = Math.sqrt(degreesOfFreedom * y);
  if (hill > 0 && Number.isFinite(hill)) return hill;
  const halfDf = degreesOfFreedom / 2;
  const logTwoSidedTimesHalfDfBeta = Math.log(twoSided) + Math.log(halfDf) + logBeta(halfDf, 0.5);
  return Math.exp(0.5 * Math.log(degreesOfFreedom) - logTwoSidedTimesHalfDfBeta / degreesOfFreedom);
}

/**
 * Solves P(T > t) = tail for t > 0 by safeguarded Newton steps. For tail < ¼ the residual is
 * ln P(T > t) - ln tail in ln t (nearly linear in the power-law tails); otherwise it is
 * P(|T| <= t) - (1 - 2·tail), which keeps relative accuracy as t approaches 0.
 */
function refineUpperQuantile(tail: number, degreesOfFreedom: number, start: number): number {
  const inTail = tail < 0.25;
  const logTarget = Math.log(tail);
  const centralTarget = 1 - 2 * tail;
  let lower = 0;
  let upper = Infinity;
  let t = start;
  for (let step = 0; step < MAX_NEWTON_STEPS; step++) {
    const density = studentTDensity(t, degreesOfFreedom);
    let next: number;
    let tooSmall: boolean;
    if (inTail) {
      const upperTail = studentTTwoSidedTail(t, degreesOfFreedom) / 2;
      const residual = Math.log(upperTail) - logTarget;
      if (residual === 0) return t;
      tooSmall = residual > 0;
      next = t * Math.exp((residual * upperTail) / (density * t));
    } else {
      const residual = studentTCentralProbability(t, degreesOfFreedom) - centralTarget;
      if (residual === 0) return t;
      tooSmall = residual < 0;
      next = t - residual / (2 * density);
    }
    if (tooSmall) lower = t;
    else upper = t;
    if (!(next > lower && next < upper)) {
      next = upper === Infinity ? 4 * t : lower === 0 ? t / 4 : (lower + upper) / 2;
    }
    if (Math.abs(next - t) <= STEP_TOLERANCE * t) return next;
    t = next;
  }
  return t;
}

/**
 * The inverse CDF of Student's t distribution: the t with P(T <= t) = p, T ~ t(df). Closed
 * forms for df = 1 and 2; otherwise Hill's algorithm 396 refined by Newton steps on the
 * incomplete-beta CDF, to about 1e-12 relative for df from 1 to 1e6.
 *
 * @example
 *   studentTQuantile(0.975, 9); // 2.262157163...
 *   studentTQuantile(0.025, 9); // -2.262157163...
 */
export function studentTQuantile(p: number, degreesOfFreedom: number): number {
  if (!(p > 0 && p < 1)) throw new Error(`studentTQuantile: p must be in (0, 1), got ${p}`);
  if (!(degreesOfFreedom > 0) || !Number.isFinite(degreesOfFreedom)) {
    throw new Error(`studentTQuantile: degreesOfFreedom must be a finite number > 0, got ${degreesOfFreedom}`);
  }
  if (p === 0.5) return 0;
  const sign = p < 0.5 ? -1 : 1;
  const tail = p < 0.5 ? p : 1 - p; // exact for p >= 0.5 (Sterbenz)
  if (degreesOfFreedom === 1) {
    const t = tail < 0.25 ? 1 / Math.tan(Math.PI * tail) : Math.tan(Math.PI * (0.5 - tail));
    return sign * t;
  }
  if (degreesOfFreedom === 2) return (sign * (1 - 2 * tail)) / Math.sqrt(2 * tail * (1 - tail));
  const start = initialGuess(tail, degreesOfFreedom);
  return sign * refineUpperQuantile(tail, degreesOfFreedom, start);
}
