// A --db that names a PostgreSQL server gob cannot use is the user's problem, said in Dutch with
// host and database, exit 1, never the password (CONTRACT §11) — also without any PostgreSQL
// installed: a closed port, and a server that speaks something else.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gob, tempDir } from '../helpers.js';

describe('a server that is not a usable PostgreSQL', () => {
  let notPostgres: net.Server;
  let port: number;
  const sockets = new Set<net.Socket>();
  beforeAll(async () => {
    // Answers every connection as a web server would, and hangs up.
    notPostgres = net.createServer((socket) => {
      sockets.add(socket);
      socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
    });
    await new Promise<void>((resolve) => notPostgres.listen(0, '127.0.0.1', resolve));
    port = (notPostgres.address() as net.AddressInfo).port;
  });
  // close() waits for every connection to end: the half-closed ones are ended here.
  afterAll(() => {
    for (const socket of sockets) socket.destroy();
    return new Promise<void>((resolve) => notPostgres.close(() => resolve()));
  });

  it('a server that speaks something else: exit 1, naming host and database, not the password', async () => {
    const r = await gob(tempDir(), ['--db', `postgres://anna:geheim@127.0.0.1:${port}/bureau`, 'kind', 'list']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `De PostgreSQL-database bureau op 127\\.0\\.0\\.1:${port} is niet te gebruiken: de server antwoordt niet als een PostgreSQL-server`,
      ),
    );
    expect(r.stderr + r.stdout).not.toContain('geheim');
  });

  it('a closed port: exit 1 for a command and for gob init, nothing made', async () => {
    const closed = await new Promise<number>((resolve) => {
      const probe = net.createServer();
      probe.listen(0, '127.0.0.1', () => {
        const p = (probe.address() as net.AddressInfo).port;
        probe.close(() => resolve(p));
      });
    });
    for (const args of [['kind', 'list'], ['init']]) {
      const r = await gob(tempDir(), ['--db', `postgres://anna:geheim@127.0.0.1:${closed}/bureau`, ...args]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/de server neemt niet op/);
      expect(r.stderr).not.toContain('geheim');
    }
  });
});
