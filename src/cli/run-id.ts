/** A compact local-free timestamp for default folder names and run ids: 20260101-120000. */
export function timestamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
}

/**
 * The id of one run: its start time and the process id (`20260101-120000-4242`). results.json
 * keeps it in `meta.runId`; the decision log's `run_id` and the tidy CSVs' `run_id` column carry
 * the same value, so the files of one run join on it.
 */
export function runId(startedAt: Date): string {
  return `${timestamp(startedAt)}-${process.pid}`;
}
