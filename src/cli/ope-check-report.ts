import { ESTIMATOR_NAMES, type EstimatorName } from "../ope/estimate-policy-value.js";
import { htmlEscape, scriptSafeJson } from "../report/html-escape.js";
import { plotlyBundle } from "../report/plotly-bundle.js";
import { REPORT_STYLE } from "../report/report-style.js";
import { baseLayout } from "../report/report-figure.js";
import { markdownTable, textTable } from "../report/text-table.js";

/** One seed of an ope-check: B's estimates from A's log, and B's and A's truth on that seed. */
export interface OpeCheckSeed {
  readonly seed: number;
  /** B's value per decision as each estimator puts it, with its interval. */
  readonly estimates: Record<EstimatorName, { estimate: number; lower: number; upper: number }>;
  /** B's own mean value per decision when it ran on this seed (the one-step truth). */
  readonly truePerDecision: number;
  /** A's mean value per decision in its log. */
  readonly loggedPerDecision: number;
  /** Decisions per subscriber in A's run: turns a per-decision difference into a per-subscriber one. */
  readonly decisionsPerSubscriber: number;
  /** netValuePerSub of B minus that of A on this seed (the long-run truth of the switch). */
  readonly trueNetValueGainPerSub: number;
  readonly effectiveSampleSize: number;
  readonly rounds: number;
  readonly unsupportedMass: number;
}

/** Per estimator, over seeds: mean relative error against both truths and the interval's coverage of the one-step truth. */
export interface OpeCheckSummary {
  readonly estimator: EstimatorName;
  /** Mean over seeds of |estimate - B's value per decision| / |B's value per decision|. */
  readonly relativeErrorPerDecision: number;
  /** Seeds whose interval contains B's value per decision. */
  readonly covered: number;
  /**
   * Mean over seeds of |(estimate - A's value per decision) x decisions per subscriber - true
   * net value gain per subscriber| / |true gain|: how far the one-step estimate of switching
   * from A to B is from the multi-period truth (churn, annoyance and retained value included).
   */
  readonly relativeErrorLongRun: number;
}

export interface OpeCheckResults {
  readonly scenario: { name: string; hash: string; file: string };
  readonly logging: string;
  readonly target: string;
  readonly reward: string;
  readonly rootSeed: number;
  readonly subscribers: number;
  readonly days: number;
  readonly seeds: readonly OpeCheckSeed[];
  readonly summary: readonly OpeCheckSummary[];
}

/** The per-estimator summary over seeds. */
export function summarizeOpeCheck(seeds: readonly OpeCheckSeed[]): OpeCheckSummary[] {
  return ESTIMATOR_NAMES.map((estimator) => {
    let perDecision = 0;
    let longRun = 0;
    let covered = 0;
    for (const seed of seeds) {
      const { estimate, lower, upper } = seed.estimates[estimator];
      perDecision += Math.abs(estimate - seed.truePerDecision) / Math.abs(seed.truePerDecision) / seeds.length;
      const estimatedGain = (estimate - seed.loggedPerDecision) * seed.decisionsPerSubscriber;
      longRun += Math.abs(estimatedGain - seed.trueNetValueGainPerSub) / Math.abs(seed.trueNetValueGainPerSub) / seeds.length;
      if (lower <= seed.truePerDecision && seed.truePerDecision <= upper) covered++;
    }
    return { estimator, relativeErrorPerDecision: perDecision, covered, relativeErrorLongRun: longRun };
  });
}

const cells = (results: OpeCheckResults) =>
  results.summary.map((row) => [row.estimator, row.relativeErrorPerDecision.toFixed(3), `${row.covered} of ${results.seeds.length}`, row.relativeErrorLongRun.toFixed(3)]);
const HEADER = ["estimator", "rel. error per decision", "interval covers truth", "rel. error long-run gain"];

/** The table offersim ope-check prints. */
export function opeCheckTable(results: OpeCheckResults): string {
  const title = `${results.target} estimated from ${results.logging}'s logs (${results.reward}), ${results.seeds.length} seed(s) of ${results.subscribers} subscribers over ${results.days} days`;
  return [title, "", textTable(HEADER, cells(results))].join("\n");
}

/** summary.md of an ope-check folder. */
export function opeCheckMarkdown(results: OpeCheckResults): string {
  return [`# ope-check: ${results.target} from ${results.logging}'s logs`, "", markdownTable(HEADER, cells(results)), ""].join("\n");
}

/** report.html: the relative estimation error of every estimator against both truths (OBP's convention), and the per-seed table. */
export function opeCheckHtml(results: OpeCheckResults, plotly: string = plotlyBundle()): string {
  const names = results.summary.map((row) => row.estimator);
  const figure = {
    id: "relative-error",
    title: `Relative estimation error: ${results.target} from ${results.logging}'s logs`,
    data: [
      { type: "bar", name: "vs B's value per decision (one step)", x: names, y: results.summary.map((row) => row.relativeErrorPerDecision) },
      { type: "bar", name: "vs B's long-run net value gain per subscriber", x: names, y: results.summary.map((row) => row.relativeErrorLongRun) },
    ],
    layout: { ...baseLayout("estimator", "mean relative error over seeds"), barmode: "group", showlegend: true },
  };
  const perSeed = results.seeds.flatMap((seed) =>
    ESTIMATOR_NAMES.map((name) => {
      const { estimate, lower, upper } = seed.estimates[name];
      return `<tr><td>${seed.seed}</td><td>${name}</td><td>${estimate.toFixed(3)}</td><td>[${lower.toFixed(3)}, ${upper.toFixed(3)}]</td><td>${seed.truePerDecision.toFixed(3)}</td><td>${((estimate - seed.loggedPerDecision) * seed.decisionsPerSubscriber).toFixed(2)}</td><td>${seed.trueNetValueGainPerSub.toFixed(2)}</td></tr>`;
    }),
  );
  return [
    "<!DOCTYPE html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>offersim ope-check: ${htmlEscape(results.target)} from ${htmlEscape(results.logging)}</title>`,
    `<style>${REPORT_STYLE}</style>`,
    `<script>${plotly}</script>`,
    "</head><body>",
    `<h1>ope-check: ${htmlEscape(results.target)} estimated from ${htmlEscape(results.logging)}'s logs</h1>`,
    `<p>Scenario ${htmlEscape(results.scenario.name)} (${htmlEscape(results.scenario.hash.slice(0, 12))}), root seed ${results.rootSeed}, ${results.seeds.length} seed(s) of ${results.subscribers} subscribers over ${results.days} days; reward: ${htmlEscape(results.reward)}. The one-step truth is ${htmlEscape(results.target)}'s own mean value per decision when it ran on the same seed; the long-run truth is its net value per subscriber minus ${htmlEscape(results.logging)}'s, seed by seed, against the estimate's (estimate - logged value per decision) x decisions per subscriber. See docs/ope.md.</p>`,
    `<section><h2>Relative estimation error</h2><figure><div id="relative-error" class="chart"></div><figcaption class="caption">Lower is better; the gap between the two bars of an estimator is what a one-step estimate cannot see (churn, annoyance, retained value).</figcaption></figure></section>`,
    `<section><h2>Per seed</h2><table><thead><tr><th>seed</th><th>estimator</th><th>estimate</th><th>95 % interval</th><th>true per decision</th><th>estimated gain per subscriber</th><th>true net value gain per subscriber</th></tr></thead><tbody>${perSeed.join("")}</tbody></table></section>`,
    `<script type="application/json" id="figure-data">${scriptSafeJson([figure])}</script>`,
    `<script>const figures = JSON.parse(document.getElementById("figure-data").textContent); for (const f of figures) Plotly.newPlot(f.id, f.data, f.layout, { displaylogo: false, responsive: true });</script>`,
    "</body></html>",
    "",
  ].join("\n");
}
