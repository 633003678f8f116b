// Start-up time of `gob --help` and of `gob gastouder list` on a 1,000-gastouder database, as a
// ratio to `node -e 0` measured in the same run (targets: ≤ 1.5× and ≤ 2.5×).
import fs from 'node:fs';
import path from 'node:path';
import { GOB, gobSync, medianRuns, report, tempDir } from './lib.mjs';

export function benchStartup() {
  const dir = tempDir('startup');
  gobSync(dir, ['init', '--naam', 'Benchbureau']);
  const lines = ['code;naam;geboortedatum;plaats;lrk;slaapruimte'];
  for (let i = 1; i <= 1000; i++)
    lines.push(`G${String(i).padStart(4, '0')};Gastouder ${i};01-01-1980;Utrecht;${String(100000000 + i)};ja`);
  fs.writeFileSync(path.join(dir, 'g.csv'), lines.join('\r\n'));
  gobSync(dir, ['gastouder', 'import', 'g.csv']);

  const [node, help, list] = medianRuns([
    { args: ['-e', '0'] },
    { args: [GOB, '--help'] },
    { args: [GOB, 'gastouder', 'list'], options: { cwd: dir } },
  ]);
  report('node -e 0', node.toFixed(1), 'ms');
  report('gob --help', help.toFixed(1), 'ms', `${(help / node).toFixed(2)}× node (doel ≤ 1.5×)`);
  report('gob gastouder list (1.000 gastouders)', list.toFixed(1), 'ms', `${(list / node).toFixed(2)}× node (doel ≤ 2.5×)`);
  fs.rmSync(dir, { recursive: true, force: true });
  return { node, help, list };
}

if (import.meta.url === `file://${process.argv[1]}`) benchStartup();
