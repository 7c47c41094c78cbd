/**
 * Bad input from the user (a flag, a policy module, an output folder): the CLI prints each
 * problem on its own line and exits with code 2. Scenario problems use ScenarioError, which the
 * CLI treats the same way.
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
