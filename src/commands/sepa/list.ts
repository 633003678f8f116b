import { formatEuro } from '../../domain/money.js';
import { listBankbestanden } from '../../db/repo/bankbestand.js';
import type { Deps } from '../deps.js';
import { warnUnwritten } from './write.js';

/** `gob sepa list`: every stored bank file, oldest first. */
export async function sepaList(_opts: object, deps: Deps) {
  const rows = await listBankbestanden(deps.db);
  await warnUnwritten(deps);
  const result = rows.map((r) => ({
    berichtId: r.bericht_id,
    soort: r.soort,
    datum: r.datum,
    aantal: r.aantal,
    totaalCent: r.totaal_cent,
    bestand: r.bestand,
  }));
  if (rows.length === 0) deps.out.line("Er zijn nog geen bankbestanden. Maak ze met 'gob sepa incasso' of 'gob sepa uitbetaling'.");
  else {
    deps.out.table(
      [
        { key: 'berichtId', title: 'bericht-id' },
        { key: 'soort', title: 'soort' },
        { key: 'datum', title: 'datum' },
        { key: 'aantal', title: 'aantal', align: 'right' },
        { key: 'totaal', title: 'totaal', align: 'right' },
        { key: 'bestand', title: 'eerst geschreven naar' },
      ],
      rows.map((r) => ({
        berichtId: r.bericht_id,
        soort: r.soort,
        datum: r.datum,
        aantal: String(r.aantal),
        totaal: formatEuro(r.totaal_cent),
        bestand: r.formaat === null ? `${r.bestand} (inhoud niet bewaard)` : r.bestand,
      })),
    );
  }
  return result;
}
