import yargs from "yargs";
import { InputError } from "../input-error.js";
import { PolicyError } from "../policy/policy-error.js";
import { RunFailedError } from "./run-failed-error.js";
import { runCommand } from "./run-command.js";
import { mergeCommand } from "./merge-command.js";
import { RunInterruptedError } from "../parallel/run-interrupted-error.js";
import { validateCommand } from "./validate-command.js";
import { policiesCommand } from "./policies-command.js";
import { reportCommand } from "./report-command.js";
import { compareCommand } from "./compare-command.js";
import { checkCommand } from "./check-command.js";
import { CheckFailedError } from "./check-failed-error.js";
import { scenariosCommand } from "./scenarios-command.js";
import { sweepCommand } from "./sweep-command.js";
import { terminalSafe } from "../report/text-table.js";
import { opeCommand } from "./ope-command.js";
import { opeCheckCommand } from "./ope-check-command.js";
import { OFFERSIM_VERSION } from "../version.js";
import { readableYargsMessage } from "./readable-yargs-message.js";
import { colourFlag, terminalColours, type TerminalColours } from "./terminal-colours.js";
import {
  CHECK_OPTIONS,
  COMMAND_OPTIONS,
  COMPARE_OPTIONS,
  GLOBAL_OPTIONS,
  LIST_OPTIONS,
  MERGE_OPTIONS,
  OPE_CHECK_OPTIONS,
  OPE_OPTIONS,
  RUN_OPTIONS,
  SWEEP_OPTIONS,
  SWITCHES,
} from "./command-options.js";

export const EXIT_OK = 0;
export const EXIT_RUN_FAILED = 1;
export const EXIT_BAD_INPUT = 2;
/** Stopped by Ctrl-C or SIGTERM (128 + SIGINT's number, as shells report it). */
export const EXIT_INTERRUPTED = 130;

/**
 * The offersim command line. Exit codes: 0 success (every task finished and the results were
 * written), 1 a run failed (a policy's tasks failed, or `check` found a KPI worse than its
 * baseline), 2 bad input (a message per problem naming the file or flag, the rule and the value;
 * no stack trace, no output files), 130 interrupted (Ctrl-C or SIGTERM: the workers stopped, no
 * output files).
 */
export async function main(argv: string[]): Promise<number> {
  const colour = colourFlag(argv);
  try {
    checkSwitchValues(argv);
    await yargs(argv)
      .scriptName("offersim")
      .usage("$0 <command> [options]")
      .options(GLOBAL_OPTIONS)
      .command(
        "run [scenario]",
        "Run every policy on several seeds of a scenario and write results.json, summary.csv, summary.md and report.html",
        (command) => command.positional("scenario", { type: "string", describe: "Scenario YAML (default: scenarios/baseline.yaml)" }).options(RUN_OPTIONS),
        async (args) => {
          await runCommand({ ...args, colour });
        },
      )
      .command(
        "sweep [scenario]",
        "Run a grid of variants of a scenario (--set PATH=V1,V2, repeatable) and write results per variant, sweep.json, summary.md and report.html",
        (command) => command.positional("scenario", { type: "string", describe: "Scenario YAML (default: scenarios/baseline.yaml)" }).options(SWEEP_OPTIONS),
        async (args) => {
          await sweepCommand({ ...args, colour });
        },
      )
      .command(
        "ope <log>",
        "Off-policy evaluation: estimate a target policy's value per decision from a logged dataset (offersim run --log-decisions), by IPW, SNIPW, DM, DR, SNDR and Switch-DR with subscriber-bootstrap intervals",
        (command) => command.positional("log", { type: "string", demandOption: true, describe: "The dataset folder written by offersim run --log-decisions" }).options(OPE_OPTIONS),
        async (args) => {
          await opeCommand(args);
        },
      )
      .command(
        "ope-check [scenario]",
        "Check off-policy estimates against the simulated truth: run A (logging) and B on the same seeds, estimate B from A's logs with every estimator, and report each estimate's error against B's value per decision and its long-run net value gain",
        (command) => command.positional("scenario", { type: "string", describe: "Scenario YAML (default: scenarios/baseline.yaml)" }).options(OPE_CHECK_OPTIONS),
        async (args) => {
          await opeCheckCommand(args);
        },
      )
      .command(
        "merge <dirs..>",
        "Combine the partial.json of every shard (offersim run --shard i/n) into the results a single run would write",
        // `<dirs..>` already demands one folder or more; no demandOption and no default, which --help would show as "[required] [default: []]".
        (command) => command.positional("dirs", { type: "string", array: true, default: undefined, describe: "Output folders of the shards (or their partial.json files), one or more" }).options(MERGE_OPTIONS),
        (args) => {
          mergeCommand({ ...args, colour });
        },
      )
      .command(
        "validate <file>",
        "Check a scenario file against the schema",
        (command) => command.positional("file", { type: "string", demandOption: true, describe: "Scenario YAML to check" }),
        (args) => validateCommand(args.file, colour),
      )
      .command(
        "policies",
        "List the built-in policies",
        (command) => command.options(LIST_OPTIONS),
        (args) => policiesCommand(args.json),
      )
      .command(
        "report <dir>",
        "Render DIR/report.html again from DIR/results.json (a run) or DIR/sweep.json (a sweep)",
        (command) => command.positional("dir", { type: "string", demandOption: true, describe: "A run's or a sweep's output folder" }),
        (args) => reportCommand(args.dir),
      )
      .command(
        "compare <dirA> <dirB>",
        "Print the KPI differences B - A between two runs, per policy, with 95 % intervals",
        (command) =>
          command
            .positional("dirA", { type: "string", demandOption: true, describe: "First run's folder (or results.json)" })
            .positional("dirB", { type: "string", demandOption: true, describe: "Second run's folder (or results.json)" })
            .options(COMPARE_OPTIONS),
        (args) => compareCommand({ dirA: args.dirA, dirB: args.dirB, kpis: args.kpis, json: args.json }),
      )
      .command(
        "check <dir>",
        "CI gate: exit 1 when a policy's KPI is significantly worse than in a baseline results.json",
        (command) => command.positional("dir", { type: "string", demandOption: true, describe: "The run's folder (or results.json)" }).options(CHECK_OPTIONS),
        (args) => {
          checkCommand({
            dir: args.dir,
            baseline: args.baseline,
            tolerance: args.tolerance,
            junit: args.junit,
            markdown: args.markdown,
            updateBaseline: args.updateBaseline,
            allowOtherSeeds: args.allowOtherSeeds,
            colour,
          });
        },
      )
      .command(
        "scenarios",
        "List the what-if scenarios (scenarios/ of the working directory, else the package's) with the question each answers",
        (command) => command.options(LIST_OPTIONS),
        (args) => scenariosCommand(args.json),
      )
      .demandCommand(1, `name a command: ${COMMANDS.join(", ")} (or --help, --version)`)
      .recommendCommands()
      .strict()
      .help()
      .version("version", "Print offersim's version", OFFERSIM_VERSION)
      .alias("version", "V")
      .fail((message, error) => {
        if (error) throw error;
        throw new InputError(readableYargsMessage(message, argv, { commands: COMMANDS, flags: flagsOf(argv) }));
      })
      .parseAsync();
    return EXIT_OK;
  } catch (error) {
    return report(error, terminalColours(process.stderr, colour));
  }
}

const COMMANDS = Object.keys(COMMAND_OPTIONS);

/** The flags of the command typed (the first word that is not a flag), with the global ones. */
function flagsOf(argv: readonly string[]): string[] {
  const command = argv.find((arg) => !arg.startsWith("-"));
  return [...Object.keys(COMMAND_OPTIONS[command ?? ""] ?? {}), ...Object.keys(GLOBAL_OPTIONS), "help", "version"];
}

function checkSwitchValues(argv: readonly string[]): void {
  const problems = argv.flatMap((arg) => {
    const match = /^--([a-z-]+)=(.*)$/s.exec(arg);
    return match && SWITCHES.includes(match[1]) && match[2] !== "true" && match[2] !== "false" ? [`--${match[1]} takes no value (or =true / =false), got ${JSON.stringify(match[2])}`] : [];
  });
  if (problems.length > 0) throw new InputError(problems);
}

function report(error: unknown, colours: TerminalColours): number {
  const failed = colours.red("offersim:");
  if (error instanceof InputError) {
    for (const problem of error.problems) process.stderr.write(`${failed} ${terminalSafe(problem)}\n`);
    return EXIT_BAD_INPUT;
  }
  if (error instanceof RunInterruptedError) {
    process.stderr.write(`${failed} ${error.message}: stopped the workers, wrote no results\n`);
    return EXIT_INTERRUPTED;
  }
  if (error instanceof RunFailedError) {
    for (const failure of error.failures) process.stderr.write(`${failed} run failed: seed ${failure.replicate}: ${terminalSafe(failure.error)}\n`);
    process.stderr.write(`${failed} ${error.failures.length} task(s) failed; ${error.message}\n`);
    return EXIT_RUN_FAILED;
  }
  if (error instanceof CheckFailedError) {
    process.stderr.write(`${failed} check failed: ${error.message}\n`);
    return EXIT_RUN_FAILED;
  }
  if (error instanceof PolicyError) {
    process.stderr.write(`${failed} run failed: ${error.message}\n`);
    return EXIT_RUN_FAILED;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${failed} run failed: ${message}\n`);
  if (process.env.OFFERSIM_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return EXIT_RUN_FAILED;
}
