// `gob kwaliteit check` and `gob kwaliteit pdf` (CONTRACT §10) on a small bureau, today 2026-11-23.
// Every status below is worked out by hand:
//
// G0001 Anna, KP0001 since 31 January 2026, joined the bureau 15 January 2026:
//   huisbezoek             one this year (1 March)        next by 31 December          ok (binnenkort with --tot 2026-12-31)
//   risico-inventarisatie  22 November 2025               + 12 months = 22 November    te-laat
//   evaluatie KP0001       15 March 2026                  15 March 2027                ok
//   proefperiode KP0001    15 March (window 28 Feb–31 Mar) done                         ok
//   voortgangsgesprek      1 May 2026 (start + 6 = 15 July)  done                      ok
//   ehbo                   valid until 23 November (today)                              binnenkort
//   vog                    2020-01-01                                                   ok
//   vog Sanne              born 10 December 2008: 18 on 10 December 2026, no VOG        binnenkort
//   vog Piet               2019-01-01                                                   ok
//   prk, prk Piet          linked                                                       ok
//   prk Sanne              not linked, due 10 December                                  binnenkort
//   diploma                'MBO 3 PW'                                                   ok
//   verzekering            until 1 November 2026                                        te-laat
// G0002 Bram, KP0002 starts 7 December 2026 (within 30 days): only risico-inventarisatie, ehbo and
//   vog, none done, all due 7 December: binnenkort.
// G0003 Carla, KP0003 ended 31 October 2026: not checked, though nothing of hers is in order.
// G0004 Dirk, KP0004 starts 1 February 2027: checked only with --tot from that day.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { gob, tempDir } from '../helpers.js';

const pdftotext = (file: string) => spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
const rij = (
  gastouder: string,
  plicht: string,
  laatste: string | null,
  uiterlijk: string | null,
  status: string,
  wie: { koppeling?: string; huisgenoot?: string } = {},
) => ({
  gastouder,
  koppeling: wie.koppeling ?? null,
  huisgenoot: wie.huisgenoot ?? null,
  plicht,
  laatste,
  uiterlijk,
  status,
});

describe('gob kwaliteit', () => {
  let dir: string;
  const run = (args: string[]) => gob(dir, args);
  const ok = async (args: string[]) => {
    const r = await run(args);
    expect(r.code, r.stderr).toBe(0);
  };

  beforeAll(async () => {
    dir = tempDir();
    await ok(['init', '--naam', 'Gastouderbureau De Zonnebloem', '--plaats', 'Utrecht', '--lrk', '987654321']);
    await ok([
      'gastouder',
      'add',
      '--naam',
      'Anna de Vries',
      '--geboortedatum',
      '1980-01-01',
      '--ehbo-tot',
      '2026-11-23',
      '--vog-datum',
      '2020-01-01',
      '--diploma',
      'MBO 3 PW',
      '--verzekering-tot',
      '2026-11-01',
      '--prk',
      'ja',
      '--start',
      '2026-01-15',
    ]);
    for (const naam of ['Bram Bos', 'Carla Cuijpers', 'Dirk Dekker'])
      await ok(['gastouder', 'add', '--naam', naam, '--geboortedatum', '1980-01-01']);
    await ok(['ouder', 'add', '--naam', 'Jan Jansen']);
    for (const naam of ['Sem', 'Tess', 'Noor', 'Finn'])
      await ok(['kind', 'add', '--naam', naam, '--geboortedatum', '2023-01-21', '--ouder', 'O0001']);
    await ok(['koppeling', 'add', '--kind', 'K0001', '--gastouder', 'G0001', '--start', '2026-01-31', '--uurtarief', '7,50']);
    await ok(['koppeling', 'add', '--kind', 'K0002', '--gastouder', 'G0002', '--start', '2026-12-07', '--uurtarief', '7,50']);
    await ok([
      'koppeling',
      'add',
      '--kind',
      'K0003',
      '--gastouder',
      'G0003',
      '--start',
      '2026-01-01',
      '--eind',
      '2026-10-31',
      '--uurtarief',
      '7,50',
    ]);
    await ok(['koppeling', 'add', '--kind', 'K0004', '--gastouder', 'G0004', '--start', '2027-02-01', '--uurtarief', '7,50']);
    await ok(['huisgenoot', 'add', '--gastouder', 'G0001', '--naam', 'Sanne de Vries', '--geboortedatum', '2008-12-10']);
    await ok([
      'huisgenoot',
      'add',
      '--gastouder',
      'G0001',
      '--naam',
      'Piet de Vries',
      '--geboortedatum',
      '1975-05-05',
      '--vog-datum',
      '2019-01-01',
      '--prk',
      'ja',
    ]);
    await ok(['huisgenoot', 'add', '--gastouder', 'G0003', '--naam', 'Kees Cuijpers', '--geboortedatum', '1970-01-01']);
    const bezoek = (soort: string, datum: string, notitie?: string, koppeling?: string) =>
      ok([
        'bezoek',
        'add',
        '--gastouder',
        'G0001',
        '--soort',
        soort,
        '--datum',
        datum,
        ...(notitie ? ['--notitie', notitie] : []),
        ...(koppeling ? ['--koppeling', koppeling] : []),
      ]);
    await bezoek('huisbezoek', '2026-03-01', 'Aangekondigd bezoek; traphekje boven ontbreekt, afgesproken voor april.');
    await bezoek('huisbezoek', '2025-09-01');
    await bezoek('risico-inventarisatie', '2025-11-22', 'Plan van aanpak: stopcontactbeveiliging in de woonkamer.');
    await bezoek('evaluatie', '2026-03-15', 'Proefperiode goed verlopen, ouders tevreden.', 'KP0001');
    await bezoek('voortgangsgesprek', '2026-05-01', 'Loopt goed.');
  }, 60_000);

  it('check: every duty of the gastouders with an active koppeling, most urgent first; exit 1 for te-laat', async () => {
    const r = await run(['kwaliteit', 'check', '--json']);
    expect(r.code, r.stderr).toBe(1);
    const rows = JSON.parse(r.stdout);
    // Anna first (she has te-laat), her most urgent duty first; then Bram; Carla and Dirk not at all.
    expect(rows.slice(0, 6)).toEqual([
      rij('G0001', 'verzekering', null, '2026-11-01', 'te-laat'),
      rij('G0001', 'risico-inventarisatie', '2025-11-22', '2026-11-22', 'te-laat'),
      rij('G0001', 'ehbo', null, '2026-11-23', 'binnenkort'),
      rij('G0001', 'vog', null, '2026-12-10', 'binnenkort', { huisgenoot: 'Sanne de Vries' }),
      rij('G0001', 'prk', null, '2026-12-10', 'binnenkort', { huisgenoot: 'Sanne de Vries' }),
      rij('G0001', 'huisbezoek', '2026-03-01', '2026-12-31', 'ok'),
    ]);
    expect(rows.filter((x: { gastouder: string }) => x.gastouder === 'G0001')).toHaveLength(14);
    expect(rows).toContainEqual(rij('G0001', 'proefperiode', '2026-03-15', null, 'ok', { koppeling: 'KP0001' }));
    expect(rows).toContainEqual(rij('G0001', 'evaluatie', '2026-03-15', '2027-03-15', 'ok', { koppeling: 'KP0001' }));
    expect(rows).toContainEqual(rij('G0001', 'voortgangsgesprek', '2026-05-01', null, 'ok'));
    expect(rows).toContainEqual(rij('G0001', 'vog', '2019-01-01', null, 'ok', { huisgenoot: 'Piet de Vries' }));
    // Bram starts on 7 December: only what is due before the first care.
    expect(rows.filter((x: { gastouder: string }) => x.gastouder === 'G0002')).toEqual([
      rij('G0002', 'risico-inventarisatie', null, '2026-12-07', 'binnenkort'),
      rij('G0002', 'ehbo', null, '2026-12-07', 'binnenkort'),
      rij('G0002', 'vog', null, '2026-12-07', 'binnenkort'),
    ]);
    expect(rows.some((x: { gastouder: string }) => x.gastouder === 'G0003' || x.gastouder === 'G0004')).toBe(false);
    expect(r.stderr).toContain(
      '2 plichten te laat, 6 binnenkort (uiterlijk 23 december 2026) en 9 in orde, bij 2 gastouders met een actieve koppeling.',
    );

    // Human output: what needs attention, per gastouder; the rest counted.
    const h = await run(['kwaliteit', 'check']);
    expect(h.code).toBe(1);
    expect(h.stdout).toContain('G0001  Anna de Vries\n  TE LAAT     verzekering');
    expect(h.stdout).toMatch(/ {2}TE LAAT +risico-inventarisatie +uiterlijk 2026-11-22 {2}laatste 2025-11-22\n/);
    expect(h.stdout).toContain('G0002  Bram Bos\n  binnenkort  risico-inventarisatie');
    expect(h.stdout).not.toContain('huisbezoek');
    expect(h.stdout).not.toContain('Carla');
  });

  it('--csv: a row per duty; --json with --csv is a usage error', async () => {
    const r = await run(['kwaliteit', 'check', '--csv']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe('gastouder;naam;koppeling;huisgenoot;plicht;laatste;uiterlijk;status');
    expect(lines[1]).toBe('G0001;Anna de Vries;;;verzekering;;2026-11-01;te-laat');
    expect(lines).toContain('G0001;Anna de Vries;;Sanne de Vries;vog;;2026-12-10;binnenkort');
    expect(lines).toHaveLength(18);
    expect((await run(['kwaliteit', 'check', '--csv', '--json'])).code).toBe(2);
  });

  it('--tot looks further ahead: Dirk (starts 1 February) is checked, and more duties are binnenkort', async () => {
    const rows = JSON.parse((await run(['kwaliteit', 'check', '--tot', '2027-02-15', '--json'])).stdout);
    expect(rows.filter((x: { gastouder: string }) => x.gastouder === 'G0004')).toEqual([
      rij('G0004', 'risico-inventarisatie', null, '2027-02-01', 'binnenkort'),
      rij('G0004', 'ehbo', null, '2027-02-01', 'binnenkort'),
      rij('G0004', 'vog', null, '2027-02-01', 'binnenkort'),
    ]);
    expect(rows).toContainEqual(rij('G0001', 'huisbezoek', '2026-03-01', '2026-12-31', 'binnenkort'));
    expect((await run(['kwaliteit', 'check', '--tot', '2026-11-22'])).code).toBe(2);
    expect((await run(['kwaliteit', 'check', '--tot', '31-02-2027'])).code).toBe(2);
  });

  it('--gastouder: only hers, all of them in the human output; exit 0 without te-laat; unknown code exit 1', async () => {
    const bram = await run(['kwaliteit', 'check', '--gastouder', 'G0002']);
    expect(bram.code, bram.stderr).toBe(0);
    expect(bram.stdout).not.toContain('G0001');
    expect(bram.stdout).toContain('0 plichten te laat, 3 binnenkort');
    const anna = await run(['kwaliteit', 'check', '--gastouder', 'G0001']);
    expect(anna.code).toBe(1);
    expect(anna.stdout).toContain('in orde');
    expect(anna.stdout).toContain('huisbezoek');
    const carla = await run(['kwaliteit', 'check', '--gastouder', 'G0003']);
    expect(carla.code).toBe(0);
    expect(carla.stdout).toContain('Gastouder G0003 heeft geen actieve koppeling');
    const onbekend = await run(['kwaliteit', 'check', '--gastouder', 'G9999']);
    expect(onbekend.code).toBe(1);
    expect(onbekend.stderr).toContain('Er is geen gastouder met code G9999');
  });

  it('pdf: her quality file, 0600, every visit with its notes and every duty; no overwrite without --force', async () => {
    const file = path.join(dir, 'dossier-G0001.pdf');
    const r = await run(['kwaliteit', 'pdf', '--gastouder', 'G0001', '--out', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Kwaliteitsdossier van Anna de Vries (G0001) geschreven naar');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const check = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    const text = pdftotext(file);
    const flat = text.replace(/\s+/g, ' ');
    for (const s of [
      'KWALITEITSDOSSIER GASTOUDER',
      'Anna de Vries (G0001)',
      'Sanne de Vries',
      'Piet de Vries',
      'MBO 3 PW',
      '2026-11-23',
      'KP0001',
      'Sem (K0001)',
    ])
      expect(text).toContain(s);
    // Every visit, with its note (notes may wrap: compare without line breaks).
    for (const datum of ['2025-09-01', '2026-03-01', '2025-11-22', '2026-03-15', '2026-05-01']) expect(text).toContain(datum);
    for (const notitie of [
      'Aangekondigd bezoek; traphekje boven ontbreekt, afgesproken voor april.',
      'Plan van aanpak: stopcontactbeveiliging in de woonkamer.',
      'Proefperiode goed verlopen, ouders tevreden.',
      'Loopt goed.',
    ])
      expect(flat).toContain(notitie);
    // Every duty with its status: 14 rows.
    for (const plicht of [
      'huisbezoek',
      'risico-inventarisatie',
      'evaluatie',
      'proefperiode',
      'voortgangsgesprek',
      'ehbo',
      'vog',
      'prk',
      'diploma',
      'verzekering',
    ])
      expect(text).toContain(plicht);
    expect(text.match(/TE LAAT/g)).toHaveLength(2);
    expect(text.match(/binnenkort/g)!.length).toBeGreaterThanOrEqual(3);

    const again = await run(['kwaliteit', 'pdf', '--gastouder', 'G0001', '--out', file]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('bestaat al');
    expect((await run(['kwaliteit', 'pdf', '--gastouder', 'G0001', '--out', file, '--force'])).code).toBe(0);
    // A gastouder without an active koppeling still has a file; unknown code and missing options.
    // Carla's file runs over pages: 60 visits with long notes, each shown, the table header repeated.
    const db = new Database(path.join(dir, 'data', 'gob.sqlite'));
    const bezoek = db.prepare("insert into bezoek (gastouder, soort, datum, notitie) values ('G0003', 'huisbezoek', ?, ?)");
    for (let i = 1; i <= 60; i++)
      bezoek.run(
        `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        `Bezoek nummer ${i}: ${'alles in orde, '.repeat(12)}einde ${i}.`,
      );
    db.close();
    const carla = path.join(dir, 'carla.pdf');
    expect((await run(['kwaliteit', 'pdf', '--gastouder', 'G0003', '--out', carla])).code).toBe(0);
    expect(spawnSync('qpdf', ['--check', carla]).status).toBe(0);
    const carlaText = pdftotext(carla);
    expect(carlaText).toContain('Geen actieve koppeling');
    expect(carlaText).toContain('KWALITEITSDOSSIER GASTOUDER (vervolg)');
    expect(carlaText).toMatch(/pagina 3 van \d/);
    const carlaFlat = carlaText.replace(/\s+/g, ' ');
    for (let i = 1; i <= 60; i++) expect(carlaFlat).toContain(`Bezoek nummer ${i}: alles in orde,`);
    for (let i = 1; i <= 60; i++) expect(carlaFlat).toContain(`einde ${i}.`);
    expect((await run(['kwaliteit', 'pdf', '--gastouder', 'G9999', '--out', path.join(dir, 'x.pdf')])).code).toBe(1);
    expect(fs.existsSync(path.join(dir, 'x.pdf'))).toBe(false);
    const missing = await run(['kwaliteit', 'pdf']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--gastouder, --out');
  });

  it("the bureau's policy: two evaluations a year (within 6 months), one home visit a year", async () => {
    await ok(['bureau', 'set', '--evaluaties-per-jaar', '2', '--huisbezoeken-per-jaar', '1']);
    const rows = JSON.parse((await run(['kwaliteit', 'check', '--gastouder', 'G0001', '--json'])).stdout);
    // 15 March + 6 months = 15 September: overdue.
    expect(rows).toContainEqual(rij('G0001', 'evaluatie', '2026-03-15', '2026-09-15', 'te-laat', { koppeling: 'KP0001' }));
    // One visit this year is enough; the next is due by the end of next year.
    expect(rows).toContainEqual(rij('G0001', 'huisbezoek', '2026-03-01', '2027-12-31', 'ok'));
  });
});
