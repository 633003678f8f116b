// The error classes of gob. src/cli/main.ts maps them to the exit codes of the contract:
// Refused → 1, UsageError → 2, Interrupted → 130, anything else is a bug → 70.
import { showValue } from './domain/show-value.js';

/** Exit 1: invalid data, a rule violation, something not found. The message is Dutch and says how to fix it. */
export class Refused extends Error {
  override name = 'Refused';
  /** Extra lines (one per problem), printed after the message. */
  readonly details: readonly string[];
  /** With --json, printed on stdout as the command's result (an import's errors, say). */
  readonly data: unknown;
  constructor(message: string, details: readonly string[] = [], data?: unknown) {
    super(message);
    this.details = details;
    this.data = data;
  }
}

export class NotFound extends Refused {
  override name = 'NotFound';
}

/** Exit 2: unknown command or option, a missing or malformed option value. */
export class UsageError extends Error {
  override name = 'UsageError';
  readonly details: readonly string[];
  constructor(message: string, details: readonly string[] = []) {
    super(message);
    this.details = details;
  }
}

/**
 * Exit 1 after the command already printed its findings (a check that found violations, a payout
 * deadline that passed). It carries no message of its own beyond a short summary.
 */
export class ChecksFailed extends Error {
  override name = 'ChecksFailed';
  constructor(
    message: string,
    /** With --json, printed on stdout as the command's result. */
    readonly data: unknown,
  ) {
    super(message);
  }
}

/** A value that does not parse: names the accepted forms. Commands turn it into Refused or UsageError. */
export class ValueError extends Error {
  override name = 'ValueError';
  constructor(
    readonly value: string,
    readonly accepted: string,
  ) {
    super(`'${showValue(value)}' is geen geldige waarde; toegestaan: ${accepted}`);
  }
}

/** Exit 130: Ctrl-C or Ctrl-D at a prompt, or SIGINT. Nothing is stored. */
export class Interrupted extends Error {
  override name = 'Interrupted';
  constructor() {
    super('Afgebroken; er is niets opgeslagen.');
  }
}
