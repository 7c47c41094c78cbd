import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { KPI_NAMES } from "../../src/metrics/replicate-kpis.js";
import type { ExperimentResults } from "../../src/report/build-results.js";
import { makeTempDir, runCli, writeTempFile } from "./run-cli.js";
import { readExperiment, runFixture, withKpi, writeExperiment } from "../report/fixture-run.js";

let baselineDir: string;
let baselineFile: string;
let results: ExperimentResults;

beforeAll(() => {
  baselineDir = runFixture();
  baselineFile = path.join(baselineDir, "results.json");
  results = readExperiment(baselineDir);
});

/** Runs `offersim check DIR --baseline <fixture>` with JUnit and Markdown outputs in a fresh folder. */
function check(dir: string, ...flags: string[]) {
  const out = makeTempDir("offersim-check-");
  const junit = path.join(out, "junit.xml");
  const markdown = path.join(out, "summary.md");
  const result = runCli(["check", dir, "--baseline", baselineFile, "--junit", junit, "--markdown", markdown, ...flags]);
  const read = (file: string) => (existsSync(file) ? readFileSync(file, "utf8") : null);
  return { ...result, junit: read(junit), markdown: read(markdown) };
}

/** Tags balance and attributes are quoted: enough to call the JUnit file well-formed without an XML parser. */
function expectWellFormedXml(xml: string): void {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  const stack: string[] = [];
  const body = xml.replace(/^<\?xml[^>]*\?>/, "");
  for (const match of body.matchAll(/<(\/?)([A-Za-z][\w.-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g)) {
    const [, closing, name, , selfClosing] = match;
    if (selfClosing) continue;
    if (closing) expect(stack.pop()).toBe(name);
    else stack.push(name);
  }
  expect(stack).toEqual([]);
  const text = body.replace(/<[^>]*>/g, "");
  expect(text).not.toMatch(/[<>]|&(?!(amp|lt|gt|quot|apos);)/);
}

describe("offersim check", () => {
  it("exits 0 for the same results, with one JUnit test case per policy and KPI", () => {
    const result = check(baselineDir);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("(paired differences)");
    expectWellFormedXml(result.junit!);
    expect(result.junit!.match(/<testcase /g)).toHaveLength(results.policies.length * KPI_NAMES.length);
    expect(result.junit).not.toContain("<failure");
    expect(result.markdown).toContain("## offersim check: ✅ passed");
  });

  it("exits 1 when a policy churns significantly more, naming it in stdout, JUnit and Markdown", () => {
    const worse = writeExperiment(withKpi(results, "rules-nba", "churnRateMonthly", (value) => value * 1.2));
    const result = check(worse);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/rules-nba\s+churnRateMonthly.*FAIL/);
    expect(result.stderr).toContain("check failed");
    expectWellFormedXml(result.junit!);
    expect(result.junit).toMatch(/<testcase classname="offersim.check.rules-nba" name="churnRateMonthly" time="0"><failure /);
    expect(result.junit!.match(/<failure /g)).toHaveLength(1);
    expect(result.markdown).toContain("| rules-nba | churnRateMonthly |");
    expect(result.markdown).toContain("**FAIL**");
  });

  it("is direction-aware: less churn passes, less revenue fails, more revenue passes", () => {
    expect(check(writeExperiment(withKpi(results, "rules-nba", "churnRateMonthly", (value) => value * 0.8))).status).toBe(0);
    expect(check(writeExperiment(withKpi(results, "random", "netValuePerSub", (value) => value * 0.9))).status).toBe(1);
    expect(check(writeExperiment(withKpi(results, "random", "netValuePerSub", (value) => value * 1.1))).status).toBe(0);
  });

  it("passes a mean worse by more than the tolerance whose interval still reaches within it (not significant)", () => {
    const noisy = withKpi(results, "random", "netValuePerSub", (value, seed) => value + [-200, 150, -100][seed]);
    expect(check(writeExperiment(noisy)).status).toBe(0);
    const consistent = withKpi(results, "random", "netValuePerSub", (value, seed) => value - 50 + [-2, 1, 1][seed]);
    expect(check(writeExperiment(consistent)).status).toBe(1);
  });

  it("passes a significant change within the tolerance set for that KPI", () => {
    const worse = writeExperiment(withKpi(results, "rules-nba", "churnRateMonthly", (value) => value * 1.2));
    expect(check(worse, "--tolerance", "churnRateMonthly=25%").status).toBe(0);
    expect(check(worse, "--tolerance", "churnRateMonthly=1").status).toBe(0);
    expect(check(worse, "--tolerance", "*=50%").status).toBe(0);
    expect(check(worse, "--tolerance", "*=50%", "--tolerance", "churnRateMonthly=0").status).toBe(1);
  });

  it("fails every KPI of a baseline policy that is missing from the current run", () => {
    const fewer = structuredClone(results);
    fewer.policies = fewer.policies.filter((entry) => entry.policy !== "random");
    const result = check(writeExperiment(fewer));
    expect(result.status).toBe(1);
    expect(result.junit!.match(/<failure /g)).toHaveLength(KPI_NAMES.length);
  });

  it("compares other seeds with Welch intervals only when asked to", () => {
    const otherSeed = structuredClone(results);
    otherSeed.config.rootSeed += 1;
    const dir = writeExperiment(otherSeed);
    const refused = check(dir);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("config.rootSeed must equal the current run's");
    const welch = check(dir, "--allow-other-seeds");
    expect(welch.status).toBe(0);
    expect(welch.stdout).toContain("(welch differences)");
  });

  it("--update-baseline writes the run's results without time or host, and the next check passes", () => {
    const file = path.join(makeTempDir("offersim-baseline-"), "ci", "results.json");
    const update = runCli(["check", baselineDir, "--baseline", file, "--update-baseline"]);
    expect(update.status).toBe(0);
    const written = JSON.parse(readFileSync(file, "utf8")) as ExperimentResults;
    expect(written.meta).toEqual({ offersimVersion: results.meta.offersimVersion });
    expect(written.policies).toEqual(results.policies);
    expect(runCli(["check", baselineDir, "--baseline", file]).status).toBe(0);
  });
});

describe("offersim check: bad input exits 2 with no output files", () => {
  const expectBadInput = (result: ReturnType<typeof check>, message: string | RegExp) => {
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.junit).toBeNull();
    expect(result.markdown).toBeNull();
  };

  it("a missing run folder", () => {
    expectBadInput(check(path.join(baselineDir, "nowhere")), /nowhere: DIR must be a run folder or a results\.json file, got a path that does not exist/);
  });

  it("a malformed results.json, naming the file and the field", () => {
    const broken = structuredClone(results) as unknown as { policies: { kpis: Record<string, { mean: unknown }> }[] };
    broken.policies[0].kpis.churnRateMonthly.mean = "x";
    const dir = writeExperiment(broken);
    expectBadInput(check(dir), `${path.join(dir, "results.json")}: policies[0].kpis.churnRateMonthly.mean must be a number, got "x"`);
  });

  it("results.json that is not JSON", () => {
    expectBadInput(check(writeExperimentText("{ nope")), /results\.json: must be JSON/);
  });

  it("an unknown or ungated KPI in --tolerance, and a malformed value", () => {
    expectBadInput(check(baselineDir, "--tolerance", "churn=5%"), /--tolerance must name a KPI of docs\/kpis\.md or \*, got "churn"/);
    expectBadInput(check(baselineDir, "--tolerance", "contacts=5%"), /--tolerance must name a gated KPI, got "contacts"/);
    expectBadInput(check(baselineDir, "--tolerance", "churnRateMonthly=five"), /--tolerance must be KPI=VALUE or KPI=PERCENT% with a number >= 0, got "churnRateMonthly=five"/);
  });

  it("a baseline of another scenario", () => {
    const other = structuredClone(results);
    other.scenario.hash = "0000000000000000";
    expectBadInput(check(writeExperiment(other)), /scenario\.hash must equal the current run's \(.*\) "0000000000000000", got "[0-9a-f]{16}"/);
  });
});

function writeExperimentText(text: string): string {
  const dir = writeExperiment({});
  writeTempFile(dir, "results.json", text);
  return dir;
}
