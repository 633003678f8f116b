// What a new user meets first: --version, help with examples, help for an unknown command,
// clashing output options, list filters with a typo, an unchanged re-import, the demo's output.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { shellLine } from '../../scripts/shell-quote.mjs';
import { DEMO_INIT } from '../demo.js';
import { gob, gobProcess, ROOT, tempDir } from '../helpers.js';

const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('help and version (no database needed)', () => {
  const dir = tempDir();

  it('gob --version prints the version of package.json', async () => {
    const r = await gob(dir, ['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  // The one deliberate bug of the suite (every other run fails the test on exit 70, see helpers.ts):
  // an output stream that throws a TypeError stands for any unexpected error inside a command.
  it('a bug is exit 70 with a Dutch message naming it, a stack only with GOB_DEBUG=1', async () => {
    const { main } = (await import(pathToFileURL(path.join(ROOT, 'dist', 'main.js')).href)) as {
      main: (argv: string[], io: unknown) => Promise<number>;
    };
    const run = async (env: Record<string, string>) => {
      let stderr = '';
      const io = {
        stdout: {
          write: () => {
            throw new TypeError('kapotte uitvoer');
          },
        },
        stderr: { write: (text: string) => (stderr += text) },
        stdinIsTTY: false,
        env: { NO_COLOR: '1', ...env },
      };
      return { code: await main(['--version'], io), stderr };
    };
    const bug = await run({});
    expect(bug.code).toBe(70);
    expect(bug.stderr).toBe(
      'Interne fout in gob (een bug): kapotte uitvoer. Er is niets opgeslagen. Meld dit met de opdracht die je gaf; GOB_DEBUG=1 toont details.\n',
    );
    expect((await run({ GOB_DEBUG: '1' })).stderr).toMatch(/TypeError: kapotte uitvoer\n\s+at /);
  });

  // Most tests run gob's main() in process; these run the binary as a user does, so bin/gob.js,
  // the bundle's start, the exit code and the drained output of a real process stay covered.
  it('the binary itself: --version, a usage error, and a command on a database, as processes', () => {
    expect(gobProcess(dir, ['--version'])).toMatchObject({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    const usage = gobProcess(dir, ['gastouder', 'add', '--naam']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/De optie --naam <tekst> heeft een waarde nodig/);
    const db = path.join(dir, 'proces.sqlite');
    expect(gobProcess(dir, ['--db', db, 'init', '--naam', 'Bureau']).code).toBe(0);
    expect(gobProcess(dir, ['--db', db, 'gastouder', 'add', '--naam', 'Anna', '--geboortedatum', '1980-01-01']).code).toBe(0);
    const list = gobProcess(dir, ['--db', db, 'gastouder', 'list', '--json']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ code: 'G0001', naam: 'Anna' })]);
    expect(fs.statSync(db).mode & 0o777).toBe(0o600);
  });

  it('a PostgreSQL URL that is no address: exit 2 in Dutch, without repeating it (it can hold a password)', () => {
    for (const url of ['postgres://anna:geheim@127.0.0.1:poort/gob', 'postgres://anna:geheim@[::1/gob']) {
      const r = gobProcess(dir, ['--db', url, 'gastouder', 'list']);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/^De PostgreSQL-URL in --db\/GOB_DB is geen geldig adres\./);
      expect(r.stderr).not.toMatch(/geheim|Interne fout|Invalid URL/);
    }
  });

  // pg asks at load time whether it runs in a Cloudflare Worker, which on Node 20 loads Node's whole
  // fetch (undici), 15-20 ms of every start on PostgreSQL; the build gives pg its Node streams
  // directly (scripts/build.mjs, pgStreamForNode).
  it("the bundle's pg starts without the Cloudflare probe", () => {
    const chunks = fs.readdirSync(path.join(ROOT, 'dist')).filter((f) => f.endsWith('.js'));
    const text = chunks.map((f) => fs.readFileSync(path.join(ROOT, 'dist', f), 'utf8'));
    expect(text.some((t) => t.includes('getSecureStream'))).toBe(true);
    expect(text.filter((t) => t.includes('Cloudflare-Workers') || t.includes('CloudflareSocket'))).toEqual([]);
  });

  it('--help of the main commands ends with Dutch examples, and usage lines say <bestand>', async () => {
    const factuur = await gob(dir, ['factuur', 'run', '--help']);
    expect(factuur.code).toBe(0);
    expect(factuur.stdout).toMatch(/Voorbeelden:\n {2}\$ gob factuur run --maand 2026-10/);
    const imp = await gob(dir, ['gastouder', 'import', '--help']);
    expect(imp.stdout).toMatch(/^Gebruik: gob gastouder import \[opties\] <bestand>/);
    expect(imp.stdout).toContain('$ gob gastouder import gastouders.csv --dry-run');
    expect((await gob(dir, ['backup', '--help'])).stdout).toMatch(/^Gebruik: gob backup \[opties\] <bestand>/);
    expect((await gob(dir, ['--help'])).stdout).toContain('Voorbeelden:');
  });

  it('gob help <unknown> names it (exit 2); gob help <noun> <verb> shows that verb', async () => {
    const unknown = await gob(dir, ['help', 'facture']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Onbekende opdracht 'facture'/);
    expect(unknown.stdout).toBe('');
    const verb = await gob(dir, ['help', 'factuur', 'betaal']);
    expect(verb.code).toBe(2);
    expect(verb.stderr).toMatch(/Onbekende opdracht 'factuur betaal'.*gob factuur --help/);
    const known = await gob(dir, ['help', 'factuur', 'run']);
    expect(known.code).toBe(0);
    expect(known.stdout).toMatch(/^Gebruik: gob factuur run/);
  });
});

describe('on a small bureau', () => {
  let dir: string;
  const ok = async (args: string[]) => {
    const r = await gob(dir, args);
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    return r;
  };
  beforeAll(async () => {
    dir = tempDir();
    await ok(DEMO_INIT);
    await ok([
      'gastouder',
      'add',
      '--naam',
      "Anna 'de' Vries",
      '--geboortedatum',
      '12-03-1978',
      '--adres',
      'Lindenlaan 4',
      '--postcode',
      '3581 AB',
      '--plaats',
      'Utrecht',
      '--iban',
      'NL20INGB0001234567',
      '--lrk',
      '111111111',
      '--slaapruimte',
      'ja',
      '--achterwacht',
      '=Piet, 06-1',
    ]);
    await ok([
      'ouder',
      'add',
      '--naam',
      'Jan Jansen',
      '--adres',
      'Biltstraat 8',
      '--postcode',
      '3572 AA',
      '--plaats',
      'Utrecht',
      '--iban',
      'NL91ABNA0417164300',
      '--bsn',
      '123456782',
      '--mandaat',
      'MND-O0001',
      '--mandaat-datum',
      '2026-09-28',
    ]);
    await ok(['kind', 'add', '--naam', 'Sem Jansen', '--geboortedatum', '2023-01-21', '--ouder', 'O0001', '--bsn', '111222333']);
    await ok(['koppeling', 'add', '--kind', 'K0001', '--gastouder', 'G0001', '--start', '2026-10-01', '--uurtarief', '7,50']);
  });

  it('--json together with --csv is a usage error (exit 2)', async () => {
    const r = await gob(dir, ['gastouder', 'list', '--json', '--csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--json en --csv/);
    expect(r.stdout).toBe('');
  });

  it('an empty value where a date, code or file is needed is a usage error (exit 2), and so is --out -', async () => {
    for (const [args, said] of [
      [['--today', '', 'gastouder', 'list'], /^--today: een lege waarde is geen datum/],
      [['kind', 'show', ''], /^<code>: een lege waarde; geef een code\./],
      [['inzage', '--ouder', 'O0001', '--out', '-'], /^--out: '-' is geen bestandsnaam/],
      [['toeslag', 'export', '--maand', '2026-10', '--out', ''], /^--out: '' is geen bestandsnaam/],
    ] as const) {
      const r = await gob(dir, [...args]);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(said);
    }
    expect(fs.existsSync(path.join(dir, '-'))).toBe(false);
  });

  it('a list filter naming a code that does not exist says so (exit 1) instead of listing nothing', async () => {
    const factuur = await gob(dir, ['factuur', 'list', '--ouder', 'O9999']);
    expect(factuur.code).toBe(1);
    expect(factuur.stderr).toMatch(/Er is geen ouder met code O9999/);
    expect(factuur.stdout).toBe('');
    for (const args of [
      ['kind', 'list', '--ouder', 'O9999'],
      ['koppeling', 'list', '--gastouder', 'G9999'],
      ['urenkaart', 'list', '--maand', '2026-10', '--kind', 'K9999'],
      ['rooster', 'list', '--koppeling', 'KP9999'],
      ['betaling', 'list', '--ouder', 'O9999'],
      ['uitbetaling', 'list', '--gastouder', 'G9999'],
    ]) {
      const r = await gob(dir, args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(/Er is geen (ouder|gastouder|kind|koppeling) met code \w+9999/);
    }
    // An existing code with nothing to show is still an empty list.
    expect((await gob(dir, ['factuur', 'list', '--ouder', 'O0001'])).stdout).toMatch(/0 facturen/);
  });

  it('re-importing an unchanged export reports 0 changed and writes nothing to the log; one row is "1 rij"', async () => {
    const logBefore = JSON.parse((await ok(['log', '--json', '--limit', '1000'])).stdout) as unknown[];
    for (const noun of ['gastouder', 'ouder', 'kind', 'koppeling']) {
      const file = path.join(dir, `${noun}.csv`);
      fs.writeFileSync(file, (await ok([noun, 'list', '--csv'])).stdout);
      const r = await ok([noun, 'import', file]);
      expect(r.stdout, noun).toMatch(/: 1 rij uit .*: 0 nieuw, 0 gewijzigd, 1 ongewijzigd\./);
    }
    const logAfter = JSON.parse((await ok(['log', '--json', '--limit', '1000'])).stdout) as unknown[];
    expect(logAfter).toEqual(logBefore);
    // A real change is still a change, and logged.
    const file = path.join(dir, 'gastouder.csv');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('Lindenlaan 4', 'Lindenlaan 6'));
    expect((await ok(['gastouder', 'import', file])).stdout).toMatch(/0 nieuw, 1 gewijzigd, 0 ongewijzigd/);
    expect((JSON.parse((await ok(['log', '--json', '--limit', '1000'])).stdout) as unknown[]).length).toBe(logBefore.length + 1);
  });

  it('a certificate made in one folder signs contracts when gob runs from another', async () => {
    const env = { GOB_CERTIFICAAT_WACHTWOORD: 'test-wachtwoord' };
    expect((await gob(dir, ['bureau', 'certificaat-maken', '--out', 'certificaten/bureau.p12'], env)).code).toBe(0);
    const elsewhere = tempDir();
    const db = path.join(dir, 'data', 'gob.sqlite');
    const r = await gob(elsewhere, ['--db', db, 'contract', 'pdf', '--koppeling', 'KP0001', '--out', 'overeenkomst.pdf'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/digitaal ondertekend/);
    expect(fs.existsSync(path.join(elsewhere, 'overeenkomst.pdf'))).toBe(true);
  });
});

describe('npm run demo prints pasteable commands', () => {
  it('quotes every word a shell would otherwise split or change, and bash reads the words back', async () => {
    const words = [
      'gob',
      'init',
      '--naam',
      'Gastouderbureau De Zonnebloem',
      '--naam',
      'Łukasz Wałęsa',
      "O'Brien",
      '',
      '$HOME',
      'a;b',
      '3511 ED',
      'data/demo/x.csv',
      '7,50',
    ];
    const line = shellLine(words);
    expect(line).toContain("--naam 'Gastouderbureau De Zonnebloem'");
    expect(line).toContain(' data/demo/x.csv 7,50');
    const r = spawnSync('bash', ['-c', `printf '%s\\n' ${line}`], { encoding: 'utf8' });
    expect(r.stdout).toBe(`${words.join('\n')}\n`);
    expect(fs.readFileSync(path.join(ROOT, 'scripts', 'demo.mjs'), 'utf8')).toMatch(/shellLine\(\['npx', 'gob', \.\.\.args\]\)/);
  });
});
