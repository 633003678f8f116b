// Frozen: never edit a migration that has shipped; add a new file and list it in migrations/index.ts.
// What an invoiced month needs so that it can never be re-priced or shown wrong (CONTRACT v2 §6):
// - maandbureaukosten: the bureau's fee settings in force when a month was first invoiced, as
//   maandtarief (0002) keeps the hourly rates: a later `bureau set` re-prices no invoiced month.
//   For months invoiced before this migration they are read back from the billed fee lines.
// - koppeling.lrk: care at the ouder's home has its own LRK registration (§3).
// - factuurregel.correctie_op: the invoice whose line a correction line corrects.
// - factuurregel.lrk: the LRK number the line was billed under (the gastouder's, or the
//   koppeling's for care at the ouder's home); null on lines made before this migration, which
//   show the gastouder's LRK from the invoice's snapshot as before.
import { type Kysely, sql } from 'kysely';
import { run, type Step } from './portable.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements: Step[] = [
    sql`create table maandbureaukosten (
      maand text primary key,
      model text not null check (model in ('maand', 'uur')),
      een_kind_cent integer not null,
      meer_kinderen_cent integer not null,
      uur text
    ) strict, without rowid`,
    sql`alter table koppeling add column lrk text`,
    sql`alter table factuurregel add column correctie_op text references factuur (nummer)`,
    sql`alter table factuurregel add column lrk text`,
  ];
  await run(db, statements);
  await seedInvoicedMonths(db);
}

interface Settings {
  model: 'maand' | 'uur';
  een_kind_cent: number;
  meer_kinderen_cent: number;
  uur: string | null;
}

/**
 * Months invoiced before this migration keep the fee settings they were billed at, read back from
 * the fee lines of the month's first invoices (not its corrections): a monthly fee line has no
 * minutes and its rate is the one-child or the several-children fee, by how many children the
 * invoice has at that gastouder; an hourly fee line has the child's minutes and the rate of the
 * scale. What the lines do not tell (a fee never billed, a scale's steps) is taken from today's
 * settings, the best that is known; a scale is kept only if it gives every billed line its rate.
 */
async function seedInvoicedMonths(db: Kysely<unknown>): Promise<void> {
  const nu = (
    await sql<{ model: 'maand' | 'uur'; een: number; meer: number; uur: string | null }>`select bureaukosten_model as model,
    bureaukosten_een_kind_cent as een, bureaukosten_meer_kinderen_cent as meer, bureaukosten_uur as uur from bureau`.execute(db)
  ).rows[0];
  const regels = (
    await sql<{ maand: string; minuten: number; tarief: number; kinderen: number }>`select f.maand, r.minuten, r.tarief_cent as tarief,
      (select count(distinct o.kind) from factuurregel o where o.factuur = r.factuur and o.gastouder = r.gastouder and o.soort = 'opvang') as kinderen
    from factuurregel r join factuur f on f.nummer = r.factuur
    where r.soort = 'bureaukosten' and f.correctie_van is null`.execute(db)
  ).rows;
  const maanden = (await sql<{ maand: string }>`select distinct maand from factuur`.execute(db)).rows.map((r) => r.maand);
  for (const maand of maanden) {
    const lines = regels.filter((r) => r.maand === maand);
    const settings: Settings = {
      model: nu?.model ?? 'maand',
      een_kind_cent: nu?.een ?? 2950,
      meer_kinderen_cent: nu?.meer ?? 5750,
      uur: nu?.uur ?? null,
    };
    const perUur = lines.filter((r) => r.minuten > 0);
    if (perUur.length > 0) {
      settings.model = 'uur';
      const tarieven = [...new Set(perUur.map((r) => r.tarief))];
      const scale = settings.uur === null ? null : steps(settings.uur);
      const fits = scale !== null && perUur.every((r) => rateAt(scale, r.minuten) === r.tarief);
      if (!fits && tarieven.length === 1) settings.uur = `0:${euro(tarieven[0]!)}`;
    } else if (lines.length > 0) {
      settings.model = 'maand';
      const een = lines.find((r) => r.kinderen <= 1);
      const meer = lines.find((r) => r.kinderen >= 2);
      if (een) settings.een_kind_cent = een.tarief;
      if (meer) settings.meer_kinderen_cent = meer.tarief;
    }
    await sql`insert into maandbureaukosten (maand, model, een_kind_cent, meer_kinderen_cent, uur)
      values (${maand}, ${settings.model}, ${settings.een_kind_cent}, ${settings.meer_kinderen_cent}, ${settings.uur})`.execute(db);
  }
}

/** A stored scale '0:1,60;80:1,40' as steps (hours from, cents); a frozen migration keeps its own parser. */
function steps(uur: string): { vanaf: number; cent: number }[] | null {
  const parts = uur.includes(':') ? uur.split(';') : [`0:${uur}`];
  const out = parts.map((p) => {
    const m = /^\s*(\d+)\s*:\s*(\d+)(?:,(\d{1,2}))?\s*$/.exec(p);
    return m ? { vanaf: Number(m[1]), cent: Number(m[2]) * 100 + Number((m[3] ?? '0').padEnd(2, '0')) } : null;
  });
  return out.every((s) => s !== null) ? (out as { vanaf: number; cent: number }[]) : null;
}

function rateAt(scale: { vanaf: number; cent: number }[], minuten: number): number {
  let cent = scale[0]!.cent;
  for (const s of scale) if (minuten >= s.vanaf * 60) cent = s.cent;
  return cent;
}

function euro(cent: number): string {
  return `${Math.floor(cent / 100)},${String(cent % 100).padStart(2, '0')}`;
}
