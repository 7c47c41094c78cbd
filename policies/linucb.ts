import type { PolicyDefinition } from "../src/policy/policy.js";
import { createLinearBandit } from "../src/learning/linear-bandit.js";

export const linucb: PolicyDefinition = {
  name: "linucb",
  relativeCost: 6,
  description: "LinUCB: disjoint linear arms with an upper-confidence bonus (Sherman-Morrison updates); learns online from the money of each deal.",
  create: (context) => createLinearBandit(context, { kind: "ucb", alpha: 1.0 }),
};

export default linucb;
