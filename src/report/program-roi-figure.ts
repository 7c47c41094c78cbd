import type { ExperimentResults } from "./build-results.js";
import { groupThousands } from "./group-thousands.js";
import { MEANINGFUL_ROI_LIMIT, programRois, roiIsMeaningful } from "./program-roi.js";
import { runPolicyColours } from "./policy-colours.js";
import { baseLayout, type ReportFigure } from "./report-figure.js";

/**
 * ROI per CVM program, one bar per policy; programs a policy never used, and ROIs that are not
 * meaningful (beyond ±MEANINGFUL_ROI_LIMIT: a cost close to nothing), have no bar, so the axis
 * is never cut.
 */
export function programRoiFigure(results: ExperimentResults): ReportFigure {
  const perPolicy = results.policies.map((entry) => programRois(entry));
  const programs = [...new Set(perPolicy.flatMap((rows) => rows.map((row) => row.program)))];
  const colours = runPolicyColours(results);
  const limit = groupThousands(String(MEANINGFUL_ROI_LIMIT * 100));
  return {
    id: "program-roi",
    title: "ROI per CVM program",
    data: results.policies.map((entry, index) => {
      const byProgram = new Map(perPolicy[index].map((row) => [row.program, row]));
      return {
        type: "bar",
        name: entry.policy,
        marker: { color: colours.get(entry.policy) },
        x: programs,
        hovertemplate: `${entry.policy}: %{x} ROI %{y:,.1f} %<extra></extra>`,
        y: programs.map((program) => {
          const value = byProgram.get(program)?.roi ?? null;
          return roiIsMeaningful(value) ? value * 100 : null;
        }),
      };
    }),
    layout: { ...baseLayout("program", "ROI, % ((CLV gain + ARPU uplift - cost) / cost)"), barmode: "group" },
    caption: `A bar above zero means the program's accepted deals and the customers it kept or won back were worth more than it cost, -100 % means no value attributable per contact (proactive churn reduction shows only in the whole-policy rows below), and a ROI beyond ±${limit} % has no bar because its cost was close to nothing (the table says "not meaningful").`,
  };
}
