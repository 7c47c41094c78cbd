import path from "node:path";
import { readResultsFile } from "../report/read-results-file.js";
import { renderReportHtml } from "../report/render-report-html.js";
import { writeFilesAtomically } from "../report/write-files-atomically.js";
import { readSweepFile, sweepFileIn } from "../sweep/read-sweep-file.js";
import { renderSweepHtml } from "../sweep/report/render-sweep-html.js";

/** `offersim report DIR`: renders DIR/report.html again from DIR/results.json, or a sweep's from DIR/sweep.json. */
export function reportCommand(dir: string): void {
  const sweepFile = sweepFileIn(dir);
  const { file, html } = sweepFile ? { file: sweepFile, html: renderSweepHtml(readSweepFile(sweepFile)) } : renderedRun(dir);
  const outDir = path.dirname(file);
  writeFilesAtomically(outDir, { "report.html": html });
  process.stdout.write(`Wrote ${path.join(outDir, "report.html")}\n`);
}

function renderedRun(dir: string): { file: string; html: string } {
  const { file, results } = readResultsFile(dir, "DIR");
  return { file, html: renderReportHtml(results) };
}
