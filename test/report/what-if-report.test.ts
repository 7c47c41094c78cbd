import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { againstBaseline } from "../../src/report/against-baseline.js";
import { renderReportHtml } from "../../src/report/render-report-html.js";
import { whatIfEffectFigure } from "../../src/report/what-if-effect-figure.js";
import { makeTempDir, writeTempFile } from "../cli/run-cli.js";
import { readExperiment, runFixture, withKpi } from "./fixture-run.js";
import type { ExperimentResults } from "../../src/report/build-results.js";
import { chartProblems, findChromium, renderInChromium } from "./render-in-chromium.js";

let plain: ExperimentResults;
let whatIf: ExperimentResults;

beforeAll(() => {
  plain = readExperiment(runFixture());
  // A what-if world in which rules-nba loses 5 more customers and no-contact 9 on every seed, on the same seeds: a paired effect.
  const worse = withKpi(withKpi(plain, "rules-nba", "churned", (value) => value + 5), "no-contact", "churned", (value) => value + 9);
  whatIf = structuredClone(worse);
  whatIf.scenario = { ...whatIf.scenario, name: "outage" };
  whatIf.againstBaseline = againstBaseline(worse, plain);
});

describe("report.html of a what-if run against its baseline", () => {
  it("has no what-if section or chart without againstBaseline", () => {
    expect(whatIfEffectFigure(plain)).toBeNull();
    expect(renderReportHtml(plain, "")).not.toContain("the what-if&#39;s effect per policy");
  });

  it("puts the effect section first, with the chart and one table row per policy", () => {
    const html = renderReportHtml(whatIf, "");
    const section = html.indexOf("Against the baseline world: the what-if&#39;s effect per policy");
    expect(section).toBeGreaterThan(0);
    expect(section).toBeLessThan(html.indexOf("Trade-off: churn, net value and annoyance"));
    const table = /<table class="kpis what-if">[\s\S]*?<\/table>/.exec(html)![0];
    expect(table.match(/<tr><th>/g)).toHaveLength(1 + 3);
    expect(table).toContain("Δ +5.0 ± 0.0");
    expect(table).toContain("Δ +9.0 ± 0.0");
  });
});

const chromium = findChromium();

describe("the what-if chart in a browser", () => {
  it.skipIf(!chromium)(
    chromium ? "draws the what-if chart with a legend and each policy in its colour, as in the other charts" : "draws the what-if chart (SKIPPED: no Chromium at $CHROMIUM_PATH or /usr/bin/chromium)",
    async () => {
      const file = writeTempFile(makeTempDir("offersim-what-if-"), "report.html", renderReportHtml(whatIf));
      const outcome = await renderInChromium(chromium!, path.join(file));
      expect(outcome.errors).toEqual([]);
      const chart = outcome.drawn.find((drawn) => drawn.id === "what-if-effect")!;
      expect(chart.traces).toBe(3);
      expect(chart.legend).toBe(true);
      expect(chartProblems(outcome.drawn)).toEqual([]);
    },
  );
});
