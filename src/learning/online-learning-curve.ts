import type { LearningCurve } from "../policy/policy.js";

const PERIOD_DAYS = 30;

/**
 * The learning curve of an online learner: the objective value it collected per decision, per
 * 30-day period (leavers' costs included when charged to a decision). A learner that improves
 * shows a rising curve.
 */
export class OnlineLearningCurve {
  private readonly value: number[] = [];
  private readonly decisions: number[] = [];

  /** Adds `value` earned in `day`'s period, over `decisions` decisions (0 for a late charge). */
  add(day: number, value: number, decisions: number): void {
    const period = Math.floor(day / PERIOD_DAYS);
    while (this.value.length <= period) {
      this.value.push(0);
      this.decisions.push(0);
    }
    this.value[period] += value;
    this.decisions[period] += decisions;
  }

  toCurve(): LearningCurve {
    return {
      xLabel: "day",
      yLabel: "objective value per decision",
      x: this.value.map((_, period) => (period + 1) * PERIOD_DAYS),
      y: this.value.map((value, period) => (this.decisions[period] > 0 ? value / this.decisions[period] : 0)),
    };
  }
}
