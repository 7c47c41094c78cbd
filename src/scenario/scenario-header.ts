/** What a scenario file's opening comment says about it. */
export interface ScenarioHeader {
  /** The `Question:` paragraph, or the opening comment's first paragraph when it has none; "" without a comment. */
  question: string;
  /** The `Charts:` paragraph: which results to look at; "" when absent. */
  charts: string;
  /** True when the opening comment has a `Question:` paragraph. */
  hasQuestion: boolean;
}

const EDITOR_DIRECTIVE = /^yaml-language-server:/;
const LABEL = /^([A-Z][A-Za-z-]*):\s*(.*)$/;

/**
 * Reads the opening comment of a scenario file (the `#` lines before the first YAML line, the
 * editor's `yaml-language-server` line skipped). By convention a what-if opens with
 *
 * ```yaml
 * # Question: What does a five-day outage in region 2 cost in churn,
 * #   and which policy limits the damage?
 * # Charts: churn per 30-day period, the proactive-service program.
 * ```
 *
 * A paragraph runs from its label to the next blank comment line or the next label; its lines
 * are joined with single spaces.
 *
 * @example
 * readScenarioHeader("# Question: Why?\n# Charts: churn.\nname: x\n"); // { question: "Why?", charts: "churn.", hasQuestion: true }
 */
export function readScenarioHeader(text: string): ScenarioHeader {
  const paragraphs = openingParagraphs(text);
  const labelled = new Map<string, string>();
  for (const paragraph of paragraphs) {
    const match = LABEL.exec(paragraph);
    if (match && !labelled.has(match[1].toLowerCase())) labelled.set(match[1].toLowerCase(), match[2].trim());
  }
  const question = labelled.get("question");
  return {
    question: question ?? paragraphs[0] ?? "",
    charts: labelled.get("charts") ?? "",
    hasQuestion: question !== undefined && question.length > 0,
  };
}

/** The opening comment split into paragraphs at blank comment lines and at labels. */
function openingParagraphs(text: string): string[] {
  const paragraphs: string[][] = [];
  let current: string[] = [];
  const close = () => {
    if (current.length > 0) paragraphs.push(current);
    current = [];
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line.startsWith("#")) {
      if (line === "") continue;
      break;
    }
    const content = line.replace(/^#+\s?/, "");
    if (EDITOR_DIRECTIVE.test(content)) continue;
    if (content.trim() === "") close();
    else {
      if (LABEL.test(content) && !content.startsWith(" ")) close();
      current.push(content.trim());
    }
  }
  close();
  return paragraphs.map((lines) => lines.join(" "));
}
