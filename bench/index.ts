import { loadScenario } from "../src/scenario/load-scenario.js";
import { measureWorldThroughput } from "./world-throughput.js";
import { measurePolicyThroughput } from "./policy-throughput.js";
import { BUILTIN_POLICIES } from "../src/policy/builtin-policies.js";
import { measureWorkerSpeedup } from "./worker-speedup.js";
import { measureMlTraining } from "./ml-train.js";
import os from "node:os";

/**
 * `npm run bench [-- --json] [-- --subscribers N]`: single-threaded benchmarks. Prints a table,
 * or one JSON object with --json.
 */
const args = process.argv.slice(2);
const json = args.includes("--json");
const sizeFlag = args.indexOf("--subscribers");
const subscribers = sizeFlag >= 0 ? Number(args[sizeFlag + 1]) : 50_000;

const { scenario: baseline } = loadScenario("scenarios/baseline.yaml");
const scenario = { ...baseline, population: { ...baseline.population, size: subscribers } };
// One untimed pass on a small base lets the JIT settle before timing.
measureWorldThroughput({ ...scenario, population: { ...scenario.population, size: 5000 }, horizonDays: 60 }, 1);
const world = measureWorldThroughput(scenario);
const policyScenario = { ...baseline, population: { ...baseline.population, size: 10_000 }, horizonDays: 120 };
const policyDecisionsPerSec: Record<string, number> = {};
for (const policy of BUILTIN_POLICIES) policyDecisionsPerSec[policy.name] = Math.round((await measurePolicyThroughput(policyScenario, policy)).decisionsPerSec);
const mlTraining = await measureMlTraining(baseline);

const workers = Math.max(2, os.availableParallelism());
const speedup = await measureWorkerSpeedup({ ...baseline, population: { ...baseline.population, size: 20_000 } }, workers, 2 * workers);

const result = {
  subscriberDaysPerSec: Math.round(world.subscriberDaysPerSec),
  bareLoopPerSec: Math.round(world.bareLoopPerSec),
  ratio: Number(world.ratio.toFixed(3)),
  world: { subscribers: world.subscribers, days: world.days, drawsPerSubscriberDay: Number(world.drawsPerSubscriberDay.toFixed(3)), loopSeconds: Number(world.loopSeconds.toFixed(2)) },
  policyDecisionsPerSec,
  mlTrainSecondsPer1M: Number(mlTraining.secondsPer1M.toFixed(1)),
  mlTrainCpuSecondsPer1M: Number(mlTraining.cpuSecondsPer1M.toFixed(1)),
  workerSpeedup: { workers, speedup: Number(speedup.speedup.toFixed(2)), oneWorkerSeconds: Number(speedup.oneWorkerSeconds.toFixed(2)), seconds: Number(speedup.seconds.toFixed(2)) },
  node: process.version,
};

if (json) console.log(JSON.stringify(result));
else {
  console.log(`world (no-contact, ${world.subscribers} subscribers x ${world.days} days, one thread)`);
  console.log(`  subscriber-days/s  ${(world.subscriberDaysPerSec / 1e6).toFixed(2)} M`);
  console.log(`  bare RNG loop      ${(world.bareLoopPerSec / 1e6).toFixed(2)} M (${world.drawsPerSubscriberDay.toFixed(2)} uniforms per subscriber-day)`);
  console.log(`  ratio              ${world.ratio.toFixed(3)}`);
  console.log("policy decisions (with updates) per second, 10,000 subscribers x 120 days");
  for (const [name, rate] of Object.entries(policyDecisionsPerSec)) console.log(`  ${name.padEnd(20)} ${rate}`);
  console.log(`propensity network training: ${mlTraining.secondsPer1M.toFixed(1)} s (${mlTraining.cpuSecondsPer1M.toFixed(1)} s of CPU) per 1,000,000 logged contacts (${mlTraining.rows} resampled from ${mlTraining.loggedContacts} logged)`);
  console.log(`worker pool: ${2 * workers} no-contact tasks, 1 worker ${speedup.oneWorkerSeconds.toFixed(1)} s, ${workers} workers ${speedup.seconds.toFixed(1)} s: speed-up ${speedup.speedup.toFixed(2)}x`);
}
