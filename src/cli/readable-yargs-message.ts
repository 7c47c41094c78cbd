import { nearestName } from "./nearest-name.js";

/** What a command needs besides its options, for the message when it is missing. */
export const COMMAND_OPERANDS: Readonly<Record<string, string>> = {
  validate: "a scenario file: offersim validate FILE",
  report: "a run's output folder: offersim report DIR",
  compare: "two runs' output folders: offersim compare DIR_A DIR_B",
  check: "a run's output folder: offersim check DIR --baseline FILE",
  ope: "a decision log folder: offersim ope LOG --target POLICY",
  merge: "the shards' output folders: offersim merge DIR...",
};

/** What the command line offers where yargs failed: the commands, and the flags of the command typed. */
export interface CommandLineVocabulary {
  readonly commands: readonly string[];
  /** Flag names (without dashes) of the command typed, or the global ones when none was. */
  readonly flags: readonly string[];
}

/**
 * yargs' own messages, reworded into one line that names the command, flag or operand and what
 * was expected, with the nearest command or flag when one was mistyped ("did you mean ...").
 */
export function readableYargsMessage(message: string, argv: readonly string[], vocabulary: CommandLineVocabulary): string {
  const typedCommand = argv.find((arg) => !arg.startsWith("-"));
  const command = typedCommand !== undefined && vocabulary.commands.includes(typedCommand) ? typedCommand : undefined;
  const seeHelp = `see offersim ${command ?? ""}${command ? " " : ""}--help`;
  if (/^Did you mean /.test(message) || (typedCommand !== undefined && command === undefined && /^Unknown arguments?: /.test(message))) {
    return unknownCommand(typedCommand ?? "", vocabulary.commands);
  }
  const unknown = /^Unknown arguments?: (.*)$/.exec(message);
  if (unknown) {
    const names = unknown[1].split(", ").map((name) => unknownArgument(name, argv, vocabulary.flags));
    return `unknown ${names.length > 1 ? "arguments" : "argument"} ${names.join(", ")} (${seeHelp})`;
  }
  if (/^Not enough non-option arguments/.test(message) && command !== undefined && COMMAND_OPERANDS[command]) {
    return `${command} needs ${COMMAND_OPERANDS[command]} (${seeHelp})`;
  }
  const missing = /^Missing required arguments?: (.*)$/.exec(message);
  if (missing) {
    const names = missing[1].split(", ").map((name) => `--${name}`);
    return `${command ?? "the command"} needs ${names.join(", ")} (${seeHelp})`;
  }
  return message;
}

function unknownCommand(typed: string, commands: readonly string[]): string {
  const nearest = nearestName(typed, commands);
  const guess = nearest === undefined ? "" : `: did you mean ${nearest}?`;
  return `unknown command ${JSON.stringify(typed)}${guess} (commands: ${commands.join(", ")})`;
}

/** An unknown name as typed (`--subscriber`, `-x`), with the nearest flag of the command. */
function unknownArgument(name: string, argv: readonly string[], flags: readonly string[]): string {
  const typed = argv.find((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`) || arg === `-${name}`)?.split("=")[0];
  if (typed === undefined) return JSON.stringify(name);
  const nearest = nearestName(typed.replace(/^-+/, ""), flags);
  return nearest === undefined ? typed : `${typed}: did you mean --${nearest}?`;
}
