/** How a learning policy improved, for the report: x is a day or a training episode. */
export interface LearningCurve {
  readonly xLabel: string;
  readonly yLabel: string;
  readonly x: readonly number[];
  readonly y: readonly number[];
}
