import type { MlpWeights } from "./mlp.js";

/** An MLP as plain JSON: layer sizes, then each layer's weights (row-major, input-major) and biases. */
export interface MlpPayload {
  readonly sizes: number[];
  readonly weights: number[][];
  readonly biases: number[][];
}

/** The network as plain JSON data (doubles survive JSON exactly). */
export function mlpToPayload(net: MlpWeights): MlpPayload {
  return { sizes: [...net.sizes], weights: net.weights.map((w) => Array.from(w)), biases: net.biases.map((b) => Array.from(b)) };
}

/**
 * The network back from `mlpToPayload`'s data; throws an Error naming the field when the
 * shapes do not fit (sizes of at least two positive integers, weights sizes[l] x sizes[l+1],
 * biases sizes[l+1], finite numbers).
 */
export function mlpFromPayload(payload: unknown): MlpWeights {
  const data = payload as Partial<MlpPayload> | null;
  const sizes = data?.sizes;
  if (!Array.isArray(sizes) || sizes.length < 2 || !sizes.every((size) => Number.isInteger(size) && size > 0)) {
    throw new Error(`model.sizes must be a list of at least two positive integers, got ${JSON.stringify(sizes)}`);
  }
  const layers = sizes.length - 1;
  const numbers = (field: string, value: unknown, length: number): Float64Array => {
    if (!Array.isArray(value) || value.length !== length || !value.every((item) => typeof item === "number" && Number.isFinite(item))) {
      throw new Error(`${field} must be a list of ${length} finite numbers, got ${Array.isArray(value) ? `${value.length} entries` : JSON.stringify(value)}`);
    }
    return Float64Array.from(value as number[]);
  };
  const weights: Float64Array[] = [];
  const biases: Float64Array[] = [];
  for (let l = 0; l < layers; l++) {
    weights.push(numbers(`model.weights[${l}]`, data?.weights?.[l], sizes[l] * sizes[l + 1]));
    biases.push(numbers(`model.biases[${l}]`, data?.biases?.[l], sizes[l + 1]));
  }
  if (data?.weights?.length !== layers || data?.biases?.length !== layers) throw new Error(`model.weights and model.biases must have ${layers} layers each`);
  return { sizes, weights, biases };
}
