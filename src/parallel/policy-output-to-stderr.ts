import { Console } from "node:console";

/**
 * Sends everything this thread prints to stdout to stderr instead: `console.log` and
 * `process.stdout.write` of a policy module (in a worker thread) must never reach stdout, which
 * carries the machine-readable results (`--json`).
 */
export function policyOutputToStderr(): void {
  globalThis.console = new Console({ stdout: process.stderr, stderr: process.stderr });
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
}
