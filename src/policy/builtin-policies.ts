import { noContact } from "../../policies/no-contact.js";
import { random } from "../../policies/random.js";
import type { PolicyDefinition } from "./policy.js";

/** The built-in policies, in the order reports list them. */
export const BUILTIN_POLICIES: readonly PolicyDefinition[] = [noContact, random];

export function findBuiltinPolicy(name: string): PolicyDefinition | undefined {
  return BUILTIN_POLICIES.find((policy) => policy.name === name);
}
