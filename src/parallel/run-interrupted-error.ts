/** The run was stopped (Ctrl-C, SIGTERM) before every task finished: the CLI writes nothing and exits 130. */
export class RunInterruptedError extends Error {
  constructor(readonly signal: string) {
    super(`interrupted by ${signal}`);
    this.name = "RunInterruptedError";
  }
}

/** Throws RunInterruptedError when `signal` was aborted; its reason names the OS signal. */
export function throwIfInterrupted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new RunInterruptedError(typeof signal.reason === "string" ? signal.reason : "an abort");
}
