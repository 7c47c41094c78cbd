import type { ExperimentResults } from "./build-results.js";
import { htmlEscape, scriptSafeJson } from "./html-escape.js";
import { kpiTableHtml } from "./kpi-table-html.js";
import { runCurrency } from "./currency.js";
import { learningCurveFigures } from "./learning-curve-figures.js";
import { learningTimeHtml } from "./learning-time-html.js";
import { upliftAuditFigure } from "./uplift-audit-figure.js";
import { upliftAuditTableHtml } from "./uplift-audit-table.js";
import { plotlyBundle } from "./plotly-bundle.js";
import { programRoiFigure } from "./program-roi-figure.js";
import { programRoiTableHtml } from "./program-roi-table-html.js";
import { provenanceHtml } from "./provenance-html.js";
import { reportSummary } from "./report-summary.js";
import { pairedTradeOffFigure } from "./paired-trade-off-figure.js";
import { PLOT_CONFIG, type ReportFigure } from "./report-figure.js";
import { REPORT_STYLE } from "./report-style.js";
import { segmentFigures } from "./segment-figures.js";
import { seriesFigures } from "./series-figures.js";
import { tradeOffFigure } from "./trade-off-figure.js";
import { whatIfEffectFigure } from "./what-if-effect-figure.js";
import { whatIfEffectNote, whatIfEffectTableHtml } from "./what-if-effect-table-html.js";

const DRAW_SCRIPT = `
const figures = JSON.parse(document.getElementById("figure-data").textContent);
for (const figure of figures) Plotly.newPlot(figure.id, figure.data, figure.layout, ${JSON.stringify(PLOT_CONFIG)});
`;

/**
 * report.html: one self-contained page (Plotly inlined, no network) with, for a what-if run
 * `--against` a baseline, its effect per policy against the baseline world; the paired trade-off
 * between churn and net value against the reference (and the absolute view), KPIs over time, segments, learning curves, program ROI, every KPI with
 * its interval and paired difference, and what the run was made from. It depends only on
 * `results`, so re-rendering a results.json gives the same bytes (docs/reports.md).
 */
export function renderReportHtml(results: ExperimentResults, plotly: string = plotlyBundle()): string {
  const learning = learningCurveFigures(results);
  const paired = pairedTradeOffFigure(results);
  const tradeOff = [...(paired ? [paired] : []), tradeOffFigure(results)];
  const whatIf = whatIfEffectFigure(results);
  const uplift = upliftAuditFigure(results);
  const figures = [...(whatIf ? [whatIf] : []), ...tradeOff, ...seriesFigures(results), ...segmentFigures(results), ...learning, ...(uplift ? [uplift] : []), programRoiFigure(results)];
  const byId = new Map(figures.map((figure) => [figure.id, figure]));
  const show = (ids: readonly string[]) => `<div class="grid">${ids.map((id) => chartHtml(byId.get(id)!)).join("")}</div>`;
  const sections = [
    ...(whatIf ? [section(`Against the ${results.againstBaseline!.scenario.name} world: the what-if's effect per policy`, show([whatIf.id]) + whatIfEffectNote(results) + whatIfEffectTableHtml(results))] : []),
    section("Trade-off: churn, net value and annoyance", show(tradeOff.map((figure) => figure.id))),
    section("KPIs over time", show(seriesFigures(results).map((figure) => figure.id))),
    section("Segments, high-value (strategic) customers first", show(segmentFigures(results).map((figure) => figure.id))),
    section("Learning curves", (learning.length > 0 ? show(learning.map((figure) => figure.id)) : NO_LEARNING) + learningTimeHtml(results)),
    ...(uplift ? [section("Uplift models against the world's true uplift", show([uplift.id]) + upliftAuditTableHtml(results))] : []),
    section("ROI per CVM program", show(["program-roi"]) + ROI_NOTE + programRoiTableHtml(results)),
    section("Every KPI", KPI_NOTE + kpiTableHtml(results)),
    section("Scenario, seeds and version", provenanceHtml(results)),
  ];
  return [
    "<!DOCTYPE html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>offersim report: ${htmlEscape(results.scenario.name)}</title>`,
    `<style>${REPORT_STYLE}</style>`,
    `<script>${plotly}</script>`,
    "</head><body>",
    `<h1>offersim report: ${htmlEscape(results.scenario.name)}</h1>`,
    `<p>${htmlEscape(results.scenario.description)} ${results.config.seeds} seed(s) of ${results.config.subscribers} subscribers over ${results.config.days} days; ${htmlEscape(moneyNote(results))}intervals are 95 % t-intervals over seeds. KPI definitions: docs/kpis.md; charts: docs/reports.md.</p>`,
    `<section class="summary"><h2>In short</h2><ul>${reportSummary(results).map((line) => `<li>${htmlEscape(line)}</li>`).join("")}</ul></section>`,
    ...sections,
    `<script type="application/json" id="figure-data">${scriptSafeJson(figures)}</script>`,
    `<script>${DRAW_SCRIPT}</script>`,
    "</body></html>",
    "",
  ].join("\n");
}

/** "money is in EUR (economics.currency); " or nothing for a results.json that does not say. */
function moneyNote(results: ExperimentResults): string {
  const currency = runCurrency(results);
  return currency === null ? "" : `money is in ${currency} (economics.currency); `;
}

function section(title: string, body: string): string {
  return `<section><h2>${htmlEscape(title)}</h2>${body}</section>`;
}

function chartHtml(figure: ReportFigure): string {
  return `<figure><h3 class="chart-title">${htmlEscape(figure.title)}</h3><div id="${figure.id}" class="chart"></div><figcaption class="caption">${htmlEscape(figure.caption)}</figcaption></figure>`;
}

const NO_LEARNING =
  '<p class="note">No policy in this run reports a learning curve (results.json has <code>learningCurve</code> null for every policy): run a learning policy (eps-greedy, linucb, thompson, dqn, propensity-*) that records one to see how it improved.</p>';

const ROI_NOTE =
  '<p class="caption">Read each row as a business case: cost is offer plus contact cost, ARPU uplift the deal value booked at acceptance (at most a year), CLV gain the retained value of customers kept at the cancellation desk or won back; the bold whole-policy row measures the same three against the reference policy seed by seed, so it also counts churn avoided by proactive contacts.</p>';

const KPI_NOTE =
  '<p class="caption">Each cell is the mean over seeds ± the half-width of its 95 % interval; Δ is the difference from the reference policy computed seed by seed (common random numbers), and a Δ marked * has an interval that excludes zero, a real difference (green where it is better, red where it is worse).</p>';
