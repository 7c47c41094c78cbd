import type { TaskProgress } from "../parallel/run-tasks.js";

const PLAIN_INTERVAL_MS = 3000;
const TERMINAL_INTERVAL_MS = 200;

/**
 * Progress on stderr: a bar with ETA redrawn in place on a terminal, a plain line every few
 * seconds otherwise (CI logs), nothing when quiet.
 */
export function createProgressReporter(stream: NodeJS.WriteStream, quiet: boolean): { update: (progress: TaskProgress) => void; done: () => void } {
  if (quiet) return { update: () => undefined, done: () => undefined };
  const started = Date.now();
  const terminal = stream.isTTY === true;
  let last = 0;
  return {
    update(progress) {
      const now = Date.now();
      if (now - last < (terminal ? TERMINAL_INTERVAL_MS : PLAIN_INTERVAL_MS)) return;
      last = now;
      const fraction = progress.workDone / progress.workTotal;
      const elapsed = (now - started) / 1000;
      const eta = fraction > 0.02 ? `ETA ${(elapsed / fraction - elapsed).toFixed(0)} s` : "ETA ...";
      const what = `${progress.tasksDone}/${progress.tasks} tasks done`;
      const line = `${(fraction * 100).toFixed(0).padStart(3)}% ${what}, ${elapsed.toFixed(0)} s elapsed, ${eta}`;
      if (terminal) {
        const width = 24;
        const filled = Math.round(fraction * width);
        stream.write(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${line}\x1b[K`);
      } else stream.write(`progress ${line}\n`);
    },
    done() {
      if (terminal) stream.write("\r\x1b[K");
    },
  };
}
