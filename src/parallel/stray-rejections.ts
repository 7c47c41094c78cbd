/**
 * Catches the promise rejections that nobody handles in this thread (a policy that starts a
 * promise and forgets it) and hands the first one to whoever asks, so that the task during
 * which it happened fails with it, whatever the number of workers. Without this, Node would end
 * the thread (or, in the main thread, the whole run) after the task had already reported success.
 */
export interface StrayRejections {
  /** The first rejection since the last call, as an Error, or undefined; clears it. */
  take(): Error | undefined;
}

export function catchStrayRejections(): StrayRejections {
  let first: Error | undefined;
  process.on("unhandledRejection", (reason) => {
    first ??= reason instanceof Error ? reason : new Error(String(reason));
  });
  return {
    take() {
      const taken = first;
      first = undefined;
      return taken;
    },
  };
}
