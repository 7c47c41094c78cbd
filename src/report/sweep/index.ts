export { renderSweepHtml } from "../../sweep/report/render-sweep-html.js";
export { sweepCharts, SWEEP_CHART_KPIS, type SweepChart, type SweepTrace } from "../../sweep/report/sweep-charts.js";
