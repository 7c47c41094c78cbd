/** Exit code of a run stopped by Ctrl-C or SIGTERM (128 + SIGINT's number, as shells report it). */
const EXIT_INTERRUPTED = 130;

/**
 * Runs `work` (the simulation and the writing of its files) with Ctrl-C (SIGINT) and SIGTERM
 * turned into an abort of `signal`, so that the run stops its workers and rejects with
 * RunInterruptedError; nothing has been written by then. The handlers stay until `work` has
 * renamed its last file: files are written synchronously, so a signal that comes while they are
 * written is handled once they are complete, never half-way. Once `work` has ended (its files
 * whole, or nothing written) the handlers stay and ignore a late signal, which would otherwise
 * kill the process on its way out with a misleading status. A second signal during the work
 * ends the process at once (exit 130); the worker threads end with it. Meant for the CLI, whose
 * process ends with the command.
 */
export async function whileHandlingInterrupts<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const interrupt = new AbortController();
  let finished = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (finished) return;
    if (!interrupt.signal.aborted) return interrupt.abort(signal);
    process.stderr.write(`offersim: ${signal} again: stopped at once\n`);
    process.exit(EXIT_INTERRUPTED);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    return await work(interrupt.signal);
  } finally {
    finished = true;
  }
}
