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

/**
 * What a Ctrl-C must say instead of "er is niets opgeslagen" once that is no longer true: after a
 * commit (db/open.ts), and after a bank file's booking (sepa/write.ts, which names the booking and
 * how to write its file). The last one said is the one shown; `release` takes it back.
 */
const notes: string[] = [];

export function interruptNote(text: string): () => void {
  notes.push(text);
  return () => {
    const at = notes.lastIndexOf(text);
    if (at >= 0) notes.splice(at, 1);
  };
}

export function currentInterruptNote(): string | undefined {
  return notes.at(-1);
}
