import type { ExperimentResults } from "./build-results.js";
import { htmlEscape } from "./html-escape.js";

/** The scenario, seeds, size, version and failures a report was made from, as a definition list. */
export function provenanceHtml(results: ExperimentResults): string {
  const { scenario, config, meta } = results;
  const items: [string, string][] = [
    ["scenario", `${scenario.name}: ${scenario.description}`],
    ["scenario file", scenario.file],
    ["scenario hash", scenario.hash],
    ["root seed", String(config.rootSeed)],
    ["seeds (replicates)", `${config.seeds}: ${config.replicates.join(", ")}`],
    ["subscribers, days", `${config.subscribers} subscribers, ${config.days} days (${config.warmupDays} warm-up days before day 0)`],
    ["policies", config.policies.join(", ")],
    ["reference (paired differences)", config.reference ?? "none"],
    ["offersim version", String(meta.offersimVersion ?? "unknown")],
    ["run", `${String(meta.createdAt ?? "unknown time")}, ${String(meta.node ?? "")} on ${String(meta.platform ?? "")}`],
    ["failed tasks", results.failures.length === 0 ? "none" : JSON.stringify(results.failures)],
  ];
  return `<dl>${items.map(([term, value]) => `<dt>${htmlEscape(term)}</dt><dd>${htmlEscape(value)}</dd>`).join("")}</dl>`;
}
