import { noContact } from "../../policies/no-contact.js";
import { random } from "../../policies/random.js";
import { offerOfTheMonth } from "../../policies/offer-of-the-month.js";
import { rulesNba } from "../../policies/rules-nba.js";
import { epsGreedy } from "../../policies/eps-greedy.js";
import { linucb } from "../../policies/linucb.js";
import { thompson } from "../../policies/thompson.js";
import { dqn } from "../../policies/dqn.js";
import { oracle } from "../../policies/oracle.js";
import { propensityNbo } from "../../policies/propensity-nbo.js";
import { propensityNba } from "../../policies/propensity-nba.js";
import type { PolicyDefinition } from "./policy.js";

/** The built-in policies, in the order reports list them. */
export const BUILTIN_POLICIES: readonly PolicyDefinition[] = [noContact, random, offerOfTheMonth, rulesNba, epsGreedy, linucb, thompson, propensityNbo, propensityNba, dqn, oracle];

export function findBuiltinPolicy(name: string): PolicyDefinition | undefined {
  return BUILTIN_POLICIES.find((policy) => policy.name === name);
}
