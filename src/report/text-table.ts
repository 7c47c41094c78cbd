/**
 * A plain-text table with aligned columns: the first left-aligned, the others right-aligned
 * (numbers) unless `leftAligned` says otherwise. Control characters in a cell (a policy name
 * with a terminal escape code) are shown escaped, never sent to the terminal.
 */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[], leftAligned = 1, styleCell: CellStyle = (_row, _column, text) => text): string {
  const safeRows = rows.map((row) => row.map(terminalSafe));
  const widths = header.map((cell, column) => Math.max(cell.length, ...safeRows.map((row) => row[column].length)));
  const line = (cells: readonly string[], row: number) =>
    cells
      .map((cell, column) => (column < leftAligned ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .map((cell, column) => (row < 0 ? cell : cell.replace(/\S(?:.*\S)?/s, (text) => styleCell(row, column, text))))
      .join("  ")
      .trimEnd();
  return [line(header, -1), widths.map((width) => "-".repeat(width)).join("  "), ...safeRows.map(line)].join("\n");
}

/**
 * Styles the text of a body cell (its padding stays outside, so colour codes do not upset the
 * alignment): a terminal colour for a significant difference, say. Gets the row and column
 * indexes and the cell's text; returns the text to print.
 */
export type CellStyle = (row: number, column: number, text: string) => string;

/**
 * The same table as GitHub-flavoured Markdown. Cells are text: `<`, `>`, `&` and `|` are
 * escaped, so a name holding HTML or a pipe shows as written and cannot break the table or the
 * page it is rendered in (a CI job summary).
 */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(markdownText).join(" | ")} |`;
  return [line(header), `| ${header.map((_, column) => (column === 0 ? "---" : "---:")).join(" | ")} |`, ...rows.map(line)].join("\n");
}

/** Control characters (C0, DEL, C1) as \u escapes. */
export function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Text for Markdown: no control characters, no HTML, no table-breaking pipe. */
export function markdownText(text: string): string {
  return terminalSafe(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\|/g, "\\|");
}
