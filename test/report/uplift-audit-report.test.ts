import { describe, expect, it } from "vitest";
import { simulateReplicate } from "../../src/engine/simulate-replicate.js";
import { buildResults } from "../../src/report/build-results.js";
import { summaryMarkdown } from "../../src/report/summary-writers.js";
import { renderReportHtml } from "../../src/report/render-report-html.js";
import { resultsFileSchema } from "../../src/report/results-file-schema.js";
import type { PolicyDefinition } from "../../src/policy/policy.js";
import { random } from "../../policies/random.js";
import { baselineWith } from "../world/baseline-scenario.js";

describe("the uplift audit in results.json, summary.md and report.html", () => {
  const scenario = baselineWith({ subscribers: 600, days: 50 });
  const estimating: PolicyDefinition = { ...random, name: "uplift-guesser", create: (context) => ({ ...random.create(context), estimateChurnUplift: (batch, row) => batch.subscriber[row] % 7 }) };
  const runs = [0, 1].flatMap((replicate) => [estimating, random].map((policy) => simulateReplicate({ scenario, policy, rootSeed: 2, replicate })));
  const results = buildResults({
    scenario, scenarioFile: "baseline.yaml", scenarioHash: "test", rootSeed: 2, replicates: 2,
    policies: [estimating, random].map(({ name, description }) => ({ name, description })),
    results: runs, startedAt: new Date(0), durationSeconds: 1, workers: 1, reference: null, failures: [],
  });

  it("summarises the Qini coefficient over seeds for the policy with an uplift model only", () => {
    const [guesser, plain] = results.policies;
    expect(guesser.upliftAudit?.qini.perSeed).toHaveLength(2);
    expect(guesser.upliftAudit!.pairs).toBe(runs[0].upliftAudit!.pairs + runs[2].upliftAudit!.pairs);
    expect(plain.upliftAudit).toBeUndefined();
    const reread = resultsFileSchema.parse(JSON.parse(JSON.stringify(results)));
    expect(reread.policies[0].upliftAudit?.qini.mean).toBe(guesser.upliftAudit!.qini.mean);
  });

  it("prints it in summary.md and report.html", () => {
    expect(summaryMarkdown(results)).toContain("## Uplift models against the world's true uplift");
    expect(summaryMarkdown(results)).toMatch(/\| uplift-guesser \| -?\d\.\d\d ± \d\.\d\d \|/);
    const html = renderReportHtml(results, "");
    expect(html).toContain('<div id="uplift-audit" class="chart">');
    expect(html).toContain("<h2>Uplift models against the world&#39;s true uplift</h2>");
  });
});
