import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

let cached: string | null = null;

/**
 * The text of plotly.js-dist-min's minified bundle (about 4.8 MB), read once per process from
 * node_modules, to be inlined in report.html so that the report opens from disk with no network.
 */
export function plotlyBundle(): string {
  if (cached === null) {
    const require = createRequire(import.meta.url);
    cached = readFileSync(require.resolve("plotly.js-dist-min"), "utf8");
  }
  return cached;
}
