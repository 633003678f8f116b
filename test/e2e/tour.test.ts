// The README's short tour is docs/tour.sh: this runs it, line by line, on a fresh database with the
// built binary, so that what a new user pastes works as written.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOB, ROOT, tempDir } from '../helpers.js';

const TOUR = fs.readFileSync(path.join(ROOT, 'docs', 'tour.sh'), 'utf8');

/** The tour's lines: comments-only and empty lines are left out. */
function tourLines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
}

/** A line announces a failure in its comment: `# exit 2: …`; otherwise it must succeed. */
function expectedExit(line: string): number {
  const match = /#\s*exit (\d+)\b/.exec(line);
  return match ? Number(match[1]) : 0;
}

describe('the README tour (docs/tour.sh)', () => {
  it('is the block under "A short tour" in the README, exactly', async () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const block = /## A short tour[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBe(TOUR);
  });

  it('runs line by line on a fresh database: every line exits as announced', async () => {
    const dir = tempDir('gob-tour-');
    // The tour runs from the project folder; it reads its urenkaart from docs/.
    fs.mkdirSync(path.join(dir, 'docs'));
    for (const file of fs.readdirSync(path.join(ROOT, 'docs'))) {
      if (file.startsWith('tour-')) fs.copyFileSync(path.join(ROOT, 'docs', file), path.join(dir, 'docs', file));
    }
    const env: Record<string, string> = { ...(process.env as Record<string, string>), NO_COLOR: '1', GOB_BIN: GOB };
    delete env.GOB_DB;
    delete env.GOB_TODAY;
    // `npx gob` is the built binary here; anything else would reach the network.
    const shim = 'npx() { if [ "$1" != gob ]; then echo "tour: only npx gob" >&2; return 99; fi; shift; node "$GOB_BIN" "$@"; }';
    const results: string[] = [];
    for (const line of tourLines(TOUR)) {
      const exported = /^export ([A-Z_]+)=(\S+)/.exec(line);
      if (exported) {
        env[exported[1]!] = exported[2]!;
        continue;
      }
      const r = spawnSync('bash', ['-c', `${shim}\n${line}`], { cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      const want = expectedExit(line);
      if (r.status !== want) results.push(`exit ${r.status} (wanted ${want}): ${line}\n${r.stderr}${r.stdout}`);
    }
    expect(results).toEqual([]);
    const tour = (file: string) => fs.readFileSync(path.join(dir, 'data', 'tour', file));
    expect(tour('uitbetaling-kopie.xml').equals(tour('uitbetaling.xml'))).toBe(true);
    // What the tour promises to have made.
    for (const file of [
      'facturen/2026-00001.pdf',
      'incasso.xml',
      'uitbetaling.xml',
      'overeenkomst.pdf',
      'gastouders.csv',
      'kopie.sqlite',
    ]) {
      expect(fs.existsSync(path.join(dir, 'data', 'tour', file)), file).toBe(true);
    }
  });
});
