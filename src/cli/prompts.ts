// The only module that imports inquirer, and only when a question is actually asked. Every question
// gob asks also has an option, so that scripts never need a terminal.
export interface Prompts {
  input(message: string, options?: { default?: string; validate?: (value: string) => true | string }): Promise<string>;
  confirm(message: string, defaultValue?: boolean): Promise<boolean>;
}

export function createPrompts(): Prompts {
  return {
    async input(message, options = {}) {
      const { input } = await import('@inquirer/prompts');
      return input({ message, default: options.default, validate: options.validate });
    },
    async confirm(message, defaultValue = false) {
      const { confirm } = await import('@inquirer/prompts');
      return confirm({ message, default: defaultValue });
    },
  };
}

/**
 * Prompting is allowed only with a person at a terminal: stdin and stdout are TTYs and CI is unset.
 * Otherwise a piped blank line would silently take defaults, and an open pipe would hang forever.
 */
export function canPrompt(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(process.stdin.isTTY && process.stdout.isTTY && !env.CI);
}
