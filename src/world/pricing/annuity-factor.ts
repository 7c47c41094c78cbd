/** Present value of 1 a month while the customer stays, over `months`. */
export function annuityFactor(churnPerMonth: number, discountPerMonth: number, months: number): number {
  const keep = (1 - Math.min(churnPerMonth, 1)) / (1 + discountPerMonth);
  return keep === 1 ? months : (keep * (1 - Math.pow(keep, months))) / (1 - keep);
}
