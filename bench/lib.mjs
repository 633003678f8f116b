// Shared helpers for the benchmarks: timing of whole processes, medians, temp dirs.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const GOB = path.join(ROOT, 'bin', 'gob.js');

export function tempDir(name) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `gob-bench-${name}-`));
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Wall time of one process run in ms; throws when it fails. */
export function timeRun(args, { cwd = ROOT, env = {}, okCodes = [0] } = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (!okCodes.includes(r.status)) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return ms;
}

/**
 * Medians of several commands measured in turn (A, B, C, A, B, C, …) after unmeasured warm-up
 * rounds, so that a noisy moment on the machine hits every command alike and ratios stay fair.
 */
export function medianRuns(cases, runs = 31, warmup = 3) {
  const times = cases.map(() => []);
  for (let round = 0; round < warmup + runs; round++) {
    cases.forEach(({ args, options }, i) => {
      const ms = timeRun(args, options);
      if (round >= warmup) times[i].push(ms);
    });
  }
  return times.map(median);
}

export function gobSync(cwd, args, env = {}) {
  // (env adds to the environment; GOB_TODAY and the like)
  const r = spawnSync(process.execPath, [GOB, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...env },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (r.status !== 0) throw new Error(`gob ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

export function report(name, value, unit, extra = '') {
  console.log(`${name.padEnd(48)} ${String(value).padStart(10)} ${unit}${extra ? `  ${extra}` : ''}`);
}

const GNU_TIME = '/usr/bin/time';
const hasGnuTime = fs.existsSync(GNU_TIME);

/**
 * Run a process: wall ms and peak resident memory in MB. The peak is the kernel's (GNU time's
 * %M, from wait4) when /usr/bin/time is there; otherwise VmHWM sampled from /proc every 10 ms,
 * which can miss growth in the last few ms. With GNU time also `cpuMs` (user + system, all
 * threads): on a machine shared with others it moves less than the wall time.
 */
export function measure(cmd, args, options) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const [file, argv] = hasGnuTime ? [GNU_TIME, ['-f', 'GOB-BENCH-PIEK %M %U %S', cmd, ...args]] : [cmd, args];
    const child = spawn(file, argv, { ...options, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let peak = 0;
    const sample = () => {
      try {
        const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
        if (hwm) peak = Math.max(peak, Number(hwm[1]) / 1024);
      } catch {}
    };
    const timer = hasGnuTime ? null : setInterval(sample, 10);
    child.on('exit', (code) => {
      if (timer) clearInterval(timer);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const reported = /GOB-BENCH-PIEK (\d+) ([\d.]+) ([\d.]+)/.exec(stderr);
      if (reported) peak = Number(reported[1]) / 1024;
      const cpuMs = reported ? (Number(reported[2]) + Number(reported[3])) * 1000 : null;
      if (code !== 0) reject(new Error(`${cmd} ${args.join(' ')} failed (${code}): ${stderr}`));
      else resolve({ ms, peakMb: peak, cpuMs });
    });
  });
}
