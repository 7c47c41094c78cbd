import type { LearningCurve } from "../results/learning-curve.js";
import type { ExperimentResults } from "./build-results.js";
import { runPolicyColours } from "./policy-colours.js";
import { baseLayout, type ReportFigure } from "./report-figure.js";

const PART_DASHES = ["solid", "dash", "dot", "dashdot"];

/**
 * The learning curves that policies report (`learningCurve` in results.json), one chart per
 * pair of axis labels, one line per policy and part (a propensity policy's acceptance and churn
 * models are two lines); none when no policy of the run reports one.
 */
export function learningCurveFigures(results: ExperimentResults): ReportFigure[] {
  const colours = runPolicyColours(results);
  const groups = new Map<string, ReportFigure>();
  for (const entry of results.policies) {
    const curve = entry.learningCurve;
    if (!curve) continue;
    const key = `${curve.xLabel}\u0000${curve.yLabel}`;
    if (!groups.has(key)) {
      const loss = /loss|error|regret/i.test(curve.yLabel);
      groups.set(key, {
        id: `learning-${groups.size}`,
        title: `Learning: ${curve.yLabel} by ${curve.xLabel}`,
        data: [],
        layout: baseLayout(curve.xLabel, `${curve.yLabel} (${loss ? "lower" : "higher"} is better)`),
        caption: loss
          ? `Each line is one learning policy's ${curve.yLabel} as it trained (by ${curve.xLabel}), and lower is better: a line that falls and levels off has learned what it can from its data, and one still falling at the end would gain from more training.`
          : `Each line is one learning policy's ${curve.yLabel} as it learned (by ${curve.xLabel}), and higher is better: a line that rises and levels off has learned what it can, and one still rising at the end would gain from a longer run.`,
      });
    }
    curveParts(curve).forEach((part, index) => {
      groups.get(key)!.data.push({
        type: "scatter",
        mode: "lines",
        name: part.name ? `${entry.policy}: ${part.name}` : entry.policy,
        line: { color: colours.get(entry.policy), dash: PART_DASHES[index % PART_DASHES.length] },
        x: part.x,
        y: part.y,
      });
    });
  }
  return [...groups.values()];
}

/** A curve cut where x starts again, each piece named after curve.parts (none when it has no parts). */
export function curveParts(curve: LearningCurve): { name: string | null; x: number[]; y: number[] }[] {
  const pieces: { name: string | null; x: number[]; y: number[] }[] = [];
  curve.x.forEach((x, k) => {
    if (k === 0 || (curve.parts && x <= curve.x[k - 1])) pieces.push({ name: curve.parts?.[pieces.length] ?? null, x: [], y: [] });
    pieces[pieces.length - 1].x.push(x);
    pieces[pieces.length - 1].y.push(curve.y[k]);
  });
  return pieces;
}
