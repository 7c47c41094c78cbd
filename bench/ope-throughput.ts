import { createStream } from "../src/random/random-stream.js";
import { syntheticBanditLog } from "../src/ope/synthetic-bandit-log.js";
import { epsilonGreedyDistribution } from "../src/ope/epsilon-greedy-distribution.js";
import { ipw } from "../src/ope/ipw.js";
import { snipw } from "../src/ope/snipw.js";
import { dm } from "../src/ope/dm.js";
import { dr } from "../src/ope/dr.js";
import { sndr } from "../src/ope/sndr.js";
import { switchDr } from "../src/ope/switch-dr.js";
import type { ActionMatrix, LoggedDataset } from "../src/ope/logged-dataset.js";

export interface OpeThroughput {
  readonly rows: number;
  readonly actions: number;
  /** Median milliseconds of one estimate over the whole log, per estimator. */
  readonly medianMs: Record<string, number>;
  /** The fastest run, per estimator: what the code does when the machine is not shared. */
  readonly minMs: Record<string, number>;
  readonly repeats: number;
}

/**
 * Milliseconds one off-policy estimate takes on `rows` logged rows of `actions` actions (a
 * synthetic log; the target and, for DM and the DR family, the reward model's predictions given
 * as n x K arrays, as OBP's estimators get them): the median of `repeats` timed runs after as
 * many untimed ones. The yardstick is OBP on the same machine: IPW about 2 ms and DR about 11 ms
 * on 100,000 rows.
 */
export function measureOpeThroughput(rows = 100_000, actions = 10, repeats = 51): OpeThroughput {
  const { log, expectedReward } = syntheticBanditLog({ subscribers: rows / 4, decisionsPerSubscriber: 4, actionCount: actions, featureCount: 5, uniformShare: 0.2, stream: createStream(1, "bench/ope") });
  const target = epsilonGreedyDistribution(expectedReward, log.rounds, actions, 0.1);
  // A noisy reward model: the true expected reward times a fixed factor per action.
  const predictions = expectedReward.map((value, k) => value * (0.9 + 0.02 * (k % actions)));
  const estimators: Record<string, (data: LoggedDataset, pi: ActionMatrix, q: ActionMatrix) => number> = {
    ipw: (data, pi) => ipw(data, pi),
    snipw: (data, pi) => snipw(data, pi),
    dm: (data, pi, q) => dm(data, pi, q),
    dr: (data, pi, q) => dr(data, pi, q),
    sndr: (data, pi, q) => sndr(data, pi, q),
    "switch-dr": (data, pi, q) => switchDr(data, pi, q, 10),
  };
  const medianMs: Record<string, number> = {};
  const minMs: Record<string, number> = {};
  let sink = 0;
  for (const [name, estimate] of Object.entries(estimators)) {
    for (let run = 0; run < repeats; run++) sink += estimate(log, target, predictions);
    const times = new Float64Array(repeats);
    for (let run = 0; run < repeats; run++) {
      const started = performance.now();
      sink += estimate(log, target, predictions);
      times[run] = performance.now() - started;
    }
    times.sort();
    medianMs[name] = times[(repeats - 1) >> 1];
    minMs[name] = times[0];
  }
  if (!Number.isFinite(sink)) throw new Error("ope bench: an estimate was not finite");
  return { rows, actions, medianMs, minMs, repeats };
}
