import type { ExperimentResults } from "./build-results.js";
import { moneyLabel, runCurrency } from "./currency.js";
import { groupThousands } from "./group-thousands.js";
import { htmlEscape } from "./html-escape.js";
import { MEANINGFUL_ROI_LIMIT, policyRoiVersusReference, programRois, roiIsMeaningful, type ProgramRoi } from "./program-roi.js";

const money = (value: number | null) => (value === null ? "n/a" : groupThousands(value.toFixed(0)));
const percent = (entry: ProgramRoi) => {
  if (entry.roi === null) return entry.cost > 0 ? "n/a" : "no cost";
  return roiIsMeaningful(entry.roi) ? groupThousands(`${(entry.roi * 100).toFixed(1)} %`) : "not meaningful";
};
/** The table's header, the money columns with their currency. */
function header(currency: string | null): string {
  const money = ["cost", "ARPU uplift", "CLV gain"].map((label) => `<th>${htmlEscape(moneyLabel(label, currency))}</th>`).join("");
  return `<tr><th>policy</th><th>program</th><th>contacts</th><th>accepts</th>${money}<th>ROI</th></tr>`;
}

/**
 * The business case of each whole policy against the reference first (one bold row per policy),
 * then, folded under it, every program each policy used; a ROI beyond ±1,000 % (a cost close to
 * nothing) reads "not meaningful" instead of a huge percentage.
 */
export function programRoiTableHtml(results: ExperimentResults): string {
  const row = (policy: string, entry: ProgramRoi, whole: boolean) =>
    `<tr${whole ? ' class="whole"' : ""}><td>${htmlEscape(policy)}</td><td>${htmlEscape(entry.program)}</td><td>${money(entry.contacts)}</td><td>${money(entry.accepts)}</td>` +
    `<td>${money(entry.cost)}</td><td>${money(entry.arpuUplift)}</td><td>${money(entry.clvGain)}</td><td>${percent(entry)}</td></tr>`;
  const currency = runCurrency(results);
  const wholeRows = results.policies.flatMap((policy) => {
    const whole = policyRoiVersusReference(results, policy);
    return whole ? [row(policy.policy, whole, true)] : [];
  });
  const programRows = results.policies.flatMap((policy) => programRois(policy).map((entry) => row(policy.policy, entry, false)));
  const wholeTable = wholeRows.length > 0 ? `<div class="table-scroll"><table class="programs">${header(currency)}${wholeRows.join("")}</table></div>` : "";
  const limit = groupThousands(String(MEANINGFUL_ROI_LIMIT * 100));
  return (
    wholeTable +
    `<details><summary>Per program: ${programRows.length} rows (a ROI beyond ±${limit} % reads "not meaningful": its cost was close to nothing next to its value)</summary>` +
    `<div class="table-scroll"><table class="programs">${header(currency)}${programRows.join("")}</table></div></details>`
  );
}
