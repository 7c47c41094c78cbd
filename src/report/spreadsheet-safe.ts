/** What a spreadsheet reads as the start of a formula (or of a cell it may run as one). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell of a CSV file that a spreadsheet will not run: a name starting with `=`, `+`, `-`,
 * `@`, a tab or a carriage return gets a leading `'` (OWASP's advice against CSV injection).
 * Only for text: numbers (a negative KPI) are written as they are.
 *
 * @example
 * spreadsheetSafe("=HYPERLINK(\"http://x\")"); // "'=HYPERLINK(\"http://x\")"
 */
export function spreadsheetSafe(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
