import type { TaskFailure } from "../parallel/run-tasks.js";

/** Some (policy, seed) tasks failed: the CLI lists each and exits with code 1. */
export class RunFailedError extends Error {
  constructor(
    readonly failures: readonly TaskFailure[],
    summary: string,
  ) {
    super(summary);
    this.name = "RunFailedError";
  }
}
