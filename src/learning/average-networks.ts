import type { MaskedNetwork } from "./masked-network.js";

/**
 * One network whose logits are the mean of the given networks' logits (a bagged ensemble scored
 * as fast as one wider network): the hidden layers side by side, the output weights divided by
 * their number. The networks must share their shape and input standardisation (trained on the
 * same rows).
 *
 * @example
 *   const churn = averageNetworks([first.network, second.network]); // hidden 64 = 2 x 32
 */
export function averageNetworks(networks: readonly MaskedNetwork[]): MaskedNetwork {
  const first = networks[0];
  if (networks.length === 1) return first;
  const { inputs, outputs } = first;
  const width = first.hidden;
  const hidden = width * networks.length;
  const w1 = new Float64Array(inputs * hidden);
  const b1 = new Float64Array(hidden);
  const w2 = new Float64Array(hidden * outputs);
  const b2 = new Float64Array(outputs);
  networks.forEach((network, n) => {
    if (network.inputs !== inputs || network.outputs !== outputs || network.hidden !== width) throw new Error("averageNetworks: the networks must have the same shape");
    for (let k = 0; k < inputs; k++) for (let h = 0; h < width; h++) w1[k * hidden + n * width + h] = network.w1[k * width + h];
    b1.set(network.b1, n * width);
    for (let h = 0; h < width; h++) for (let o = 0; o < outputs; o++) w2[(n * width + h) * outputs + o] = network.w2[h * outputs + o] / networks.length;
    for (let o = 0; o < outputs; o++) b2[o] += network.b2[o] / networks.length;
  });
  return { inputs, hidden, outputs, mean: first.mean, scale: first.scale, w1, b1, w2, b2 };
}
