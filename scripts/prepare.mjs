// `npm run prepare`, which npm runs after `npm ci` / `npm install` in this folder and before it
// packs or installs the folder (`npm pack`, `npm install -g .`): builds dist/ with TypeScript.
// TypeScript is a dev dependency: in a fresh clone `npm install -g .` runs this before anything
// is installed, where `tsc` alone would fail with "tsc: not found" (exit 127). Instead: use a
// dist/ already built, or say in one line what to run first.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const cli = fileURLToPath(new URL("../dist/src/cli/offersim.js", import.meta.url));

let tsc;
try {
  tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
} catch {
  tsc = undefined;
}

if (tsc === undefined) {
  if (existsSync(cli)) {
    process.stderr.write("offersim prepare: TypeScript is not installed here; using the dist/ already built\n");
    process.exit(0);
  }
  process.stderr.write(
    "offersim prepare: cannot build dist/: TypeScript (a dev dependency) is not installed in this folder. Run `npm ci` first (it installs the dependencies and builds dist/), then `npm install -g .`\n",
  );
  process.exit(1);
}
const build = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
process.exit(build.status ?? 1);
