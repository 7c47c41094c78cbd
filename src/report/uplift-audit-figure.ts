import type { ExperimentResults } from "./build-results.js";
import { runPolicyColours } from "./policy-colours.js";
import { baseLayout, type ReportFigure } from "./report-figure.js";

/**
 * The Qini curves of the policies with an uplift model against the world's true uplift: the
 * true uplift gained per audited customer by treating the top share by the model's estimate,
 * beside the perfect ranking (by the truth) and chance (the straight line); null when no policy
 * of the run has an uplift model.
 */
export function upliftAuditFigure(results: ExperimentResults): ReportFigure | null {
  const colours = runPolicyColours(results);
  const audited = results.policies.filter((entry) => entry.upliftAudit);
  if (audited.length === 0) return null;
  const data: Record<string, unknown>[] = [];
  for (const entry of audited) {
    const audit = entry.upliftAudit!;
    const colour = colours.get(entry.policy);
    const total = audit.model[audit.model.length - 1];
    const pp = (values: number[]) => values.map((value) => value * 100);
    data.push({ type: "scatter", mode: "lines+markers", name: `${entry.policy}: model`, line: { color: colour }, x: audit.share, y: pp(audit.model) });
    data.push({ type: "scatter", mode: "lines", name: `${entry.policy}: perfect ranking`, line: { color: colour, dash: "dot" }, x: audit.share, y: pp(audit.perfect) });
    data.push({ type: "scatter", mode: "lines", name: `${entry.policy}: chance`, line: { color: colour, dash: "dash", width: 1 }, x: [0, 1], y: [0, total * 100] });
  }
  return {
    id: "uplift-audit",
    title: "Uplift model against the world's true uplift (Qini curve)",
    data,
    layout: baseLayout("share of audited customers treated, best-ranked first", "true churn uplift gained per audited customer (pp, higher is better)"),
    caption:
      "Customers ranked by the model's estimated uplift, best first: the solid line is the true drop in churn gained by treating the top share, the dotted line the best any ranking could gain (ranked by the truth), the dashed line chance. The closer the solid line to the dotted one, the better the model targets uplift rather than risk.",
  };
}
