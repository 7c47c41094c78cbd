import { InputError } from "../input-error.js";
import { loadScenario } from "../scenario/load-scenario.js";
import { resolvePolicies } from "../parallel/resolve-policies.js";
import { ESTIMATOR_NAMES } from "../ope/estimate-policy-value.js";
import { textTable } from "../report/text-table.js";
import { defaultScenarioFile } from "./run-command.js";
import { DEFAULT_OPE_SETTINGS, estimateFromLog, OPE_REWARDS, type OpeReward, type OpeSettings, type PartitionEstimate } from "./estimate-from-log.js";

export interface OpeFlags {
  log: string;
  target?: string;
  scenario?: string;
  reward?: string;
  bootstrap?: string;
  folds?: string;
  switchMaxWeight?: string;
  json?: boolean;
}

/** `offersim ope LOG --target POLICY`: the target's value per decision on every partition of the log, by every estimator. */
export async function opeCommand(flags: OpeFlags, out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<PartitionEstimate[]> {
  const settings = parseOpeSettings(flags);
  if (flags.target === undefined || flags.target.trim() === "") throw new InputError("--target must name a policy (a built-in name or a module path), got nothing");
  const file = flags.scenario ?? defaultScenarioFile();
  const loaded = loadScenario(file);
  const [target] = await resolvePolicies([flags.target], "--target");
  if (target.privileged) throw new InputError(`--target must be a policy that decides from the observable features, got ${JSON.stringify(target.name)}, which needs the world's latent state`);
  const estimates = await estimateFromLog(flags.log, loaded.scenario, loaded.hash, target, settings);
  for (const estimate of estimates) if (estimate.support.warning) err.write(`offersim: ${estimate.file}: ${estimate.support.warning}\n`);
  out.write(flags.json ? JSON.stringify(estimates.map(({ file: _file, ...rest }) => rest), null, 2) + "\n" : opeTable(estimates, settings) + "\n");
  return estimates;
}

/** The table `offersim ope` prints: one line per (logging policy, seed, estimator). */
export function opeTable(estimates: readonly PartitionEstimate[], settings: OpeSettings): string {
  const number = (value: number) => (Number.isFinite(value) ? value.toFixed(3) : String(value));
  const rows: string[][] = [];
  for (const estimate of estimates) {
    for (const name of ESTIMATOR_NAMES) {
      const { estimate: value, lower, upper } = estimate.estimates[name];
      rows.push([estimate.logging, String(estimate.seed), name, number(value), `[${number(lower)}, ${number(upper)}]`]);
    }
    rows.push([estimate.logging, String(estimate.seed), "(logged policy)", number(estimate.loggedMean), `ESS ${Math.round(estimate.effectiveSampleSize)} of ${estimate.rounds}, max weight ${number(estimate.weights.max)}`]);
  }
  const interval = `${Math.round(settings.confidence * 100)} % interval`;
  const title = `${estimates[0]?.target ?? ""}: value per decision (${settings.reward}), ${settings.bootstrap} subscriber-bootstrap resamples`;
  return [title, "", textTable(["logging policy", "seed", "estimator", "estimate", interval], rows, 3)].join("\n");
}

function parseOpeSettings(flags: OpeFlags): OpeSettings {
  const problems: string[] = [];
  const integer = (flag: string, raw: string | undefined, min: number, max: number, fallback: number) => {
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (raw.trim() === "" || !Number.isInteger(value) || value < min || value > max) problems.push(`--${flag} must be an integer from ${min} to ${max}, got ${JSON.stringify(raw)}`);
    return value;
  };
  const reward = (flags.reward ?? DEFAULT_OPE_SETTINGS.reward) as OpeReward;
  if (!OPE_REWARDS.includes(reward)) problems.push(`--reward must be one of ${OPE_REWARDS.join(", ")}, got ${JSON.stringify(flags.reward)}`);
  const maxWeight = flags.switchMaxWeight === undefined ? DEFAULT_OPE_SETTINGS.switchMaxWeight : Number(flags.switchMaxWeight);
  if (!(maxWeight > 0)) problems.push(`--switch-max-weight must be a number > 0, got ${JSON.stringify(flags.switchMaxWeight)}`);
  const settings: OpeSettings = {
    ...DEFAULT_OPE_SETTINGS,
    reward,
    bootstrap: integer("bootstrap", flags.bootstrap, 1, 100_000, DEFAULT_OPE_SETTINGS.bootstrap),
    folds: integer("folds", flags.folds, 2, 20, DEFAULT_OPE_SETTINGS.folds),
    switchMaxWeight: maxWeight,
  };
  if (problems.length > 0) throw new InputError(problems);
  return settings;
}
