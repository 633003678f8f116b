// Everything a contract shows, from the registry: parties, child, opvangadres, dates, rooster,
// rates, bureau costs and the recorded signatures.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatSchaal, parseSchaal } from '../domain/bureaukosten.js';
import { DAGNAAM, type Dag, formatDatumLang } from '../domain/calendar.js';
import { fillTemplate } from '../domain/contract.js';
import { formatEuro } from '../domain/money.js';
import type { Db } from '../db/open.js';
import { contractPartijen, contractRooster, handtekeningen } from '../db/repo/contract.js';
import type { BureauRow } from '../db/tables/bureau.js';
import type { GastouderRow } from '../db/tables/gastouder.js';
import type { KindRow } from '../db/tables/kind.js';
import type { KoppelingRow } from '../db/tables/koppeling.js';
import type { OuderRow } from '../db/tables/ouder.js';
import { NotFound, Refused, UsageError, ValueError } from '../errors.js';
import type { ContractDocument } from '../pdf/contract.js';
import { aantal } from '../domain/tekst.js';

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

interface Partijen {
  kp: KoppelingRow;
  kind: KindRow;
  /** The vraagouder of this contract: the ouder it is made for and who signs it. */
  ouder: OuderRow;
  /** The kind's own ouder (the opvangadres of care at home is hers; she is `ouder` unless the contract is the tweede-ouder's). */
  eigenOuder: OuderRow;
  /** When the koppeling is shared (a tweede-ouder): the other ouder, and the vraagouder's percentage. */
  deling: { andere: OuderRow; deel: number } | null;
  gastouder: GastouderRow;
  bureau: BureauRow;
  /** The LRK number of the registration where care takes place, and whose it is. */
  lrk: string | null;
  lrkVan: 'gastouder' | 'koppeling';
}

/**
 * The parties of the contract made for `ouderCode` (default: the kind's own ouder). Each ouder of a
 * shared koppeling has a contract of her own (CONTRACT §9); anyone else is refused, naming who may sign.
 */
async function loadPartijen(db: Db, koppeling: string, ouderCode?: string): Promise<Partijen> {
  const partijen = await contractPartijen(db, koppeling);
  if (!partijen) throw new NotFound(`Er is geen koppeling met code ${koppeling}. Zie 'gob koppeling list'.`);
  const { kp, kind, ouders, gastouder, bureau } = partijen;
  const eigenOuder = ouders[0]!;
  const ouder = ouderCode === undefined ? eigenOuder : ouders.find((o) => o.code === ouderCode);
  if (!ouder) {
    const wie = ouders.map((o) => `${o.code} (${o.naam})`).join(' of ');
    throw new Refused(
      `--ouder: ${ouderCode} is geen ouder van koppeling ${kp.code}. De overeenkomst van kind ${kind.code} bij deze gastouder wordt getekend door ${ouders.length === 1 ? `ouder ${wie}; deze koppeling heeft geen tweede-ouder ('gob koppeling edit ${kp.code} --tweede-ouder …')` : `ouder ${wie}`}.`,
      undefined,
      { koppeling: kp.code, ouder: ouderCode, toegestaan: ouders.map((o) => o.code) },
    );
  }
  // The verdeling is the kind's own ouder's percentage; the tweede-ouder pays the rest.
  const deling =
    ouders.length === 2
      ? ouder === eigenOuder
        ? { andere: ouders[1]!, deel: kp.verdeling }
        : { andere: eigenOuder, deel: 100 - kp.verdeling }
      : null;
  // Care at the ouder's home has a registration of its own: the koppeling's lrk (CONTRACT §3).
  const lrkVan = kp.opvanglocatie === 'ouder' ? 'koppeling' : 'gastouder';
  return { kp, kind, ouder, eigenOuder, deling, gastouder, bureau, lrk: lrkVan === 'koppeling' ? kp.lrk : gastouder.lrk, lrkVan };
}

/** Every detail a contract must name that is missing (CONTRACT §7), each with the command that fills it in. */
function missingDetails({ kp, ouder, eigenOuder, gastouder, bureau, lrk, lrkVan }: Partijen, soort: ContractSoort): string[] {
  const missing: string[] = [];
  const check = (wie: string, edit: string, record: Record<string, unknown>, velden: string[], waarom = '') => {
    for (const veld of velden) if (!record[veld]) missing.push(`${wie}: ${veld}${waarom} ('${edit} --${veld} …')`);
  };
  const adres = ['adres', 'postcode', 'plaats'];
  check('bureau', 'gob bureau set', bureau, ['naam', ...adres, 'kvk', 'lrk']);
  check(
    `ouder ${ouder.code}`,
    `gob ouder edit ${ouder.code}`,
    ouder,
    ['naam', ...adres],
    kp.opvanglocatie === 'ouder' && ouder === eigenOuder ? ' (ook het opvangadres)' : '',
  );
  // The tweede-ouder's contract: care at home is at the kind's own ouder's address.
  if (kp.opvanglocatie === 'ouder' && ouder !== eigenOuder)
    check(`ouder ${eigenOuder.code}`, `gob ouder edit ${eigenOuder.code}`, eigenOuder, adres, ' (het opvangadres)');
  check(`gastouder ${gastouder.code}`, `gob gastouder edit ${gastouder.code}`, gastouder, ['naam']);
  // The gastouder's address is in the contract as a party's (soort gastouder) or as the opvangadres.
  if (soort === 'gastouder' || kp.opvanglocatie === 'gastouder') {
    check(
      `gastouder ${gastouder.code}`,
      `gob gastouder edit ${gastouder.code}`,
      gastouder,
      adres,
      kp.opvanglocatie === 'gastouder' ? ' (ook het opvangadres)' : '',
    );
  }
  if (!lrk) {
    if (lrkVan === 'koppeling')
      missing.push(
        `koppeling ${kp.code}: lrk, de registratie van opvang bij de vraagouder thuis ('gob koppeling edit ${kp.code} --lrk …')`,
      );
    else check(`gastouder ${gastouder.code}`, `gob gastouder edit ${gastouder.code}`, gastouder, ['lrk']);
  }
  return missing;
}

function refuseIncomplete(partijen: Partijen, soort: ContractSoort, wat: string): void {
  const missing = missingDetails(partijen, soort);
  if (missing.length === 0) return;
  throw new Refused(
    `${wat} is geweigerd: een overeenkomst moet de namen en adressen van de partijen, het opvangadres en de LRK- en KvK-nummers noemen, en er ${missing.length === 1 ? 'ontbreekt 1 gegeven' : `ontbreken ${missing.length} gegevens`}. Er is niets ${wat.startsWith('De handtekening') ? 'vastgelegd' : 'geschreven'}.`,
    missing,
    { koppeling: partijen.kp.code, soort, ontbreekt: missing },
  );
}

/**
 * `contract teken` records a signature only under a contract that can be made (CONTRACT §7): the
 * one made for `ouder` (default the kind's own ouder). Returns that contract's ouder and whether
 * the koppeling is shared.
 */
export async function requireCompleteContract(
  db: Db,
  koppeling: string,
  soort: ContractSoort,
  ouder?: string,
): Promise<{ ouder: string; gedeeld: boolean }> {
  const partijen = await loadPartijen(db, koppeling, ouder);
  refuseIncomplete(partijen, soort, `De handtekening onder de overeenkomst (${soort}) van koppeling ${koppeling}`);
  return { ouder: partijen.ouder.code, gedeeld: partijen.deling !== null };
}

/**
 * The share of a shared koppeling as the contract says it (the {{verdeling}} placeholder); empty
 * for an unshared one, so its contract keeps its text. The percentages are those of today's
 * koppeling; each month is billed at the verdeling frozen with it (CONTRACT §9).
 */
export function verdelingTekst(deling: Partijen['deling']): string {
  if (!deling) return '';
  return `De ouders delen de kosten: de vraagouder betaalt ${deling.deel}% van de kosten van de opvang en de bureaukosten, de andere ouder (${deling.andere.naam}) ${100 - deling.deel}%. Ieder krijgt een eigen factuur voor het eigen deel, per factuurregel afgerond op hele minuten, en tekent een eigen overeenkomst.`;
}

/** "binnen 5 werkdagen": the bureau's uitbetaaltermijn as the contract says it. */
export function uitbetaaltermijnTekst(werkdagen: number): string {
  if (werkdagen === 0) return 'op dezelfde werkdag';
  return `binnen ${aantal(werkdagen, 'werkdag', 'werkdagen')}`;
}

/**
 * How absence is charged (CONTRACT §7, §9), as the contract says it: with the bureau setting
 * `afgesproken-uren` the agreed hours of absence reported less than `afmeldtermijn` days ahead
 * (a holiday: two months); otherwise only hours of care.
 */
export function afwezigheidTekst(bureau: { afgesproken_uren: number; afmeldtermijn: number }): string {
  if (bureau.afgesproken_uren !== 1)
    return 'De vraagouder meldt afwezigheid van het kind zo vroeg mogelijk aan de gastouder. Alleen uren van opvang volgens de urenkaart worden in rekening gebracht; voor afwezigheid betaalt de vraagouder niets.';
  const termijn =
    bureau.afmeldtermijn === 0 ? 'uiterlijk op de dag zelf' : `ten minste ${aantal(bureau.afmeldtermijn, 'dag', 'dagen')} van tevoren`;
  return `De vraagouder meldt afwezigheid van het kind ${termijn} aan de gastouder en het gastouderbureau, en vakantie ten minste twee maanden van tevoren. Bij later gemelde afwezigheid (ook bij ziekte) worden de afgesproken uren volgens het rooster in rekening gebracht. Voor afwezigheid van de gastouder betaalt de vraagouder niets.`;
}

export async function contractDocument(
  db: Db,
  opts: { koppeling: string; soort: ContractSoort; ouder?: string; template?: string; today: string },
): Promise<ContractDocument & { ouder: string; gedeeld: boolean }> {
  const partijen = await loadPartijen(db, opts.koppeling, opts.ouder);
  refuseIncomplete(partijen, opts.soort, `De overeenkomst (${opts.soort}) van koppeling ${opts.koppeling}`);
  const { kp, kind, ouder, eigenOuder, deling, gastouder, bureau, lrk } = partijen;
  const adres = (a: { adres: string | null; postcode: string | null; plaats: string | null }) => `${a.adres}, ${a.postcode} ${a.plaats}`;
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
    'bureau.uitbetaaltermijn': uitbetaaltermijnTekst(bureau.uitbetaaltermijn),
    afwezigheid: afwezigheidTekst(bureau),
    'ouder.naam': ouder.naam,
    'ouder.adres': ouder.adres!,
    'ouder.postcode': ouder.postcode!,
    'ouder.plaats': ouder.plaats!,
    'gastouder.naam': gastouder.naam,
    // Empty only where the contract (soort bureau, care at the ouder's home) does not name it.
    'gastouder.adres': gastouder.adres ?? '',
    'gastouder.postcode': gastouder.postcode ?? '',
    'gastouder.plaats': gastouder.plaats ?? '',
    'gastouder.lrk': lrk!,
    'kind.naam': kind.naam,
    'kind.geboortedatum': formatDatumLang(kind.geboortedatum),
    'koppeling.code': kp.code,
    'koppeling.start': formatDatumLang(kp.start),
    'koppeling.eind': kp.eind ? `tot en met ${formatDatumLang(kp.eind)}` : 'voor onbepaalde tijd',
    'koppeling.uurtarief': formatEuro(kp.uurtarief_cent),
    opvangadres:
      kp.opvanglocatie === 'gastouder'
        ? `bij de gastouder thuis, ${adres(gastouder)}`
        : ouder === eigenOuder
          ? `bij de vraagouder thuis, ${adres(ouder)}`
          : `bij de andere ouder (${eigenOuder.naam}) thuis, ${adres(eigenOuder)}`,
    bureaukosten,
    verdeling: verdelingTekst(deling),
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
  // A shared koppeling's contract must say who pays what: a bureau's own template without the
  // placeholder would silently leave it out.
  if (deling && !/\{\{\s*verdeling\s*\}\}/.test(template))
    throw new Refused(
      `Koppeling ${kp.code} is gedeeld met een tweede ouder, maar het sjabloon ${opts.template} noemt de verdeling van de kosten niet. Zet {{verdeling}} in het sjabloon (bij de kosten); het wordt alleen bij een gedeelde koppeling ingevuld. Er is niets geschreven.`,
    );
  let blokken: ReturnType<typeof fillTemplate>;
  try {
    blokken = fillTemplate(template, values);
  } catch (error) {
    if (error instanceof ValueError)
      throw new Refused(`Het sjabloon gebruikt een onbekend veld ${error.value}; bekend zijn: ${error.accepted.replace(/^een van /, '')}.`);
    throw error;
  }
  const rooster = await contractRooster(db, kp.code);
  const order = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'];
  rooster.sort((a, b) => order.indexOf(a.dag) - order.indexOf(b.dag) || (a.van < b.van ? -1 : 1));
  const getekend = await handtekeningen(db, kp.code, opts.soort);
  return {
    blokken,
    rooster: rooster.map((r) => ({
      dag: DAGNAAM[r.dag as Dag] ?? r.dag, // the column holds ma..zo (a check constraint)
      van: r.van,
      tot: r.tot,
      periode:
        r.vanaf || r.tot_en_met
          ? `${r.vanaf ? `vanaf ${formatDatumLang(r.vanaf)}` : ''}${r.vanaf && r.tot_en_met ? ' ' : ''}${r.tot_en_met ? `t/m ${formatDatumLang(r.tot_en_met)}` : ''}`
          : 'elke week',
    })),
    handtekeningen: PARTIJEN[opts.soort].map(({ partij, rol }) => {
      // The vraagouder's signature is this contract's ouder's own, never the other ouder's.
      const h = getekend.find((g) => g.partij === partij && (partij !== 'ouder' || g.ouder === ouder.code));
      return { rol, naam: h?.naam ?? null, datum: h ? formatDatumLang(h.datum) : null, plaats: h?.plaats ?? null };
    }),
    kenmerk: `Overeenkomst ${opts.soort === 'gastouder' ? 'vraagouder–gastouder' : 'vraagouder–gastouderbureau'}, koppeling ${kp.code}${deling ? `, ouder ${ouder.code}` : ''}`,
    datum: opts.today,
    ouder: ouder.code,
    gedeeld: deling !== null,
  };
}
