// `gob rooster check` over 12 months for 10,000 gastouders with 4–6 children each (target < 2 s).
import fs from 'node:fs';
import { GOB, median, report, tempDir, timeRun } from './lib.mjs';
import { buildBureau } from './bureau.mjs';

export function benchRules() {
  const dir = tempDir('rules');
  const built = buildBureau(dir, { gastouders: 10_000 });
  const args = [GOB, 'rooster', 'check', '--json'];
  const options = { cwd: dir, env: { GOB_TODAY: '2026-11-03' }, okCodes: [0, 1] };
  timeRun(args, options);
  const ms = median([1, 2, 3, 4, 5].map(() => timeRun(args, options)));
  report(`rooster check, 12 mnd, 10.000 gastouders (${built.kinderen} kinderen)`, (ms / 1000).toFixed(2), 's', 'doel < 2 s');
  fs.rmSync(dir, { recursive: true, force: true });
  return ms;
}

if (import.meta.url === `file://${process.argv[1]}`) benchRules();
