import type { ReplicateResult } from "./replicate-result.js";

/** A task that failed: which, and why (the message only: no stack crosses the boundary). */
export interface TaskFailure {
  readonly policy: string;
  readonly replicate: number;
  readonly error: string;
}

/** What a task gives: its result, or why it failed. */
export type TaskOutcome = { readonly ok: true; readonly result: ReplicateResult } | { readonly ok: false; readonly failure: TaskFailure };

