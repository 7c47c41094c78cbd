import type { ExperimentResults } from "./build-results.js";
import { baseLayout, policyColour, type ReportFigure } from "./report-figure.js";

/**
 * The learning curves that policies report (`learningCurve` in results.json), one chart per
 * pair of axis labels; none when no policy of the run reports one.
 */
export function learningCurveFigures(results: ExperimentResults): ReportFigure[] {
  const groups = new Map<string, ReportFigure>();
  results.policies.forEach((entry, index) => {
    const curve = entry.learningCurve;
    if (!curve) return;
    const key = `${curve.xLabel}\u0000${curve.yLabel}`;
    if (!groups.has(key)) {
      groups.set(key, {
        id: `learning-${groups.size}`,
        data: [],
        layout: baseLayout(`Learning: ${curve.yLabel} by ${curve.xLabel}`, curve.xLabel, curve.yLabel),
        caption: `Each line is one learning policy's ${curve.yLabel} as it trained (by ${curve.xLabel}): a line that rises and levels off has learned what it can; one still rising at the end would gain from a longer run.`,
      });
    }
    groups.get(key)!.data.push({ type: "scatter", mode: "lines", name: entry.policy, line: { color: policyColour(index) }, x: curve.x, y: curve.y });
  });
  return [...groups.values()];
}
