import type { ExperimentResults } from "./build-results.js";
import { moneyLabel, runCurrency } from "./currency.js";
import { runPolicyColours } from "./policy-colours.js";
import { baseLayout, errorBars, type ReportFigure } from "./report-figure.js";

/**
 * `run WHATIF --against BASELINE`: the what-if's effect on each policy against the baseline
 * world (results.json `againstBaseline`), change in churn (x, percentage points a month)
 * against change in net value per customer (y), each with its 95 % interval — paired seed by
 * seed when the two worlds shared their random numbers — the same numbers as the table beside
 * it. One marker per policy in the policy's colour. Null without `againstBaseline`.
 */
export function whatIfEffectFigure(results: ExperimentResults): ReportFigure | null {
  const effect = results.againstBaseline;
  if (!effect) return null;
  const colours = runPolicyColours(results);
  const method = effect.method === "paired" ? "paired seed by seed" : "Welch, unpaired";
  const traces = Object.entries(effect.policies).flatMap(([policy, kpis]) => {
    const churn = kpis.churnRateMonthly;
    const value = kpis.netValuePerSub;
    if (!churn || !value) return [];
    return [
      {
        type: "scatter",
        mode: "markers",
        name: policy,
        x: [churn.meanDiff * 100],
        y: [value.meanDiff],
        error_x: { ...errorBars(churn.meanDiff, churn.ci95, 100), color: colours.get(policy) },
        error_y: { ...errorBars(value.meanDiff, value.ci95), color: colours.get(policy) },
        marker: { color: colours.get(policy), size: 12, line: { width: 1, color: "#fff" } },
        hovertemplate: `${policy}: ${results.scenario.name} − ${effect.scenario.name}<br>churn %{x:+.3f} pp/month<br>net value/customer %{y:+,.1f}<extra></extra>`,
      },
    ];
  });
  const layout = baseLayout("Δ churn, percentage points a month (what-if − baseline)", `${moneyLabel("Δ net value per customer", runCurrency(results))} (what-if − baseline)`);
  return {
    id: "what-if-effect",
    title: `Effect of ${results.scenario.name} against the ${effect.scenario.name} world, per policy (${method})`,
    data: traces,
    layout: {
      ...layout,
      xaxis: { ...(layout.xaxis as object), zeroline: true, zerolinewidth: 2, zerolinecolor: "#999" },
      yaxis: { ...(layout.yaxis as object), zeroline: true, zerolinewidth: 2, zerolinecolor: "#999" },
    },
    caption: `Each marker is what the ${results.scenario.name} world changes for one policy against the ${effect.scenario.name} world, with its 95 % intervals (${method}, the table beside it), so a policy further up and to the left limits the damage better, and a bar that does not cross a zero line is a real effect.`,
  };
}
