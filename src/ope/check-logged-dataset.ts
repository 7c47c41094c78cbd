import type { ActionMatrix, LoggedDataset } from "./logged-dataset.js";

const SUM_TOLERANCE = 1e-6;

/**
 * What is wrong with a logged dataset and the matrices an estimate would use, one line per
 * problem naming `source`, the field (with the first bad row), what was expected and what was
 * found; empty when all is well. For the boundary where a log is read: the estimators trust
 * their inputs.
 *
 * @example
 *   checkLoggedDataset(log, "logs/run-1", target); // ["logs/run-1: pscore[12] must be in (0, 1], got 0"]
 */
export function checkLoggedDataset(log: LoggedDataset, source: string, target?: ActionMatrix, predictions?: ActionMatrix): string[] {
  const { rounds, actionCount: K } = log;
  const problems: string[] = [];
  const length = (field: string, array: ArrayLike<number> | undefined, expected: number) => {
    if (array && array.length !== expected) problems.push(`${source}: ${field} must have ${expected} entries, got ${array.length}`);
  };
  length("action", log.action, rounds);
  length("reward", log.reward, rounds);
  length("pscore", log.pscore, rounds);
  length("cluster", log.cluster, rounds);
  length("features", log.features, rounds * log.featureCount);
  length("loggingDistribution", log.loggingDistribution, rounds * K);
  length("target", target, rounds * K);
  length("predictions", predictions, rounds * K);
  if (problems.length > 0) return problems;
  const firstBad = (field: string, count: number, bad: (i: number) => string | null) => {
    for (let i = 0; i < count; i++) {
      const found = bad(i);
      if (found !== null) return void problems.push(`${source}: ${field}[${i}] ${found}`);
    }
  };
  firstBad("action", rounds, (i) => (log.action[i] >= 0 && log.action[i] < K ? null : `must be an action index from 0 to ${K - 1}, got ${log.action[i]}`));
  firstBad("pscore", rounds, (i) => (log.pscore[i] > 0 && log.pscore[i] <= 1 ? null : `must be in (0, 1], got ${log.pscore[i]}`));
  firstBad("reward", rounds, (i) => (Number.isFinite(log.reward[i]) ? null : `must be a finite number, got ${log.reward[i]}`));
  const logging = log.loggingDistribution;
  if (logging) {
    firstBad("loggingDistribution", rounds, (i) => distributionProblem(logging, i, K));
    firstBad("loggingDistribution", rounds, (i) =>
      Math.abs(logging[i * K + log.action[i]] - log.pscore[i]) <= 1e-9 ? null : `must give the logged action ${log.action[i]} its pscore ${log.pscore[i]}, got ${logging[i * K + log.action[i]]}`,
    );
  }
  if (target) firstBad("target", rounds, (i) => distributionProblem(target, i, K));
  if (predictions) firstBad("predictions", rounds * K, (k) => (Number.isFinite(predictions[k]) ? null : `must be a finite number, got ${predictions[k]}`));
  return problems;
}

function distributionProblem(matrix: ActionMatrix, row: number, actionCount: number): string | null {
  let sum = 0;
  for (let a = 0; a < actionCount; a++) {
    const p = matrix[row * actionCount + a];
    if (!(p >= 0 && p <= 1)) return `must be probabilities from 0 to 1, got ${p} for action ${a}`;
    sum += p;
  }
  return Math.abs(sum - 1) <= SUM_TOLERANCE ? null : `must sum to 1, got ${sum}`;
}
