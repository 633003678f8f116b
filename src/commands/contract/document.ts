// Everything a contract shows, from the registry: parties, child, opvangadres, dates, rooster,
// rates, bureau costs and the recorded signatures.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatSchaal, parseSchaal } from '../../domain/bureaukosten.js';
import { formatDatumLang } from '../../domain/calendar.js';
import { fillTemplate } from '../../domain/contract.js';
import { formatEuro } from '../../domain/money.js';
import type { Db } from '../../db/open.js';
import { NotFound, Refused, UsageError, ValueError } from '../../errors.js';
import type { ContractDocument } from '../../pdf/contract.js';

export type ContractSoort = 'gastouder' | 'bureau';

/** The parties that sign each agreement, in order. */
export const PARTIJEN: Record<ContractSoort, { partij: 'ouder' | 'gastouder' | 'bureau'; rol: string }[]> = {
  gastouder: [
    { partij: 'ouder', rol: 'De vraagouder' },
    { partij: 'gastouder', rol: 'De gastouder' },
  ],
  bureau: [
    { partij: 'ouder', rol: 'De vraagouder' },
    { partij: 'bureau', rol: 'Het gastouderbureau' },
  ],
};

const DAGNAAM: Record<string, string> = { ma: 'maandag', di: 'dinsdag', wo: 'woensdag', do: 'donderdag', vr: 'vrijdag', za: 'zaterdag', zo: 'zondag' };

/** The templates shipped in the project's templates/ folder (found from dist/ or from src/). */
function defaultTemplate(soort: ContractSoort): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 5; up++) {
    const file = path.join(dir, 'templates', `overeenkomst-${soort}.md`);
    if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
    dir = path.dirname(dir);
  }
  throw new Error(`sjabloon overeenkomst-${soort}.md niet gevonden`);
}

export async function contractDocument(db: Db, opts: { koppeling: string; soort: ContractSoort; template?: string; today: string }): Promise<ContractDocument> {
  const kp = await db.selectFrom('koppeling').selectAll().where('code', '=', opts.koppeling).executeTakeFirst();
  if (!kp) throw new NotFound(`Er is geen koppeling met code ${opts.koppeling}. Zie 'gob koppeling list'.`);
  const kind = await db.selectFrom('kind').selectAll().where('code', '=', kp.kind).executeTakeFirstOrThrow();
  const ouder = await db.selectFrom('ouder').selectAll().where('code', '=', kind.ouder!).executeTakeFirstOrThrow();
  const gastouder = await db.selectFrom('gastouder').selectAll().where('code', '=', kp.gastouder).executeTakeFirstOrThrow();
  const bureau = await db.selectFrom('bureau').selectAll().executeTakeFirstOrThrow();
  const missing = [
    ...(['naam', 'adres', 'postcode', 'plaats', 'kvk', 'lrk'] as const).filter((f) => !bureau[f]).map((f) => `bureau ${f} ('gob bureau set --${f} …')`),
    ...(gastouder.lrk ? [] : [`LRK-nummer van gastouder ${gastouder.code} ('gob gastouder edit ${gastouder.code} --lrk …')`]),
  ];
  if (missing.length > 0) {
    throw new Refused(`Een overeenkomst moet deze gegevens noemen (Wet kinderopvang art. 1.56); er ontbreken: ${missing.join(', ')}.`);
  }
  const adres = (a: { adres: string | null; postcode: string | null; plaats: string | null }) =>
    [a.adres, `${a.postcode ?? ''} ${a.plaats ?? ''}`.trim()].filter(Boolean).join(', ') || '(adres onbekend)';
  const bureaukosten =
    bureau.bureaukosten_model === 'maand'
      ? `${formatEuro(bureau.bureaukosten_een_kind_cent)} per maand bij één kind, ${formatEuro(bureau.bureaukosten_meer_kinderen_cent)} per maand bij twee of meer kinderen bij deze gastouder`
      : bureau.bureaukosten_uur && parseSchaal(bureau.bureaukosten_uur).length > 1
        ? `per uur opvang, volgens de staffel (uren per maand: tarief) ${formatSchaal(parseSchaal(bureau.bureaukosten_uur)).replaceAll(';', '; ')}`
        : `${formatEuro(parseSchaal(bureau.bureaukosten_uur ?? '0').at(0)?.tariefCent ?? 0)} per uur opvang`;
  const values: Record<string, string> = {
    'bureau.naam': bureau.naam!,
    'bureau.adres': bureau.adres!,
    'bureau.postcode': bureau.postcode!,
    'bureau.plaats': bureau.plaats!,
    'bureau.kvk': bureau.kvk!,
    'bureau.lrk': bureau.lrk!,
    'bureau.email': bureau.email ?? '',
    'bureau.telefoon': bureau.telefoon ?? '',
    'ouder.naam': ouder.naam,
    'ouder.adres': ouder.adres ?? '(adres onbekend)',
    'ouder.postcode': ouder.postcode ?? '',
    'ouder.plaats': ouder.plaats ?? '',
    'gastouder.naam': gastouder.naam,
    'gastouder.adres': gastouder.adres ?? '(adres onbekend)',
    'gastouder.postcode': gastouder.postcode ?? '',
    'gastouder.plaats': gastouder.plaats ?? '',
    'gastouder.lrk': gastouder.lrk!,
    'kind.naam': kind.naam,
    'kind.geboortedatum': formatDatumLang(kind.geboortedatum),
    'koppeling.code': kp.code,
    'koppeling.start': formatDatumLang(kp.start),
    'koppeling.eind': kp.eind ? `tot en met ${formatDatumLang(kp.eind)}` : 'voor onbepaalde tijd',
    'koppeling.uurtarief': formatEuro(kp.uurtarief_cent),
    opvangadres: kp.opvanglocatie === 'ouder' ? `bij de vraagouder thuis, ${adres(ouder)}` : `bij de gastouder thuis, ${adres(gastouder)}`,
    bureaukosten,
    datum: formatDatumLang(opts.today),
  };
  let template: string;
  if (opts.template) {
    try {
      template = fs.readFileSync(opts.template, 'utf8');
    } catch {
      throw new UsageError(`--template: het bestand ${opts.template} bestaat niet of is niet leesbaar.`);
    }
  } else template = defaultTemplate(opts.soort);
  let blokken: ReturnType<typeof fillTemplate>;
  try {
    blokken = fillTemplate(template, values);
  } catch (error) {
    if (error instanceof ValueError) throw new Refused(`Het sjabloon gebruikt een onbekend veld ${error.value}; bekend zijn: ${error.accepted.replace(/^een van /, '')}.`);
    throw error;
  }
  const rooster = await db.selectFrom('rooster').selectAll().where('koppeling', '=', kp.code).execute();
  const order = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'];
  rooster.sort((a, b) => order.indexOf(a.dag) - order.indexOf(b.dag) || (a.van < b.van ? -1 : 1));
  const getekend = await db.selectFrom('handtekening').selectAll().where('koppeling', '=', kp.code).where('soort', '=', opts.soort).execute();
  return {
    blokken,
    rooster: rooster.map((r) => ({
      dag: DAGNAAM[r.dag] ?? r.dag,
      van: r.van,
      tot: r.tot,
      periode: r.vanaf || r.tot_en_met ? `${r.vanaf ? `vanaf ${formatDatumLang(r.vanaf)}` : ''}${r.vanaf && r.tot_en_met ? ' ' : ''}${r.tot_en_met ? `t/m ${formatDatumLang(r.tot_en_met)}` : ''}` : 'elke week',
    })),
    handtekeningen: PARTIJEN[opts.soort].map(({ partij, rol }) => {
      const h = getekend.find((g) => g.partij === partij);
      return { rol, naam: h?.naam ?? null, datum: h ? formatDatumLang(h.datum) : null, plaats: h?.plaats ?? null };
    }),
    kenmerk: `Overeenkomst ${opts.soort === 'gastouder' ? 'vraagouder–gastouder' : 'vraagouder–gastouderbureau'}, koppeling ${kp.code}`,
    datum: opts.today,
  };
}
