import { readFileSync } from "node:fs";

/** The package version, read once from package.json (two folders above src/ and dist/src/). */
export const OFFERSIM_VERSION: string = (() => {
  for (const relative of ["../package.json", "../../package.json"]) {
    try {
      const parsed = JSON.parse(readFileSync(new URL(relative, import.meta.url), "utf8")) as { name?: string; version?: string };
      if (parsed.name === "offersim" && parsed.version) return parsed.version;
    } catch {
      // try the next place
    }
  }
  return "unknown";
})();
