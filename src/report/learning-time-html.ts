import type { ExperimentResults } from "./build-results.js";
import { htmlEscape } from "./html-escape.js";
import { formatExperience, LEARNING_TIME_REFERENCE } from "./learning-time.js";

/**
 * "How long learning takes": per learning policy, its experience before the run and the
 * experience after which it first beats rules-nba (learningTime in results.json), or "not
 * within the run". Empty when no policy has a learning time (rules-nba did not run, or nothing learns).
 */
export function learningTimeHtml(results: ExperimentResults): string {
  const rows = results.policies.filter((entry) => entry.learningTime);
  if (rows.length === 0) return "";
  const body = rows
    .map((entry) => {
      const time = entry.learningTime!;
      return `<tr><td>${htmlEscape(entry.policy)}</td><td>${htmlEscape(formatExperience(time.beforeRun))}</td><td>${htmlEscape(time.verdict)}</td></tr>`;
    })
    .join("");
  return [
    `<h3>How long learning takes</h3>`,
    `<p class="caption">The experience after which each learning policy beats ${LEARNING_TIME_REFERENCE}, when its net value (paired seed by seed, averaged) is above ${LEARNING_TIME_REFERENCE}'s: its training before the run plus the run's customer-days and decisions up to the 30-day period from which on its net cash since day 0 (margin on revenue less spend) stays above ${LEARNING_TIME_REFERENCE}'s.</p>`,
    `<table><thead><tr><th>policy</th><th>experience before the run</th><th>first beats ${LEARNING_TIME_REFERENCE}</th></tr></thead><tbody>${body}</tbody></table>`,
  ].join("");
}
