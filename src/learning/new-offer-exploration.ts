import type { ActionInfo, FeedbackBatch } from "../policy/policy.js";
import type { RandomStream } from "../random/random-stream.js";
import { OUTCOME_ACCEPT } from "../scenario/vocabulary.js";
import { regularizedIncompleteBetaComplement } from "../metrics/regularized-incomplete-beta.js";
import type { PropensityModels } from "./propensity-models.js";

/** The prior of an unseen offer weighs as much as this many contacts (acceptance and annoyance cost). */
export const NEW_OFFER_PRIOR_CONTACTS = 20;
/** An unseen offer is first tried on this share of the decisions where it is eligible... */
export const NEW_OFFER_START_SHARE = 0.02;
/** ...a share that grows by the start share per NEW_OFFER_PRIOR_CONTACTS contacts of evidence, up to this. */
export const NEW_OFFER_MAX_SHARE = 0.2;

/**
 * Exploration of offers the models have not learned (fewer than MIN_CONTACTS_PER_ACTION logged
 * contacts: an offer launched after the history, or one rarely eligible). Such an offer is never
 * chosen by the greedy arbitration, whose scores for it would be a category average pushed to
 * everyone; instead it is tried on a share of the decisions where it is eligible:
 *
 *   share = min(MAX_SHARE, START_SHARE x (1 + n / PRIOR_CONTACTS)) x P(it pays | evidence)
 *
 * where n is its contacts so far (logged and during the run) and P(it pays) the posterior
 * probability that its acceptance beats the break-even p* = contact price / (revenue x deal
 * money), under a Beta prior with the category's logged acceptance as its mean and
 * PRIOR_CONTACTS contacts as its weight, updated by every contact's outcome. The contact price
 * is the contact cost plus the annoyance/complaint cost, which starts from the category's mean
 * (PropensityModels.experienceCost) and is updated the same way. An offer with no deal money
 * (a service action) has no break-even to test: P = 1. The share thus starts small, grows while
 * the evidence says the offer pays and shrinks when it says it does not. The probabilities
 * written are exactly those the choice is drawn from.
 */
export class NewOfferExploration {
  /** 1 for actions without a learned acceptance output. */
  readonly unseen: Uint8Array;
  /** The share of eligible decisions on which each unseen action is tried now. */
  readonly share: Float64Array;
  private readonly newActions: Int32Array;
  private readonly contacts: Float64Array;
  private readonly accepts: Float64Array;
  private readonly costSum: Float64Array;
  private readonly loggedContacts: Float64Array;
  private readonly priorAccept: Float64Array;
  private readonly priorCost: Float64Array;

  constructor(
    models: PropensityModels,
    private readonly actions: readonly ActionInfo[],
    private readonly revenue: number,
    private readonly money: Float64Array,
  ) {
    const count = actions.length;
    this.unseen = Uint8Array.from(actions, (_, a) => (a > 0 && models.acceptanceLearned[a] === 0 ? 1 : 0));
    this.newActions = Int32Array.from(actions.map((_, a) => a).filter((a) => this.unseen[a] === 1));
    this.loggedContacts = models.loggedContacts;
    this.contacts = Float64Array.from(models.loggedContacts);
    this.accepts = Float64Array.from(models.loggedAccepts);
    this.priorAccept = Float64Array.from(models.acceptancePrior);
    this.priorCost = Float64Array.from(models.experienceCost);
    this.costSum = new Float64Array(count);
    this.share = new Float64Array(count);
    for (const a of this.newActions) this.share[a] = this.shareOf(a);
  }

  /** Whether any action is explored at all (no draws are taken otherwise). */
  get active(): boolean {
    return this.newActions.length > 0;
  }

  /** Posterior mean acceptance of action a. */
  acceptance(a: number): number {
    return (NEW_OFFER_PRIOR_CONTACTS * this.priorAccept[a] + this.accepts[a]) / (NEW_OFFER_PRIOR_CONTACTS + this.contacts[a]);
  }

  /** Posterior mean annoyance/complaint cost of a contact with action a, in the objective's money. */
  cost(a: number): number {
    const prior = NEW_OFFER_PRIOR_CONTACTS + this.loggedContacts[a];
    return (this.priorCost[a] * prior + this.costSum[a]) / (prior + this.contacts[a] - this.loggedContacts[a]);
  }

  /**
   * Mixes the exploration into row `row` whose greedy choice is `greedy` (probability 1 there on
   * entry): each unseen action that `allowed` accepts gets its share, the greedy choice the rest;
   * returns the action drawn with one uniform of `random`.
   */
  mix(probabilities: Float64Array, offset: number, greedy: number, allowed: (action: number) => boolean, random: RandomStream): number {
    let total = 0;
    for (const a of this.newActions) if (a !== greedy && this.share[a] > 0 && allowed(a)) total += this.share[a];
    if (total === 0) return greedy;
    const scale = total > 1 ? 1 / total : 1;
    let threshold = random.next();
    let chosen = greedy;
    for (const a of this.newActions) {
      if (a === greedy || this.share[a] === 0 || !allowed(a)) continue;
      const p = this.share[a] * scale;
      probabilities[offset + a] = p;
      if (chosen === greedy && threshold < p) chosen = a;
      threshold -= p;
    }
    probabilities[offset + greedy] = 1 - total * scale;
    return chosen;
  }

  /** After a refit: actions that now have a learned output are scored like any other, no longer explored. */
  graduate(acceptanceLearned: Uint8Array): void {
    for (const a of this.newActions) {
      if (acceptanceLearned[a] === 0) continue;
      this.unseen[a] = 0;
      this.share[a] = 0;
    }
  }

  /** Takes the outcomes of the day's contacts with unseen actions as evidence, and updates the shares. */
  observe(feedback: FeedbackBatch): void {
    if (this.newActions.length === 0) return;
    let changed = false;
    for (let row = 0; row < feedback.size; row++) {
      const a = feedback.action[row];
      if (this.unseen[a] === 0) continue;
      this.contacts[a]++;
      if (feedback.outcome[row] === OUTCOME_ACCEPT) this.accepts[a]++;
      this.costSum[a] += this.revenue * feedback.reward[row] - feedback.value[row];
      changed = true;
    }
    if (changed) for (const a of this.newActions) if (this.unseen[a] === 1) this.share[a] = this.shareOf(a);
  }

  private shareOf(a: number): number {
    const ramp = Math.min(NEW_OFFER_MAX_SHARE, NEW_OFFER_START_SHARE * (1 + this.contacts[a] / NEW_OFFER_PRIOR_CONTACTS));
    return ramp * this.paysProbability(a);
  }

  /** P(acceptance > break-even | evidence); 1 for an action without deal money. */
  private paysProbability(a: number): number {
    const dealMoney = this.revenue * this.money[a];
    if (dealMoney <= 0) return 1;
    const breakEven = (this.revenue * this.actions[a].contactCost + this.cost(a)) / dealMoney;
    if (breakEven >= 1) return 0;
    const alpha = NEW_OFFER_PRIOR_CONTACTS * this.priorAccept[a] + this.accepts[a];
    const beta = NEW_OFFER_PRIOR_CONTACTS * (1 - this.priorAccept[a]) + this.contacts[a] - this.accepts[a];
    return regularizedIncompleteBetaComplement(Math.max(0, breakEven), alpha, beta);
  }
}
