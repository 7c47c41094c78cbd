import {
  logBeta,
  regularizedIncompleteBeta,
  regularizedIncompleteBetaComplement,
} from "./regularized-incomplete-beta.js";

/** Beyond this |t|/√df, t² would overflow, so the tail uses its leading asymptotic term. */
const HUGE_SCALED_T = 1e100;

function assertDegreesOfFreedom(name: string, degreesOfFreedom: number): void {
  if (!(degreesOfFreedom > 0) || !Number.isFinite(degreesOfFreedom)) {
    throw new Error(`${name}: degreesOfFreedom must be a finite number > 0, got ${degreesOfFreedom}`);
  }
}

/**
 * P(|T| > |t|) for T ~ t(df), with full relative accuracy even in the far tails. The beta
 * argument is df/(df + t²) or its complement t²/(df + t²), whichever is below ½, so that neither
 * is formed as 1 minus something.
 */
export function studentTTwoSidedTail(t: number, degreesOfFreedom: number): number {
  assertDegreesOfFreedom("studentTTwoSidedTail", degreesOfFreedom);
  const scaled = Math.abs(t) / Math.sqrt(degreesOfFreedom);
  const halfDf = degreesOfFreedom / 2;
  if (scaled > HUGE_SCALED_T) {
    // I_x(a, ½) ≈ x^a / (a·B(a, ½)) with x = 1/(1 + scaled²) below 1e-200.
    return Math.exp(-degreesOfFreedom * Math.log(scaled) - Math.log(halfDf) - logBeta(halfDf, 0.5));
  }
  const square = scaled * scaled;
  if (square >= 1) return regularizedIncompleteBeta(1 / (1 + square), halfDf, 0.5);
  return regularizedIncompleteBetaComplement(square / (1 + square), 0.5, halfDf);
}

/**
 * P(|T| <= |t|) for T ~ t(df), with full relative accuracy when t is close to 0.
 */
export function studentTCentralProbability(t: number, degreesOfFreedom: number): number {
  assertDegreesOfFreedom("studentTCentralProbability", degreesOfFreedom);
  const scaled = Math.abs(t) / Math.sqrt(degreesOfFreedom);
  if (scaled > HUGE_SCALED_T) return 1 - studentTTwoSidedTail(t, degreesOfFreedom);
  const square = scaled * scaled;
  const halfDf = degreesOfFreedom / 2;
  if (square >= 1) return regularizedIncompleteBetaComplement(1 / (1 + square), halfDf, 0.5);
  return regularizedIncompleteBeta(square / (1 + square), 0.5, halfDf);
}

/**
 * The density of Student's t distribution with `degreesOfFreedom` degrees of freedom at t.
 */
export function studentTDensity(t: number, degreesOfFreedom: number): number {
  assertDegreesOfFreedom("studentTDensity", degreesOfFreedom);
  const scaled = Math.abs(t) / Math.sqrt(degreesOfFreedom);
  const logOnePlusSquare = scaled > HUGE_SCALED_T ? 2 * Math.log(scaled) : Math.log1p(scaled * scaled);
  return Math.exp(
    -logBeta(degreesOfFreedom / 2, 0.5) -
      0.5 * Math.log(degreesOfFreedom) -
      ((degreesOfFreedom + 1) / 2) * logOnePlusSquare,
  );
}

/**
 * The cumulative distribution function P(T <= t) of Student's t distribution, through the
 * regularized incomplete beta function. The lower tail (t < 0) keeps full relative accuracy.
 *
 * @example
 *   studentTCdf(2.262157163, 9); // 0.975
 *   studentTCdf(0, 3); // 0.5
 */
export function studentTCdf(t: number, degreesOfFreedom: number): number {
  if (Number.isNaN(t)) throw new Error("studentTCdf: t must be a number, got NaN");
  assertDegreesOfFreedom("studentTCdf", degreesOfFreedom);
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  const upperTail = studentTTwoSidedTail(t, degreesOfFreedom) / 2;
  return t < 0 ? upperTail : 1 - upperTail;
}
