// Every command's argv, parsed by the real program, against the options its handler receives
// (issue 12 point 5). The handler is intercepted: nothing is opened or run. Two layers:
// - the rule of CONTRACT §1 for all commands at once: option `--ervaring-sinds` reaches the handler
//   as `ervaringSinds`, a positional argument under its own name, nothing else (no global option);
// - a table of the cases the rule does not show: variadic lists, flags, globals before and after.
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { GlobalOptions } from '../../src/cli/context.js';
import { buildProgram } from '../../src/cli/program.js';

const io = { stdout: { write: () => true }, stderr: { write: () => true }, stdinIsTTY: false, env: {} };

async function parse(argv: string[]): Promise<{ command: string; opts: Record<string, unknown>; globals: GlobalOptions }> {
  let seen: { command: string; opts: Record<string, unknown>; globals: GlobalOptions } | undefined;
  await buildProgram(io, (command, opts, globals) => {
    seen = { command, opts, globals };
  }).parseAsync(argv, { from: 'user' });
  if (!seen) throw new Error(`${argv.join(' ')}: no handler reached`);
  return seen;
}

function leaves(command: Command): Command[] {
  return command.commands.length === 0 ? [command] : command.commands.flatMap(leaves);
}

const path = (c: Command) => {
  const names: string[] = [];
  for (let x: Command | null = c; x?.parent; x = x.parent) names.unshift(x.name());
  return names;
};
const camel = (flag: string) => flag.replace(/^--/, '').replace(/-([a-z])/g, (_, ch: string) => ch.toUpperCase());

describe('argv → the options a handler receives', () => {
  const commands = leaves(buildProgram(io)).filter((c) => c.name() !== 'help');

  it('covers every command of gob', () => {
    expect(commands.map((c) => path(c).join(' '))).toHaveLength(83);
  });

  it.each(commands.map((c) => [path(c).join(' '), c] as const))(
    '%s: every option under its Dutch field name in camelCase, every argument under its name',
    async (_, command) => {
      const argv = [...path(command)];
      const expected: Record<string, unknown> = {};
      for (const a of command.registeredArguments) {
        const value = a.variadic ? ['X1', 'X2'] : `arg-${a.name()}`;
        argv.push(...(Array.isArray(value) ? value : [value]));
        expected[a.name()] = value;
      }
      for (const o of command.options) {
        if (o.long === '--help' || o.long === '--csv') continue; // --csv is tried below (it excludes --json)
        argv.push(o.long!);
        if (o.required) {
          const value = o.variadic ? ['V1', 'V2'] : `val-${o.long}`;
          argv.push(...(Array.isArray(value) ? value : [value]));
          expected[camel(o.long!)] = value;
        } else expected[camel(o.long!)] = true;
      }
      const { command: name, opts } = await parse(argv);
      expect(name).toBe(path(command).join(' '));
      expect(opts).toStrictEqual(expected);
    },
  );

  it.each([
    // Globals before or after the subcommand reach globals, never the handler's options.
    [
      ['--json', '--db', 'x.sqlite', 'factuur', 'list', '--maand', '2026-10'],
      'factuur list',
      { maand: '2026-10' },
      { json: true, db: 'x.sqlite' },
    ],
    [
      ['factuur', 'list', '--today', '2026-11-03', '--yes', '--ouder', 'O0001'],
      'factuur list',
      { ouder: 'O0001' },
      { today: '2026-11-03', yes: true },
    ],
    [['gastouder', 'list', '--csv', '--no-color'], 'gastouder list', { csv: true }, { color: false }],
    // Lists: positional and option variadics.
    [
      ['factuur', 'pdf', '2026-00001', '2026-00002', '--out', 'map'],
      'factuur pdf',
      { nummers: ['2026-00001', '2026-00002'], out: 'map' },
      {},
    ],
    [
      ['sepa', 'uitbetaling', '--uitbetaling', 'U2026-00001', 'U2026-00002', '--out', 'u.xml'],
      'sepa uitbetaling',
      { uitbetaling: ['U2026-00001', 'U2026-00002'], out: 'u.xml' },
      {},
    ],
    // Options not given are absent, not undefined-but-present.
    [['urenkaart', 'import', 'uren.csv'], 'urenkaart import', { bestand: 'uren.csv' }, {}],
    [['koppeling', 'end', 'KP0001'], 'koppeling end', { code: 'KP0001' }, {}],
    [['urenkaart', 'check', '--maand', '2026-10', '--csv'], 'urenkaart check', { maand: '2026-10', csv: true }, {}],
    [
      ['rooster', 'add', '--koppeling', 'KP0001', '--dag', 'di', '--van', '07:30', '--tot', '18:00', '--tot-en-met', '2026-12-31'],
      'rooster add',
      { koppeling: 'KP0001', dag: 'di', van: '07:30', tot: '18:00', totEnMet: '2026-12-31' },
      {},
    ],
  ] as const)('%j', async (argv, command, opts, globals) => {
    const seen = await parse([...argv]);
    expect(seen.command).toBe(command);
    expect(seen.opts).toStrictEqual(opts);
    expect(seen.globals).toMatchObject(globals);
  });
});
