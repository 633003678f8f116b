// The bureau's details a document must name (an invoice, a jaaropgave): one check, one message.
import type { BureauRow } from '../db/tables/bureau.js';
import { Refused } from '../errors.js';

type Veld = 'naam' | 'adres' | 'postcode' | 'plaats' | 'kvk' | 'lrk' | 'iban';

/**
 * The bureau's `velden`, all filled in; else refused naming every missing one and the
 * `gob bureau set` that fixes it. `document` and `gevolg` finish the sentence: "Een factuur moet
 * … Er is niets gefactureerd."
 */
export function requireBureau<V extends Veld>(
  bureau: BureauRow,
  velden: readonly V[],
  document: string,
  gevolg: string,
): { [K in V]: string } {
  const missing = velden.filter((f) => !bureau[f]);
  if (missing.length > 0) {
    throw new Refused(
      `${document} moet de gegevens van het bureau noemen; er ontbreken: ${missing.join(', ')}. Vul ze aan met 'gob bureau set ${missing.map((m) => `--${m} …`).join(' ')}'. ${gevolg}`,
    );
  }
  return Object.fromEntries(velden.map((f) => [f, bureau[f]])) as { [K in V]: string };
}
