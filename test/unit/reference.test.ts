// docs/reference.md is generated from the command definitions: this fails when someone changed a
// command, an option or an example and did not run `npm run docs`.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../src/cli/examples.js';
import { buildProgram, findCommand } from '../../src/cli/program.js';
import { renderReference } from '../../src/cli/reference.js';
import { ROOT } from '../helpers.js';

function allCommands(command: Command): Command[] {
  return [command, ...command.commands.flatMap(allCommands)];
}

describe('docs/reference.md', () => {
  it('is what `npm run docs` makes from the command definitions now', async () => {
    const onDisk = fs.readFileSync(path.join(ROOT, 'docs', 'reference.md'), 'utf8');
    // Not toBe on the whole text: a diff of the first differing lines says what to regenerate.
    expect(onDisk.split('\n'), "docs/reference.md is niet bij: draai 'npm run docs'").toEqual(renderReference().split('\n'));
  });

  it('names every command and option of gob', async () => {
    const text = renderReference();
    for (const command of allCommands(buildProgram())) {
      for (const option of command.options) expect(text).toContain(`\`${option.flags}\``);
    }
    expect(text).toContain('### gob factuur run');
    expect(text).toContain('gob factuur run --maand 2026-10 --dry-run'); // its example
  });

  it('every example belongs to a command that exists, and usage lines say <bestand>, not <file>', async () => {
    const program = buildProgram();
    for (const key of Object.keys(EXAMPLES)) expect(findCommand(program, key ? key.split(' ') : []), key).toBeDefined();
    for (const command of allCommands(program)) {
      for (const arg of command.registeredArguments) expect(arg.name(), command.name()).not.toBe('file');
    }
    expect(renderReference()).not.toMatch(/<file>/);
  });
});
