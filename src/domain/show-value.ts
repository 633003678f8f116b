// How a value a user typed may appear in a message: never raw (an ESC in a name would drive the
// terminal), never megabytes long. Used by ValueError, so it imports nothing.
/**
 * Characters that have no place in a name or a note: C0 and C1 controls (ESC, NUL, tab, line
 * ends, DEL), the Unicode line separators, and the bidirectional overrides and marks that make a
 * name display as something other than what is stored.
 */
export const CONTROL = /[\p{Cc}\u2028\u2029\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/u;
const CONTROL_ALL = new RegExp(CONTROL.source, 'gu');

/**
 * A value as an error message may show it: control characters escaped (`\x1B`, `\n`), never raw,
 * and a huge value shortened to its start and its length.
 */
export function showValue(raw: string): string {
  const SHOW = 60;
  let s = raw;
  let suffix = '';
  if (raw.length > SHOW) {
    s = raw.slice(0, 40);
    // Never cut a surrogate pair in half.
    if (/[\uD800-\uDBFF]$/.test(s)) s = s.slice(0, -1);
    suffix = `… (${String(raw.length).replace(/\B(?=(\d{3})+$)/g, '.')} tekens)`;
  }
  const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  const escaped = s.replace(CONTROL_ALL, (c) => {
    const code = c.codePointAt(0)!;
    return (
      named[c] ??
      (code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`)
    );
  });
  return escaped + suffix;
}

/**
 * A value whose option or place is not known to be harmless (a repeated option, a stray argument),
 * as a message may show it: a URL with a password, a BSN or an IBAN never appears in full
 * (`*****6782`, the URL without its password), whatever option it was typed for.
 */
export function showUnknownValue(raw: string): string {
  const s = raw.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) return showValue(s.replace(/^([^:]+:\/\/[^:@/]*):[^@/]*@/, '$1:*****@'));
  const compact = s.replace(/[\s.-]/g, '');
  if (/^\d{8,9}$/.test(compact) || /^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$/i.test(compact)) return `*****${compact.slice(-4)}`;
  return showValue(raw);
}
