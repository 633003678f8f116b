// Stored SEPA files and which payout is in which. The file's bytes are stored in the transaction
// that books it; a file on disk is only a copy (`gob sepa bestand` writes it again).
import { inValues } from '../dialect.js';
import type { Db } from '../open.js';
import type { BankbestandRow, NewBankbestand } from '../tables/bankbestand.js';

export async function storeBankbestand(db: Db, row: NewBankbestand, uitbetalingen: string[] = []): Promise<void> {
  await db.insertInto('bankbestand').values(row).execute();
  if (uitbetalingen.length > 0) {
    // The payout is the primary key: a second file for it fails here, whatever the caller checked.
    await db
      .insertInto('bankbestand_uitbetaling')
      .values(uitbetalingen.map((uitbetaling) => ({ uitbetaling, bericht_id: row.bericht_id })))
      .execute();
  }
}

export async function getBankbestand(db: Db, berichtId: string): Promise<BankbestandRow | undefined> {
  return db.selectFrom('bankbestand').selectAll().where('bericht_id', '=', berichtId).executeTakeFirst();
}

export async function listBankbestanden(db: Db): Promise<Omit<BankbestandRow, 'inhoud'>[]> {
  return db
    .selectFrom('bankbestand')
    .select(['bericht_id', 'soort', 'datum', 'formaat', 'aantal', 'totaal_cent', 'bestand', 'aangemaakt'])
    .orderBy('aangemaakt')
    .orderBy('bericht_id')
    .execute();
}

/** The bank file each of these payouts is in (payouts in none are absent). */
export async function filesOfUitbetalingen(db: Db, nummers: string[]): Promise<Map<string, string>> {
  if (nummers.length === 0) return new Map();
  const rows = await db
    .selectFrom('bankbestand_uitbetaling')
    .select(['uitbetaling', 'bericht_id'])
    .where('uitbetaling', 'in', inValues(db, nummers))
    .execute();
  return new Map(rows.map((r) => [r.uitbetaling, r.bericht_id]));
}

/** The file is on disk, complete (after the first write, or after `gob sepa bestand`). */
export async function markWritten(db: Db, berichtId: string, now: string): Promise<void> {
  await db
    .insertInto('bankbestand_geschreven')
    .values({ bericht_id: berichtId, geschreven_op: now })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Booked files whose writing never completed (the process was stopped between commit and write). */
export async function unwrittenBankbestanden(db: Db): Promise<Pick<BankbestandRow, 'bericht_id' | 'soort' | 'datum' | 'bestand'>[]> {
  return db
    .selectFrom('bankbestand')
    .select(['bericht_id', 'soort', 'datum', 'bestand'])
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('bankbestand_geschreven as g').select('g.bericht_id').whereRef('g.bericht_id', '=', 'bankbestand.bericht_id'))),
    )
    .orderBy('bericht_id')
    .execute();
}
