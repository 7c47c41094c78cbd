import { describe, expect, it } from "vitest";
import { createEnvironment, playDay } from "../../src/engine/environment.js";
import { simulateReplicate } from "../../src/engine/simulate-replicate.js";
import { UpliftAudit } from "../../src/engine/uplift-audit.js";
import { trueChurnUplift } from "../../src/engine/true-churn-uplift.js";
import { SubscriberSnapshot } from "../../src/world/state/subscriber-snapshot.js";
import { createContactResponse } from "../../src/world/choice/contact-response.js";
import type { Policy, PolicyDefinition } from "../../src/policy/policy.js";
import { random } from "../../policies/random.js";
import { baselineWith } from "../world/baseline-scenario.js";

const scenario = baselineWith({ subscribers: 1500, days: 80 });

/** Plays `random` on the scenario with the audit, estimates given by `estimate` (which may read the true uplift). */
function auditRun(estimate: (truth: number) => number) {
  const environment = createEnvironment(scenario, { seed: 5, replicate: 0, agentName: "random" });
  const sim = environment.simulation;
  const snapshot = new SubscriberSnapshot(sim.state);
  const response = createContactResponse();
  const inner = random.create(environment.policyContext(random, undefined));
  const policy: Policy = {
    ...inner,
    estimateChurnUplift: (batch, row, action) => estimate(trueChurnUplift(sim, snapshot, response, batch.subscriber[row], action, batch.moment[row], batch.day, scenario.objective.attributionDays)),
  };
  const audit = new UpliftAudit(sim);
  let observation = environment.reset();
  for (;;) {
    if (UpliftAudit.isAuditDay(observation.day)) audit.audit(observation.batch, policy);
    const step = playDay(environment, policy, observation, "random");
    if (step.done) break;
    observation = step.observation!;
  }
  return { audit: audit.result()!, kpis: environment.result().groups.all };
}

describe("the uplift audit: an uplift model against the world's true uplift", () => {
  it("scores the true uplift itself 1 and its reverse below 0, on the retention offers of active customers", () => {
    const perfect = auditRun((truth) => truth);
    expect(perfect.audit.pairs).toBeGreaterThan(200);
    expect(perfect.audit.coefficient).toBeCloseTo(1, 10);
    expect(perfect.audit.meanEstimate).toBeCloseTo(perfect.audit.meanTrue, 12);
    const reversed = auditRun((truth) => -truth);
    expect(reversed.audit.coefficient).toBeLessThan(0);
  });

  it("changes nothing in the world: the audited run's KPIs equal a plain run's", () => {
    const audited = auditRun((truth) => truth);
    const plain = simulateReplicate({ scenario, policy: random, rootSeed: 5, replicate: 0 });
    expect(audited.kpis).toEqual(plain.groups.all);
  });

  it("reports an audit for a policy with an uplift model, and none for one without", () => {
    const estimating: PolicyDefinition = { ...random, name: "random", create: (context) => ({ ...random.create(context), estimateChurnUplift: () => 0.01 }) };
    expect(simulateReplicate({ scenario, policy: estimating, rootSeed: 5, replicate: 0 }).upliftAudit?.pairs).toBeGreaterThan(200);
    expect(simulateReplicate({ scenario, policy: random, rootSeed: 5, replicate: 0 }).upliftAudit).toBeUndefined();
  });
});
