import { BUILTIN_POLICIES } from "../../src/policy/builtin-policies.js";
import { describePolicyContract } from "./policy-contract.js";

for (const policy of BUILTIN_POLICIES) describePolicyContract(policy);
