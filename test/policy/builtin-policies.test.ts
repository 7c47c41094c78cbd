import { describe, it } from "vitest";
import { BUILTIN_POLICIES, OPTIONAL_POLICIES } from "../../policies/builtin-policies.js";
import { describePolicyContract } from "../../src/testing/describe-policy-contract.js";

for (const policy of [...BUILTIN_POLICIES, ...OPTIONAL_POLICIES]) describePolicyContract(policy, { describe, it });
