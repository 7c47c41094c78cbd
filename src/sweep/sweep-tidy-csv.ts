import type { ExperimentResults } from "../report/build-results.js";
import { tidyCsv } from "../report/tidy-csv-files.js";
import { tidyTables, type TidyCell, type TidyTable } from "../report/tidy-tables.js";
import type { SweepParameter } from "./sweep-grid.js";

/** The column of a swept parameter in the sweep's CSVs: `set.` and its path (`set.contactPolicy.maxContactsPerMonth`). */
export function setColumn(path: string): string {
  return `set.${path}`;
}

/**
 * The sweep's combined tidy CSVs (kpis.csv, paired.csv, series.csv, programs.csv at the top of
 * the sweep folder): every variant's rows, each led by the variant's name and one column per
 * swept `--set` parameter holding its value there, in grid order.
 */
export function sweepTidyCsvFiles(
  parameters: readonly SweepParameter[],
  variants: readonly { readonly name: string; readonly values: Readonly<Record<string, string | number | boolean>>; readonly results: ExperimentResults }[],
): Record<string, string> {
  const tables = variants.map((variant) => ({ lead: [variant.name, ...parameters.map((parameter) => variant.values[parameter.path])] as TidyCell[], tables: tidyTables(variant.results) }));
  const names = Object.keys(tables[0].tables) as (keyof (typeof tables)[number]["tables"])[];
  return Object.fromEntries(
    names.map((name) => {
      const combined: TidyTable = {
        header: ["variant", ...parameters.map((parameter) => setColumn(parameter.path)), ...tables[0].tables[name].header],
        rows: tables.flatMap(({ lead, tables: own }) => own[name].rows.map((row) => [...lead, ...row])),
      };
      return [name, tidyCsv(combined)];
    }),
  );
}
