// What an acceptance test found in how gob reads its command line (CHANGELOG, "Fixed after an
// acceptance test"): options given twice, missing options named one at a time, usage errors that
// ended with exit 1, messages with a placeholder for the command, and codes trimmed in some places
// only. Through the built CLI, as a script would run it (no terminal).
import type { Command } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProgram, requiredOf } from '../../src/cli/program.js';
import { gob, tempDir } from '../helpers.js';

let dir: string;
const run = (...args: string[]) => gob(dir, args, { GOB_TODAY: '2026-11-03' });

beforeAll(async () => {
  dir = tempDir();
  expect((await run('init', '--naam', 'X')).code).toBe(0);
  expect((await run('gastouder', 'add', '--naam', 'Anna', '--geboortedatum', '1980-01-01')).code).toBe(0);
  expect((await run('ouder', 'add', '--naam', 'Jan')).code).toBe(0);
  expect((await run('kind', 'add', '--naam', 'Sem', '--geboortedatum', '2023-01-21', '--ouder', 'O0001')).code).toBe(0);
});

describe('an option that takes one value, given twice, is a usage error', () => {
  it('names the option and both values, and stores nothing', async () => {
    const r = await run(
      'koppeling',
      'add',
      '--kind',
      'K0001',
      '--gastouder',
      'G0001',
      '--start',
      '2026-10-01',
      '--uurtarief',
      '7,50',
      '--uurtarief',
      '75,00',
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("De optie --uurtarief is twee keer gegeven ('7,50' en '75,00'); geef haar één keer.\n");
    expect((await run('--json', 'koppeling', 'list')).stdout).toBe('[]\n');
  });

  it.each([
    [['gastouder', 'add', '--naam', 'A', '--naam', 'B', '--geboortedatum', '1980-01-01'], '--naam'],
    [['factuur', 'run', '--maand', '2026-10', '--datum', '2026-11-01', '--datum', '2026-11-02'], '--datum'],
    [['toeslag', 'export', '--maand', '2026-10', '--out', 'a.csv', '--out', 'b.csv'], '--out'],
    [['--db', 'a.sqlite', 'log', '--db', 'b.sqlite'], '--db'],
  ])('%j', async (args, option) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`De optie ${option} is twee keer gegeven`);
  });

  // The message showed both values as typed: a --db password, a BSN in full, an IBAN.
  it('never shows a password, a BSN or an IBAN it repeats, nor a stray one', async () => {
    const twice = await run('--db', 'postgres://u:Geheim123@127.0.0.1:1/x', '--db', 'postgres://u:Geheim456@127.0.0.1:1/y', 'log');
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain("('postgres://u:*****@127.0.0.1:1/x' en 'postgres://u:*****@127.0.0.1:1/y')");
    const bsn = await run('ouder', 'add', '--naam', 'A', '--bsn', '111222333', '--bsn', '123456782');
    expect(bsn.stderr).toContain("('*****2333' en '*****6782')");
    const stray = await run('gastouder', 'list', 'NL91 ABNA 0417 1643 00');
    expect(stray.code).toBe(2);
    expect(stray.stderr).toContain("'*****4300'");
    expect(twice.stderr + bsn.stderr + stray.stderr).not.toMatch(/Geheim|111222333|123456782|0417/);
  });

  it('a list option may repeat', async () => {
    const r = await run('sepa', 'uitbetaling', '--uitbetaling', 'U1', '--uitbetaling', 'U2', '--out', 'x.xml');
    expect(r.stderr).not.toContain('twee keer');
  });
});

describe('a run without a terminal names every missing option at once', () => {
  it.each([
    [['sepa', 'uitbetaling'], 'Ontbrekende verplichte opties: --uitbetaling of --datum, --out.\n'],
    [['afwezigheid', 'add'], 'Ontbrekende verplichte opties: --kind of --gastouder, --van, --tot-en-met.\n'],
    [['inzage'], 'Ontbrekende verplichte opties: --ouder of --gastouder of --kind, --out.\n'],
    [['factuur', 'pdf'], 'Ontbrekende verplichte opties: <nummers> of --maand, --out.\n'],
    [['jaaropgave', 'gastouder'], 'Ontbrekende verplichte opties: --jaar, --out of --json.\n'],
  ])('%j', async (args, message) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(message);
  });

  // Every command of program.ts, run with nothing but its required arguments. When it reports
  // missing options, they are all the ones its table lists; given those, it reports none more.
  const leaves = (c: Command): Command[] => (c.commands.length === 0 ? [c] : c.commands.flatMap(leaves));
  const pathOf = (c: Command) => {
    const names: string[] = [];
    for (let x: Command | null = c; x?.parent; x = x.parent) names.unshift(x.name());
    return names;
  };
  const commands = leaves(buildProgram()).filter((c) => c.name() !== 'help');
  const SAMPLE: Record<string, string> = {
    maand: '2026-10',
    jaar: '2026',
    naar: 'nieuw.sqlite',
    out: 'uit/bestand',
    bedrag: '10,00',
    uurtarief: '7,50',
    dag: 'ma',
    partij: 'ouder',
    soort: 'huisbezoek',
    incassodatum: '2026-11-20',
  };
  const sample = (name: string) => SAMPLE[name] ?? (/datum|van|tot|eind|start|gemeld/.test(name) ? '2026-11-04' : 'X1');
  const MISSING = /^Ontbrekende verplichte opties?: (.*?)\.( Zie .*)?\n/;

  it.each(commands.map((c) => [pathOf(c).join(' '), c] as const))('%s', async (_, command) => {
    const args = [
      ...pathOf(command),
      ...command.registeredArguments.filter((a) => a.required).map((a) => (a.name() === 'id' ? '1' : 'X1')),
    ];
    const first = await run(...args);
    // A usage error of a run without options is a missing option, all of them named, or one of the
    // two that cannot name a single option: an edit without a field, a password that is not set.
    if (first.code === 2) expect(first.stderr).toMatch(/^(Ontbrekende verplichte opties?: |Geef minstens één |Zet eerst het wachtwoord)/);
    const named = MISSING.exec(first.stderr)?.[1];
    const required = requiredOf(command);
    if (required.length > 0) {
      expect(first.code).toBe(2);
      expect(named).toBe(
        required
          .map((g) =>
            g
              .split('|')
              .map((n) => (command.registeredArguments.some((a) => a.name() === n) ? `<${n}>` : `--${n}`))
              .join(' of '),
          )
          .join(', '),
      );
    }
    if (named === undefined) return;
    const extra: string[] = [];
    for (const group of named.split(', ')) {
      const token = group.split(' of ')[0]!;
      if (token === '--json') extra.push('--json');
      else if (token.startsWith('<')) extra.push('X1');
      else extra.push(token, sample(token.slice(2)));
    }
    const second = await run(...args, ...extra);
    expect(second.stderr).not.toMatch(MISSING);
    expect(second.stderr).not.toMatch(/^Geef /);
  });
});

describe('a usage error is exit 2', () => {
  it('bureau set without a setting', async () => {
    const r = await run('bureau', 'set');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Geef minstens één instelling');
  });

  it.each(['gastouder', 'ouder', 'kind', 'koppeling'])('%s edit without a field', async (noun) => {
    const r = await run(noun, 'edit', `${noun === 'koppeling' ? 'KP' : noun[0]!.toUpperCase()}0001`);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Geef minstens één veld');
  });

  it('huisgenoot edit without a field', async () => {
    const r = await run('huisgenoot', 'edit', '1');
    expect(r.code).toBe(2);
  });
});

describe('messages name what is wrong', () => {
  it('an unknown option names the command whose help has the options', async () => {
    const r = await run('gastouder', 'list', '--bogus');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("Onbekende optie '--bogus'. Zie 'gob gastouder list --help' voor de opties.\n");
  });

  it('an option followed by another option got no value', async () => {
    const r = await run('gastouder', 'add', '--naam', '--geboortedatum', '1980-01-01');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("De optie --naam heeft een waarde nodig; '--geboortedatum' is zelf een optie.\n");
  });

  it('a stray argument is named', async () => {
    const r = await run('gastouder', 'list', '--actief', 'misschien');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Te veel argumenten voor 'gob gastouder list': 'misschien' hoort bij geen optie.");
  });

  it.each(['huisgenoot edit', 'huisgenoot remove', 'rooster remove', 'afwezigheid remove'])('%s names its argument <id>', async (path) => {
    const r = await run(...path.split(' '), 'abc', ...(path.endsWith('edit') ? ['--naam', 'X'] : []));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^<id>: 'abc' is geen geldige waarde/);
  });
});

describe('a code is trimmed wherever it is given', () => {
  it('as an argument', async () => {
    const r = await run('--json', 'gastouder', 'show', ' G0001 ');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).code).toBe('G0001');
  });

  it('as an option', async () => {
    expect(
      (await run('koppeling', 'add', '--kind', ' K0001', '--gastouder', 'G0001 ', '--start', '2026-10-01', '--uurtarief', '7,50')).code,
    ).toBe(0);
    const r = await run('--json', 'koppeling', 'list', '--gastouder', 'G0001 ');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(1);
  });

  it('edit finds the record', async () => {
    expect((await run('gastouder', 'edit', ' G0001 ', '--plaats', 'Utrecht')).code).toBe(0);
  });
});
