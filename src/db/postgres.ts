// gob on a PostgreSQL server (CONTRACT §11): for a bureau where several people work at once from
// their own computers. One CLI run is one process with one connection. What comes back from the
// server is made to look like what SQLite gives, so that every repository function and every
// output is the same on both: whole numbers as numbers, booleans as 0/1, JSON as text.
import type pg from 'pg';
import { Refused, UsageError } from '../errors.js';
import { codeOf } from '../files/refusal.js';

export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/**
 * How a database is named in messages and output: a file by its path, a server by host, port and
 * database, never the user's password (a URL can hold one).
 */
export function describeDatabase(target: string): string {
  if (!isPostgresUrl(target)) return target;
  const { host, database } = serverOf(target);
  return `${host}/${database}`;
}

function serverOf(target: string): { host: string; database: string } {
  try {
    const url = new URL(target);
    const socket = url.searchParams.get('host');
    const host = socket ?? (url.hostname ? `${decodeURIComponent(url.hostname)}:${url.port || '5432'}` : 'localhost:5432');
    const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || decodeURIComponent(url.username) || 'postgres';
    return { host, database };
  } catch {
    return { host: '(onleesbaar adres)', database: '(onbekend)' };
  }
}

/**
 * A whole number from the server: bigint, count(*) and sum() arrive as text because they may not
 * fit a JavaScript number. Money and minutes are whole numbers far below 2^53; anything else
 * (a fraction, a number too large to hold exactly) is a bug, never rounded.
 */
export function parseWholeNumber(text: string): number {
  const n = Number(text);
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(n)) {
    throw new Error(`PostgreSQL gaf ${text} waar een geheel getal hoort (bedragen zijn hele centen)`);
  }
  return n;
}

const INT8 = 20;
const NUMERIC = 1700;
const BOOL = 16;
const JSON_OID = 114;
const JSONB = 3802;

export function typeParsers(types: typeof pg.types): pg.CustomTypesConfig {
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
      if (oid === INT8 || oid === NUMERIC) return parseWholeNumber;
      // SQLite has no booleans: `exists (…)` and comparisons give 0/1 there, and so they do here.
      if (oid === BOOL) return (text: string) => (text === 't' ? 1 : 0);
      // SQLite gives JSON as text and the repositories parse it themselves.
      if (oid === JSON_OID || oid === JSONB) return (text: string) => text;
      return types.getTypeParser(oid, format as 'text');
    }) as pg.CustomTypesConfig['getTypeParser'],
  };
}

/** The oldest server gob supports: 13 has everything gob's SQL uses and is the oldest still kept. */
export const MINIMUM_SERVER_VERSION = 130000;

export function versionRefusal(target: string, versionNum: number, version: string): Refused | null {
  if (versionNum >= MINIMUM_SERVER_VERSION) return null;
  const { host, database } = serverOf(target);
  return new Refused(
    `De PostgreSQL-server ${host} (database ${database}) heeft versie ${version}; gob heeft PostgreSQL 13 of nieuwer nodig. Werk de server bij, of kies een andere met --db.`,
  );
}

/** Errors that say the server, not gob, is the problem; the message names host and database. */
const SERVER_REASONS: Record<string, { reason: string; fix: string }> = {
  ECONNREFUSED: {
    reason: 'de server neemt niet op (draait hij, en klopt de poort?)',
    fix: 'start de server of controleer host en poort in --db/GOB_DB',
  },
  ENOTFOUND: { reason: 'de servernaam is onbekend', fix: 'controleer de host in --db/GOB_DB' },
  EAI_AGAIN: { reason: 'de servernaam kon niet worden opgezocht', fix: 'controleer de netwerkverbinding en de host in --db/GOB_DB' },
  ETIMEDOUT: { reason: 'de server antwoordt niet op tijd', fix: 'controleer de netwerkverbinding en de host in --db/GOB_DB' },
  EHOSTUNREACH: { reason: 'de server is niet bereikbaar', fix: 'controleer de netwerkverbinding en de host in --db/GOB_DB' },
  ENETUNREACH: { reason: 'het netwerk van de server is niet bereikbaar', fix: 'controleer de netwerkverbinding' },
  ECONNRESET: { reason: 'de verbinding werd verbroken', fix: 'probeer het opnieuw; blijft het, vraag de beheerder van de server' },
  '28P01': { reason: 'gebruikersnaam of wachtwoord klopt niet', fix: 'controleer de gebruiker en het wachtwoord in --db/GOB_DB' },
  '28000': { reason: 'de server laat deze gebruiker niet toe', fix: 'vraag de beheerder van de server om toegang (pg_hba.conf)' },
  '3D000': {
    reason: 'de database bestaat niet op de server',
    fix: "maak hem aan (bijvoorbeeld 'createdb gob') of kies een andere met --db",
  },
  '42501': { reason: 'geen rechten in deze database', fix: 'vraag de beheerder om rechten op het schema, of kies een andere database' },
  '53300': { reason: 'de server heeft geen verbindingen meer vrij', fix: 'probeer het zo opnieuw' },
  '57P03': { reason: 'de server start nog op of sluit af', fix: 'probeer het zo opnieuw' },
  '57P01': { reason: 'de server werd afgesloten', fix: 'probeer het opnieuw zodra de server weer draait' },
  '57P02': { reason: 'de server werd afgesloten', fix: 'probeer het opnieuw zodra de server weer draait' },
  '08000': { reason: 'de verbinding met de server ging mis', fix: 'probeer het opnieuw' },
  '08003': { reason: 'de verbinding met de server is er niet meer', fix: 'probeer het opnieuw' },
  '08006': { reason: 'de verbinding met de server ging mis', fix: 'probeer het opnieuw' },
  '53100': { reason: 'de schijf van de server is vol', fix: 'laat de beheerder van de server ruimte vrijmaken' },
  '55P03': { reason: 'bezet door een ander gob-proces, en het kwam niet op tijd vrij', fix: 'probeer het opnieuw' },
  '25006': { reason: 'de server staat alleen lezen toe (een standby-server?)', fix: 'kies de primaire server met --db/GOB_DB' },
};

/** Errors pg gives without a code, told apart by their message (pg's text, never shown). */
const MESSAGE_REASONS: { pattern: RegExp; reason: string; fix: string }[] = [
  {
    // A server that asks for a password (scram-sha-256) while none was given: pg fails at the second step.
    pattern: /client password must be a string|password authentication failed|no password supplied/i,
    reason: 'de server vraagt een wachtwoord, en er is er geen gegeven',
    fix: 'zet het in de URL (postgres://gebruiker:wachtwoord@host/database), in PGPASSWORD of in ~/.pgpass',
  },
  {
    pattern: /server does not support SSL/i,
    reason: 'de server biedt geen versleutelde verbinding (SSL) aan, en --db/GOB_DB vraagt er een',
    fix: 'zet SSL aan op de server, of laat sslmode weg uit --db/GOB_DB als de verbinding niet over een open netwerk gaat',
  },
  {
    pattern:
      /self[- ]signed certificate|unable to verify the first certificate|unable to get local issuer certificate|certificate has expired|Hostname\/IP does not match certificate/i,
    reason: 'het certificaat van de server wordt niet vertrouwd',
    fix: 'vraag de beheerder van de server welk certificaat hoort (sslrootcert)',
  },
  {
    pattern: /connection timeout|timeout expired/i,
    reason: 'de server antwoordt niet op tijd',
    fix: 'controleer de netwerkverbinding en de host in --db/GOB_DB',
  },
];

/** A connection that broke while gob was using it: the server rolls back what was not committed. */
// Only pg's own words: a message of another part (a file, a signature) must not be blamed on the server.
const CONNECTION_LOST = /Connection terminated|not queryable/i;

/** Is this an error of the server or the connection to it (not of gob's own SQL)? */
export function isServerError(error: unknown): boolean {
  const code = codeOf(error);
  if (code !== undefined && code in SERVER_REASONS) return true;
  const message = error instanceof Error ? error.message : '';
  return (
    CONNECTION_LOST.test(message) ||
    MESSAGE_REASONS.some((m) => m.pattern.test(message)) ||
    /Received unexpected|not a valid PostgreSQL/i.test(message)
  );
}

/**
 * The Dutch refusal for a server error, naming host and database (never the password); null when
 * the error is not the server's. pg's own message is not shown: it can echo the connection string.
 */
export function postgresRefusal(error: unknown, target: string, { connecting = false } = {}): Refused | null {
  if (error instanceof Refused) return error;
  if (!isServerError(error)) return null;
  const { host, database } = serverOf(target);
  const code = codeOf(error) ?? '';
  const message = error instanceof Error ? error.message : '';
  // While connecting, a server that hangs up is not PostgreSQL (or not one that will talk to gob).
  const lost = code === 'ECONNRESET' || code === 'EPIPE' || (!(code in SERVER_REASONS) && CONNECTION_LOST.test(message));
  if (lost && !connecting) {
    // Whether the command had finished is not known here (the break may have come at its commit):
    // the server undoes whatever it had not committed, and the log says what was.
    return new Refused(
      `De verbinding met de PostgreSQL-database ${database} op ${host} viel weg. Wat nog niet was vastgelegd, heeft de server ongedaan gemaakt; kijk met 'gob log' wat er is opgeslagen, en probeer het opnieuw zodra de server weer bereikbaar is.`,
    );
  }
  const { reason, fix } = SERVER_REASONS[code] ??
    MESSAGE_REASONS.find((m) => m.pattern.test(message)) ?? {
      reason: 'de server antwoordt niet als een PostgreSQL-server',
      fix: 'controleer host en poort in --db/GOB_DB',
    };
  return new Refused(`De PostgreSQL-database ${database} op ${host} is niet te gebruiken: ${reason}. Er is niets gewijzigd; ${fix}.`);
}

/**
 * A --db/GOB_DB that starts like a PostgreSQL URL but is not one (a port that is no number, an
 * unclosed [ of an IPv6 address): a usage error, said without the value, which may hold a password.
 */
export function urlRefusal(error: unknown): UsageError | null {
  if (codeOf(error) !== 'ERR_INVALID_URL') return null;
  return new UsageError(
    'De PostgreSQL-URL in --db/GOB_DB is geen geldig adres. Verwacht: postgres://gebruiker:wachtwoord@host:poort/database (een poort is een getal; een IPv6-adres staat tussen [ en ]). Er is niets gewijzigd.',
  );
}

/** Serialization failures and deadlocks: the transaction may simply be run again. */
export function isRetryable(error: unknown): boolean {
  const code = codeOf(error);
  return code === '40001' || code === '40P01';
}
