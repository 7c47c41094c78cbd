import type { ExperimentResults } from "../report/build-results.js";
import { whyNeverEligible } from "../scenario/offer-never-eligible.js";
import type { Offer } from "../scenario/offer-schema.js";
import type { Scenario } from "../scenario/scenario-schema.js";
import type { SweepParameter } from "./sweep-grid.js";

type SweptValue = string | number | boolean;

/** What the warnings need of a variant: its values and its scenario as it will run. */
export interface VariantToCheck {
  readonly name: string;
  readonly values: Readonly<Record<string, SweptValue>>;
  readonly scenario: Scenario;
}

/**
 * Before running: one line per swept offer field whose values cannot change the results because
 * the offer is never eligible (whyNeverEligible) in every variant that differs only by that
 * parameter. Such variants repeat each other's experiment; the line says how many are wasted.
 */
export function sweptValuesThatCannotMatter(parameters: readonly SweepParameter[], variants: readonly VariantToCheck[]): string[] {
  const lines: string[] = [];
  for (const parameter of parameters) {
    if (parameter.values.length < 2 || !addressesOffer(parameter)) continue;
    const groups = groupBy(variants, (variant) => JSON.stringify(parameters.filter((other) => other !== parameter).map((other) => variant.values[other.path])));
    let wasted = 0;
    const reasons = new Set<string>();
    for (const group of groups) {
      const why = group.map((variant) => {
        const offer = sweptOffer(parameter, variant.scenario);
        return offer ? whyNeverEligible(offer, variant.scenario) : null;
      });
      if (why.every((reason) => reason !== null)) {
        wasted += group.length - 1;
        why.forEach((reason) => reasons.add(reason!));
      }
    }
    if (wasted === 0) continue;
    const offer = sweptOffer(parameter, variants[0].scenario);
    const where = wasted === variants.length - groups.length ? "" : " in some variants";
    lines.push(
      `${parameter.flag}: offer ${offer?.id ?? "?"} is never eligible${where}: ${[...reasons].join("; ")}; its values cannot change the results, so ${wasted} of the ${variants.length} variants ${wasted === 1 ? "repeats" : "repeat"} another's experiment`,
    );
  }
  return lines;
}

/**
 * After running: one line per set of variants whose results are identical for every policy,
 * seed, segment and KPI (series and programs included): the parameters that differ between them
 * made no difference, and all but one of them wasted their time.
 */
export function identicalVariants(runs: readonly { readonly name: string; readonly values: Readonly<Record<string, SweptValue>>; readonly results: ExperimentResults }[]): string[] {
  const groups = groupBy(runs, (run) => JSON.stringify(run.results.policies));
  return groups
    .filter((group) => group.length > 1)
    .map((group) => {
      const differing = Object.keys(group[0].values).filter((path) => group.some((run) => run.values[path] !== group[0].values[path]));
      const what = differing.map((path) => `${path} = ${group.map((run) => String(run.values[path])).join(" / ")}`).join(", ");
      return `variants ${group.map((run) => run.name).join(", ")} gave identical results for every policy, seed and KPI: ${what} made no difference`;
    });
}

/** A parameter whose path is a field of one offer: `offers[id=X].FIELD` or `offers[3].FIELD`. */
function addressesOffer(parameter: SweepParameter): boolean {
  const [first, second] = parameter.steps;
  return first?.kind === "key" && first.key === "offers" && second !== undefined && second.kind !== "key" && parameter.steps.length > 2;
}

function sweptOffer(parameter: SweepParameter, scenario: Scenario): Offer | undefined {
  const selector = parameter.steps[1];
  if (selector.kind === "index") return scenario.offers[selector.index];
  if (selector.kind === "match") return scenario.offers.find((offer) => String((offer as Record<string, unknown>)[selector.key]) === selector.value);
  return undefined;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return [...groups.values()];
}
