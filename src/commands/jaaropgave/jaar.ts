// The --jaar option of the jaaropgave commands: a care year, four digits.
import { ValueError } from '../../errors.js';

/** '2026' → 2026; the same bounds as a month's year (values.ts parseMonth). */
export function parseJaar(raw: string): number {
  const s = raw.trim();
  if (!/^\d{4}$/.test(s) || Number(s) < 1900 || Number(s) > 2200) throw new ValueError(raw, 'een jaar als JJJJ, zoals 2026');
  return Number(s);
}
