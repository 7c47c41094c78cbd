import type { DecisionLog } from "./decision-log.js";

/**
 * Where a decision log's finished rows go: a file written row group by row group. `write` gets
 * the log and the number of finished rows at its start (rows [0, rows) are final: churn
 * labelled, censoring known); `close` ends the file once the run is over, `abort` removes it.
 */
export interface DecisionLogSink {
  write(log: DecisionLog, rows: number): void;
  close(): void;
  abort(): void;
}
