// docs/reference.md, made from the command definitions themselves (buildProgram), so that the
// reference cannot drift from what gob accepts. `npm run docs` writes it (scripts/reference.mjs,
// through dist/reference.js); test/unit/reference.test.ts fails when the file is not up to date.
import type { Command, Option } from 'commander';
import { EXAMPLES } from './examples.js';
import { buildProgram } from './program.js';

function commandPath(command: Command): string[] {
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  return names;
}

function usage(command: Command): string {
  const args = command.registeredArguments.map((a) => {
    const name = `${a.name()}${a.variadic ? '...' : ''}`;
    return a.required ? `<${name}>` : `[${name}]`;
  });
  const sub = command.commands.length > 0 ? ['<opdracht>'] : [];
  return ['gob', ...commandPath(command), '[opties]', ...sub, ...args].join(' ');
}

function optionLine(option: Option): string {
  const extra =
    option.defaultValue !== undefined && option.defaultValue !== false && !option.negate
      ? ` (standaard ${String(option.defaultValue)})`
      : '';
  return `- \`${option.flags}\` — ${option.description}${extra}`;
}

function section(command: Command, level: number): string[] {
  const path = commandPath(command);
  const lines = [`${'#'.repeat(level)} gob ${path.join(' ')}`, '', `\`${usage(command)}\``, '', command.description(), ''];
  if (command.registeredArguments.length > 0) {
    lines.push('Argumenten:', '');
    for (const a of command.registeredArguments)
      lines.push(`- \`${a.name()}\`${a.description ? ` — ${a.description}` : ''}${a.variadic ? ' (één of meer)' : ''}`);
    lines.push('');
  }
  const options = command.options.filter((o) => !o.hidden && o.long !== '--help');
  if (options.length > 0) {
    lines.push('Opties:', '');
    for (const o of options) lines.push(optionLine(o));
    lines.push('');
  }
  const examples = EXAMPLES[path.join(' ')];
  if (examples) lines.push('Voorbeelden:', '', '```sh', ...examples, '```', '');
  for (const sub of command.commands) if (sub.name() !== 'help') lines.push(...section(sub, Math.min(level + 1, 3)));
  return lines;
}

/** The whole reference as Markdown. */
export function renderReference(program: Command = buildProgram()): string {
  const globals = program.options.filter((o) => !o.hidden);
  const lines = [
    '# gob — opdrachten en opties',
    '',
    '<!-- Gemaakt door `npm run docs` uit src/cli/program.ts (en de voorbeelden uit src/cli/examples.ts);',
    '     niet met de hand wijzigen: test/unit/reference.test.ts faalt als dit bestand achterloopt. -->',
    '',
    program.description(),
    '',
    `\`gob [opties] <opdracht>\`; hulp bij een opdracht: \`gob <opdracht> --help\` of \`gob help <opdracht>\`.`,
    '',
    'Exitcodes: `0` klaar, `1` geweigerd (ongeldige gegevens, een regel, niet gevonden), `2` gebruik',
    '(ontbrekende of onjuiste optie), `70` een fout in gob, `130` afgebroken.',
    '',
    '## Algemene opties',
    '',
    'Bij elke opdracht, vóór of na de opdracht.',
    '',
    ...globals.map(optionLine),
    '',
  ];
  const rootExamples = EXAMPLES[''];
  if (rootExamples) lines.push('Voorbeelden:', '', '```sh', ...rootExamples, '```', '');
  for (const command of program.commands) if (command.name() !== 'help') lines.push(...section(command, 2));
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
