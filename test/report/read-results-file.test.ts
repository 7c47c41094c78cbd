import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readResultsFile } from "../../src/report/read-results-file.js";
import { InputError } from "../../src/input-error.js";
import { REPO_ROOT } from "../cli/run-cli.js";

const folder = mkdtempSync(path.join(tmpdir(), "offersim-results-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The committed CI baseline with `edit` applied, written to a file of its own. */
function baselineEdited(name: string, edit: (results: { policies: { kpis: Record<string, unknown> }[] }) => void): string {
  const results = JSON.parse(readFileSync(path.join(REPO_ROOT, "ci", "baseline", "results.json"), "utf8"));
  edit(results);
  const file = path.join(folder, `${name}.json`);
  writeFileSync(file, JSON.stringify(results));
  return file;
}

function errorOf(file: string): string {
  try {
    readResultsFile(file, "DIR");
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error(`${file} was read without an error`);
}

describe("reading a results.json", () => {
  it("names a file written before a KPI existed (no policy has it) in one line", () => {
    const file = baselineEdited("older", (results) => results.policies.forEach((entry) => delete entry.kpis.linesLost));
    const message = errorOf(file);
    expect(message.split("\n")).toHaveLength(1);
    expect(message).toBe(
      `${file}: policies[0].kpis must have every KPI of this offersim, got a results.json without linesLost: it was written by an earlier offersim, whose world did not have it; run the experiment again with this version`,
    );
  });

  it("leaves a KPI missing from one policy only to the field-by-field message", () => {
    const file = baselineEdited("one-missing", (results) => delete results.policies[1].kpis.churnRateMonthly);
    expect(errorOf(file)).toContain(`${file}: policies[1].kpis.churnRateMonthly must be a mapping, got nothing`);
  });

  it("reads the committed baseline as it is", () => {
    expect(readResultsFile(path.join(REPO_ROOT, "ci", "baseline", "results.json")).results.policies.length).toBeGreaterThan(0);
  });
});
