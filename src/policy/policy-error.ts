/** A policy broke the contract (invalid distribution, ineligible choice, a throw). */
export class PolicyError extends Error {
  constructor(
    readonly policy: string,
    message: string,
  ) {
    super(`policy "${policy}": ${message}`);
    this.name = "PolicyError";
  }
}
