// CONTRACT §13: encrypted backups and `gob herstel`, on the demo bureau with invoices.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TODAY, demoBureau } from '../demo.js';
import { gob } from '../helpers.js';
import { gobAtTerminal, PYTHON } from '../terminal.js';

const WACHTWOORD = { ...DEMO_TODAY, GOB_BACKUP_WACHTWOORD: 'paard batterij nietje' };

/** Every noun's list, as JSON with BSNs in full: what a restore must give back unchanged. */
const LISTS = [
  ['bureau', 'show'],
  ['gastouder', 'list', '--toon-bsn'],
  ['ouder', 'list', '--toon-bsn'],
  ['kind', 'list', '--toon-bsn'],
  ['koppeling', 'list'],
  ['rooster', 'list'],
  ['urenkaart', 'list', '--maand', '2026-10'],
  ['factuur', 'list'],
  ['betaling', 'list'],
  ['uitbetaling', 'list'],
  ['sepa', 'list'],
  ['jaaropgave', 'list'],
  ['afwezigheid', 'list'],
  ['huisgenoot', 'list'],
  ['bezoek', 'list'],
];

async function lists(dir: string, db: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const args of LISTS) {
    const r = await gob(dir, ['--db', db, '--json', ...args], DEMO_TODAY);
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    out[args.slice(0, 2).join(' ')] = r.stdout;
  }
  return out;
}

/** The files of a folder other than `keep`: a refusal must leave no temporary file behind. */
const extra = (dir: string, keep: string[]) => fs.readdirSync(dir).filter((f) => !keep.includes(f));

describe('gob backup --versleuteld and gob herstel', () => {
  let dir: string;
  let db: string;
  let secrets: string[];
  beforeAll(async () => {
    dir = await demoBureau({ facturen: true });
    db = path.join(dir, 'data', 'gob.sqlite');
    expect((await gob(dir, ['sepa', 'incasso', '--incassodatum', '2026-11-20', '--out', 'incasso.xml'], DEMO_TODAY)).code).toBe(0);
    const people = [
      ...JSON.parse((await gob(dir, ['--json', 'gastouder', 'list'], DEMO_TODAY)).stdout),
      ...JSON.parse((await gob(dir, ['--json', 'ouder', 'list', '--toon-bsn'], DEMO_TODAY)).stdout),
      ...JSON.parse((await gob(dir, ['--json', 'kind', 'list', '--toon-bsn'], DEMO_TODAY)).stdout),
    ] as { naam: string; bsn?: string | null; iban?: string | null }[];
    secrets = people.flatMap((p) => [p.naam, p.bsn, p.iban].filter((v): v is string => Boolean(v)));
    expect(secrets.length).toBeGreaterThan(20);
  }, 60_000);

  it('writes no byte of a name, BSN or IBAN, and restores every list exactly', async () => {
    const plain = await gob(dir, ['backup', 'plain.sqlite'], DEMO_TODAY);
    expect(plain.code, plain.stderr).toBe(0);
    const plainBytes = fs.readFileSync(path.join(dir, 'plain.sqlite'));
    // The check below finds what is there: the plain copy holds every one of them.
    for (const s of secrets) expect(plainBytes.includes(Buffer.from(s, 'utf8')), s).toBe(true);

    const r = await gob(dir, ['backup', 'usb/gob.gobbak', '--versleuteld'], WACHTWOORD);
    expect(r.code).toBe(1); // the folder of a backup is never created (an unmounted stick)
    fs.mkdirSync(path.join(dir, 'usb'));
    const ok = await gob(dir, ['backup', 'usb/gob.gobbak', '--versleuteld'], WACHTWOORD);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/Versleutelde backup \(AES-256-GCM\) geschreven naar usb\/gob\.gobbak/);
    const file = path.join(dir, 'usb', 'gob.gobbak');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 12)).toEqual(Buffer.from([...Buffer.from('GOBBAK\r\n', 'latin1'), 1, 17, 8, 1]));
    for (const s of secrets) {
      expect(bytes.includes(Buffer.from(s, 'utf8')), s).toBe(false);
      expect(bytes.includes(Buffer.from(s, 'utf16le')), s).toBe(false);
    }
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    // The plain copy was made beside the database and is gone; nothing else beside the backup.
    expect(extra(path.join(dir, 'data'), ['gob.sqlite', 'gob.sqlite-wal', 'gob.sqlite-shm'])).toEqual([]);
    expect(fs.readdirSync(path.join(dir, 'usb'))).toEqual(['gob.gobbak']);
    // The passphrase is never in the log.
    const log = await gob(dir, ['--json', 'log', '--limit', '5'], DEMO_TODAY);
    expect(log.stdout).toContain('versleutelde backup gemaakt: usb/gob.gobbak');
    expect(log.stdout).not.toContain(WACHTWOORD.GOB_BACKUP_WACHTWOORD);

    const before = await lists(dir, 'data/gob.sqlite');
    const back = await gob(dir, ['herstel', 'usb/gob.gobbak', '--naar', 'terug/gob.sqlite'], WACHTWOORD);
    expect(back.code, back.stderr).toBe(0);
    expect(back.stdout).toMatch(/teruggezet in terug\/gob\.sqlite/);
    expect(fs.statSync(path.join(dir, 'terug', 'gob.sqlite')).mode & 0o777).toBe(0o600);
    expect(await lists(dir, 'terug/gob.sqlite')).toEqual(before);
    expect(extra(path.join(dir, 'terug'), ['gob.sqlite'])).toEqual([]);

    // A plain backup restores the same way.
    const plainBack = await gob(dir, ['herstel', 'plain.sqlite', '--naar', 'terug/plain.sqlite'], DEMO_TODAY);
    expect(plainBack.code, plainBack.stderr).toBe(0);
    expect(await lists(dir, 'terug/plain.sqlite')).toEqual(before);
    expect(db).toBeTruthy();
  }, 60_000);

  it('refuses a wrong passphrase, a changed byte anywhere, an existing target and a foreign file, writing nothing', async () => {
    const file = path.join(dir, 'usb', 'gob.gobbak');
    const refused = async (backup: string, naar: string, env: Record<string, string>, message: RegExp) => {
      const r = await gob(dir, ['herstel', backup, '--naar', naar], env);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(fs.existsSync(path.join(dir, naar))).toBe(false);
    };
    fs.mkdirSync(path.join(dir, 'leeg'));
    const wrong =
      /kan niet worden ontsleuteld: het wachtwoord is onjuist, of het bestand is veranderd of beschadigd.*Er is niets geschreven\./;
    await refused('usb/gob.gobbak', 'leeg/a.sqlite', { ...DEMO_TODAY, GOB_BACKUP_WACHTWOORD: 'paard batterij nietjes' }, wrong);

    const bytes = fs.readFileSync(file);
    // A byte of the salt (the header is authenticated), of the ciphertext and of the tag.
    for (const at of [12, Math.floor(bytes.length / 2), bytes.length - 1]) {
      const changed = Buffer.from(bytes);
      changed[at] = changed[at]! ^ 0x01;
      fs.writeFileSync(path.join(dir, 'leeg', 'kapot.gobbak'), changed);
      await refused('leeg/kapot.gobbak', 'leeg/a.sqlite', WACHTWOORD, wrong);
    }
    // The scrypt parameters are authenticated too, but first bounded: a file may not ask for 2^40 work.
    const costly = Buffer.from(bytes);
    costly[9] = 40;
    fs.writeFileSync(path.join(dir, 'leeg', 'kapot.gobbak'), costly);
    await refused('leeg/kapot.gobbak', 'leeg/a.sqlite', WACHTWOORD, /geen leesbare versleutelde backup/);
    fs.writeFileSync(path.join(dir, 'leeg', 'kapot.gobbak'), bytes.subarray(0, 30));
    await refused('leeg/kapot.gobbak', 'leeg/a.sqlite', WACHTWOORD, /geen leesbare versleutelde backup/);
    fs.writeFileSync(path.join(dir, 'leeg', 'kapot.gobbak'), 'code;naam\n');
    await refused('leeg/kapot.gobbak', 'leeg/a.sqlite', WACHTWOORD, /is geen backup van gob/);
    expect(fs.readdirSync(path.join(dir, 'leeg'))).toEqual(['kapot.gobbak']);

    // A backup is never written over the live database or its WAL file, not even with --force.
    const before = fs.readFileSync(db);
    for (const [target, said] of [
      ['data/gob.sqlite', /data\/gob\.sqlite is de database zelf; een backup daaroverheen vervangt de database/],
      ['data/../data/gob.sqlite-wal', /is een werkbestand van de database \(gob\.sqlite-wal\)/],
    ] as const) {
      const r = await gob(dir, ['backup', target, '--force'], DEMO_TODAY);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(said);
    }
    expect(fs.readFileSync(db).equals(before)).toBe(true);
    expect(extra(path.join(dir, 'data'), ['gob.sqlite', 'gob.sqlite-wal', 'gob.sqlite-shm'])).toEqual([]);

    // An existing database is never the target, with or without --force.
    const bestaand = await gob(dir, ['herstel', 'usb/gob.gobbak', '--naar', 'data/gob.sqlite'], WACHTWOORD);
    expect(bestaand.code).toBe(1);
    expect(bestaand.stderr).toMatch(/data\/gob\.sqlite bestaat al\. 'gob herstel' zet een backup alleen terug in een nieuw bestand/);
    expect((await gob(dir, ['herstel', 'usb/gob.gobbak', '--naar', 'x.sqlite', '--force'], WACHTWOORD)).code).toBe(2);
    expect((await gob(dir, ['herstel', 'bestaat-niet.gobbak', '--naar', 'x.sqlite'], WACHTWOORD)).code).toBe(1);
    // A PostgreSQL server is not a file to restore into (it would have become a folder 'postgres:').
    const server = await gob(dir, ['herstel', 'usb/gob.gobbak', '--naar', 'postgres://anna:geheim@db.example/gob'], WACHTWOORD);
    expect(server.code).toBe(2);
    expect(server.stderr).toMatch(/--naar: db\.example:5432\/gob is een PostgreSQL-database; herstel maakt een nieuw SQLite-bestand/);
    expect(server.stderr).not.toContain('geheim');
    expect(fs.existsSync(path.join(dir, 'postgres:'))).toBe(false);
    // No passphrase outside a terminal: usage, naming the variable.
    const geen = await gob(dir, ['herstel', 'usb/gob.gobbak', '--naar', 'x.sqlite'], DEMO_TODAY);
    expect(geen.code).toBe(2);
    expect(geen.stderr).toMatch(/GOB_BACKUP_WACHTWOORD/);
    expect(fs.existsSync(path.join(dir, 'x.sqlite'))).toBe(false);
  }, 60_000);

  it('refuses a passphrase under 12 characters writing nothing', async () => {
    const kort = await gob(dir, ['backup', 'kort.gobbak', '--versleuteld'], { ...DEMO_TODAY, GOB_BACKUP_WACHTWOORD: 'elf tekens!' });
    expect(kort.code).toBe(1);
    expect(kort.stderr).toMatch(/GOB_BACKUP_WACHTWOORD is te kort: een backup-wachtwoord heeft minstens 12 tekens/);
    expect(kort.stderr).not.toContain('elf tekens!');
    expect(fs.existsSync(path.join(dir, 'kort.gobbak'))).toBe(false);
    // Twelve spaces are twelve characters, and protect nothing.
    const spaties = await gob(dir, ['backup', 'kort.gobbak', '--versleuteld'], { ...DEMO_TODAY, GOB_BACKUP_WACHTWOORD: ' '.repeat(14) });
    expect(spaties.code).toBe(1);
    expect(spaties.stderr).toMatch(/is te kort/);
    expect(fs.existsSync(path.join(dir, 'kort.gobbak'))).toBe(false);
    // An existing target is refused before any passphrase is asked or needed.
    const bestaat = await gob(dir, ['backup', 'plain.sqlite', '--versleuteld'], DEMO_TODAY);
    expect(bestaat.code).toBe(1);
    expect(bestaat.stderr).toMatch(/plain\.sqlite bestaat al/);
    const geen = await gob(dir, ['backup', 'geen.gobbak', '--versleuteld'], DEMO_TODAY);
    expect(geen.code).toBe(2);
    expect(fs.existsSync(path.join(dir, 'geen.gobbak'))).toBe(false);
  }, 60_000);

  it.skipIf(!PYTHON)(
    'at a terminal the passphrase is asked with hidden input, twice for a new backup',
    async () => {
      const geheim = 'twaalf tekens of meer';
      const r = gobAtTerminal(
        dir,
        ['backup', 'tty.gobbak', '--versleuteld'],
        [
          { wait: 'Wachtwoord van de backup', keys: 'qwxz\r' },
          { wait: 'Te kort. Wachtwoord van minstens 12 tekens', keys: `${geheim}\r` },
          { wait: 'Nogmaals', keys: `${geheim}\r` },
          { wait: 'geschreven naar tty.gobbak', keys: '' },
        ],
        DEMO_TODAY,
      );
      expect(r.code, r.screen).toBe(0);
      expect(r.screen).not.toContain(geheim);
      const verschil = gobAtTerminal(
        dir,
        ['backup', 'tty2.gobbak', '--versleuteld'],
        [
          { wait: 'Wachtwoord van de backup', keys: `${geheim}\r` },
          { wait: 'Nogmaals', keys: `${geheim}!\r` },
        ],
        DEMO_TODAY,
      );
      expect(verschil.code).toBe(1);
      expect(verschil.screen).toMatch(/De twee wachtwoorden verschillen/);
      expect(fs.existsSync(path.join(dir, 'tty2.gobbak'))).toBe(false);
      const terug = gobAtTerminal(
        dir,
        ['herstel', 'tty.gobbak', '--naar', 'tty.sqlite'],
        [
          { wait: 'Wachtwoord van de backup', keys: `${geheim}\r` },
          { wait: 'teruggezet in tty.sqlite', keys: '' },
        ],
        DEMO_TODAY,
      );
      expect(terug.code, terug.screen).toBe(0);
      expect(terug.screen).not.toContain('Nogmaals');
      expect(fs.existsSync(path.join(dir, 'tty.sqlite'))).toBe(true);
    },
    60_000,
  );
});
