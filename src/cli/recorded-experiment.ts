import { InputError } from "../input-error.js";
import { looksLikePath } from "../parallel/resolve-policies.js";
import { readResultsFile } from "../report/read-results-file.js";
import { parseScenarioObject } from "../scenario/parse-scenario-object.js";
import { scenarioHash } from "../scenario/scenario-hash.js";
import type { Scenario } from "../scenario/scenario-schema.js";
import type { RunFlags } from "./run-command.js";

/** A scenario recorded in a results.json, validated again, as loadScenario would give it. */
export interface RecordedScenario {
  /** The scenario file the recorded run named (results.json `scenario.file`). */
  readonly file: string;
  readonly scenario: Scenario;
  readonly hash: string;
}

/** What `run --from` reruns: the recorded scenario(s) and the run flags that repeat the experiment. */
export interface RecordedExperiment {
  readonly resultsFile: string;
  readonly whatIf: RecordedScenario;
  /** The baseline world of a `--against` run. */
  readonly against: RecordedScenario | null;
  /** --seeds, --seed, --subscribers, --days, --policies and --reference as the recorded run had them. */
  readonly flags: Pick<RunFlags, "seeds" | "seed" | "subscribers" | "days" | "policies" | "reference">;
  /** A sweep variant's `--set` values, carried into the rerun's results.json. */
  readonly set?: Readonly<Record<string, string | number | boolean>>;
}

/** Flags that say what to run: --from takes all of them from the file. */
const DECIDED_BY_FROM: readonly (keyof RunFlags)[] = ["scenario", "policies", "seeds", "seed", "reference", "subscribers", "days", "against"];

/**
 * `offersim run --from DIR/results.json`: the experiment recorded in a results.json (its scenario
 * after `extends` and `--set`, root seed, seeds, subscribers, days, policies and reference, and a
 * what-if's baseline world), so that the rerun gives the same KPIs whatever became of the YAML.
 *
 * @throws {InputError} one line naming the file (or flag), the field, what was expected and what was found.
 */
export function readRecordedExperiment(from: string, flags: RunFlags & { allowPolicyModules?: boolean }): RecordedExperiment {
  const clash = DECIDED_BY_FROM.filter((flag) => flags[flag] !== undefined);
  if (clash.length > 0) {
    const named = clash.map((flag) => (flag === "scenario" ? "SCENARIO" : `--${flag.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`));
    throw new InputError(`--from reruns the experiment recorded in ${from} as it was, got ${named.join(", ")} as well: drop ${clash.length > 1 ? "them" : "it"}, or run the scenario without --from`);
  }
  const { file, results } = readResultsFile(from, "--from");
  const whatIf = recordedScenario(file, "scenario", results.scenario);
  const baseline = results.againstBaseline?.scenario;
  const against = baseline ? recordedScenario(file, "againstBaseline.scenario", baseline) : null;
  const { config } = results;
  const sources = config.policySources ?? config.policies;
  if (sources.length !== config.policies.length) {
    throw new InputError(`${file}: config.policySources must name one source per policy (${config.policies.length}), got ${sources.length}`);
  }
  const module = sources.findIndex(looksLikePath);
  if (module >= 0 && !flags.allowPolicyModules) {
    throw new InputError(`${file}: config.policySources[${module}] is a policy module (code you choose to run): add --allow-policy-modules to rerun it, got ${JSON.stringify(sources[module])}`);
  }
  return {
    resultsFile: file,
    whatIf,
    against,
    flags: {
      seeds: String(config.seeds),
      seed: String(config.rootSeed),
      subscribers: String(config.subscribers),
      days: String(config.days),
      policies: sources.join(","),
      ...(config.reference === null ? {} : { reference: config.reference }),
    },
    ...(config.set === undefined ? {} : { set: config.set }),
  };
}

/** The recorded definition, validated again and checked against its hash (an edited file cannot pass as the run). */
function recordedScenario(file: string, field: string, recorded: { readonly file: string; readonly hash: string; readonly definition?: Scenario }): RecordedScenario {
  if (recorded.definition === undefined) {
    throw new InputError(`${file}: ${field}.definition must hold the scenario as run (results.json written by offersim run since tidy data), got nothing: this run cannot be repeated from its results`);
  }
  let scenario: Scenario;
  try {
    scenario = parseScenarioObject(file, recorded.definition);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new InputError(error.problems[0].replace(`${file}: `, `${file}: ${field}.definition.`));
  }
  const hash = scenarioHash(scenario);
  if (hash !== recorded.hash) throw new InputError(`${file}: ${field}.definition must hash to ${field}.hash (${recorded.hash}), got ${hash}: the recorded scenario was edited`);
  return { file: recorded.file, scenario, hash };
}
