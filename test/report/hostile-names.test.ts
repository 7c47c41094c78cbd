import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ExperimentResults } from "../../src/report/build-results.js";
import { summaryCsv, summaryMarkdown, summaryText } from "../../src/report/summary-writers.js";
import { spreadsheetSafe } from "../../src/report/spreadsheet-safe.js";
import { REPO_ROOT } from "../cli/run-cli.js";

/** The committed CI baseline with its first policy renamed. */
function resultsWithPolicyNamed(name: string, scenarioName = "ci-gate"): ExperimentResults {
  const results = JSON.parse(readFileSync(path.join(REPO_ROOT, "ci", "baseline", "results.json"), "utf8")) as ExperimentResults;
  results.policies[0].policy = name;
  results.scenario.name = scenarioName;
  return results;
}

describe("names from policy modules and scenarios cannot break or take over the files a run writes", () => {
  it("summary.csv quotes a name with commas and quotes, so every row keeps its 7 cells", () => {
    const csv = summaryCsv(resultsWithPolicyNamed('a, "quoted" policy'));
    const row = csv.split("\n").find((line) => line.includes("quoted"))!;
    expect(row.startsWith('"a, ""quoted"" policy",all,churnRateMonthly,')).toBe(true);
  });

  it("summary.csv neutralises a name a spreadsheet would run as a formula, and leaves negative numbers alone", () => {
    for (const [name, written] of [["=HYPERLINK(1)", "'=HYPERLINK(1)"], ["+1", "'+1"], ["-1", "'-1"], ["@SUM(A1)", "'@SUM(A1)"], ["fine", "fine"]]) {
      expect(spreadsheetSafe(name)).toBe(written);
    }
    const csv = summaryCsv(resultsWithPolicyNamed("=HYPERLINK(1)"));
    expect(csv).toContain("\n'=HYPERLINK(1),all,churnRateMonthly,");
    expect(csv).not.toMatch(/\n=/);
    expect(csv).toMatch(/,-\d/);
  });

  it("summary.md shows raw HTML in a policy or scenario name as text, and the terminal table escapes control codes", () => {
    const results = resultsWithPolicyNamed("<img src=x onerror=alert(1)>|x", "<script>x</script>");
    const markdown = summaryMarkdown(results);
    expect(markdown).not.toContain("<img");
    expect(markdown).not.toContain("<script>");
    expect(markdown).toContain("&lt;img src=x onerror=alert(1)&gt;\\|x");
    const text = summaryText(resultsWithPolicyNamed("\u001b[31mred\u001b[0m"));
    expect(text).not.toContain("\u001b");
    expect(text).toContain("\\u001b[31mred");
  });
});
