import type { SweepResults } from "../sweep-results.js";
import { sweepCharts, type SweepChart } from "./sweep-charts.js";
import { PLOT_CONFIG } from "../../report/report-figure.js";
import { policyColours } from "../../report/policy-colours.js";
import { plotlyBundle } from "../../report/plotly-bundle.js";
import { htmlEscape, scriptSafeJson } from "../../report/html-escape.js";

/**
 * report.html of a sweep: one self-contained page (plotly.js inlined, nothing fetched) with, for
 * the paired KPIs, the difference from the reference policy and the change from the parameter's
 * first value (paired intervals), then for each KPI a chart of the KPI against the first swept
 * parameter, one line per policy with 95 % intervals, one panel per value of the other
 * parameters (one chart per KPI and view, however many parameters), and a one-sentence caption
 * under each chart.
 *
 * @example
 * writeFileSync("report.html", renderSweepHtml(sweep));
 */
export function renderSweepHtml(sweep: SweepResults, bundle: string = plotlyBundle()): string {
  const charts = sweepCharts(sweep);
  const parameters = sweep.parameters
    .map((parameter) => `<li><code>${htmlEscape(parameter.path)}</code>: ${parameter.values.map((value) => htmlEscape(String(value))).join(", ")}</li>`)
    .join("\n");
  const headings: Record<SweepChart["kind"], string> = {
    vsReference: `Against ${sweep.config.reference ?? "the reference"}, seed by seed`,
    vsFirstValue: `Change from ${sweep.parameters[0].path} = ${String(sweep.parameters[0].values[0])}, seed by seed`,
    level: "Each KPI per policy (intervals of each mean, not of differences)",
  };
  const sections = charts
    .map((chart, index) => {
      const heading = index === 0 || charts[index - 1].kind !== chart.kind ? `<h2>${htmlEscape(headings[chart.kind])}</h2>\n` : "";
      return `${heading}<figure><h3 class="chart-title">${htmlEscape(chart.title)}</h3><div class="chart" id="chart-${index}"></div><figcaption>${htmlEscape(chart.caption)}</figcaption></figure>`;
    })
    .join("\n");
  const failures =
    sweep.failures.length === 0
      ? ""
      : `<h2>Failed tasks</h2><ul>${sweep.failures.map((failure) => `<li>${htmlEscape(`${failure.variant}: ${failure.policy}, seed ${failure.replicate}: ${failure.error}`)}</li>`).join("")}</ul>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Sweep of ${htmlEscape(sweep.scenario.name)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; color: #222; }
figure { margin: 1.5rem 0; }
.chart { width: 100%; }
.chart-title { font-size: 1rem; margin: 0.5rem 0 0; }
figcaption { font-size: 0.95rem; color: #444; }
code { background: #f4f4f4; padding: 0 0.2rem; }
</style>
<script>${bundle.replace(/<\/script/gi, "<\\/script")}</script>
</head>
<body>
<h1>Sweep of ${htmlEscape(sweep.scenario.name)}</h1>
<p>Scenario <code>${htmlEscape(sweep.scenario.file)}</code> (hash ${htmlEscape(sweep.scenario.hash)}); root seed ${sweep.config.rootSeed} for every variant
(common random numbers), ${sweep.config.seeds} seed(s) per policy, ${sweep.config.subscribers} subscribers, ${sweep.config.days} days${sweep.config.currency ? `; money is in ${htmlEscape(sweep.config.currency)}` : ""}; offersim ${htmlEscape(sweep.meta.offersimVersion)}.
Each variant's full results are in <code>variants/&lt;variant&gt;/results.json</code>; the numbers behind these charts are in <code>sweep.json</code>.</p>
<ul>
${parameters}
</ul>
${failures}
${sections}
<script>
const charts = ${scriptSafeJson(charts.map((chart) => plotlyFigure(chart, sweep.config.policies)))};
charts.forEach((figure, index) => Plotly.newPlot("chart-" + index, figure.data, figure.layout, ${JSON.stringify(PLOT_CONFIG)}));
</script>
</body>
</html>
`;
}

/** Panels per row of a faceted chart. */
const FACETS_PER_ROW = 4;
/** Height of one row of panels, and what the title, axis title and margins add, in px. */
const ROW_HEIGHT = 320;
const FRAME_HEIGHT = 140;
/** Gaps between panels, as shares of the plot's width and height. */
const GAP_X = 0.04;
const GAP_Y = 0.12;

/**
 * A chart as Plotly data and layout: one panel per facet (up to four a row, sharing the y axis so
 * heights compare across panels), each titled with its facet's values; one legend for the whole
 * chart, to the right of the panels (never on the x axis title's line).
 */
function plotlyFigure(chart: SweepChart, policies: readonly string[]): { data: unknown[]; layout: unknown } {
  // A policy keeps its colour in every chart, whether or not the reference is drawn, and the same as in a run's report.
  const colours = policyColours(policies);
  const columns = Math.min(FACETS_PER_ROW, chart.facets.length);
  const rows = Math.ceil(chart.facets.length / columns);
  const width = (1 - GAP_X * (columns - 1)) / columns;
  const height = (1 - GAP_Y * (rows - 1)) / rows;
  const axes: Record<string, unknown> = {};
  const annotations: unknown[] = [];
  const data = chart.facets.flatMap((facet, f) => {
    const [column, row] = [f % columns, Math.floor(f / columns)];
    const suffix = f === 0 ? "" : String(f + 1);
    const left = column * (width + GAP_X);
    const top = 1 - row * (height + GAP_Y);
    axes[`xaxis${suffix}`] = {
      domain: [round(left), round(left + width)],
      anchor: `y${suffix}`,
      type: chart.numericX ? "linear" : "category",
      automargin: true,
      ...(f + columns >= chart.facets.length ? { title: { text: chart.xTitle } } : {}),
    };
    axes[`yaxis${suffix}`] = {
      domain: [round(top - height), round(top)],
      anchor: `x${suffix}`,
      zeroline: true,
      zerolinewidth: chart.kind === "level" ? 1 : 2,
      automargin: true,
      ...(f === 0 ? {} : { matches: "y" }),
      ...(column === 0 ? { title: { text: chart.yTitle } } : { showticklabels: false }),
    };
    if (facet.label) {
      annotations.push({ text: facet.label, showarrow: false, xref: `x${suffix} domain`, yref: `y${suffix} domain`, x: 0.5, y: 1, xanchor: "center", yanchor: "bottom", font: { size: 12 } });
    }
    return facet.traces.map((trace) => ({
      type: "scatter",
      mode: "lines+markers",
      name: trace.policy,
      legendgroup: trace.policy,
      showlegend: f === 0,
      xaxis: `x${suffix}`,
      yaxis: `y${suffix}`,
      line: { color: colours.get(trace.policy) },
      marker: { color: colours.get(trace.policy) },
      x: trace.x.map((value) => (chart.numericX ? value : String(value))),
      y: trace.y,
      error_y: { type: "data", symmetric: false, array: trace.errorPlus, arrayminus: trace.errorMinus, visible: true },
    }));
  });
  // The title is the page's <h3> (never under the toolbar, never clipped).
  return {
    data,
    layout: {
      ...axes,
      annotations,
      margin: { t: chart.facets.some((facet) => facet.label) ? 56 : 36, r: 20, b: 40, l: 70 },
      height: FRAME_HEIGHT + rows * ROW_HEIGHT,
      showlegend: true,
      legend: { orientation: "v", x: 1.01, xanchor: "left", y: 1, yanchor: "top" },
    },
  };
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
