import type { PolicyDefinition } from "../src/policy/policy.js";
import type { Program } from "../src/scenario/vocabulary.js";
import { MOMENT_CANCELLATION, MOMENT_OUTBOUND } from "../src/scenario/vocabulary.js";
import { FEATURE_INDEX } from "../src/world/observation/observe.js";
import { actionsByProgram, choose, firstEligible } from "../src/policy/action-lookup.js";

const CAMPAIGN_PROGRAMS: readonly Program[] = ["upsell", "device", "loyalty", "referral"];
const DAYS_PER_CAMPAIGN = 30;

/**
 * NBO by business rules, the "offer of the month" of the sales post: each month one campaign
 * offer (up-sell, device, loyalty, referral, in turn) is pushed to every eligible subscriber at
 * their campaign slot, whatever their context; disengaged customers are left out. Customers in
 * touch get the month's inbound pitch; a call to cancel goes to the save desk.
 */
export const offerOfTheMonth: PolicyDefinition = {
  name: "offer-of-the-month",
  relativeCost: 3,
  description: "NBO by business rules: one campaign offer a month pushed to every eligible subscriber, context ignored.",
  create(context) {
    const count = context.actions.length;
    const byProgram = actionsByProgram(context.actions);
    const campaigns = CAMPAIGN_PROGRAMS.flatMap((program) => (byProgram.get(program) ?? []).filter((a) => context.actions[a].channel !== "inbound"));
    const inboundPitches = CAMPAIGN_PROGRAMS.flatMap((program) => (byProgram.get(program) ?? []).filter((a) => context.actions[a].channel === "inbound"));
    const saveDesk = [...(byProgram.get("retention") ?? []), ...(byProgram.get("renewal") ?? [])].filter((a) => context.actions[a].channel === "inbound");
    const disengaged = FEATURE_INDEX.segmentDisengaged;
    const featureCount = context.featureNames.length;
    return {
      decide(batch, output) {
        const eligible = batch.eligibility();
        const features = batch.features();
        const month = Math.floor(batch.day / DAYS_PER_CAMPAIGN);
        const campaign = campaigns.length > 0 ? [campaigns[month % campaigns.length]] : [];
        const pitch = inboundPitches.length > 0 ? [inboundPitches[month % inboundPitches.length]] : [];
        for (let row = 0; row < batch.size; row++) {
          const offset = row * count;
          const moment = batch.moment[row];
          let action = 0;
          if (moment === MOMENT_CANCELLATION) action = firstEligible(saveDesk, eligible, offset);
          else if (moment !== MOMENT_OUTBOUND) action = firstEligible(pitch, eligible, offset);
          else if (features[row * featureCount + disengaged] === 0) action = firstEligible(campaign, eligible, offset);
          choose(output.probabilities, output.chosen, row, count, action);
        }
      },
    };
  },
};

export default offerOfTheMonth;
