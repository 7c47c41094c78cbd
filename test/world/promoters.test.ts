import path from "node:path";
import { describe, expect, it } from "vitest";
import { noContact } from "../../policies/no-contact.js";
import { rulesNba } from "../../policies/rules-nba.js";
import { createReplicateSimulation } from "../../src/engine/replicate-simulation.js";
import { simulateReplicate } from "../../src/engine/simulate-replicate.js";
import type { PolicyDefinition } from "../../src/policy/policy.js";
import { loadScenario, type Scenario } from "../../src/scenario/index.js";
import { MOMENT_OUTBOUND, NO_ACTION, OUTCOME_ACCEPT, TYPE_SLEEPING_DOG } from "../../src/scenario/vocabulary.js";
import { referralFactor } from "../../src/world/choice/referral-factor.js";
import { FEATURE_INDEX as F } from "../../src/world/observation/observe.js";
import { compileWorldParams } from "../../src/world/params/world-params.js";
import { grossAddCount } from "../../src/world/population/sample-population.js";
import { addDissatisfaction, dissatisfactionAt } from "../../src/world/state/decaying-levels.js";
import { allocateSubscriberState, NO_SURVEY_ANSWER, STATUS_ACTIVE } from "../../src/world/state/subscriber-state.js";
import { REPO_ROOT } from "../cli/run-cli.js";
import { policySimulation } from "../support/policy-simulation.js";
import { baselineWith } from "./baseline-scenario.js";
import { always } from "./test-policies.js";

// Promoters (Reichheld 2003: promoters bring most referrals) and the NPS survey that reveals them,
// noisily. Fixed seeds; the tolerances are stated at each check.
const SEED = 13;

describe("the promoter trait and the NPS survey", () => {
  const scenario = baselineWith({ subscribers: 30_000, days: 1 });
  const simulation = policySimulation(scenario, noContact, SEED);
  const sim = simulation.runUntil(0);
  const { state } = sim;
  const base = scenario.population.size;
  const starting = [...Array(base).keys()];
  const promoters = starting.filter((i) => state.promoter[i] === 1);
  const others = starting.filter((i) => state.promoter[i] === 0);
  const mean = (members: number[], value: (i: number) => number) => members.reduce((sum, i) => sum + value(i), 0) / members.length;

  it("makes promoters.share of the starting base promoters (within 0.01)", () => {
    expect(promoters.length / base).toBeGreaterThan(scenario.promoters.share - 0.01);
    expect(promoters.length / base).toBeLessThan(scenario.promoters.share + 0.01);
  });

  it("finds promoters more among long-tenure customers and those the network serves well", () => {
    const tenure = (i: number) => (sim.params.firstDay - state.joinDay[i]) / 365;
    const active = (members: number[]) => members.filter((i) => state.status[i] === STATUS_ACTIVE);
    const dissatisfaction = (i: number) => dissatisfactionAt(state, i, 0, sim.params);
    // Measured on this seed: mean tenure 14.6 against 9.3 years; dissatisfaction after the
    // warm-up 0.39 against 0.60. Required: a fifth more tenure, a fifth less dissatisfaction.
    expect(mean(promoters, tenure)).toBeGreaterThan(1.2 * mean(others, tenure));
    expect(mean(active(promoters), dissatisfaction)).toBeLessThan(0.8 * mean(active(others), dissatisfaction));
  });

  it("never makes a sleeping dog (who stays out of inertia and leaves when reminded) a promoter", () => {
    expect(promoters.filter((i) => state.responseType[i] === TYPE_SLEEPING_DOG)).toEqual([]);
    expect(others.filter((i) => state.responseType[i] === TYPE_SLEEPING_DOG).length).toBeGreaterThan(0.1 * base);
  });

  it("has promoters.surveyShare of the starting base answer the survey, promoters 9-10 far more often, gross adds never", () => {
    const answered = starting.filter((i) => state.surveyScore[i] !== NO_SURVEY_ANSWER);
    const top = (members: number[]) => members.filter((i) => state.surveyScore[i] >= 9).length / members.length;
    expect(answered.length / base).toBeGreaterThan(scenario.promoters.surveyShare - 0.01);
    expect(answered.length / base).toBeLessThan(scenario.promoters.surveyShare + 0.01);
    // Binomial standard errors: about 0.015 for promoters (900 answers), 0.004 for others.
    expect(top(answered.filter((i) => state.promoter[i] === 1))).toBeCloseTo(scenario.promoters.promoterTopAnswerShare, 1);
    expect(top(answered.filter((i) => state.promoter[i] === 0))).toBeCloseTo(scenario.promoters.othersTopAnswerShare, 1);
    for (let i = base; i < state.count; i++) expect(state.surveyScore[i]).toBe(NO_SURVEY_ANSWER);
  });

  it("draws from a stream of its own: the rest of the starting base is the same whatever the promoter settings", () => {
    const other = createReplicateSimulation({ scenario: { ...scenario, promoters: { ...scenario.promoters, share: 0.5, surveyShare: 0.9 } }, rootSeed: SEED, replicate: 0, policyName: "test" });
    const fresh = createReplicateSimulation({ scenario, rootSeed: SEED, replicate: 0, policyName: "test" });
    expect(other.state.joinDay).toEqual(fresh.state.joinDay);
    expect(other.state.hazardPerDay).toEqual(fresh.state.hazardPerDay);
    expect(other.state.channelPreference).toEqual(fresh.state.channelPreference);
    expect(other.state.promoter).not.toEqual(fresh.state.promoter);
  });

  it("multiplies a content promoter's referral take-up by promoters.referralFactor and everyone else's by the factor that keeps the average", () => {
    const params = compileWorldParams(scenario);
    const { share, referralFactor: factor } = scenario.promoters;
    expect(share * params.promoterReferralFactor + (1 - share) * params.otherReferralFactor).toBeCloseTo(1, 12);
    const one = allocateSubscriberState(2, 0);
    one.promoter[0] = 1;
    expect(referralFactor(one, 0, 0, params)).toBe(factor);
    expect(referralFactor(one, 1, 0, params)).toBeLessThan(0.25);
    // A promoter let down by the network recommends nobody.
    addDissatisfaction(one, 0, 0, 0.5, params);
    expect(referralFactor(one, 0, 0, params)).toBe(params.otherReferralFactor);
  });

  it("lets an offer's eligibility.minSurveyScore invite only customers who answered at least that", () => {
    const small = baselineWith({ subscribers: 5000, days: 30 });
    const invite = { ...small.offers.find((offer) => offer.id === "referral-invite-app")!, id: "promoter-invite", channel: "sms" as const };
    const run = policySimulation({ ...small, offers: [{ ...invite, eligibility: { ...invite.eligibility, minSurveyScore: 9 } }] }, always("promoter-invite"), SEED, 0, true);
    const after = run.runUntil(30);
    const log = after.log!;
    const invited = new Set<number>();
    for (let row = 0; row < log.size; row++) if (log.action[row] !== NO_ACTION) invited.add(log.subscriber[row]);
    expect(invited.size).toBeGreaterThan(100);
    for (const i of invited) expect(after.state.surveyScore[i]).toBeGreaterThanOrEqual(9);
  });
});

// A one-shot referral push with referral-push's SMS invitation (double bonus, a year of tenure):
// in the first four weeks every eligible subscriber of the target is invited once; net value is
// compared, seed by seed, with the same world under no contact (common random numbers), and
// counted per invitation. 60 % of the starting base answered the survey (a big survey programme),
// so that the survey's promoters make a group of about 2,400 a seed. 30,000 subscribers, 90 days
// and the value tail, 3 seeds.
const CAMPAIGN_DAYS = 28;
const OFFER = "referral-invite-sms";

function pushScenario(promoters: Partial<Scenario["promoters"]> = {}): Scenario {
  const { scenario } = loadScenario(path.join(REPO_ROOT, "scenarios/referral-push.yaml"));
  return {
    ...scenario,
    horizonDays: 90,
    population: { ...scenario.population, size: 30_000 },
    promoters: { ...scenario.promoters, surveyShare: 0.6, ...promoters },
    offers: scenario.offers.filter((offer) => offer.id === OFFER),
  };
}

/** Invites each eligible subscriber whom `target` picks, once, in the first four weeks; records who accepted. */
function invite(name: string, target: (x: Float32Array, f: number) => boolean, accepted: Set<number>): PolicyDefinition {
  return {
    name,
    description: `referral SMS to ${name}, once, in the first four weeks`,
    create(context) {
      const count = context.actions.length;
      const width = context.featureNames.length;
      const offer = context.actions.findIndex((action) => action.id === OFFER);
      const invited = new Set<number>();
      return {
        decide(batch, output) {
          const eligible = batch.eligibility();
          const x = batch.features();
          for (let row = 0; row < batch.size; row++) {
            const i = batch.subscriber[row];
            let action = NO_ACTION;
            if (batch.day < CAMPAIGN_DAYS && batch.moment[row] === MOMENT_OUTBOUND && !invited.has(i) && eligible[row * count + offer] === 1 && target(x, row * width)) {
              action = offer;
              invited.add(i);
            }
            output.probabilities[row * count + action] = 1;
            output.chosen[row] = action;
          }
        },
        feedback(feedback) {
          for (let row = 0; row < feedback.size; row++) if (feedback.outcome[row] === OUTCOME_ACCEPT) accepted.add(feedback.subscriber[row]);
        },
      };
    },
  };
}

const everyone = () => true;
const surveyPromoters = (x: Float32Array, f: number) => x[f + F.npsAnswer] === 1;

const REPLICATES = [0, 1, 2];
/** Net value per subscriber under no contact, per replicate: the same whatever the promoter settings (nobody is invited). */
const noContactValue = REPLICATES.map((replicate) => simulateReplicate({ scenario: pushScenario(), policy: noContact, rootSeed: SEED, replicate }).groups.all.netValuePerSub);

/** Invitations, acceptances (and how many by promoters) and net value against no contact, summed over the seeds. */
function push(scenario: Scenario, name: string, target: (x: Float32Array, f: number) => boolean) {
  const size = scenario.population.size + grossAddCount(scenario);
  let invitations = 0;
  let accepts = 0;
  let promoterAccepts = 0;
  let netValue = 0;
  for (const replicate of REPLICATES) {
    const accepted = new Set<number>();
    const result = simulateReplicate({ scenario, policy: invite(name, target, accepted), rootSeed: SEED, replicate });
    const { state } = createReplicateSimulation({ scenario, rootSeed: SEED, replicate, policyName: name });
    invitations += result.programs.referral.contacts;
    accepts += result.programs.referral.accepts;
    for (const i of accepted) promoterAccepts += state.promoter[i];
    netValue += (result.groups.all.netValuePerSub - noContactValue[replicate]) * size;
  }
  return { invitations, accepts, acceptRate: accepts / invitations, promoterShare: promoterAccepts / accepts, netValuePerInvitation: netValue / invitations };
}

describe("a referral push pays on the survey's promoters and loses on everyone", () => {
  const scenario = pushScenario();
  const broad = push(scenario, "everyone", everyone);
  const targeted = push(scenario, "survey-promoters", surveyPromoters);

  it("takes up about three times as often among customers who answered 9-10 as among everyone", () => {
    // Measured: 0.98 % of 7,215 invitations against 0.29 % of 63,202. With promoters.referralFactor 1
    // both are about 0.3 % and this fails.
    expect(targeted.invitations).toBeGreaterThan(5000);
    expect(targeted.acceptRate).toBeGreaterThan(2.5 * broad.acceptRate);
  });

  it("brings most of a broad push's referrals from promoters (Reichheld 2003: more than 80 %)", () => {
    // Measured: 80 % of 185 acceptances; 18 % (about their share of the invited) with
    // promoters.referralFactor 1.
    expect(broad.promoterShare).toBeGreaterThan(0.7);
  });

  it("gains net value per invitation on the survey's promoters and loses it on everyone", () => {
    // Measured: +3.7 per invitation on the promoters, -5.8 on everyone (sleeping dogs woken and
    // annoyance outweigh 0.29 % of new lines). With promoters.referralFactor 1 the promoters'
    // invitations lose too.
    expect(targeted.netValuePerInvitation).toBeGreaterThan(0);
    expect(broad.netValuePerInvitation).toBeLessThan(-2);
  });

  it("keeps the base's referral take-up near the offer's: a broad push takes up about as much as with no promoters (within a quarter)", () => {
    // Measured: 185 acceptances against 197 (promoters let down by the network refer less).
    const without = push(pushScenario({ referralFactor: 1 }), "everyone", everyone);
    expect(broad.accepts).toBeGreaterThan(0.75 * without.accepts);
    expect(broad.accepts).toBeLessThan(1.25 * without.accepts);
  });
});

describe("rules-nba's referral rule", () => {
  it("invites likely promoters: survey answers of 9-10 (one line or more), others with two lines or more, never a 0-6 answer", () => {
    const { scenario } = loadScenario(path.join(REPO_ROOT, "scenarios/referral-push.yaml"));
    const run = policySimulation({ ...scenario, horizonDays: 150, population: { ...scenario.population, size: 6000 } }, rulesNba, SEED, 0, true);
    const log = run.runUntil(150).log!;
    const referral = new Set(run.sim.catalogue.actions.flatMap((action, index) => (action.program === "referral" ? [index] : [])));
    const width = log.featureCount;
    let surveyPromoters = 0;
    let singleLineSurveyPromoters = 0;
    let others = 0;
    for (let row = 0; row < log.size; row++) {
      if (!referral.has(log.action[row])) continue;
      const nps = log.features[row * width + F.npsAnswer];
      const lines = log.features[row * width + F.lines];
      expect(nps, "no invitation to a customer who answered 0-6").not.toBe(-1);
      if (nps === 1) {
        surveyPromoters++;
        if (lines < 2) singleLineSurveyPromoters++;
      } else {
        expect(lines).toBeGreaterThanOrEqual(2);
        others++;
      }
    }
    // Measured: 186 invitations to survey promoters (153 with one line), 515 to others; the rule
    // before (contented, two lines or more) invited 0-6 answers too and no one-line promoter.
    expect(singleLineSurveyPromoters).toBeGreaterThan(50);
    expect(others).toBeGreaterThan(surveyPromoters);
  });
});
