// Excel (CONTRACT §12). Import of a 100,000-row urenkaart as .xlsx (date and time cells, as Excel
// saves them) against the same rows as CSV, in the same run: target ≤ 4× the CSV time, < 512 MB
// peak. `urenkaart sjabloon` for 1,000 gastouders: target < 20 s. And a sheet of Excel's full
// 1,048,576 rows (header + 1,048,575 urenkaart rows): read in streaming memory, not refused.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { buildBureau } from './bureau.mjs';
import { GOB, measure, report, tempDir } from './lib.mjs';
import { writeUrenkaart } from './urenkaart.mjs';

const ENV = { ...process.env, NO_COLOR: '1', GOB_TODAY: '2026-11-03' };

/** The CSV file's rows as a workbook: codes as text, the date as a date cell, the times as time cells. */
export async function csvToXlsx(csv, xlsx, limit = Number.POSITIVE_INFINITY) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('urenkaart');
  const lines = fs.readFileSync(csv, 'utf8').split('\r\n');
  ws.addRow(lines[0].split(';')).commit();
  const time = (t) => new Date(Date.UTC(1899, 11, 30, Number(t.slice(0, 2)), Number(t.slice(3, 5))));
  let rows = 0;
  for (let i = 1; i < lines.length && rows < limit; i++) {
    if (!lines[i]) continue;
    const [g, k, d, van, tot] = lines[i].split(';');
    const row = ws.addRow([g, k, new Date(`${d}T00:00:00Z`), time(van), time(tot)]);
    row.getCell(3).numFmt = 'dd-mm-yyyy';
    row.getCell(4).numFmt = 'hh:mm';
    row.getCell(5).numFmt = 'hh:mm';
    row.commit();
    rows++;
  }
  ws.commit();
  await wb.commit();
  return rows;
}

/** CPU time beside wall time: on a machine shared with others it moves less. */
const cpuOf = (r) => (r.cpuMs === null ? '' : `, CPU ${(r.cpuMs / 1000).toFixed(2)} s`);

function resetDb(dir) {
  const db = path.join(dir, 'data', 'gob.sqlite');
  for (const suffix of ['-wal', '-shm']) fs.rmSync(db + suffix, { force: true });
  fs.copyFileSync(path.join(dir, 'leeg.sqlite'), db);
}

export async function benchExcel() {
  // 1,140 gastouders × 4 children × 22 weekdays of October 2026 = 100,320 rows.
  const dir = tempDir('excel');
  const { slots } = buildBureau(dir, { gastouders: 1_140, kinderenPerGastouder: 4, achterwacht: true });
  const csv = path.join(dir, 'uren.csv');
  const rows = writeUrenkaart(csv, slots);
  const xlsx = path.join(dir, 'uren.xlsx');
  await csvToXlsx(csv, xlsx);
  fs.copyFileSync(path.join(dir, 'data', 'gob.sqlite'), path.join(dir, 'leeg.sqlite'));
  const rounds = { csv: [], xlsx: [] };
  for (let round = 0; round < 3; round++) {
    resetDb(dir);
    rounds.csv.push(await measure(process.execPath, [GOB, 'urenkaart', 'import', csv], { cwd: dir, env: ENV }));
    resetDb(dir);
    rounds.xlsx.push(await measure(process.execPath, [GOB, 'urenkaart', 'import', xlsx], { cwd: dir, env: ENV }));
  }
  const mid = (list) => [...list].sort((a, b) => a.ms - b.ms)[1];
  const c = mid(rounds.csv);
  const x = mid(rounds.xlsx);
  const peak = Math.max(...rounds.xlsx.map((r) => r.peakMb));
  report('urenkaart import, CSV', (c.ms / 1000).toFixed(2), 's', `${rows} rijen, piek ${c.peakMb.toFixed(0)} MB${cpuOf(c)}`);
  report(
    'urenkaart import, .xlsx (zelfde rijen)',
    (x.ms / 1000).toFixed(2),
    's',
    `${(x.ms / c.ms).toFixed(2)}× CSV (doel ≤ 4×), piek ${peak.toFixed(0)} MB (doel < 512), ${(fs.statSync(xlsx).size / 1e6).toFixed(1)} MB bestand${cpuOf(x)}`,
  );
  fs.rmSync(dir, { recursive: true, force: true });

  // 1,000 gastouders, their October templates.
  const sdir = tempDir('sjabloon');
  buildBureau(sdir, { gastouders: 1_000, kinderenPerGastouder: 4, achterwacht: true });
  const s = await measure(process.execPath, [GOB, 'urenkaart', 'sjabloon', '--maand', '2026-10', '--out', 'sjablonen'], {
    cwd: sdir,
    env: ENV,
  });
  const files = fs.readdirSync(path.join(sdir, 'sjablonen')).length;
  report(
    'urenkaart sjabloon, 1.000 gastouders',
    (s.ms / 1000).toFixed(2),
    's',
    `${files} werkmappen (doel < 20 s), piek ${s.peakMb.toFixed(0)} MB${cpuOf(s)}`,
  );
  fs.rmSync(sdir, { recursive: true, force: true });

  return { rows, csv: c, xlsx: x, sjabloon: s };
}

export async function benchExcelVol() {
  // Excel's last row: 11,916 gastouders × 4 children × 22 weekdays, cut at 1,048,575 rows.
  const fdir = tempDir('excel-vol');
  const big = buildBureau(fdir, { gastouders: 11_916, kinderenPerGastouder: 4, achterwacht: true });
  const bigCsv = path.join(fdir, 'uren.csv');
  writeUrenkaart(bigCsv, big.slots);
  const bigXlsx = path.join(fdir, 'vol.xlsx');
  const bigRows = await csvToXlsx(bigCsv, bigXlsx, 1_048_575);
  fs.rmSync(bigCsv);
  const f = await measure(process.execPath, [GOB, 'urenkaart', 'import', bigXlsx], { cwd: fdir, env: ENV });
  report(
    '  .xlsx tot de laatste rij (1.048.576)',
    (f.ms / 1000).toFixed(2),
    's',
    `${bigRows} rijen + kopregel, piek ${f.peakMb.toFixed(0)} MB (doel < 512), ${(fs.statSync(bigXlsx).size / 1e6).toFixed(0)} MB bestand`,
  );
  fs.rmSync(fdir, { recursive: true, force: true });
  return { rows: bigRows, vol: f };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!process.argv.includes('--alleen-vol')) await benchExcel();
  if (!process.argv.includes('--kort')) await benchExcelVol();
}
