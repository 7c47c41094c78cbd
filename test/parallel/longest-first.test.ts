import { describe, expect, it } from "vitest";
import { longestFirst } from "../../src/parallel/longest-first.js";
import { planTasks } from "../../src/parallel/simulation-task.js";
import { noContact } from "../../policies/no-contact.js";
import { random } from "../../policies/random.js";
import { rulesNba } from "../../policies/rules-nba.js";

describe("longestFirst", () => {
  const tasks = planTasks([noContact, random, rulesNba], ["no-contact", "random", "rules-nba"], 3);
  const label = (index: number | undefined) => (index === undefined ? "none" : `${tasks[index].policy.name}#${tasks[index].replicate}`);

  it("starts one task of every policy first, then the tasks of the policies that proved slowest", () => {
    const scheduler = longestFirst(tasks);
    const first = [scheduler.next(), scheduler.next(), scheduler.next()];
    expect(first.map(label)).toEqual(["no-contact#0", "random#0", "rules-nba#0"]);
    scheduler.finished(first[0]!, 1);
    scheduler.finished(first[1]!, 5);
    scheduler.finished(first[2]!, 3);
    const rest = Array.from({ length: 6 }, () => label(scheduler.next()));
    expect(rest).toEqual(["random#1", "random#2", "rules-nba#1", "rules-nba#2", "no-contact#1", "no-contact#2"]);
    expect(scheduler.next()).toBeUndefined();
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
