/**
 * Runs `work` with Ctrl-C (SIGINT) and SIGTERM turned into an abort of `signal`, so that the run
 * stops its workers and rejects with RunInterruptedError; nothing has been written by then. A
 * second Ctrl-C gets Node's default handling (the process ends at once).
 */
export async function whileHandlingInterrupts<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const interrupt = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => interrupt.abort(signal);
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    return await work(interrupt.signal);
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}
