/**
 * The layering of offersim's folders (docs/architecture.md), checked by `npm run layers` in
 * `npm test`. The data flows one way, from the bottom up:
 *
 *   scenario, random            the scenario's schema and vocabulary; named random streams
 *   world                       the world's rules: state, params, population, exogenous,
 *                               choice (how a customer answers a contact), transition, churn,
 *                               pricing, observation (what a policy may see)
 *   metrics, results, log       replicate counters and statistics; plain-data result types;
 *                               the decision log
 *   policy                      the policy contract
 *   learning, ope, policies/    learners (their training history is the decision log's record),
 *                               off-policy estimators, the built-in policies
 *   engine                      the day loop and the Gym-style environment
 *   testing, parallel           the contract suite; running (policy, seed) tasks
 *   report, check, sweep        results.json and reports; the CI gate; sweeps
 *   cli, index.ts               the offersim command; the public API
 *
 * A rule is a folder and what it may import besides itself. node_modules and node: built-ins
 * are always allowed.
 */
const layers = {
  "src/scenario": [],
  "src/random": [],
  "src/world": ["src/scenario", "src/random"],
  "src/metrics": ["src/world", "src/scenario"],
  "src/results": ["src/metrics"],
  "src/log": [],
  "src/policy": ["src/scenario", "src/random", "src/results", "src/world/observation"],
  "src/learning": ["src/policy", "src/log", "src/metrics", "src/random", "src/scenario", "src/world/observation", "src/world/pricing"],
  "src/ope": ["src/policy", "src/learning", "src/metrics", "src/random", "src/scenario"],
  policies: ["src/policy", "src/learning", "src/scenario", "src/random", "src/world/observation", "src/world/pricing"],
  "src/engine": ["src/world", "src/metrics", "src/results", "src/log", "src/policy", "src/scenario", "src/random"],
  "src/testing": ["src/engine", "src/policy", "src/scenario"],
  "src/parallel": ["src/engine", "src/policy", "policies", "src/results", "src/log", "src/scenario", "src/metrics", "src/random"],
  "src/report": ["src/results", "src/metrics", "src/scenario", "src/world/params"],
  "src/check": ["src/report", "src/results", "src/metrics", "src/scenario"],
  "src/sweep": ["src/report", "src/results", "src/metrics", "src/scenario", "src/parallel"],
};

/** Leaves anyone may import: the bad-input error and the package version. */
const leaves = ["src/input-error.ts", "src/version.ts"];

const escape = (path) => path.replace(/[.]/g, "\\.");
const folder = (path) => (path.endsWith(".ts") ? `^${escape(path)}$` : `^${escape(path)}/`);

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "A cycle means two modules each need the other at run time: move the shared part below both. Cycles of type-only imports are allowed (they vanish when compiled).",
      from: { path: "^(src|policies)/" },
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    ...Object.entries(layers).map(([from, allowed]) => ({
      name: `layer:${from}`,
      severity: "error",
      comment: `${from} may import only ${[from, ...allowed].join(", ")} (.dependency-cruiser.cjs lists the layers).`,
      from: { path: folder(from) },
      to: {
        path: "^(src|policies)/",
        pathNot: [folder(from), ...[...allowed, ...leaves].map(folder)],
      },
    })),
    {
      name: "nothing-imports-the-cli",
      severity: "error",
      comment: "The command line is the top: nothing below imports it, nor the public API in src/index.ts.",
      from: { path: "^(src|policies)/", pathNot: "^src/cli/|^src/index\\.ts$" },
      to: { path: "^src/cli/|^src/index\\.ts$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(dist|node_modules)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"], extensions: [".ts", ".js"] },
  },
};
