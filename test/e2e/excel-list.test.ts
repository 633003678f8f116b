// `list --xlsx` (CONTRACT §12) and `import` of that workbook: the same registry, for every noun that
// has `list --csv`; the sheet has typed cells (dates as dates, amounts as numbers).
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_INIT, demoBureau } from '../demo.js';
import { gob, ROOT, tempDir } from '../helpers.js';

// The demo's visits run into November; everything here happens after them.
const TODAY = { GOB_TODAY: '2026-12-15' };
const NOUNS = ['gastouder', 'ouder', 'kind', 'koppeling', 'rooster', 'huisgenoot', 'bezoek'] as const;

describe('list --xlsx → import gives the same registry', () => {
  let dir: string;
  let other: string;
  beforeAll(async () => {
    dir = await demoBureau();
    for (const [noun, file] of [
      ['huisgenoot', 'huisgenoten.csv'],
      ['bezoek', 'bezoeken.csv'],
    ]) {
      const r = await gob(dir, [noun!, 'import', path.join(ROOT, 'data', 'demo', file!)], TODAY);
      expect(r.code, r.stderr).toBe(0);
    }
    for (const noun of NOUNS) {
      const r = await gob(
        dir,
        [noun, 'list', '--xlsx', `${noun}.xlsx`, '--toon-bsn'].filter((a) => a !== '--toon-bsn' || ['ouder', 'kind'].includes(noun)),
        TODAY,
      );
      expect(r.code, `${noun}: ${r.stderr}`).toBe(0);
    }
    other = tempDir();
    expect((await gob(other, DEMO_INIT, TODAY)).code).toBe(0);
  });

  it('every noun imports from its own workbook into an empty bureau, and lists the same as the original', async () => {
    for (const noun of NOUNS) {
      const r = await gob(
        other,
        [noun, 'import', path.join(dir, `${noun}.xlsx`), '--force'].filter((a) => a !== '--force' || noun === 'rooster'),
        TODAY,
      );
      expect(r.code, `${noun}: ${r.stderr}`).toBe(0);
    }
    for (const noun of NOUNS) {
      const args = [noun, 'list', '--csv', ...(['ouder', 'kind'].includes(noun) ? ['--toon-bsn'] : [])];
      const a = await gob(dir, args, TODAY);
      const b = await gob(other, args, TODAY);
      expect(b.stdout, noun).toBe(a.stdout);
      expect(a.stdout.split('\n').length, noun).toBeGreaterThan(2);
    }
  });

  it('re-importing the export into the bureau it came from changes nothing', async () => {
    const r = await gob(dir, ['koppeling', 'import', 'koppeling.xlsx', '--json'], TODAY);
    expect(JSON.parse(r.stdout)).toMatchObject({ nieuw: 0, gewijzigd: 0 });
  });

  it('the sheet is named after the noun, with date cells, amounts as numbers with two decimals, codes as text; 0600; no overwrite without --force', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'koppeling.xlsx'));
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('koppeling');
    const header = (ws.getRow(1).values as string[]).slice(1);
    const row = ws.getRow(2);
    expect(row.getCell(header.indexOf('start') + 1).value).toBeInstanceOf(Date);
    const tarief = row.getCell(header.indexOf('uurtarief') + 1);
    expect(typeof tarief.value).toBe('number');
    expect(tarief.numFmt).toBe('0.00');
    expect(row.getCell(header.indexOf('code') + 1).value).toBe('KP0001');
    expect(fs.statSync(path.join(dir, 'koppeling.xlsx')).mode & 0o777).toBe(0o600);
    const again = await gob(dir, ['koppeling', 'list', '--xlsx', 'koppeling.xlsx'], TODAY);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/bestaat al/);
    const both = await gob(dir, ['koppeling', 'list', '--xlsx', 'x.xlsx', '--csv'], TODAY);
    expect(both.code).toBe(2);
  });
});
