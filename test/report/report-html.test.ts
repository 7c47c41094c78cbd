import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { plotlyBundle } from "../../src/report/plotly-bundle.js";
import { renderReportHtml } from "../../src/report/render-report-html.js";
import { segmentOrder } from "../../src/report/segment-figures.js";
import { runCli } from "../cli/run-cli.js";
import { readExperiment, runFixture } from "./fixture-run.js";
import { findChromium, renderInChromium } from "./render-in-chromium.js";

let dir: string;
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
    expect(figures.length).toBeGreaterThanOrEqual(8);
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
    },
  );
});
