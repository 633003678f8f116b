// CONTRACT §10, what a bureau types in: the gastouder's quality fields, the bureau's visit policy,
// housemates and visits, through the built CLI on real SQLite files.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { gob, tempDir, writeCsv } from '../helpers.js';

type Json = Record<string, unknown>;

function json<T = Json>(r: { code: number; stdout: string; stderr: string }): T {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as T;
}

/** Exit code and stderr of a refused run, with nothing on stdout. */
async function refused(dir: string, args: string[]): Promise<{ code: number; stderr: string }> {
  const r = await gob(dir, args);
  expect(r.stdout).toBe('');
  return { code: r.code, stderr: r.stderr };
}

async function bureau(): Promise<string> {
  const dir = tempDir();
  const ok = async (args: string[]) => expect((await gob(dir, args)).code).toBe(0);
  await ok(['init', '--naam', 'Gastouderbureau Zon']);
  await ok(['gastouder', 'add', '--naam', 'Anna', '--geboortedatum', '1980-01-01']);
  await ok(['gastouder', 'add', '--naam', 'Bea', '--geboortedatum', '1975-05-05']);
  await ok(['ouder', 'add', '--naam', 'Piet']);
  await ok(['kind', 'add', '--naam', 'Kim', '--geboortedatum', '2024-01-01', '--ouder', 'O0001']);
  await ok(['koppeling', 'add', '--kind', 'K0001', '--gastouder', 'G0001', '--start', '2026-10-01', '--uurtarief', '7,50']);
  return dir;
}

describe('gastouder fields verzekering-tot, prk and start; bureau visit policy', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await bureau();
  });

  it('add takes them, start defaults to the day she was added, and the CSV round trip keeps them', async () => {
    expect(json(await gob(dir, ['gastouder', 'show', 'G0001', '--json']))).toMatchObject({
      verzekeringTot: null,
      prk: false,
      start: '2026-11-23',
    });
    const add = ['gastouder', 'add', '--naam', 'Cor', '--geboortedatum', '1970-02-02', '--verzekering-tot', '31-12-2027', '--prk', 'ja'];
    expect(json(await gob(dir, [...add, '--start', '2026-09-01', '--json']))).toMatchObject({
      code: 'G0003',
      verzekeringTot: '2027-12-31',
      prk: true,
      start: '2026-09-01',
    });
    expect(json(await gob(dir, ['gastouder', 'edit', 'G0002', '--prk', 'ja', '--start', '', '--json']))).toMatchObject({
      prk: true,
      start: null,
    });
    expect((await gob(dir, ['gastouder', 'edit', 'G0002', '--verzekering-tot', '2027-13-01'])).code).toBe(2);
    const csv = (await gob(dir, ['gastouder', 'list', '--csv'])).stdout;
    expect(csv.split(/\r?\n/)[0]).toMatch(/;diploma;verzekering-tot;prk;start$/);
    const other = tempDir();
    expect((await gob(other, ['init'])).code).toBe(0);
    fs.writeFileSync(path.join(other, 'g.csv'), csv);
    expect((await gob(other, ['gastouder', 'import', 'g.csv'])).code).toBe(0);
    expect((await gob(other, ['gastouder', 'list', '--json'])).stdout).toBe((await gob(dir, ['gastouder', 'list', '--json'])).stdout);
    // A new gastouder from a file without a start starts on the day of the import.
    writeCsv(path.join(other, 'nieuw.csv'), ['naam;geboortedatum', 'Dirk;1990-03-03']);
    expect((await gob(other, ['gastouder', 'import', 'nieuw.csv'], { GOB_TODAY: '2026-11-30' })).code).toBe(0);
    expect(json(await gob(other, ['gastouder', 'show', 'G0004', '--json']))).toMatchObject({ start: '2026-11-30', prk: false });
  });

  it('bureau set and show take huisbezoeken-per-jaar and evaluaties-per-jaar', async () => {
    const shown = json(await gob(dir, ['bureau', 'show', '--json']));
    expect([shown.huisbezoekenPerJaar, shown.evaluatiesPerJaar]).toEqual([2, 1]);
    const set = json(await gob(dir, ['bureau', 'set', '--huisbezoeken-per-jaar', '3', '--evaluaties-per-jaar', '2', '--json']));
    expect([set.huisbezoekenPerJaar, set.evaluatiesPerJaar]).toEqual([3, 2]);
    expect((await gob(dir, ['bureau', 'set', '--evaluaties-per-jaar', '3'])).code).toBe(2);
    expect((await gob(dir, ['bureau', 'set', '--huisbezoeken-per-jaar', '-1'])).code).toBe(2);
    // Cleared, a setting goes back to its default.
    const cleared = json(await gob(dir, ['bureau', 'set', '--evaluaties-per-jaar', '', '--json']));
    expect(cleared.evaluatiesPerJaar).toBe(1);
    expect(json(await gob(dir, ['init', '--huisbezoeken-per-jaar', '0', '--json'])).bureau).toMatchObject({ huisbezoekenPerJaar: 0 });
    expect((await gob(dir, ['bureau', 'show'])).stdout).toMatch(/evaluaties-per-jaar: +1/);
  });
});

describe('gob huisgenoot', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await bureau();
  });

  it('add, edit, list, remove: JSON per §10, the log, and gastouder show', async () => {
    const add = ['huisgenoot', 'add', '--gastouder', 'G0001', '--naam', 'Daan de Vries', '--geboortedatum', '14-01-2009'];
    expect(json(await gob(dir, [...add, '--vog-datum', '2026-11-01', '--prk', 'ja', '--json']))).toEqual({
      id: 1,
      gastouder: 'G0001',
      naam: 'Daan de Vries',
      geboortedatum: '2009-01-14',
      vogDatum: '2026-11-01',
      prk: true,
    });
    const second = await gob(dir, ['huisgenoot', 'add', '--gastouder', 'G0001', '--naam', 'Sara', '--geboortedatum', '2012-12-31']);
    expect(second.stdout).toContain('Huisgenoot 2 is toegevoegd: Sara (2012-12-31) bij gastouder G0001.');
    expect(json(await gob(dir, ['huisgenoot', 'edit', '2', '--vog-datum', '2026-11-20', '--json']))).toMatchObject({
      id: 2,
      vogDatum: '2026-11-20',
      prk: false,
    });
    expect(json(await gob(dir, ['huisgenoot', 'edit', '1', '--vog-datum', '', '--json']))).toMatchObject({ vogDatum: null });
    expect((await gob(dir, ['gastouder', 'show', 'G0001'])).stdout).toMatch(/huisgenoot: +Sara \(2012-12-31\), VOG 2026-11-20 +\[id 2\]/);
    expect((await gob(dir, ['huisgenoot', 'add', '--gastouder', 'G0002', '--naam', 'Els', '--geboortedatum', '1950-01-01'])).code).toBe(0);
    const list = json<Json[]>(await gob(dir, ['huisgenoot', 'list', '--gastouder', 'G0001', '--json']));
    expect(list.map((h) => h.naam)).toEqual(['Daan de Vries', 'Sara']);
    expect((await gob(dir, ['huisgenoot', 'list'])).stdout).toContain('3 huisgenoten');
    expect(json(await gob(dir, ['huisgenoot', 'remove', '3', '--json']))).toMatchObject({ id: 3, naam: 'Els' });
    const log = (await gob(dir, ['log', '--limit', '5'])).stdout;
    expect(log).toContain('huisgenoot 3 verwijderd: Els (1950-01-01) bij gastouder G0002');
    expect(log).toContain('huisgenoot 2 gewijzigd: vog-datum="2026-11-20"');
  });

  it('refuses an unknown gastouder (1), a birth or VOG after today (2), an unknown id (1), missing options (2)', async () => {
    const before = (await gob(dir, ['huisgenoot', 'list', '--csv'])).stdout;
    const add = ['huisgenoot', 'add', '--naam', 'X', '--geboortedatum', '2000-01-01'];
    expect(await refused(dir, [...add, '--gastouder', 'G9999'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('gastouder: er is geen gastouder met code G9999'),
    });
    const future = await refused(dir, ['huisgenoot', 'add', '--gastouder', 'G0001', '--naam', 'X', '--geboortedatum', '2026-11-24']);
    expect(future).toMatchObject({ code: 2, stderr: expect.stringContaining('geboortedatum: 2026-11-24 ligt na vandaag (2026-11-23)') });
    expect(await refused(dir, [...add, '--gastouder', 'G0001', '--vog-datum', '2026-12-01'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('vog-datum: 2026-12-01 ligt na vandaag'),
    });
    // A VOG dated before the birth: a typo in one of the two dates, not a VOG.
    expect(await refused(dir, [...add, '--gastouder', 'G0001', '--vog-datum', '1999-06-01'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('vog-datum: 1999-06-01 ligt vóór de geboortedatum 2000-01-01; controleer beide datums'),
    });
    expect((await refused(dir, ['huisgenoot', 'edit', '1', '--geboortedatum', '2027-01-01'])).code).toBe(2);
    expect((await refused(dir, ['huisgenoot', 'edit', '1', '--gastouder', 'G9999'])).code).toBe(1);
    expect(await refused(dir, ['huisgenoot', 'remove', '99'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Er is geen huisgenoot met id 99'),
    });
    expect((await refused(dir, ['huisgenoot', 'remove', 'abc'])).code).toBe(2);
    expect(await refused(dir, ['huisgenoot', 'add', '--gastouder', 'G0001'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--naam, --geboortedatum'),
    });
    expect((await refused(dir, ['huisgenoot', 'list', '--gastouder', 'G9999'])).code).toBe(1);
    expect((await gob(dir, ['huisgenoot', 'list', '--csv'])).stdout).toBe(before);
  });

  it('list --csv → import: unchanged in place, the same list in a fresh database; rows by id, all or nothing', async () => {
    const csv = (await gob(dir, ['huisgenoot', 'list', '--csv'])).stdout;
    expect(csv.split(/\r?\n/)[0]).toBe('id;gastouder;naam;geboortedatum;vog-datum;prk');
    fs.writeFileSync(path.join(dir, 'h.csv'), csv);
    expect(json(await gob(dir, ['huisgenoot', 'import', 'h.csv', '--json']))).toMatchObject({
      rijen: 2,
      nieuw: 0,
      gewijzigd: 0,
      ongewijzigd: 2,
    });
    const other = await bureau();
    expect(json(await gob(other, ['huisgenoot', 'import', path.join(dir, 'h.csv'), '--json']))).toMatchObject({ nieuw: 2 });
    expect((await gob(other, ['huisgenoot', 'list', '--json'])).stdout).toBe((await gob(dir, ['huisgenoot', 'list', '--json'])).stdout);
    // One row updates id 1, one without id is added; a bad row makes the whole file store nothing.
    writeCsv(path.join(dir, 'bad.csv'), [
      'id;gastouder;naam;geboortedatum;vog-datum;prk',
      '1;G0001;Daan de Vries;2009-01-14;2026-11-02;ja',
      ';G0001;Nieuw;2027-01-01;;',
      ';G9999;Onbekend;2001-01-01;;nee',
      '1;G0001;Dubbel;2009-01-14;;',
    ]);
    const bad = await gob(dir, ['huisgenoot', 'import', 'bad.csv']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('regel 3: geboortedatum: 2027-01-01 ligt na vandaag');
    expect(bad.stderr).toContain('regel 4: gastouder: er is geen gastouder met code G9999');
    expect(bad.stderr).toContain('regel 5: id: id 1 staat ook al op regel 2');
    expect((await gob(dir, ['huisgenoot', 'list', '--csv'])).stdout).toBe(csv);
    writeCsv(path.join(dir, 'good.csv'), [
      'id;gastouder;naam;geboortedatum;vog-datum;prk',
      '1;G0001;Daan de Vries;2009-01-14;2026-11-02;ja',
      ';G0002;Nieuw;2020-01-01;;',
    ]);
    expect(json(await gob(dir, ['huisgenoot', 'import', 'good.csv', '--json']))).toMatchObject({ nieuw: 1, gewijzigd: 1 });
    expect(json(await gob(dir, ['huisgenoot', 'list', '--gastouder', 'G0002', '--json']))).toEqual([
      { id: 3, gastouder: 'G0002', naam: 'Nieuw', geboortedatum: '2020-01-01', vogDatum: null, prk: false },
    ]);
  });
});

describe('gob bezoek', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await bureau();
    const ok = async (args: string[]) => expect((await gob(dir, args)).code).toBe(0);
    await ok(['kind', 'add', '--naam', 'Tim', '--geboortedatum', '2023-01-01', '--ouder', 'O0001']);
    await ok(['koppeling', 'add', '--kind', 'K0002', '--gastouder', 'G0002', '--start', '2026-09-01', '--uurtarief', '7,00']);
  });

  it('add and list: JSON per §10, filters, a long note whole in JSON', async () => {
    const huisbezoek = ['bezoek', 'add', '--gastouder', 'G0001', '--soort', 'huisbezoek', '--datum', '14-10-2026'];
    expect(json(await gob(dir, [...huisbezoek, '--notitie', 'Trapje afgeschermd', '--json']))).toEqual({
      id: 1,
      gastouder: 'G0001',
      soort: 'huisbezoek',
      datum: '2026-10-14',
      koppeling: null,
      notitie: 'Trapje afgeschermd',
    });
    const lang = 'x'.repeat(500);
    const evaluatie = ['bezoek', 'add', '--gastouder', 'G0001', '--soort', 'evaluatie', '--koppeling', 'KP0001', '--datum', '2026-11-23'];
    expect(json(await gob(dir, [...evaluatie, '--notitie', lang, '--json']))).toMatchObject({ id: 2, koppeling: 'KP0001', notitie: lang });
    expect(
      (await gob(dir, ['bezoek', 'add', '--gastouder', 'G0002', '--soort', 'Risico-inventarisatie', '--datum', '2026-08-20'])).code,
    ).toBe(0);
    expect(
      (await gob(dir, ['bezoek', 'add', '--gastouder', 'G0002', '--soort', 'voortgangsgesprek', '--datum', '2026-11-01'])).stdout,
    ).toContain('Bezoek 4 is toegevoegd: voortgangsgesprek op 2026-11-01 bij gastouder G0002.');
    expect(json<Json[]>(await gob(dir, ['bezoek', 'list', '--gastouder', 'G0001', '--json'])).map((b) => b.id)).toEqual([1, 2]);
    expect(json<Json[]>(await gob(dir, ['bezoek', 'list', '--soort', 'risico-inventarisatie', '--json'])).map((b) => b.id)).toEqual([3]);
    const table = (await gob(dir, ['bezoek', 'list'])).stdout;
    expect(table).toContain(`${'x'.repeat(39)}…`);
    expect(table).toContain('4 bezoeken');
    expect((await gob(dir, ['bezoek', 'list', '--soort', 'koffie'])).code).toBe(2);
  });

  it('refuses: evaluatie without koppeling (2), koppeling on another soort (2), koppeling of another gastouder (1), unknown codes (1), after today (2), a long note (2)', async () => {
    const before = (await gob(dir, ['bezoek', 'list', '--csv'])).stdout;
    const add = (...rest: string[]) => refused(dir, ['bezoek', 'add', '--datum', '2026-11-02', ...rest]);
    expect(await add('--gastouder', 'G0001', '--soort', 'evaluatie')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('koppeling: ontbreekt; een evaluatie is per koppeling'),
    });
    expect(await add('--gastouder', 'G0001', '--soort', 'huisbezoek', '--koppeling', 'KP0001')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('alleen een evaluatie hoort bij een koppeling'),
    });
    expect(await add('--gastouder', 'G0002', '--soort', 'evaluatie', '--koppeling', 'KP0001')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('koppeling KP0001 is van gastouder G0001, niet van G0002'),
    });
    expect(await add('--gastouder', 'G9999', '--soort', 'huisbezoek')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('er is geen gastouder met code G9999'),
    });
    expect(await add('--gastouder', 'G0001', '--soort', 'evaluatie', '--koppeling', 'KP9999')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('er is geen koppeling met code KP9999'),
    });
    // An evaluation of care that had not begun yet.
    expect(
      (
        await refused(dir, [
          'bezoek',
          'add',
          '--gastouder',
          'G0001',
          '--soort',
          'evaluatie',
          '--koppeling',
          'KP0001',
          '--datum',
          '2026-09-30',
        ])
      ).code,
    ).toBe(1);
    expect(await refused(dir, ['bezoek', 'add', '--gastouder', 'G0001', '--soort', 'huisbezoek', '--datum', '2026-11-24'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('datum: 2026-11-24 ligt na vandaag (2026-11-23)'),
    });
    expect((await add('--gastouder', 'G0001', '--soort', 'huisbezoek', '--notitie', 'x'.repeat(501))).code).toBe(2);
    expect((await add('--gastouder', 'G0001', '--soort', 'huisbezoek', '--notitie', 'twee\nregels')).code).toBe(2);
    expect((await add('--gastouder', 'G0001', '--soort', 'inspectie')).code).toBe(2);
    expect((await refused(dir, ['bezoek', 'add', '--gastouder', 'G0001'])).code).toBe(2);
    expect((await refused(dir, ['bezoek', 'remove', '99'])).code).toBe(1);
    expect((await gob(dir, ['bezoek', 'list', '--csv'])).stdout).toBe(before);
  });

  it('list --csv → import round trip, errors per row, remove', async () => {
    const csv = (await gob(dir, ['bezoek', 'list', '--csv'])).stdout;
    expect(csv.split(/\r?\n/)[0]).toBe('id;gastouder;soort;datum;koppeling;notitie');
    fs.writeFileSync(path.join(dir, 'b.csv'), csv);
    expect(json(await gob(dir, ['bezoek', 'import', 'b.csv', '--json']))).toMatchObject({ rijen: 4, ongewijzigd: 4 });
    const other = await bureau();
    expect((await gob(other, ['kind', 'add', '--naam', 'Tim', '--geboortedatum', '2023-01-01', '--ouder', 'O0001'])).code).toBe(0);
    const kp = ['koppeling', 'add', '--kind', 'K0002', '--gastouder', 'G0002', '--start', '2026-09-01', '--uurtarief', '7,00'];
    expect((await gob(other, kp)).code).toBe(0);
    expect(json(await gob(other, ['bezoek', 'import', path.join(dir, 'b.csv'), '--json']))).toMatchObject({ nieuw: 4 });
    expect((await gob(other, ['bezoek', 'list', '--json'])).stdout).toBe((await gob(dir, ['bezoek', 'list', '--json'])).stdout);
    writeCsv(path.join(dir, 'bad.csv'), [
      'gastouder;soort;datum;koppeling;notitie',
      'G0001;evaluatie;2026-11-10;;',
      'G0002;evaluatie;2026-11-10;KP0001;',
      'G0001;huisbezoek;2026-12-01;;',
      'G0001;huisbezoek;2026-11-10;;mag wel',
    ]);
    const bad = await gob(dir, ['bezoek', 'import', 'bad.csv']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /regel 2: koppeling: ontbreekt[\s\S]*regel 3: koppeling: koppeling KP0001 is van gastouder G0001[\s\S]*regel 4: datum: 2026-12-01 ligt na vandaag/,
    );
    expect((await gob(dir, ['bezoek', 'list', '--csv'])).stdout).toBe(csv);
    expect(json(await gob(dir, ['bezoek', 'remove', '1', '--json']))).toMatchObject({ id: 1, soort: 'huisbezoek' });
    expect((await gob(dir, ['log', '--limit', '1'])).stdout).toContain('bezoek 1 verwijderd: huisbezoek op 2026-10-14 bij gastouder G0001');
    expect(json<Json[]>(await gob(dir, ['bezoek', 'list', '--json'])).map((b) => b.id)).toEqual([2, 3, 4]);
  });
});
