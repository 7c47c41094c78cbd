import yargs from "yargs";
import { InputError } from "../input-error.js";
import { ScenarioError } from "../scenario/scenario-error.js";
import { PolicyError } from "../policy/policy-error.js";
import { RunFailedError } from "./run-failed-error.js";
import { runCommand } from "./run-command.js";
import { mergeCommand } from "./merge-command.js";
import { RunInterruptedError } from "../parallel/run-interrupted-error.js";
import { validateCommand } from "./validate-command.js";
import { policiesCommand } from "./policies-command.js";

export const EXIT_OK = 0;
export const EXIT_RUN_FAILED = 1;
export const EXIT_BAD_INPUT = 2;
/** Stopped by Ctrl-C or SIGTERM (128 + SIGINT's number, as shells report it). */
export const EXIT_INTERRUPTED = 130;

/**
 * The offersim command line. Exit codes: 0 success, 1 a run failed, 2 bad input (a message per
 * problem naming the file or flag, the rule and the value; no stack trace, no output files),
 * 130 interrupted (Ctrl-C or SIGTERM: the workers stopped, no output files).
 */
export async function main(argv: string[]): Promise<number> {
  try {
    await yargs(argv)
      .scriptName("offersim")
      .usage("$0 <command> [options]")
      .command(
        "run [scenario]",
        "Run every policy on several seeds of a scenario and write results.json, summary.csv and summary.md",
        (command) =>
          command
            .positional("scenario", { type: "string", describe: "Scenario YAML (default: scenarios/baseline.yaml)" })
            .option("policies", { type: "string", describe: "Comma-separated policy names or module paths (default: all built-in)" })
            .option("seeds", { type: "string", describe: "Number of seeds (replicates) per policy [default: 3]" })
            .option("seed", { type: "string", describe: "Root seed (default: the scenario's seed)" })
            .option("reference", { type: "string", describe: "Policy the others are compared with, seed by seed (default: no-contact)" })
            .option("subscribers", { type: "string", describe: "Override population.size" })
            .option("days", { type: "string", describe: "Override horizonDays" })
            .option("workers", { type: "string", describe: "Worker threads (default: the number of cores)" })
            .option("task-timeout", { type: "string", describe: "Seconds one (policy, seed) task may run before it is stopped and fails; 0 for no limit [default: 0]" })
            .option("shard", { type: "string", describe: "Run only slice i of n of the tasks (e.g. 2/4) and write DIR/partial.json for offersim merge" })
            .option("out", { type: "string", describe: "Output folder (default: reports/<scenario>-<time>)" })
            .option("json", { type: "boolean", default: false, describe: "Print results.json to stdout instead of a table" })
            .option("quiet", { type: "boolean", default: false, describe: "No progress on stderr" }),
        async (args) => {
          await runCommand(args);
        },
      )
      .command(
        "merge <dirs..>",
        "Combine the partial.json of every shard (offersim run --shard i/n) into the results a single run would write",
        (command) =>
          command
            .positional("dirs", { type: "string", array: true, demandOption: true, describe: "Output folders of the shards (or their partial.json files)" })
            .option("out", { type: "string", describe: "Output folder (default: reports/<scenario>-<time>)" })
            .option("json", { type: "boolean", default: false, describe: "Print results.json to stdout instead of a table" }),
        (args) => {
          mergeCommand(args);
        },
      )
      .command(
        "validate <file>",
        "Check a scenario file against the schema",
        (command) => command.positional("file", { type: "string", demandOption: true }),
        (args) => validateCommand(args.file),
      )
      .command(
        "policies",
        "List the built-in policies",
        (command) => command.option("json", { type: "boolean", default: false }),
        (args) => policiesCommand(args.json),
      )
      .demandCommand(1, "name a command: run, merge, validate or policies")
      .strict()
      .help()
      .version(false)
      .fail((message, error) => {
        if (error) throw error;
        throw new InputError(readableYargsMessage(message, argv));
      })
      .parseAsync();
    return EXIT_OK;
  } catch (error) {
    return report(error);
  }
}

/** yargs' own messages, reworded to name the option and what was expected. */
function readableYargsMessage(message: string, argv: readonly string[]): string {
  const unknown = /^Unknown arguments?: (.*)$/.exec(message);
  if (!unknown) return message;
  const asTyped = (name: string) => argv.find((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`) || arg === `-${name}`)?.split("=")[0] ?? `"${name}"`;
  const names = unknown[1].split(", ").map(asTyped);
  return `unknown ${names.length > 1 ? "arguments" : "argument"} ${names.join(", ")}: expected the options of the command (see offersim <command> --help)`;
}

function report(error: unknown): number {
  if (error instanceof ScenarioError || error instanceof InputError) {
    for (const problem of error.problems) process.stderr.write(`offersim: ${problem}\n`);
    return EXIT_BAD_INPUT;
  }
  if (error instanceof RunInterruptedError) {
    process.stderr.write(`offersim: ${error.message}: stopped the workers, wrote no results\n`);
    return EXIT_INTERRUPTED;
  }
  if (error instanceof RunFailedError) {
    for (const failure of error.failures) process.stderr.write(`offersim: run failed: seed ${failure.replicate}: ${failure.error}\n`);
    process.stderr.write(`offersim: ${error.failures.length} task(s) failed; ${error.message}\n`);
    return EXIT_RUN_FAILED;
  }
  if (error instanceof PolicyError) {
    process.stderr.write(`offersim: run failed: ${error.message}\n`);
    return EXIT_RUN_FAILED;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`offersim: run failed: ${message}\n`);
  if (process.env.OFFERSIM_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return EXIT_RUN_FAILED;
}
