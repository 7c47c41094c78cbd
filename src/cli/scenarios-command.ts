import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadScenario } from "../scenario/load-scenario.js";
import { readScenarioHeader } from "../scenario/scenario-header.js";
import { InputError } from "../input-error.js";
import { defaultScenariosDir } from "./run-command.js";

/** One scenario file of the library, as `offersim scenarios` lists it. */
export interface ScenarioEntry {
  name: string;
  file: string;
  question: string;
  charts: string;
  /** The parent file as written in `extends`, or null. */
  extends: string | null;
  events: number;
  offers: number;
  hash: string;
  /** The first validation problem; null for a valid scenario. */
  problem: string | null;
}

/**
 * Every `*.yaml` of a scenarios folder, the baseline first, then by file name, with the question
 * of its opening comment (see readScenarioHeader; without a `Question:` paragraph, the
 * scenario's `description`). An invalid file is listed with its first
 * problem rather than stopping the listing.
 */
export function listScenarios(dir: string): ScenarioEntry[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith(".yaml") || name.endsWith(".yml"))
    .sort((a, b) => Number(b.startsWith("baseline.")) - Number(a.startsWith("baseline.")) || a.localeCompare(b));
  return files.map((name) => describeScenario(path.join(dir, name)));
}

function describeScenario(file: string): ScenarioEntry {
  const header = readScenarioHeader(readFileSync(file, "utf8"));
  const base = { file, question: header.question, charts: header.charts };
  try {
    const { scenario, hash, chain } = loadScenario(file);
    const parent = chain.length > 1 ? path.relative(path.dirname(file), chain[1]) : null;
    return {
      name: scenario.name,
      ...base,
      question: header.hasQuestion ? header.question : scenario.description || header.question,
      extends: parent,
      events: scenario.events.length,
      offers: scenario.offers.filter((offer) => offer.enabled).length,
      hash,
      problem: null,
    };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const name = path.basename(file).replace(/\.ya?ml$/, "");
    return { name, ...base, extends: null, events: 0, offers: 0, hash: "", problem: error.problems[0] ?? error.message };
  }
}

/** `offersim scenarios [--json]`: the what-if library (scenarios/ of the working directory, else the package's) with its questions. */
export function scenariosCommand(json: boolean): void {
  const entries = listScenarios(defaultScenariosDir());
  if (json) {
    process.stdout.write(JSON.stringify(entries, null, 2) + "\n");
    return;
  }
  const blocks = entries.map((entry) => {
    const lines = [`${entry.name}  (${entry.file})`, ...wrap(entry.question, 96, "  ")];
    if (entry.charts) lines.push(...wrap(`Charts: ${entry.charts}`, 96, "  "));
    if (entry.problem) lines.push(`  INVALID: ${entry.problem}`);
    return lines.join("\n");
  });
  process.stdout.write(`${blocks.join("\n\n")}\n\nRun one with: offersim run FILE; vary a parameter with: offersim sweep FILE --set PATH=V1,V2\n`);
}

/** Greedy word wrap, each line indented. */
function wrap(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines;
}
