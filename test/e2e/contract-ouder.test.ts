// Co-parents' contracts (CONTRACT §9 "Co-parents", §7): each ouder of a shared koppeling gets and
// signs her own contract (`contract pdf|teken --ouder`), read back with pdftotext.
//
// Demo bureau, plus O0006 Marit Wałęsa (with address) and O0007 Kees (no address).
//   KP0001 (Zoë, ouder O0001 Łukasz, at gastouder Anna): shared 60/40 with O0006.
//   KP0007 (Yara, ouder O0005 Fatima, care at Fatima's home): shared 70/30 with O0004 Sophie.
//   KP0002 (Milan, ouder O0001): not shared.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TODAY, demoBureau } from '../demo.js';
import { gob } from '../helpers.js';

const text = (file: string) => spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');

describe('contract pdf|teken --ouder: each co-parent her own contract', () => {
  let dir: string;
  const ok = async (args: string[]) => {
    const r = await gob(dir, args, DEMO_TODAY);
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    return r;
  };
  const pdf = async (args: string[], out: string) => {
    await ok(['contract', 'pdf', ...args, '--out', out]);
    expect(spawnSync('qpdf', ['--check', path.join(dir, out)]).status).toBe(0);
    return text(path.join(dir, out));
  };
  beforeAll(async () => {
    dir = await demoBureau();
    for (const args of [
      ['ouder', 'add', '--naam', 'Marit Wałęsa', '--adres', 'Kerkstraat 1', '--postcode', '3512 AA', '--plaats', 'Utrecht'],
      ['ouder', 'add', '--naam', 'Kees'],
      ['koppeling', 'edit', 'KP0001', '--tweede-ouder', 'O0006', '--verdeling', '60'],
      ['koppeling', 'edit', 'KP0007', '--tweede-ouder', 'O0004', '--verdeling', '70'],
    ])
      await ok(args);
  });

  it('names her as vraagouder with her share; each signs her own and her PDF shows only her signature', async () => {
    const teken = (extra: string[]) => ok(['contract', 'teken', '--koppeling', 'KP0001', ...extra]);
    await teken(['--partij', 'ouder', '--naam', 'Łukasz Wałęsa', '--plaats', 'Utrecht', '--datum', '2026-10-01']);
    const marit = await teken([
      '--partij',
      'ouder',
      '--ouder',
      'O0006',
      '--naam',
      'Marit Wałęsa',
      '--plaats',
      'Zeist',
      '--datum',
      '2026-10-02',
    ]);
    expect(marit.stdout).toContain('Handtekening vastgelegd: ouder O0006 Marit Wałęsa op 2026-10-02 in Zeist');
    await teken(['--partij', 'gastouder', '--naam', 'Anna de Vries', '--datum', '2026-10-03']);

    const eerste = await pdf(['--koppeling', 'KP0001'], 'lukasz.pdf');
    expect(eerste).toContain('De vraagouder: Łukasz Wałęsa, Oudegracht 100, 3511 AB Utrecht.');
    expect(eerste).toContain(
      'De ouders delen de kosten: de vraagouder betaalt 60% van de kosten van de opvang en de bureaukosten, de andere ouder (Marit Wałęsa) 40%.',
    );
    // The signature block has two columns (vraagouder, gastouder), read row by row.
    expect(eerste).toContain('Naam: Łukasz Wałęsa Naam: Anna de Vries Datum: 1 oktober 2026 Datum: 3 oktober 2026 Plaats: Utrecht');
    expect(eerste).not.toContain('Naam: Marit');
    expect(eerste).toContain('Naam: Anna de Vries');
    expect(eerste).toContain('koppeling KP0001, ouder O0001');

    const r = await gob(dir, ['contract', 'pdf', '--koppeling', 'KP0001', '--ouder', 'O0006', '--out', 'marit.pdf', '--json'], DEMO_TODAY);
    expect(JSON.parse(r.stdout)).toMatchObject({ koppeling: 'KP0001', ouder: 'O0006' });
    const tweede = text(path.join(dir, 'marit.pdf'));
    expect(tweede).toContain('De vraagouder: Marit Wałęsa, Kerkstraat 1, 3512 AA Utrecht.');
    expect(tweede).not.toContain('De vraagouder: Łukasz');
    expect(tweede).toContain(
      'de vraagouder betaalt 40% van de kosten van de opvang en de bureaukosten, de andere ouder (Łukasz Wałęsa) 60%.',
    );
    expect(tweede).toContain('Naam: Marit Wałęsa Naam: Anna de Vries Datum: 2 oktober 2026 Datum: 3 oktober 2026 Plaats: Zeist');
    expect(tweede).not.toContain('Naam: Łukasz');
    // The gastouder signs once; her signature is under both.
    expect(tweede).toContain('Naam: Anna de Vries');
    // The child and the care are the same in both.
    expect(tweede).toContain('bij de gastouder thuis, Lindenlaan 4, 3581 AB Utrecht');

    // Signing again (with --force) replaces only her own signature.
    await teken(['--partij', 'ouder', '--ouder', 'O0006', '--naam', 'M. Wałęsa', '--datum', '2026-10-04', '--force']);
    expect(await pdf(['--koppeling', 'KP0001'], 'lukasz2.pdf')).toContain('Naam: Łukasz Wałęsa Naam: Anna de Vries Datum: 1 oktober 2026');
    expect(await pdf(['--koppeling', 'KP0001', '--ouder', 'O0006'], 'marit2.pdf')).toContain(
      'Naam: M. Wałęsa Naam: Anna de Vries Datum: 4 oktober 2026',
    );
    expect((await ok(['log', '--json'])).stdout).toContain('getekend door ouder O0006: M. Wałęsa');

    // The agreement with the bureau says it too.
    const bureau = await pdf(['--koppeling', 'KP0001', '--soort', 'bureau', '--ouder', 'O0006'], 'marit-bureau.pdf');
    expect(bureau).toContain('De vraagouder: Marit Wałęsa, Kerkstraat 1');
    expect(bureau).toContain('de vraagouder betaalt 40% van de kosten van de opvang en de bureaukosten');
    expect(bureau).toContain('Naam: ______');
  });

  it("care at the kind's own ouder's home: the tweede-ouder's contract names that home as the opvangadres", async () => {
    const t = await pdf(['--koppeling', 'KP0007', '--soort', 'bureau', '--ouder', 'O0004'], 'sophie.pdf');
    expect(t).toContain('De vraagouder: Sophie Bakker, Slotlaan 20, 3701 GB Zeist.');
    expect(t).toContain('bij de andere ouder (Fatima El Amrani) thuis, Utrechtseweg 3, 3818 EA Amersfoort');
    expect(t).toContain(
      'de vraagouder betaalt 30% van de kosten van de opvang en de bureaukosten, de andere ouder (Fatima El Amrani) 70%.',
    );
    expect(await pdf(['--koppeling', 'KP0007', '--soort', 'bureau'], 'fatima.pdf')).toContain(
      'bij de vraagouder thuis, Utrechtseweg 3, 3818 EA Amersfoort',
    );
  });

  it('an unshared koppeling keeps its text: no share clause, no ouder in the output', async () => {
    const r = await ok(['contract', 'pdf', '--koppeling', 'KP0002', '--out', 'milan.pdf']);
    expect(r.stdout).toBe('Overeenkomst (gastouder) van koppeling KP0002 geschreven naar milan.pdf.\n');
    const t = text(path.join(dir, 'milan.pdf'));
    expect(t).not.toContain('delen de kosten');
    expect(t).toMatch(/op basis van de werkelijke uren op de urenkaart\. Artikel \d+\. Proefperiode/);
    expect(t).toContain('Overeenkomst vraagouder–gastouder, koppeling KP0002 ');
    // --ouder naming the kind's own ouder is the default contract.
    expect(await pdf(['--koppeling', 'KP0002', '--ouder', 'O0001'], 'milan2.pdf')).toBe(t);
  });

  it('refuses an ouder who does not sign this contract, and --ouder with the gastouder or bureau', async () => {
    const fail = async (args: string[], code: number, pattern: RegExp) => {
      const r = await gob(dir, args, DEMO_TODAY);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(code);
      expect(r.stderr).toMatch(pattern);
    };
    await fail(
      ['contract', 'pdf', '--koppeling', 'KP0001', '--ouder', 'O0003', '--out', 'x.pdf'],
      1,
      /--ouder: O0003 is geen ouder van koppeling KP0001\..*ouder O0001 \(Łukasz Wałęsa\) of O0006 \(Marit Wałęsa\)/,
    );
    await fail(['contract', 'pdf', '--koppeling', 'KP0001', '--ouder', 'O9999', '--out', 'x.pdf'], 1, /O9999 is geen ouder/);
    // The tweede-ouder of another koppeling, on an unshared one.
    await fail(
      ['contract', 'pdf', '--koppeling', 'KP0002', '--ouder', 'O0006', '--out', 'x.pdf'],
      1,
      /ouder O0001 \(Łukasz Wałęsa\); deze koppeling heeft geen tweede-ouder/,
    );
    expect(fs.existsSync(path.join(dir, 'x.pdf'))).toBe(false);
    await fail(
      ['contract', 'teken', '--koppeling', 'KP0002', '--partij', 'ouder', '--ouder', 'O0006', '--naam', 'X'],
      1,
      /geen tweede-ouder/,
    );
    await fail(
      ['contract', 'teken', '--koppeling', 'KP0001', '--partij', 'ouder', '--ouder', 'O0003', '--naam', 'X'],
      1,
      /O0003 is geen ouder/,
    );
    await fail(
      ['contract', 'teken', '--koppeling', 'KP0001', '--partij', 'gastouder', '--ouder', 'O0001', '--naam', 'X'],
      2,
      /--ouder hoort alleen bij --partij ouder/,
    );
    await fail(
      ['contract', 'teken', '--koppeling', 'KP0001', '--soort', 'bureau', '--partij', 'bureau', '--ouder', 'O0006', '--naam', 'X'],
      2,
      /--ouder hoort alleen bij --partij ouder/,
    );
    expect((await ok(['log', '--json'])).stdout).not.toContain(': X,');

    // Her own details must be complete (CONTRACT §7); the other ouder's contract is not held up.
    await ok(['koppeling', 'edit', 'KP0002', '--tweede-ouder', 'O0007', '--verdeling', '50']);
    await fail(
      ['contract', 'pdf', '--koppeling', 'KP0002', '--ouder', 'O0007', '--out', 'kees.pdf'],
      1,
      /ouder O0007: adres \('gob ouder edit O0007 --adres …'\)/,
    );
    await fail(
      ['contract', 'teken', '--koppeling', 'KP0002', '--partij', 'ouder', '--ouder', 'O0007', '--naam', 'Kees'],
      1,
      /ouder O0007: postcode/,
    );
    expect(await pdf(['--koppeling', 'KP0002'], 'milan3.pdf')).toContain('de andere ouder (Kees) 50%');

    // A bureau's own template must say the share of a shared koppeling.
    fs.writeFileSync(path.join(dir, 'eigen.md'), '# Eigen\n\n## Partijen\n{{ouder.naam}} en {{gastouder.naam}}.\n\n{{handtekeningen}}\n');
    await fail(
      ['contract', 'pdf', '--koppeling', 'KP0001', '--template', 'eigen.md', '--out', 'eigen.pdf'],
      1,
      /noemt de verdeling van de kosten niet\. Zet \{\{verdeling\}\} in het sjabloon/,
    );
    fs.appendFileSync(path.join(dir, 'eigen.md'), '\n{{verdeling}}\n');
    expect(await pdf(['--koppeling', 'KP0001', '--template', 'eigen.md'], 'eigen.pdf')).toContain('de vraagouder betaalt 60%');
  });

  it("with a bureau certificate the tweede-ouder's contract is signed like any other", async () => {
    const env = { ...DEMO_TODAY, GOB_CERTIFICAAT_WACHTWOORD: 'demo-wachtwoord' };
    expect((await gob(dir, ['bureau', 'certificaat-maken'], env)).code).toBe(0);
    const r = await gob(
      dir,
      ['contract', 'pdf', '--koppeling', 'KP0001', '--ouder', 'O0006', '--out', 'marit-getekend.pdf', '--json'],
      env,
    );
    expect(JSON.parse(r.stdout)).toMatchObject({ ouder: 'O0006', ondertekend: true });
    const sig = spawnSync('pdfsig', [path.join(dir, 'marit-getekend.pdf')], { encoding: 'utf8' });
    expect(sig.stdout + sig.stderr).toContain('Signature Validation: Signature is Valid.');
    expect(text(path.join(dir, 'marit-getekend.pdf'))).toContain('De vraagouder: Marit Wałęsa');
  });
});
