import { loadScenario } from "../scenario/load-scenario.js";

/** `offersim validate FILE`: exit 0 with a one-line summary, or exit 2 with the problems. */
export function validateCommand(file: string): void {
  const { scenario, hash, chain } = loadScenario(file);
  const offers = scenario.offers.filter((offer) => offer.enabled).length;
  const parents = chain.length > 1 ? `, extends ${chain.slice(1).join(" <- ")}` : "";
  process.stdout.write(`${file}: ok (scenario "${scenario.name}", ${offers} offers, ${scenario.events.length} events, hash ${hash}${parents})\n`);
}
