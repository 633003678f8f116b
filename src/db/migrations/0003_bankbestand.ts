// Frozen: never edit a migration that has shipped; add a new file and list it in migrations/index.ts.
// Bank files are stored (CONTRACT v2 §6): the database is the only truth, a file on disk a copy.
// - bankbestand: every SEPA file's exact bytes under its message id, stored in the transaction
//   that books it; `gob sepa bestand` writes it again. Immutable, like an invoice.
// - bankbestand_uitbetaling: which payout is in which file, the payout as primary key, so the
//   database itself refuses to put a payout in a second file.
// - The INC and UIT message ids become two gapless series ('sepa-incasso', 'sepa-uitbetaling');
//   before, both took numbers from one counter 'sepa'.
//
// What can be recovered for files made before this migration (their bytes were never kept):
// - every collection: its id, date, count and total from `betaling.sepa_bericht`, the path from
//   the audit log; listed by `sepa list` without content (`sepa bestand` says so).
// - a payout file: id, count, total and path from its audit-log line. Which payouts it held was
//   not logged. Only payouts that existed when it was made can be in it: each `uitbetaling run`
//   logged how many payouts it made, and payout numbers are gapless, so every payout's moment is
//   known. Among those, not linked yet, the payouts of one date with the file's count and total
//   (the usual `--datum` run), or else the one set of them with that count and total (a run with
//   `--uitbetaling`), are linked. When neither is unique, every payout that could have been in it
//   is linked to the file: a payout that may already be at the bank is never put in a new file
//   (money leaves once). The audit log names those, so the bureau can check its bank statement.
// - bankbestand_geschreven: when a stored file was completely written to disk. A booking whose file
//   was never written (a kill between commit and write) is named by every SEPA and payout command
//   until `gob sepa bestand` writes it. Files made before this migration were written then.
// - the next number of each series lies past the old shared counter and every id found, so no
//   message id is ever given twice; the one jump at the change is the only gap.
import { type Kysely, sql } from 'kysely';
import { refuse, run, type Step } from './portable.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements: Step[] = [
    sql`create table bankbestand (
      bericht_id text primary key,
      soort text not null check (soort in ('incasso', 'uitbetaling')),
      datum text not null,
      formaat text,
      aantal integer not null check (aantal >= 0),
      totaal_cent integer not null check (totaal_cent >= 0),
      bestand text not null,
      -- The exact bytes of the file; null only for a file made before this migration.
      inhoud blob,
      aangemaakt text not null
    ) strict`,
    {
      sqlite: [
        sql`create trigger bankbestand_onveranderlijk before update on bankbestand
      begin select raise(abort, 'een bankbestand wordt nooit gewijzigd'); end`,
      ],
      postgres: [refuse('bankbestand_onveranderlijk', 'update', 'bankbestand', 'een bankbestand wordt nooit gewijzigd')],
    },
    {
      sqlite: [
        sql`create trigger bankbestand_onverwijderbaar before delete on bankbestand
      begin select raise(abort, 'een bankbestand wordt nooit verwijderd'); end`,
      ],
      postgres: [refuse('bankbestand_onverwijderbaar', 'delete', 'bankbestand', 'een bankbestand wordt nooit verwijderd')],
    },
    sql`create table bankbestand_uitbetaling (
      uitbetaling text primary key references uitbetaling (nummer),
      bericht_id text not null references bankbestand (bericht_id)
    ) strict, without rowid`,
    sql`create index bankbestand_uitbetaling_bericht on bankbestand_uitbetaling (bericht_id)`,
    sql`create table bankbestand_geschreven (
      bericht_id text primary key references bankbestand (bericht_id),
      geschreven_op text not null
    ) strict, without rowid`,
    {
      sqlite: [
        sql`create trigger bankbestand_uitbetaling_onveranderlijk before update on bankbestand_uitbetaling
      begin select raise(abort, 'een uitbetaling staat in één bankbestand, voor altijd'); end`,
      ],
      postgres: [
        refuse(
          'bankbestand_uitbetaling_onveranderlijk',
          'update',
          'bankbestand_uitbetaling',
          'een uitbetaling staat in één bankbestand, voor altijd',
        ),
      ],
    },
    {
      sqlite: [
        sql`create trigger bankbestand_uitbetaling_onverwijderbaar before delete on bankbestand_uitbetaling
      begin select raise(abort, 'een uitbetaling staat in één bankbestand, voor altijd'); end`,
      ],
      postgres: [
        refuse(
          'bankbestand_uitbetaling_onverwijderbaar',
          'delete',
          'bankbestand_uitbetaling',
          'een uitbetaling staat in één bankbestand, voor altijd',
        ),
      ],
    },
  ];
  await run(db, statements);
  await recoverOldFiles(db);
}

interface Payout {
  nummer: string;
  datum: string;
  bedrag_cent: number;
}

const SEARCH_LIMIT = 1000;

/**
 * The sets of `aantal` payouts adding up to `totaal`, at most `limit` of them. The search is small:
 * a bureau makes tens of payouts at a time.
 */
function subsetsWith(payouts: Payout[], aantal: number, totaal: number, limit: number): Payout[][] {
  const found: Payout[][] = [];
  const chosen: Payout[] = [];
  const search = (from: number, rest: number, som: number): void => {
    if (found.length >= limit) return;
    if (rest === 0) {
      if (som === totaal) found.push([...chosen]);
      return;
    }
    for (let i = from; i <= payouts.length - rest; i++) {
      const p = payouts[i]!;
      if (som + p.bedrag_cent > totaal) continue;
      chosen.push(p);
      search(i + 1, rest - 1, som + p.bedrag_cent);
      chosen.pop();
    }
  };
  if (payouts.length <= 40) search(0, aantal, 0);
  return found;
}

/** Cents from a logged amount like '€ 1.234,56'. */
const cents = (euro: string) => Number(euro.replace(/[^0-9]/g, ''));

async function recoverOldFiles(db: Kysely<unknown>): Promise<void> {
  const log = (
    await sql<{ tijdstip: string; wijziging: string }>`select tijdstip, wijziging from log
    where wijziging like 'SEPA-incasso GOB-INC-%' or wijziging like 'SEPA-overboeking GOB-UIT-%' order by id`.execute(db)
  ).rows;
  const paths = new Map<string, { bestand: string; tijdstip: string }>();
  const uit: { id: string; aantal: number; totaal: number; bestand: string; tijdstip: string }[] = [];
  for (const { tijdstip, wijziging } of log) {
    const inc = /^SEPA-incasso (GOB-INC-\d{4}-\d+) op [^:]*: \d+ ouders, € [0-9.,]+, (.*)$/s.exec(wijziging);
    if (inc) paths.set(inc[1]!, { bestand: inc[2]!, tijdstip });
    const ov = /^SEPA-overboeking (GOB-UIT-\d{4}-\d+): (\d+) uitbetalingen, (€ [0-9.,]+), (.*)$/s.exec(wijziging);
    if (ov) uit.push({ id: ov[1]!, aantal: Number(ov[2]), totaal: cents(ov[3]!), bestand: ov[4]!, tijdstip });
  }

  const incasso = (
    await sql<{ id: string; datum: string; aantal: number; totaal: number }>`select sepa_bericht as id, min(datum) as datum,
    count(*) as aantal, sum(bedrag_cent) as totaal from betaling where soort = 'incasso' and sepa_bericht is not null group by sepa_bericht`.execute(
      db,
    )
  ).rows;
  for (const i of incasso) {
    const p = paths.get(i.id);
    await sql`insert into bankbestand (bericht_id, soort, datum, aantal, totaal_cent, bestand, aangemaakt)
      values (${i.id}, 'incasso', ${i.datum}, ${i.aantal}, ${i.totaal}, ${p?.bestand ?? '(onbekend)'}, ${p?.tijdstip ?? ''})`.execute(db);
  }

  const payouts = (await sql<Payout>`select nummer, datum, bedrag_cent from uitbetaling order by nummer`.execute(db)).rows;
  // When each payout was made: the runs' log lines in order, each taking the next numbers.
  const runs = (
    await sql<{ tijdstip: string; wijziging: string }>`select tijdstip, wijziging from log
    where wijziging like 'uitbetalingen op %' order by id`.execute(db)
  ).rows;
  const gemaakt = new Map<string, string>();
  let next = 0;
  for (const run of runs) {
    const n = Number(/^uitbetalingen op [^:]*: (\d+),/.exec(run.wijziging)?.[1] ?? 0);
    for (const p of payouts.slice(next, next + n)) gemaakt.set(p.nummer, run.tijdstip);
    next += n;
  }
  const linked = new Set<string>();
  for (const u of uit) {
    // A payout whose moment is unknown (no log line) counts as made before the file: safe side.
    const candidates = payouts.filter((p) => !linked.has(p.nummer) && (gemaakt.get(p.nummer) ?? '') <= u.tijdstip);
    const fits = (ps: Payout[]) => ps.length === u.aantal && ps.reduce((s, p) => s + p.bedrag_cent, 0) === u.totaal;
    const byDate = new Map<string, Payout[]>();
    for (const p of candidates) byDate.set(p.datum, [...(byDate.get(p.datum) ?? []), p]);
    const dates = [...byDate.values()].filter(fits);
    const sets = dates.length === 1 ? dates : subsetsWith(candidates, u.aantal, u.totaal, SEARCH_LIMIT);
    const exact = sets.length === 1;
    // Not unique: every payout that fits some set; nothing fits (or too many to tell): all candidates.
    const possible = new Set(sets.flat());
    const inFile = exact
      ? sets[0]!
      : sets.length > 0 && sets.length < SEARCH_LIMIT
        ? candidates.filter((p) => possible.has(p))
        : candidates;
    const datum =
      inFile
        .map((p) => p.datum)
        .sort()
        .at(-1) ?? u.tijdstip.slice(0, 10);
    await sql`insert into bankbestand (bericht_id, soort, datum, aantal, totaal_cent, bestand, aangemaakt)
      values (${u.id}, 'uitbetaling', ${datum}, ${u.aantal}, ${u.totaal}, ${u.bestand}, ${u.tijdstip})`.execute(db);
    for (const p of inFile) {
      await sql`insert into bankbestand_uitbetaling (uitbetaling, bericht_id) values (${p.nummer}, ${u.id})`.execute(db);
      linked.add(p.nummer);
    }
    if (!exact && inFile.length > 0) {
      // Dated as the last line of the log: a migration does not read the clock.
      await sql`insert into log (tijdstip, gebruiker, commando, wijziging) values ((select max(tijdstip) from log), 'gob', 'init',
        ${`migratie 0003: welke uitbetalingen in bankbestand ${u.id} stonden, is niet vast te stellen; ${inFile.map((p) => p.nummer).join(', ')} gelden als daarin betaald. Controleer het bankafschrift.`})`.execute(
        db,
      );
    }
  }
  // Every file made before this migration was written when it was made.
  await sql`insert into bankbestand_geschreven (bericht_id, geschreven_op) select bericht_id, aangemaakt from bankbestand`.execute(db);

  // Each new series starts past the old shared counter and past every id found, per year.
  const highest = new Map<string, number>();
  const raise = (key: string, n: number) => highest.set(key, Math.max(highest.get(key) ?? 0, n));
  const old = (await sql<{ jaar: number; laatste: number }>`select jaar, laatste from nummering where soort = 'sepa'`.execute(db)).rows;
  for (const o of old) {
    raise(`sepa-incasso ${o.jaar}`, o.laatste);
    raise(`sepa-uitbetaling ${o.jaar}`, o.laatste);
  }
  const ids = (await sql<{ id: string }>`select bericht_id as id from bankbestand`.execute(db)).rows;
  for (const { id } of ids) {
    const m = /^GOB-(INC|UIT)-(\d{4})-(\d+)$/.exec(id);
    if (m) raise(`${m[1] === 'INC' ? 'sepa-incasso' : 'sepa-uitbetaling'} ${m[2]}`, Number(m[3]));
  }
  for (const [key, laatste] of highest) {
    const [soort, jaar] = key.split(' ');
    await sql`insert into nummering (soort, jaar, laatste) values (${soort}, ${Number(jaar)}, ${laatste})`.execute(db);
  }
}
