import { describe, expect, it } from "vitest";
import { parsePartialResults, serializePartialResults, PARTIAL_FORMAT, PARTIAL_SCHEMA_VERSION, type PartialResults } from "../../src/report/partial-results.js";
import { InputError } from "../../src/input-error.js";
import { KPI_NAMES } from "../../src/metrics/replicate-kpis.js";

const partial = (values: number[]): PartialResults => ({
  format: PARTIAL_FORMAT,
  schemaVersion: PARTIAL_SCHEMA_VERSION,
  meta: { offersimVersion: "0.0.0" },
  experiment: {
    scenario: { name: "s", description: "", hash: "0123456789abcdef", file: "s.yaml" },
    rootSeed: 1,
    seeds: 1,
    subscribers: 10,
    days: 5,
    warmupDays: 0,
    policies: [{ name: "NaN", description: "a policy with an awkward name" }],
    reference: null,
  },
  shard: { index: 1, count: 1 },
  outcomes: [{ ok: true, result: replicateResult(values) }],
});

/** A replicate result whose first series row holds `values` (series may hold NaN; KPIs may not). */
function replicateResult(values: number[]): never {
  const kpis = Object.fromEntries(KPI_NAMES.map((kpi) => [kpi, 1]));
  const series = [Object.fromEntries(values.map((value, index) => [`v${index}`, value]))];
  return { policy: "NaN", replicate: 0, groups: { all: kpis }, series, programs: {}, subscriberDays: 50, wallSeconds: 0.1, learningCurve: null } as never;
}

describe("partial.json", () => {
  it("reads back every number exactly, NaN, infinities and -0 included", () => {
    const values = [0, -0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0.1 + 0.2, 1e-300, -123.456, Number.MAX_VALUE];
    const read = parsePartialResults("p.json", serializePartialResults(partial(values)));
    const readValues = Object.values((read.outcomes[0] as unknown as { result: { series: Record<string, number>[] } }).result.series[0]);
    expect(readValues.length).toBe(values.length);
    values.forEach((value, index) => expect(Object.is(readValues[index], value), `values[${index}]`).toBe(true));
    expect(read.experiment.policies[0].name).toBe("NaN");
  });

  it("names the file and the field of a malformed partial", () => {
    const text = serializePartialResults(partial([1])).replace('"rootSeed":1', '"rootSeed":"one"');
    expect(() => parsePartialResults("p.json", text)).toThrow(InputError);
    expect(() => parsePartialResults("p.json", text)).toThrow(/^p\.json: experiment\.rootSeed/);
    expect(() => parsePartialResults("r.json", '{"schemaVersion": 1}')).toThrow(/r\.json: format must be "offersim-partial-results"/);
  });
});
