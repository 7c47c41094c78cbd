import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Scenario } from "../src/scenario/scenario-schema.js";
import type { PolicyDefinition } from "../src/policy/policy.js";
import { simulateReplicate } from "../src/engine/simulate-replicate.js";
import { findLogPartitions } from "../src/log/read-decision-log.js";

export interface LogOverhead {
  readonly subscribers: number;
  readonly days: number;
  readonly policy: string;
  readonly decisions: number;
  /** Fastest of `repeats` runs each, one thread. */
  readonly plainSeconds: number;
  readonly loggedSeconds: number;
  /** loggedSeconds / plainSeconds - 1. */
  readonly overhead: number;
  /** The same in CPU seconds of the process (user + system): steadier than wall time on a shared machine. */
  readonly plainCpuSeconds: number;
  readonly loggedCpuSeconds: number;
  readonly cpuOverhead: number;
  readonly fileBytes: number;
  readonly bytesPerDecision: number;
  /** The process's peak resident set so far (process.resourceUsage().maxRSS), in MiB. */
  readonly peakRssMiB: number;
}

/**
 * What --log-decisions costs: one (policy, seed) run of `scenario` in this thread without and
 * with the Parquet log (the default columns), fastest of `repeats` each, alternating; and the
 * file's size. The log goes to a temporary folder, removed afterwards.
 */
export function measureLogOverhead(scenario: Scenario, policy: PolicyDefinition, repeats = 2): LogOverhead {
  const dir = mkdtempSync(path.join(tmpdir(), "offersim-bench-log-"));
  let plainSeconds = Number.POSITIVE_INFINITY;
  let loggedSeconds = Number.POSITIVE_INFINITY;
  let plainCpuSeconds = Number.POSITIVE_INFINITY;
  let loggedCpuSeconds = Number.POSITIVE_INFINITY;
  const cpuSince = (start: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1e6;
  };
  let decisions = 0;
  let fileBytes = 0;
  try {
    for (let round = 0; round < repeats; round++) {
      let started = performance.now();
      let cpu = process.cpuUsage();
      const plain = simulateReplicate({ scenario, policy, rootSeed: scenario.seed, replicate: 0 });
      plainSeconds = Math.min(plainSeconds, (performance.now() - started) / 1000);
      plainCpuSeconds = Math.min(plainCpuSeconds, cpuSince(cpu));
      decisions = plain.decisions;
      const logDir = path.join(dir, `round-${round}`);
      const logTo = { dir: logDir, format: "parquet" as const, runId: "bench", scenarioHash: "bench", distribution: false, expectedValues: false };
      started = performance.now();
      cpu = process.cpuUsage();
      simulateReplicate({ scenario, policy, rootSeed: scenario.seed, replicate: 0, logTo });
      loggedSeconds = Math.min(loggedSeconds, (performance.now() - started) / 1000);
      loggedCpuSeconds = Math.min(loggedCpuSeconds, cpuSince(cpu));
      fileBytes = findLogPartitions(logDir).reduce((sum, partition) => sum + statSync(partition.file).size, 0);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    subscribers: scenario.population.size,
    days: scenario.horizonDays,
    policy: policy.name,
    decisions,
    plainSeconds,
    loggedSeconds,
    overhead: loggedSeconds / plainSeconds - 1,
    plainCpuSeconds,
    loggedCpuSeconds,
    cpuOverhead: loggedCpuSeconds / plainCpuSeconds - 1,
    fileBytes,
    bytesPerDecision: fileBytes / decisions,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  };
}
