import type { PolicyDefinition } from "../src/policy/policy.js";
import { createLinearBandit } from "../src/learning/linear-bandit.js";

export const epsGreedy: PolicyDefinition = {
  name: "eps-greedy",
  relativeCost: 5,
  description: "Epsilon-greedy on disjoint linear arms (5 % exploration); learns online from the money of each deal.",
  create: (context) => createLinearBandit(context, { kind: "epsilon-greedy", epsilon: 0.05 }),
};

export default epsGreedy;
