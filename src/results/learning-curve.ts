/** How a learning policy improved, for the report: x is a day or a training episode. */
export interface LearningCurve {
  readonly xLabel: string;
  readonly yLabel: string;
  readonly x: readonly number[];
  readonly y: readonly number[];
  /**
   * When the curve is several curves one after the other (x starts again at each), their names
   * in order, e.g. ["acceptance model", "churn model"]; the report draws one line for each.
   */
  readonly parts?: readonly string[];
}
