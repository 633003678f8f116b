// Issue 12 point 2, proved by reading the source: every query lives in src/db (repo functions),
// so no file outside src/db knows which database it talks to (the seam PostgreSQL needs).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const SRC = path.join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every .ts file under src/ but outside src/db/, as [path relative to the repository, text]. */
function outsideDb(): [string, string][] {
  return sourceFiles(SRC)
    .map((f) => path.relative(ROOT, f).split(path.sep).join('/'))
    .filter((f) => !f.startsWith('src/db/'))
    .map((f) => [f, fs.readFileSync(path.join(ROOT, f), 'utf8')]);
}

/** Lines of `files` matching `pattern`, as 'file:line: text', so a failure says where. */
function hits(files: [string, string][], pattern: RegExp): string[] {
  return files.flatMap(([f, text]) => text.split('\n').flatMap((line, i) => (pattern.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])));
}

describe('layers: the database stays in src/db', () => {
  const files = outsideDb();

  it('finds the source (the test reads real files)', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.some(([f]) => f === 'src/commands/betaling/storno.ts')).toBe(true);
  });

  it('no Kysely query or raw SQL outside src/db/', () => {
    expect(hits(files, /selectFrom|insertInto|updateTable|deleteFrom|sql`|\.prepare\(/)).toEqual([]);
  });

  it('no file outside src/db/ imports better-sqlite3 or kysely (its sql tag, its builders)', () => {
    expect(
      hits(
        files,
        /from ['"](better-sqlite3|kysely)['"]|import\(['"](better-sqlite3|kysely)['"]\)|require\(['"](better-sqlite3|kysely)['"]\)/,
      ),
    ).toEqual([]);
  });

  it('no command writes through the raw handle: deps carries no sqlite', () => {
    expect(hits(files, /deps\.sqlite|\bsqlite\s*:/)).toEqual([]);
  });

  it('the grep itself catches a query (it would see one if it were there)', () => {
    expect(
      hits(
        [['x.ts', "await db.selectFrom('kind').selectAll().execute();\nconst q = sql`select 1`;\nimport SQLite from 'better-sqlite3';"]],
        /selectFrom|sql`/,
      ),
    ).toHaveLength(2);
    expect(hits([['x.ts', "import { sql } from 'kysely';"]], /from ['"](better-sqlite3|kysely)['"]/)).toHaveLength(1);
  });
});
