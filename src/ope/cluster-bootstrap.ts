import type { RandomStream } from "../random/random-stream.js";
import { quantileSorted } from "../metrics/quantile-sorted.js";
import type { LoggedDataset } from "./logged-dataset.js";
import { denseClusters } from "./dense-clusters.js";

/** A statistic of the log with each row counted `multiplicity[i]` times (an estimator). */
export type WeightedStatistic = (multiplicity: Float64Array) => number;

export interface BootstrapOptions {
  /** Number of resamples, e.g. 1000. */
  readonly replicates: number;
  /** Coverage of the percentile interval, e.g. 0.95. */
  readonly confidence: number;
  /** Where the resampling draws come from (a named stream: the same stream gives the same intervals). */
  readonly stream: RandomStream;
}

export interface BootstrapInterval {
  readonly lower: number;
  readonly upper: number;
  /** Resamples whose statistic was NaN (SNIPW with no target mass on any drawn row), left out. */
  readonly undefinedReplicates: number;
}

/**
 * Percentile bootstrap intervals over clusters (subscribers): each resample draws as many
 * clusters as the log has, uniformly with replacement, and counts every row of a cluster drawn
 * k times k times. Rows of one subscriber are correlated (same customer, several decisions), so
 * resampling rows alone would give intervals too narrow. Every statistic sees the same
 * resamples. The draws come from `stream` only: the same stream state gives the same intervals.
 *
 * @example
 *   const stream = createStream(42, "ope/bootstrap");
 *   const { dr: interval } = clusterBootstrap(log, { dr: (m) => dr(log, target, q, m) }, { replicates: 1000, confidence: 0.95, stream });
 */
export function clusterBootstrap<Name extends string>(
  log: LoggedDataset,
  statistics: Readonly<Record<Name, WeightedStatistic>>,
  options: BootstrapOptions,
): Record<Name, BootstrapInterval> {
  if (!Number.isInteger(options.replicates) || options.replicates < 1) throw new RangeError(`bootstrap: replicates must be an integer >= 1, got ${options.replicates}`);
  if (!(options.confidence > 0 && options.confidence < 1)) throw new RangeError(`bootstrap: confidence must be between 0 and 1, got ${options.confidence}`);
  const { index, count } = denseClusters(log.cluster, log.rounds);
  const names = Object.keys(statistics) as Name[];
  const functions = names.map((name) => statistics[name]);
  const draws = names.map(() => new Float64Array(options.replicates));
  const clusterDraws = new Float64Array(count);
  const multiplicity = new Float64Array(log.rounds);
  for (let replicate = 0; replicate < options.replicates; replicate++) {
    clusterDraws.fill(0);
    for (let k = 0; k < count; k++) clusterDraws[Math.floor(options.stream.next() * count)]++;
    for (let i = 0; i < log.rounds; i++) multiplicity[i] = clusterDraws[index[i]];
    for (let s = 0; s < functions.length; s++) draws[s][replicate] = functions[s](multiplicity);
  }
  const tail = (1 - options.confidence) / 2;
  const intervals = {} as Record<Name, BootstrapInterval>;
  names.forEach((name, s) => {
    const defined = draws[s].filter((value) => !Number.isNaN(value)).sort();
    intervals[name] = { lower: quantileSorted(defined, tail), upper: quantileSorted(defined, 1 - tail), undefinedReplicates: options.replicates - defined.length };
  });
  return intervals;
}
