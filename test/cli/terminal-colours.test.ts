import { describe, expect, it } from "vitest";
import { colourEnabled, colourFlag, terminalColours } from "../../src/cli/terminal-colours.js";
import { nearestName } from "../../src/cli/nearest-name.js";

const TTY = { isTTY: true };
const PIPE = { isTTY: false };

describe("colourEnabled()", () => {
  it("colours a terminal and never a pipe, unless told", () => {
    expect(colourEnabled(TTY, undefined, {})).toBe(true);
    expect(colourEnabled(PIPE, undefined, {})).toBe(false);
    expect(colourEnabled(TTY, undefined, { TERM: "dumb" })).toBe(false);
  });

  it("turns colour off for NO_COLOR with any non-empty value, and ignores an empty one (no-color.org)", () => {
    expect(colourEnabled(TTY, undefined, { NO_COLOR: "1" })).toBe(false);
    expect(colourEnabled(TTY, undefined, { NO_COLOR: "false" })).toBe(false);
    expect(colourEnabled(TTY, undefined, { NO_COLOR: "" })).toBe(true);
  });

  it("lets FORCE_COLOR colour a pipe, but not over NO_COLOR, and not when it is 0 or false", () => {
    expect(colourEnabled(PIPE, undefined, { FORCE_COLOR: "1" })).toBe(true);
    expect(colourEnabled(PIPE, undefined, { FORCE_COLOR: "" })).toBe(true);
    expect(colourEnabled(PIPE, undefined, { FORCE_COLOR: "1", NO_COLOR: "1" })).toBe(false);
    expect(colourEnabled(TTY, undefined, { FORCE_COLOR: "0" })).toBe(true);
    expect(colourEnabled(PIPE, undefined, { FORCE_COLOR: "0" })).toBe(false);
    expect(colourEnabled(PIPE, undefined, { FORCE_COLOR: "false" })).toBe(false);
  });

  it("gives --color and --no-color the last word", () => {
    expect(colourEnabled(TTY, false, { FORCE_COLOR: "1" })).toBe(false);
    expect(colourEnabled(PIPE, true, { NO_COLOR: "1" })).toBe(true);
  });

  it("gives identity functions when off and ANSI codes when on", () => {
    expect(terminalColours(PIPE, undefined, {}).red("x")).toBe("x");
    expect(terminalColours(PIPE, true, {}).red("x")).toBe("\u001b[31mx\u001b[39m");
  });
});

describe("colourFlag()", () => {
  it("reads --color, --no-color and their =true/=false forms, the last one winning, and stops at --", () => {
    expect(colourFlag(["run"])).toBeUndefined();
    expect(colourFlag(["run", "--no-color"])).toBe(false);
    expect(colourFlag(["--color", "run"])).toBe(true);
    expect(colourFlag(["--color=false"])).toBe(false);
    expect(colourFlag(["--no-color=false"])).toBe(true);
    expect(colourFlag(["--color", "false"])).toBe(false);
    expect(colourFlag(["--no-color", "--color"])).toBe(true);
    expect(colourFlag(["--", "--no-color"])).toBeUndefined();
  });
});

describe("nearestName()", () => {
  it("finds a typo's command or flag, and nothing for a word that is not close", () => {
    expect(nearestName("runn", ["run", "sweep"])).toBe("run");
    expect(nearestName("subscriber", ["seeds", "subscribers", "days"])).toBe("subscribers");
    expect(nearestName("Seeds", ["seed", "seeds"])).toBe("seeds");
    expect(nearestName("sedes", ["seed", "seeds"])).toBe("seeds");
    expect(nearestName("xyz", ["run", "sweep"])).toBeUndefined();
    expect(nearestName("foo", ["out", "json", "force"])).toBeUndefined();
    expect(nearestName("frobnicate", ["force", "out", "json"])).toBeUndefined();
  });
});
