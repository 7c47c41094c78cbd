import { describe, it } from "vitest";
import { BUILTIN_POLICIES, BUILTIN_VARIANTS } from "../../policies/builtin-policies.js";
import { describePolicyContract } from "../../src/testing/describe-policy-contract.js";

for (const policy of [...BUILTIN_POLICIES, ...BUILTIN_VARIANTS]) describePolicyContract(policy, { describe, it });
