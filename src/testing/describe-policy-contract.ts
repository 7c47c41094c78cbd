import assert from "node:assert/strict";
import type { PolicyDefinition } from "../policy/policy.js";
import { runReplicate } from "../engine/run-replicate.js";
import { baselineWith } from "../scenario/baseline-with.js";

/**
 * What the contract needs of a test framework: its `describe` and `it`, as vitest and jest
 * export them (`it(name, body, timeoutMs)`). They are passed in rather than imported, so that
 * importing offersim never loads a test framework; the checks themselves use node:assert.
 */
export interface ContractTestApi {
  describe(name: string, body: () => void): unknown;
  it(name: string, body: () => void | Promise<void>, timeoutMs?: number): unknown;
}

const POLICY_NAME = /^[a-z0-9][a-z0-9-]*$/;
const RUN_TIMEOUT_MS = 120_000;

/**
 * The contract every policy, built-in or user-written, must pass (the dm_env
 * EnvironmentTestMixin idea): it names and describes itself, runs a small world (the package's
 * baseline, 1500 subscribers, 45 days) to the end with every decision accepted by the engine's
 * checks (distributions valid, zero on ineligible actions, the chosen action given positive
 * probability), logs a propensity in (0, 1] for every decision, and gives identical results for
 * identical seeds. A policy with `prepare` is prepared first, as a run does (training worlds on
 * training seeds).
 *
 * @param test the test framework's `describe` and `it`
 * @example
 * // my-policy.test.mjs, run with `npx vitest run`
 * import { describe, it } from "vitest";
 * import { describePolicyContract } from "offersim";
 * import myPolicy from "./my-policy.mjs";
 *
 * describePolicyContract(myPolicy, { describe, it });
 */
export function describePolicyContract(definition: PolicyDefinition, test: ContractTestApi): void {
  const { describe, it } = test;
  describe(`policy contract: ${definition.name}`, () => {
    const base = baselineWith({ subscribers: 1500, days: 45 });
    const scenario = { ...base, training: { ...base.training, episodes: 2, episodeDays: 30, maxSubscribers: 500, historyDays: 30 } };
    const run = () => runReplicate({ scenario, policy: definition, rootSeed: 17, replicate: 0, keepLog: true });

    it("has a name and a one-line description", () => {
      assert.equal(typeof definition.name, "string", `name must be a string, got ${typeof definition.name}`);
      assert.match(definition.name, POLICY_NAME, `name must be lower-case letters, digits and dashes, got ${JSON.stringify(definition.name)}`);
      assert.equal(typeof definition.description, "string", `description must be a string, got ${typeof definition.description}`);
      assert.ok(definition.description.length > 10, `description must be longer than 10 characters, got ${JSON.stringify(definition.description)}`);
      assert.ok(!definition.description.includes("\n"), `description must be one line, got ${JSON.stringify(definition.description)}`);
    });

    it("runs to the end with every decision passing the engine's checks, logging a propensity in (0, 1]", async () => {
      const log = (await run()).log!;
      assert.ok(log.size > 0, "the run must make decisions, got none");
      for (let row = 0; row < log.size; row++) {
        const propensity = log.propensity[row];
        if (!(propensity > 0 && propensity <= 1)) {
          assert.fail(`day ${log.day[row]}, decision row ${row}: logged propensity must be in (0, 1], got ${propensity}`);
        }
      }
    }, RUN_TIMEOUT_MS);

    it("gives identical results for identical seeds", async () => {
      const strip = ({ wallSeconds: _w, log: _l, ...rest }: Awaited<ReturnType<typeof run>>) => rest;
      assert.deepStrictEqual(strip(await run()), strip(await run()));
    }, RUN_TIMEOUT_MS);
  });
}
