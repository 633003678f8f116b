// The file of an import, whatever it is: CSV (§5) or an .xlsx workbook (§12), told apart by its
// first bytes, not by its name (a mail program may rename an attachment, a user may save a CSV
// as '.xlsx'). Both give the same header and rows, so every import has one set of rules.
import fs from 'node:fs';
import path from 'node:path';
import { type CsvRow, type CsvSource, openCsv, type OpenOptions, requireFile } from '../csv/read.js';
import { Refused } from '../errors.js';

export interface ImportSource extends CsvSource {
  /** For an .xlsx file: its first rows, to point at a header on another row than 1. */
  early?: CsvRow[];
}

const FORMATS =
  "gob leest CSV-bestanden (gescheiden door ';', ',' of TAB) en Excel-werkmappen (.xlsx). Sla het bestand in Excel of LibreOffice op als 'Excel-werkmap (*.xlsx)' of als CSV en importeer dat bestand";

/** What the first bytes say the file is. */
export type Kind = 'csv' | 'xlsx' | 'ods' | 'xls' | 'versleuteld' | 'zip';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** The stream a password-protected Office file keeps its key data in (MS-OFFCRYPTO), as OLE2 names it: UTF-16LE. */
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

/** An OLE2 container holds either an old .xls or, since Office 2007, an encrypted .xlsx/.docx. */
async function isEncrypted(file: string): Promise<boolean> {
  let tail = Buffer.alloc(0);
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 16 })) {
    const bytes = Buffer.concat([tail, chunk as Buffer]);
    if (bytes.includes(ENCRYPTION_INFO)) return true;
    tail = bytes.subarray(Math.max(0, bytes.length - ENCRYPTION_INFO.length));
  }
  return false;
}

export async function sniff(file: string): Promise<Kind> {
  const handle = await fs.promises.open(file, 'r');
  let head: Buffer;
  try {
    const buffer = Buffer.alloc(128);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  if (head.subarray(0, 4).equals(ZIP)) {
    // An OpenDocument file begins with an uncompressed entry 'mimetype' naming its kind.
    const text = head.toString('latin1');
    if (text.slice(30, 38) === 'mimetype') return text.includes('opendocument') ? 'ods' : 'zip';
    return 'xlsx';
  }
  if (head.subarray(0, 8).equals(OLE2)) return (await isEncrypted(file)) ? 'versleuteld' : 'xls';
  return 'csv';
}

/** Open an import file: CSV or .xlsx (the sheet named after one of `bladen`, else the first). */
export async function openImport(file: string, options: OpenOptions & { bladen: readonly string[] }): Promise<ImportSource> {
  const stat = await requireFile(file);
  const name = path.basename(file);
  const kind = await sniff(file);
  const extension = path.extname(file).toLowerCase();
  switch (kind) {
    case 'xlsx': {
      const { openXlsx } = await import('../xlsx/read.js');
      return openXlsx(file, { bladen: options.bladen, onProgress: options.onProgress });
    }
    case 'versleuteld':
      throw new Refused(
        `Het bestand ${name} is beveiligd met een wachtwoord; gob kan het niet lezen en heeft niets opgeslagen. Open het in Excel of LibreOffice, haal het wachtwoord weg (Bestand → Info → Werkmap beveiligen → Versleutelen met wachtwoord: leeg), sla het op en importeer het opnieuw.`,
      );
    case 'xls':
      throw new Refused(`Het bestand ${name} is een oud Excel-bestand (.xls, Excel 97–2003); er is niets opgeslagen. ${FORMATS}.`);
    case 'ods':
      throw new Refused(`Het bestand ${name} is een OpenDocument-rekenblad (.ods); er is niets opgeslagen. ${FORMATS}.`);
    case 'zip':
      throw new Refused(`Het bestand ${name} is een ZIP-bestand, geen Excel-werkmap; er is niets opgeslagen. ${FORMATS}.`);
    default:
      // A workbook's name on bytes that are no workbook: cut off, or something else renamed.
      if (['.xlsx', '.xlsm', '.xls', '.ods'].includes(extension)) {
        throw new Refused(
          `Het bestand ${name} heet een rekenblad, maar is beschadigd of geen Excel-werkmap; er is niets opgeslagen. ${FORMATS}.`,
        );
      }
      return openCsv(file, options, stat);
  }
}
