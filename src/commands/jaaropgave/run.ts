import { createHash } from 'node:crypto';
import { addMonthsToMaand, type Datum, firstOfMonth, type Maand } from '../../domain/calendar.js';
import { jaarregels } from '../../domain/jaaropgave.js';
import { formatEuro } from '../../domain/money.js';
import { compareNummer, formatNummer } from '../../domain/nummers.js';
import { aantal } from '../../domain/tekst.js';
import { parseDate, parseJaar } from '../../domain/values.js';
import { type Db, inTransaction } from '../../db/open.js';
import { getBureau } from '../../db/repo/bureau.js';
import { reserveNumbers } from '../../db/repo/factuur.js';
import {
  insertJaaropgaven,
  invoiceTotals,
  jaaropgaveNames,
  latestJaaropgaveDatum,
  latestVersions,
  uninvoicedMonths,
  yearLines,
} from '../../db/repo/jaaropgave.js';
import { writeLog } from '../../db/repo/log.js';
import { toeslagMaximum } from '../../db/repo/toeslag.js';
import type { NewJaaropgave } from '../../db/tables/jaaropgave.js';
import { type JaaropgaveGegevens, ontbrekendeBsns } from '../../documents/jaaropgave.js';
import { Refused, UsageError } from '../../errors.js';
import { requireBureau } from '../bureau-gegevens.js';
import type { Deps } from '../deps.js';
import { notAfterToday, parseOptional, requireOption } from '../options.js';

/** What the Belastingdienst reads from a jaaropgave: its figures and the BSNs. Only a change in these makes a new version. */
function kenmerk(g: JaaropgaveGegevens): string {
  const kinderen = Object.keys(g.kinderen)
    .sort()
    .map((k) => [k, g.kinderen[k]!.bsn]);
  return createHash('sha256')
    .update(JSON.stringify([g.regels, g.ouder.bsn, g.partner?.bsn ?? null, kinderen]))
    .digest('base64url');
}

type Names = Awaited<ReturnType<typeof loadNames>>;

async function loadNames(db: Db) {
  const { ouders, kinderen, gastouders } = await jaaropgaveNames(db);
  return {
    ouders: new Map(ouders.map((o) => [o.code, o])),
    kinderen: new Map(kinderen.map((k) => [k.code, k])),
    gastouders: new Map(gastouders.map((g) => [g.code, g])),
  };
}

function snapshot(
  names: Names,
  bureau: JaaropgaveGegevens['bureau'],
  ouder: string,
  regels: JaaropgaveGegevens['regels'],
  max: number | null,
): JaaropgaveGegevens {
  const o = names.ouders.get(ouder)!;
  const kinderen: JaaropgaveGegevens['kinderen'] = {};
  const gastouders: JaaropgaveGegevens['gastouders'] = {};
  for (const r of regels) {
    const k = r.kind === null ? undefined : names.kinderen.get(r.kind);
    if (k) kinderen[k.code] = { naam: k.naam, geboortedatum: k.geboortedatum, bsn: k.bsn };
    const go = names.gastouders.get(r.gastouder);
    if (go) gastouders[go.code] = { naam: go.naam };
  }
  const partner =
    o.partner_naam || o.partner_bsn || o.partner_geboortedatum
      ? { naam: o.partner_naam, geboortedatum: o.partner_geboortedatum, bsn: o.partner_bsn }
      : null;
  return {
    bureau,
    ouder: {
      code: o.code,
      naam: o.naam,
      adres: o.adres,
      postcode: o.postcode,
      plaats: o.plaats,
      geboortedatum: o.geboortedatum,
      bsn: o.bsn,
    },
    partner,
    kinderen,
    gastouders,
    regels,
    toeslagMaximumCent: max,
  };
}

interface Made {
  nummer: string;
  versie: number;
  ouder: string;
  minuten: number;
  totaalCent: number;
}

/**
 * `gob jaaropgave run --jaar <JJJJ> [--datum] [--dry-run] [--force]`: a jaaropgave for every ouder
 * with invoice lines for months of the year, from those lines (corrections included, a December
 * correction invoiced in January too). A second run makes a new version only for an ouder whose
 * figures or BSNs changed. Numbers are taken inside the transaction that stores them.
 */
export async function jaaropgaveRun(opts: { jaar?: string; datum?: string; dryRun?: boolean; force?: boolean }, deps: Deps) {
  const jaar = await requireOption('jaar', opts.jaar, parseJaar, deps, 'Van welk jaar (JJJJ)?');
  const datum: Datum = notAfterToday(
    'datum',
    parseOptional('datum', opts.datum, parseDate) ?? deps.today,
    deps.today,
    'een jaaropgave wordt gedateerd op de dag dat ze gemaakt wordt of eerder',
  );
  const van = `${jaar}-01` as Maand;
  const tot = `${jaar}-12` as Maand;
  const dryRun = Boolean(opts.dryRun);
  // What the run made is the callback's result: on PostgreSQL a retryable failure runs it again
  // after a rollback, and nothing an earlier attempt counted may be logged, shown or returned.
  const { made, ongewijzigd, ontbrekend, nietGefactureerd } = await inTransaction(
    deps.db,
    async (trx) => {
      const result = { made: [] as Made[], ongewijzigd: 0, ontbrekend: [] as string[], nietGefactureerd: [] as string[] };
      const { made, ontbrekend } = result;
      const { totals, laatsteDatum, laatsteMaand } = await invoiceTotals(trx, van, tot);
      if (totals.size === 0) {
        throw new Refused(
          `Er zijn geen facturen over ${jaar}, dus geen jaaropgaven te maken. Factureer eerst de maanden van ${jaar} ('gob factuur run --maand ${jaar}-MM'). Er is niets gemaakt.`,
        );
      }
      vroegsteDatum(await latestJaaropgaveDatum(trx, jaar), laatsteDatum!, laatsteMaand!);
      const open = await uninvoicedMonths(trx, van, tot);
      if (open.length > 0 && !opts.force) {
        throw new Refused(
          `De facturen van ${jaar} zijn niet compleet: ${aantal(open.length, 'maand heeft', 'maanden hebben')} urenkaarten maar geen enkele factuur (${open.join(', ')}). Factureer ${open.length === 1 ? 'die maand' : 'die maanden'} eerst ('gob factuur run --maand ${open[0]}'), of maak de jaaropgaven toch met --force. Er is niets gemaakt.`,
        );
      }
      // Said after the transaction, once, however often it ran.
      result.nietGefactureerd = open;
      // A jaaropgave names the bureau with its address, KvK and LRK (Regeling Wet kinderopvang art. 11).
      const bureau = requireBureau(
        await getBureau(trx),
        ['naam', 'adres', 'postcode', 'plaats', 'kvk', 'lrk'],
        'Een jaaropgave',
        'Er is niets gemaakt.',
      );
      const [names, latest, max] = await Promise.all([loadNames(trx), latestVersions(trx, jaar), toeslagMaximum(trx, jaar)]);
      const standaardLrk = (gastouder: string) => names.gastouders.get(gastouder)?.lrk ?? null;
      // Only the stored text is kept per ouder: a year of a large bureau is 44,000 of them.
      const nieuw: { ouder: string; gegevens: string; kenmerk: string; minuten: number; totaalCent: number }[] = [];
      const rows: NewJaaropgave[] = [];
      for (const { ouder, lines } of await yearLines(trx, van, tot)) {
        const regels = jaarregels(lines, standaardLrk);
        const g = snapshot(names, bureau, ouder, regels, max);
        const k = kenmerk(g);
        const minuten = regels.reduce((s, r) => s + r.minuten, 0);
        const totaalCent = regels.reduce((s, r) => s + r.bedragCent, 0);
        // The one promise of a jaaropgave: it adds up to the ouder's invoices of the year.
        if (totaalCent !== totals.get(ouder)) {
          throw new Error(
            `jaaropgave ${jaar} van ouder ${ouder}: ${totaalCent} cent ≠ ${totals.get(ouder)} cent aan facturen; er is niets gemaakt`,
          );
        }
        const vorige = latest.get(ouder);
        if (vorige?.kenmerk === k) {
          result.ongewijzigd++;
          continue;
        }
        ontbrekend.push(...ontbrekendeBsns(g));
        if (vorige) {
          const versie = vorige.versie + 1;
          rows.push(row(vorige.nummer, versie, ouder, g, k, minuten, totaalCent));
          made.push({ nummer: vorige.nummer, versie, ouder, minuten, totaalCent });
        } else nieuw.push({ ouder, gegevens: JSON.stringify(g), kenmerk: k, minuten, totaalCent });
      }
      if (dryRun) {
        for (const n of nieuw) made.push({ nummer: '(proef)', versie: 1, ouder: n.ouder, minuten: n.minuten, totaalCent: n.totaalCent });
        return result;
      }
      if (nieuw.length > 0) {
        const first = await reserveNumbers(trx, 'jaaropgave', jaar, nieuw.length);
        nieuw.forEach((n, i) => {
          const nummer = formatNummer('jaaropgave', jaar, first + i);
          rows.push(row(nummer, 1, n.ouder, n.gegevens, n.kenmerk, n.minuten, n.totaalCent));
          made.push({ nummer, versie: 1, ouder: n.ouder, minuten: n.minuten, totaalCent: n.totaalCent });
        });
      }
      if (rows.length === 0) return result;
      await insertJaaropgaven(trx, rows);
      const versies = made.filter((m) => m.versie > 1).length;
      await writeLog(
        trx,
        deps,
        `jaaropgaven ${jaar}: ${aantal(made.length - versies, 'nieuw', 'nieuw')}, ${aantal(versies, 'nieuwe versie', 'nieuwe versies')}`,
      );
      return result;
    },
    { dryRun },
  );
  if (nietGefactureerd.length > 0)
    deps.out.warn(
      `Let op: ${nietGefactureerd.join(', ')} ${nietGefactureerd.length === 1 ? 'is' : 'zijn'} nog niet gefactureerd (--force).`,
    );
  made.sort((a, b) => compareNummer(a.nummer, b.nummer));

  /**
   * The earliest date a jaaropgave of the year may have, checked against `datum`. Decided: not
   * before any jaaropgave of the year already made (a new version is never dated before the one it
   * replaces, and numbers stay in date order), not before the latest invoice it adds up, and not
   * before the first day after the year's last invoiced care month (it reports care that is over).
   * Out of bounds is a wrong --datum (exit 2); when no date up to today fits (the database holds
   * dates after today), refused (exit 1).
   */
  function vroegsteDatum(jaaropgave: { nummer: string; versie: number; datum: string } | undefined, factuur: string, maand: Maand) {
    const grenzen: [Datum, string][] = [
      ...(jaaropgave
        ? [
            [
              jaaropgave.datum,
              `de datum van jaaropgave ${jaaropgave.nummer} versie ${jaaropgave.versie}, de laatste over ${jaar}: een jaaropgave (ook een nieuwe versie) wordt nooit eerder gedateerd dan wat er al is`,
            ] as [Datum, string],
          ]
        : []),
      [factuur, `de datum van de laatste factuur over de maanden van ${jaar}: een jaaropgave telt die facturen op`],
      [
        firstOfMonth(addMonthsToMaand(maand, 1)),
        `de eerste dag na ${maand}, de laatste gefactureerde maand van ${jaar}: een jaaropgave wordt gemaakt na de opvang die ze opgeeft`,
      ],
    ];
    // The strictest bound is named; on a tie the first (the most specific).
    const [grens, waarom] = grenzen.reduce((a, b) => (b[0] > a[0] ? b : a));
    if (datum >= grens) return;
    if (grens > deps.today) {
      throw new Refused(
        `Een jaaropgave over ${jaar} kan niet gedateerd worden vóór ${grens}, ${waarom}; dat is na vandaag (${deps.today}). Controleer de datum van vandaag (--today of GOB_TODAY). Er is niets gemaakt.`,
      );
    }
    throw new UsageError(
      `--datum: ${datum} ligt vóór ${grens}, ${waarom}. Kies --datum ${grens} of later (niet na vandaag, ${deps.today}). Er is niets gemaakt.`,
    );
  }

  function row(
    nummer: string,
    versie: number,
    ouder: string,
    g: JaaropgaveGegevens | string,
    k: string,
    minuten: number,
    totaalCent: number,
  ) {
    const gegevens = typeof g === 'string' ? g : JSON.stringify(g);
    return { nummer, versie, jaar, ouder, datum, minuten, totaal_cent: totaalCent, kenmerk: k, gegevens };
  }

  if (ontbrekend.length > 0) {
    const shown = ontbrekend.slice(0, 20);
    deps.out.warn(
      `Let op: ${aantal(ontbrekend.length, 'BSN ontbreekt', "BSN's ontbreken")} op ${dryRun ? 'deze' : 'de gemaakte'} jaaropgaven (er staat "ontbreekt"); vul ze aan en draai 'gob jaaropgave run --jaar ${jaar}' opnieuw voor een nieuwe versie:\n${shown.map((s) => `  ${s}`).join('\n')}${ontbrekend.length > shown.length ? `\n  … en ${ontbrekend.length - shown.length} meer` : ''}`,
    );
  }
  const versies = made.filter((m) => m.versie > 1);
  if (made.length === 0) {
    deps.out.line(`Niets te doen voor ${jaar}: ${aantal(ongewijzigd, 'jaaropgave klopt', 'jaaropgaven kloppen')} al met de facturen.`);
  } else {
    if (made.length <= 50) {
      deps.out.table(
        [
          { key: 'nummer', title: 'jaaropgave' },
          { key: 'versie', title: 'versie', align: 'right' },
          { key: 'ouder', title: 'ouder' },
          { key: 'totaal', title: 'totaal', align: 'right' },
        ],
        made.map((m) => ({ nummer: m.nummer, versie: String(m.versie), ouder: m.ouder, totaal: formatEuro(m.totaalCent) })),
      );
    }
    const delen = [
      ...(made.length > versies.length ? [aantal(made.length - versies.length, `jaaropgave ${jaar}`, `jaaropgaven ${jaar}`)] : []),
      ...(versies.length > 0 ? [aantal(versies.length, 'nieuwe versie', 'nieuwe versies')] : []),
    ];
    deps.out.line(
      `${dryRun ? 'Proef, niets opgeslagen: zou maken' : 'Gemaakt'}: ${delen.join(' en ')}` +
        `${ongewijzigd > 0 ? ` (${ongewijzigd} ongewijzigd)` : ''}, samen ${formatEuro(made.reduce((s, m) => s + m.totaalCent, 0))}.`,
    );
  }
  return {
    jaar,
    datum,
    dryRun,
    gemaakt: made.map((m) => ({ nummer: m.nummer, versie: m.versie, ouder: m.ouder, minuten: m.minuten, totaalCent: m.totaalCent })),
    ongewijzigd,
    ontbrekendeBsns: ontbrekend,
  };
}
