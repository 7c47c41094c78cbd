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
  try {
    checkSwitchValues(argv);
    await yargs(argv)
      .scriptName("offersim")
      .usage("$0 <command> [options]")
      .command(
        "run [scenario]",
        "Run every policy on several seeds of a scenario and write results.json, summary.csv, summary.md and report.html",
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
            .option("tf-backend", { type: "string", describe: "TensorFlow.js backend of the ML and RL policies: wasm, cpu or node (tfjs-node, when installed) [default: wasm]" })
            .option("task-timeout", { type: "string", describe: "Seconds one (policy, seed) task may run before it is stopped and fails; 0 for no limit [default: 0]" })
            .option("shard", { type: "string", describe: "Run only slice i of n of the tasks (e.g. 2/4) and write DIR/partial.json for offersim merge" })
            .option("against", { type: "string", describe: "A baseline scenario YAML: run it too on the same seeds and report the what-if's effect per policy, paired seed by seed" })
            .option("from", { type: "string", describe: "A results.json (or its folder): run its recorded experiment again (scenario, seeds, root seed, size, policies, reference, baseline world)" })
            .option("out", { type: "string", describe: "Output folder (default: reports/<scenario>-<time>); a new or empty folder, or an earlier run's with --force" })
            .option("force", { type: "boolean", default: false, describe: "Replace the results of an earlier run in --out" })
            .option("allow-policy-modules", { type: "boolean", default: false, describe: "Let the scenario's policies list run policy modules (code) named in it" })
            .option("log-decisions", { type: "string", describe: "Write every decision (features, eligibility, propensity, outcome, churn, ground truth) to DIR/policy=NAME/seed=K/part-0.parquet; DIR must be new or empty" })
            .option("log-format", { type: "string", describe: "Format of the decision log: parquet or csv [default: parquet]" })
            .option("log-expected-values", { type: "boolean", describe: "Also log the world's expected value of every eligible action (the oracle's view; slower)" })
            .option("log-distribution", { type: "boolean", describe: "Also log the policy's whole action distribution (p_ACTION columns)" })
            .option("json", { type: "boolean", default: false, describe: "Print results.json to stdout instead of a table" })
            .option("quiet", { type: "boolean", default: false, describe: "No progress on stderr" }),
        async (args) => {
          await runCommand(args);
        },
      )
      .command(
        "sweep [scenario]",
        "Run a grid of variants of a scenario (--set PATH=V1,V2, repeatable) and write results per variant, sweep.json, summary.md and report.html",
        (command) =>
          command
            .positional("scenario", { type: "string", describe: "Scenario YAML (default: scenarios/baseline.yaml)" })
            .option("set", {
              type: "string",
              describe: "PATH=V1,V2,...: a dotted scenario path (offers[id=X].price, events[0].intensity) and its values; repeat for a grid",
            })
            .option("policies", { type: "string", describe: "Comma-separated policy names or module paths (default: all built-in)" })
            .option("seeds", { type: "string", describe: "Number of seeds (replicates) per policy and variant [default: 3]" })
            .option("seed", { type: "string", describe: "Root seed, the same for every variant (default: the scenario's seed)" })
            .option("reference", { type: "string", describe: "Policy the others are compared with, seed by seed (default: no-contact)" })
            .option("subscribers", { type: "string", describe: "Override population.size" })
            .option("days", { type: "string", describe: "Override horizonDays" })
            .option("workers", { type: "string", describe: "Worker threads (default: the number of cores)" })
            .option("tf-backend", { type: "string", describe: "TensorFlow.js backend: wasm, cpu or node [default: wasm]" })
            .option("out", { type: "string", describe: "Output folder (default: reports/<scenario>-sweep-<time>); a new or empty folder, or an earlier sweep's with --force" })
            .option("force", { type: "boolean", default: false, describe: "Replace an earlier sweep's folder in --out" })
            .option("allow-policy-modules", { type: "boolean", default: false, describe: "Let the scenario's policies list run policy modules (code) named in it" })
            .option("json", { type: "boolean", default: false, describe: "Print sweep.json to stdout" })
            .option("quiet", { type: "boolean", default: false, describe: "No progress on stderr" }),
        async (args) => {
          await sweepCommand(args);
        },
      )
      .command(
        "ope <log>",
        "Off-policy evaluation: estimate a target policy's value per decision from a logged dataset (offersim run --log-decisions), by IPW, SNIPW, DM, DR, SNDR and Switch-DR with subscriber-bootstrap intervals",
        (command) =>
          command
            .positional("log", { type: "string", demandOption: true, describe: "The dataset folder written by offersim run --log-decisions" })
            .option("target", { type: "string", describe: "The policy to evaluate: a built-in name or a module path" })
            .option("scenario", { type: "string", describe: "The scenario the log was written with (default: scenarios/baseline.yaml)" })
            .option("reward", { type: "string", describe: "What a decision earns: objective_value or reward (money) [default: objective_value]" })
            .option("bootstrap", { type: "string", describe: "Bootstrap resamples (over subscribers) [default: 200]" })
            .option("folds", { type: "string", describe: "Cross-fitting folds of the reward model [default: 3]" })
            .option("switch-max-weight", { type: "string", describe: "Switch-DR's weight threshold [default: 10]" })
            .option("json", { type: "boolean", default: false, describe: "Print the estimates as JSON" }),
        async (args) => {
          await opeCommand(args);
        },
      )
      .command(
        "ope-check [scenario]",
        "Check off-policy estimates against the simulated truth: run A (logging) and B on the same seeds, estimate B from A's logs with every estimator, and report each estimate's error against B's value per decision and its long-run net value gain",
        (command) =>
          command
            .positional("scenario", { type: "string", describe: "Scenario YAML (default: scenarios/baseline.yaml)" })
            .option("logging", { type: "string", describe: "The logging policy A (e.g. rules-nba-eps10: rules-nba with 10 % exploration)" })
            .option("target", { type: "string", describe: "The policy B to estimate" })
            .option("seeds", { type: "string", describe: "Number of seeds [default: 3]" })
            .option("seed", { type: "string", describe: "Root seed (default: the scenario's seed)" })
            .option("subscribers", { type: "string", describe: "Override population.size" })
            .option("days", { type: "string", describe: "Override horizonDays" })
            .option("workers", { type: "string", describe: "Worker threads (default: the number of cores)" })
            .option("bootstrap", { type: "string", describe: "Bootstrap resamples (over subscribers) [default: 200]" })
            .option("reward", { type: "string", describe: "What a decision earns: objective_value or reward [default: objective_value]" })
            .option("out", { type: "string", describe: "Output folder, new or empty (default: reports/<scenario>-<time>-ope-check)" })
            .option("json", { type: "boolean", default: false, describe: "Print ope-check.json to stdout" })
            .option("quiet", { type: "boolean", default: false, describe: "No progress on stderr" }),
        async (args) => {
          await opeCheckCommand(args);
        },
      )
      .command(
        "merge <dirs..>",
        "Combine the partial.json of every shard (offersim run --shard i/n) into the results a single run would write",
        (command) =>
          command
            .positional("dirs", { type: "string", array: true, demandOption: true, describe: "Output folders of the shards (or their partial.json files)" })
            .option("out", { type: "string", describe: "Output folder (default: reports/<scenario>-<time>); a new or empty folder, or an earlier run's with --force" })
            .option("force", { type: "boolean", default: false, describe: "Replace the results of an earlier run in --out" })
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
            .option("kpis", { type: "string", describe: "Comma-separated KPIs, or all (default: the headline KPIs)" })
            .option("json", { type: "boolean", default: false, describe: "Print the comparison as JSON" }),
        (args) => compareCommand({ dirA: args.dirA, dirB: args.dirB, kpis: args.kpis, json: args.json }),
      )
      .command(
        "check <dir>",
        "CI gate: exit 1 when a policy's KPI is significantly worse than in a baseline results.json",
        (command) =>
          command
            .positional("dir", { type: "string", demandOption: true, describe: "The run's folder (or results.json)" })
            .option("baseline", { type: "string", demandOption: true, describe: "results.json of an earlier run" })
            .option("tolerance", { type: "string", array: true, describe: "KPI=VALUE (absolute) or KPI=5% (relative), repeatable; *=VALUE for every KPI [default: *=2%]" })
            .option("junit", { type: "string", describe: "Write JUnit XML here (one test case per policy and KPI)" })
            .option("markdown", { type: "string", describe: "Write a Markdown summary here (for a CI job summary)" })
            .option("update-baseline", { type: "boolean", default: false, describe: "Write DIR's results as the new baseline instead of checking" })
            .option("allow-other-seeds", { type: "boolean", default: false, describe: "Compare runs on other seeds (Welch intervals) instead of refusing" }),
        (args) => {
          checkCommand({
            dir: args.dir,
            baseline: args.baseline,
            tolerance: args.tolerance,
            junit: args.junit,
            markdown: args.markdown,
            updateBaseline: args.updateBaseline,
            allowOtherSeeds: args.allowOtherSeeds,
          });
        },
      )
      .command(
        "scenarios",
        "List the what-if scenarios (scenarios/ of the working directory, else the package's) with the question each answers",
        (command) => command.option("json", { type: "boolean", default: false }),
        (args) => scenariosCommand(args.json),
      )
      .demandCommand(1, "name a command: run, sweep, merge, validate, policies, scenarios, report, compare or check")
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

/** Flags that are on or off: yargs would read `--json=maybe` as off without a word. */
const SWITCHES = ["json", "quiet", "force", "allow-policy-modules", "update-baseline", "allow-other-seeds", "help"];

function checkSwitchValues(argv: readonly string[]): void {
  const problems = argv.flatMap((arg) => {
    const match = /^--([a-z-]+)=(.*)$/s.exec(arg);
    return match && SWITCHES.includes(match[1]) && match[2] !== "true" && match[2] !== "false" ? [`--${match[1]} takes no value (or =true / =false), got ${JSON.stringify(match[2])}`] : [];
  });
  if (problems.length > 0) throw new InputError(problems);
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
  if (error instanceof InputError) {
    for (const problem of error.problems) process.stderr.write(`offersim: ${terminalSafe(problem)}\n`);
    return EXIT_BAD_INPUT;
  }
  if (error instanceof RunInterruptedError) {
    process.stderr.write(`offersim: ${error.message}: stopped the workers, wrote no results\n`);
    return EXIT_INTERRUPTED;
  }
  if (error instanceof RunFailedError) {
    for (const failure of error.failures) process.stderr.write(`offersim: run failed: seed ${failure.replicate}: ${terminalSafe(failure.error)}\n`);
    process.stderr.write(`offersim: ${error.failures.length} task(s) failed; ${error.message}\n`);
    return EXIT_RUN_FAILED;
  }
  if (error instanceof CheckFailedError) {
    process.stderr.write(`offersim: check failed: ${error.message}\n`);
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
