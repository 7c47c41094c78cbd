import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ExperimentResults } from "../../src/report/build-results.js";
import { runPolicyColours } from "../../src/report/policy-colours.js";
import { formatDifference } from "../../src/report/kpi-format.js";
import type { ReportFigure } from "../../src/report/report-figure.js";
import { BASELINE, makeTempDir, REPO_ROOT, runCli } from "./run-cli.js";

const SMALL = ["--subscribers", "1500", "--days", "60", "--quiet", "--policies", "no-contact,rules-nba"];
const OUTAGE = path.join(REPO_ROOT, "scenarios", "regional-outage.yaml");

function read(dir: string): ExperimentResults {
  return JSON.parse(readFileSync(path.join(dir, "results.json"), "utf8")) as ExperimentResults;
}

describe("offersim run WHATIF --against BASELINE", () => {
  let dir: string;
  let stdout: string;
  beforeAll(() => {
    dir = path.join(makeTempDir("offersim-against-"), "outage");
    const result = runCli(["run", OUTAGE, "--against", BASELINE, ...SMALL, "--seeds", "3", "--out", dir]);
    if (result.status !== 0) throw new Error(`run failed (${result.status}): ${result.stderr}`);
    stdout = result.stdout;
  }, 120_000);

  it("records the what-if's paired effect per policy in results.json, with the Welch interval beside it", () => {
    const effect = read(dir).againstBaseline!;
    expect(effect.scenario.name).toBe("baseline");
    expect(effect.method).toBe("paired");
    expect(Object.keys(effect.policies)).toEqual(["no-contact", "rules-nba"]);
    const churned = effect.policies["no-contact"].churned!;
    expect(churned.n).toBe(3);
    expect(churned.meanDiff).toBeCloseTo(churned.whatIf - churned.baseline, 9);
    expect(churned.meanDiff).toBeGreaterThan(0); // an outage loses customers
    expect(churned.welchCi95).not.toBeNull();
    expect(Object.keys(effect.policies["rules-nba"])).toEqual(["churnRateMonthly", "churned", "netValuePerSub", "netRevenue", "contacts", "annoyance"]);
  });

  it("prints the effect table on stdout and in summary.md", () => {
    expect(stdout).toContain("effect of regional-outage against the baseline world (what-if - baseline), paired per seed");
    expect(stdout).toMatch(/no-contact\s+\+\d/);
    const markdown = readFileSync(path.join(dir, "summary.md"), "utf8");
    expect(markdown).toContain("## Against the baseline world: effect of regional-outage");
  });

  it("shows the effect per policy in report.html: a chart and a table with the paired intervals of results.json", () => {
    const results = read(dir);
    const effect = results.againstBaseline!;
    const html = readFileSync(path.join(dir, "report.html"), "utf8");
    const figures = JSON.parse(/<script type="application\/json" id="figure-data">([\s\S]*?)<\/script>/.exec(html)![1]) as ReportFigure[];
    const figure = figures.find((candidate) => candidate.id === "what-if-effect")!;
    expect(figure.title).toBe("Effect of regional-outage against the baseline world, per policy (paired seed by seed)");
    expect(html).toContain('<div id="what-if-effect" class="chart">');
    expect(figure.layout.showlegend).toBe(true);
    const colours = runPolicyColours(results);
    expect(figure.data.map((trace) => trace.name)).toEqual(["no-contact", "rules-nba"]);
    for (const trace of figure.data) {
      const policy = trace.name as string;
      const { churnRateMonthly: churn, netValuePerSub: value } = effect.policies[policy];
      expect((trace.marker as { color: string }).color).toBe(colours.get(policy));
      expect(trace.x).toEqual([churn!.meanDiff * 100]);
      expect(trace.y).toEqual([value!.meanDiff]);
      const bars = trace.error_y as { array: number[]; arrayminus: number[] };
      expect([value!.meanDiff - bars.arrayminus[0], value!.meanDiff + bars.array[0]]).toEqual(value!.ci95);
      const xBars = trace.error_x as { array: number[]; arrayminus: number[] };
      expect(churn!.meanDiff * 100 + xBars.array[0]).toBeCloseTo(churn!.ci95![1] * 100, 12);
    }
    const table = /<table class="kpis what-if">[\s\S]*?<\/table>/.exec(html)![0];
    const churned = effect.policies["rules-nba"].churned!;
    expect(table).toContain(formatDifference("churned", churned.meanDiff, churned.ci95));
    expect(table).toContain(`Welch ± ${((churned.welchCi95![1] - churned.welchCi95![0]) / 2).toFixed(1)}`);
    expect(html).toContain("<h2>Against the baseline world: the what-if&#39;s effect per policy</h2>");
  });

  it("reruns a what-if and its baseline world from results.json (--from) with the same effect", () => {
    const again = path.join(makeTempDir("offersim-against-"), "again");
    const result = runCli(["run", "--from", dir, "--workers", "1", "--quiet", "--out", again]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const { meta: _a, ...first } = read(dir);
    const { meta: _b, ...second } = read(again);
    expect(second).toEqual(first);
    expect(second.againstBaseline!.scenario.definition!.name).toBe("baseline");
  }, 120_000);

  it("measures a scenario against itself as exactly no effect: the two worlds draw the same numbers", () => {
    const same = path.join(makeTempDir("offersim-against-"), "same");
    const result = runCli(["run", BASELINE, "--against", BASELINE, ...SMALL, "--seeds", "2", "--out", same]);
    expect(result.status).toBe(0);
    for (const kpis of Object.values(read(same).againstBaseline!.policies)) {
      for (const effect of Object.values(kpis)) expect(effect).toMatchObject({ meanDiff: 0, ci95: [0, 0] });
    }
  }, 120_000);

  it("exits 2 naming the file for a baseline scenario that does not exist, and refuses --shard", () => {
    const missing = runCli(["run", OUTAGE, "--against", "scenarios/nope.yaml", ...SMALL]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("scenarios/nope.yaml");
    const sharded = runCli(["run", OUTAGE, "--against", BASELINE, "--shard", "1/2", ...SMALL]);
    expect(sharded.status).toBe(2);
    expect(sharded.stderr).toContain("--against cannot be combined with --shard");
  });
});
