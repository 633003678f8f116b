import { type Anoniem, termijnGrens, verlopen } from '../../domain/bewaartermijn.js';
import { inTransaction } from '../../db/open.js';
import { writeLog } from '../../db/repo/log.js';
import { anonimiseer, betrokkenheid, getBewaartermijn, type Opgeschoond, herbouwBestand, wisVrijeRuimte } from '../../db/repo/privacy.js';
import { Refused } from '../../errors.js';
import type { Deps } from '../deps.js';

const TABELLEN: [keyof Opgeschoond, string, string][] = [
  ['gastouder', 'gastouder', 'gastouders'],
  ['ouder', 'ouder', 'ouders'],
  ['kind', 'kind', 'kinderen'],
  ['huisgenoot', 'huisgenoot', 'huisgenoten'],
  ['handtekening', 'handtekening', 'handtekeningen'],
  ['betaling', 'betaling (mandaat)', 'betalingen (mandaat)'],
  ['bezoek', 'bezoeknotitie', 'bezoeknotities'],
  ['urenkaart', 'urenkaart (opmerkingen)', 'urenkaarten (opmerkingen)'],
  ['factuur', 'factuur', 'facturen'],
  ['jaaropgave', 'jaaropgave', 'jaaropgaven'],
  ['bankbestand', 'bankbestand', 'bankbestanden'],
  ['log', 'logregel', 'logregels'],
];

/**
 * `gob bewaartermijn opschonen [--dry-run]` (CONTRACT §13): anonymise everyone past the term, in
 * one transaction. It cannot be undone, so it asks at a terminal and, outside one, runs only with
 * --yes. --dry-run does all the work and rolls it back, so its counts are the real ones. The log
 * entry names codes and counts, never a removed value.
 */
export async function bewaartermijnOpschonen(opts: { dryRun?: boolean }, deps: Deps) {
  const jaren = await getBewaartermijn(deps.db);
  const grens = termijnGrens(deps.today, jaren);
  const personen = verlopen(await betrokkenheid(deps.db), deps.today, jaren);
  const dryRun = Boolean(opts.dryRun);
  const result = { bewaartermijn: jaren, grens, dryRun, geanonimiseerd: personen, gewijzigd: null as Opgeschoond | null };
  if (personen.length === 0) {
    deps.out.line(`Niemand is over de bewaartermijn van ${jaren} jaar; er is niets gewijzigd.`);
    return result;
  }
  const wie = personen.map((p) => `${p.soort} ${p.code}`).join(', ');
  if (!dryRun && !deps.yes) {
    const vraag = `${personen.length} ${personen.length === 1 ? 'persoon' : 'personen'} over de bewaartermijn (${wie}) onherroepelijk anonimiseren?`;
    if (!deps.prompts) {
      throw new Refused(
        `Opschonen anonimiseert ${personen.length} ${personen.length === 1 ? 'persoon' : 'personen'} (${wie}) en kan niet ongedaan worden gemaakt. Bevestig met --yes (of draai het aan een terminal); bekijk eerst wat er gebeurt met --dry-run. Er is niets gewijzigd.`,
      );
    }
    if (!(await deps.prompts.confirm(vraag, false))) throw new Refused('Niet bevestigd; er is niets gewijzigd.');
  }
  await wisVrijeRuimte(deps.db);
  const bevestigd = new Set(personen.map((p) => `${p.soort} ${p.code}`));
  const gewijzigd = await inTransaction(
    deps.db,
    async (trx) => {
      // Again inside the transaction: someone confirmed a moment ago may have had an invoice since.
      const nu = verlopen(await betrokkenheid(trx), deps.today, jaren).filter((p) => bevestigd.has(`${p.soort} ${p.code}`));
      const van = (soort: string) => new Set(nu.filter((p) => p.soort === soort).map((p) => p.code));
      const anoniem: Anoniem = { gastouders: van('gastouder'), ouders: van('ouder'), kinderen: van('kind') };
      const n = await anonimiseer(trx, anoniem);
      const telling = TABELLEN.filter(([k]) => n[k] > 0)
        .map(([k, een, meer]) => `${n[k]} ${n[k] === 1 ? een : meer}`)
        .join(', ');
      await writeLog(trx, deps, `bewaartermijn ${jaren} jaar (grens ${grens}): geanonimiseerd ${wie}; gewijzigd: ${telling}`);
      return n;
    },
    { dryRun },
  );
  result.gewijzigd = gewijzigd;
  if (!dryRun) {
    try {
      await herbouwBestand(deps.db);
    } catch (error) {
      // The anonymisation is committed; only the rebuild failed (VACUUM needs free space the size
      // of the database). Say so, rather than let it look as if nothing was stored.
      deps.out.warn(
        `Let op: de anonimisering is opgeslagen, maar het databasebestand kon niet opnieuw worden opgebouwd (${(error as Error).message}). Oude waarden kunnen nog in de vrije ruimte van het bestand staan: maak ruimte vrij (zoveel als de database groot is) en voer daarna 'sqlite3 ${deps.dbFile} VACUUM' uit.`,
      );
    }
  }
  deps.out.table(
    [
      { key: 'soort', title: 'soort' },
      { key: 'code', title: 'code' },
      { key: 'laatste', title: 'laatste' },
    ],
    personen.map((p) => ({ ...p })),
  );
  deps.out.line(
    `${dryRun ? 'Proefdraai (niets opgeslagen): zou anonimiseren' : 'Geanonimiseerd'}: ${personen.length} ${personen.length === 1 ? 'persoon' : 'personen'}. Gewijzigd: ${
      TABELLEN.filter(([k]) => gewijzigd[k] > 0)
        .map(([k, een, meer]) => `${gewijzigd[k]} ${gewijzigd[k] === 1 ? een : meer}`)
        .join(', ') || 'niets'
    }.`,
  );
  return result;
}
