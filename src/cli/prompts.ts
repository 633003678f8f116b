// The only module that imports inquirer, and only when a question is actually asked. Every question
// gob asks also has an option, so that scripts never need a terminal.
import { Interrupted } from '../errors.js';
import type { Io } from './io.js';

export interface Prompts {
  input(message: string, options?: { default?: string; validate?: (value: string) => true | string }): Promise<string>;
  confirm(message: string, defaultValue?: boolean): Promise<boolean>;
  /** Hidden input (a passphrase): nothing of it is echoed, not even as stars. */
  password(message: string): Promise<string>;
}

/**
 * Ask one question; Ctrl-C and Ctrl-D end the run as "afgebroken" (exit 130). At a prompt the
 * terminal is in raw mode, so both arrive as keys, not as a signal or end of input: inquirer
 * turns Ctrl-C into ExitPromptError itself, and Ctrl-D (which only closes its readline, leaving the
 * question unanswered forever) is caught here and aborts the prompt.
 */
async function ask<T>(question: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onKey = (_: unknown, key: { ctrl?: boolean; name?: string } | undefined) => {
    if (key?.ctrl && key.name === 'd') controller.abort();
  };
  process.stdin.on('keypress', onKey);
  try {
    return await question(controller.signal);
  } catch (error) {
    const name = (error as { name?: unknown } | null)?.name;
    if (name === 'ExitPromptError' || name === 'AbortPromptError') throw new Interrupted();
    throw error;
  } finally {
    process.stdin.off('keypress', onKey);
  }
}

export function createPrompts(): Prompts {
  return {
    async input(message, options = {}) {
      const { input } = await import('@inquirer/prompts');
      // A rejected value is cleared, so the user types the next one on an empty line.
      return ask((signal) =>
        input({ message, default: options.default, validate: options.validate, theme: { validationFailureMode: 'clear' } }, { signal }),
      );
    },
    async confirm(message, defaultValue = false) {
      const { confirm } = await import('@inquirer/prompts');
      return ask((signal) => confirm({ message, default: defaultValue }, { signal }));
    },
    async password(message) {
      const { password } = await import('@inquirer/prompts');
      // No validate: inquirer's password prompt keeps a rejected value and appends the next one,
      // invisibly. The caller checks and asks again on an empty line.
      const theme = { style: { maskedText: '[verborgen]', keysHelpTip: () => 'ctrl+t: toon of verberg' } };
      return ask((signal) => password({ message, theme }, { signal }));
    },
  };
}

/**
 * Prompting is allowed only with a person at a terminal: stdin and stdout are TTYs and CI is unset.
 * Otherwise a piped blank line would silently take defaults, and an open pipe would hang forever.
 */
export function canPrompt(io: Io): boolean {
  return Boolean(io.stdinIsTTY && io.stdout.isTTY && !io.env.CI);
}
