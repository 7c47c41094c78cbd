import seedrandom from "seedrandom";

const WEYL_INCREMENT = 0x61c88647;
const TWO_POW_32 = 0x100000000;
const TWO_POW_MINUS_24 = 1 / 0x1000000;

/** Saved state of a stream: seedrandom's xor4096 state layout (X, i, w), plain data. */
export interface StreamState {
  readonly X: number[];
  readonly i: number;
  readonly w: number;
}

/**
 * A named uniform [0, 1) stream: Brent's xor4096 (seeded and state-compatible with
 * seedrandom's `xor4096`, never its ARC4 default), stepped by a monomorphic class so that hot
 * loops can inline it. `next()` returns exactly what `seedrandom.xor4096(seed)()` returns.
 */
export class RandomStream {
  private readonly x: Int32Array;
  private index: number;
  private weyl: number;
  /** Number of uniforms drawn so far. */
  drawn = 0;

  constructor(
    readonly path: string,
    state: StreamState,
  ) {
    this.x = Int32Array.from(state.X);
    this.index = state.i;
    this.weyl = state.w;
  }

  /** One step of the generator: the next 32-bit output, as seedrandom's `int32()`. */
  private step(): number {
    const x = this.x;
    let i = this.index;
    const w = (this.weyl = (this.weyl + WEYL_INCREMENT) | 0);
    let v = x[(i + 34) & 127];
    i = (i + 1) & 127;
    let t = x[i];
    v ^= v << 13;
    t ^= t << 17;
    v ^= v >>> 15;
    t ^= t >>> 12;
    v = x[i] = v ^ t;
    this.index = i;
    this.drawn++;
    return (v + (w ^ (w >>> 16))) | 0;
  }

  /** Next uniform in [0, 1), 32 bits of resolution: exactly seedrandom's `xor4096()`. */
  next(): number {
    return (this.step() >>> 0) / TWO_POW_32;
  }

  /** Next uniform in [0, 1) of 24 bits (exact in float32): the top 24 bits of `next()`. */
  nextFloat24(): number {
    return (this.step() >>> 8) * TWO_POW_MINUS_24;
  }

  /** Fills `target` with `nextFloat24()` uniforms, in index order. */
  fill(target: Float32Array): void {
    for (let k = 0; k < target.length; k++) target[k] = this.nextFloat24();
  }

  /** Snapshot of the generator state: plain data that can cross a worker boundary. */
  state(): StreamState {
    return { X: Array.from(this.x), i: this.index, w: this.weyl };
  }
}

/**
 * Derives a named child stream from a root seed. Streams are keyed by name, so adding a new
 * component never shifts the draws of another one.
 *
 * @example
 *   const churn = createStream(42, "replicate:0/world/churn");
 *   churn.next(); // 0.73...
 */
export function createStream(rootSeed: number, name: string): RandomStream {
  return streamAt(`${rootSeed}/${name}`);
}

/**
 * A stream derived by name from another stream's path (`PARENT/name`): for a component that
 * works inside another's preparation (a demonstrator prepared by its learner) without drawing
 * from, or shifting, the parent's stream.
 */
export function childStream(parent: RandomStream, name: string): RandomStream {
  return streamAt(`${parent.path}/${name}`);
}

/** The stream seeded by its path. */
function streamAt(path: string): RandomStream {
  const seeded = seedrandom.xor4096(path, { state: true });
  return new RandomStream(path, seeded.state() as unknown as StreamState);
}

/** Restores a stream from a `state()` snapshot. */
export function restoreStream(path: string, state: StreamState): RandomStream {
  return new RandomStream(path, state);
}
