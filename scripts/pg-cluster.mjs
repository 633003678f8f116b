// A throwaway PostgreSQL cluster in a folder, on a free local port: for CI (.ci/run), the benchmarks
// and a developer's tests. initdb + pg_ctl, trust authentication, listening on 127.0.0.1 only, the
// socket in the folder itself, so that it touches nothing of the machine's own PostgreSQL.
//
//   node scripts/pg-cluster.mjs start <dir>   prints postgres://postgres@127.0.0.1:<port>/postgres
//   node scripts/pg-cluster.mjs url <dir>     prints it again for a running cluster
//   node scripts/pg-cluster.mjs stop <dir>    stops it (pg_ctl stop -m fast) and removes the folder
//
// Or from code: `const cluster = await startCluster(dir); …; await cluster.stop();`.
//
// initdb refuses to run as root: as root the folder is given to the `postgres` OS user (Debian's
// postgresql package makes it) and initdb and pg_ctl run as that user (runuser).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The role whose password the server checks (scram-sha-256): the tests of a wrong password need one. */
export const PASSWORD_ROLE = 'gob_wachtwoord';

const MARKER = 'gob-pg-cluster.json';

/** A PostgreSQL program: on PATH, else in Debian's /usr/lib/postgresql/<version>/bin (newest first). */
export function findPgBin(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, name))) return path.join(dir, name);
  }
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base) ? fs.readdirSync(base).filter((v) => /^\d+$/.test(v)) : [];
  for (const version of versions.sort((a, b) => Number(b) - Number(a))) {
    const file = path.join(base, version, 'bin', name);
    if (isExecutable(file)) return file;
  }
  return null;
}

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** A port nobody listens on now (the OS picks it; another program could still take it before us). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const asRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a PostgreSQL program, as the `postgres` OS user when we are root. */
function runPg(program, args, { quiet = false } = {}) {
  const [cmd, argv] = asRoot() ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.error) throw new Error(`${path.basename(program)} kon niet starten: ${r.error.message}`);
  if (r.status !== 0 && !quiet) {
    throw new Error(`${path.basename(program)} ${args.join(' ')} eindigde met ${r.status}:\n${r.stdout}${r.stderr}`);
  }
  return r;
}

function need(name) {
  const bin = findPgBin(name);
  if (!bin) {
    throw new Error(
      `${name} niet gevonden (PATH, /usr/lib/postgresql/*/bin). Installeer PostgreSQL, op Debian: apt-get install postgresql`,
    );
  }
  return bin;
}

export const urlOf = (port, database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;

/**
 * Creates (initdb) and starts a cluster in `dir` (made if missing; a temp folder if not given), and
 * waits until it accepts connections. A cluster already in `dir` is started again on its own port.
 */
export async function startCluster(dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gob-pg-'))) {
  dir = path.resolve(dir);
  const initdb = need('initdb');
  const pgCtl = need('pg_ctl');
  fs.mkdirSync(dir, { recursive: true });
  const data = path.join(dir, 'data');
  const markerFile = path.join(dir, MARKER);
  let port;
  if (fs.existsSync(path.join(data, 'PG_VERSION')) && fs.existsSync(markerFile)) {
    port = JSON.parse(fs.readFileSync(markerFile, 'utf8')).port;
    if (isRunning(pgCtl, data)) return handle(dir, port, pgCtl);
  } else {
    port = await freePort();
    if (asRoot()) {
      // The postgres user must reach the folder (a temp folder is 0700) and own it.
      execFileSync('chown', ['-R', 'postgres:', dir]);
    }
    // --no-sync: a throwaway cluster need not survive a power cut, and initdb is twice as fast.
    runPg(initdb, ['-D', data, '--auth=trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions']);
    // First match wins: this one role must give its password, everyone else is trusted.
    const hba = path.join(data, 'pg_hba.conf');
    fs.writeFileSync(hba, `host all ${PASSWORD_ROLE} 127.0.0.1/32 scram-sha-256\n${fs.readFileSync(hba, 'utf8')}`);
    fs.writeFileSync(markerFile, JSON.stringify({ port }));
  }
  // fsync off and no full-page writes: tests create and drop many small databases.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off`;
  runPg(pgCtl, ['start', '-D', data, '-w', '-t', '60', '-l', path.join(dir, 'server.log'), '-o', options]);
  await waitForConnections(port);
  return handle(dir, port, pgCtl);
}

function handle(dir, port, pgCtl) {
  return { dir, port, url: urlOf(port), stop: () => stopCluster(dir, { pgCtl }) };
}

function isRunning(pgCtl, data) {
  return runPg(pgCtl, ['status', '-D', data], { quiet: true }).status === 0;
}

/** pg_ctl -w already waits; this also proves the TCP port answers (what gob and the tests use). */
async function waitForConnections(port, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`PostgreSQL op poort ${port} neemt na ${timeoutMs / 1000} s geen verbindingen aan`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Stops the cluster in `dir` (fast: open sessions are ended) and removes the folder if this script made the cluster. */
export function stopCluster(dir, { pgCtl = need('pg_ctl'), keep = false } = {}) {
  dir = path.resolve(dir);
  const data = path.join(dir, 'data');
  if (fs.existsSync(path.join(data, 'postmaster.pid'))) runPg(pgCtl, ['stop', '-D', data, '-m', 'fast', '-w'], { quiet: true });
  // Only a folder that holds our marker is ours to remove: never a folder someone gave by mistake.
  if (!keep && fs.existsSync(path.join(dir, MARKER))) fs.rmSync(dir, { recursive: true, force: true });
}

async function cli([command, dir]) {
  if (command === 'start') {
    const cluster = await startCluster(dir);
    process.stdout.write(`${cluster.url}\n`);
    if (!dir) process.stderr.write(`Stoppen: node scripts/pg-cluster.mjs stop ${cluster.dir}\n`);
  } else if (command === 'url' && dir) {
    const markerFile = path.join(path.resolve(dir), MARKER);
    if (!fs.existsSync(markerFile)) throw new Error(`Geen cluster in ${dir}`);
    process.stdout.write(`${urlOf(JSON.parse(fs.readFileSync(markerFile, 'utf8')).port)}\n`);
  } else if (command === 'stop' && dir) {
    stopCluster(dir);
  } else {
    process.stderr.write('Gebruik: node scripts/pg-cluster.mjs start [<map>] | url <map> | stop <map>\n');
    process.exitCode = 2;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  cli(process.argv.slice(2)).catch((error) => {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  });
}
