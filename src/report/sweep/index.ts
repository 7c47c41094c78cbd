export { renderSweepHtml } from "./render-sweep-html.js";
export { sweepCharts, SWEEP_CHART_KPIS, type SweepChart, type SweepTrace } from "./sweep-charts.js";
