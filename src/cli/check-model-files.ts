import { InputError } from "../input-error.js";
import { buildActionCatalogue } from "../engine/action-catalogue.js";
import { modelMismatch, parseModelSpec, readModelFile } from "../policy/model-file.js";
import type { Scenario } from "../scenario/scenario-schema.js";
import { FEATURE_NAMES } from "../world/observation/observe.js";

/**
 * Checks every `NAME=FILE` of the run against the scenario before anything runs: a model whose
 * feature names or action ids differ from the run's is bad input; one trained on another
 * scenario (another hash) runs, with a warning line, since a what-if is a fair place to try a
 * model trained on the baseline.
 *
 * @throws {InputError} naming the file and the first feature or action that differs.
 */
export function checkModelFiles(names: readonly string[], scenario: Scenario, scenarioHash: string, warn: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): void {
  const actionIds = buildActionCatalogue(scenario).actions.map((action) => action.id);
  const problems: string[] = [];
  for (const name of names) {
    const spec = parseModelSpec(name);
    if (!spec) continue;
    const model = readModelFile(spec.file);
    const mismatch = modelMismatch(spec.file, model, FEATURE_NAMES, actionIds);
    if (mismatch) problems.push(mismatch);
    else if (model.scenario.hash !== scenarioHash) {
      warn(`offersim: warning: ${spec.file} was trained on scenario ${model.scenario.name} (hash ${model.scenario.hash}), this run is ${scenario.name} (hash ${scenarioHash}): the model has not seen this world`);
    }
  }
  if (problems.length > 0) throw new InputError(problems);
}
