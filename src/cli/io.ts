// What one run of gob talks to: its two output streams, whether a person sits at the terminal, and
// the environment. The process entry (runCli in main.ts) passes the real ones; tests pass their
// own, so that a command runs in process exactly as it does from a shell.
export interface OutStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface Io {
  stdout: OutStream;
  stderr: OutStream;
  /** stdin is a terminal: a person may answer prompts. */
  stdinIsTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
}

export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, stdinIsTTY: Boolean(process.stdin.isTTY), env: process.env };
}
