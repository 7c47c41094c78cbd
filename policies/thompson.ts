import type { PolicyDefinition } from "../src/policy/policy.js";
import { createLinearBandit } from "../src/learning/linear-bandit.js";

export const thompson: PolicyDefinition = {
  name: "thompson",
  relativeCost: 5,
  description: "Linear Thompson sampling: one posterior draw per arm per day; learns online from the money of each deal.",
  create: (context) => createLinearBandit(context, { kind: "thompson", scale: 0.5 }),
};

export default thompson;
