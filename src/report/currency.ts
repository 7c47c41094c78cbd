/** The currency of a run's money (economics.currency), or null for a results.json written before offersim recorded it. */
export function runCurrency(results: { scenario: { currency?: string } }): string | null {
  return results.scenario.currency ?? null;
}

/**
 * A money label with its currency: "net value/sub (EUR)"; the label alone when the currency is
 * unknown (an older results.json).
 */
export function moneyLabel(label: string, currency: string | null): string {
  return currency === null ? label : `${label} (${currency})`;
}

/** A money amount with its currency: "123.4 EUR"; the amount alone when the currency is unknown. */
export function moneyAmount(amount: string, currency: string | null): string {
  return currency === null ? amount : `${amount} ${currency}`;
}
