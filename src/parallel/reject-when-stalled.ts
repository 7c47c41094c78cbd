/** How often the thread's pending work is looked at while a task awaits. */
const CHECK_EVERY_MS = 1000;
/** Consecutive looks with nothing pending before the task is declared stalled. */
const STALLED_CHECKS = 5;

/**
 * `work`, or a rejection with `message` when it can never settle: it is still pending while this
 * thread has nothing left that could settle it (no timer, I/O or immediate beyond those it had
 * when `work` started, this check's own timer aside) for STALLED_CHECKS seconds in a row. A
 * policy whose `prepare` awaits `new Promise(() => {})` would otherwise hang its worker forever
 * (or, in the main thread, let the process end with no result and no message).
 */
export function rejectWhenStalled<T>(work: Promise<T>, message: string): Promise<T> {
  const baseline = countResources();
  return new Promise<T>((resolve, reject) => {
    let idleChecks = 0;
    const timer = setInterval(() => {
      idleChecks = nothingPending(baseline) ? idleChecks + 1 : 0;
      if (idleChecks >= STALLED_CHECKS) {
        clearInterval(timer);
        reject(new Error(message));
      }
    }, CHECK_EVERY_MS);
    work.then(
      (value) => {
        clearInterval(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearInterval(timer);
        reject(error);
      },
    );
  });
}

function countResources(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo()) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return counts;
}

/** Only what was there before, plus this check's own interval timer. */
function nothingPending(baseline: Map<string, number>): boolean {
  for (const [kind, count] of countResources()) {
    const allowed = (baseline.get(kind) ?? 0) + (kind === "Timeout" ? 1 : 0);
    if (count > allowed) return false;
  }
  return true;
}
