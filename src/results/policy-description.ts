/** What results and reports say about a policy: its name and one-line description. */
export interface PolicyDescription {
  readonly name: string;
  readonly description: string;
}
