import type { RandomStream } from "./random-stream.js";

/** One standard-normal draw (Box-Muller, two uniforms, the second variate discarded). */
export function standardNormal(stream: RandomStream): number {
  const u1 = 1 - stream.next();
  const u2 = stream.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** A log-normal multiplier with median 1 and log-scale spread `sigma`. */
export function logNormalFactor(stream: RandomStream, sigma: number): number {
  return Math.exp(sigma * standardNormal(stream));
}

/** A log-normal multiplier with mean 1 and log-scale spread `sigma`. */
export function meanOneLogNormal(stream: RandomStream, sigma: number): number {
  return Math.exp(sigma * standardNormal(stream) - (sigma * sigma) / 2);
}
