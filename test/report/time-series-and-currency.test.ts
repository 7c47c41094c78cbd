import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { summarizeReplicates } from "../../src/metrics/summarize-replicates.js";
import { seriesBucketDays } from "../../src/metrics/series-bucket-days.js";
import { renderReportHtml } from "../../src/report/render-report-html.js";
import { seriesFigures } from "../../src/report/series-figures.js";
import { BASELINE, makeTempDir, REPO_ROOT, runCli, scenarioExtendingBaseline } from "../cli/run-cli.js";
import { readExperiment, writeExperiment } from "./fixture-run.js";
import { chartProblems, findChromium, renderInChromium } from "./render-in-chromium.js";

const OUTAGE = path.join(REPO_ROOT, "scenarios", "regional-outage.yaml");
const SMALL = ["--subscribers", "600", "--days", "60", "--seeds", "3", "--workers", "1", "--quiet", "--policies", "no-contact,rules-nba"];

let outageDir: string;

beforeAll(() => {
  outageDir = path.join(makeTempDir("offersim-outage-"), "run");
  const result = runCli(["run", OUTAGE, ...SMALL, "--out", outageDir]);
  if (result.status !== 0) throw new Error(`regional-outage run failed (${result.status}): ${result.stderr}`);
});

describe("the bucket of the KPIs over time", () => {
  it("is a day for an event under 14 days, a week under 60 days, 30 days otherwise; a price change does not count", () => {
    const event = (startDay: number, endDay: number, type = "network-outage") => ({ type, startDay, endDay });
    expect(seriesBucketDays([], 365)).toBe(30);
    expect(seriesBucketDays([event(40, 44)], 365)).toBe(1);
    expect(seriesBucketDays([event(40, 53)], 365)).toBe(7);
    expect(seriesBucketDays([event(30, 89)], 365)).toBe(30);
    expect(seriesBucketDays([event(30, 89), event(100, 106)], 365)).toBe(1);
    expect(seriesBucketDays([event(30, 30, "price-change")], 365)).toBe(30);
    // Only the part inside the horizon counts; an event after it does not.
    expect(seriesBucketDays([event(50, 200)], 60)).toBe(1);
    expect(seriesBucketDays([event(400, 402)], 365)).toBe(30);
  });
});

describe("KPIs over time in a regional-outage report", () => {
  it("keeps daily series per seed in results.json that add up to the 30-day series", () => {
    const results = readExperiment(outageDir);
    for (const entry of results.policies) {
      const series = entry.timeSeries!;
      expect(series.bucketDays).toBe(1);
      expect(series.startDay).toEqual(Array.from({ length: 60 }, (_, day) => day));
      expect(series.perSeed).toHaveLength(3);
      // Revenue is a sum: the days of each 30-day period, averaged over seeds, give the period's mean.
      for (const period of entry.series) {
        const perSeed = series.perSeed.map((values) => values.revenue.slice(period.startDay, period.startDay + 30).reduce((sum, value) => sum + value, 0));
        expect(perSeed.reduce((sum, value) => sum + value, 0) / perSeed.length).toBeCloseTo(period.revenue, 6);
      }
    }
  });

  it("shades the outage's window at days 40 to 44 and says so in the caption", () => {
    const results = readExperiment(outageDir);
    expect(results.scenario.events!.map((event) => [event.startDay, event.endDay])).toEqual([
      [40, 44],
      [40, 44],
    ]);
    const [figure] = seriesFigures(results);
    const shapes = figure.layout.shapes as { x0: number; x1: number; label: { text: string } }[];
    expect(shapes.map((shape) => [shape.x0, shape.x1])).toEqual([[40, 45]]);
    expect(shapes[0].label.text).toBe("core outage, region 2; core outage, region 3");
    expect(figure.caption).toContain("days 40 to 44 (core outage, region 2, core outage, region 3)");
    expect(figure.caption).toContain("per day (daily, as the shortest scheduled event lasts under 14 days)");
    expect(figure.title).toContain("per day");
  });

  it("draws each policy's mean per day in a band that is the 95 % interval of the per-seed series, with one legend entry per policy", () => {
    const results = readExperiment(outageDir);
    const [figure] = seriesFigures(results);
    const rules = results.policies.find((entry) => entry.policy === "rules-nba")!;
    const churn = figure.data.filter((trace) => trace.yaxis === "y" && trace.legendgroup === "rules-nba");
    expect(churn.map((trace) => trace.name)).toEqual(["rules-nba: 95 % interval", "rules-nba: 95 % interval", "rules-nba"]);
    const [upper, lower, line] = churn.map((trace) => trace.y as number[]);
    expect(churn[0].x).toEqual(Array.from({ length: 60 }, (_, day) => day + 0.5));
    for (const day of [0, 41, 59]) {
      const summary = summarizeReplicates(rules.timeSeries!.perSeed.map((values) => values.churnRateMonthly[day] * 100));
      expect(line[day]).toBeCloseTo(summary.mean, 4);
      expect(upper[day]).toBeCloseTo(summary.ci95![1], 4);
      expect(lower[day]).toBeCloseTo(summary.ci95![0], 4);
    }
    const inLegend = figure.data.filter((trace) => trace.showlegend !== false).map((trace) => trace.name);
    expect(inLegend).toEqual(["no-contact", "rules-nba"]);
  });

  it("draws the 30-day means without bands from a results.json written before per-seed series, and says why", () => {
    const results = readExperiment(outageDir);
    for (const entry of results.policies) delete entry.timeSeries;
    delete results.scenario.events;
    const [figure] = seriesFigures(results);
    expect(figure.data.every((trace) => !String(trace.name).includes("interval"))).toBe(true);
    expect(figure.layout.shapes).toEqual([]);
    expect(figure.caption).toContain("no per-seed series");
    const old = writeExperiment(results, "old");
    const rendered = runCli(["report", old]);
    expect(rendered.stderr).toBe("");
    expect(rendered.status).toBe(0);
  });

  it("refuses a results.json whose per-seed series does not hold one series per seed, naming the field", () => {
    const results = readExperiment(outageDir);
    const entry = results.policies[1] as { timeSeries?: { perSeed: unknown[] } };
    entry.timeSeries!.perSeed.pop();
    const result = runCli(["report", writeExperiment(results, "short")]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("results.json: policies[1].timeSeries.perSeed must hold one series per seed (config.seeds: 3), got 2");
  });
});

describe("the currency", () => {
  let dir: string;
  beforeAll(() => {
    const scenario = scenarioExtendingBaseline(makeTempDir("offersim-eur-"), "eur.yaml", ["name: in-euros", "economics:", "  currency: EUR"]);
    dir = path.join(makeTempDir("offersim-eur-run-"), "run");
    const result = runCli(["run", scenario, ...SMALL, "--out", dir]);
    if (result.status !== 0) throw new Error(`EUR run failed (${result.status}): ${result.stderr}`);
  });

  it("is recorded in results.json and shown on the stdout table, summary.md and every money label of report.html", () => {
    const results = readExperiment(dir);
    expect(results.scenario.currency).toBe("EUR");
    const summary = readFileSync(path.join(dir, "summary.md"), "utf8");
    for (const header of ["net value/sub (EUR)", "ARPU/month (EUR)", "CLV/sub (EUR)", "net revenue (EUR)", "offer+contact cost (EUR)"]) expect(summary).toContain(header);
    expect(summary).not.toContain("churn %/month (EUR)");
    const html = readFileSync(path.join(dir, "report.html"), "utf8");
    expect(html).toContain("money is in EUR (economics.currency)");
    expect(html).toContain("<th>net value/sub (EUR) <code>netValuePerSub</code></th>");
    expect(html).toContain("<th>cost (EUR)</th><th>ARPU uplift (EUR)</th><th>CLV gain (EUR)</th>");
    expect(html).toContain('"text":"net value per customer (EUR) (higher is better)"');
    expect(html).toContain('"text":"revenue/active sub-month (EUR)"');
    expect(html).toMatch(/has the most net value per customer, [\d,.]+ EUR: [+-][\d,.]+ ± [\d,.]+ EUR against/);
    expect(html).not.toContain("USD");
    const stdout = runCli(["report", dir]);
    expect(stdout.status).toBe(0);
  });

  it("is USD by default, and the run prints it on the money columns", () => {
    const result = runCli(["run", BASELINE, ...SMALL.filter((flag) => flag !== "--quiet"), "--out", path.join(makeTempDir("offersim-usd-"), "run")]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("net value/sub (USD)");
    expect(result.stdout).not.toContain("churn %/month (USD)");
  });

  it("must be an ISO 4217 code: anything else exits 2 naming the field", () => {
    const scenario = scenarioExtendingBaseline(makeTempDir("offersim-bad-currency-"), "bad.yaml", ["name: bad-currency", "economics:", "  currency: euro"]);
    const result = runCli(["validate", scenario]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("economics.currency");
    expect(result.stderr).toContain("ISO 4217");
  });

  it("labels the compare table's money KPIs, and says when two runs count money in different currencies", () => {
    const usd = readExperiment(dir);
    usd.scenario.currency = "USD";
    const result = runCli(["compare", dir, writeExperiment(usd, "usd")]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("the runs count money in different currencies (A: EUR, B: USD)");
    const same = runCli(["compare", dir, dir]);
    expect(same.stdout).toContain("net value/sub (EUR)");
  });
});

const chromium = findChromium();

describe("the regional-outage report in a browser", () => {
  it.skipIf(!chromium)("draws the chart over time with one legend, bands and no problem the Chromium checks find", async () => {
    const file = path.join(makeTempDir("offersim-outage-html-"), "report.html");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(file, renderReportHtml(readExperiment(outageDir)));
    const outcome = await renderInChromium(chromium!, file);
    expect(outcome.errors).toEqual([]);
    expect(outcome.networkRequests).toEqual([]);
    expect(chartProblems(outcome.drawn)).toEqual([]);
    const series = outcome.drawn.find((chart) => chart.id === "series")!;
    expect(series.legend).toBe(true);
    expect(series.shapes).toBe(1);
  });
});
