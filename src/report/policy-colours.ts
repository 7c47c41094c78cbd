/**
 * The built-in policies in the order reports list them (policies/builtin-policies.ts; a test
 * keeps the two lists equal). Each keeps the colour at its index here in every report.
 */
export const BUILTIN_POLICY_ORDER: readonly string[] = [
  "no-contact",
  "random",
  "offer-of-the-month",
  "rules-nba",
  "eps-greedy",
  "linucb",
  "thompson",
  "propensity-nbo",
  "propensity-nba",
  "dqn",
  "oracle",
  "risk-retention",
];

/**
 * Colours that stay apart for readers with the common colour-vision deficiencies: Okabe & Ito's
 * eight, then Paul Tol's muted scheme. The two references are neutral (no-contact black, oracle
 * grey); the built-ins take the first twelve, other policies the rest, then the list repeats.
 */
const PALETTE: readonly string[] = [
  "#000000", // no-contact: black
  "#999933", // random: olive (Tol)
  "#E69F00", // offer-of-the-month: orange (Okabe-Ito)
  "#0072B2", // rules-nba: blue
  "#CC79A7", // eps-greedy: reddish purple
  "#D55E00", // linucb: vermillion
  "#009E73", // thompson: bluish green
  "#56B4E9", // propensity-nbo: sky blue
  "#332288", // propensity-nba: indigo (Tol)
  "#882255", // dqn: wine (Tol)
  "#888888", // oracle: grey
  "#CC6677", // risk-retention: rose (Tol)
  "#44AA99", // teal
  "#DDCC77", // sand
  "#AA4499", // purple
  "#117733", // green
  "#88CCEE", // cyan
  "#661100", // dark red (Tol)
];

/**
 * One colour per policy, the same in every chart of a report, a sweep or `compare`: a built-in
 * policy always has its own colour (whatever else ran), other policies take the colours after
 * the built-ins' in the order of their names.
 *
 * @example
 * policyColours(["linucb", "my-policy"]).get("linucb"); // "#D55E00" in every report
 */
export function policyColours(policies: readonly string[]): Map<string, string> {
  const colours = new Map<string, string>();
  const others = [...new Set(policies.filter((policy) => !BUILTIN_POLICY_ORDER.includes(policy)))].sort();
  for (const policy of policies) {
    const builtin = BUILTIN_POLICY_ORDER.indexOf(policy);
    const index = builtin >= 0 ? builtin : BUILTIN_POLICY_ORDER.length + others.indexOf(policy);
    colours.set(policy, PALETTE[index % PALETTE.length]);
  }
  return colours;
}

/** The colour of every policy of a run, by name (policyColours of the run's policies). */
export function runPolicyColours(results: { config: { policies: readonly string[] }; policies: readonly { policy: string }[] }): Map<string, string> {
  return policyColours([...results.config.policies, ...results.policies.map((entry) => entry.policy)]);
}
