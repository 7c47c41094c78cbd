import type { ExperimentResults } from "./build-results.js";
import { programRois } from "./program-roi.js";
import { runPolicyColours } from "./policy-colours.js";
import { baseLayout, type ReportFigure } from "./report-figure.js";

const ROI_AXIS_LIMIT = 5000;

/** ROI per CVM program, one bar per policy; programs a policy never used have no bar. */
export function programRoiFigure(results: ExperimentResults): ReportFigure {
  const perPolicy = results.policies.map((entry) => programRois(entry));
  const programs = [...new Set(perPolicy.flatMap((rows) => rows.map((row) => row.program)))];
  const percents = perPolicy.flatMap((rows) => rows.flatMap((row) => (row.roi === null ? [] : [row.roi * 100])));
  // Programs with cents of cost reach ROIs of 10,000 % and more: cut the axis so the others stay readable.
  const range = [Math.max(Math.min(-100, ...percents), -ROI_AXIS_LIMIT), Math.min(Math.max(100, ...percents), ROI_AXIS_LIMIT)].map((end) => end * 1.1);
  const colours = runPolicyColours(results);
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
        hovertemplate: `${entry.policy}: %{x} ROI %{y:.1f} %<extra></extra>`,
        y: programs.map((program) => {
          const value = byProgram.get(program)?.roi;
          return value === null || value === undefined ? null : value * 100;
        }),
      };
    }),
    layout: roiLayout(range),
    caption:
      "A bar above zero means the program's accepted deals and the customers it kept or won back were worth more than it cost, -100 % means no value attributable per contact (proactive churn reduction shows only in the whole-policy rows below), and bars beyond ±5,000 % are cut at the axis (the table has every value).",
  };
}

function roiLayout(range: number[]): Record<string, unknown> {
  const layout = baseLayout("program", "ROI, % ((CLV gain + ARPU uplift - cost) / cost)");
  return { ...layout, barmode: "group", yaxis: { ...(layout.yaxis as object), range } };
}
