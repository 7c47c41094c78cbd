import { describe, expect, it } from "vitest";
import { createProgressTracker, type TaskProgress } from "../../src/parallel/task-progress.js";
import { planTasks } from "../../src/parallel/simulation-task.js";
import { noContact } from "../../policies/no-contact.js";
import { oracle } from "../../policies/oracle.js";
import { random } from "../../policies/random.js";

describe("progress tracker", () => {
  const days = { warmupDays: 10, horizonDays: 30 };

  it("weighs a live day by the policy's cost hint and a warm-up day as the world alone", () => {
    const tasks = planTasks([{ ...noContact, relativeCost: 1 }, { ...oracle, relativeCost: 9 }], ["no-contact", "oracle"], 1);
    const seen: TaskProgress[] = [];
    const tracker = createProgressTracker(tasks, days, (progress) => seen.push(progress));
    tracker.daysDone(1, 10);
    expect(seen.at(-1)).toEqual({ workDone: 10, workTotal: 10 + 30 + 10 + 270, tasksDone: 0, tasks: 2 });
    tracker.daysDone(1, 20);
    expect(seen.at(-1)!.workDone).toBe(10 + 90);
    tracker.taskDone(0);
    expect(seen.at(-1)).toMatchObject({ workDone: 100 + 40, tasksDone: 1 });
    tracker.taskDone(1);
    expect(seen.at(-1)).toMatchObject({ workDone: 320, workTotal: 320, tasksDone: 2 });
  });

  it("gives a policy without a hint the mean of the others' hints", () => {
    const tasks = planTasks([{ ...noContact, relativeCost: 2 }, { ...random, relativeCost: 4 }, { ...random, name: "mine", relativeCost: undefined }], ["a", "b", "/mine.js"], 1);
    const seen: TaskProgress[] = [];
    createProgressTracker(tasks, days, (progress) => seen.push(progress)).taskDone(2);
    expect(seen[0]).toMatchObject({ workDone: 10 + 30 * 3, workTotal: 3 * 10 + 30 * (2 + 4 + 3) });
  });

  it("counts every task's days alike when no policy has a hint", () => {
    const tasks = planTasks([{ ...noContact, relativeCost: undefined }], ["no-contact"], 2);
    const seen: TaskProgress[] = [];
    createProgressTracker(tasks, days, (progress) => seen.push(progress)).daysDone(0, 25);
    expect(seen[0]).toMatchObject({ workDone: 25, workTotal: 80 });
  });
});
