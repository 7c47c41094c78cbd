import type * as tfCore from "@tensorflow/tfjs-core";
import type { RandomStream } from "../random/random-stream.js";
import { hiddenLayer, outputProbability, type MaskedNetwork } from "./masked-network.js";
import { averageNetworks } from "./average-networks.js";
import { standardisation, trainMaskedNetwork, type MaskedTrainingSet, type TrainOptions } from "./train-masked-network.js";

/** A cross-fitted bag: the members averaged into one network, and every training row scored by the member that never saw it. */
export interface CrossFittedBag {
  /** The members scored as one (the mean of their logits: averageNetworks). */
  readonly network: MaskedNetwork;
  /** Member k, trained on the rows outside fold k. */
  readonly members: readonly MaskedNetwork[];
  /** Per training row (in `data.rows` order), the probability of output `scoredOutput` by the member trained without the row's fold. */
  readonly outOfFold: Float64Array;
  /** The members' training loss per epoch, averaged. */
  readonly lossPerEpoch: number[];
}

/** The fold (0 .. folds - 1) of a subscriber: all of a subscriber's rows fall in one fold, so a member never sees the customer it scores out of fold. */
export function foldOf(subscriber: number, folds: number): number {
  return (Math.imul(subscriber + 1, 0x9e3779b1) >>> 16) % folds;
}

/**
 * Trains `folds` networks, member k on the rows outside fold k (folds by subscriber, foldOf),
 * all with the standardisation of the whole set so that they average into one network. Each
 * row's out-of-fold prediction is the probability of output `scoredOutput` (e.g. 0, the
 * untreated arm) by the member that did not train on it: an honest prediction for estimates
 * made on the same rows (cross-fitting), at the cost of each member seeing (folds - 1) / folds
 * of the rows.
 *
 * @example
 *   const bag = trainCrossFittedBag(tf, churnSet, history.subscriber, { folds: 3, scoredOutput: 0 }, options, random);
 *   bag.outOfFold[k]; // p(churn | no action) of row churnSet.rows[k] by the member that never saw its subscriber
 */
export function trainCrossFittedBag(tf: typeof tfCore, data: MaskedTrainingSet, subscriberOfRow: Int32Array, fit: { folds: number; scoredOutput: number }, options: TrainOptions, random: RandomStream): CrossFittedBag {
  const { folds, scoredOutput } = fit;
  const fold = Int32Array.from(data.rows, (row) => foldOf(subscriberOfRow[row], folds));
  const shared = options.standardisation ?? standardisation(data);
  const members = Array.from({ length: folds }, (_, k) => {
    const keep = (index: number) => fold[index] !== k;
    const subset = pick(data, keep);
    return trainMaskedNetwork(tf, subset, { ...options, standardisation: shared }, random);
  });
  const outOfFold = new Float64Array(data.rows.length);
  const hidden = new Float64Array(options.hidden);
  for (let index = 0; index < data.rows.length; index++) {
    const member = members[fold[index]].network;
    hiddenLayer(member, data.features, data.rows[index], hidden);
    outOfFold[index] = outputProbability(member, hidden, scoredOutput);
  }
  const lossPerEpoch = members[0].lossPerEpoch.map((_, epoch) => members.reduce((sum, member) => sum + member.lossPerEpoch[epoch], 0) / members.length);
  const networks = members.map((member) => member.network);
  return { network: averageNetworks(networks), members: networks, outOfFold, lossPerEpoch };
}

/** The training set restricted to the rows (by position in `data.rows`) that `keep` accepts. */
function pick(data: MaskedTrainingSet, keep: (index: number) => boolean): MaskedTrainingSet {
  const positions: number[] = [];
  for (let index = 0; index < data.rows.length; index++) if (keep(index)) positions.push(index);
  return {
    ...data,
    rows: Int32Array.from(positions, (index) => data.rows[index]),
    target: Int32Array.from(positions, (index) => data.target[index]),
    label: Uint8Array.from(positions, (index) => data.label[index]),
  };
}
