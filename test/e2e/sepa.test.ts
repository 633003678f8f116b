// Bank files through the CLI (CONTRACT v2 §6): stored with their booking and written after it,
// `sepa list` and `sepa bestand`, a payout in one bank file ever, TARGET2 dates, mandates.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { sepaIncasso } from '../../src/commands/sepa/incasso.js';
import { openDatabase } from '../../src/db/open.js';
import { demoBureau } from '../demo.js';
import { gob, quietOutput } from '../helpers.js';

const on = (date: string) => ({ GOB_TODAY: date });
const json = (r: { code: number; stdout: string; stderr: string }) => {
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

describe('bank files are stored, and each payout goes into one, ever', () => {
  let dir: string;
  const sql = (statement: string) => {
    const db = new SQLite(path.join(dir, 'data', 'gob.sqlite'));
    db.prepare(statement).run();
    db.close();
  };
  const list = async () => json(await gob(dir, ['sepa', 'list', '--json'], on('2026-11-12')));
  const xmlFiles = () =>
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.xml'))
      .sort();
  beforeAll(async () => {
    dir = await demoBureau({ facturen: true });
  });

  it('refuses a collection date that is no TARGET2 day or too early (exit 2), naming the next valid date, and books nothing', async () => {
    const incasso = async (datum: string) =>
      await gob(dir, ['sepa', 'incasso', '--incassodatum', datum, '--out', 'i.xml'], on('2026-11-12'));
    const zaterdag = await incasso('2026-11-21');
    expect(zaterdag.code).toBe(2);
    expect(zaterdag.stderr).toMatch(
      /--incassodatum: 2026-11-21 is een zaterdag, geen TARGET2-dag.*De eerstvolgende mogelijke incassodatum is 2026-11-23\./,
    );
    const vandaag = await incasso('2026-11-12');
    expect(vandaag.code).toBe(2);
    expect(vandaag.stderr).toMatch(/2026-11-12 is te vroeg.*na vandaag \(2026-11-12\): 2026-11-13\./);
    expect((await incasso('2026-11-01')).code).toBe(2);
    const kerst = await incasso('2026-12-25');
    expect(kerst.code).toBe(2);
    expect(kerst.stderr).toMatch(/Eerste Kerstdag.*2026-12-28/);
    // 2062 for 2026: the invoices would have counted as paid in 2062, and every payout waited for it.
    const tikfout = await incasso('2062-11-20');
    expect(tikfout.code).toBe(2);
    expect(tikfout.stderr).toMatch(/--incassodatum: 2062-11-20 ligt meer dan een jaar na vandaag \(2026-11-12\).*tot en met 2027-11-12/);
    expect(await list()).toEqual([]);
    expect(xmlFiles()).toEqual([]);
  });

  it('checks --out before booking: an existing file without --force, a symbolic link', async () => {
    fs.writeFileSync(path.join(dir, 'bestaat.xml'), 'oud');
    const bestaat = await gob(dir, ['sepa', 'incasso', '--incassodatum', '2026-11-20', '--out', 'bestaat.xml'], on('2026-11-12'));
    expect(bestaat.code).toBe(1);
    expect(bestaat.stderr).toMatch(/bestaat\.xml bestaat al\. Kies een andere naam, of overschrijf met --force/);
    expect(fs.readFileSync(path.join(dir, 'bestaat.xml'), 'utf8')).toBe('oud');
    fs.symlinkSync(path.join(dir, 'elders.xml'), path.join(dir, 'link.xml'));
    const link = await gob(dir, ['sepa', 'incasso', '--incassodatum', '2026-11-20', '--out', 'link.xml', '--force'], on('2026-11-12'));
    expect(link.code).toBe(1);
    expect(link.stderr).toMatch(/link\.xml is een symbolische koppeling/);
    expect(fs.existsSync(path.join(dir, 'elders.xml'))).toBe(false);
    expect(await list()).toEqual([]);
    expect(json(await gob(dir, ['betaling', 'list', '--json'], on('2026-11-12')))).toEqual([]);
    fs.rmSync(path.join(dir, 'bestaat.xml'));
    fs.rmSync(path.join(dir, 'link.xml'));
  });

  it('leaves out an ouder whose mandate is signed after the collection date; stores the file; sepa bestand writes it again byte for byte', async () => {
    sql("update ouder set mandaat_datum = '2026-11-25' where code = 'O0004'");
    const r = await gob(dir, ['sepa', 'incasso', '--incassodatum', '2026-11-20', '--out', 'incasso.xml', '--json'], on('2026-11-12'));
    const out = json(r);
    expect(out).toMatchObject({ berichtId: 'GOB-INC-2026-00001', aantal: 3, totaalCent: 98566 + 87845 + 146563 });
    expect(out.incasso.map((i: { ouder: string }) => i.ouder)).toEqual(['O0001', 'O0002', 'O0003']);
    expect(r.stderr).toMatch(
      /ouder O0004 \(.+\) heeft de machtiging getekend op 2026-11-25, na de incassodatum 2026-11-20; € 697,75 niet geïncasseerd/,
    );
    const bytes = fs.readFileSync(path.join(dir, 'incasso.xml'));
    expect(bytes.toString()).not.toContain('O0004');
    expect(fs.statSync(path.join(dir, 'incasso.xml')).mode & 0o777).toBe(0o600);
    expect(await list()).toEqual([
      {
        berichtId: 'GOB-INC-2026-00001',
        soort: 'incasso',
        datum: '2026-11-20',
        aantal: 3,
        totaalCent: 332974,
        bestand: path.join(fs.realpathSync(dir), 'incasso.xml'),
      },
    ]);
    const human = await gob(dir, ['sepa', 'list'], on('2026-11-12'));
    expect(human.stdout).toMatch(/GOB-INC-2026-00001\s+incasso\s+2026-11-20\s+3\s+€ 3\.329,74/);

    expect((await gob(dir, ['sepa', 'bestand', 'GOB-INC-2026-00001', '--out', 'kopie.xml'], on('2026-11-12'))).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'kopie.xml')).equals(bytes)).toBe(true);
    const again = await gob(dir, ['sepa', 'bestand', 'GOB-INC-2026-00001', '--out', 'kopie.xml'], on('2026-11-12'));
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/kopie\.xml bestaat al/);
    expect((await gob(dir, ['sepa', 'bestand', 'GOB-INC-2026-00001', '--out', 'kopie.xml', '--force'], on('2026-11-12'))).code).toBe(0);
    const onbekend = await gob(dir, ['sepa', 'bestand', 'GOB-INC-2026-00099', '--out', 'x.xml'], on('2026-11-12'));
    expect(onbekend.code).toBe(1);
    expect(onbekend.stderr).toMatch(/Er is geen bankbestand met bericht-id GOB-INC-2026-00099/);

    // A second run finds nothing open (the collected invoices are paid): no file, nothing booked.
    const betalingen = json(await gob(dir, ['betaling', 'list', '--json'], on('2026-11-12'))).length;
    const tweede = json(
      await gob(dir, ['sepa', 'incasso', '--incassodatum', '2026-11-23', '--out', 'tweede.xml', '--json'], on('2026-11-12')),
    );
    expect(tweede).toMatchObject({ aantal: 0, berichtId: null, bestand: null });
    expect(fs.existsSync(path.join(dir, 'tweede.xml'))).toBe(false);
    expect(json(await gob(dir, ['betaling', 'list', '--json'], on('2026-11-12')))).toHaveLength(betalingen);
    expect(await list()).toHaveLength(1);
  });

  it('payouts: a date no TARGET2 day or past is exit 2; --uitbetaling picks the date; a payout is never in a second file', async () => {
    const run = json(await gob(dir, ['uitbetaling', 'run', '--datum', '2026-11-24', '--json'], on('2026-11-24')));
    const nummers = run.uitbetalingen.map((u: { nummer: string }) => u.nummer);
    // O0004 was not collected: her gastouder has nothing to be paid yet.
    expect(nummers).toEqual(['U2026-00001', 'U2026-00002']);
    const zaterdag = await gob(dir, ['sepa', 'uitbetaling', '--datum', '2026-11-28', '--out', 'u.xml'], on('2026-11-24'));
    expect(zaterdag.code).toBe(2);
    expect(zaterdag.stderr).toMatch(
      /--datum: 2026-11-28 is een zaterdag, geen TARGET2-dag.*De eerstvolgende mogelijke uitvoerdatum is 2026-11-30/,
    );
    const verleden = await gob(dir, ['sepa', 'uitbetaling', '--datum', '2026-11-24', '--out', 'u.xml'], on('2026-11-25'));
    expect(verleden.code).toBe(2);
    expect(verleden.stderr).toMatch(/2026-11-24 ligt voor vandaag \(2026-11-25\).*2026-11-25.*--uitbetaling/);
    const ver = await gob(dir, ['sepa', 'uitbetaling', '--datum', '2062-11-24', '--out', 'u.xml'], on('2026-11-24'));
    expect(ver.code).toBe(2);
    expect(ver.stderr).toMatch(/--datum: 2062-11-24 ligt meer dan een jaar na vandaag/);

    // --uitbetaling: the first TARGET2 day on or after today and the payouts' date (Saturday → Monday).
    const een = json(
      await gob(dir, ['sepa', 'uitbetaling', '--uitbetaling', 'U2026-00001', '--out', 'u1.xml', '--json'], on('2026-11-28')),
    );
    expect(een).toMatchObject({ berichtId: 'GOB-UIT-2026-00001', uitvoerdatum: '2026-11-30', uitbetalingen: ['U2026-00001'] });
    expect(fs.readFileSync(path.join(dir, 'u1.xml'), 'utf8')).toMatch(/<ReqdExctnDt>\s*<Dt>2026-11-30<\/Dt>/);

    // --datum of a day partly in a file: the rest, naming what is left out and where it is.
    const rest = await gob(dir, ['sepa', 'uitbetaling', '--datum', '2026-11-24', '--out', 'u2.xml', '--json'], on('2026-11-24'));
    expect(json(rest)).toMatchObject({ berichtId: 'GOB-UIT-2026-00002', uitvoerdatum: '2026-11-24', uitbetalingen: ['U2026-00002'] });
    expect(rest.stderr).toMatch(/U2026-00001 staat in GOB-UIT-2026-00001/);

    const nogmaals = await gob(dir, ['sepa', 'uitbetaling', '--datum', '2026-11-24', '--out', 'u3.xml'], on('2026-11-24'));
    expect(nogmaals.code).toBe(1);
    expect(nogmaals.stderr).toMatch(
      /U2026-00002 staat in GOB-UIT-2026-00002.*'gob sepa bestand GOB-UIT-2026-00001 --out <bestand>'.*Er is niets geboekt/,
    );
    const expliciet = await gob(dir, ['sepa', 'uitbetaling', '--uitbetaling', 'U2026-00002', '--out', 'u3.xml'], on('2026-11-24'));
    expect(expliciet.code).toBe(1);
    expect(expliciet.stderr).toMatch(/U2026-00002 staat in GOB-UIT-2026-00002\. .*'gob sepa bestand GOB-UIT-2026-00002 --out <bestand>'/);
    expect(fs.existsSync(path.join(dir, 'u3.xml'))).toBe(false);
    expect((await list()).map((b: { berichtId: string }) => b.berichtId)).toEqual([
      'GOB-INC-2026-00001',
      'GOB-UIT-2026-00001',
      'GOB-UIT-2026-00002',
    ]);
  });

  it('betaling add dated after today is refused (exit 2), booking nothing', async () => {
    const before = json(await gob(dir, ['betaling', 'list', '--json'], on('2026-11-24'))).length;
    const r = await gob(dir, ['betaling', 'add', '--ouder', 'O0005', '--bedrag', '10,00', '--datum', '2026-11-25'], on('2026-11-24'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--datum: 2026-11-25 ligt na vandaag \(2026-11-24\)/);
    expect(json(await gob(dir, ['betaling', 'list', '--json'], on('2026-11-24')))).toHaveLength(before);
  });

  it('a mandate id that the XML would cut or change is refused, naming the ouder; nothing is collected', async () => {
    // As a database from before the input bounds could hold them.
    for (const mandaat of ['ä&<', 'M'.repeat(60), ' MND-4']) {
      sql(`update ouder set mandaat_datum = '2026-01-01', mandaat = '${mandaat}' where code = 'O0004'`);
      const r = await gob(dir, ['sepa', 'incasso', '--incassodatum', '2026-11-27', '--out', 'm.xml'], on('2026-11-24'));
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`ouder O0004 (`);
      expect(r.stderr).toContain(`mandaat ${JSON.stringify(mandaat)}`);
      expect(r.stderr).toMatch(/Er is niets geïncasseerd/);
      expect(fs.existsSync(path.join(dir, 'm.xml'))).toBe(false);
    }
    expect(await list()).toHaveLength(3);
  });

  // BR18… passes ISO 13616, but no bank collects from it by SEPA: it went into the file, the
  // invoice counted as paid, and the bank refused the collection.
  it('an ouder with an IBAN outside the SEPA area is left out with a warning, as one without a mandate', async () => {
    const { iban } = (await json(await gob(dir, ['ouder', 'show', 'O0004', '--json'], on('2026-11-24')))) as { iban: string };
    sql("update ouder set mandaat_datum = '2026-01-01', mandaat = 'MND-4', iban = 'BR1800360305000010009795493C1' where code = 'O0004'");
    const r = await gob(dir, ['sepa', 'incasso', '--incassodatum', '2026-11-27', '--out', 'br.xml'], on('2026-11-24'));
    expect(r.stderr).toMatch(
      /ouder O0004 \(.+\) heeft een IBAN van buiten het SEPA-gebied \(BR\), waarvan niet geïncasseerd kan worden; € 697,75 niet geïncasseerd/,
    );
    expect(fs.existsSync(path.join(dir, 'br.xml')) ? fs.readFileSync(path.join(dir, 'br.xml'), 'utf8') : '').not.toContain('BR18');
    expect(await list()).toHaveLength(3);
    sql(`update ouder set iban = '${iban}' where code = 'O0004'`);
  });

  // A mandate id is matched by the bank with one signed mandate: a second ouder under it was
  // collected under the first one's mandate.
  it('a mandate id belongs to one ouder: edit refuses it, and an incasso refuses a database that has it twice', async () => {
    const { mandaat } = (await json(await gob(dir, ['ouder', 'show', 'O0001', '--json'], on('2026-11-24')))) as { mandaat: string };
    const edit = await gob(dir, ['ouder', 'edit', 'O0004', '--mandaat', mandaat], on('2026-11-24'));
    expect(edit.code).toBe(1);
    expect(edit.stderr).toMatch(new RegExp(`mandaat-id "${mandaat}" is al van ouder O0001; een machtiging hoort bij één ouder`));
    const { mandaat: eigen } = (await json(await gob(dir, ['ouder', 'show', 'O0004', '--json'], on('2026-11-24')))) as { mandaat: string };
    sql(`update ouder set mandaat_datum = '2026-01-01', mandaat = '${mandaat}' where code = 'O0004'`);
    const r = await gob(dir, ['sepa', 'incasso', '--incassodatum', '2026-11-27', '--out', 'dubbel.xml'], on('2026-11-24'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`ouder O0004 \\(.+\\): mandaat "${mandaat}", ook van O0001.*Er is niets geïncasseerd`));
    expect(fs.existsSync(path.join(dir, 'dubbel.xml'))).toBe(false);
    expect(await list()).toHaveLength(3);
    sql(`update ouder set mandaat = '${eigen}' where code = 'O0004'`);
    // Given up by O0001 and taken by O0004: collected under it before, so O0004's first collection
    // would have been RCUR under O0001's signed mandate.
    expect((await gob(dir, ['ouder', 'edit', 'O0001', '--mandaat', 'MND-NIEUW-1'], on('2026-11-24'))).code).toBe(0);
    const overgenomen = await gob(dir, ['ouder', 'edit', 'O0004', '--mandaat', mandaat], on('2026-11-24'));
    expect(overgenomen.code).toBe(1);
    expect(overgenomen.stderr).toMatch(new RegExp(`mandaat-id "${mandaat}" is eerder gebruikt voor incasso bij ouder O0001`));
    // In an import the same, and two rows with one id: the later line is named, once, at the end.
    const file = path.join(dir, 'mandaten.csv');
    fs.writeFileSync(file, `code;naam;mandaat\r\nO0004;Vier;${mandaat}\r\nO0002;Twee;MND-DUBBEL\r\nO0003;Drie;MND-DUBBEL\r\n`);
    const imp = await gob(dir, ['ouder', 'import', file], on('2026-11-24'));
    expect(imp.code).toBe(1);
    expect(imp.stderr).toMatch(new RegExp(`regel 2: mandaat: mandaat-id "${mandaat}" is eerder gebruikt voor incasso bij ouder O0001`));
    expect(imp.stderr).toMatch(/regel 4: mandaat: mandaat-id "MND-DUBBEL" is al van ouder O0002/);
    expect(imp.stderr).not.toMatch(/regel 3:/);
  });

  it('a file that cannot be written after the commit: exit 1 naming the booking and how to write it again', async () => {
    sql("update ouder set mandaat = 'MND-O0004' where code = 'O0004'");
    const store = await openDatabase(path.join(dir, 'data', 'gob.sqlite'));
    const out = path.join(dir, 'later.xml');
    const deps = {
      db: store.db,
      sqlite: store.sqlite,
      today: '2026-11-24',
      now: '2026-11-24T10:00:00.000Z',
      user: 't',
      command: 'sepa incasso',
      dbFile: store.file,
      out: quietOutput(),
      prompts: null,
      yes: false,
      // Someone else creates the file between the commit and the write.
      stop: (at: string) => {
        if (at === 'vastgelegd') fs.writeFileSync(out, 'van een ander');
      },
    };
    try {
      await expect(sepaIncasso({ incassodatum: '2026-11-27', out }, deps)).rejects.toThrow(
        `De boeking is gemaakt onder GOB-INC-2026-00002, maar het bestand ${out} is niet geschreven: ${out} bestaat al. Kies een andere naam, of overschrijf met --force. Schrijf het bestand opnieuw met 'gob sepa bestand GOB-INC-2026-00002 --out ${out}'.`,
      );
    } finally {
      await store.close();
    }
    expect(fs.readFileSync(out, 'utf8')).toBe('van een ander');
    expect((await list()).find((b: { berichtId: string }) => b.berichtId === 'GOB-INC-2026-00002')).toMatchObject({
      berichtId: 'GOB-INC-2026-00002',
      aantal: 1,
      totaalCent: 69775,
    });
    expect((await gob(dir, ['sepa', 'bestand', 'GOB-INC-2026-00002', '--out', 'later-2.xml'], on('2026-11-24'))).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'later-2.xml'), 'utf8')).toContain('<MndtId>MND-O0004</MndtId>');
  });
});
