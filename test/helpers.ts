// Test helpers: real SQLite files in temp dirs, and runs of the built binary.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createOutput } from '../src/cli/output.js';
import type { Deps } from '../src/commands/deps.js';
import type SQLite from 'better-sqlite3';
import { createOrMigrateDatabase } from '../src/db/open.js';
import { createTestDatabase, createTestDatabaseSync } from './pg/databases.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const GOB = path.join(ROOT, 'bin', 'gob.js');

export function tempDir(prefix = 'gob-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Output for handler tests, which read results, not text: what a command prints goes nowhere. */
export function quietOutput() {
  return createOutput({ json: true, io: { stdout: { write: () => true }, stderr: { write: () => true } } });
}

/**
 * The database the tests of this vitest project run on: 'sqlite' (the whole suite), or 'postgres'
 * (the project that runs the database-touching tests again on the server of GOB_TEST_PG; see
 * vitest.config.ts). On 'postgres', gob()/gobProcess()/gobAsync() give each working folder its own
 * fresh database through GOB_DB, unless the test chooses one itself (--db or GOB_DB).
 */
export const TEST_DIALECT: 'sqlite' | 'postgres' = process.env.GOB_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';

/** A fresh, migrated database and deps for calling handlers directly; `sqlite` is the raw handle, for tests that look under the repository. */
export async function testDeps(today = '2026-11-23'): Promise<Deps & { sqlite: SQLite.Database; close(): Promise<void>; dir: string }> {
  const dir = tempDir();
  const dbFile = path.join(dir, 'gob.sqlite');
  const { store } = await createOrMigrateDatabase(dbFile);
  return { ...handlerDeps(dir, dbFile, store, today), sqlite: store.sqlite! };
}

/**
 * testDeps on a fresh, migrated PostgreSQL database of the server of GOB_TEST_PG (the PostgreSQL
 * project only); `dbFile` is its URL and `sqlite` is null.
 */
export async function pgTestDeps(today = '2026-11-23'): Promise<Deps & { sqlite: null; close(): Promise<void>; dir: string }> {
  const dir = tempDir();
  const url = await createTestDatabase();
  const { store } = await createOrMigrateDatabase(url);
  return { ...handlerDeps(dir, url, store, today), sqlite: null };
}

/** testDeps or pgTestDeps, as the project runs (TEST_DIALECT): for tests that hold on both. */
export async function projectTestDeps(
  today = '2026-11-23',
): Promise<Deps & { sqlite: SQLite.Database | null; close(): Promise<void>; dir: string }> {
  return TEST_DIALECT === 'postgres' ? pgTestDeps(today) : testDeps(today);
}

function handlerDeps(dir: string, dbFile: string, store: { db: Deps['db']; close(): Promise<void> }, today: string) {
  return {
    dir,
    db: store.db,
    today,
    now: '2026-11-23T12:00:00.000Z',
    user: 'test',
    command: 'test',
    dbFile,
    out: quietOutput(),
    prompts: null,
    yes: false,
    close: store.close,
  };
}

export interface GobResult {
  code: number;
  stdout: string;
  stderr: string;
}

const baseEnv = (extra: Record<string, string>) => {
  const env = { ...process.env } as Record<string, string>;
  delete env.GOB_DB;
  delete env.CI;
  return { ...env, NO_COLOR: '1', GOB_TODAY: '2026-11-23', ...extra };
};

/**
 * Run gob in this process: `main` of the built bundle (dist/main.js, the same code bin/gob.js
 * runs), in `cwd`, with output captured and no terminal (as a script would run it). A process
 * costs ~150 ms to start; most tests need only its exit code, output and files. Tests that need
 * the process itself (a kill, a signal, a terminal, the binary's start) use gobProcess.
 */
export async function gob(cwd: string, args: string[], env: Record<string, string> = {}): Promise<GobResult> {
  env = await withProjectDatabase(cwd, args, env);
  const { main } = (await import(/* @vite-ignore */ DIST_MAIN)) as { main: (argv: string[], io: unknown) => Promise<number> };
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdinIsTTY: false,
    env: baseEnv(env),
  };
  // One command at a time in this process: the working directory belongs to the whole process,
  // and two commands at once (a test's Promise.all) would each restore the other's. Test files
  // share a worker process (isolate: false), so a directory left behind would move the next file.
  const run = inProcess.then(async () => {
    const before = process.cwd();
    process.chdir(cwd);
    try {
      return noBug({ code: await main(args, io), stdout, stderr }, args);
    } finally {
      process.chdir(before);
    }
  });
  inProcess = run.catch(() => {});
  return run;
}

/** The in-process gob command running now, which the next one waits for. */
let inProcess: Promise<unknown> = Promise.resolve();

/**
 * Exit 70 means a bug in gob (CONTRACT §1): whatever a test does to gob, the answer is a Dutch
 * refusal or usage error, never that. The one test of the bug path itself calls main directly.
 */
function noBug(result: GobResult, args: string[]): GobResult {
  if (result.code === 70) throw new Error(`gob ${args.join(' ')} eindigde met 70 (een bug): ${result.stderr}`);
  return result;
}

const DIST_MAIN = pathToFileURL(path.join(ROOT, 'dist', 'main.js')).href;

/** Run the built binary `bin/gob.js` as its own process in `cwd`, with stdin closed. */
export function gobProcess(cwd: string, args: string[], env: Record<string, string> = {}): GobResult {
  env = withProjectDatabaseSync(cwd, args, env);
  const r = spawnSync(process.execPath, [GOB, ...args], {
    cwd,
    env: baseEnv(env),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 1 << 30,
  });
  return noBug({ code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }, args);
}

export async function gobAsync(cwd: string, args: string[], env: Record<string, string> = {}): Promise<GobResult> {
  env = await withProjectDatabase(cwd, args, env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [GOB, ...args], { cwd, env: baseEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    // noBug throws on exit 70: as a rejection, or the test waits for its timeout.
    child.on('close', (code) => {
      try {
        resolve(noBug({ code: code ?? -1, stdout, stderr }, args));
      } catch (error) {
        reject(error);
      }
    });
  });
}

/** The PostgreSQL database of each working folder (PostgreSQL project): made on first use. */
const folderDatabases = new Map<string, Promise<string>>();
const folderUrls = new Map<string, string>();

/** Whether the test chose the database itself: then it gets what it asked for, on either project. */
const choosesDatabase = (args: string[], env: Record<string, string>) =>
  env.GOB_DB !== undefined || args.some((a) => a === '--db' || a.startsWith('--db='));

async function withProjectDatabase(cwd: string, args: string[], env: Record<string, string>): Promise<Record<string, string>> {
  if (TEST_DIALECT !== 'postgres' || choosesDatabase(args, env)) return env;
  const key = path.resolve(cwd);
  let url = folderDatabases.get(key);
  if (!url) {
    url = createTestDatabase().then((u) => {
      folderUrls.set(key, u);
      return u;
    });
    folderDatabases.set(key, url);
  }
  return { ...env, GOB_DB: await url };
}

function withProjectDatabaseSync(cwd: string, args: string[], env: Record<string, string>): Record<string, string> {
  if (TEST_DIALECT !== 'postgres' || choosesDatabase(args, env)) return env;
  const key = path.resolve(cwd);
  let url = folderUrls.get(key);
  if (!url) {
    if (folderDatabases.has(key)) throw new Error(`gobProcess in ${cwd} terwijl de database van die map nog gemaakt wordt`);
    url = createTestDatabaseSync();
    folderUrls.set(key, url);
    folderDatabases.set(key, Promise.resolve(url));
  }
  return { ...env, GOB_DB: url };
}

/** The database gob uses in `cwd` on this project: the folder's PostgreSQL URL, or data/gob.sqlite. */
export async function projectDatabase(cwd: string): Promise<string> {
  if (TEST_DIALECT !== 'postgres') return path.join(cwd, 'data', 'gob.sqlite');
  return (await withProjectDatabase(cwd, [], {})).GOB_DB!;
}

/** A CSV file as Dutch Excel writes it: ';', CRLF, and Windows-1252 unless told otherwise. */
export function writeCsv(file: string, lines: string[], encoding: 'windows-1252' | 'utf-8' | 'utf-8-bom' = 'windows-1252'): string {
  const text = `${lines.join('\r\n')}\r\n`;
  if (encoding === 'windows-1252') fs.writeFileSync(file, encodeWindows1252(text));
  else fs.writeFileSync(file, (encoding === 'utf-8-bom' ? '\uFEFF' : '') + text, 'utf8');
  return file;
}

/** Windows-1252 encoding for the characters our fixtures use (Latin-1 range plus €). */
export function encodeWindows1252(text: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '€') bytes.push(0x80);
    else if (code < 256) bytes.push(code);
    else throw new Error(`not in Windows-1252: ${ch}`);
  }
  return Buffer.from(bytes);
}
