// Contracts (CONTRACT §7): the two agreements as PDFs, read back with pdftotext, checked with
// qpdf, and signed so that pdfsig reports them valid.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TODAY, demoBureau } from '../demo.js';
import { gob, tempDir } from '../helpers.js';

const text = (file: string) => spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
const pdfsig = (file: string) => {
  const r = spawnSync('pdfsig', [file], { encoding: 'utf8' });
  return r.stdout + r.stderr;
};

describe('contract pdf', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await demoBureau();
  });

  it('the agreement between vraagouder and gastouder names every section and value', async () => {
    const r = await gob(dir, ['contract', 'pdf', '--koppeling', 'KP0001', '--out', 'gastouder.pdf'], DEMO_TODAY);
    expect(r.code, r.stderr).toBe(0);
    const t = text(path.join(dir, 'gastouder.pdf'));
    for (const s of [
      'Overeenkomst van opdracht gastouderopvang',
      'Łukasz Wałęsa',
      'Oudegracht 100',
      'Anna de Vries',
      'Lindenlaan 4',
      'ingeschreven in het Landelijk Register Kinderopvang onder nummer 111111111',
      'KvK 12345678',
      'LRK 987654321',
      'Zoë Wałęsa',
      'geboren op 29 februari 2024',
      'bij de gastouder thuis, Lindenlaan 4, 3581 AB Utrecht',
      'begint op 1 maart 2025',
      'voor onbepaalde tijd',
      'maandag 08:00 17:30',
      'dinsdag 08:00 17:30',
      'uurtarief van € 7,95',
      '€ 29,50 per maand bij één kind',
      'Proefperiode',
      'eerste maand',
      'opzegtermijn van één maand',
      // The demo bureau bills only hours of care (afgesproken-uren nee: CONTRACT §7).
      'Alleen uren van opvang volgens de urenkaart worden in rekening gebracht',
      'De vraagouder en de gastouder kondigen hun vakantie allebei ten minste twee maanden van tevoren aan',
      'betaalt de gastouder binnen 5 werkdagen nadat de vraagouder heeft betaald',
      'kassiersfunctie',
      'Verzekering',
      'AVG',
      'burgerservicenummer (BSN)',
      'Geschillencommissie Kinderopvang',
      'Nederlands recht',
      'Artikel 1. Partijen',
      'De vraagouder',
      'De gastouder',
      'pagina 1 van 2',
    ]) {
      expect(t).toContain(s);
    }
    expect(spawnSync('qpdf', ['--check', path.join(dir, 'gastouder.pdf')]).status).toBe(0);
  });

  it('the agreement between vraagouder and bureau (--soort bureau)', async () => {
    expect(
      (await gob(dir, ['contract', 'pdf', '--koppeling', 'KP0007', '--soort', 'bureau', '--out', 'bureau.pdf'], DEMO_TODAY)).code,
    ).toBe(0);
    const t = text(path.join(dir, 'bureau.pdf'));
    for (const s of [
      'Overeenkomst van opdracht gastouderbureau',
      'Fatima El Amrani',
      'Yara El Amrani',
      'gastouder Renée Müller, LRK-nummer 444444444',
      'bij de vraagouder thuis, Utrechtseweg 3',
      'Het gastouderbureau',
      'vrijgesteld van btw',
      'De vraagouder en de gastouder kondigen hun vakantie allebei ten minste twee maanden van tevoren aan',
      'betaalt de gastouder binnen 5 werkdagen nadat',
    ]) {
      expect(t).toContain(s);
    }
    expect(t).not.toContain('enkele werkdagen');
  });

  it('contract teken records signatures; the block shows each, and empty lines for the rest', async () => {
    expect(
      (
        await gob(
          dir,
          [
            'contract',
            'teken',
            '--koppeling',
            'KP0001',
            '--partij',
            'ouder',
            '--naam',
            'Łukasz Wałęsa',
            '--plaats',
            'Utrecht',
            '--datum',
            '2026-02-20',
          ],
          DEMO_TODAY,
        )
      ).code,
    ).toBe(0);
    await gob(dir, ['contract', 'pdf', '--koppeling', 'KP0001', '--out', 'getekend.pdf'], DEMO_TODAY);
    const t = text(path.join(dir, 'getekend.pdf'));
    expect(t).toContain('Naam: Łukasz Wałęsa');
    expect(t).toContain('Datum: 20 februari 2026');
    expect(t).toContain('Plaats: Utrecht');
    expect(t).toContain('Naam: ______');
    const wrong = await gob(dir, ['contract', 'teken', '--koppeling', 'KP0001', '--partij', 'bureau', '--naam', 'X'], DEMO_TODAY);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/getekend door ouder en gastouder, niet door bureau/);
    expect((await gob(dir, ['contract', 'teken', '--koppeling', 'KP0001', '--partij', 'oma', '--naam', 'X'], DEMO_TODAY)).code).toBe(2);

    // A recorded signature is replaced only with --force, which says whose it was; never by a date to come.
    const again = ['contract', 'teken', '--koppeling', 'KP0001', '--partij', 'ouder', '--naam', 'Iemand Anders'];
    const twice = await gob(dir, again, DEMO_TODAY);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain(
      'De overeenkomst (gastouder) van KP0001 is al getekend door ouder: Łukasz Wałęsa, 2026-02-20, Utrecht. Vervang die handtekening alleen met --force; er is niets gewijzigd.',
    );
    const future = await gob(dir, [...again, '--force', '--datum', '2026-11-04'], DEMO_TODAY);
    expect(future.code).toBe(2);
    expect(future.stderr).toContain('--datum: 2026-11-04 ligt na vandaag (2026-11-03)');
    await gob(dir, ['contract', 'pdf', '--koppeling', 'KP0001', '--out', 'nog-steeds.pdf'], DEMO_TODAY);
    expect(text(path.join(dir, 'nog-steeds.pdf'))).toContain('Naam: Łukasz Wałęsa');
    const forced = await gob(dir, [...again, '--force'], DEMO_TODAY);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stderr).toContain('De eerdere handtekening (Łukasz Wałęsa, 2026-02-20, Utrecht) is vervangen (--force).');
    const log = await gob(dir, ['log', '--json'], DEMO_TODAY);
    expect(log.stdout).toContain('(vervangt Łukasz Wałęsa, 2026-02-20, Utrecht)');
  });

  it('a bureau can use its own template; an unknown placeholder is named', async () => {
    fs.writeFileSync(
      path.join(dir, 'eigen.md'),
      '# Eigen overeenkomst\n\n## Partijen\n{{ouder.naam}} en {{gastouder.naam}}.\n\n{{handtekeningen}}\n',
    );
    expect(
      (await gob(dir, ['contract', 'pdf', '--koppeling', 'KP0001', '--template', 'eigen.md', '--out', 'eigen.pdf'], DEMO_TODAY)).code,
    ).toBe(0);
    expect(text(path.join(dir, 'eigen.pdf'))).toContain('Artikel 1. Partijen Łukasz Wałęsa en Anna de Vries.');
    fs.writeFileSync(path.join(dir, 'fout.md'), '# X\n\n{{ouder.schoenmaat}}\n');
    const r = await gob(dir, ['contract', 'pdf', '--koppeling', 'KP0001', '--template', 'fout.md', '--out', 'fout.pdf'], DEMO_TODAY);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/onbekend veld \{\{ouder\.schoenmaat\}\}/);
  });
});

describe('a contract that would lack a detail (CONTRACT §7)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    for (const args of [
      ['init', '--naam', 'Bureau Zon'],
      ['gastouder', 'add', '--naam', 'Anna', '--geboortedatum', '1980-01-01'],
      ['ouder', 'add', '--naam', 'Piet'],
      ['kind', 'add', '--naam', 'Kim', '--geboortedatum', '2024-01-01', '--ouder', 'O0001'],
      ['kind', 'add', '--naam', 'Kas', '--geboortedatum', '2024-01-01', '--ouder', 'O0001'],
      ['koppeling', 'add', '--kind', 'K0001', '--gastouder', 'G0001', '--start', '2026-01-01', '--uurtarief', '7,50'],
      [
        'koppeling',
        'add',
        '--kind',
        'K0002',
        '--gastouder',
        'G0001',
        '--start',
        '2026-01-01',
        '--uurtarief',
        '7,50',
        '--opvanglocatie',
        'ouder',
      ],
    ]) {
      const r = await gob(dir, args);
      expect(r.code, r.stderr).toBe(0);
    }
  });

  it('is refused naming every missing field, with nothing written and no signature recorded', async () => {
    const pdf = await gob(dir, ['contract', 'pdf', '--koppeling', 'KP0001', '--out', 'kp1.pdf']);
    expect(pdf.code).toBe(1);
    expect(pdf.stderr).toMatch(/ontbreken 12 gegevens\. Er is niets geschreven\./);
    for (const veld of ['adres', 'postcode', 'plaats', 'kvk', 'lrk'])
      expect(pdf.stderr).toContain(`bureau: ${veld} ('gob bureau set --${veld} …')`);
    for (const veld of ['adres', 'postcode', 'plaats']) {
      expect(pdf.stderr).toContain(`ouder O0001: ${veld} ('gob ouder edit O0001 --${veld} …')`);
      expect(pdf.stderr).toContain(`gastouder G0001: ${veld} (ook het opvangadres) ('gob gastouder edit G0001 --${veld} …')`);
    }
    expect(pdf.stderr).toContain("gastouder G0001: lrk ('gob gastouder edit G0001 --lrk …')");
    expect(pdf.stderr).not.toContain('onbekend');
    expect(fs.existsSync(path.join(dir, 'kp1.pdf'))).toBe(false);

    const teken = await gob(dir, ['contract', 'teken', '--koppeling', 'KP0001', '--partij', 'ouder', '--naam', 'Piet']);
    expect(teken.code).toBe(1);
    expect(teken.stderr).toMatch(
      /De handtekening onder de overeenkomst \(gastouder\) van koppeling KP0001 is geweigerd.*Er is niets vastgelegd\./,
    );
    expect(teken.stderr).toContain("ouder O0001: adres ('gob ouder edit O0001 --adres …')");
    expect((await gob(dir, ['log', '--json'])).stdout).not.toContain('getekend');
  });

  it("care at the ouder's home needs no gastouder address in the bureau agreement; the payout term is the setting", async () => {
    for (const args of [
      [
        'bureau',
        'set',
        '--adres',
        'Plein 1',
        '--postcode',
        '3511 ED',
        '--plaats',
        'Utrecht',
        '--kvk',
        '12345678',
        '--lrk',
        '987654321',
        '--uitbetaaltermijn',
        '1',
      ],
      ['ouder', 'edit', 'O0001', '--adres', 'Kerkweg 2', '--postcode', '3511 AB', '--plaats', 'Utrecht'],
      ['gastouder', 'edit', 'G0001', '--lrk', '111111111'],
    ]) {
      expect((await gob(dir, args)).code).toBe(0);
    }
    // Care at the ouder's home has an LRK of its own (koppeling field `lrk`).
    expect((await gob(dir, ['koppeling', 'edit', 'KP0002', '--lrk', '222222222'])).code).toBe(0);
    const thuis = await gob(dir, ['contract', 'pdf', '--koppeling', 'KP0001', '--soort', 'bureau', '--out', 'kp1.pdf']);
    expect(thuis.code).toBe(1);
    expect(thuis.stderr).toMatch(/ontbreken 3 gegevens/);
    expect(thuis.stderr).toContain('gastouder G0001: adres (ook het opvangadres)');
    expect((await gob(dir, ['contract', 'pdf', '--koppeling', 'KP0002', '--soort', 'bureau', '--out', 'kp2.pdf'])).code).toBe(0);
    const t = text(path.join(dir, 'kp2.pdf'));
    expect(t).toContain('bij de vraagouder thuis, Kerkweg 2, 3511 AB Utrecht');
    expect(t).toContain('betaalt de gastouder binnen 1 werkdag nadat');
    expect(
      (await gob(dir, ['contract', 'teken', '--koppeling', 'KP0002', '--soort', 'bureau', '--partij', 'ouder', '--naam', 'Piet'])).code,
    ).toBe(0);
  });
});

describe('digital signature', () => {
  const env = { ...DEMO_TODAY, GOB_CERTIFICAAT_WACHTWOORD: 'demo-wachtwoord' };
  let dir: string;
  beforeAll(async () => {
    dir = await demoBureau();
    const r = await gob(dir, ['bureau', 'certificaat-maken'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.statSync(path.join(dir, 'data', 'certificaat.p12')).mode & 0o777).toBe(0o600);
  });

  // It was stored and refused only at the first `contract pdf`.
  it('bureau set --certificaat refuses a path that is no file, changing nothing', async () => {
    for (const [pad, waarom] of [
      ['geen/cert.p12', 'bestaat niet'],
      ['data', 'is geen bestand'],
    ]) {
      const r = await gob(dir, ['bureau', 'set', '--certificaat', pad!], env);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`Het certificaat ${pad} ${waarom}. Geef het pad van een .p12-bestand`);
    }
    expect(JSON.parse((await gob(dir, ['bureau', 'show', '--json'], env)).stdout).certificaat).toMatch(/certificaat\.p12$/);
  });

  it('with a bureau certificate the PDF is signed over the whole file and pdfsig reports it valid', async () => {
    const r = await gob(dir, ['contract', 'pdf', '--koppeling', 'KP0001', '--out', 'getekend.pdf', '--json'], env);
    expect(JSON.parse(r.stdout)).toMatchObject({ ondertekend: true });
    const sig = pdfsig(path.join(dir, 'getekend.pdf'));
    expect(sig).toContain('Signature Validation: Signature is Valid.');
    expect(sig).toContain('Total document signed');
    expect(sig).toContain('ETSI.CAdES.detached');
    expect(spawnSync('qpdf', ['--check', path.join(dir, 'getekend.pdf')]).status).toBe(0);
  });

  it('any later change breaks the signature', async () => {
    expect((await gob(dir, ['contract', 'pdf', '--koppeling', 'KP0002', '--out', 'origineel.pdf'], env)).code).toBe(0);
    const bytes = fs.readFileSync(path.join(dir, 'origineel.pdf'));
    // One byte in the middle of the second signed range (after the signature itself).
    const [, , start, length] = /ByteRange \[\s*(\d+) (\d+) (\d+) (\d+)\s*\]/.exec(bytes.toString('latin1'))!.slice(1).map(Number);
    const i = start! + Math.floor(length! / 2);
    bytes[i] = bytes[i] === 0x41 ? 0x42 : 0x41;
    fs.writeFileSync(path.join(dir, 'gewijzigd.pdf'), bytes);
    const sig = pdfsig(path.join(dir, 'gewijzigd.pdf'));
    expect(sig).not.toContain('Signature is Valid.');
    expect(sig).toMatch(/Digest Mismatch|Signature is Invalid/);
  });

  it('a missing or wrong password is a clear error, and no PDF is written', async () => {
    const missing = await gob(dir, ['contract', 'pdf', '--koppeling', 'KP0001', '--out', 'x.pdf'], DEMO_TODAY);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/wachtwoord ontbreekt.*GOB_CERTIFICAAT_WACHTWOORD/);
    const wrong = await gob(dir, ['contract', 'pdf', '--koppeling', 'KP0001', '--out', 'x.pdf'], {
      ...DEMO_TODAY,
      GOB_CERTIFICAAT_WACHTWOORD: 'fout',
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/juiste wachtwoord/);
    expect(wrong.stderr).not.toMatch(/at .*\.js/);
    expect(fs.existsSync(path.join(dir, 'x.pdf'))).toBe(false);
  });
});
