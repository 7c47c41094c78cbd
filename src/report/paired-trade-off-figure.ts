import type { ExperimentResults } from "./build-results.js";
import { moneyLabel, runCurrency } from "./currency.js";
import { runPolicyColours } from "./policy-colours.js";
import { annoyanceSizes, baseLayout, errorBars, type ReportFigure } from "./report-figure.js";

/**
 * The headline chart: each policy's paired difference from the reference, seed by seed on common
 * random numbers (results.json `policies[].paired`), change in churn (x, percentage points a
 * month) against change in net value per customer (y), both with their paired 95 % intervals —
 * the same numbers as the Δ rows of the KPI table — and a marker area proportional to mean
 * annoyance. The reference sits at the origin. Null when the run has no reference.
 */
export function pairedTradeOffFigure(results: ExperimentResults): ReportFigure | null {
  const reference = results.policies.find((entry) => entry.policy === results.config.reference);
  if (!reference) return null;
  const colours = runPolicyColours(results);
  const currency = runCurrency(results);
  const money = currency === null ? "" : ` ${currency}`;
  const compared = results.policies.filter((entry) => entry.paired && entry !== reference);
  const sizes = annoyanceSizes([reference, ...compared].map((entry) => entry.kpis.annoyance.mean));
  const marker = (policy: string, index: number) => ({ color: colours.get(policy), line: { width: 1, color: "#fff" }, opacity: 0.85, ...sizes, size: [sizes.size[index]] });
  const traces: Record<string, unknown>[] = [
    {
      type: "scatter",
      mode: "markers",
      name: `${reference.policy} (reference)`,
      x: [0],
      y: [0],
      marker: { ...marker(reference.policy, 0), symbol: "square" },
      hovertemplate: `${reference.policy}: the reference<br>annoyance ${reference.kpis.annoyance.mean.toFixed(3)}<extra></extra>`,
    },
    ...compared.map((entry, k) => {
      const churn = entry.paired!.kpis.churnRateMonthly;
      const value = entry.paired!.kpis.netValuePerSub;
      const annoyance = entry.paired!.kpis.annoyance;
      return {
        type: "scatter",
        mode: "markers",
        name: entry.policy,
        x: [churn.meanDiff * 100],
        y: [value.meanDiff],
        error_x: { ...errorBars(churn.meanDiff, churn.ci95, 100), color: colours.get(entry.policy) },
        error_y: { ...errorBars(value.meanDiff, value.ci95), color: colours.get(entry.policy) },
        marker: marker(entry.policy, k + 1),
        hovertemplate:
          `${entry.policy} − ${reference.policy}<br>churn %{x:+.3f} pp/month<br>net value/customer %{y:+,.1f}${money}` +
          `<br>annoyance ${entry.kpis.annoyance.mean.toFixed(3)} (${annoyance.meanDiff >= 0 ? "+" : ""}${annoyance.meanDiff.toFixed(3)})<extra></extra>`,
      };
    }),
  ];
  const layout = baseLayout("Δ churn, percentage points a month (lower is better)", `${moneyLabel("Δ net value per customer", currency)} (higher is better)`);
  return {
    id: "trade-off",
    title: `Against ${reference.policy}, seed by seed: change in churn and in net value`,
    data: traces,
    layout: {
      ...layout,
      xaxis: { ...(layout.xaxis as object), zeroline: true, zerolinewidth: 2, zerolinecolor: "#999" },
      yaxis: { ...(layout.yaxis as object), zeroline: true, zerolinewidth: 2, zerolinecolor: "#999" },
    },
    caption: `Up and to the left of ${reference.policy} (the square at the origin) is better: each marker is a policy's difference from ${reference.policy} computed seed by seed on common random numbers, with its 95 % paired intervals (the Δ rows of the KPI table), so a bar that does not cross a zero line is a real difference, and a marker's area is its mean annoyance.`,
  };
}
