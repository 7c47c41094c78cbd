import { describe, expect, it } from "vitest";
import { averageNetworks } from "../../src/learning/average-networks.js";
import { hiddenLayer, type MaskedNetwork } from "../../src/learning/masked-network.js";
import { createStream } from "../../src/random/random-stream.js";

function randomNetwork(seed: number, inputs: number, hidden: number, outputs: number): MaskedNetwork {
  const random = createStream(seed, "test/network");
  const values = (length: number) => Float64Array.from({ length }, () => 2 * random.next() - 1);
  return { inputs, hidden, outputs, mean: Float64Array.of(0.5, -1, 2), scale: Float64Array.of(2, 1, 0.5), w1: values(inputs * hidden), b1: values(hidden), w2: values(hidden * outputs), b2: values(outputs) };
}

function logits(network: MaskedNetwork, features: Float32Array): number[] {
  const hidden = new Float64Array(network.hidden);
  hiddenLayer(network, features, 0, hidden);
  return Array.from({ length: network.outputs }, (_, o) => {
    let z = network.b2[o];
    for (let h = 0; h < network.hidden; h++) z += hidden[h] * network.w2[h * network.outputs + o];
    return z;
  });
}

describe("averageNetworks", () => {
  it("scores the mean of its members' logits, output by output", () => {
    const members = [randomNetwork(1, 3, 4, 5), randomNetwork(2, 3, 4, 5), randomNetwork(3, 3, 4, 5)];
    const average = averageNetworks(members);
    expect(average.hidden).toBe(12);
    const random = createStream(9, "test/features");
    for (let trial = 0; trial < 20; trial++) {
      const features = Float32Array.from({ length: 3 }, () => 4 * random.next() - 2);
      const expected = members.map((member) => logits(member, features)).reduce((sum, each) => sum.map((value, o) => value + each[o] / members.length), [0, 0, 0, 0, 0]);
      logits(average, features).forEach((value, o) => expect(value).toBeCloseTo(expected[o], 10));
    }
  });
});
