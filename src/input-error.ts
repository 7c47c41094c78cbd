/**
 * Bad input from the user (a scenario, a flag, a policy module, a results file, an output
 * folder): the CLI prints each problem on its own line and exits with code 2. Each problem names
 * the file or flag, the field path, what was expected and what was found, e.g.
 * `scenarios/x.yaml: population.size must be a positive integer, got -5`.
 */
export class InputError extends Error {
  readonly problems: string[];

  constructor(problems: string | string[]) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.join("\n"));
    this.name = "InputError";
    this.problems = list;
  }
}
