/**
 * Months over which the objective values a deal (a recurring price or discount for good counts
 * this long), a customer kept and a customer lost: a year.
 */
export const VALUE_MONTHS = 12;

/**
 * The money an accepted deal brings over its term (at most a year): price and discount times
 * the months they run, as a commercial NBA engine books it. One-off costs are apart.
 */
export function dealValue(offer: { price: number; priceMonths: number; discount: number; discountMonths: number }): number {
  const months = (count: number) => (count === 0 ? VALUE_MONTHS : Math.min(count, VALUE_MONTHS));
  return offer.price * months(offer.priceMonths) - offer.discount * months(offer.discountMonths);
}
