import type { RandomStream } from "../random/random-stream.js";
import { standardNormal } from "../random/standard-normal.js";
import type { ActionMatrix, LoggedDataset } from "./logged-dataset.js";

export interface SyntheticBanditOptions {
  readonly subscribers: number;
  readonly decisionsPerSubscriber: number;
  readonly actionCount: number;
  readonly featureCount: number;
  /** Share of the logging policy that is uniform over the actions (its floor of support). */
  readonly uniformShare: number;
  readonly stream: RandomStream;
}

/** A logged dataset whose every expected reward is known, so an estimate can be scored. */
export interface SyntheticBanditLog {
  readonly log: LoggedDataset;
  /** q(x_i, a) = P(reward 1 | row i, action a), n x K. */
  readonly expectedReward: ActionMatrix;
}

/**
 * A known-answer world for off-policy evaluation (OBP's SyntheticBanditDataset, with
 * subscribers): each subscriber has a latent context z ~ N(0, I) and a hidden taste u ~ N(0, 0.5^2);
 * each decision sees x = z + N(0, 0.5^2 I) and earns a binary reward with probability
 * sigmoid(theta_a . x / sqrt(d) + b_a + u), theta ~ N(0, I), b ~ N(0, 0.5^2) drawn once. The
 * hidden taste makes one subscriber's rewards correlated (what the cluster bootstrap is for) and
 * no reward model can see it. The logging policy mixes softmax(theta_a . x / (2 sqrt(d))) with
 * uniform (`uniformShare`), so every action has support; its whole distribution is logged.
 * Every draw comes from `stream`, in a fixed order.
 */
export function syntheticBanditLog(options: SyntheticBanditOptions): SyntheticBanditLog {
  const { subscribers, decisionsPerSubscriber, actionCount: K, featureCount: d, uniformShare, stream } = options;
  const rounds = subscribers * decisionsPerSubscriber;
  const theta = Float64Array.from({ length: K * d }, () => standardNormal(stream) / Math.sqrt(d));
  const intercept = Float64Array.from({ length: K }, () => 0.5 * standardNormal(stream));
  const log = {
    rounds,
    actionCount: K,
    action: new Int32Array(rounds),
    reward: new Float64Array(rounds),
    pscore: new Float64Array(rounds),
    cluster: new Int32Array(rounds),
    featureCount: d,
    features: new Float64Array(rounds * d),
    loggingDistribution: new Float64Array(rounds * K),
  };
  const expectedReward = new Float64Array(rounds * K);
  const latent = new Float64Array(d);
  const score = new Float64Array(K);
  for (let s = 0, i = 0; s < subscribers; s++) {
    for (let k = 0; k < d; k++) latent[k] = standardNormal(stream);
    const taste = 0.5 * standardNormal(stream);
    for (let visit = 0; visit < decisionsPerSubscriber; visit++, i++) {
      for (let k = 0; k < d; k++) log.features[i * d + k] = latent[k] + 0.5 * standardNormal(stream);
      let softmaxTotal = 0;
      for (let a = 0; a < K; a++) {
        let dot = 0;
        for (let k = 0; k < d; k++) dot += theta[a * d + k] * log.features[i * d + k];
        score[a] = dot;
        expectedReward[i * K + a] = 1 / (1 + Math.exp(-(dot + intercept[a] + taste)));
        softmaxTotal += Math.exp(dot / 2);
      }
      for (let a = 0; a < K; a++) log.loggingDistribution[i * K + a] = (1 - uniformShare) * (Math.exp(score[a] / 2) / softmaxTotal) + uniformShare / K;
      const action = drawAction(log.loggingDistribution, i * K, K, stream.next());
      log.action[i] = action;
      log.pscore[i] = log.loggingDistribution[i * K + action];
      log.reward[i] = stream.next() < expectedReward[i * K + action] ? 1 : 0;
      log.cluster[i] = s;
    }
  }
  return { log, expectedReward };
}

function drawAction(distribution: Float64Array, offset: number, actionCount: number, uniform: number): number {
  let threshold = uniform;
  for (let a = 0; a < actionCount - 1; a++) {
    threshold -= distribution[offset + a];
    if (threshold < 0) return a;
  }
  return actionCount - 1;
}
