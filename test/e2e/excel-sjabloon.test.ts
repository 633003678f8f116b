// `gob urenkaart sjabloon` (CONTRACT §12): the month's template per gastouder, and the round trips:
// an untouched template imports as exactly the rooster's hours, a changed one with that change.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoBureau } from '../demo.js';
import { gob } from '../helpers.js';

// October is over on 3 November and still on time (deadline-dag 5).
const TODAY = { GOB_TODAY: '2026-11-03' };

describe('urenkaart sjabloon', () => {
  let dir: string;
  let json: { maand: string; sjablonen: { gastouder: string; bestand: string; rijen: number }[] };
  beforeAll(async () => {
    dir = await demoBureau();
    const r = await gob(dir, ['urenkaart', 'sjabloon', '--maand', '2026-10', '--out', 'sjablonen', '--json'], TODAY);
    expect(r.code, r.stderr).toBe(0);
    json = JSON.parse(r.stdout);
  });

  it('one workbook per gastouder with a koppeling in the month, named urenkaart-<maand>-<gastouder>.xlsx, 0600', () => {
    expect(json.sjablonen.map((s) => path.basename(s.bestand))).toEqual(json.sjablonen.map((s) => `urenkaart-2026-10-${s.gastouder}.xlsx`));
    expect(json.sjablonen.length).toBeGreaterThanOrEqual(2);
    for (const s of json.sjablonen) expect(fs.statSync(path.join(dir, s.bestand)).mode & 0o777).toBe(0o600);
  });

  it('the sheets: urenkaart with date and time cells, her code on every row, 50 spare rows, data validation; uitleg with names and the deadline', async () => {
    const s = json.sjablonen.find((x) => x.gastouder === 'G0001')!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, s.bestand));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['urenkaart', 'uitleg']);
    const ws = wb.getWorksheet('urenkaart')!;
    expect(ws.getRow(1).values).toEqual([undefined, 'gastouder', 'kind', 'datum', 'van', 'tot', 'opmerking']);
    expect(s.rijen).toBeGreaterThan(0);
    expect(ws.getCell('C2').value).toBeInstanceOf(Date);
    expect(ws.getCell('D2').value).toBeInstanceOf(Date);
    expect(ws.getCell(`A${s.rijen + 51}`).value).toBe('G0001');
    expect(ws.getCell(`B${s.rijen + 51}`).value).toBeNull();
    const validations = (ws as unknown as { dataValidations: { model: Record<string, { type: string; formulae: unknown[] }> } })
      .dataValidations.model;
    const last = s.rijen + 51;
    expect(validations.B2?.type).toBe('list');
    expect(validations[`B${last}`]?.formulae[0]).toMatch(/^"K\d{4}(,K\d{4})*"$/);
    expect(validations[`C${last}`]?.type).toBe('date');
    expect([validations.D2?.type, validations[`E${last}`]?.type]).toEqual(['decimal', 'decimal']);
    expect(validations[`D${last + 1}`]).toBeUndefined();
    const uitleg = wb.getWorksheet('uitleg')!;
    const text = uitleg.getSheetValues().flat().join(' ');
    expect(text).toContain('vóór 5 november 2026');
    expect(text).toMatch(/K0001/);
  });

  it("an untouched template imports as exactly the rooster's hours of that month", async () => {
    const minuten: Record<string, number> = {};
    for (const s of json.sjablonen) {
      const r = await gob(dir, ['urenkaart', 'import', s.bestand, '--json'], TODAY);
      expect(r.code, r.stderr).toBe(0);
      const result = JSON.parse(r.stdout);
      expect(result).toMatchObject({ maand: '2026-10', rijen: s.rijen, fouten: [] });
      minuten[s.gastouder] = result.minuten;
    }
    // Anna (G0001) by hand from data/demo/roosters.csv, October 2026 (4 Mondays, Tuesdays and
    // Wednesdays, 5 Thursdays): KP0001 ma+di 9:30, KP0002 ma 4:00 and do 6:00, KP0003 di+wo 8:30.
    expect(json.sjablonen.find((s) => s.gastouder === 'G0001')!.rijen).toBe(8 + 4 + 5 + 8);
    expect(minuten.G0001).toBe(8 * 570 + 4 * 240 + 5 * 360 + 8 * 510);
  });

  it('a template in which the gastouder changed one time imports with that change', async () => {
    const s = json.sjablonen.find((x) => x.gastouder === 'G0001')!;
    const before = JSON.parse(
      (await gob(dir, ['urenkaart', 'list', '--maand', '2026-10', '--gastouder', 'G0001', '--json'], TODAY)).stdout,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, s.bestand));
    const ws = wb.getWorksheet('urenkaart')!;
    const kind = ws.getCell('B2').value as string;
    const datum = (ws.getCell('C2').value as Date).toISOString().slice(0, 10);
    // She stayed until 18:15 that day: typed in as Excel stores a time.
    ws.getCell('E2').value = new Date(Date.UTC(1899, 11, 30, 18, 15));
    await wb.xlsx.writeFile(path.join(dir, 'ingevuld.xlsx'));
    const r = await gob(dir, ['urenkaart', 'import', 'ingevuld.xlsx', '--json'], TODAY);
    expect(r.code, r.stderr).toBe(0);
    const after = JSON.parse((await gob(dir, ['urenkaart', 'list', '--maand', '2026-10', '--gastouder', 'G0001', '--json'], TODAY)).stdout);
    expect(after).toHaveLength(before.length);
    const changed = after.filter(
      (row: { kind: string; datum: string; tot: string }) => row.kind === kind && row.datum === datum && row.tot === '18:15',
    );
    expect(changed).toHaveLength(1);
    const rest = (rows: { kind: string; datum: string; tot: string }[]) =>
      rows.filter((row) => !(row.kind === kind && row.datum === datum));
    expect(rest(after)).toEqual(rest(before));
  });

  it('refuses to overwrite without --force, writes nothing for an unknown gastouder', async () => {
    const again = await gob(dir, ['urenkaart', 'sjabloon', '--maand', '2026-10', '--out', 'sjablonen'], TODAY);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/bestaat al.*--force/);
    const forced = await gob(
      dir,
      ['urenkaart', 'sjabloon', '--maand', '2026-10', '--gastouder', 'G0001', '--out', 'sjablonen', '--force'],
      TODAY,
    );
    expect(forced.code, forced.stderr).toBe(0);
    const unknown = await gob(dir, ['urenkaart', 'sjabloon', '--maand', '2026-10', '--gastouder', 'G9999', '--out', 'leeg'], TODAY);
    expect(unknown.code).toBe(1);
    expect(fs.existsSync(path.join(dir, 'leeg'))).toBe(false);
  });
});
