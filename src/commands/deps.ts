// What every command handler gets injected. Built once per run by src/cli/context.ts; tests build
// their own with a real database in a temp dir.
import type { Output } from '../cli/output.js';
import type { Prompts } from '../cli/prompts.js';
import type { Datum } from '../domain/calendar.js';
import type { Db } from '../db/open.js';

export interface BaseDeps {
  /** The date gob treats as today (--today, GOB_TODAY or the clock in Europe/Amsterdam). */
  today: Datum;
  /** Clock time of this run (UTC ISO), only for the audit log's "when". */
  now: string;
  /** OS user, for the audit log's "who". */
  user: string;
  /** 'gastouder add': for the audit log. */
  command: string;
  dbFile: string;
  out: Output;
  /** Null when nobody is at a terminal: commands must not ask. */
  prompts: Prompts | null;
  /** --yes: confirmations are answered yes. */
  yes: boolean;
  /**
   * Called by commands that book and then write a file, at each stage (see src/commands/sepa/write.ts).
   * Only tests set it (GOB_TEST_STOP_AT): it kills the process there, as a power cut would.
   */
  stop?: (stage: string) => void;
  /** GOB_CERTIFICAAT_WACHTWOORD: the password of the bureau's signing certificate, if set. */
  certificaatWachtwoord?: string | undefined;
  /** GOB_BACKUP_WACHTWOORD: the passphrase of encrypted backups (CONTRACT §13), if set; never an option. */
  backupWachtwoord?: string | undefined;
}

export interface Deps extends BaseDeps {
  /** Every query and write goes through src/db/repo; a bulk write reaches the raw handle there. */
  db: Db;
}
