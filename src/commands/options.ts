// Parsing one option value: a malformed value is a usage error (exit 2) that names the option,
// the value and the accepted forms.
import { optionKey } from '../domain/fields.js';
import { UsageError, ValueError } from '../errors.js';
import type { BaseDeps } from './deps.js';

export function parseOption<T>(option: string, raw: string, parse: (raw: string) => T): T {
  try {
    return parse(raw);
  } catch (error) {
    if (error instanceof ValueError) throw new UsageError(`--${option}: ${error.message}.`);
    throw error;
  }
}

export function parseOptional<T>(option: string, raw: string | undefined, parse: (raw: string) => T): T | undefined {
  return raw === undefined ? undefined : parseOption(option, raw, parse);
}

/** A positional argument's value: as parseOption, but named as the argument (`<id>`), not as an option. */
export function parseArgument<T>(argument: string, raw: string, parse: (raw: string) => T): T {
  try {
    return parse(raw);
  } catch (error) {
    if (error instanceof ValueError) throw new UsageError(`<${argument}>: ${error.message}.`);
    throw error;
  }
}

/** A required option: asked for at a terminal, otherwise a usage error. */
export async function requireOption<T>(
  option: string,
  raw: string | undefined,
  parse: (raw: string) => T,
  deps: BaseDeps,
  question: string,
): Promise<T> {
  if (raw !== undefined) return parseOption(option, raw, parse);
  if (!deps.prompts) throw new UsageError(`Ontbrekende verplichte optie: --${option}.`);
  const answer = await deps.prompts.input(question, {
    validate: (value) => {
      try {
        parse(value);
        return true;
      } catch (error) {
        return error instanceof ValueError ? `Toegestaan: ${error.accepted}.` : String(error);
      }
    },
  });
  return parse(answer);
}

/** Several required options at once, so that a script learns every missing one in one run. */
export function missingOptions(opts: Record<string, unknown>, names: string[]): void {
  const missing = names.filter((n) => opts[optionKey(n)] === undefined);
  if (missing.length > 0) throw missingRefusal(missing.map((n) => `--${n}`));
}

/** The usage error for missing options, each as the user types it (`--out`, `--maand of --jaar`). */
export function missingRefusal(shown: string[]): UsageError {
  return new UsageError(`Ontbrekende verplichte ${shown.length === 1 ? 'optie' : 'opties'}: ${shown.join(', ')}.`);
}

/**
 * A date of something that has happened (a payment received, an invoice or a payout made) is not
 * after today: a typo into the future would book money that has not moved, or, for invoices whose
 * dates only go up, block every invoice before that date. Exit 2, like any value out of bounds.
 */
export function notAfterToday(option: string, datum: string, today: string, wat: string): string {
  if (datum > today) throw new UsageError(`--${option}: ${datum} ligt na vandaag (${today}); ${wat}.`);
  return datum;
}
