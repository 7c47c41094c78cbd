/**
 * Every number in `text` with its integer part grouped by thousands ("1234567.5" -> "1,234,567.5");
 * decimals are left alone.
 *
 * @example
 * groupThousands("-18706.2 ± 1234"); // "-18,706.2 ± 1,234"
 */
export function groupThousands(text: string): string {
  return text.replace(/\d+(\.\d+)?/g, (number, decimals: string | undefined) => {
    const whole = decimals ? number.slice(0, -decimals.length) : number;
    return whole.replace(/\B(?=(\d{3})+$)/g, ",") + (decimals ?? "");
  });
}
