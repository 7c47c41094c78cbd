import type { ExperimentResults } from "./build-results.js";
import { htmlEscape } from "./html-escape.js";
import { policyRoiVersusReference, programRois, type ProgramRoi } from "./program-roi.js";

const money = (value: number | null) => (value === null ? "n/a" : value.toFixed(0));
const percent = (value: number | null) => (value === null ? "n/a" : `${(value * 100).toFixed(1)} %`);

/** The business case of every program each policy used, and of the whole policy against the reference. */
export function programRoiTableHtml(results: ExperimentResults): string {
  const header = "<tr><th>policy</th><th>program</th><th>contacts</th><th>accepts</th><th>cost</th><th>ARPU uplift</th><th>CLV gain</th><th>ROI</th></tr>";
  const row = (policy: string, entry: ProgramRoi, whole: boolean) =>
    `<tr${whole ? ' class="whole"' : ""}><td>${htmlEscape(policy)}</td><td>${htmlEscape(entry.program)}</td><td>${entry.contacts.toFixed(0)}</td><td>${entry.accepts.toFixed(0)}</td>` +
    `<td>${money(entry.cost)}</td><td>${money(entry.arpuUplift)}</td><td>${money(entry.clvGain)}</td><td>${percent(entry.roi)}</td></tr>`;
  const rows = results.policies.flatMap((policy) => {
    const whole = policyRoiVersusReference(results, policy);
    return [...programRois(policy).map((entry) => row(policy.policy, entry, false)), ...(whole ? [row(policy.policy, whole, true)] : [])];
  });
  return `<table class="programs">${header}${rows.join("")}</table>`;
}
