/** One Plotly chart of report.html: where it goes, what it shows, and how to read it. */
export interface ReportFigure {
  /** The id of the chart's <div>. */
  id: string;
  /** Plotly traces. */
  data: Record<string, unknown>[];
  /** Plotly layout. */
  layout: Record<string, unknown>;
  /** One sentence on how to read the chart, printed under it. */
  caption: string;
}

const PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#ad494a"];

/** The colour of the policy at `index` in the run's policy order, the same in every chart. */
export function policyColour(index: number): string {
  return PALETTE[index % PALETTE.length];
}

/** Plotly error bars from a 95 % interval around a mean; none when the interval is null. */
export function errorBars(mean: number, ci95: readonly [number, number] | null, scale = 1): Record<string, unknown> {
  if (!ci95) return { visible: false };
  return { type: "data", symmetric: false, array: [(ci95[1] - mean) * scale], arrayminus: [(mean - ci95[0]) * scale], visible: true };
}

/** The layout every chart shares: a title, axis titles, a horizontal legend below. */
export function baseLayout(title: string, xTitle: string, yTitle: string): Record<string, unknown> {
  return {
    title: { text: title },
    xaxis: { title: { text: xTitle }, zeroline: false },
    yaxis: { title: { text: yTitle }, zeroline: false },
    legend: { orientation: "h", y: -0.25 },
    margin: { t: 50, r: 20, b: 90, l: 70 },
    height: 430,
  };
}
