// Writing .xlsx workbooks (CONTRACT §12): `list --xlsx` and the urenkaart template. exceljs's
// streaming writer commits each row as it goes, so a large list keeps memory flat; it is loaded
// only here, by the commands that write a workbook.
import { produceFileSafely } from '../files/write.js';

/** How a column's cells are written: text, a date cell, a time cell, or a number with two decimals. */
export type ColumnKind = 'tekst' | 'datum' | 'tijd' | 'bedrag' | 'getal';

export interface SheetColumn {
  header: string;
  kind: ColumnKind;
  width?: number;
}

/** Excel's data validation of a range of one column (exceljs's model). */
export interface Validation {
  /** 'B2:B120' */
  range: string;
  rule: Record<string, unknown>;
}

export interface Sheet {
  name: string;
  columns: SheetColumn[];
  /** Cells as gob stores them: dates 'JJJJ-MM-DD', times 'HH:MM', amounts in cent, text; null for empty. */
  rows: Iterable<(string | number | boolean | null)[]>;
  validations?: Validation[];
  /** Rows above the data kept in view while scrolling (1: the header). */
  freeze?: number;
}

const FORMATS: Record<ColumnKind, string | undefined> = {
  tekst: '@',
  datum: 'dd-mm-yyyy',
  // [hh]: 24:00 (one whole day) shows as 24:00, not 00:00.
  tijd: '[hh]:mm',
  bedrag: '0.00',
  getal: undefined,
};

/** A date 'JJJJ-MM-DD' as the Date exceljs writes as that day (UTC midnight). */
export function dateCell(datum: string): Date {
  return new Date(`${datum}T00:00:00Z`);
}

/** A time 'HH:MM' as Excel's fraction of day 0 ('24:00': one whole day). */
export function timeCell(tijd: string): Date {
  return new Date(Date.UTC(1899, 11, 30, Number(tijd.slice(0, 2)), Number(tijd.slice(3, 5))));
}

function cellValue(kind: ColumnKind, value: string | number | boolean | null): unknown {
  if (value === null || value === '') return null;
  if (kind === 'datum' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return dateCell(value);
  if (kind === 'tijd' && typeof value === 'string' && /^\d{2}:\d{2}$/.test(value)) return timeCell(value);
  if (kind === 'bedrag' && typeof value === 'number') return value / 100;
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  return value;
}

/** Write a workbook under the rules of files written (§1): no overwrite without --force, 0600, rename when complete. */
export async function writeWorkbook(
  file: string,
  sheets: Sheet[],
  options: { force?: boolean | undefined; checked?: boolean } = {},
): Promise<void> {
  const ExcelJS = (await import('exceljs')).default;
  await produceFileSafely(file, { force: Boolean(options.force) }, async (tmp) => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useStyles: true, useSharedStrings: false });
    workbook.creator = 'gob';
    for (const sheet of sheets) {
      const ws = workbook.addWorksheet(sheet.name, sheet.freeze ? { views: [{ state: 'frozen', ySplit: sheet.freeze }] } : {});
      ws.columns = sheet.columns.map((c) => ({
        header: c.header,
        width: c.width ?? Math.max(12, c.header.length + 2),
        style: FORMATS[c.kind] ? { numFmt: FORMATS[c.kind] } : {},
      }));
      ws.getRow(1).font = { bold: true };
      ws.getRow(1).commit();
      // exceljs's types leave out the streaming sheet's data validations; the writer has them.
      for (const v of sheet.validations ?? [])
        (ws as unknown as { dataValidations: { add(range: string, rule: unknown): void } }).dataValidations.add(v.range, v.rule);
      for (const cells of sheet.rows) {
        const row = ws.addRow(cells.map((value, i) => cellValue(sheet.columns[i]?.kind ?? 'tekst', value)));
        row.commit();
      }
      ws.commit();
    }
    await workbook.commit();
  });
}
