import { describe, expect, it } from "vitest";
import { longestFirst } from "../../src/parallel/longest-first.js";
import { planTasks } from "../../src/parallel/simulation-task.js";
import { noContact } from "../../policies/no-contact.js";
import { random } from "../../policies/random.js";
import { rulesNba } from "../../policies/rules-nba.js";
import type { PolicyDefinition } from "../../src/policy/policy.js";
import { BUILTIN_POLICIES } from "../../policies/builtin-policies.js";

describe("longestFirst", () => {
  const tasks = planTasks([noContact, random, rulesNba], ["no-contact", "random", "rules-nba"], 3);
  const label = (index: number | undefined) => (index === undefined ? "none" : `${tasks[index].policy.name}#${tasks[index].replicate}`);

  it("starts one task of every policy first (by cost hint), then the tasks of the policies that proved slowest", () => {
    const scheduler = longestFirst(tasks);
    const first = [scheduler.next(), scheduler.next(), scheduler.next()];
    expect(first.map(label)).toEqual(["random#0", "rules-nba#0", "no-contact#0"]);
    scheduler.finished(first[0]!, 5);
    scheduler.finished(first[1]!, 3);
    scheduler.finished(first[2]!, 1);
    const rest = Array.from({ length: 6 }, () => label(scheduler.next()));
    expect(rest).toEqual(["random#1", "random#2", "rules-nba#1", "rules-nba#2", "no-contact#1", "no-contact#2"]);
    expect(scheduler.next()).toBeUndefined();
  });

  it("starts the first tasks by cost hint, slowest first, and policies without a hint before all", () => {
    const hinted = (policy: PolicyDefinition, relativeCost: number | undefined): PolicyDefinition => ({ ...policy, relativeCost });
    const mixed = planTasks(
      [hinted(noContact, 1), hinted(random, 3), hinted(rulesNba, 5), hinted({ ...random, name: "mine" }, undefined)],
      ["no-contact", "random", "rules-nba", "/mine.js"],
      2,
    );
    const scheduler = longestFirst(mixed);
    const first = Array.from({ length: 4 }, () => mixed[scheduler.next()!].policy.name);
    expect(first).toEqual(["mine", "rules-nba", "random", "no-contact"]);
  });

  it("orders the built-in policies so that the costliest start first", () => {
    const costs = BUILTIN_POLICIES.map((policy) => policy.relativeCost);
    expect(costs.every((cost) => typeof cost === "number" && cost > 0)).toBe(true);
    expect(BUILTIN_POLICIES.find((policy) => policy.name === "no-contact")!.relativeCost).toBe(Math.min(...(costs as number[])));
  });

  it("hands out every task exactly once", () => {
    const scheduler = longestFirst(tasks);
    const seen: number[] = [];
    for (let index = scheduler.next(); index !== undefined; index = scheduler.next()) {
      seen.push(index);
      scheduler.finished(index, seen.length % 3);
    }
    expect(seen.sort((a, b) => a - b)).toEqual([...tasks.keys()]);
  });
});
