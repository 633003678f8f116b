// Monthly invoices (CONTRACT §6) through the CLI: runs, corrections, numbering, text and PDF.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FACTUUR_1, DEMO_TODAY, demo, demoBureau, invoicedBenchBureau } from '../demo.js';
import { expectGolden } from '../golden.js';
import { gob, writeCsv } from '../helpers.js';

const json = (r: { code: number; stdout: string; stderr: string }) => {
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

describe('factuur run on the demo month', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await demoBureau({ uren: true });
  });

  it('--dry-run shows the invoices without storing or taking numbers', async () => {
    const dry = json(await gob(dir, ['factuur', 'run', '--maand', '2026-10', '--dry-run', '--json'], DEMO_TODAY));
    expect(dry.facturen).toHaveLength(5);
    expect(dry.facturen.every((f: { nummer: string | null }) => f.nummer === null)).toBe(true);
    expect(json(await gob(dir, ['factuur', 'list', '--json'], DEMO_TODAY))).toEqual([]);
  });

  it('makes one invoice per ouder, numbered from 2026-00001, total = sum of lines', async () => {
    const run = json(await gob(dir, ['factuur', 'run', '--maand', '2026-10', '--json'], DEMO_TODAY));
    expect(run.facturen.map((f: { nummer: string; ouder: string }) => [f.nummer, f.ouder])).toEqual([
      ['2026-00001', 'O0001'],
      ['2026-00002', 'O0002'],
      ['2026-00003', 'O0003'],
      ['2026-00004', 'O0004'],
      ['2026-00005', 'O0005'],
    ]);
    for (const f of run.facturen) expect(f.totaalCent).toBe(f.regels.reduce((s: number, r: { bedragCent: number }) => s + r.bedragCent, 0));
  });

  it('factuur show as text (golden) and as JSON per the contract', async () => {
    const text = await gob(dir, ['factuur', 'show', '2026-00001'], DEMO_TODAY);
    expect(text.code).toBe(0);
    expectGolden('factuur-2026-00001.txt', text.stdout);
    expect(json(await gob(dir, ['factuur', 'show', '2026-00001', '--json'], DEMO_TODAY))).toEqual({
      nummer: '2026-00001',
      ouder: 'O0001',
      maand: '2026-10',
      datum: '2026-11-03',
      vervaldatum: '2026-11-17',
      correctieVan: null,
      totaalCent: 98566,
      regels: [
        {
          soort: 'opvang',
          kind: 'K0001',
          gastouder: 'G0001',
          minuten: 4245,
          tariefCent: 795,
          bedragCent: 56246,
          lrk: '111111111',
          correctieOp: null,
        },
        {
          soort: 'opvang',
          kind: 'K0002',
          gastouder: 'G0001',
          minuten: 2760,
          tariefCent: 795,
          bedragCent: 36570,
          lrk: '111111111',
          correctieOp: null,
        },
        {
          soort: 'bureaukosten',
          kind: null,
          gastouder: 'G0001',
          minuten: 0,
          tariefCent: 5750,
          bedragCent: 5750,
          lrk: '111111111',
          correctieOp: null,
        },
      ],
    });
    const list = json(await gob(dir, ['factuur', 'list', '--ouder', 'O0001', '--json'], DEMO_TODAY));
    expect(list).toEqual([
      {
        nummer: '2026-00001',
        ouder: 'O0001',
        maand: '2026-10',
        datum: '2026-11-03',
        vervaldatum: '2026-11-17',
        correctieVan: null,
        totaalCent: 98566,
      },
    ]);
  });

  it('a second run with nothing changed makes nothing', async () => {
    const again = await gob(dir, ['factuur', 'run', '--maand', '2026-10'], DEMO_TODAY);
    expect(again.stdout).toMatch(/Niets te factureren/);
  });

  it('late hours (--te-laat) are billed as a correction that names the invoice it corrects (golden)', async () => {
    expect(
      (await gob(dir, ['urenkaart', 'import', demo('uren-2026-10-renee-correctie.csv'), '--te-laat'], { GOB_TODAY: '2026-11-10' })).code,
    ).toBe(0);
    const run = json(await gob(dir, ['factuur', 'run', '--maand', '2026-10', '--json'], { GOB_TODAY: '2026-11-10' }));
    expect(run.facturen).toEqual([
      expect.objectContaining({ nummer: '2026-00006', ouder: 'O0003', correctieVan: '2026-00003', totaalCent: 3937 }),
    ]);
    expectGolden('factuur-2026-00006.txt', (await gob(dir, ['factuur', 'show', '2026-00006'], DEMO_TODAY)).stdout);
  });

  it('fewer hours give a credit invoice (negative total)', async () => {
    writeCsv(path.join(dir, 'minder.csv'), ['gastouder;kind;datum;van;tot', 'G0003;K0006;2026-10-05;08:00;18:00']);
    expect((await gob(dir, ['urenkaart', 'import', 'minder.csv', '--te-laat'], { GOB_TODAY: '2026-11-12' })).code).toBe(0);
    const run = json(await gob(dir, ['factuur', 'run', '--maand', '2026-10', '--json'], { GOB_TODAY: '2026-11-12' }));
    expect(run.facturen).toHaveLength(1);
    expect(run.facturen[0]).toMatchObject({ nummer: '2026-00007', ouder: 'O0004', correctieVan: '2026-00004' });
    expect(run.facturen[0].totaalCent).toBeLessThan(0);
    expect((await gob(dir, ['factuur', 'show', '2026-00007'], DEMO_TODAY)).stdout).toMatch(/^CREDITFACTUUR/);
  });

  it('the month’s invoices add up to what the current urenkaarten give', async () => {
    const all = json(await gob(dir, ['factuur', 'list', '--maand', '2026-10', '--json'], DEMO_TODAY));
    const total = all.reduce((s: number, f: { totaalCent: number }) => s + f.totaalCent, 0);
    // A fresh bureau with today's urenkaarten, invoiced once, gives the same total.
    const fresh = await demoBureau({ uren: true });
    await gob(fresh, ['urenkaart', 'import', demo('uren-2026-10-renee-correctie.csv'), '--te-laat'], DEMO_TODAY);
    writeCsv(path.join(fresh, 'minder.csv'), ['gastouder;kind;datum;van;tot', 'G0003;K0006;2026-10-05;08:00;18:00']);
    await gob(fresh, ['urenkaart', 'import', 'minder.csv', '--te-laat'], DEMO_TODAY);
    expect(json(await gob(fresh, ['factuur', 'run', '--maand', '2026-10', '--json'], DEMO_TODAY)).totaalCent).toBe(total);
  });

  it('numbers stay gapless across dry runs and a new year starts at 00001', async () => {
    await gob(dir, ['factuur', 'run', '--maand', '2026-10', '--dry-run'], DEMO_TODAY);
    const numbers = json(await gob(dir, ['factuur', 'list', '--json'], DEMO_TODAY)).map((f: { nummer: string }) => f.nummer);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => `2026-${String(i + 1).padStart(5, '0')}`));
    writeCsv(path.join(dir, 'nov.csv'), ['gastouder;kind;datum;van;tot', 'G0003;K0006;2026-11-02;08:00;18:00']);
    expect((await gob(dir, ['urenkaart', 'import', 'nov.csv'], { GOB_TODAY: '2026-12-01' })).code).toBe(0);
    const next = json(
      await gob(dir, ['factuur', 'run', '--maand', '2026-11', '--datum', '2027-01-04', '--json'], { GOB_TODAY: '2027-01-04' }),
    );
    expect(next.facturen.map((f: { nummer: string }) => f.nummer)).toEqual(['2027-00001']);
  });
});

describe('refusals and warnings', () => {
  it('refuses to invoice without the bureau details an invoice must show', async () => {
    const dir = await demoBureau({ uren: true });
    expect((await gob(dir, ['bureau', 'set', '--kvk', ''], DEMO_TODAY)).code).toBe(0);
    const r = await gob(dir, ['factuur', 'run', '--maand', '2026-10'], DEMO_TODAY);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/er ontbreken: kvk/);
    expect((await gob(dir, ['factuur', 'run'], DEMO_TODAY)).code).toBe(2);
  });
  it('warns for an ouder without address and stores the invoice anyway', async () => {
    const dir = await demoBureau({ uren: true });
    expect((await gob(dir, ['ouder', 'edit', 'O0005', '--adres', ''], DEMO_TODAY)).code).toBe(0);
    const r = await gob(dir, ['factuur', 'run', '--maand', '2026-10'], DEMO_TODAY);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/ouder O0005 \(Fatima El Amrani\) heeft geen volledig adres/);
  });
});

const pdftotext = (file: string) => spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;

describe('invoice PDFs', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await demoBureau({ facturen: true });
    await gob(dir, ['urenkaart', 'import', demo('uren-2026-10-renee-correctie.csv'), '--te-laat'], DEMO_TODAY);
    await gob(dir, ['factuur', 'run', '--maand', '2026-10'], DEMO_TODAY);
  });

  it('writes one PDF per invoice of the month that qpdf accepts', async () => {
    const r = await gob(dir, ['factuur', 'pdf', '--maand', '2026-10', '--out', 'pdf'], DEMO_TODAY);
    expect(r.code, r.stderr).toBe(0);
    const files = fs.readdirSync(path.join(dir, 'pdf')).sort();
    expect(files).toEqual(['2026-00001.pdf', '2026-00002.pdf', '2026-00003.pdf', '2026-00004.pdf', '2026-00005.pdf', '2026-00006.pdf']);
    for (const f of files) {
      const check = spawnSync('qpdf', ['--check', path.join(dir, 'pdf', f)], { encoding: 'utf8' });
      expect(check.status, check.stdout + check.stderr).toBe(0);
    }
  });

  it('pdftotext finds every field the contract asks for', async () => {
    await gob(dir, ['factuur', 'pdf', '2026-00001', '2026-00006', '--out', 'los'], DEMO_TODAY);
    const text = pdftotext(path.join(dir, 'los', '2026-00001.pdf'));
    for (const field of DEMO_FACTUUR_1) {
      expect(text).toContain(field);
    }
    expect(pdftotext(path.join(dir, 'los', '2026-00006.pdf'))).toContain('Correctie op');
    expect(pdftotext(path.join(dir, 'los', '2026-00006.pdf'))).toContain('factuur 2026-00003');
  });

  it('by numbers, looked up together: in any order, each its own invoice; an unknown number refuses all (exit 1)', async () => {
    const r = await gob(dir, ['factuur', 'pdf', '2026-00004', '2026-00002', '--out', 'paar'], DEMO_TODAY);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'paar')).sort()).toEqual(['2026-00002.pdf', '2026-00004.pdf']);
    expect(pdftotext(path.join(dir, 'paar', '2026-00002.pdf'))).toContain('Şahin Yılmaz');
    expect(fs.readFileSync(path.join(dir, 'paar', '2026-00004.pdf')).equals(fs.readFileSync(path.join(dir, 'pdf', '2026-00004.pdf')))).toBe(
      true,
    );
    const missing = await gob(dir, ['factuur', 'pdf', '2026-00001', '2026-00099', '--out', 'mis'], DEMO_TODAY);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Er is geen factuur met nummer 2026-00099');
    expect(fs.existsSync(path.join(dir, 'mis'))).toBe(false);
  });

  it('the same invoice always renders to the same bytes', async () => {
    await gob(dir, ['factuur', 'pdf', '2026-00002', '--out', 'a'], DEMO_TODAY);
    await gob(dir, ['factuur', 'pdf', '2026-00002', '--out', 'b'], { GOB_TODAY: '2027-03-01' });
    expect(fs.readFileSync(path.join(dir, 'a', '2026-00002.pdf')).equals(fs.readFileSync(path.join(dir, 'b', '2026-00002.pdf')))).toBe(
      true,
    );
    // Written alone or by a worker thread in a batch: the same bytes too.
    expect(fs.readFileSync(path.join(dir, 'a', '2026-00002.pdf')).equals(fs.readFileSync(path.join(dir, 'pdf', '2026-00002.pdf')))).toBe(
      true,
    );
  });

  it('names in any Latin script survive (Şahin Yılmaz, Łukasz Wałęsa)', async () => {
    expect(pdftotext(path.join(dir, 'pdf', '2026-00002.pdf'))).toContain('Şahin Yılmaz');
  });

  it('a long invoice breaks across pages with the header and column titles repeated', async () => {
    const big = await demoBureau({ rooster: false });
    const lines = ['gastouder;kind;datum;van;tot'];
    const kinderen = ['code;naam;geboortedatum;ouder'];
    const koppelingen = ['code;kind;gastouder;start;uurtarief'];
    for (let k = 1; k <= 10; k++) {
      kinderen.push(`KX${k};Kind Nummer ${k};2022-01-0${(k % 9) + 1};O0001`);
      for (const g of ['G0001', 'G0002', 'G0003']) {
        koppelingen.push(`KPX${k}${g};KX${k};${g};2026-10-01;${7 + (k % 3)},50`);
        lines.push(`${g};KX${k};2026-10-${String(k + (g === 'G0001' ? 0 : g === 'G0002' ? 10 : 20)).padStart(2, '0')};08:00;12:00`);
      }
    }
    writeCsv(path.join(big, 'k.csv'), kinderen);
    writeCsv(path.join(big, 'kp.csv'), koppelingen);
    writeCsv(path.join(big, 'u.csv'), lines);
    for (const [noun, file] of [
      ['kind', 'k.csv'],
      ['koppeling', 'kp.csv'],
      ['urenkaart', 'u.csv'],
    ]) {
      const r = await gob(big, [noun!, 'import', file!], DEMO_TODAY);
      expect(r.code, r.stderr).toBe(0);
    }
    await gob(big, ['factuur', 'run', '--maand', '2026-10'], DEMO_TODAY);
    expect((await gob(big, ['factuur', 'pdf', '2026-00001', '--out', 'pdf'], DEMO_TODAY)).code).toBe(0);
    const file = path.join(big, 'pdf', '2026-00001.pdf');
    const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThan(1);
    const page2 = spawnSync('pdftotext', ['-f', '2', '-l', '2', '-layout', file, '-'], { encoding: 'utf8' }).stdout;
    expect(page2).toContain('FACTUUR 2026-00001 (vervolg)');
    expect(page2).toContain('Omschrijving');
    expect(page2).toContain('Gastouderbureau De Zonnebloem');
    expect(page2).toContain(`pagina 2 van ${pages}`);
  });
});

describe('a month of PDFs on worker threads', () => {
  it('writes every invoice, the same bytes as one at a time', async () => {
    const dir = await invoicedBenchBureau();
    for (const args of [
      ['factuur', 'pdf', '--maand', '2026-10', '--out', 'maand'],
      ['factuur', 'pdf', '2026-00017', '--out', 'los'],
    ]) {
      const r = await gob(dir, args, DEMO_TODAY);
      expect(r.code, r.stderr).toBe(0);
    }
    expect(fs.readdirSync(path.join(dir, 'maand'))).toHaveLength(24);
    expect(
      fs.readFileSync(path.join(dir, 'maand', '2026-00017.pdf')).equals(fs.readFileSync(path.join(dir, 'los', '2026-00017.pdf'))),
    ).toBe(true);
  });
});

describe('invoices that cannot be re-priced or made wrong (issue 11)', () => {
  let dir: string;
  const anna = () => fs.readFileSync(demo('uren-2026-10-anna.csv'), 'latin1').split('\r\n');
  /** Anna's urenkaart without the given lines (whole lines of her file), imported late. */
  const annaWithout = async (file: string, ...drop: string[]) => {
    const lines = anna().filter((l) => !drop.includes(l));
    expect(lines.length).toBe(anna().length - drop.length);
    fs.writeFileSync(path.join(dir, file), lines.join('\r\n'), 'latin1');
    const r = await gob(dir, ['urenkaart', 'import', file, '--te-laat'], { GOB_TODAY: '2026-11-10' });
    expect(r.code, r.stderr).toBe(0);
  };
  beforeAll(async () => {
    dir = await demoBureau({ uren: true });
    expect((await gob(dir, ['factuur', 'run', '--maand', '2026-10'], DEMO_TODAY)).code).toBe(0);
  });

  it('changing the fee or the model later re-prices no invoiced month; a new month gets the new settings', async () => {
    expect(
      (await gob(dir, ['bureau', 'set', '--bureaukosten-een-kind', '33,50', '--bureaukosten-meer-kinderen', '61,50'], DEMO_TODAY)).code,
    ).toBe(0);
    expect((await gob(dir, ['factuur', 'run', '--maand', '2026-10'], DEMO_TODAY)).stdout).toMatch(/Niets te factureren/);
    expect((await gob(dir, ['bureau', 'set', '--bureaukosten-model', 'uur', '--bureaukosten-uur', '1,60'], DEMO_TODAY)).code).toBe(0);
    expect((await gob(dir, ['factuur', 'run', '--maand', '2026-10'], DEMO_TODAY)).stdout).toMatch(/Niets te factureren/);
    // Late hours of the month are billed at its own fee settings: no fee line moves.
    expect(
      (await gob(dir, ['urenkaart', 'import', demo('uren-2026-10-renee-correctie.csv'), '--te-laat'], { GOB_TODAY: '2026-11-10' })).code,
    ).toBe(0);
    const late = json(await gob(dir, ['factuur', 'run', '--maand', '2026-10', '--json'], { GOB_TODAY: '2026-11-10' }));
    expect(late.facturen.map((f: { nummer: string; totaalCent: number }) => [f.nummer, f.totaalCent])).toEqual([['2026-00006', 3937]]);
    expect(late.facturen[0].regels.map((r: { soort: string }) => r.soort)).toEqual(['opvang', 'opvang']);
    writeCsv(path.join(dir, 'nov.csv'), ['gastouder;kind;datum;van;tot', 'G0003;K0006;2026-11-02;08:00;18:00']);
    expect((await gob(dir, ['urenkaart', 'import', 'nov.csv'], { GOB_TODAY: '2026-12-01' })).code).toBe(0);
    const nov = json(await gob(dir, ['factuur', 'run', '--maand', '2026-11', '--json'], { GOB_TODAY: '2026-12-01' }));
    expect(nov.facturen[0].regels.find((r: { soort: string }) => r.soort === 'bureaukosten')).toMatchObject({
      kind: 'K0006',
      minuten: 600,
      tariefCent: 160,
      bedragCent: 1600,
    });
  });

  it('each correction line names the invoice whose line it corrects (JSON, text, PDF)', async () => {
    // 2026-00001 billed K0001 and K0002. A first correction (K0002 only), then a second one (K0001
    // only): that line corrects 2026-00001, not the ouder's latest invoice.
    const [k2, k1] = [anna().find((l) => l.startsWith('G0001;K0002;'))!, anna().find((l) => l.startsWith('G0001;K0001;'))!];
    await annaWithout('a1.csv', k2);
    const first = json(await gob(dir, ['factuur', 'run', '--maand', '2026-10', '--json'], { GOB_TODAY: '2026-12-01' })).facturen;
    expect(first.map((f: { ouder: string }) => f.ouder)).toEqual(['O0001']);
    const eerste = first[0].nummer as string;
    expect(first[0].regels.map((r: { kind: string; correctieOp: string }) => [r.kind, r.correctieOp])).toEqual([['K0002', '2026-00001']]);
    await annaWithout('a2.csv', k2, k1);
    const second = json(await gob(dir, ['factuur', 'run', '--maand', '2026-10', '--json'], { GOB_TODAY: '2026-12-01' })).facturen[0];
    expect(second.correctieVan).toBe(eerste);
    expect(second.regels.map((r: { kind: string; correctieOp: string }) => [r.kind, r.correctieOp])).toEqual([['K0001', '2026-00001']]);
    const shown = json(await gob(dir, ['factuur', 'show', second.nummer, '--json'], DEMO_TODAY));
    expect(shown.regels[0]).toMatchObject({ kind: 'K0001', correctieOp: '2026-00001', lrk: '111111111' });
    const text = (await gob(dir, ['factuur', 'show', second.nummer], DEMO_TODAY)).stdout;
    expect(text).toMatch(/Correctie op: {2}factuur 2026-00001 \(oktober 2026\)/);
    expect(text).toMatch(/gastouder Anna de Vries, LRK 111111111 +correctie op 2026-00001\n/);
    expect(text).not.toContain(eerste);
    expect((await gob(dir, ['factuur', 'pdf', second.nummer, '--out', 'corr'], DEMO_TODAY)).code).toBe(0);
    expect(pdftotext(path.join(dir, 'corr', `${second.nummer}.pdf`))).toMatch(
      /gastouder Anna de Vries, LRK 111111111 +correctie op 2026-00001/,
    );
  });

  it('an invoice date before the month it bills is a usage error: its number would take that year', async () => {
    const before = json(await gob(dir, ['factuur', 'list', '--json'], DEMO_TODAY)).length;
    for (const datum of ['1900-01-01', '2026-09-30']) {
      const r = await gob(dir, ['factuur', 'run', '--maand', '2026-10', '--datum', datum], DEMO_TODAY);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`--datum: ${datum} ligt vóór 2026-10, de maand die gefactureerd wordt`));
    }
    // Without --datum (today) the month is named, not an option the user never gave.
    const vroeg = await gob(dir, ['factuur', 'run', '--maand', '2026-12'], DEMO_TODAY);
    expect(vroeg.code).toBe(2);
    expect(vroeg.stderr).toMatch(/^--maand: 2026-12 is nog niet begonnen \(vandaag is 2026-11-\d\d\)/);
    expect(json(await gob(dir, ['factuur', 'list', '--json'], DEMO_TODAY)).length).toBe(before);
  });

  it('an invoice date before the latest invoice’s is refused, naming it', async () => {
    await annaWithout('a3.csv');
    const before = json(await gob(dir, ['factuur', 'list', '--json'], DEMO_TODAY)).length;
    const r = await gob(dir, ['factuur', 'run', '--maand', '2026-10', '--datum', '2026-11-30'], { GOB_TODAY: '2026-12-01' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/De factuurdatum 2026-11-30 ligt vóór 2026-12-01, de datum van de laatste factuur \(2026-000\d\d\)/);
    expect(json(await gob(dir, ['factuur', 'list', '--json'], DEMO_TODAY)).length).toBe(before);
    // The same date as the latest is fine.
    const ok = json(
      await gob(dir, ['factuur', 'run', '--maand', '2026-10', '--datum', '2026-12-01', '--json'], { GOB_TODAY: '2026-12-01' }),
    ).facturen[0];
    // Both hours back: each line names the invoice that last changed it, two different ones.
    const [k1, k2] = ok.regels.map((r: { correctieOp: string }) => r.correctieOp);
    expect(ok.regels.map((r: { kind: string }) => r.kind)).toEqual(['K0001', 'K0002']);
    expect(k1).not.toBe(k2);
    const text = (await gob(dir, ['factuur', 'show', ok.nummer], DEMO_TODAY)).stdout;
    expect(text).toContain('Correctie op:  2 facturen, vermeld per regel');
    expect(text).toContain(`correctie op ${k1}\n`);
    expect(text).toContain(`correctie op ${k2}\n`);
  });
});

describe('an LRK number on every care line', () => {
  it('refuses (storing nothing, no number used) naming each gastouder and koppeling without one; then shows the right LRK per line', async () => {
    const dir = await demoBureau({ uren: true });
    expect((await gob(dir, ['gastouder', 'edit', 'G0003', '--lrk', ''], DEMO_TODAY)).code).toBe(0);
    expect((await gob(dir, ['koppeling', 'edit', 'KP0007', '--lrk', ''], DEMO_TODAY)).code).toBe(0);
    for (const extra of [[], ['--dry-run']]) {
      const r = await gob(dir, ['factuur', 'run', '--maand', '2026-10', ...extra], DEMO_TODAY);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/ontbreekt bij 2 registraties/);
      expect(r.stderr).toContain("gastouder G0003 (Ingrid Brouwer): 'gob gastouder edit G0003 --lrk …'");
      expect(r.stderr).toContain(
        "koppeling KP0007 (kind K0007 bij de ouder thuis, gastouder G0002 Renée Müller): 'gob koppeling edit KP0007 --lrk …'",
      );
    }
    expect(json(await gob(dir, ['factuur', 'list', '--json'], DEMO_TODAY))).toEqual([]);
    expect((await gob(dir, ['gastouder', 'edit', 'G0003', '--lrk', '333333333'], DEMO_TODAY)).code).toBe(0);
    // Renée has an LRK number of her own; care at the ouder's home needs the koppeling's.
    const one = await gob(dir, ['factuur', 'run', '--maand', '2026-10'], DEMO_TODAY);
    expect(one.code).toBe(1);
    expect(one.stderr).toMatch(/ontbreekt bij koppeling KP0007 \(kind K0007 bij de ouder thuis/);
    expect((await gob(dir, ['koppeling', 'edit', 'KP0007', '--lrk', '12345'], DEMO_TODAY)).code).toBe(2);
    expect((await gob(dir, ['koppeling', 'edit', 'KP0007', '--lrk', '444444444'], DEMO_TODAY)).code).toBe(0);
    const csv = (await gob(dir, ['koppeling', 'list', '--csv'], DEMO_TODAY)).stdout.split('\r\n');
    expect(csv[0]).toBe('code;kind;gastouder;start;eind;uurtarief;opvanglocatie;lrk;tweede-ouder;verdeling');
    expect(csv).toContain('KP0007;K0007;G0002;2026-06-01;;7,75;ouder;444444444;;100');
    const run = json(await gob(dir, ['factuur', 'run', '--maand', '2026-10', '--json'], DEMO_TODAY));
    expect(run.facturen[0].nummer).toBe('2026-00001');
    const o5 = run.facturen.find((f: { ouder: string }) => f.ouder === 'O0005');
    expect(
      o5.regels.map((r: { soort: string; kind: string; gastouder: string; lrk: string }) => [r.soort, r.kind, r.gastouder, r.lrk]),
    ).toEqual([
      ['opvang', 'K0007', 'G0002', '444444444'],
      ['bureaukosten', null, 'G0002', '444444444'],
    ]);
    const text = (await gob(dir, ['factuur', 'show', o5.nummer], DEMO_TODAY)).stdout;
    expect(text).toContain('gastouder Renée Müller, LRK 444444444');
    expect(text).not.toContain('222222222');
  });
});

describe('a year past invoice 99,999 (a large bureau: 44,000 ouders × 12 months)', () => {
  it('orders numbers as numbers: 2026-100002 comes after 2026-99999 for lists, corrections and credits', async () => {
    const dir = await demoBureau({ uren: true });
    const sqlite = new SQLite(path.join(dir, 'data', 'gob.sqlite'));
    sqlite.prepare("insert into nummering (soort, jaar, laatste) values ('factuur', 2026, 99996)").run();
    sqlite.close();
    const run = async (today: string) => json(await gob(dir, ['factuur', 'run', '--maand', '2026-10', '--json'], { GOB_TODAY: today }));
    expect((await run('2026-11-03')).facturen.map((f: { nummer: string }) => f.nummer)).toEqual([
      '2026-99997',
      '2026-99998',
      '2026-99999',
      '2026-100000',
      '2026-100001',
    ]);
    // Renée's late hours correct Jan Jansen's (O0003) invoice 2026-99999.
    expect(
      (await gob(dir, ['urenkaart', 'import', demo('uren-2026-10-renee-correctie.csv'), '--te-laat'], { GOB_TODAY: '2026-11-10' })).code,
    ).toBe(0);
    expect((await run('2026-11-10')).facturen).toEqual([expect.objectContaining({ nummer: '2026-100002', correctieVan: '2026-99999' })]);
    // Taken back again: the credit corrects the latest invoice first, 2026-100002 (as text, 2026-99999 would look later).
    expect((await gob(dir, ['urenkaart', 'import', demo('uren-2026-10-renee.csv'), '--te-laat'], { GOB_TODAY: '2026-11-11' })).code).toBe(
      0,
    );
    const credit = (await run('2026-11-11')).facturen;
    expect(credit).toEqual([expect.objectContaining({ nummer: '2026-100003', correctieVan: '2026-100002', totaalCent: -3937 })]);
    expect(new Set(credit[0].regels.map((r: { correctieOp: string }) => r.correctieOp))).toEqual(new Set(['2026-100002']));
    const list = json(await gob(dir, ['factuur', 'list', '--json'], { GOB_TODAY: '2026-11-11' }));
    expect(list.map((f: { nummer: string }) => f.nummer)).toEqual([
      '2026-99997',
      '2026-99998',
      '2026-99999',
      '2026-100000',
      '2026-100001',
      '2026-100002',
      '2026-100003',
    ]);
  });
});
