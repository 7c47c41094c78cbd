import { noContact } from "./no-contact.js";
import { random } from "./random.js";
import { offerOfTheMonth } from "./offer-of-the-month.js";
import { rulesNba } from "./rules-nba.js";
import { epsGreedy } from "./eps-greedy.js";
import { linucb } from "./linucb.js";
import { thompson } from "./thompson.js";
import { dqn } from "./dqn.js";
import { oracle } from "./oracle.js";
import { propensityNbo, propensityNboLearning } from "./propensity-nbo.js";
import { propensityNba, propensityNbaLearning } from "./propensity-nba.js";
import { dqnOnline } from "./dqn-online.js";
import { riskRetention } from "./risk-retention.js";
import type { PolicyDefinition } from "../src/policy/policy.js";

/** The built-in policies, in the order reports list them. */
export const BUILTIN_POLICIES: readonly PolicyDefinition[] = [noContact, random, offerOfTheMonth, rulesNba, epsGreedy, linucb, thompson, propensityNbo, propensityNba, dqn, oracle, riskRetention];

/**
 * Built-in variants run only when named (`--policies propensity-nba-learning`): the
 * learning-in-evaluation twins of frozen learners (dqn-online; the propensity policies'
 * learning variants, which refit on their own decisions during the run).
 */
export const OPTIONAL_POLICIES: readonly PolicyDefinition[] = [dqnOnline, propensityNboLearning, propensityNbaLearning];


export function findBuiltinPolicy(name: string): PolicyDefinition | undefined {
  return BUILTIN_POLICIES.find((policy) => policy.name === name) ?? OPTIONAL_POLICIES.find((policy) => policy.name === name);
}
