import { describe, expect, it } from "vitest";
import { learningTime } from "../../src/report/learning-time.js";
import type { ReplicateResult } from "../../src/results/replicate-result.js";

/** A replicate with 30-day periods of the given revenue and cost, 100 active subscribers and 50 decisions each. */
function run(policy: string, replicate: number, periods: readonly [number, number][], trainingExperience: ReplicateResult["trainingExperience"] = null, netValuePerSub = periods.reduce((sum, [revenue, cost]) => sum + 0.5 * revenue - cost, 0) / 100): ReplicateResult {
  return {
    policy,
    replicate,
    groups: { all: { netValuePerSub } } as unknown as ReplicateResult["groups"],
    series: periods.map(([revenue, cost], period) => ({ period, startDay: 30 * period, churnRateMonthly: 0, revenue, contactsPerSubMonth: 0, acceptRate: 0, annoyance: 0, cost, decisions: 50, activeSubscribers: 100 })),
    timeSeries: { bucketDays: 30, startDay: [], values: {} } as unknown as ReplicateResult["timeSeries"],
    programs: {},
    subscriberDays: 0,
    decisions: 0,
    wallSeconds: 0,
    learningCurve: null,
    trainingExperience,
  };
}

describe("learningTime: the experience after which a learner first beats rules-nba", () => {
  const rules = [run("rules-nba", 0, [[1000, 100], [1000, 100], [1000, 100]]), run("rules-nba", 1, [[1000, 100], [1000, 100], [1000, 100]])];

  it("counts the training before the run and the run's customer-days and decisions up to the period from which its net cash since day 0 stays ahead, paired by seed", () => {
    // Margin 0.5: rules-nba makes 400 a period. The learner makes 300, then 600 (cumulative 900 vs 800 after two periods).
    const training = { customerDays: 10_000, decisions: 2000 };
    const learner = [run("dqn", 0, [[700, 50], [1300, 50], [1300, 50]], training), run("dqn", 1, [[700, 50], [1300, 50], [1300, 50]], training)];
    const time = learningTime(learner, rules, 0.5, 90)!;
    expect(time.beforeRun).toEqual(training);
    expect(time.beaten).toEqual({ customerDays: 10_000 + 2 * 30 * 100, decisions: 2000 + 2 * 50, evaluationDay: 60 });
    expect(time.verdict).toBe("beats rules-nba after 16 k customer-days, 2 k decisions (day 60 of the run)");
  });

  it("is ahead early but not on the run's net value: 'not within the run'", () => {
    // Ahead in cash in the first period (it spends nothing), behind after it and on net value.
    const learner = [run("dqn", 0, [[900, 0], [500, 50], [500, 50]]), run("dqn", 1, [[900, 0], [500, 50], [500, 50]])];
    expect(learningTime(learner, rules, 0.5, 90)!.verdict).toBe("not within the run");
  });

  it("ahead on net value only by the value after the run: beaten at the run's end", () => {
    const learner = [run("dqn", 0, [[700, 50], [700, 50], [700, 50]], null, 100), run("dqn", 1, [[700, 50], [700, 50], [700, 50]], null, 100)];
    expect(learningTime(learner, rules, 0.5, 90)!.beaten).toEqual({ customerDays: 9000, decisions: 150, evaluationDay: 90 });
  });

  it("says 'not within the run' when it never gets ahead", () => {
    const learner = [run("dqn", 0, [[700, 50], [700, 50], [700, 50]]), run("dqn", 1, [[700, 50], [700, 50], [700, 50]])];
    const time = learningTime(learner, rules, 0.5, 90)!;
    expect(time.beaten).toBeNull();
    expect(time.verdict).toBe("not within the run");
    expect(time.beforeRun).toEqual({ customerDays: 0, decisions: 0 });
  });

  it("is null when no seed of the learner has a rules-nba run to pair with", () => {
    expect(learningTime([run("dqn", 5, [[1, 1]])], rules, 0.5, 30)).toBeNull();
  });
});
