// A command as a POSIX shell reads it back: words that need it in single quotes, so that what
// `npm run demo` prints can be pasted into a shell as is.

/** One word: left bare when the shell would read it unchanged, otherwise single-quoted. */
export function shellWord(word) {
  if (word !== '' && /^[\w@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

export function shellLine(words) {
  return words.map(shellWord).join(' ');
}
