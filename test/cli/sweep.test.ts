import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BASELINE, makeTempDir, REPO_ROOT, runCli } from "./run-cli.js";
import { csvColumnTypes, query } from "./tidy-readers.js";

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
  it("runs every variant of a 2 x 2 grid on the same root seed and writes variants/, sweep.json, summary.md, the combined CSVs and report.html", async () => {
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
    expect(readdirSync(out).sort()).toEqual(["kpis.csv", "paired.csv", "programs.csv", "report.html", "series.csv", "summary.md", "sweep.json", "variants"]);
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
      expect(readdirSync(path.join(out, variant.dir)).sort()).toEqual(["kpis.csv", "paired.csv", "programs.csv", "results.json", "series.csv", "summary.csv", "summary.md"]);
      const results = JSON.parse(readFileSync(path.join(out, variant.dir, "results.json"), "utf8")) as { config: { rootSeed: number; set: Record<string, unknown> } };
      expect(results.config.rootSeed).toBe(sweep.config.rootSeed);
      expect(results.config.set).toEqual(variant.values);
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
    // One combined CSV per table: every variant's rows, a column per swept parameter, read by DuckDB in one call.
    const kpis = path.join(out, "kpis.csv");
    const types = await csvColumnTypes(kpis);
    expect(Object.keys(types).slice(0, 4)).toEqual(["variant", "set.contactPolicy.maxContactsPerMonth", "set.offers[id=data-boost-sms].price", "run_id"]);
    expect([types["set.contactPolicy.maxContactsPerMonth"], types["set.offers[id=data-boost-sms].price"], types.value]).toEqual(["BIGINT", "BIGINT", "DOUBLE"]);
    const perVariant = await query(`select variant, "set.contactPolicy.maxContactsPerMonth" as cap, "set.offers[id=data-boost-sms].price" as price, count(*) as n from read_csv('${kpis}') group by all order by all`);
    const ownRows = readFileSync(path.join(out, sweep.variants[0].dir, "kpis.csv"), "utf8").trim().split("\n").length - 1;
    expect(perVariant.map((row) => [row.variant, Number(row.cap), Number(row.price), Number(row.n)]).sort()).toEqual(
      sweep.variants.map((variant) => [variant.name, variant.values["contactPolicy.maxContactsPerMonth"], variant.values["offers[id=data-boost-sms].price"], ownRows]).sort(),
    );
    const [random] = await query(`select avg(value) as mean from read_csv('${kpis}') where variant = 'maxContactsPerMonth=4_price=10' and policy = 'random' and segment = 'all' and kpi = 'contactsPerSubMonth'`);
    expect(random.mean as number).toBeCloseTo(variant("maxContactsPerMonth=4_price=10").policies.random.contactsPerSubMonth.mean, 12);
    for (const name of ["paired.csv", "series.csv", "programs.csv"]) {
      const [{ n }] = await query(`select count(*) as n from read_csv('${path.join(out, name)}')`);
      const own = sweep.variants.reduce((sum, entry) => sum + readFileSync(path.join(out, entry.dir, name), "utf8").trim().split("\n").length - 1, 0);
      expect(Number(n), name).toBe(own);
    }

    // Like run, the sweep ends with a table on stdout: a row per variant and policy.
    expect(result.stdout).toMatch(/^sweep of baseline \(hash [0-9a-f]{16}\), root seed \d+ for every variant, 2 seed\(s\)/);
    expect(result.stdout).toMatch(/variant\s+policy\s+churn %\/month\s+net value\/sub/);
    const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    for (const entry of sweep.variants) for (const policy of ["no-contact", "random"]) expect(result.stdout).toMatch(new RegExp(`\\n${escaped(entry.name)}\\s+${policy}\\s+\\d`));
    expect(result.stdout).toContain("difference from no-contact in the same variant, seed by seed");

    // offersim report renders the sweep's report.html again from sweep.json, the same bytes.
    rmSync(path.join(out, "report.html"));
    const rendered = runCli(["report", out]);
    expect(rendered.status).toBe(0);
    expect(rendered.stdout).toBe(`Wrote ${path.join(out, "report.html")}\n`);
    expect(readFileSync(path.join(out, "report.html"), "utf8")).toBe(html);
    const broken = JSON.parse(readFileSync(path.join(out, "sweep.json"), "utf8")) as SweepFile;
    (broken.variants[1].policies.random.churnRateMonthly as { mean: unknown }).mean = "x";
    const brokenDir = makeTempDir();
    writeFileSync(path.join(brokenDir, "sweep.json"), JSON.stringify(broken));
    const refused = runCli(["report", brokenDir]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(`offersim: ${path.join(brokenDir, "sweep.json")}: variants[1].policies.random.churnRateMonthly.mean must be a number, got "x"\n`);
    expect(existsSync(path.join(brokenDir, "report.html"))).toBe(false);

    const summary = readFileSync(path.join(out, "summary.md"), "utf8");
    expect(summary).toContain("## churn %/month");
    expect(summary).toContain("## net value/sub (USD): difference from no-contact, seed by seed");
    expect(summary).toContain("## contacts/sub/month: change from contactPolicy.maxContactsPerMonth = 1, same policy, seed by seed");
  });

  it("warns before running that a swept offer is never eligible, and after running which variants gave identical results", () => {
    const out = path.join(makeTempDir(), "sweep");
    const budgetCut = path.join(REPO_ROOT, "scenarios", "contact-budget-cut.yaml");
    const result = runCli(["sweep", budgetCut, "--set", "offers[id=retention-discount-call].discount=5,10", "--out", out, ...TINY]);
    expect(result.status).toBe(0);
    expect(result.stderr.split("\n")).toEqual([
      "offersim: warning: --set offers[id=retention-discount-call].discount=5,10: offer retention-discount-call is never eligible: outbound calls are capped at 0 (contactPolicy.maxOutboundCallsPerMonth: 0); its values cannot change the results, so 1 of the 2 variants repeats another's experiment",
      "offersim: warning: variants discount=5, discount=10 gave identical results for every policy, seed and KPI: offers[id=retention-discount-call].discount = 5 / 10 made no difference",
      "",
    ]);
  });

  it("reruns one variant from its results.json (--from), with its --set values", () => {
    const out = path.join(makeTempDir(), "sweep");
    expect(runCli(["sweep", BASELINE, "--set", "contactPolicy.maxContactsPerMonth=1,4", "--out", out, ...TINY]).status).toBe(0);
    const variant = path.join(out, "variants", "maxContactsPerMonth=4");
    const again = path.join(makeTempDir(), "again");
    const rerun = runCli(["run", "--from", variant, "--workers", "1", "--quiet", "--out", again]);
    expect(rerun.status).toBe(0);
    const withoutMeta = (dir: string) => {
      const { meta: _meta, ...rest } = JSON.parse(readFileSync(path.join(dir, "results.json"), "utf8")) as { meta: unknown; config: { set: unknown } };
      return rest;
    };
    expect(withoutMeta(again)).toEqual(withoutMeta(variant));
    expect(withoutMeta(again).config.set).toEqual({ "contactPolicy.maxContactsPerMonth": 4 });
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
    // A mistyped path is wrong whatever the value: said once for the flag, not once per value.
    expect(unknownField.stderr).toMatch(/^offersim: --set contactPolicy\.maxPerWeek=1,2: contactPolicy\.maxPerWeek is not a known field \(known: maxContactsPerWeek, /);
    expect(unknownField.stderr.trim().split("\n")).toHaveLength(1);
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
