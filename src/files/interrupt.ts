// What must be undone when the user interrupts (Ctrl-C, SIGINT): temporary files of writes in
// progress. Kept tiny: cli/main.ts loads it on every start.
const cleanups = new Set<() => void>();

/** Run `cleanup` if the process is interrupted before `release` is called. */
export function onInterrupt(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

export function runInterruptCleanups(): void {
  for (const cleanup of cleanups) {
    try {
      cleanup();
    } catch {
      // Best effort: the process is stopping anyway.
    }
  }
  cleanups.clear();
}
