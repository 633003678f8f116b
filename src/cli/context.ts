// The one place that reads the clock, the environment and the terminal, and opens the database.
// Everything below receives these as plain values (Deps).
import os from 'node:os';
import type { BaseDeps, Deps } from '../commands/deps.js';
import { makeDate } from '../domain/calendar.js';
import { parseDate } from '../domain/values.js';
import { UsageError, ValueError } from '../errors.js';
import { codeOf } from '../files/refusal.js';
import type { Io } from './io.js';
import { createOutput, loadStyle } from './output.js';
import { canPrompt, createPrompts } from './prompts.js';

export interface GlobalOptions {
  db?: string;
  today?: string;
  json?: boolean;
  yes?: boolean;
  color?: boolean;
}

export const DEFAULT_DB = 'data/gob.sqlite'; // also in program.ts, for --help

/**
 * Today in Europe/Amsterdam, whatever the machine's time zone. Setting TZ makes V8 reread the zone
 * (~1 ms); Intl.DateTimeFormat with a timeZone would load ICU's zone data (~15 ms every start).
 * The CLI is one process for one command, so the whole run keeps Amsterdam time.
 */
export function clockToday(now: Date): string {
  useAmsterdamTime();
  return makeDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** From here on, local time in this process is Dutch time (the audit log shows it so). */
export function useAmsterdamTime(): void {
  process.env.TZ = 'Europe/Amsterdam';
}

export function resolveToday(option: string | undefined, env: NodeJS.ProcessEnv, now: Date): string {
  // An empty GOB_TODAY is unset, as shells treat it; an empty --today was typed, and is no date.
  if (option === '') throw new UsageError('--today: een lege waarde is geen datum; geef een datum als JJJJ-MM-DD, of laat --today weg.');
  const raw = option ?? env.GOB_TODAY;
  if (raw === undefined || raw === '') return clockToday(now);
  try {
    return parseDate(raw);
  } catch (error) {
    if (error instanceof ValueError) {
      throw new UsageError(`${option !== undefined ? '--today' : 'GOB_TODAY'}: ${error.message}.`);
    }
    throw error;
  }
}

export async function createBaseDeps(globals: GlobalOptions, command: string, io: Io): Promise<BaseDeps> {
  const now = new Date();
  const env = io.env;
  useAmsterdamTime();
  const json = Boolean(globals.json);
  return {
    today: resolveToday(globals.today, env, now),
    now: now.toISOString(),
    user: safeUser(env),
    command,
    dbFile: globals.db ?? env.GOB_DB ?? DEFAULT_DB,
    out: createOutput({ json, io, style: await loadStyle(globals.color !== false && !env.NO_COLOR && !json, io.stdout) }),
    // With --json the caller is a script: never ask.
    prompts: canPrompt(io) && !json ? createPrompts() : null,
    yes: Boolean(globals.yes),
    stop: stopAt(env.GOB_TEST_STOP_AT, env.GOB_TEST_SIGINT_AT, env.GOB_TEST_SIGINT_NOW_AT),
    certificaatWachtwoord: env.GOB_CERTIFICAAT_WACHTWOORD || undefined,
    backupWachtwoord: env.GOB_BACKUP_WACHTWOORD || undefined,
  };
}

/**
 * For tests of kill safety: GOB_TEST_STOP_AT=<stage> kills this process, without any cleanup, when
 * a command reaches that stage. SIGKILL, not an exception: nothing of gob may run after it.
 * GOB_TEST_SIGINT_AT=<stage> sends a Ctrl-C there instead and goes on, as a user's Ctrl-C arrives
 * while a command is busy (Node handles it at its next turn of the event loop, when that comes).
 * GOB_TEST_SIGINT_NOW_AT=<stage> has the Ctrl-C handled right there: what it says at that moment,
 * without a race with the work that follows.
 */
function stopAt(kill: string | undefined, interrupt: string | undefined, now: string | undefined): ((at: string) => void) | undefined {
  if (!kill && !interrupt && !now) return undefined;
  return (at) => {
    if (at === kill) process.kill(process.pid, 'SIGKILL');
    if (at === interrupt) process.kill(process.pid, 'SIGINT');
    if (at === now) process.emit('SIGINT', 'SIGINT');
  };
}

function safeUser(env: Io['env']): string {
  try {
    return os.userInfo().username;
  } catch {
    return env.USER ?? 'onbekend';
  }
}

/** Open the database (lazily loading kysely and better-sqlite3) and run `fn`; always closes it. */
export async function withDatabase<T>(base: BaseDeps, fn: (deps: Deps) => Promise<T>): Promise<T> {
  const { openDatabase, isPostgresUrl, refusalFor } = await import('../db/open.js');
  const store = await openDatabase(base.dbFile);
  try {
    return await fn({ ...base, db: store.db });
  } catch (error) {
    // SQLite's errors name no file; an error of the database (a full disk, a read-only file, a
    // server gone away) is said here, where the database is known. OS errors on other files name
    // their own path.
    throw isSqliteError(error) || isPostgresUrl(base.dbFile) ? refusalFor(error, base.dbFile) : error;
  } finally {
    await store.close().catch(() => {});
  }
}

function isSqliteError(error: unknown): boolean {
  return codeOf(error)?.startsWith('SQLITE_') ?? false;
}
