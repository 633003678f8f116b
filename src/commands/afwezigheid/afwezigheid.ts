// Shared by the afwezigheid commands: how an absence reads in a message and in JSON, and what the
// owner should know about invoiced months when one is added or removed.
import { type Afwezigheid, AFWEZIGHEID_SOORTEN, type AfwezigheidSoort } from '../../domain/afgesproken.js';
import { ValueError } from '../../errors.js';
import type { Db } from '../../db/open.js';
import { gefactureerdeMaanden } from '../../db/repo/afwezigheid.js';

export function parseSoort(raw: string): AfwezigheidSoort {
  const s = raw.trim().toLowerCase();
  if (!(AFWEZIGHEID_SOORTEN as readonly string[]).includes(s)) throw new ValueError(raw, AFWEZIGHEID_SOORTEN.join(', '));
  return s as AfwezigheidSoort;
}

export function describeAfwezigheid(a: Afwezigheid): string {
  const wie = a.kind !== null ? `kind ${a.kind}` : `gastouder ${a.gastouder}`;
  const periode = a.van === a.totEnMet ? `op ${a.van}` : `van ${a.van} t/m ${a.totEnMet}`;
  return `${wie} ${periode} (${a.soort}, gemeld ${a.gemeld})`;
}

export function afwezigheidJson(a: Afwezigheid & { id: number }) {
  return { id: a.id, kind: a.kind, gastouder: a.gastouder, van: a.van, totEnMet: a.totEnMet, soort: a.soort, gemeld: a.gemeld };
}

/**
 * An absence may be added or removed for a month already invoiced: the invoices stay as they are,
 * and the next `factuur run` of that month bills the difference (a credit when it now excuses
 * agreed hours that were billed). Said once per month, so that the owner runs it.
 */
export async function hintGefactureerd(db: Db, a: Afwezigheid, aan: boolean): Promise<string[]> {
  if (!aan) return [];
  return (await gefactureerdeMaanden(db, a.van, a.totEnMet)).map(
    (maand) => `${maand} is al gefactureerd; 'gob factuur run --maand ${maand}' factureert het verschil.`,
  );
}
