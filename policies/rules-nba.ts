import type { PolicyDefinition } from "../src/policy/policy.js";
import type { Program } from "../src/scenario/vocabulary.js";
import { MOMENT_CANCELLATION, NO_ACTION } from "../src/scenario/vocabulary.js";
import { inServiceDisruption, otherLinesDisrupted } from "../src/policy/service-disruption.js";
import { FEATURE_INDEX as F } from "../src/world/observation/observe.js";
import { actionsByProgram, choose, firstEligible } from "../src/policy/action-lookup.js";

const RENEWAL_WINDOW_YEARS = 0.25;
const FULL_ALLOWANCE = 0.9;
const ONBOARDING_YEARS = 90 / 365;
const LOYALTY_YEARS = 2;
const DEVICE_AGE_YEARS = 2;
const REFERRAL_YEARS = 1;
/** A customer with a year of tenure gets a thank-you touch when nothing else is due. */
const TOUCH_YEARS = 1;
/**
 * Projected data use below this share of the allowance: the customer pays for more than they
 * use, and a renewal pitch would remind them to compare (salience backfire).
 */
const OVERPAYING_USE = 0.5;

/**
 * NBA by business rules, context first, as the CVM document describes: save a customer calling
 * to cancel; after network problems apologise or fix, and pause selling (for a strategic
 * customer also after problems on the other lines of the account); with payments overdue offer a plan and sell nothing; then the moment's need: a
 * household whose line just ported out (a proactive retention offer), a move, a contract ending, an
 * allowance running out, a trip, the first 90 days, a phone two years old or more, a
 * long-standing strategic customer (loyalty), a likely promoter (referral: contented, and a survey
 * answer of 9-10 or two lines or more without a detractor's answer), a former
 * customer to win back; a contented customer with nothing else due gets a small thank-you
 * touch at most once a month (keep in touch, don't spam). No renewal pitch to a customer in
 * contract who overpays (it reminds them to compare). At most one commercial contact a week.
 */
export const rulesNba: PolicyDefinition = rulesNbaWith({ serviceRules: true });

/** Switches of rules-nba, for tests that take a rule away (the CI gate's power test). */
export interface RulesNbaOptions {
  /** After network problems apologise or fix, and pause selling (default on). */
  readonly serviceRules: boolean;
  /** The account view: a remedy after a bad week on the account's other lines (default on). */
  readonly accountServiceRule?: boolean;
  /** The account view: a retention offer after a line of the account ported out (default on). */
  readonly lineLeftRetention?: boolean;
}

/** rules-nba with some of its rules switched off; it keeps the name rules-nba. */
export function rulesNbaWith(options: RulesNbaOptions): PolicyDefinition {
  return {
    name: "rules-nba",
    relativeCost: 3,
    description: options.serviceRules
      ? "NBA by business rules: service and payment context first, then the need of the moment; pauses selling during problems."
      : "rules-nba without its service rules: no apology or fix after network problems, and selling goes on",
    create(context) {
      const accountService = options.accountServiceRule ?? true;
      const lineLeftRetention = options.lineLeftRetention ?? true;
      const count = context.actions.length;
      const width = context.featureNames.length;
      const byProgram = actionsByProgram(context.actions);
      const of = (program: Program, filter: (index: number) => boolean = () => true) => (byProgram.get(program) ?? []).filter(filter);
      const inbound = (index: number) => context.actions[index].channel === "inbound";
      const save = [...of("retention", inbound), ...of("renewal", inbound)];
      const proactiveRetention = of("retention", (index) => !inbound(index));
      const service = of("proactive-service");
      const payments = of("payments");
      const moving = of("moving-house");
      const renewal = of("renewal");
      const dataUpsell = of("upsell", (index) => context.actions[index].category === "data");
      const roaming = of("roaming");
      const onboarding = of("onboarding");
      const loyalty = of("loyalty");
      // The cheapest loyalty action is the thank-you touch; the dearer ones are rewards.
      const touch = [...loyalty].sort((a, b) => context.actions[a].cost - context.actions[b].cost);
      const winback = of("winback");
      // A customer in a shop or on a call gets the in-person device offer before the e-mail.
      const device = [...of("device", inbound), ...of("device", (index) => !inbound(index))];
      const referral = of("referral");
      return {
        decide(batch, output) {
          const eligible = batch.eligibility();
          const x = batch.features();
          for (let row = 0; row < batch.size; row++) {
            const offset = row * count;
            const f = row * width;
            const pick = (candidates: readonly number[]) => firstEligible(candidates, eligible, offset);
            let action = NO_ACTION;
            if (batch.moment[row] === MOMENT_CANCELLATION) action = pick(save);
            else if (x[f + F.churnedFormer] === 1) action = pick(winback);
            else {
              // The account view (the high-value-customer post): a strategic customer's good
              // experience is wasted if the rest of the household's is bad.
              const accountTroubled = accountService && x[f + F.segmentStrategic] === 1 && otherLinesDisrupted(x, f);
              const troubled = options.serviceRules && (inServiceDisruption(x, f) || accountTroubled);
              const overdue = x[f + F.daysOverduePer30] > 0;
              if (troubled) action = pick(service);
              else if (overdue) action = pick(payments);
              else if (x[f + F.contacts7d] === 0 || x[f + F.momentInbound] === 1) action = pickNeed();
            }
            choose(output.probabilities, output.chosen, row, count, action);

            function pickNeed(): number {
              const monthsLeft = x[f + F.contractMonthsLeft];
              const hasContract = monthsLeft !== 0 || x[f + F.outOfContract] === 1;
              const tenure = x[f + F.tenureYears];
              const quiet = x[f + F.contacts30d] === 0;
              const overpaying = x[f + F.allowanceUseProjected] < OVERPAYING_USE;
              // The rest of the household tends to follow a line that left: keep them, but do
              // not remind an overpaying customer to compare.
              if (lineLeftRetention && x[f + F.lineLeftLast90d] === 1 && quiet && !overpaying) {
                const chosen = pick(proactiveRetention);
                if (chosen !== 0) return chosen;
              }
              if (x[f + F.movedLast30d] === 1) return pick(moving);
              const overpayingInContract = monthsLeft > 0 && overpaying;
              if (hasContract && monthsLeft <= RENEWAL_WINDOW_YEARS && monthsLeft >= -RENEWAL_WINDOW_YEARS && !overpayingInContract) {
                const chosen = pick(renewal);
                if (chosen !== 0) return chosen;
              }
              if (x[f + F.allowanceUseProjected] >= FULL_ALLOWANCE) return pick(dataUpsell);
              if (x[f + F.travellingNow] === 1) return pick(roaming);
              if (tenure < ONBOARDING_YEARS) return pick(onboarding);
              if (x[f + F.deviceAgeYears] >= DEVICE_AGE_YEARS) {
                const chosen = pick(device);
                if (chosen !== 0) return chosen;
              }
              if (x[f + F.segmentStrategic] === 1 && tenure >= LOYALTY_YEARS && quiet) return pick(loyalty);
              if (likelyPromoter() && tenure >= REFERRAL_YEARS && quiet) {
                const chosen = pick(referral);
                if (chosen !== 0) return chosen;
              }
              if (contented() && tenure >= TOUCH_YEARS && quiet && x[f + F.momentInbound] === 0) return pick(touch);
              return 0;
            }

            /**
             * Contented, and either answered 9-10 in the NPS survey or, with two lines or more,
             * did not answer 0-6: someone likely to bring a friend.
             */
            function likelyPromoter(): boolean {
              const nps = x[f + F.npsAnswer];
              return contented() && (nps === 1 || (nps === 0 && x[f + F.lines] >= 2));
            }

            /** No complaint, no bill shock and no dropped calls lately: someone who would recommend us. */
            function contented(): boolean {
              return x[f + F.complaintLast90d] === 0 && x[f + F.billShock] === 0 && x[f + F.droppedCalls30dPer10] === 0 && x[f + F.segmentDisengaged] === 0;
            }
          }
        },
      };
    },
  };
}

export default rulesNba;
