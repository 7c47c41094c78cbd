/**
 * A scenario that cannot be loaded: a missing file, bad YAML, a broken `extends` chain or values
 * that break the schema. The CLI prints {@link ScenarioError.problems}, one per line, and exits
 * with code 2.
 *
 * @example
 * throw new ScenarioError(["scenarios/x.yaml: population.size must be a positive integer, got -5"]);
 */
export class ScenarioError extends Error {
  /** One line per problem, each starting with the path of the file it is about. */
  readonly problems: string[];

  constructor(problems: string[]) {
    super(problems.join("\n"));
    this.name = "ScenarioError";
    this.problems = problems;
  }
}
