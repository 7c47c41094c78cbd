import { describe, expect, it } from "vitest";
import { BUILTIN_POLICIES } from "../../policies/builtin-policies.js";
import { BUILTIN_POLICY_ORDER, policyColours } from "../../src/report/policy-colours.js";

describe("policyColours", () => {
  it("lists the built-in policies in the registry's order", () => {
    expect(BUILTIN_POLICY_ORDER).toEqual(BUILTIN_POLICIES.map((policy) => policy.name));
  });

  it("gives a built-in policy the same colour whichever other policies ran", () => {
    const alone = policyColours(["linucb"]).get("linucb");
    expect(policyColours(["no-contact", "my-policy", "linucb", "oracle"]).get("linucb")).toBe(alone);
    expect(policyColours([...BUILTIN_POLICY_ORDER].reverse()).get("linucb")).toBe(alone);
  });

  it("gives every policy of a run of all built-ins and six of the user's its own colour", () => {
    const policies = [...BUILTIN_POLICY_ORDER, "zeta", "alpha", "mine", "yours", "theirs", "ours"];
    const colours = policyColours(policies);
    expect(new Set(colours.values()).size).toBe(policies.length);
  });

  it("orders the user's policies by name, so the order they ran in does not change their colours", () => {
    expect(policyColours(["b-policy", "a-policy"])).toEqual(policyColours(["a-policy", "b-policy"]));
    expect(policyColours(["b-policy", "a-policy"]).get("a-policy")).not.toBe(policyColours(["b-policy", "a-policy"]).get("b-policy"));
  });
});
