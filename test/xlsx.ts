// Workbooks for tests, made with exceljs as Excel would store them (dates and times as date cells).
import ExcelJS from 'exceljs';

/** A time as Excel stores it: a fraction of day 0 (1899-12-30 in UTC, as exceljs hands it over). */
export const time = (hhmm: string) => new Date(Date.UTC(1899, 11, 30, Number(hhmm.slice(0, 2)), Number(hhmm.slice(3, 5))));
export const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A workbook with one sheet per entry; cells with a Date get a date or time format, as Excel gives them. */
export async function writeXlsx(file: string, sheets: Record<string, unknown[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((cells, r) => {
      cells.forEach((value, c) => {
        if (value === undefined) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = value as ExcelJS.CellValue;
        if (value instanceof Date) cell.numFmt = value.getUTCFullYear() < 1900 ? 'hh:mm' : 'dd-mm-yyyy';
      });
    });
  }
  await wb.xlsx.writeFile(file);
  return file;
}
