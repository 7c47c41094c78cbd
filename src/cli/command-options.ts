import type { Options } from "yargs";

/**
 * A flag that takes a number. yargs reads it as text (`string`), so the checks of each command can
 * quote what was typed (`--seeds must be an integer from 1 to 1000, got "ten"`) instead of NaN;
 * `number` only labels it `[number]` in --help (yargs' parser gives `string` precedence).
 */
function numeric(describe: string) {
  return { type: "string", number: true, describe } as const satisfies Options;
}

function text(describe: string) {
  return { type: "string", describe } as const satisfies Options;
}

function onOff(describe: string) {
  return { type: "boolean", default: false, describe } as const satisfies Options;
}

const POLICIES = text("Comma-separated policy names or module paths (default: the scenario's policies list, else every built-in policy)");
const REFERENCE = text("Policy the others are compared with, seed by seed (default: no-contact)");
const SUBSCRIBERS = numeric("Override population.size");
const DAYS = numeric("Override horizonDays");
const WORKERS = numeric("Worker threads (default: the number of cores)");
const ALLOW_POLICY_MODULES = onOff("Let the scenario's policies list run policy modules (code) named in it");
const QUIET = onOff("No progress on stderr");

export const RUN_OPTIONS = {
  policies: POLICIES,
  models: text("NAME=FILE,...: evaluate built-in policy NAME of the run with the model in FILE (written by offersim train) instead of training it, e.g. dqn=models/dqn-baseline.json"),
  seeds: numeric("Number of seeds (replicates) per policy [default: 3]"),
  seed: numeric("Root seed (default: the scenario's seed)"),
  reference: REFERENCE,
  subscribers: SUBSCRIBERS,
  days: DAYS,
  workers: WORKERS,
  "tf-backend": text("TensorFlow.js backend of the ML and RL policies: wasm, cpu or node (tfjs-node, when installed) [default: wasm]"),
  "task-timeout": numeric("Seconds one (policy, seed) task may run before it is stopped and fails; 0 for no limit [default: 0]"),
  shard: text("Run only slice i of n of the tasks (e.g. 2/4) and write DIR/partial.json for offersim merge"),
  against: text("A baseline scenario YAML: run it too on the same seeds and report the what-if's effect per policy, paired seed by seed"),
  from: text("A results.json (or its folder): run its recorded experiment again (scenario, seeds, root seed, size, policies, reference, baseline world)"),
  out: text("Output folder (default: reports/<scenario>-<time>); a new or empty folder, or an earlier run's with --force"),
  force: onOff("Replace the results of an earlier run in --out"),
  "allow-policy-modules": ALLOW_POLICY_MODULES,
  "log-decisions": text("Write every decision (features, eligibility, propensity, outcome, churn, ground truth) to DIR/policy=NAME/seed=K/part-0.parquet; DIR must be new or empty"),
  "log-format": text("Format of the decision log: parquet or csv [default: parquet]"),
  "log-expected-values": { type: "boolean", describe: "Also log the world's expected value of every eligible action (the oracle's view; slower)" },
  "log-distribution": { type: "boolean", describe: "Also log the policy's whole action distribution (p_ACTION columns)" },
  json: onOff("Print results.json to stdout instead of a table"),
  quiet: QUIET,
} as const satisfies Record<string, Options>;

export const SWEEP_OPTIONS = {
  set: text("PATH=V1,V2,...: a dotted scenario path (offers[id=X].price, events[0].intensity) and its values; repeat for a grid"),
  policies: POLICIES,
  seeds: numeric("Number of seeds (replicates) per policy and variant [default: 3]"),
  seed: numeric("Root seed, the same for every variant (default: the scenario's seed)"),
  reference: REFERENCE,
  subscribers: SUBSCRIBERS,
  days: DAYS,
  workers: WORKERS,
  "tf-backend": text("TensorFlow.js backend: wasm, cpu or node [default: wasm]"),
  out: text("Output folder (default: reports/<scenario>-sweep-<time>); a new or empty folder, or an earlier sweep's with --force"),
  force: onOff("Replace an earlier sweep's folder in --out"),
  "allow-policy-modules": ALLOW_POLICY_MODULES,
  json: onOff("Print sweep.json to stdout"),
  quiet: QUIET,
} as const satisfies Record<string, Options>;

export const OPE_OPTIONS = {
  target: text("The policy to evaluate: a built-in name or a module path"),
  scenario: text("The scenario the log was written with (default: scenarios/baseline.yaml)"),
  reward: text("What a decision earns: objective_value or reward (money) [default: objective_value]"),
  bootstrap: numeric("Bootstrap resamples (over subscribers) [default: 200]"),
  folds: numeric("Cross-fitting folds of the reward model [default: 3]"),
  "switch-max-weight": numeric("Switch-DR's weight threshold [default: 10]"),
  json: onOff("Print the estimates as JSON"),
} as const satisfies Record<string, Options>;

export const OPE_CHECK_OPTIONS = {
  logging: text("The logging policy A (e.g. rules-nba-eps10: rules-nba with 10 % exploration)"),
  target: text("The policy B to estimate"),
  seeds: numeric("Number of seeds [default: 3]"),
  seed: numeric("Root seed (default: the scenario's seed)"),
  subscribers: SUBSCRIBERS,
  days: DAYS,
  workers: WORKERS,
  bootstrap: numeric("Bootstrap resamples (over subscribers) [default: 200]"),
  reward: text("What a decision earns: objective_value or reward [default: objective_value]"),
  out: text("Output folder, new or empty (default: reports/<scenario>-<time>-ope-check)"),
  json: onOff("Print ope-check.json to stdout"),
  quiet: QUIET,
} as const satisfies Record<string, Options>;

export const MERGE_OPTIONS = {
  out: text("Output folder (default: reports/<scenario>-<time>); a new or empty folder, or an earlier run's with --force"),
  force: onOff("Replace the results of an earlier run in --out"),
  json: onOff("Print results.json to stdout instead of a table"),
} as const satisfies Record<string, Options>;

export const COMPARE_OPTIONS = {
  kpis: text("Comma-separated KPIs, or all (default: the headline KPIs)"),
  json: onOff("Print the comparison as JSON"),
} as const satisfies Record<string, Options>;

export const CHECK_OPTIONS = {
  baseline: { type: "string", demandOption: true, describe: "results.json of an earlier run" },
  tolerance: { type: "string", array: true, describe: "KPI=VALUE (absolute) or KPI=5% (relative), repeatable; *=VALUE for every KPI [default: *=2%]" },
  junit: text("Write JUnit XML here (one test case per policy and KPI)"),
  markdown: text("Write a Markdown summary here (for a CI job summary)"),
  "update-baseline": onOff("Write DIR's results as the new baseline instead of checking"),
  "allow-other-seeds": onOff("Compare runs on other seeds (Welch intervals) instead of refusing"),
} as const satisfies Record<string, Options>;

export const LIST_OPTIONS = {
  json: onOff("Print the list as JSON"),
} as const satisfies Record<string, Options>;

export const TRAIN_OPTIONS = {
  out: text("The model file to write (JSON)"),
  budget: text("KEY=VALUE,... replacing fields of the scenario's training section, e.g. episodes=30,rlGradientStepsPerDay=8"),
  seed: numeric("Root seed of the training worlds (default: the scenario's seed)"),
  checkpoint: text("Checkpoint file, written after every episode (default: OUT.checkpoint.json)"),
  resume: onOff("Continue from the checkpoint"),
  force: onOff("Replace --out and an earlier checkpoint"),
  "tf-backend": text("TensorFlow.js backend: wasm, cpu or node [default: wasm]"),
  quiet: onOff("No progress bar"),
} as const satisfies Record<string, Options>;

/** Options of every command (`--help`, `--version` and `--color` come on top). */
export const GLOBAL_OPTIONS = {
  color: { type: "boolean", describe: "Colour the terminal output; --no-color for none (default: colour on a terminal, none in a pipe or with NO_COLOR set; FORCE_COLOR forces it)" },
} as const satisfies Record<string, Options>;

/** The options of each command, by name: for --help, strict checking and "did you mean". */
export const COMMAND_OPTIONS: Readonly<Record<string, Readonly<Record<string, Options>>>> = {
  run: RUN_OPTIONS,
  train: TRAIN_OPTIONS,
  sweep: SWEEP_OPTIONS,
  ope: OPE_OPTIONS,
  "ope-check": OPE_CHECK_OPTIONS,
  merge: MERGE_OPTIONS,
  validate: {},
  policies: LIST_OPTIONS,
  scenarios: LIST_OPTIONS,
  report: {},
  compare: COMPARE_OPTIONS,
  check: CHECK_OPTIONS,
};

/** Flags that are on or off: yargs would read `--json=maybe` as off without a word. */
export const SWITCHES: readonly string[] = [
  ...new Set(
    Object.values({ ...COMMAND_OPTIONS, global: GLOBAL_OPTIONS })
      .flatMap((options) => Object.entries(options))
      .filter(([, option]) => option.type === "boolean")
      .map(([name]) => name)
      .concat("help", "version"),
  ),
];
