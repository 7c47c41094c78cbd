import type { ExperimentResults } from "./build-results.js";
import { programRois } from "./program-roi.js";
import { baseLayout, policyColour, type ReportFigure } from "./report-figure.js";

/** ROI per CVM program, one bar per policy; programs a policy never used have no bar. */
export function programRoiFigure(results: ExperimentResults): ReportFigure {
  const perPolicy = results.policies.map((entry) => programRois(entry));
  const programs = [...new Set(perPolicy.flatMap((rows) => rows.map((row) => row.program)))];
  return {
    id: "program-roi",
    data: results.policies.map((entry, index) => {
      const byProgram = new Map(perPolicy[index].map((row) => [row.program, row]));
      return {
        type: "bar",
        name: entry.policy,
        marker: { color: policyColour(index) },
        x: programs,
        y: programs.map((program) => {
          const value = byProgram.get(program)?.roi;
          return value === null || value === undefined ? null : value * 100;
        }),
      };
    }),
    layout: { ...baseLayout("ROI per CVM program", "program", "ROI, % ((CLV gain + ARPU uplift - cost) / cost)"), barmode: "group" },
    caption:
      "A bar above zero means the program's accepted deals and the customers it kept or won back were worth more than it cost; -100 % means value nothing attributable per contact (proactive churn reduction shows only in the whole-policy row of the table below).",
  };
}
