// What the operating system and SQLite refuse, files written, and interrupts, through the built
// CLI (CONTRACT §1 "Exit codes", "Files written"). A full disk is a small tmpfs and a read-only
// file or folder a read-only bind mount, each in a private mount namespace (`unshare -m`) that
// vanishes with the command: the tests run as root, for whom chmod makes nothing read-only.
// Ctrl-C and Ctrl-D are typed at a real prompt under a pseudo-terminal (python3's pty module).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TODAY, demo, demoBureau, invoicedBenchBureau } from '../demo.js';
import { GOB, type GobResult, gob, gobProcess, tempDir } from '../helpers.js';
import { gobAtTerminal, PYTHON } from '../terminal.js';

function env(extra: Record<string, string> = {}): Record<string, string> {
  const e = { ...process.env } as Record<string, string>;
  delete e.GOB_DB;
  delete e.CI;
  return { ...e, NO_COLOR: '1', GOB_TODAY: '2026-11-23', ...extra };
}

/** Can this machine make private mounts (root with CAP_SYS_ADMIN, unshare present)? */
const MOUNTS = (() => {
  const dir = tempDir('gob-mount-probe-');
  const r = spawnSync('unshare', ['-m', 'sh', '-c', `mount -t tmpfs -o size=64k tmpfs "${dir}" && mount --bind -o ro "${dir}" "${dir}"`]);
  return r.status === 0;
})();
// The one reason to skip: the machine cannot make a full or read-only disk for the test.
if (!MOUNTS)
  console.warn(
    'fouten.test.ts: full and read-only disks skipped: needs private mounts (unshare -m, mount -t tmpfs), i.e. root with CAP_SYS_ADMIN',
  );

/**
 * Run gob in a private mount namespace: `setup` (shell) makes the mounts, then gob runs, then
 * `after` (shell) looks at the result while the mounts still exist; its output is `after`.
 */
function gobMounted(
  cwd: string,
  setup: string,
  args: string[],
  after = 'true',
  extra: Record<string, string> = {},
): GobResult & { after: string } {
  const io = tempDir('gob-io-');
  const [out, err, rc, look] = ['out', 'err', 'rc', 'after'].map((f) => path.join(io, f)) as [string, string, string, string];
  const script = `set -e\n${setup}\nset +e\n"$0" "$@" >"${out}" 2>"${err}"; echo $? >"${rc}"\n(${after}) >"${look}" 2>&1`;
  const r = spawnSync('unshare', ['-m', 'sh', '-c', script, process.execPath, GOB, ...args], { cwd, env: env(extra), encoding: 'utf8' });
  expect(r.status, `setup failed: ${r.stderr}`).toBe(0);
  const read = (f: string) => fs.readFileSync(f, 'utf8');
  return { code: Number(read(rc)), stdout: read(out), stderr: read(err), after: read(look) };
}

/** A tmpfs of `kb` at `folder` (made first), filled up to the last byte. */
const fullDisk = (folder: string, kb = 64) =>
  `mkdir -p ${folder}; mount -t tmpfs -o size=${kb}k tmpfs ${folder}; dd if=/dev/zero of=${folder}/.vol bs=1k count=${kb * 2} 2>/dev/null || true`;

/** Dutch, with the cause, and no trace of a bug. */
function refused(r: GobResult, message: RegExp): void {
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/Interne fout|bug|Error|SQLITE_|E[A-Z]{3,}/);
  expect(r.code, r.stderr).toBe(1);
}

describe('the database file: each OS and SQLite refusal is a Dutch refusal (exit 1)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    expect((await gob(dir, ['init', '--naam', 'Bureau'])).code).toBe(0);
    expect((await gob(dir, ['gastouder', 'add', '--naam', 'Anna', '--geboortedatum', '1980-01-01'])).code).toBe(0);
  });
  const ADD = ['gastouder', 'add', '--naam', 'Bea', '--geboortedatum', '1981-01-01'];

  it('--db pointing at a folder, for a command and for init', async () => {
    fs.mkdirSync(path.join(dir, 'map.sqlite'));
    refused(
      await gob(dir, ['--db', 'map.sqlite', 'gastouder', 'list']),
      /De database map\.sqlite is een map, geen bestand\. Geef het databasebestand met --db/,
    );
    refused(await gob(dir, ['--db', 'map.sqlite', 'init']), /is een map/);
  });

  it('--db pointing at a file that is not SQLite, for a command and for init', async () => {
    fs.writeFileSync(
      path.join(dir, 'brief.txt'),
      'Beste ouders, dit is geen database maar een brief van ruim honderd tekens lang, zodat SQLite de kop leest.\n'.repeat(5),
    );
    refused(await gob(dir, ['--db', 'brief.txt', 'gastouder', 'list']), /brief\.txt is geen gob-database.*--db/);
    refused(await gob(dir, ['--db', 'brief.txt', 'init']), /brief\.txt is geen gob-database/);
    expect(fs.readFileSync(path.join(dir, 'brief.txt'), 'utf8')).toMatch(/^Beste ouders/);
  });

  it.runIf(fs.existsSync('/proc/self'))('a folder that can never be made (under /proc) is refused, not a hang', async () => {
    // Node's recursive mkdir spun there at full CPU for good.
    refused(
      await gob(dir, ['--db', '/proc/gob-bestaat-niet/g.sqlite', 'init']),
      /\/proc\/gob-bestaat-niet\/g\.sqlite kan niet gebruikt worden: de map bestaat niet/,
    );
  });

  it('--db a link to nothing: init says so (it said "overschrijf met --force", which init does not have)', async () => {
    fs.symlinkSync(path.join(dir, 'weg.sqlite'), path.join(dir, 'link.sqlite'));
    refused(
      await gob(dir, ['--db', 'link.sqlite', 'init']),
      /De database link\.sqlite is een symbolische koppeling naar .*weg\.sqlite, en dat bestand bestaat niet\. .*Er is niets aangemaakt/,
    );
    expect(fs.existsSync(path.join(dir, 'weg.sqlite'))).toBe(false);
  });

  it("another program's SQLite database: refused by a command and by init, which adds nothing to it", async () => {
    const other = new SQLite(path.join(dir, 'ander.db'));
    other.exec("create table klanten (naam text); insert into klanten values ('Jansen')");
    other.close();
    refused(
      await gob(dir, ['--db', 'ander.db', 'gastouder', 'list']),
      /ander\.db is geen gob-database: er staan al tabellen van een ander programma in \(klanten\)/,
    );
    refused(
      await gob(dir, ['--db', 'ander.db', 'init']),
      /ander\.db is geen gob-database.*kies een andere met --db\. Er is niets gewijzigd/,
    );
    const after = new SQLite(path.join(dir, 'ander.db'));
    expect(after.prepare("select name from sqlite_master where type = 'table'").pluck().all()).toEqual(['klanten']);
    after.close();
  });

  it('a database of a newer gob, for a command and for init, which leaves it as it is', async () => {
    fs.copyFileSync(path.join(dir, 'data', 'gob.sqlite'), path.join(dir, 'nieuw.sqlite'));
    const sqlite = new SQLite(path.join(dir, 'nieuw.sqlite'));
    sqlite.prepare("insert into kysely_migration (name, timestamp) values ('9999_later', '2030-01-01')").run();
    sqlite.close();
    refused(await gob(dir, ['--db', 'nieuw.sqlite', 'gastouder', 'list']), /nieuwere versie van gob \(9999_later\)\. Werk gob bij/);
    refused(await gob(dir, ['--db', 'nieuw.sqlite', 'init']), /nieuwere versie van gob/);
  });

  it.skipIf(!MOUNTS)('a read-only database file: reading works, a change is refused naming the file and the fix', () => {
    const ro = 'mount --bind -o ro data/gob.sqlite data/gob.sqlite';
    const r = gobMounted(dir, ro, ADD, `"$0" ${GOB} gastouder list --json`);
    refused(r, /De database data\/gob\.sqlite is alleen-lezen.*Geef schrijfrechten op het bestand, of werk met een kopie/);
    expect(JSON.parse(r.after)).toHaveLength(1); // read under the same mount, and nothing stored
  });

  // SQLite gives -wal and -shm the database's rights and cannot remove them after reading a database
  // it may not write: made writable again, gob.sqlite was still refused, naming only itself.
  it.skipIf(!MOUNTS)('-wal and -shm left without write rights beside a writable database: named, with the fix', () => {
    const ro = [
      'touch data/gob.sqlite-wal data/gob.sqlite-shm',
      'mount --bind -o ro data/gob.sqlite-wal data/gob.sqlite-wal',
      'mount --bind -o ro data/gob.sqlite-shm data/gob.sqlite-shm',
    ].join('; ');
    const r = gobMounted(dir, ro, ADD);
    for (const side of ['-wal', '-shm']) fs.rmSync(path.join(dir, 'data', `gob.sqlite${side}`), { force: true });
    refused(
      r,
      /De database data\/gob\.sqlite kan niet geschreven worden: naast hem staan data\/gob\.sqlite-wal en data\/gob\.sqlite-shm zonder schrijfrechten.*chmod 600 data\/gob\.sqlite-wal data\/gob\.sqlite-shm/,
    );
  });

  it.skipIf(!MOUNTS)('a read-only folder (or disk) with the database: named, with the fix', () => {
    const r = gobMounted(dir, 'mount --bind -o ro data data', ADD);
    refused(r, /De map .*\/data van de database is alleen-lezen.*Geef schrijfrechten op de map/);
  });

  it.skipIf(!MOUNTS)('a full disk under the database during an import: the cause is named and nothing is stored', () => {
    const rows = Array.from({ length: 400 }, (_, i) => `Gastouder ${i} met een naam die ruimte vraagt;01-01-1980`);
    fs.writeFileSync(path.join(dir, 'veel.csv'), ['naam;geboortedatum', ...rows].join('\n'));
    // The database on a small disk, with only 40 kB left (whatever size the schema has grown to).
    const setup =
      'mkdir -p vol; mount -t tmpfs -o size=1m tmpfs vol; cp data/gob.sqlite vol/; dd if=/dev/zero of=vol/.vol bs=1k count=$(( $(df -k --output=avail vol | tail -1) - 40 )) 2>/dev/null';
    const r = gobMounted(
      dir,
      setup,
      ['--db', 'vol/gob.sqlite', 'gastouder', 'import', 'veel.csv'],
      `"$0" ${GOB} --db vol/gob.sqlite gastouder list --json`,
    );
    refused(r, /De schijf van de database vol\/gob\.sqlite is vol\. Er is niets opgeslagen; maak ruimte vrij/);
    expect(JSON.parse(r.after)).toHaveLength(1);
  });

  // With room for part of the schema, SQLite rolled the migrations' transaction back itself, and
  // Kysely's ROLLBACK after it ('no transaction is active') was reported as a bug (exit 70).
  it.skipIf(!MOUNTS)('init on a disk that fills up halfway through the schema: the full disk is named, nothing is left', () => {
    const setup =
      'mkdir -p vol; mount -t tmpfs -o size=1m tmpfs vol; dd if=/dev/zero of=vol/.vol bs=1k count=$(( $(df -k --output=avail vol | tail -1) - 160 )) 2>/dev/null';
    const r = gobMounted(dir, setup, ['--db', 'vol/nieuw.sqlite', 'init', '--naam', 'Bureau'], 'ls -a vol');
    refused(r, /De schijf van de database vol\/nieuw\.sqlite is vol\. Er is niets opgeslagen; maak ruimte vrij/);
    expect(r.after.split('\n').filter((f) => f.startsWith('nieuw'))).toEqual([]);
  });
});

const listing = (folder: string) => (fs.existsSync(folder) ? fs.readdirSync(folder).sort() : []);
const INVOICES = ['2026-00001.pdf', '2026-00002.pdf', '2026-00003.pdf', '2026-00004.pdf', '2026-00005.pdf'];

describe('files written: no overwrite without --force, no symbolic links, complete or not at all, 0600', () => {
  let dir: string;
  const run = async (args: string[], extra: Record<string, string> = {}) => await gob(dir, args, { ...DEMO_TODAY, ...extra });
  beforeAll(async () => {
    dir = await demoBureau({ facturen: true });
  });

  it('factuur pdf: an existing PDF refuses the whole batch before anything is written; --force replaces', async () => {
    expect((await run(['factuur', 'pdf', '--maand', '2026-10', '--out', 'f'])).code).toBe(0);
    expect(listing(path.join(dir, 'f'))).toEqual(INVOICES);
    for (const file of INVOICES) expect(fs.statSync(path.join(dir, 'f', file)).mode & 0o777).toBe(0o600);
    fs.rmSync(path.join(dir, 'f', '2026-00003.pdf'));
    refused(
      await run(['factuur', 'pdf', '--maand', '2026-10', '--out', 'f']),
      /f\/2026-00001\.pdf bestaat al\. Kies een andere naam, of overschrijf met --force/,
    );
    expect(listing(path.join(dir, 'f'))).not.toContain('2026-00003.pdf'); // checked first: nothing written
    expect((await run(['factuur', 'pdf', '--maand', '2026-10', '--out', 'f', '--force'])).code).toBe(0);
    expect(listing(path.join(dir, 'f'))).toEqual(INVOICES); // and no temporary files beside them
  });

  it('a symbolic link at a target is refused and not followed, for every command that writes a file', async () => {
    const elsewhere = path.join(dir, 'elders.bin');
    fs.mkdirSync(path.join(dir, 'l'));
    fs.symlinkSync(elsewhere, path.join(dir, 'l', '2026-00004.pdf'));
    for (const name of ['c.pdf', 'b.sqlite', 'cert.p12']) fs.symlinkSync(elsewhere, path.join(dir, 'l', name));
    refused(
      await run(['factuur', 'pdf', '--maand', '2026-10', '--out', 'l', '--force']),
      /l\/2026-00004\.pdf is een symbolische koppeling/,
    );
    refused(
      await run(['contract', 'pdf', '--koppeling', 'KP0001', '--out', 'l/c.pdf', '--force']),
      /l\/c\.pdf is een symbolische koppeling/,
    );
    refused(await run(['backup', 'l/b.sqlite', '--force']), /l\/b\.sqlite is een symbolische koppeling/);
    refused(
      await run(['bureau', 'certificaat-maken', '--out', 'l/cert.p12', '--force'], { GOB_CERTIFICAAT_WACHTWOORD: 'geheim' }),
      /l\/cert\.p12 is een symbolische koppeling/,
    );
    expect(fs.existsSync(elsewhere)).toBe(false);
    expect(listing(path.join(dir, 'l'))).toEqual(['2026-00004.pdf', 'b.sqlite', 'c.pdf', 'cert.p12']);
  });

  it('a target whose path runs through a file: refused as a file gob cannot write (it said "niet lezen")', async () => {
    fs.writeFileSync(path.join(dir, 'eenbestand'), 'van de gebruiker');
    for (const [args, file] of [
      [['factuur', 'pdf', '--maand', '2026-10', '--out', 'eenbestand/maand'], 'eenbestand/maand/2026-00001.pdf'],
      [['contract', 'pdf', '--koppeling', 'KP0001', '--out', 'eenbestand/x.pdf'], 'eenbestand/x.pdf'],
      [['inzage', '--ouder', 'O0001', '--out', 'eenbestand/i.json'], 'eenbestand/i.json'],
    ] as const) {
      refused(
        await run([...args]),
        new RegExp(
          `^Kan ${file.replace(/[./]/g, '\\$&')} niet schrijven: een deel van het pad is een bestand, geen map\\. Er is niets geschreven; kies een ander pad\\.\\n$`,
        ),
      );
    }
    expect(fs.readFileSync(path.join(dir, 'eenbestand'), 'utf8')).toBe('van de gebruiker');
  });

  it('contract pdf, backup and certificaat-maken: an existing file only with --force, written 0600', async () => {
    for (const [args, file] of [
      [['contract', 'pdf', '--koppeling', 'KP0001', '--out', 'overeenkomst.pdf'], 'overeenkomst.pdf'],
      [['backup', 'kopie.sqlite'], 'kopie.sqlite'],
      [['bureau', 'certificaat-maken', '--out', 'cert.p12'], 'cert.p12'],
    ] as const) {
      const extra = { GOB_CERTIFICAAT_WACHTWOORD: 'geheim' };
      expect((await run([...args], extra)).code).toBe(0);
      const before = fs.readFileSync(path.join(dir, file));
      refused(await run([...args], extra), new RegExp(`${file.replace('.', '\\.')} bestaat al.*--force`));
      expect(fs.readFileSync(path.join(dir, file)).equals(before)).toBe(true);
      expect((await run([...args, '--force'], extra)).code).toBe(0);
      expect(fs.statSync(path.join(dir, file)).mode & 0o777).toBe(0o600);
    }
    expect(listing(dir).filter((f) => f.endsWith('.tmp') || f.includes('.tmp-'))).toEqual([]);
  });

  it.skipIf(!MOUNTS)(
    'a full disk: PDFs, contract, backup, certificate and incasso are refused in Dutch, with no file left, not even an empty one',
    () => {
      const cases: [string[], string, RegExp][] = [
        [
          ['factuur', 'pdf', '--maand', '2026-10', '--out', 'vol/facturen'],
          'vol/facturen',
          /Kan vol\/facturen\/2026-0000\d\.pdf niet schrijven: de schijf is vol\. Er is niets geschreven; maak ruimte vrij/,
        ],
        [
          ['contract', 'pdf', '--koppeling', 'KP0001', '--out', 'vol/overeenkomst.pdf'],
          'vol',
          /Kan vol\/overeenkomst\.pdf niet schrijven: de schijf is vol/,
        ],
        [['backup', 'vol/kopie.sqlite'], 'vol', /Kan vol\/kopie\.sqlite niet schrijven: de schijf is vol/],
        [['bureau', 'certificaat-maken', '--out', 'vol/cert.p12'], 'vol', /Kan vol\/cert\.p12 niet schrijven: de schijf is vol/],
        // The bank files are written by src/commands/sepa (being reworked to store them with their booking).
        [['sepa', 'incasso', '--incassodatum', '2026-11-20', '--out', 'vol/incasso.xml'], 'vol', /de schijf is vol/],
      ];
      for (const [args, folder, message] of cases) {
        // The invoices get room for two of five PDFs: those two are removed again when the third fails.
        const setup = args[0] === 'factuur' ? 'mkdir -p vol; mount -t tmpfs -o size=100k tmpfs vol; mkdir vol/facturen' : fullDisk('vol');
        const r = gobMounted(dir, setup, args, `ls -A ${folder}`, { GOB_CERTIFICAAT_WACHTWOORD: 'geheim', GOB_TODAY: '2026-11-12' });
        refused(r, message);
        expect(
          r.after.split('\n').filter((f) => f && f !== '.vol' && f !== 'facturen'),
          args.join(' '),
        ).toEqual([]);
      }
    },
  );

  it.skipIf(!MOUNTS)('a full disk during an urenkaart import: SQLITE_FULL is named, not hidden by the failed rollback', async () => {
    // 36 kB left: enough to open the database (its -shm takes 32 kB), too little for the import.
    const setup =
      'mkdir -p vol; mount -t tmpfs -o size=1m tmpfs vol; cp data/gob.sqlite vol/; S=$(stat -c %s vol/gob.sqlite); dd if=/dev/zero of=vol/.vol bs=1k count=$(( (1024*1024 - S) / 1024 - 36 )) 2>/dev/null';
    const args = ['--db', 'vol/gob.sqlite', 'urenkaart', 'import', demo('uren-2026-10-renee.csv'), '--te-laat', '--json'];
    const r = gobMounted(dir, setup, args, `"$0" ${GOB} --db vol/gob.sqlite urenkaart list --maand 2026-10 --json`, {
      GOB_TODAY: '2026-11-12',
    });
    refused(r, /De schijf van de database vol\/gob\.sqlite is vol\. Er is niets opgeslagen/);
    expect(r.stderr).not.toMatch(/wel opgeslagen/); // the rule warnings are said only after a commit
    // Nothing stored: the month's hours are those of before the import.
    expect(r.after).toBe((await gob(dir, ['urenkaart', 'list', '--maand', '2026-10', '--json'], DEMO_TODAY)).stdout);
  });

  // Last: the payment and payout it books would change what the tests above collect.
  // A bank file is booked before it is written: a folder that cannot be written booked the money and
  // then failed, naming the same path to write it again.
  it.skipIf(!MOUNTS)('sepa incasso into a read-only folder: refused before anything is booked', async () => {
    const before = JSON.parse((await run(['sepa', 'list', '--json'], { GOB_TODAY: '2026-11-12' })).stdout);
    const r = gobMounted(
      dir,
      'mkdir -p alleenlezen; mount --bind -o ro alleenlezen alleenlezen',
      ['sepa', 'incasso', '--incassodatum', '2026-11-20', '--out', 'alleenlezen/incasso.xml'],
      `"$0" ${GOB} sepa list --json 2>/dev/null`,
      { GOB_TODAY: '2026-11-12' },
    );
    refused(r, /Kan alleenlezen\/incasso\.xml niet schrijven: de schijf is alleen-lezen/);
    expect(r.stderr).not.toMatch(/boeking/);
    expect(JSON.parse(r.after)).toEqual(before);
  });

  // A killed gob leaves its temporary file (a partial bank file holds names and IBANs): the next
  // write of that name removes those of processes that no longer run, and keeps a live one's.
  it("the next write removes a killed run's temporary files of that name, not those of a running process", async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    fs.mkdirSync(path.join(dir, 'oud'), { recursive: true });
    const stale = [`.incasso.xml.${dead}-0a1b2c3d.tmp`, `.2026-00001.pdf.${dead}-0a1b2c3d.tmp`];
    const live = `.incasso.xml.${process.pid}-0a1b2c3d.tmp`;
    for (const name of [...stale, live, `.ander.xml.${dead}-0a1b2c3d.tmp`]) fs.writeFileSync(path.join(dir, 'oud', name), 'half');
    expect((await run(['factuur', 'pdf', '2026-00001', '--out', 'oud'])).code).toBe(0);
    const r = await run(['sepa', 'incasso', '--incassodatum', '2026-11-20', '--out', 'oud/incasso.xml'], { GOB_TODAY: '2026-11-12' });
    expect(r.code, r.stderr).toBe(0);
    expect(listing(path.join(dir, 'oud')).filter((f) => f.startsWith('.'))).toEqual([`.ander.xml.${dead}-0a1b2c3d.tmp`, live].sort());
  });

  it('uitbetaling pdf: an existing specification only with --force', async () => {
    expect(
      (await run(['betaling', 'add', '--ouder', 'O0005', '--bedrag', '572,00', '--datum', '2026-11-18'], { GOB_TODAY: '2026-11-18' })).code,
    ).toBe(0);
    expect((await run(['uitbetaling', 'run', '--datum', '2026-11-24'], { GOB_TODAY: '2026-11-24' })).code).toBe(0);
    expect((await run(['uitbetaling', 'pdf', 'U2026-00001', '--out', 'spec'])).code).toBe(0);
    refused(
      await run(['uitbetaling', 'pdf', 'U2026-00001', '--out', 'spec']),
      /spec\/U2026-00001\.pdf bestaat al\. Kies een andere naam, of overschrijf met --force/,
    );
    expect((await run(['uitbetaling', 'pdf', 'U2026-00001', '--out', 'spec', '--force'])).code).toBe(0);
    expect(fs.statSync(path.join(dir, 'spec', 'U2026-00001.pdf')).mode & 0o777).toBe(0o600);
  });
});

/** The database on a small disk with 36 kB left: enough to open it (its -shm takes 32 kB), too little to write. */
const fullDatabaseDisk =
  'mkdir -p vol; mount -t tmpfs -o size=4m tmpfs vol; cp data/gob.sqlite vol/; S=$(stat -c %s vol/gob.sqlite); dd if=/dev/zero of=vol/.vol bs=1k count=$(( (4096*1024 - S) / 1024 - 36 )) 2>/dev/null';

describe.skipIf(!MOUNTS)('a file that takes data out appears only with its log line (the database cannot be written)', () => {
  let dir: string;
  const env = { GOB_CERTIFICAAT_WACHTWOORD: 'geheim', GOB_TODAY: '2026-11-12' };
  const logLines = async () => JSON.parse((await gob(dir, ['log', '--limit', '1000', '--json'], DEMO_TODAY)).stdout).length as number;
  // Each writes into uit/, a folder of its own on a disk with room; the incasso's bank file is
  // GOB-INC-2026-00001, booked by the first test (its file could not be written).
  const EXPORTS: [string[], string][] = [
    [['inzage', '--ouder', 'O0001', '--out', 'uit/inzage.json'], 'uit/inzage.json'],
    [['toeslag', 'export', '--maand', '2026-10', '--out', 'uit/toeslag.csv'], 'uit/toeslag.csv'],
    [['sepa', 'bestand', 'GOB-INC-2026-00001', '--out', 'uit/incasso.xml'], 'uit/incasso.xml'],
    [['bureau', 'certificaat-maken', '--out', 'uit/cert.p12'], 'uit/cert.p12'],
  ];
  beforeAll(async () => {
    dir = await demoBureau({ facturen: true });
    fs.mkdirSync(path.join(dir, 'uit'));
  });

  it('a bank file the full disk kept from being written: sepa list says so without blaming an interruption', () => {
    const r = gobMounted(
      dir,
      fullDisk('vol'),
      ['sepa', 'incasso', '--incassodatum', '2026-11-20', '--out', 'vol/incasso.xml'],
      `"$0" ${GOB} sepa list`,
      env,
    );
    refused(r, /De boeking is gemaakt onder GOB-INC-2026-00001, maar het bestand vol\/incasso\.xml is niet geschreven: .*de schijf is vol/);
    // Nothing was interrupted: the message is true whatever stopped the file (it said "gob werd onderbroken").
    expect(r.after).toMatch(
      /Let op: bankbestand GOB-INC-2026-00001 \(de incasso van 2026-11-20\) is geboekt, maar (\S+)\/vol\/incasso\.xml is niet geschreven \(gob werd onderbroken, of kon het bestand niet schrijven\)\. Schrijf het met 'gob sepa bestand GOB-INC-2026-00001 --out \1\/vol\/incasso\.xml' en lever het bij de bank aan\./,
    );
  });

  it('a read-only database: inzage, toeslag export, sepa bestand and certificaat-maken leave no file (not even a temporary one) and say why', async () => {
    const before = await logLines();
    for (const [args, file] of EXPORTS) {
      const r = gobMounted(dir, 'mount --bind -o ro data/gob.sqlite data/gob.sqlite', args, 'ls -A uit', env);
      refused(
        r,
        new RegExp(
          `^${file.replace(/[./]/g, '\\$&')} is niet geschreven: gob schrijft dit bestand alleen als het ook in het logboek van de database komt, en dat lukte niet\\. De database data/gob\\.sqlite is alleen-lezen .*werk met een kopie \\('gob backup kopie\\.sqlite' en --db kopie\\.sqlite\\)\\.\\n$`,
        ),
      );
      expect(r.after, args.join(' ')).toBe('');
    }
    expect(await logLines()).toBe(before);
    // The bank file is still named as not written: no copy appeared.
    expect((await gob(dir, ['sepa', 'list'], DEMO_TODAY)).stderr).toContain('GOB-INC-2026-00001');
  });

  it('a full disk under the database, the target on a disk with room: the same, named as the database disk', () => {
    for (const [args, file] of EXPORTS) {
      const r = gobMounted(dir, fullDatabaseDisk, ['--db', 'vol/gob.sqlite', ...args], 'ls -A uit', env);
      refused(
        r,
        new RegExp(`^${file.replace(/[./]/g, '\\$&')} is niet geschreven: .*De schijf van de database vol/gob\\.sqlite is vol\\.`),
      );
      expect(r.after, args.join(' ')).toBe('');
    }
  });

  it('backup of a read-only database is made, with a warning that the log lacks it; the advice of the refusals then works', () => {
    const r = gobMounted(
      dir,
      'mount --bind -o ro data/gob.sqlite data/gob.sqlite',
      ['backup', 'uit/kopie.sqlite', '--json'],
      `"$0" ${GOB} --db uit/kopie.sqlite inzage --ouder O0001 --out uit/inzage.json >/dev/null && ls -A uit`,
      env,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ bestand: 'uit/kopie.sqlite', versleuteld: false, gelogd: false });
    expect(r.stderr).toBe(
      'Let op: de backup is volledig, maar staat niet in het logboek: de database data/gob.sqlite kan niet geschreven worden (het bestand of zijn map is alleen-lezen). Om verder te werken: geef schrijfrechten op de database en zijn map, of werk verder met de backup (--db uit/kopie.sqlite).\n',
    );
    expect(r.after).toBe('inzage.json\nkopie.sqlite\n');
    expect(fs.statSync(path.join(dir, 'uit', 'kopie.sqlite')).mode & 0o777).toBe(0o600);
    for (const f of ['kopie.sqlite', 'inzage.json']) fs.rmSync(path.join(dir, 'uit', f));
  });

  it('backup with the database on a full disk and the target on another: made, with the warning that names the full disk', () => {
    const r = gobMounted(dir, fullDatabaseDisk, ['--db', 'vol/gob.sqlite', 'backup', 'uit/kopie.sqlite'], 'ls -A uit', env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(
      /kan niet geschreven worden \(de schijf is vol\)\. Om verder te werken: maak ruimte vrij op de schijf van de database/,
    );
    expect(r.after).toBe('kopie.sqlite\n');
    fs.rmSync(path.join(dir, 'uit', 'kopie.sqlite'));
  });

  it('an encrypted backup names the full disk of the database, where its plain copy is made, not the target', () => {
    const r = gobMounted(dir, fullDatabaseDisk, ['--db', 'vol/gob.sqlite', 'backup', 'uit/gob.gobbak', '--versleuteld'], 'ls -A uit vol', {
      ...env,
      GOB_BACKUP_WACHTWOORD: 'paard batterij nietje',
    });
    refused(
      r,
      /^Kan de versleutelde backup uit\/gob\.gobbak niet maken: de onversleutelde tussenkopie komt eerst in \/.*\/vol, de map van de database \(nooit naast de backup\), en daar kan gob niet schrijven: de schijf is vol\. Er is niets geschreven; maak op die schijf minstens \d+ kB vrij/,
    );
    expect(r.stderr).not.toMatch(/Kan uit\/gob\.gobbak niet schrijven/);
    expect(r.after).toBe('uit:\n\nvol:\n.vol\ngob.sqlite\n'); // no plain copy left beside the database
  });
});

describe('a batch of PDFs on worker threads that meets a full disk', () => {
  it.skipIf(!MOUNTS)('says so in Dutch (the refusal crosses the thread boundary as data) and leaves no PDF of the batch', async () => {
    const dir = await invoicedBenchBureau();
    // Room for a few of the 24 invoices: some workers write files before one meets the full disk.
    const r = gobMounted(
      dir,
      'mkdir -p vol; mount -t tmpfs -o size=300k tmpfs vol',
      ['factuur', 'pdf', '--maand', '2026-10', '--out', 'vol/maand'],
      'ls -A vol/maand',
      DEMO_TODAY,
    );
    refused(
      r,
      /^Kan vol\/maand\/2026-\d{5}\.pdf niet schrijven: de schijf is vol\. Er is niets geschreven; maak ruimte vrij of kies een andere schijf\.\n$/,
    );
    expect(r.after).toBe('');
  });
});

describe('a Ctrl-C during a batch of PDFs on worker threads', () => {
  it('leaves no PDF of the batch and no temporary file, only exit 130', async () => {
    const dir = await invoicedBenchBureau();
    fs.mkdirSync(path.join(dir, 'maand'));
    fs.writeFileSync(path.join(dir, 'maand', 'eigen.txt'), 'van de gebruiker');
    // The signal comes once a worker has reported written files, while the others are still writing.
    const r = gobProcess(dir, ['factuur', 'pdf', '--maand', '2026-10', '--out', 'maand', '--force'], {
      ...DEMO_TODAY,
      GOB_TEST_SIGINT_AT: 'pdf-bezig',
    });
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toMatch(/afgebroken/i);
    expect(fs.readdirSync(path.join(dir, 'maand'))).toEqual(['eigen.txt']);
    // And the batch runs whole afterwards.
    const again = await gob(dir, ['factuur', 'pdf', '--maand', '2026-10', '--out', 'maand'], DEMO_TODAY);
    expect(again.code, again.stderr).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'maand')).filter((f) => f.endsWith('.pdf')).length).toBeGreaterThanOrEqual(8);
  }, 60_000);
});

describe.skipIf(!PYTHON)('at a prompt (under a pseudo-terminal; needs python3)', () => {
  let dir: string;
  const stored = async () =>
    JSON.parse((await gob(dir, ['gastouder', 'list', '--json'])).stdout) as { naam: string; geboortedatum: string }[];
  beforeAll(async () => {
    dir = tempDir();
    expect((await gob(dir, ['init', '--naam', 'Bureau'])).code).toBe(0);
  });

  it('Ctrl-C is exit 130 "afgebroken", nothing stored', async () => {
    const r = gobAtTerminal(
      dir,
      ['gastouder', 'add'],
      [
        { wait: 'naam', keys: 'Anna\r' },
        { wait: 'geboortedatum', keys: '\x03' },
      ],
    );
    expect(r.screen).toMatch(/Afgebroken; er is niets opgeslagen\./);
    expect(r.code).toBe(130);
    expect(await stored()).toEqual([]);
  });

  it('Ctrl-D is exit 130 too (it used to end the run with exit 0)', async () => {
    const r = gobAtTerminal(dir, ['gastouder', 'add'], [{ wait: 'naam', keys: '\x04' }]);
    expect(r.screen).toMatch(/Afgebroken/);
    expect(r.code).toBe(130);
    expect(await stored()).toEqual([]);
  });

  it('SIGINT (kill -INT) while the command waits is exit 130, nothing stored', async () => {
    const r = gobAtTerminal(
      dir,
      ['gastouder', 'add'],
      [
        { wait: 'naam', keys: 'Anna\r' },
        { wait: 'geboortedatum', signal: true },
      ],
    );
    expect(r.screen).toMatch(/Afgebroken/);
    expect(r.code).toBe(130);
    expect(await stored()).toEqual([]);
  });

  it('a rejected value is cleared, so the next one is typed on an empty line', async () => {
    const r = gobAtTerminal(
      dir,
      ['gastouder', 'add'],
      [
        { wait: 'naam', keys: 'Anna\r' },
        { wait: 'geboortedatum', keys: '31-02-1980\r' },
        { wait: 'Toegestaan', keys: '01-03-1980\r' },
        { wait: 'mag leeg', keys: '\x03' },
      ],
    );
    // Kept, the bad value would have become '31-02-198001-03-1980' and been refused again.
    expect(r.screen).toMatch(/✔.*geboortedatum:.*01-03-1980/);
    expect(r.screen).not.toMatch(/31-02-198001/);
    expect(r.code).toBe(130);
  });
});

describe('a reader that closes the pipe early (gob … | head)', () => {
  /** Run gob with its output into a pipe whose reading end is closed at once; its exit code. */
  const closedPipe = (cwd: string, args: string[]) =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [GOB, ...args], { cwd, env: { ...process.env, ...DEMO_TODAY, NO_COLOR: '1' } });
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code) => resolve({ code, stderr }));
    });

  it('keeps the exit code of the command: a check that found violations still ends with 1, a list with 0', async () => {
    const dir = await demoBureau();
    // The demo's rooster has its planned violation (Renée, Thursday mornings).
    expect(await closedPipe(dir, ['rooster', 'check'])).toEqual({ code: 1, stderr: '1 overtreding gevonden.\n' });
    expect(await closedPipe(dir, ['gastouder', 'list'])).toEqual({ code: 0, stderr: '' });
  }, 30_000);
});
