import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { InputError } from "../input-error.js";
import { BUILTIN_POLICIES, findBuiltinPolicy, OPTIONAL_POLICIES } from "../../policies/builtin-policies.js";
import type { PolicyDefinition } from "../policy/policy.js";
import { withExploration } from "../policy/with-exploration.js";
import { parseModelSpec, readModelFile } from "../policy/model-file.js";

/** A policy name that names a module file rather than a built-in policy (NAME=FILE names a model file). */
export const looksLikePath = (name: string) => parseModelSpec(name) === null && (name.includes("/") || name.includes("\\") || /\.(m?js|ts)$/.test(name));

/**
 * Turns policy names into definitions: a built-in name, or the path of a user's module
 * (relative to the working directory) whose default export, or export named `policy`, is a
 * PolicyDefinition. Duplicates and unknown names are input errors.
 */
export async function resolvePolicies(names: readonly string[], source = "--policies"): Promise<PolicyDefinition[]> {
  const problems: string[] = [];
  const resolved: PolicyDefinition[] = [];
  for (const name of names) {
    const spec = parseModelSpec(name);
    if (spec) {
      const trained = trainedPolicy(spec.name, spec.file, source, problems);
      if (trained) resolved.push(trained);
      continue;
    }
    if (looksLikePath(name)) {
      const loaded = await loadPolicyModule(name, problems);
      if (loaded) resolved.push(loaded);
      continue;
    }
    const builtin = findBuiltinPolicy(name) ?? exploringBuiltin(name);
    if (builtin) resolved.push(builtin);
    else problems.push(`${source}: unknown policy "${name}" (built-in: ${[...BUILTIN_POLICIES, ...OPTIONAL_POLICIES].map((policy) => policy.name).join(", ")}; NAME-epsP for a built-in with P % exploration, e.g. rules-nba-eps10; or the path of a policy module)`);
  }
  const seen = new Set<string>();
  for (const policy of resolved) {
    if (seen.has(policy.name)) problems.push(`${source}: policy "${policy.name}" is named twice`);
    seen.add(policy.name);
  }
  if (problems.length > 0) throw new InputError(problems);
  return resolved;
}

/**
 * NAME=FILE: built-in NAME (a trainable one) whose `prepare` returns the model in FILE, written
 * by `offersim train NAME`, instead of training; the policy keeps its name.
 */
function trainedPolicy(name: string, file: string, source: string, problems: string[]): PolicyDefinition | null {
  const builtin = findBuiltinPolicy(name);
  if (!builtin?.trainable) {
    const trainable = [...BUILTIN_POLICIES, ...OPTIONAL_POLICIES].filter((policy) => policy.trainable).map((policy) => policy.name);
    problems.push(`${source}: ${name}=${file}: a model file can only be given to a trainable built-in policy (${trainable.join(", ")}), got "${name}"`);
    return null;
  }
  try {
    const model = readModelFile(file);
    if (findBuiltinPolicy(model.policy)?.trainable?.train !== builtin.trainable.train) throw new InputError(`${file}: policy must be "${name}" or a policy that shares its models, got ${JSON.stringify(model.policy)}`);
    const prepared = loadPayload(builtin, file, model.model);
    return {
      ...builtin,
      description: `${builtin.description} Evaluated with the model ${file} (trained on ${model.scenario.name}, ${model.experience.gradientSteps} gradient steps).`,
      prepare(context) {
        if (typeof model.experience?.customerDays === "number") context.countExperience({ customerDays: model.experience.customerDays, decisions: model.experience.decisions ?? 0 });
        return builtin.trainable!.prepareLoaded?.(prepared) ?? Promise.resolve(prepared);
      },
    };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problems.push(...error.problems);
    return null;
  }
}

function loadPayload(policy: PolicyDefinition, file: string, payload: unknown): unknown {
  try {
    return policy.trainable!.load(payload);
  } catch (error) {
    throw new InputError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * NAME-epsP: built-in NAME with P % uniform exploration (withExploration), the name the wrapper
 * gives itself, so that `--policies rules-nba-eps10` logs rules-nba with 10 % exploration.
 */
function exploringBuiltin(name: string): PolicyDefinition | undefined {
  const match = /^(.+)-eps(\d+(?:p\d+)?)$/.exec(name);
  const inner = match ? findBuiltinPolicy(match[1]) : undefined;
  if (!match || !inner) return undefined;
  const percent = Number(match[2].replace("p", "."));
  if (!(percent > 0 && percent <= 100)) return undefined;
  const wrapped = withExploration(inner, { epsilon: percent / 100 });
  return wrapped.name === name ? wrapped : undefined;
}

async function loadPolicyModule(file: string, problems: string[]): Promise<PolicyDefinition | null> {
  const absolute = path.resolve(file);
  if (!existsSync(absolute)) {
    problems.push(`${file}: policy module not found`);
    return null;
  }
  let loaded: Record<string, unknown>;
  try {
    loaded = (await import(pathToFileURL(absolute).href)) as Record<string, unknown>;
  } catch (error) {
    problems.push(`${file}: the policy module could not be loaded: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    return null;
  }
  const candidate = (loaded.default ?? loaded.policy) as Partial<PolicyDefinition> | undefined;
  const missing: string[] = [];
  if (!candidate || typeof candidate !== "object") {
    problems.push(`${file}: a policy module must export a policy definition as its default export (or as "policy"), got ${candidate === undefined ? "nothing" : typeof candidate}`);
    return null;
  }
  if (typeof candidate.name !== "string" || candidate.name.length === 0) missing.push(`name must be a non-empty string, got ${JSON.stringify(candidate.name) ?? "nothing"}`);
  if (typeof candidate.description !== "string") missing.push(`description must be a string, got ${JSON.stringify(candidate.description) ?? "nothing"}`);
  if (typeof candidate.create !== "function") missing.push(`create must be a function (context) => policy, got ${candidate.create === undefined ? "nothing" : typeof candidate.create}`);
  const cost = candidate.relativeCost;
  if (cost !== undefined && !(typeof cost === "number" && Number.isFinite(cost) && cost > 0)) missing.push(`relativeCost must be a positive number when given, got ${JSON.stringify(cost) ?? typeof cost}`);
  for (const line of missing) problems.push(`${file}: policy definition ${line}`);
  return missing.length === 0 ? (candidate as PolicyDefinition) : null;
}
