/** `offersim check` found KPIs significantly worse than the baseline: the CLI exits with code 1. */
export class CheckFailedError extends Error {
  constructor(readonly failures: number) {
    super(`${failures} KPI check(s) failed: significantly worse than the baseline beyond the tolerance`);
    this.name = "CheckFailedError";
  }
}
