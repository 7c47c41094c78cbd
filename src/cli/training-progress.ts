const REDRAW_MS = 200;

/**
 * The progress bar of `offersim train` on stderr: episodes done, elapsed time and ETA, redrawn
 * in place, on a terminal only (nothing in a pipe or a CI log, nothing when quiet).
 */
export function createTrainingProgress(stream: NodeJS.WriteStream, quiet: boolean): { update: (done: number, total: number) => void; done: () => void } {
  if (quiet || stream.isTTY !== true) return { update: () => undefined, done: () => undefined };
  const started = Date.now();
  let last = 0;
  return {
    update(done, total) {
      const now = Date.now();
      if (done < total && now - last < REDRAW_MS) return;
      last = now;
      const fraction = done / total;
      const elapsed = (now - started) / 1000;
      const eta = fraction > 0 ? `ETA ${(elapsed / fraction - elapsed).toFixed(0)} s` : "ETA ...";
      const width = 24;
      const filled = Math.round(fraction * width);
      stream.write(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] episode ${done}/${total}, ${elapsed.toFixed(0)} s elapsed, ${eta}\x1b[K`);
    },
    done() {
      stream.write("\r\x1b[K");
    },
  };
}
