import { stringify } from "csv-stringify/sync";
import { KPI_NAMES } from "../metrics/replicate-kpis.js";
import { spreadsheetSafe } from "./spreadsheet-safe.js";
import type { ExperimentResults } from "./build-results.js";
import { formatDifference, formatWithInterval, HEADLINE_KPIS, kpiLabel } from "./kpi-format.js";
import { runCurrency } from "./currency.js";
import { markdownTable, markdownText, terminalSafe, textTable, type CellStyle } from "./text-table.js";
import { significance } from "./significance.js";
import { againstBaselineMarkdown, againstBaselineText } from "./against-baseline-tables.js";
import { upliftAuditMarkdown } from "./uplift-audit-table.js";

const CSV_HEADER = ["policy", "segment", "kpi", "mean", "ci95_low", "ci95_high", "n"];

/**
 * summary.csv: one row per policy, segment ("all" for the whole base) and KPI. Written with
 * csv-stringify (RFC 4180 quoting: a name with a comma or a quote stays one cell); names are made
 * spreadsheet-safe (no formula from a policy called "=...").
 */
export function summaryCsv(results: ExperimentResults): string {
  const rows: (string | number)[][] = [CSV_HEADER];
  for (const entry of results.policies) {
    const groups = [["all", entry.kpis] as const, ...Object.entries(entry.segments)];
    for (const [segment, kpis] of groups) {
      for (const kpi of KPI_NAMES) {
        const { mean, ci95, n } = kpis[kpi];
        rows.push([spreadsheetSafe(entry.policy), spreadsheetSafe(segment), kpi, mean, ci95?.[0] ?? "", ci95?.[1] ?? "", n]);
      }
    }
  }
  return stringify(rows, { record_delimiter: "\n" });
}

function headlineRows(results: ExperimentResults): string[][] {
  return results.policies.map((entry) => [entry.policy, ...HEADLINE_KPIS.map((kpi) => formatWithInterval(kpi, entry.kpis[kpi].mean, entry.kpis[kpi].ci95))]);
}

const headlineHeader = (results: ExperimentResults) => ["policy", ...HEADLINE_KPIS.map((kpi) => kpiLabel(kpi, runCurrency(results)))];

/** The policies compared with the reference (the reference itself left out). */
function pairedEntries(results: ExperimentResults): ExperimentResults["policies"] {
  return results.policies.filter((entry) => entry.paired !== null && entry.policy !== entry.paired.reference);
}

/** Rows of paired differences from the reference (the reference itself left out). */
function pairedRows(results: ExperimentResults): string[][] {
  return pairedEntries(results).map((entry) => [
    entry.policy,
    ...HEADLINE_KPIS.map((kpi) => {
      const { meanDiff, ci95 } = entry.paired!.kpis[kpi];
      return formatDifference(kpi, meanDiff, ci95);
    }),
  ]);
}

/** When the reference ran alone there is nothing to pair: one line says so instead of an empty table. */
function nothingToPair(results: ExperimentResults, escape: (text: string) => string = terminalSafe): string {
  return `no paired differences: only the reference policy ${escape(results.config.reference ?? "")} ran, so there is nothing to compare it with (run more policies with --policies)`;
}

/**
 * Colours of the terminal table: a paired difference whose 95 % interval excludes zero is green
 * when it is better, red when it is worse (picocolors' functions, or identity functions when the
 * output is not a terminal).
 */
export interface SignificanceColours {
  green(text: string): string;
  red(text: string): string;
}

function pairedCellStyle(results: ExperimentResults, colours: SignificanceColours): CellStyle {
  const entries = pairedEntries(results);
  return (row, column, text) => {
    if (column === 0) return text;
    const kpi = HEADLINE_KPIS[column - 1];
    const verdict = significance(kpi, entries[row].paired!.kpis[kpi]);
    return verdict === "better" ? colours.green(text) : verdict === "worse" ? colours.red(text) : text;
  };
}

function pairedTitle(results: ExperimentResults, escape: (text: string) => string = terminalSafe): string {
  return `difference from ${escape(results.config.reference ?? "")}, seed by seed (common random numbers)`;
}

function provenance(results: ExperimentResults, escape: (text: string) => string = terminalSafe): string {
  const { config, scenario } = results;
  return `scenario ${escape(scenario.name)} (hash ${scenario.hash}), root seed ${config.rootSeed}, ${config.seeds} seed(s), ${config.subscribers} subscribers, ${config.days} days, offersim ${String(results.meta.offersimVersion)}`;
}

/** The short table printed at the end of `offersim run`; `colours` marks the significant paired differences. */
export function summaryText(results: ExperimentResults, colours: SignificanceColours = { green: (text) => text, red: (text) => text }): string {
  const note = results.config.seeds > 1 ? "mean ± half-width of the 95 % interval over seeds" : "one seed: no interval";
  const pairedTable = pairedEntries(results).length === 0 ? nothingToPair(results) : textTable(headlineHeader(results), pairedRows(results), 1, pairedCellStyle(results, colours));
  const paired = results.config.reference === null ? "" : `\n${pairedTitle(results)}\n\n${pairedTable}\n`;
  return `${provenance(results)}\n${note}\n\n${textTable(headlineHeader(results), headlineRows(results))}\n${paired}${againstBaselineText(results)}`;
}

/** summary.md: the headline table and every KPI of the whole base, with intervals. */
export function summaryMarkdown(results: ExperimentResults): string {
  const all = results.policies.map((entry) => [entry.policy, ...KPI_NAMES.map((kpi) => formatWithInterval(kpi, entry.kpis[kpi].mean, entry.kpis[kpi].ci95))]);
  return [
    `# offersim results: ${markdownText(results.scenario.name)}`,
    "",
    provenance(results, markdownText) + ".",
    "Values are means over seeds ± the half-width of the 95 % t-interval. KPI definitions: docs/kpis.md.",
    "",
    "## Headline",
    "",
    markdownTable(headlineHeader(results), headlineRows(results)),
    "",
    ...(results.config.reference === null
      ? []
      : [`## Paired: ${pairedTitle(results, markdownText)}`, "", pairedEntries(results).length === 0 ? nothingToPair(results, markdownText) + "." : markdownTable(headlineHeader(results), pairedRows(results)), ""]),
    ...againstBaselineMarkdown(results),
    ...upliftAuditMarkdown(results),
    "## Every KPI (whole base)",
    "",
    markdownTable(["policy", ...KPI_NAMES.map((kpi) => kpiLabel(kpi, runCurrency(results)))], all),
    "",
  ].join("\n");
}
