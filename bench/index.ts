import { loadScenario } from "../src/scenario/load-scenario.js";
import { measureWorldThroughput } from "./world-throughput.js";
import { measurePolicyThroughput } from "./policy-throughput.js";
import { BUILTIN_POLICIES } from "../policies/builtin-policies.js";
import { measureWorkerSpeedup } from "./worker-speedup.js";
import { measureMlTraining } from "./ml-train.js";
import { measureRlTraining, type RlTrainingBench } from "./rl-train.js";
import { measureParallelCeiling } from "./parallel-ceiling.js";
import { measureOpeThroughput } from "./ope-throughput.js";
import { measureValueTailCost } from "./value-tail-cost.js";
import os from "node:os";
import { measureLogOverhead, type LogOverhead } from "./log-overhead.js";
import { findBuiltinPolicy } from "../policies/builtin-policies.js";

/**
 * `npm run bench [-- --json] [-- --subscribers N] [-- --workers N] [-- --speedup-only] [-- --ope-only] [-- --log-only [--log-subscribers N]] [-- --tail-only]`:
 * single-threaded benchmarks, then the worker pool's speed-up. Prints a table, or one JSON
 * object with --json. --speedup-only skips the single-threaded part; --ope-only runs only the
 * off-policy estimators' section; --log-only only the decision log's overhead, file size and
 * peak RSS (a process of its own gives a clean peak), on --log-subscribers (10,000) for a year;
 * --tail-only only the value tail's cost; --rl-only only the DQN's training throughput.
 */
/** What --log-decisions may add to a run's time (issue 15). */
const LOG_OVERHEAD_TARGET = 0.5;

const args = process.argv.slice(2);
const json = args.includes("--json");
const numberFlag = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const subscribers = numberFlag("--subscribers", 50_000);
const speedupOnly = args.includes("--speedup-only");
const ope = speedupOnly || args.includes("--rl-only") ? null : measureOpeThroughput();
const fixedMs = (times: Record<string, number>) => Object.fromEntries(Object.entries(times).map(([name, ms]) => [name, Number(ms.toFixed(3))]));
if (args.includes("--ope-only")) {
  if (json) console.log(JSON.stringify({ ope: { ...ope!, medianMs: fixedMs(ope!.medianMs), minMs: fixedMs(ope!.minMs) }, node: process.version }));
  else printOpe();
  process.exit(0);
}

const { scenario: baseline } = loadScenario("scenarios/baseline.yaml");
if (args.includes("--rl-only")) {
  const rl = await measureRlTraining(baseline);
  if (json) console.log(JSON.stringify({ rlTraining: rl, node: process.version }));
  else printRl(rl);
  process.exit(0);
}
const logScenario = { ...baseline, population: { ...baseline.population, size: numberFlag("--log-subscribers", 10_000) } };
if (args.includes("--log-only")) {
  const log = measureLogOverhead(logScenario, findBuiltinPolicy("rules-nba")!, 1);
  if (json) console.log(JSON.stringify({ log, node: process.version }));
  else printLog(log);
  process.exit(0);
}
// The value tail on the npm start task's size: 10,000 subscribers, a year.
const tail = speedupOnly ? null : measureValueTailCost({ ...baseline, population: { ...baseline.population, size: 10_000 } });
if (args.includes("--tail-only")) {
  if (json) console.log(JSON.stringify({ valueTail: tail, node: process.version }));
  else printTail();
  process.exit(0);
}
const scenario = { ...baseline, population: { ...baseline.population, size: subscribers } };
// One untimed pass on a small base lets the JIT settle before timing.
measureWorldThroughput({ ...scenario, population: { ...scenario.population, size: 5000 }, horizonDays: 60 }, 1);
const world = speedupOnly ? null : measureWorldThroughput(scenario);
const policyScenario = { ...baseline, population: { ...baseline.population, size: 10_000 }, horizonDays: 120 };
const policyDecisionsPerSec: Record<string, number> = {};
if (!speedupOnly) {
  for (const policy of BUILTIN_POLICIES) policyDecisionsPerSec[policy.name] = Math.round((await measurePolicyThroughput(policyScenario, policy)).decisionsPerSec);
}
const mlTraining = speedupOnly ? null : await measureMlTraining(baseline);
const rlTraining = speedupOnly ? null : await measureRlTraining(baseline);
const log = speedupOnly ? null : measureLogOverhead(logScenario, findBuiltinPolicy("rules-nba")!);

const workers = numberFlag("--workers", Math.max(2, os.availableParallelism()));
const speedup = await measureWorkerSpeedup({ ...baseline, population: { ...baseline.population, size: 20_000 } }, workers, 2 * workers);
const ceiling = await measureParallelCeiling(workers);
const fixed = (value: number) => Number(value.toFixed(2));

const result = {
  ...(world && {
    subscriberDaysPerSec: Math.round(world.subscriberDaysPerSec),
    bareLoopPerSec: Math.round(world.bareLoopPerSec),
    ratio: Number(world.ratio.toFixed(3)),
    world: { subscribers: world.subscribers, days: world.days, drawsPerSubscriberDay: Number(world.drawsPerSubscriberDay.toFixed(3)), loopSeconds: Number(world.loopSeconds.toFixed(2)) },
  }),
  policyDecisionsPerSec,
  ...(tail && { valueTail: tail }),
  ...(ope && { ope: { ...ope, medianMs: fixedMs(ope.medianMs), minMs: fixedMs(ope.minMs) } }),
  ...(log && { log }),
  ...(mlTraining && {
    mlTrainSecondsPer1M: Number(mlTraining.secondsPer1M.toFixed(1)),
    mlTrainCpuSecondsPer1M: Number(mlTraining.cpuSecondsPer1M.toFixed(1)),
  }),
  ...(rlTraining && { rlTraining }),
  workerSpeedup: {
    workers,
    tasks: speedup.tasks,
    speedup: fixed(speedup.speedup),
    poolScaling: fixed(speedup.poolScaling),
    mainThreadSeconds: fixed(speedup.mainThreadSeconds),
    oneWorkerSeconds: fixed(speedup.oneWorkerSeconds),
    seconds: fixed(speedup.seconds),
    roundSpeedups: speedup.roundSpeedups.map(fixed),
    machineCeiling: { compute: fixed(ceiling.compute), memory: fixed(ceiling.memory) },
  },
  node: process.version,
};

if (json) console.log(JSON.stringify(result));
else if (!world) printSpeedup();
else {
  console.log(`world (no-contact, ${world.subscribers} subscribers x ${world.days} days, one thread)`);
  console.log(`  subscriber-days/s  ${(world.subscriberDaysPerSec / 1e6).toFixed(2)} M`);
  console.log(`  bare RNG loop      ${(world.bareLoopPerSec / 1e6).toFixed(2)} M (${world.drawsPerSubscriberDay.toFixed(2)} uniforms per subscriber-day)`);
  console.log(`  ratio              ${world.ratio.toFixed(3)}`);
  console.log("policy decisions (with updates) per second, 10,000 subscribers x 120 days");
  for (const [name, rate] of Object.entries(policyDecisionsPerSec)) console.log(`  ${name.padEnd(20)} ${rate}`);
  printTail();
  printOpe();
  if (log) printLog(log);
  if (mlTraining) console.log(`propensity network training: ${mlTraining.secondsPer1M.toFixed(1)} s (${mlTraining.cpuSecondsPer1M.toFixed(1)} s of CPU) per 1,000,000 logged contacts (${mlTraining.rows} resampled from ${mlTraining.loggedContacts} logged)`);
  if (rlTraining) printRl(rlTraining);
  printSpeedup();
}

function printRl(rl: RlTrainingBench): void {
  const model = rl.defaultModel;
  console.log(`dqn training (baseline's training section: ${model.episodes} episodes x ${model.episodeDays} days x ${model.subscribers.toLocaleString("en")} subscribers, one thread)`);
  console.log(`  default model: ${model.seconds.toFixed(1)} s (${model.cpuSeconds.toFixed(1)} s of CPU), ${model.transitions.toLocaleString("en")} transitions, ${model.gradientSteps.toLocaleString("en")} gradient steps (of which the demonstrator propensity-nba's models: ${rl.demonstratorSeconds.toFixed(1)} s)`);
  console.log(`  environment transitions/s (no learning) ${rl.transitionsPerSec.toFixed(0)}; gradient steps/s (batch ${rl.batchSize}) ${rl.gradientStepsPerSec.toFixed(1)}`);
}

function printSpeedup(): void {
  console.log(`worker pool: ${speedup.tasks} no-contact tasks of 20,000 subscribers, best of ${speedup.roundSpeedups.length} rounds`);
  console.log(`  main thread (no worker) ${speedup.mainThreadSeconds.toFixed(2)} s, pool of 1 (--workers 1) ${speedup.oneWorkerSeconds.toFixed(2)} s, pool of ${workers} ${speedup.seconds.toFixed(2)} s`);
  console.log(`  speed-up ${speedup.speedup.toFixed(2)}x (pool of 1 -> ${workers}: ${speedup.poolScaling.toFixed(2)}x; rounds ${speedup.roundSpeedups.map((value) => value.toFixed(2)).join(", ")})`);
  console.log(`  machine ceiling with ${workers} threads: arithmetic ${ceiling.compute.toFixed(2)}x, memory sweep ${ceiling.memory.toFixed(2)}x`);
}

function printTail(): void {
  if (!tail) return;
  console.log(`value tail (no-contact, ${tail.subscribers.toLocaleString("en")} subscribers, one thread, fastest of 3)`);
  console.log(`  warm-up + ${tail.horizonDays} days ${tail.runSeconds.toFixed(2)} s; tail of ${tail.tailDays} days and summary ${tail.tailSeconds.toFixed(2)} s (summary without a tail ${tail.noTailSummarySeconds.toFixed(3)} s)`);
}

function printOpe(): void {
  if (!ope) return;
  console.log(`off-policy estimators, ${ope.rows.toLocaleString("en")} logged rows x ${ope.actions} actions, median (fastest) of ${ope.repeats} runs`);
  for (const [name, ms] of Object.entries(ope.medianMs)) console.log(`  ${name.padEnd(20)} ${ms.toFixed(2)} ms (${ope.minMs[name].toFixed(2)} ms)`);
}

function printLog(log: LogOverhead): void {
  console.log(`decision log (--log-decisions, Parquet), ${log.policy}, ${log.subscribers.toLocaleString("en")} subscribers x ${log.days} days, one thread`);
  console.log(`  ${log.decisions.toLocaleString("en")} decisions: ${log.plainSeconds.toFixed(2)} s without the log, ${log.loggedSeconds.toFixed(2)} s with it (+${(log.overhead * 100).toFixed(0)} %)`);
  console.log(`  CPU: ${log.plainCpuSeconds.toFixed(2)} s without, ${log.loggedCpuSeconds.toFixed(2)} s with it (+${(log.cpuOverhead * 100).toFixed(0)} %; target at most +${(LOG_OVERHEAD_TARGET * 100).toFixed(0)} %)`);
  console.log(`  file ${(log.fileBytes / 2 ** 20).toFixed(1)} MiB (${log.bytesPerDecision.toFixed(0)} bytes per decision), peak RSS of the process ${log.peakRssMiB.toFixed(0)} MiB`);
}
