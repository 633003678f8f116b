export function shellWord(word: string): string;
export function shellLine(words: readonly string[]): string;
