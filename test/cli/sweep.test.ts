import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BASELINE, makeTempDir, runCli } from "./run-cli.js";

const TINY = ["--subscribers", "400", "--days", "30", "--seeds", "2", "--workers", "1", "--quiet", "--policies", "no-contact,random"];

interface Difference {
  meanDiff: number;
  ci95: [number, number] | null;
  n: number;
}

interface SweepFile {
  config: { rootSeed: number; policies: string[]; seeds: number };
  parameters: { path: string; values: unknown[] }[];
  variants: {
    name: string;
    dir: string;
    values: Record<string, unknown>;
    policies: Record<string, Record<string, { mean: number; ci95: [number, number] | null; perSeed: number[] }>>;
    paired: Record<string, Record<string, Difference>>;
    vsFirstValue: Record<string, Record<string, Difference>>;
  }[];
}

describe("offersim sweep", () => {
  it("runs every variant of a 2 x 2 grid on the same root seed and writes variants/, sweep.json, summary.md and report.html", () => {
    const out = path.join(makeTempDir(), "sweep");
    const result = runCli([
      "sweep",
      BASELINE,
      "--set",
      "contactPolicy.maxContactsPerMonth=1,4",
      "--set",
      "offers[id=data-boost-sms].price=5,10",
      "--out",
      out,
      ...TINY,
    ]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["report.html", "summary.md", "sweep.json", "variants"]);
    const sweep = JSON.parse(readFileSync(path.join(out, "sweep.json"), "utf8")) as SweepFile;
    expect(sweep.parameters.map((parameter) => parameter.path)).toEqual(["contactPolicy.maxContactsPerMonth", "offers[id=data-boost-sms].price"]);
    expect(sweep.variants.map((variant) => variant.name)).toEqual([
      "maxContactsPerMonth=1_price=5",
      "maxContactsPerMonth=1_price=10",
      "maxContactsPerMonth=4_price=5",
      "maxContactsPerMonth=4_price=10",
    ]);
    for (const variant of sweep.variants) {
      expect(Object.keys(variant.policies).sort()).toEqual(["no-contact", "random"]);
      for (const kpis of Object.values(variant.policies)) expect(kpis.churnRateMonthly.ci95).not.toBeNull();
      expect(readdirSync(path.join(out, variant.dir)).sort()).toEqual(["results.json", "summary.csv", "summary.md"]);
      const results = JSON.parse(readFileSync(path.join(out, variant.dir, "results.json"), "utf8")) as { config: { rootSeed: number } };
      expect(results.config.rootSeed).toBe(sweep.config.rootSeed);
    }
    // Common random numbers: no-contact never contacts, so its world is the same in every variant.
    const noContact = sweep.variants.map((variant) => variant.policies["no-contact"].netValuePerSub.perSeed);
    for (const perSeed of noContact) expect(perSeed).toEqual(noContact[0]);
    // random does contact: a cap of one contact a month must lower its contacts.
    const contacts = (name: string) => sweep.variants.find((variant) => variant.name === name)!.policies.random.contactsPerSubMonth.mean;
    expect(contacts("maxContactsPerMonth=1_price=5")).toBeLessThan(contacts("maxContactsPerMonth=4_price=5"));

    // Paired changes along the first parameter, same policy and seed: none for no-contact, and
    // a looser cap gives random more contacts on every seed.
    const variant = (name: string) => sweep.variants.find((candidate) => candidate.name === name)!;
    for (const { vsFirstValue } of sweep.variants) expect(vsFirstValue["no-contact"].netValuePerSub).toEqual({ meanDiff: 0, ci95: [0, 0], n: 2 });
    expect(variant("maxContactsPerMonth=1_price=10").vsFirstValue.random.contactsPerSubMonth.meanDiff).toBe(0);
    const looser = variant("maxContactsPerMonth=4_price=10");
    const perSeed = (name: string) => variant(name).policies.random.contactsPerSubMonth.perSeed;
    const changes = perSeed("maxContactsPerMonth=4_price=10").map((value, seed) => value - perSeed("maxContactsPerMonth=1_price=10")[seed]);
    expect(looser.vsFirstValue.random.contactsPerSubMonth.meanDiff).toBeCloseTo((changes[0] + changes[1]) / 2, 12);
    expect(looser.vsFirstValue.random.contactsPerSubMonth.meanDiff).toBeGreaterThan(0);
    expect(looser.paired.random.netValuePerSub.meanDiff).toBeCloseTo(looser.policies.random.netValuePerSub.mean - looser.policies["no-contact"].netValuePerSub.mean, 9);

    const html = readFileSync(path.join(out, "report.html"), "utf8");
    expect(html).toContain("net value/sub (USD): difference from no-contact against contactPolicy.maxContactsPerMonth");
    expect(html).toContain("contacts/sub/month: change from contactPolicy.maxContactsPerMonth = 1 against contactPolicy.maxContactsPerMonth");
    expect(html).toContain("seed-by-seed differences (common random numbers)");
    expect(html).not.toMatch(/<script[^>]*\bsrc\s*=/i);
    expect(html).not.toMatch(/<link[^>]*href\s*=\s*["']?https?:/i);
    expect(html).toContain("Plotly.newPlot");
    expect(html).toContain("<figcaption>churn %/month against contactPolicy.maxContactsPerMonth, one panel per value of offers[id=data-boost-sms].price on a shared y axis");
    // One faceted chart per KPI and view, not one per value of the second parameter: 3 against
    // the reference, 3 changes from the first value, 10 levels.
    const titles = [...html.matchAll(/<h3 class="chart-title">([^<]+)<\/h3>/g)].map((match) => match[1]);
    expect(titles).toHaveLength(16);
    expect(new Set(titles).size).toBe(16);
    expect(titles.filter((title) => title.startsWith("churn %/month"))).toEqual(["churn %/month: difference from no-contact", "churn %/month: change from contactPolicy.maxContactsPerMonth = 1", "churn %/month"]);
    const summary = readFileSync(path.join(out, "summary.md"), "utf8");
    expect(summary).toContain("## churn %/month");
    expect(summary).toContain("## net value/sub (USD): difference from no-contact, seed by seed");
    expect(summary).toContain("## contacts/sub/month: change from contactPolicy.maxContactsPerMonth = 1, same policy, seed by seed");
  });

  it("rejects a value the schema does not allow with exit 2, naming the --set flag, the path and the rule, and writes nothing", () => {
    const out = path.join(makeTempDir(), "sweep");
    const result = runCli(["sweep", BASELINE, "--set", "contactPolicy.maxContactsPerWeek=1,-2", "--out", out, ...TINY]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      "offersim: --set contactPolicy.maxContactsPerWeek=1,-2: value -2: contactPolicy.maxContactsPerWeek must be an integer from 0 to 12, got -2\n",
    );
    expect(existsSync(out)).toBe(false);
  });

  it("rejects a bad path, an unknown offer id and a missing = with exit 2, one line each", () => {
    const out = path.join(makeTempDir(), "sweep");
    const result = runCli(["sweep", BASELINE, "--set", "offers[id=nope].price=5", "--set", "contactPolicy", "--set", "a..b=1", "--out", out, ...TINY]);
    expect(result.status).toBe(2);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toEqual([
      'offersim: --set contactPolicy: must be PATH=V1,V2,... (a dotted scenario path, then the values), got no "=" after the path',
      'offersim: --set a..b=1: PATH must be dotted keys with optional [index] or [key=value] selectors (e.g. offers[id=data-boost-sms].price), got "a..b"',
    ]);
    const unknownId = runCli(["sweep", BASELINE, "--set", "offers[id=nope].price=5", "--out", out, ...TINY]);
    expect(unknownId.status).toBe(2);
    expect(unknownId.stderr).toMatch(/^offersim: --set offers\[id=nope\]\.price=5: no item of offers has id "nope" \(ids: onboarding-welcome-app, /);
    const unknownField = runCli(["sweep", BASELINE, "--set", "contactPolicy.maxPerWeek=1,2", "--out", out, ...TINY]);
    expect(unknownField.status).toBe(2);
    expect(unknownField.stderr).toMatch(/^offersim: --set contactPolicy\.maxPerWeek=1,2: value 1: contactPolicy\.maxPerWeek is not a known field \(known: maxContactsPerWeek, /);
    expect(existsSync(out)).toBe(false);
  });

  it("leaves out the seed-by-seed change from the first value when the variants have different root seeds (a sweep of seed)", () => {
    const out = path.join(makeTempDir(), "sweep");
    const result = runCli(["sweep", BASELINE, "--set", "seed=3,4", "--out", out, ...TINY]);
    expect(result.status).toBe(0);
    const sweep = JSON.parse(readFileSync(path.join(out, "sweep.json"), "utf8")) as SweepFile;
    expect(Object.keys(sweep.variants[0].vsFirstValue)).toEqual(["no-contact", "random"]);
    expect(sweep.variants[1].vsFirstValue).toEqual({});
    expect(Object.keys(sweep.variants[1].paired)).toEqual(["random"]);
  });

  it("refuses to sweep population.size while --subscribers is given, and an --out folder that holds other files", () => {
    const size = runCli(["sweep", BASELINE, "--set", "population.size=100,200", ...TINY]);
    expect(size.status).toBe(2);
    expect(size.stderr).toContain("--set population.size=100,200: population.size cannot be swept while --subscribers is given");
    const dir = makeTempDir();
    writeFileSync(path.join(dir, "notes.txt"), "mine");
    const busy = runCli(["sweep", BASELINE, "--set", "outbound.slotEveryDays=7,14", "--out", dir, ...TINY]);
    expect(busy.status).toBe(2);
    expect(busy.stderr).toContain("--out must be a new or empty folder");
    expect(readdirSync(dir)).toEqual(["notes.txt"]);
  });
});
