import { describe, expect, it } from "vitest";
import { shardTasks } from "../../src/parallel/shard-tasks.js";

describe("shardTasks", () => {
  it("gives every task to exactly one shard, whatever the number of tasks and shards", () => {
    for (let tasks = 0; tasks <= 20; tasks++) {
      const list = Array.from({ length: tasks }, (_, index) => index);
      for (let count = 1; count <= 8; count++) {
        const slices = Array.from({ length: count }, (_, index) => shardTasks(list, { index: index + 1, count }));
        expect(slices.flat().sort((a, b) => a - b)).toEqual(list);
        const sizes = slices.map((slice) => slice.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }
    }
  });

  it("deals tasks round robin, so a shard gets several policies", () => {
    const tasks = ["a0", "a1", "a2", "b0", "b1", "b2"];
    expect(shardTasks(tasks, { index: 1, count: 2 })).toEqual(["a0", "a2", "b1"]);
    expect(shardTasks(tasks, { index: 2, count: 2 })).toEqual(["a1", "b0", "b2"]);
  });
});
