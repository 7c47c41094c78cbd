import path from "node:path";
import { readResultsFile } from "../report/read-results-file.js";
import { renderReportHtml } from "../report/render-report-html.js";
import { writeFilesAtomically } from "../report/write-files-atomically.js";

/** `offersim report DIR`: renders DIR/report.html again from DIR/results.json. */
export function reportCommand(dir: string): void {
  const { file, results } = readResultsFile(dir, "DIR");
  const outDir = path.dirname(file);
  writeFilesAtomically(outDir, { "report.html": renderReportHtml(results) });
  process.stdout.write(`Wrote ${path.join(outDir, "report.html")}\n`);
}
