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

export function csvLine(cells: string[]): string {
  return `${cells.map(csvCell).join(';')}\r\n`;
}
