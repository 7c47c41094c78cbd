import { createColors } from "picocolors";

/** The colours offersim uses in a terminal: picocolors' functions, or ones that return the text unchanged. */
export type TerminalColours = ReturnType<typeof createColors>;

/**
 * `--color` / `--no-color` as typed (the last one wins; `--color=false`, `--no-color=true` and
 * `--color false` too), or undefined when neither was given. Read from argv rather than from
 * yargs so that an error in the other flags is still printed as asked.
 */
export function colourFlag(argv: readonly string[]): boolean | undefined {
  let flag: boolean | undefined;
  for (let index = 0; index < argv.length && argv[index] !== "--"; index++) {
    const match = /^--(no-)?colou?r(?:=(true|false))?$/.exec(argv[index]);
    if (!match) continue;
    const next = argv[index + 1];
    const value = match[2] ?? (next === "true" || next === "false" ? next : "true");
    flag = (value === "true") !== (match[1] !== undefined);
  }
  return flag;
}

/**
 * Whether to colour what is written to `stream`: `--color` / `--no-color` decide first; then
 * NO_COLOR with any non-empty value turns colour off (no-color.org); then FORCE_COLOR (other than
 * "0" or "false") turns it on; otherwise colour only for a terminal that is not "dumb". A pipe,
 * a file and a test's captured output are never coloured.
 */
export function colourEnabled(stream: { isTTY?: boolean }, flag: boolean | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false") return true;
  return stream.isTTY === true && env.TERM !== "dumb";
}

/** The colours for `stream` (all identity functions when colour is off). */
export function terminalColours(stream: { isTTY?: boolean }, flag: boolean | undefined, env: NodeJS.ProcessEnv = process.env): TerminalColours {
  return createColors(colourEnabled(stream, flag, env));
}
