// Running the built binary at a pseudo-terminal (python3's pty), for what only a person at a
// keyboard meets: prompts, hidden input, Ctrl-C.
import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';
import { GOB } from './helpers.js';

function env(extra: Record<string, string>): Record<string, string> {
  const e = { ...process.env } as Record<string, string>;
  delete e.GOB_DB;
  delete e.CI;
  return { ...e, NO_COLOR: '1', GOB_TODAY: '2026-11-23', ...extra };
}

/**
 * Run gob at a pseudo-terminal (a person at a keyboard): each step waits until the screen shows
 * `wait`, then types `keys` (or sends SIGINT with `signal`). Returns the exit code and the screen.
 */
const PTY_DRIVER = `
import json, os, pty, select, signal, sys, time
args, steps = json.loads(sys.argv[1]), json.loads(sys.argv[2])
pid, fd = pty.fork()
if pid == 0:
    os.execv(args[0], args)
screen = b''
def read_until(text, timeout):
    global screen
    end = time.time() + timeout
    while time.time() < end and (text is None or text.encode() not in screen):
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                return
            if not chunk:
                return
            screen += chunk
for step in steps:
    read_until(step['wait'], 15)
    screen += b'\\n<<<>>>\\n'
    if step.get('signal'):
        os.kill(pid, signal.SIGINT)
    else:
        os.write(fd, step['keys'].encode())
read_until(None, 1.5)
done, status = os.waitpid(pid, os.WNOHANG)
if done == 0:  # still waiting for input: a failure of the test, not a hang of the suite
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
print(json.dumps({'code': os.waitstatus_to_exitcode(status), 'screen': screen.decode(errors='replace')}))
`;
export const PYTHON = spawnSync('python3', ['-c', 'import pty']).status === 0;

export function gobAtTerminal(
  cwd: string,
  args: string[],
  steps: { wait: string; keys?: string; signal?: boolean }[],
  extra: Record<string, string> = {},
): { code: number; screen: string } {
  const r = spawnSync('python3', ['-c', PTY_DRIVER, JSON.stringify([process.execPath, GOB, ...args]), JSON.stringify(steps)], {
    cwd,
    env: env(extra),
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { code: number; screen: string };
}
