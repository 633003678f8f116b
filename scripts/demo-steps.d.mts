/** What the demo's steps need from whoever runs them (scripts/demo.mjs, or a test). */
export interface DemoRun {
  /** Runs one gob command; `exit` is the exit code this step should give. */
  gob(args: string[], exit: number): unknown;
  /** A line for the reader, about a step that is not a gob command. */
  say(text: string): void;
  /** Sets an environment variable for the gob commands that follow, as `export` would. */
  setEnv(name: string, value: string): void;
  /** The path of a file named in the steps, resolved against the folder they run in. */
  file(name: string): string;
}

export const DEMO_TODAY: string;
export function demoSteps(run: DemoRun, paths: { data: string; out: string }): Promise<void>;
export function annaVultIn(file: string): Promise<void>;
