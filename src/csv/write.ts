// CSV as Dutch Excel reads it: ';' between cells, quotes only where needed. Cells that a
// spreadsheet would run as a formula (starting with = + - @) get a leading apostrophe; our own
// import removes it again, so list --csv → import is a round trip.

export function inertCell(text: string): string {
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
}

export function csvCell(text: string): string {
  const safe = inertCell(text);
  return /[";\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * A line of cells. A number is written as it is: an integer like -1 is no formula, and the
 * apostrophe that would make '-1' inert turns it into text in a spreadsheet or a mail merge.
 */
export function csvLine(cells: (string | number)[]): string {
  return `${cells.map((cell) => (typeof cell === 'number' ? String(cell) : csvCell(cell))).join(';')}\r\n`;
}
