// The pure parts of gob on PostgreSQL: how a server is named (never its password), how whole
// numbers come back, which errors are the server's, and the SQLite → PostgreSQL DDL translation.
import { describe, expect, it } from 'vitest';
import { toPostgres } from '../../src/db/migrations/portable.js';
import { describeDatabase, isPostgresUrl, parseWholeNumber, postgresRefusal, urlRefusal, versionRefusal } from '../../src/db/postgres.js';
import { UsageError } from '../../src/errors.js';

describe('naming a database', () => {
  it.each([
    ['postgres://anna:geheim@db.bureau.nl:6543/gob', 'db.bureau.nl:6543/gob'],
    ['postgresql://anna@localhost/gob', 'localhost:5432/gob'],
    ['postgres://anna:p%40ss@10.0.0.5/bureau%20west', '10.0.0.5:5432/bureau west'],
    ['postgres:///gob?host=/var/run/postgresql', '/var/run/postgresql/gob'],
    ['data/gob.sqlite', 'data/gob.sqlite'],
  ])('%s is shown as %s', (target, shown) => {
    expect(describeDatabase(target)).toBe(shown);
    expect(describeDatabase(target)).not.toContain('geheim');
  });

  it('knows a PostgreSQL URL from a file name', () => {
    expect(isPostgresUrl('postgres://x/y')).toBe(true);
    expect(isPostgresUrl('PostgreSQL://x/y')).toBe(true);
    expect(isPostgresUrl('postgres.sqlite')).toBe(false);
    expect(isPostgresUrl('data/postgres://x')).toBe(false);
  });
});

describe('whole numbers from the server', () => {
  it('parses bigint, count and sum text exactly', () => {
    expect(parseWholeNumber('0')).toBe(0);
    expect(parseWholeNumber('-1234567')).toBe(-1234567);
    expect(parseWholeNumber('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
  });
  it.each(['12.50', '1e3', '9007199254740993', '', 'NaN'])('refuses %j rather than rounding', (text) => {
    expect(() => parseWholeNumber(text)).toThrow(/geheel getal/);
  });
});

describe('server errors in Dutch', () => {
  const url = 'postgres://anna:geheim@db.bureau.nl:6543/gob';
  it.each([
    ['ECONNREFUSED', /neemt niet op/],
    ['ENOTFOUND', /servernaam is onbekend/],
    ['28P01', /wachtwoord klopt niet/],
    ['3D000', /database bestaat niet/],
    ['55P03', /bezet/],
  ])('%s names host and database, never the password', (code, reason) => {
    const refusal = postgresRefusal(Object.assign(new Error(`x ${url}`), { code }), url);
    expect(refusal?.message).toMatch(reason);
    expect(refusal?.message).toContain('gob op db.bureau.nl:6543');
    expect(refusal?.message).not.toContain('geheim');
  });
  // pg gives these without a code; its message is told apart, never shown (it can hold the URL).
  it.each([
    ['SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string', /vraagt een wachtwoord, en er is er geen gegeven.*PGPASSWORD/],
    ['The server does not support SSL connections', /geen versleutelde verbinding \(SSL\)/],
    ['Connection terminated unexpectedly', /De verbinding met de PostgreSQL-database gob op db\.bureau\.nl:6543 viel weg.*'gob log'/],
    ['Client has encountered a connection error and is not queryable', /viel weg/],
  ])('%s: in Dutch, naming host and database', (message, reason) => {
    const refusal = postgresRefusal(new Error(`${message} ${url}`), url);
    expect(refusal?.message).toMatch(reason);
    expect(refusal?.message).not.toContain('geheim');
  });
  it('a server that hangs up while gob connects is not taken for a lost connection: it does not speak PostgreSQL', () => {
    const refusal = postgresRefusal(new Error('Connection terminated unexpectedly'), url, { connecting: true });
    expect(refusal?.message).toMatch(/is niet te gebruiken: de server antwoordt niet als een PostgreSQL-server/);
  });
  it('a URL that is no address is a usage error that does not repeat it', () => {
    let error: unknown;
    try {
      new URL('postgres://anna:geheim@db.bureau.nl:poort/gob');
    } catch (e) {
      error = e;
    }
    const refusal = urlRefusal(error);
    expect(refusal).toBeInstanceOf(UsageError);
    expect(refusal?.message).toMatch(/geen geldig adres\. Verwacht: postgres:\/\/gebruiker:wachtwoord@host:poort\/database/);
    expect(refusal?.message).not.toContain('geheim');
    expect(urlRefusal(new Error('iets anders'))).toBeNull();
  });
  // Every error of a command on PostgreSQL passes here: a signature's own certificate error was
  // said as the server's certificate not being trusted.
  it('does not take the words of another part for the server', () => {
    expect(postgresRefusal(new Error('Failed to find a certificate that matches the private key.'), url)).toBeNull();
    expect(postgresRefusal(new Error('write EPIPE'), url)).toBeNull();
  });
  it('leaves an error of gob itself alone (a bug stays a bug)', () => {
    expect(postgresRefusal(Object.assign(new Error('syntax'), { code: '42601' }), url)).toBeNull();
  });
  it('refuses a server older than 13', () => {
    expect(versionRefusal(url, 120015, '12.15')?.message).toMatch(/versie 12.15; gob heeft PostgreSQL 13 of nieuwer nodig/);
    expect(versionRefusal(url, 130000, '13.0')).toBeNull();
  });
});

describe('SQLite DDL for PostgreSQL', () => {
  it('translates types, rowids, STRICT and json_valid', () => {
    const out = toPostgres(`create table t (
      id integer primary key,
      naam text not null, bedrag_cent integer not null, inhoud blob,
      gegevens text not null check (json_valid(gegevens))
    ) strict, without rowid`);
    expect(out).toContain('id bigint generated by default as identity primary key');
    expect(out).toContain('naam text collate "C" not null');
    expect(out).toContain('bedrag_cent bigint not null');
    expect(out).toContain('inhoud bytea');
    expect(out).toContain('check (gegevens::json is not null)');
    expect(out.trimEnd().endsWith(')')).toBe(true);
  });
  it('refuses what it cannot translate instead of running it half', () => {
    expect(() => toPostgres('create trigger x before update on t begin select raise(abort, "no"); end')).toThrow(
      /no PostgreSQL translation/,
    );
    expect(() => toPostgres('pragma foreign_keys = on')).toThrow(/no PostgreSQL translation/);
  });
});
