// The house as the README's Layout section draws it, kept true by reading every import of src/.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const SRC = path.join(ROOT, 'src');

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/** Every import of a file: the specifier, and for a relative one the file it resolves to (from src/). */
function imports(file: string): { spec: string; target: string | null; typeOnly: boolean }[] {
  const text = fs.readFileSync(file, 'utf8');
  const found: { spec: string; target: string | null; typeOnly: boolean }[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(import|export)\s+(type\s+)?[^'"]*?from\s+'([^']+)'|import\('([^']+)'\)/g)) {
    const spec = (m[3] ?? m[4])!;
    const target = spec.startsWith('.') ? path.relative(SRC, path.resolve(path.dirname(file), spec)) : null;
    found.push({ spec, target, typeOnly: Boolean(m[2]) });
  }
  return found;
}

const all = files(SRC).map((f) => ({ file: path.relative(SRC, f), imports: imports(f) }));
const inFolder = (folder: string) => all.filter((f) => f.file.startsWith(`${folder}/`));

describe('the house (README, Layout)', () => {
  it('reads the imports of every file', () => {
    expect(all.length).toBeGreaterThan(100);
    expect(all.find((f) => f.file === 'cli/main.ts')?.imports.some((i) => i.target === 'cli/program.js')).toBe(true);
  });

  it('no command folder imports another', () => {
    const wrong = inFolder('commands').flatMap(({ file, imports }) => {
      const own = file.split('/')[1];
      return imports
        .filter((i) => i.target?.startsWith('commands/') && i.target.split('/').length > 2 && i.target.split('/')[1] !== own)
        .map((i) => `${file} → ${i.target}`);
    });
    expect(wrong).toEqual([]);
  });

  it('nothing below commands imports from commands or cli (but the Output type)', () => {
    const wrong = all
      .filter((f) => !f.file.startsWith('commands/') && !f.file.startsWith('cli/'))
      .flatMap(({ file, imports }) =>
        imports
          .filter(
            (i) => i.target?.startsWith('commands/') || (i.target?.startsWith('cli/') && !(i.typeOnly && i.target === 'cli/output.js')),
          )
          .map((i) => `${file} → ${i.target}`),
      );
    expect(wrong).toEqual([]);
  });

  it('the domain is pure: it imports no database, file system, process or clock module', () => {
    const wrong = inFolder('domain').flatMap(({ file, imports }) =>
      imports
        .filter(
          (i) =>
            (i.target !== null && !i.target.startsWith('domain/') && i.target !== 'errors.js') ||
            /^(node:(fs|child_process|os|worker_threads)|better-sqlite3|kysely)$/.test(i.spec),
        )
        .map((i) => `${file} → ${i.spec}`),
    );
    expect(wrong).toEqual([]);
    for (const { file } of inFolder('domain')) {
      expect(fs.readFileSync(path.join(SRC, file), 'utf8'), file).not.toMatch(/process\.(env|argv|cwd)|new Date\(\)|Date\.now\(\)/);
    }
  });
});
