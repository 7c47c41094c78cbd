import { loadScenario } from "../src/scenario/load-scenario.js";
import { simulateReplicate } from "../src/engine/simulate-replicate.js";
import { noContact } from "../policies/no-contact.js";
import { findBuiltinPolicy } from "../policies/builtin-policies.js";

/**
 * Prints the calibration figures of a scenario under no-contact (or the policy named by the
 * second argument): monthly churn per plan type, ARPU, churn by quarter.
 * Usage: node dist/bench/calibrate.js [scenario] [policy] [subscribers] [replicates]
 */
const [file = "scenarios/baseline.yaml", policyName = "no-contact", size = "50000", replicates = "2"] = process.argv.slice(2);
const loaded = loadScenario(file);
const scenario = { ...loaded.scenario, population: { ...loaded.scenario.population, size: Number(size) } };
const policy = findBuiltinPolicy(policyName) ?? noContact;
for (let replicate = 0; replicate < Number(replicates); replicate++) {
  const result = simulateReplicate({ scenario, policy, rootSeed: scenario.seed, replicate });
  const g = result.groups;
  const pct = (x: number) => (x * 100).toFixed(3) + "%";
  console.log(`replicate ${replicate} (${result.wallSeconds.toFixed(1)} s, ${(result.subscriberDays / result.wallSeconds / 1e6).toFixed(1)} M active sub-days/s)`);
  for (const group of ["all", "prepaid", "postpaid", "broadband", "tv", "strategic", "transactional", "disengaged"] as const) {
    console.log(`  ${group.padEnd(14)} churn ${pct(g[group].churnRateMonthly)}  arpu ${g[group].arpu.toFixed(2)}  contacts/sub-month ${g[group].contactsPerSubMonth.toFixed(3)} accept ${pct(g[group].acceptRate)} annoy ${g[group].annoyance.toFixed(3)} netValue/sub ${g[group].netValuePerSub.toFixed(1)} clv ${g[group].clv.toFixed(1)}`);
  }
  const quarters = [0, 1, 2, 3].map((q) => {
    const periods = result.series.filter((p) => p.startDay >= q * 91 && p.startDay < (q + 1) * 91);
    return periods.reduce((s, p) => s + p.churnRateMonthly, 0) / Math.max(1, periods.length);
  });
  console.log("  quarters", quarters.map(pct).join(" "));
}
