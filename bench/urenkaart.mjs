// Import of a generated 1,000,000-row urenkaart (11,000 gastouders with 4 children each, every
// weekday of October 2026) with full validation, against `sqlite3 .import` of the same file in
// the same run. Targets: ≤ 3× its time, ≤ 512 MB peak memory.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildBureau } from './bureau.mjs';
import { GOB, measure, report, tempDir } from './lib.mjs';

export function writeUrenkaart(file, slots) {
  const days = [];
  for (let d = 1; d <= 31; d++) {
    const date = new Date(Date.UTC(2026, 9, d));
    if (date.getUTCDay() >= 1 && date.getUTCDay() <= 5) days.push(`2026-10-${String(d).padStart(2, '0')}`);
  }
  const kinds = new Map();
  for (const s of slots) kinds.set(s.kind, s.gastouder);
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, 'gastouder;kind;datum;van;tot;opmerking\r\n');
  let rows = 0;
  let buffer = '';
  for (const [kind, gastouder] of kinds) {
    for (const datum of days) {
      buffer += `${gastouder};${kind};${datum};08:00;17:00;\r\n`;
      rows++;
    }
    if (buffer.length > 1 << 20) {
      fs.writeSync(out, buffer);
      buffer = '';
    }
  }
  fs.writeSync(out, buffer);
  fs.closeSync(out);
  return rows;
}

export async function benchUrenkaart() {
  const dir = tempDir('uren');
  const { slots } = buildBureau(dir, { gastouders: 11_000, kinderenPerGastouder: 4, achterwacht: true });
  const file = path.join(dir, 'uren-2026-10.csv');
  const rows = writeUrenkaart(file, slots);

  const probe = spawnSync('sqlite3', ['-version'], { encoding: 'utf8' });
  if (probe.status !== 0) throw new Error('sqlite3 is niet geïnstalleerd (apt-get install sqlite3)');
  const env = { ...process.env, NO_COLOR: '1', GOB_TODAY: '2026-11-03' };
  const db = path.join(dir, 'data', 'gob.sqlite');
  fs.copyFileSync(db, path.join(dir, 'leeg.sqlite'));
  // Three rounds, the two measured in turn, medians reported: a noisy moment hits both alike.
  const rounds = { sqlite: [], gob: [], again: [] };
  for (let round = 0; round < 3; round++) {
    const sqliteDb = path.join(dir, `import-${round}.sqlite`);
    const script = `create table urenkaart (gastouder text, kind text, datum text, van text, tot text, opmerking text);\n.mode csv\n.separator ;\n.import --skip 1 ${file} urenkaart\n`;
    rounds.sqlite.push(await measure('bash', ['-c', `sqlite3 ${sqliteDb} <<'SQL'\n${script}SQL`], {}));
    fs.rmSync(sqliteDb);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(db + suffix, { force: true });
    fs.copyFileSync(path.join(dir, 'leeg.sqlite'), db);
    rounds.gob.push(await measure(process.execPath, [GOB, 'urenkaart', 'import', file], { cwd: dir, env }));
    // Again: now every gastouder's month is replaced (delete, then insert).
    rounds.again.push(await measure(process.execPath, [GOB, 'urenkaart', 'import', file], { cwd: dir, env }));
  }
  const mid = (list) => [...list].sort((a, b) => a.ms - b.ms)[1];
  const sqlite = mid(rounds.sqlite);
  const gob = mid(rounds.gob);
  const again = mid(rounds.again);
  gob.peakMb = Math.max(...rounds.gob.map((r) => r.peakMb));
  again.peakMb = Math.max(...rounds.again.map((r) => r.peakMb));

  report('sqlite3 .import (zelfde bestand)', (sqlite.ms / 1000).toFixed(2), 's', `${rows} rijen`);
  report(
    'gob urenkaart import, volledige controle',
    (gob.ms / 1000).toFixed(2),
    's',
    `${(gob.ms / sqlite.ms).toFixed(2)}× sqlite3 (doel ≤ 3×), piek ${gob.peakMb.toFixed(0)} MB (doel ≤ 512)`,
  );
  report(
    '  opnieuw (maand vervangen)',
    (again.ms / 1000).toFixed(2),
    's',
    `${(again.ms / sqlite.ms).toFixed(2)}× sqlite3, piek ${again.peakMb.toFixed(0)} MB`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
  return { rows, sqlite, gob, again };
}

if (import.meta.url === `file://${process.argv[1]}`) await benchUrenkaart();
