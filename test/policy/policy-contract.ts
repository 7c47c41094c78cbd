import { describe, expect, it } from "vitest";
import type { PolicyDefinition } from "../../src/policy/policy.js";
import { runReplicate } from "../../src/engine/run-replicate.js";
import { baselineWith } from "../world/baseline-scenario.js";

/**
 * The contract every policy, built-in or user-written, must pass (the dm_env
 * EnvironmentTestMixin idea): it names and describes itself, runs a small world to the end
 * with every decision accepted by the engine's checks (distributions valid, zero on ineligible
 * actions, the chosen action given positive probability), logs a propensity in (0, 1] for
 * every decision, and gives identical results for identical seeds. A policy with `prepare` is
 * prepared first, as the CLI does (training worlds on training seeds).
 */
export function describePolicyContract(definition: PolicyDefinition): void {
  describe(`policy contract: ${definition.name}`, () => {
    const base = baselineWith({ subscribers: 1500, days: 45 });
    const scenario = { ...base, training: { ...base.training, episodes: 2, episodeDays: 30, maxSubscribers: 500, historyDays: 30 } };
    const run = () => runReplicate({ scenario, policy: definition, rootSeed: 17, replicate: 0, keepLog: true });

    it("has a name and a one-line description", () => {
      expect(definition.name).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      expect(definition.description.length).toBeGreaterThan(10);
      expect(definition.description).not.toContain("\n");
    });

    it("runs to the end with every decision passing the engine's checks, logging a propensity in (0, 1]", async () => {
      const { log } = await run();
      expect(log!.size).toBeGreaterThan(0);
      for (let row = 0; row < log!.size; row++) {
        expect(log!.propensity[row]).toBeGreaterThan(0);
        expect(log!.propensity[row]).toBeLessThanOrEqual(1);
      }
    });

    it("gives identical results for identical seeds", async () => {
      const strip = ({ wallSeconds: _w, log: _l, ...rest }: Awaited<ReturnType<typeof run>>) => rest;
      expect(strip(await run())).toEqual(strip(await run()));
    }, 60_000);
  });
}
