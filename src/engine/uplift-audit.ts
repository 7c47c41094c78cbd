import type { DecisionBatch, Policy } from "../policy/policy.js";
import { MOMENT_CANCELLATION } from "../scenario/vocabulary.js";
import { STATUS_ACTIVE } from "../world/state/subscriber-state.js";
import { SubscriberSnapshot } from "../world/state/subscriber-snapshot.js";
import { createContactResponse } from "../world/choice/contact-response.js";
import { qiniCurve } from "../metrics/qini-curve.js";
import type { UpliftAuditResult } from "../results/uplift-audit-result.js";
import type { ReplicateSimulation } from "./replicate-simulation.js";
import { trueChurnUplift } from "./true-churn-uplift.js";

/** The audit looks at the decisions of every this many days... */
export const UPLIFT_AUDIT_EVERY_DAYS = 30;
/** ...starting on this day (after the start of the run's first month). */
export const UPLIFT_AUDIT_FIRST_DAY = 15;
/** The audited treatment: the first eligible offer of this program, in catalogue order. */
export const UPLIFT_AUDIT_PROGRAM = "retention";

/**
 * Holds a policy's uplift model (Policy.estimateChurnUplift) against the world's true uplift:
 * on audit days, for every decision row of an active customer outside a cancellation call where
 * an offer of the retention program is eligible, the policy's estimate for the first such offer
 * and the true uplift (trueChurnUplift over objective.attributionDays). At the end, the Qini
 * curve of the estimates. Asked before the policy decides; it changes nothing in the world.
 */
export class UpliftAudit {
  private estimates = new Float64Array(4096);
  private truths = new Float64Array(4096);
  private size = 0;
  private readonly snapshot: SubscriberSnapshot;
  private readonly response = createContactResponse();
  private readonly treatments: Int32Array;

  constructor(private readonly sim: ReplicateSimulation) {
    this.snapshot = new SubscriberSnapshot(sim.state);
    this.treatments = Int32Array.from(sim.catalogue.actions.filter((action) => action.program === UPLIFT_AUDIT_PROGRAM).map((action) => action.index));
  }

  static isAuditDay(day: number): boolean {
    return day >= UPLIFT_AUDIT_FIRST_DAY && (day - UPLIFT_AUDIT_FIRST_DAY) % UPLIFT_AUDIT_EVERY_DAYS === 0;
  }

  audit(batch: DecisionBatch, policy: Policy): void {
    if (!policy.estimateChurnUplift || this.treatments.length === 0) return;
    const eligible = batch.eligibility();
    const actionCount = batch.actions.length;
    const days = this.sim.scenario.objective.attributionDays;
    for (let row = 0; row < batch.size; row++) {
      const i = batch.subscriber[row];
      if (batch.moment[row] === MOMENT_CANCELLATION || this.sim.state.status[i] !== STATUS_ACTIVE) continue;
      let action = 0;
      for (const candidate of this.treatments) {
        if (eligible[row * actionCount + candidate] === 1) {
          action = candidate;
          break;
        }
      }
      if (action === 0) continue;
      const estimate = policy.estimateChurnUplift(batch, row, action);
      if (!Number.isFinite(estimate)) continue;
      this.push(estimate, trueChurnUplift(this.sim, this.snapshot, this.response, i, action, batch.moment[row], batch.day, days));
    }
  }

  result(): UpliftAuditResult | null {
    if (this.size === 0) return null;
    const estimates = this.estimates.subarray(0, this.size);
    const truths = this.truths.subarray(0, this.size);
    const mean = (values: Float64Array) => values.reduce((sum, value) => sum + value, 0) / values.length;
    return {
      treatment: `the first eligible ${UPLIFT_AUDIT_PROGRAM} offer, every ${UPLIFT_AUDIT_EVERY_DAYS} days from day ${UPLIFT_AUDIT_FIRST_DAY}, active customers outside cancellation calls`,
      ...qiniCurve(estimates, truths),
      meanTrue: mean(truths),
      meanEstimate: mean(estimates),
    };
  }

  private push(estimate: number, truth: number): void {
    if (this.size === this.estimates.length) {
      const grow = (array: Float64Array) => {
        const next = new Float64Array(array.length * 2);
        next.set(array);
        return next;
      };
      this.estimates = grow(this.estimates);
      this.truths = grow(this.truths);
    }
    this.estimates[this.size] = estimate;
    this.truths[this.size++] = truth;
  }
}
