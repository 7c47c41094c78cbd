import type { ActionInfo, DecisionBatch, Policy } from "../policy/policy.js";
import type { ActionMatrix } from "./logged-dataset.js";

/** Logged decisions as the target policy is shown them again: rows in day order. */
export interface LoggedBatches {
  readonly rows: number;
  readonly day: Int32Array;
  readonly subscriber: Int32Array;
  /** Moment code per row (index into MOMENT_KINDS). */
  readonly moment: Uint8Array;
  readonly featureNames: readonly string[];
  /** rows x featureNames.length, as logged. */
  readonly features: Float32Array;
  /** rows x actions.length, as logged. */
  readonly eligible: Uint8Array;
}

/**
 * The target policy's action distribution on logged decisions: its `decide` is called once per
 * logged day on a batch rebuilt from the log (the day's rows, their features and eligibility),
 * and its probabilities are copied out, rows x actions. The target does not learn from the log
 * (no `feedback`): it is evaluated as it decides. Throws when the log is not in day order.
 */
export function targetDistribution(policy: Policy, actions: readonly ActionInfo[], logged: LoggedBatches): ActionMatrix {
  const actionCount = actions.length;
  const width = logged.featureNames.length;
  const out = new Float64Array(logged.rows * actionCount);
  for (let from = 0; from < logged.rows; ) {
    const day = logged.day[from];
    let to = from + 1;
    while (to < logged.rows && logged.day[to] === day) to++;
    if (to < logged.rows && logged.day[to] < day) throw new Error(`the log is not in day order: row ${to} is on day ${logged.day[to]}, after day ${day}`);
    const size = to - from;
    const features = logged.features.slice(from * width, to * width);
    const eligibility = logged.eligible.slice(from * actionCount, to * actionCount);
    const batch: DecisionBatch = {
      day,
      size,
      subscriber: logged.subscriber.slice(from, to),
      moment: logged.moment.slice(from, to),
      actions,
      featureNames: logged.featureNames,
      features: () => features,
      eligibility: () => eligibility,
    };
    const probabilities = out.subarray(from * actionCount, to * actionCount);
    policy.decide(batch, { probabilities, chosen: new Int32Array(size) });
    from = to;
  }
  return out;
}
