import { statSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../src/scenario/index.js";
import { MAX_SCENARIO_BYTES } from "../../src/scenario/load-scenario.js";
import { problemsOf, writeTempFiles } from "./write-temp-files.js";

const OFFER = (id: string, price: number) => `  - { id: ${id}, program: upsell, category: data, channel: sms, price: ${price} }`;

describe("a scenario from someone else cannot read other files, exhaust memory or sneak in bad data", () => {
  it("extends names only .yaml or .yml files: /etc/passwd and /proc/self/environ are refused without a line of them in the message", () => {
    for (const target of ["/etc/passwd", "/proc/self/environ"]) {
      const dir = writeTempFiles({ "x.yaml": `extends: ${target}\nname: x\n` });
      const file = path.join(dir, "x.yaml");
      expect(problemsOf(() => loadScenario(file))).toEqual([`${file}: extends must be the path of a scenario file (.yaml or .yml), got ${JSON.stringify(target)}`]);
    }
  });

  it("a parent that is not a scenario mapping is described, never quoted", () => {
    const dir = writeTempFiles({ "secret.yaml": "root:$6$hash:19000:0:99999:7:::\nuser:$6$other:19000:0:99999:7:::\n", "x.yaml": "extends: secret.yaml\nname: x\n" });
    const problems = problemsOf(() => loadScenario(path.join(dir, "x.yaml")));
    expect(problems).toEqual([
      `${path.join(dir, "secret.yaml")}: the top level must hold only scenario fields (extended by ${path.join(dir, "x.yaml")}), got 2 other fields; offersim validate ${path.join(dir, "secret.yaml")} names them`,
    ]);
    expect(problems.join("\n")).not.toContain("$6$");
    const text = writeTempFiles({ "notes.yaml": "just a line of private text\n", "x.yaml": "extends: notes.yaml\nname: x\n" });
    expect(problemsOf(() => loadScenario(path.join(text, "x.yaml")))).toEqual([`${path.join(text, "notes.yaml")}: the top level must be a mapping (extended by ${path.join(text, "x.yaml")}), got text`]);
  });

  it("reads only regular files of at most 1 MiB: a device, even behind a .yaml link, and a huge file are refused at once", () => {
    const dir = writeTempFiles({ "x.yaml": "extends: zero.yaml\nname: x\n" });
    symlinkSync("/dev/zero", path.join(dir, "zero.yaml"));
    expect(problemsOf(() => loadScenario(path.join(dir, "x.yaml")))).toEqual([
      `${path.join(dir, "zero.yaml")}: a scenario must be a regular file (extended by ${path.join(dir, "x.yaml")}), got a device or other special file`,
    ]);
    expect(problemsOf(() => loadScenario("/dev/zero"))).toEqual(["/dev/zero: a scenario must be a regular file, got a device or other special file"]);
    const big = path.join(dir, "big.yaml");
    writeFileSync(big, `name: big\ndescription: "${"x".repeat(MAX_SCENARIO_BYTES)}"\n`);
    expect(problemsOf(() => loadScenario(big))).toEqual([`${big}: a scenario file must be at most ${MAX_SCENARIO_BYTES} bytes, got ${statSync(big).size}`]);
  });

  it("quotes and escapes an unknown field's name: no terminal escape code reaches the terminal", () => {
    const dir = writeTempFiles({ "x.yaml": 'name: x\n"\\e[31mred": 1\n' });
    const file = path.join(dir, "x.yaml");
    const [problem] = problemsOf(() => loadScenario(file));
    expect(problem).toMatch(/^.*: \["\\u001b\[31mred"\] is not a known field \(known: /);
    expect(problem).not.toContain("\u001b");
  });

  it("startDate must be a real calendar date: 2026-13-45 and 2026-02-30 are refused, 2028-02-29 is fine", () => {
    for (const date of ["2026-13-45", "2026-02-30"]) {
      const dir = writeTempFiles({ "x.yaml": `name: x\nstartDate: "${date}"\n` });
      const file = path.join(dir, "x.yaml");
      expect(problemsOf(() => loadScenario(file))).toEqual([`${file}: startDate must be a real calendar date as YYYY-MM-DD, got "${date}"`]);
    }
    const dir = writeTempFiles({ "x.yaml": 'name: x\nstartDate: "2028-02-29"\n' });
    expect(loadScenario(path.join(dir, "x.yaml")).scenario.startDate).toBe("2028-02-29");
  });

  it("a duplicate offer id within one file is an error even when the file extends another", () => {
    const dir = writeTempFiles({
      "parent.yaml": ["name: parent", "offers:", OFFER("a", 5)].join("\n"),
      "child.yaml": ["extends: parent.yaml", "name: child", "offers:", OFFER("b", 1), OFFER("b", 2)].join("\n"),
    });
    const file = path.join(dir, "child.yaml");
    expect(problemsOf(() => loadScenario(file))).toEqual([`${file}: offers[1].id must be unique, got "b" again (first at offers[0])`]);
    // A child's offer with a parent's id still changes that offer.
    const over = writeTempFiles({ "parent.yaml": ["name: parent", "offers:", OFFER("a", 5)].join("\n"), "child.yaml": ["extends: parent.yaml", "name: child", "offers:", "  - { id: a, price: 7 }"].join("\n") });
    expect(loadScenario(path.join(over, "child.yaml")).scenario.offers.map((offer) => [offer.id, offer.price])).toEqual([["a", 7]]);
  });
});
