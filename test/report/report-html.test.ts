import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { plotlyBundle } from "../../src/report/plotly-bundle.js";
import { renderReportHtml } from "../../src/report/render-report-html.js";
import { segmentOrder } from "../../src/report/segment-figures.js";
import { runCli } from "../cli/run-cli.js";
import { readExperiment, runFixture } from "./fixture-run.js";
import { pairedTradeOffFigure } from "../../src/report/paired-trade-off-figure.js";
import { kpiTableHtml } from "../../src/report/kpi-table-html.js";
import { formatDifference } from "../../src/report/kpi-format.js";
import { groupThousands } from "../../src/report/group-thousands.js";
import { learningCurveFigures } from "../../src/report/learning-curve-figures.js";
import { segmentFigures } from "../../src/report/segment-figures.js";
import { reportSummary } from "../../src/report/report-summary.js";
import { programRoiTableHtml } from "../../src/report/program-roi-table-html.js";
import { programRoiFigure } from "../../src/report/program-roi-figure.js";
import { chartProblems, findChromium, renderInChromium } from "./render-in-chromium.js";
import { makeTempDir, writeTempFile } from "../cli/run-cli.js";

let dir: string;
const htmlText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
let html: string;

beforeAll(() => {
  dir = runFixture();
  html = readFileSync(path.join(dir, "report.html"), "utf8");
});

describe("report.html", () => {
  it("inlines the Plotly bundle and links no external script, stylesheet or image", () => {
    expect(html.includes(plotlyBundle())).toBe(true);
    expect(html).not.toMatch(/<script[^>]*\bsrc=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<img\b/i);
    expect(html).not.toMatch(/<iframe\b/i);
  });

  it("gives every chart a one-sentence caption", () => {
    const figures = html.match(/<figure>/g) ?? [];
    const captions = [...html.matchAll(/<figcaption class="caption">([^<]+)<\/figcaption>/g)].map((match) => match[1]);
    expect(figures.length).toBeGreaterThanOrEqual(6);
    expect(captions).toHaveLength(figures.length);
    for (const caption of captions) expect(caption.trim().split(/(?<=\.)\s+(?=[A-Z])/)).toHaveLength(1);
  });

  it("names the scenario, its hash, the seeds and the version", () => {
    const results = readExperiment(dir);
    expect(html).toContain(results.scenario.hash);
    expect(html).toContain(String(results.config.rootSeed));
    expect(html).toContain("offersim version");
    expect(html).toContain(String(results.meta.offersimVersion));
  });

  it("says that no learning policy ran when no policy reports a learning curve", () => {
    expect(html).toContain("No policy in this run reports a learning curve");
    expect(html).not.toContain('id="learning-0"');
  });

  it("draws the learning curves that policies report", () => {
    const results = readExperiment(dir);
    results.policies[1].learningCurve = { xLabel: "day", yLabel: "reward per decision", x: [0, 30, 60], y: [0.1, 0.5, 0.7] };
    const rendered = renderReportHtml(results);
    expect(rendered).toContain('id="learning-0"');
    expect(rendered).not.toContain("No policy in this run reports a learning curve");
  });

  it("shows the regret against the oracle in the KPI table when results.json has it", () => {
    const results = readExperiment(dir);
    results.policies[1].regretVsOracle = { meanDiff: 12.5, ci95: [10, 15], n: 3 };
    expect(renderReportHtml(results)).toContain("regret vs oracle");
    expect(html).not.toContain("regret vs oracle");
  });

  it("has program value in results.json for the ROI: booked ARPU uplift and the CLV of customers kept or won back", () => {
    const rules = readExperiment(dir).policies.find((entry) => entry.policy === "rules-nba")!;
    const programs = Object.values(rules.programs);
    expect(programs.every((counts) => Number.isFinite(counts.arpuUplift) && counts.clvGain >= 0)).toBe(true);
    expect(programs.some((counts) => counts.clvGain > 0)).toBe(true);
    expect(html).toContain("whole policy vs no-contact");
  });

  it("draws the headline trade-off as each policy's paired difference from the reference, the numbers of the KPI table's Δ rows", () => {
    const results = readExperiment(dir);
    const figure = pairedTradeOffFigure(results)!;
    const table = kpiTableHtml(results);
    expect(figure.id).toBe("trade-off");
    expect(figure.data.map((trace) => trace.name)).toEqual(["no-contact (reference)", "random", "rules-nba"]);
    expect(figure.data[0]).toMatchObject({ x: [0], y: [0] });
    for (const trace of figure.data.slice(1)) {
      const paired = results.policies.find((entry) => entry.policy === trace.name)!.paired!.kpis;
      expect(trace.x).toEqual([paired.churnRateMonthly.meanDiff * 100]);
      expect(trace.y).toEqual([paired.netValuePerSub.meanDiff]);
      expect((trace.error_y as { array: number[] }).array[0]).toBeCloseTo(paired.netValuePerSub.ci95![1] - paired.netValuePerSub.meanDiff, 9);
      expect((trace.error_x as { arrayminus: number[] }).arrayminus[0]).toBeCloseTo((paired.churnRateMonthly.meanDiff - paired.churnRateMonthly.ci95![0]) * 100, 9);
      expect(table).toContain(groupThousands(formatDifference("netValuePerSub", paired.netValuePerSub.meanDiff, paired.netValuePerSub.ci95)));
    }
    expect(html.indexOf('id="trade-off"')).toBeLessThan(html.indexOf('id="trade-off-absolute"'));
  });

  it("has no paired trade-off chart, only the absolute one, when the run has no reference", () => {
    const results = readExperiment(dir);
    results.config.reference = null;
    for (const entry of results.policies) entry.paired = null;
    expect(pairedTradeOffFigure(results)).toBeNull();
    const rendered = renderReportHtml(results);
    expect(rendered).not.toContain('id="trade-off"');
    expect(rendered).toContain('id="trade-off-absolute"');
  });

  it("draws each segment's bars as paired differences from the reference", () => {
    const results = readExperiment(dir);
    const [value] = segmentFigures(results);
    const rules = results.policies.find((entry) => entry.policy === "rules-nba")!;
    const reference = results.policies.find((entry) => entry.policy === "no-contact")!;
    const trace = value.data.find((candidate) => candidate.name === "rules-nba")!;
    const strategic = (entry: typeof rules) => entry.segments.strategic.netValuePerSub.perSeed;
    const differences = strategic(rules).map((v, seed) => v - strategic(reference)[seed]);
    expect((trace.y as number[])[0]).toBeCloseTo(differences.reduce((a, b) => a + b, 0) / differences.length, 9);
    expect(value.data.map((candidate) => candidate.name)).not.toContain("no-contact");
  });

  it("draws a propensity policy's acceptance-model and churn-model losses as two lines and says lower is better", () => {
    const results = readExperiment(dir);
    results.policies[2].learningCurve = { xLabel: "epoch", yLabel: "log loss (history)", x: [1, 2, 3, 1, 2], y: [0.32, 0.3, 0.29, 0.08, 0.07], parts: ["acceptance model", "churn model"] };
    const [figure] = learningCurveFigures(results);
    expect(figure.data.map((trace) => [trace.name, trace.x, trace.y])).toEqual([
      ["rules-nba: acceptance model", [1, 2, 3], [0.32, 0.3, 0.29]],
      ["rules-nba: churn model", [1, 2], [0.08, 0.07]],
    ]);
    expect(figure.caption).toContain("lower is better");
    expect(figure.caption).not.toContain("rises");
  });

  it("opens with a summary naming the best policy on net value with its paired margins over the reference and the runner-up", () => {
    const results = readExperiment(dir);
    const ranked = [...results.policies].sort((a, b) => b.kpis.netValuePerSub.mean - a.kpis.netValuePerSub.mean);
    const [best, runnerUp] = ranked;
    const lines = reportSummary(results);
    expect(lines[0]).toMatch(new RegExp(`^${best.policy} has the most net value per customer`));
    if (best.policy !== "no-contact") {
      const paired = best.paired!.kpis.netValuePerSub;
      expect(lines[0]).toContain(`${groupThousands(formatDifference("netValuePerSub", paired.meanDiff, paired.ci95))} USD against no-contact`);
    }
    expect(lines[0]).toContain(`against ${runnerUp.policy}`);
    expect(lines.at(-1)).toBe("Every task finished.");
    expect(html.indexOf("In short")).toBeLessThan(html.indexOf("Trade-off"));
    expect(html).toContain(htmlText(lines[0]));
  });

  it("says in the summary which policies failed", () => {
    const results = readExperiment(dir);
    results.failures = [{ policy: "broken", replicate: 1, error: "boom" }];
    expect(reportSummary(results).at(-1)).toBe('1 task(s) failed, so broken is left out of every chart and table (see "Scenario, seeds and version").');
  });

  it("leads the ROI table with the whole-policy rows and says 'not meaningful' for a program whose cost is next to nothing", () => {
    const results = readExperiment(dir);
    const rules = results.policies.find((entry) => entry.policy === "rules-nba")!;
    const [program] = Object.keys(rules.programs).filter((name) => rules.programs[name].contacts > 0);
    Object.assign(rules.programs[program], { offerCost: 0, contactCost: 0.01, arpuUplift: 0, clvGain: 1870.6 });
    const table = programRoiTableHtml(results);
    expect(table.indexOf("whole policy vs no-contact")).toBeLessThan(table.indexOf("Per program"));
    expect(table).toMatch(new RegExp(`<td>${program}</td>(<td>[^<]*</td>){5}<td>not meaningful</td>`));
    expect(table).not.toContain("18,706");
    const bars = programRoiFigure(results).data.find((trace) => trace.name === "rules-nba")!;
    expect((bars.y as (number | null)[])[(bars.x as string[]).indexOf(program)]).toBeNull();
  });

  it("groups the KPI table's numbers by thousands and marks the paired differences whose interval excludes zero", () => {
    const results = readExperiment(dir);
    const table = kpiTableHtml(results);
    expect(table).toMatch(/<td>\d{1,3},\d{3}/);
    const marked = results.policies.flatMap((entry) =>
      entry.paired && entry.policy !== "no-contact"
        ? Object.values(entry.paired.kpis).filter((d) => d.ci95 && (d.ci95[0] > 0 || d.ci95[1] < 0))
        : [],
    );
    expect((table.match(/class="diff sig /g) ?? []).length).toBe(marked.length);
    expect(marked.length).toBeGreaterThan(0);
  });

  it("puts the strategic (high-value) customers first in the segment charts", () => {
    expect(segmentOrder(readExperiment(dir))[0]).toBe("strategic");
  });

  it("offersim report DIR re-renders the same bytes as the run wrote", () => {
    const result = runCli(["report", dir]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(readFileSync(path.join(dir, "report.html"), "utf8") === html).toBe(true);
  });

  it("offersim report exits 2 without output for a folder with no results.json", () => {
    const result = runCli(["report", path.join(dir, "missing")]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("missing: DIR must be a run folder");
  });
});

const chromium = findChromium();
if (!chromium) {
  process.stderr.write("report-html.test.ts: SKIPPING the headless Chromium render: no Chromium at $CHROMIUM_PATH or /usr/bin/chromium (Debian: apt-get install chromium)\n");
}

describe("report.html in a browser", () => {
  it.skipIf(!chromium)(
    chromium
      ? "renders in headless Chromium with every chart drawn, no console error and no network request"
      : "renders in headless Chromium (SKIPPED: no Chromium at $CHROMIUM_PATH or /usr/bin/chromium; apt-get install chromium)",
    async () => {
      const outcome = await renderInChromium(chromium!, path.join(dir, "report.html"));
      expect(outcome.errors).toEqual([]);
      expect(outcome.networkRequests).toEqual([]);
      expect(outcome.charts).toBe((html.match(/<figure>/g) ?? []).length);
      expect(chartProblems(outcome.drawn)).toEqual([]);
      expect(outcome.drawn.every((chart) => chart.toolbar)).toBe(true);
    },
  );

  it.skipIf(!chromium)("draws every chart of a report with learning curves with a legend, its title clear of the toolbar and one colour per policy", async () => {
    const results = readExperiment(dir);
    results.policies[1].learningCurve = { xLabel: "day", yLabel: "objective value per decision", x: [0, 30], y: [0.1, 0.5] };
    results.policies[2].learningCurve = { xLabel: "epoch", yLabel: "log loss (history)", x: [1, 2, 1, 2], y: [0.3, 0.2, 0.1, 0.05], parts: ["acceptance model", "churn model"] };
    const file = writeTempFile(makeTempDir("offersim-learning-"), "report.html", renderReportHtml(results));
    const outcome = await renderInChromium(chromium!, file);
    expect(outcome.errors).toEqual([]);
    expect(outcome.drawn.filter((chart) => chart.id.startsWith("learning-")).map((chart) => chart.legend)).toEqual([true, true]);
    expect(chartProblems(outcome.drawn)).toEqual([]);
  });

  it.skipIf(!chromium)("draws a 2-parameter sweep's report as one faceted chart per KPI and view, without errors, and each policy in the same colour as in the run's report", async () => {
    const out = path.join(makeTempDir("offersim-sweep-"), "sweep");
    // Other policies in another order than the run's: a colour by position would change.
    const tiny = ["--subscribers", "400", "--days", "30", "--seeds", "2", "--workers", "1", "--quiet", "--policies", "rules-nba,random"];
    const sweep = runCli(["sweep", "--set", "contactPolicy.maxContactsPerMonth=1,4", "--set", "offers[id=data-boost-sms].price=5,10", "--out", out, ...tiny]);
    expect(sweep.status).toBe(0);
    const swept = await renderInChromium(chromium!, path.join(out, "report.html"));
    const report = await renderInChromium(chromium!, path.join(dir, "report.html"));
    expect(swept.errors).toEqual([]);
    expect(swept.networkRequests).toEqual([]);
    expect(swept.drawn.every((chart) => chart.toolbar)).toBe(true);
    expect(chartProblems([...report.drawn, ...swept.drawn])).toEqual([]);
    expect(swept.drawn.some((chart) => chart.colours["rules-nba"])).toBe(true);
    // Against the reference (none: rules-nba and random have no no-contact), change from the first value and level: 3 + 10 charts, each with two panels.
    expect(swept.charts).toBe(13);
    expect(swept.drawn.every((chart) => chart.legend && chart.traces === 4)).toBe(true);
  });

  it.skipIf(!chromium)("finds a title under the toolbar, a chart of two traces without a legend, a policy in two colours, a page error and a network request", async () => {
    const figures = [
      { id: "a", data: [{ y: [1, 2], name: "p", line: { color: "#000000" } }, { y: [2, 1], name: "q", line: { color: "#0072b2" } }], layout: { showlegend: false }, config: { displayModeBar: true } },
      { id: "b", data: [{ y: [1, 2], name: "p", line: { color: "#d55e00" } }], layout: { title: { text: "A title long enough to run under the toolbar", x: 1, xanchor: "right" }, margin: { t: 40 }, showlegend: true }, config: { displayModeBar: true } },
    ];
    const page = `<!DOCTYPE html><html><head><script>${plotlyBundle()}</script></head><body><div id="a"></div><div id="b"></div><script>
for (const f of ${JSON.stringify(figures)}) Plotly.newPlot(f.id, f.data, f.layout, f.config);
fetch("https://example.invalid/x").catch(() => {}); throw new Error("broken");
</script></body></html>`;
    const outcome = await renderInChromium(chromium!, writeTempFile(makeTempDir("offersim-bad-page-"), "bad.html", page));
    expect(chartProblems(outcome.drawn)).toEqual([
      "a: 2 traces and no legend",
      'b: title "A title long enough to run under the toolbar" under the toolbar',
      "p: #000000 in a, #d55e00 in b",
    ]);
    expect(outcome.networkRequests).toEqual(["https://example.invalid/x"]);
    expect(outcome.errors.some((error) => error.includes("broken"))).toBe(true);
  });
});
