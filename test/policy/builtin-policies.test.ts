import { describe, it } from "vitest";
import { BUILTIN_POLICIES } from "../../policies/builtin-policies.js";
import { describePolicyContract } from "../../src/testing/describe-policy-contract.js";

for (const policy of BUILTIN_POLICIES) describePolicyContract(policy, { describe, it });
