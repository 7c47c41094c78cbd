/** One Plotly chart of report.html: where it goes, what it shows, and how to read it. */
export interface ReportFigure {
  /** The id of the chart's <div>. */
  id: string;
  /** The chart's title, printed by the page above the chart (never clipped, never under Plotly's toolbar). */
  title: string;
  /** Plotly traces. */
  data: Record<string, unknown>[];
  /** Plotly layout. */
  layout: Record<string, unknown>;
  /** One sentence on how to read the chart, printed under it. */
  caption: string;
}

/** Plotly's config for every chart of a report: the toolbar only while the pointer is on the chart, no logo. */
export const PLOT_CONFIG = { displaylogo: false, responsive: true, displayModeBar: "hover" } as const;

/** Plotly error bars from a 95 % interval around a mean; none when the interval is null. */
export function errorBars(mean: number, ci95: readonly [number, number] | null, scale = 1): Record<string, unknown> {
  if (!ci95) return { visible: false };
  return { type: "data", symmetric: false, array: [(ci95[1] - mean) * scale], arrayminus: [(mean - ci95[0]) * scale], visible: true };
}

/**
 * The layout every chart shares: axis titles and a horizontal legend below the x axis's title,
 * shown even for one trace so a reader always knows whose line it is. The title is the page's
 * (ReportFigure.title), so the top margin only leaves room for the toolbar.
 */
export function baseLayout(xTitle: string, yTitle: string): Record<string, unknown> {
  return {
    xaxis: { title: { text: xTitle }, zeroline: false, automargin: true },
    yaxis: { title: { text: yTitle }, zeroline: false, automargin: true },
    showlegend: true,
    legend: { orientation: "h", x: 0, y: -0.22, yanchor: "top", itemsizing: "constant" },
    margin: { t: 36, r: 20, b: 40, l: 70 },
    height: 460,
  };
}

/**
 * Marker sizes whose area is proportional to each policy's mean annoyance (sizemode "area"),
 * the largest 36 px across and none under 6 px.
 */
export function annoyanceSizes(annoyance: readonly number[]): { size: number[]; sizemode: "area"; sizeref: number; sizemin: number } {
  const largest = Math.max(...annoyance.map((value) => Math.max(value, 0)), 1e-9);
  // Plotly draws no marker of size 0 (a policy that annoys no one): floor it, sizemin makes it 6 px.
  return { size: annoyance.map((value) => Math.max(value, largest * 1e-3)), sizemode: "area", sizeref: (2 * largest) / 36 ** 2, sizemin: 6 };
}
