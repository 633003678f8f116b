// The server's side of "the OS says no in Dutch" (CONTRACT §11, Bad input): a connection the server
// ends while gob is using it, and a server that asks for a password nobody gave. Both were bugs
// (exit 70, or Node's English 'Unhandled error event' with a stack); now each is a Dutch refusal
// naming host and database (exit 1) and the command stores nothing. Runs as the built binary: the
// broken connection crashed the whole process.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD_ROLE } from '../../scripts/pg-cluster.mjs';
import { demoBureau } from '../demo.js';
import { gob, gobAsync, gobProcess, projectDatabase, tempDir } from '../helpers.js';

describe('PostgreSQL: the connection, refused in Dutch', () => {
  let dir: string;
  let url: string;
  let client: import('pg').Client;
  beforeAll(async () => {
    dir = tempDir();
    expect((await gob(dir, ['init', '--naam', 'Bureau'])).code).toBe(0);
    url = await projectDatabase(dir);
    const { default: pg } = await import('pg');
    client = new pg.Client({ connectionString: url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
  });

  it('a connection the server ends mid-command: exit 1 in Dutch, nothing stored', async () => {
    // The insert waits (a trigger), and meanwhile the server ends gob's connection, as a restart
    // or an administrator would.
    await client.query(`create function gob_test_traag() returns trigger language plpgsql as $$
      begin perform pg_sleep(20); return null; end $$`);
    await client.query('create trigger gob_test_traag after insert on gastouder for each statement execute function gob_test_traag()');
    const add = gobAsync(dir, ['gastouder', 'add', '--naam', 'Anna', '--geboortedatum', '1980-01-01']);
    const database = new URL(url).pathname.slice(1);
    let ended = 0;
    for (let tries = 0; ended === 0 && tries < 200; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const { rowCount } = await client.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
         where datname = $1 and application_name = 'gob' and wait_event = 'PgSleep'`,
        [database],
      );
      ended = rowCount ?? 0;
    }
    expect(ended).toBe(1);
    const r = await add;
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/^De PostgreSQL-database .+ op .+ is niet te gebruiken: de server werd afgesloten\. Er is niets gewijzigd/);
    expect(r.stderr).not.toMatch(/Unhandled|events|Error|at /);
    await client.query('drop trigger gob_test_traag on gastouder');
    expect(JSON.parse((await gob(dir, ['gastouder', 'list', '--json'])).stdout)).toEqual([]);
  });

  it('a server that asks for a password none was given for: exit 1, saying where it goes', async (ctx) => {
    // scripts/pg-cluster.mjs makes the server ask this role for its password (scram-sha-256); a
    // password nobody knows, new every run.
    await client.query(`create role ${PASSWORD_ROLE} login password '${randomBytes(18).toString('hex')}'`).catch((e: { code?: string }) => {
      if (e.code !== '42710' && e.code !== '23505') throw e;
    });
    const zonder = new URL(url);
    zonder.username = PASSWORD_ROLE;
    zonder.password = '';
    const r = gobProcess(dir, ['--db', zonder.toString(), 'gastouder', 'list'], { PGPASSWORD: '' });
    // A server of one's own that trusts everyone does not ask.
    if (r.code === 0) ctx.skip(`de server van GOB_TEST_PG vraagt ${PASSWORD_ROLE} niet om een wachtwoord`);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/de server vraagt een wachtwoord, en er is er geen gegeven.*PGPASSWORD of in ~\/\.pgpass/);
  });
});

// On PostgreSQL the mark 'written' after a bank file's commit waits on the server, and a Ctrl-C
// there said "Afgebroken; er is niets opgeslagen." while the booking (24,000 collections in the QA
// run) stood.
describe('PostgreSQL: a Ctrl-C after a booking is committed', () => {
  it('says the booking stands and how to write its file, not that nothing was stored', async () => {
    const dir = await demoBureau({ facturen: true });
    const r = gobProcess(dir, ['sepa', 'incasso', '--incassodatum', '2026-11-20', '--out', 'bank.xml'], {
      GOB_TODAY: '2026-11-12',
      GOB_TEST_SIGINT_NOW_AT: 'vastgelegd',
    });
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toMatch(
      /\nAfgebroken na de boeking: GOB-INC-2026-00001 is geboekt en blijft geboekt\..*'gob sepa bestand GOB-INC-2026-00001 --out bank\.xml'/,
    );
    expect(r.stderr).not.toMatch(/niets opgeslagen/);
    const list = JSON.parse((await gob(dir, ['sepa', 'list', '--json'], { GOB_TODAY: '2026-11-12' })).stdout) as { berichtId: string }[];
    expect(list.map((b) => b.berichtId)).toEqual(['GOB-INC-2026-00001']);
  }, 30_000);
});
