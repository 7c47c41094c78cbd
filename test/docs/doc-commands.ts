import { readFileSync } from "node:fs";

/**
 * The example commands of a Markdown page, by the rule test/docs/doc-commands.test.ts states:
 * the lines of shell fences (``` with no language, or sh, bash, shell or console) that start,
 * after an optional `$ ` prompt, with one of COMMAND_STARTS. A line ending in `\` goes on on the
 * next line. Lines under a `$ ` command up to the next blank line or command are its shown output.
 * Fences of other languages (yaml, js, ts, text) are never run.
 */
export const COMMAND_STARTS = ["offersim ", "npx offersim ", "node dist/", "npm run ", "npm start", "npm test", "npm ci"];

const SHELL_FENCES = ["", "sh", "bash", "shell", "console"];

export interface DocCommand {
  readonly doc: string;
  /** 1-based line of the command's first line. */
  readonly line: number;
  /** The command as written, continuation lines joined, the prompt left out. */
  readonly text: string;
  /** Lines printed under a `$ ` command in the page (its expected output), else empty. */
  readonly shownOutput: readonly string[];
}

/**
 * A fence the page asks the reader to save: the paragraph above it ends with "Save it as
 * `my-policy.mjs`:" (or "Save it as `NAME`, next to ...:").
 */
export interface DocFile {
  readonly doc: string;
  readonly name: string;
  readonly content: string;
}

export function extractDocExamples(doc: string, markdown: string = readFileSync(doc, "utf8")): { commands: DocCommand[]; files: DocFile[] } {
  const lines = markdown.split("\n");
  const commands: DocCommand[] = [];
  const files: DocFile[] = [];
  for (let index = 0; index < lines.length; index++) {
    const open = /^\s*```\s*([\w-]*)\s*$/.exec(lines[index]);
    if (!open) continue;
    const start = index + 1;
    let end = start;
    while (end < lines.length && !/^\s*```\s*$/.test(lines[end])) end++;
    const body = lines.slice(start, end);
    const saveAs = /[Ss]ave (?:it|this) as\s+`([^`]+)`[^`]*:\s*$/.exec(lastProse(lines, index));
    if (saveAs) files.push({ doc, name: saveAs[1], content: body.join("\n") + "\n" });
    if (SHELL_FENCES.includes(open[1])) commands.push(...fenceCommands(doc, body, start + 1));
    index = end;
  }
  return { commands, files };
}

/** The paragraph just above a fence, its lines joined. */
function lastProse(lines: readonly string[], fence: number): string {
  let end = fence - 1;
  while (end >= 0 && lines[end].trim() === "") end--;
  let start = end;
  while (start > 0 && lines[start - 1].trim() !== "") start--;
  return lines.slice(start, end + 1).join(" ");
}

function fenceCommands(doc: string, body: readonly string[], firstLine: number): DocCommand[] {
  const commands: { doc: string; line: number; text: string; shownOutput: string[]; prompted: boolean }[] = [];
  let current: (typeof commands)[number] | undefined;
  for (let index = 0; index < body.length; index++) {
    const prompted = body[index].startsWith("$ ");
    const text = prompted ? body[index].slice(2) : body[index];
    if (COMMAND_STARTS.some((start) => text.startsWith(start))) {
      let joined = text;
      const line = firstLine + index;
      while (joined.endsWith("\\") && index + 1 < body.length) joined = `${joined.slice(0, -1).trimEnd()} ${body[++index].trim()}`;
      current = { doc, line, text: joined, shownOutput: [], prompted };
      commands.push(current);
    } else if (body[index].trim() === "") current = undefined;
    else if (current?.prompted) current.shownOutput.push(body[index]);
  }
  return commands.map(({ prompted: _prompted, ...command }) => command);
}

/** A word that stands for something to fill in (DIR, FILE, SCENARIO, [--json], DIR...): a synopsis, not an example. */
export function placeholders(command: string): string[] {
  return splitWords(command).filter((word) => /^[A-Z][A-Z0-9_]*(\.\.\.)?$/.test(word) || word.startsWith("[") || word.endsWith("...") || word.includes("|"));
}

/**
 * Splits a command line into words as a POSIX shell would for these pages: spaces separate,
 * single and double quotes group, `# ...` after a space is a comment.
 */
export function splitWords(command: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  for (let index = 0; index < command.length; index++) {
    const char = command[index];
    if (char === "'" || char === '"') {
      const close = command.indexOf(char, index + 1);
      if (close < 0) throw new Error(`unclosed ${char} in ${command}`);
      word = (word ?? "") + command.slice(index + 1, close);
      index = close;
    } else if (/\s/.test(char)) {
      if (word !== null) words.push(word);
      word = null;
    } else if (char === "#" && word === null) break;
    else word = (word ?? "") + char;
  }
  if (word !== null) words.push(word);
  return words;
}
