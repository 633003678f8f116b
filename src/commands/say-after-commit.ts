// What a command says while its transaction runs is said once, after the commit.
import type { Output } from '../cli/output.js';
import { inTransaction } from '../db/open.js';
import type { Db } from '../db/open.js';
import type { Deps } from './deps.js';

/**
 * inTransaction for a function that tells the user what it did while it does it: `fn` gets deps
 * whose output is held back, afresh for each attempt, and shown when the transaction has
 * committed. On PostgreSQL a retryable failure runs `fn` again after a rollback, and what the
 * first attempt had printed would have been said twice; a failure at the commit would have
 * followed "geboekt" with an error saying nothing was stored. `options` as inTransaction's: with
 * `retry: 'caller'` (an import that starts over from its file) the attempt that is thrown away
 * says nothing either; a dry run's rollback is its end, so what it found is shown.
 */
export async function inTransactionSaying<T>(
  deps: Deps,
  fn: (trx: Db, deps: Deps) => Promise<T>,
  options?: Parameters<typeof inTransaction>[2],
): Promise<T> {
  let held: HeldOutput | undefined;
  const value = await inTransaction(
    deps.db,
    (trx) => {
      held = heldOutput(deps.out);
      return fn(trx, { ...deps, out: held.out });
    },
    options,
  );
  held?.flush();
  return value;
}

interface HeldOutput {
  out: Output;
  flush(): void;
}

function heldOutput(out: Output): HeldOutput {
  const later: (() => void)[] = [];
  return {
    out: {
      json: out.json,
      style: out.style,
      interactiveStderr: out.interactiveStderr,
      line: (text) => later.push(() => out.line(text)),
      table: (columns, rows) => later.push(() => out.table(columns, rows)),
      raw: (text) => later.push(() => out.raw(text)),
      warn: (text) => later.push(() => out.warn(text)),
      progress: (total, label) => out.progress(total, label),
    },
    flush: () => {
      for (const say of later) say();
    },
  };
}
