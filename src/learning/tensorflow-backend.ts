// Type-only: TensorFlow.js is loaded on first use, so runs without an ML policy (and every worker
// thread until it meets one) do not pay for loading it.
import type * as Tf from "@tensorflow/tfjs-core";

export const TF_BACKENDS = ["wasm", "cpu", "node"] as const;
export type TfBackendName = (typeof TF_BACKENDS)[number];

/** The environment variable that carries `--tf-backend` into worker threads. */
export const TF_BACKEND_ENV = "OFFERSIM_TF_BACKEND";

let ready: Promise<typeof Tf> | null = null;

/**
 * TensorFlow.js with the chosen backend, set up once per thread: wasm by default (the .wasm
 * ships in the npm package), the plain cpu backend, or tfjs-node when the user installed it and
 * a smoke operation succeeds.
 */
export function loadTensorFlow(name: string = process.env[TF_BACKEND_ENV] ?? "wasm"): Promise<typeof Tf> {
  ready ??= setUp(name);
  return ready;
}

async function setUp(name: string): Promise<typeof Tf> {
  const tf = await import("@tensorflow/tfjs-core");
  // Production mode: no debug checks, and no console banner (the cpu backend's "install
  // tfjs-node" notice would land in a run's output).
  tf.enableProdMode();
  if (name === "wasm") await import("@tensorflow/tfjs-backend-wasm");
  else if (name === "cpu") await import("@tensorflow/tfjs-backend-cpu");
  else if (name === "node") await loadNodeBackend(tf);
  else throw new Error(`--tf-backend must be one of ${TF_BACKENDS.join(", ")}, got ${JSON.stringify(name)}`);
  const backend = name === "node" ? "tensorflow" : name;
  if (!(await tf.setBackend(backend))) throw new Error(`TensorFlow.js could not start the ${name} backend`);
  await tf.ready();
  return tf;
}

async function loadNodeBackend(tf: typeof Tf): Promise<void> {
  const moduleName = "@tensorflow/tfjs-node";
  try {
    await import(moduleName);
    const sum = tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(2)).dataSync()[0]);
    if (sum !== 3) throw new Error(`smoke test gave ${sum}`);
  } catch (error) {
    throw new Error(`--tf-backend node needs @tensorflow/tfjs-node installed and working (npm install @tensorflow/tfjs-node; it does not support Node >= 23): ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  }
}

let gradients: Promise<typeof Tf> | null = null;
let trainingReady: typeof Tf | null = null;

/**
 * TensorFlow.js ready for training if loadTensorFlowForTraining has finished in this thread,
 * else null: for a policy's synchronous `create` after its `prepare` loaded it.
 */
export function tensorFlowForTrainingIfLoaded(): typeof Tf | null {
  return trainingReady;
}

/**
 * TensorFlow.js ready for training: the backend of `loadTensorFlow` plus the gradient
 * functions, which tfjs-core's Node bundle leaves out (tfjs-layers' bundle registers them all).
 */
export function loadTensorFlowForTraining(name?: string): Promise<typeof Tf> {
  gradients ??= loadTensorFlow(name).then(async (core) => {
    await import("@tensorflow/tfjs-layers");
    trainingReady = core;
    return core;
  });
  return gradients;
}

/**
 * The TensorFlow.js of `loadTensorFlowForTraining`, for synchronous code (a policy refitting in
 * its `feedback`) once that promise has resolved in the same thread (in the policy's `prepare`).
 */
export function loadedTensorFlowForTraining(): typeof Tf {
  if (!trainingReady) throw new Error("TensorFlow.js is not loaded in this thread: await loadTensorFlowForTraining() first (in prepare)");
  return trainingReady;
}
