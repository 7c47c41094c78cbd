import { createReplicateMetrics, type ReplicateMetrics } from "../metrics/replicate-metrics.js";
import type { ReplicateSimulation } from "./replicate-simulation.js";
import { stepDay } from "./step-day.js";

/** What the value tail leaves for the summary: its own counters and the day it ended. */
export interface ValueTail {
  /** Events of the tail (churned, returned, ...), apart from the run's. */
  readonly metrics: ReplicateMetrics;
  /** The first day after the tail: where the remaining value is annuitised. */
  readonly endDay: number;
}

/**
 * The value tail (economics.tailMonths, docs/kpis.md): after the horizon the world runs on for
 * `params.tailDays` more days under no contact. Effects expire on their end days, levels decay,
 * contracts end, bills and churn go on, former customers may come back; nobody is contacted
 * (every decision moment goes unanswered: the policy is not called) and nobody joins. The draws
 * continue the replicate's world streams, which never depend on the policy, so every policy's
 * tail faces the same world (common random numbers).
 *
 * Bills of the tail are counted from zero in `state.revenue` (the run's must have been read
 * before); its events go to a metrics object of their own.
 */
export function runValueTail(sim: ReplicateSimulation): ValueTail {
  const startDay = sim.scenario.horizonDays;
  const endDay = startDay + sim.params.tailDays;
  const metrics = createReplicateMetrics(endDay);
  sim.state.revenue.fill(0);
  const tailSim: ReplicateSimulation = { ...sim, metrics, morning: { ...sim.morning, metrics } };
  for (let day = startDay; day < endDay; day++) stepDay(tailSim, day).next();
  return { metrics, endDay };
}
