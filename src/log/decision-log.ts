/**
 * The decision log, one row per decision in the Open Bandit Pipeline's shape: when, who, which
 * moment, the action taken, the propensity the policy gave it, what happened, the immediate
 * reward, and ground truth from the world: the true acceptance probability (the expected reward
 * signal, for evaluating off-policy estimators) and the churn hazard the contact left the
 * customer with today (NaN without a contact). Columnar and growable; kept only when asked for.
 */
export class DecisionLog {
  size = 0;
  day = new Int32Array(1024);
  subscriber = new Int32Array(1024);
  moment = new Uint8Array(1024);
  action = new Uint16Array(1024);
  propensity = new Float64Array(1024);
  outcome = new Uint8Array(1024);
  reward = new Float64Array(1024);
  acceptProbability = new Float64Array(1024);
  hazardAfter = new Float64Array(1024);

  record(day: number, subscriber: number, moment: number, action: number, propensity: number, outcome: number, reward: number, acceptProbability: number, hazardAfter: number): void {
    if (this.size === this.day.length) this.grow();
    const row = this.size++;
    this.day[row] = day;
    this.subscriber[row] = subscriber;
    this.moment[row] = moment;
    this.action[row] = action;
    this.propensity[row] = propensity;
    this.outcome[row] = outcome;
    this.reward[row] = reward;
    this.acceptProbability[row] = acceptProbability;
    this.hazardAfter[row] = hazardAfter;
  }

  private grow(): void {
    const capacity = this.day.length * 2;
    const grown = <T extends Int32Array | Uint8Array | Uint16Array | Float64Array>(array: T): T => {
      const next = new (array.constructor as new (length: number) => T)(capacity);
      next.set(array);
      return next;
    };
    this.day = grown(this.day);
    this.subscriber = grown(this.subscriber);
    this.moment = grown(this.moment);
    this.action = grown(this.action);
    this.propensity = grown(this.propensity);
    this.outcome = grown(this.outcome);
    this.reward = grown(this.reward);
    this.acceptProbability = grown(this.acceptProbability);
    this.hazardAfter = grown(this.hazardAfter);
  }
}
