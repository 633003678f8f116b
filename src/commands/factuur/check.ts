import { afgesprokenPerDatum, meldingen, telOp, totaalMinuten } from '../../domain/afspraak.js';
import { perKind, targetRegels, type Uren } from '../../domain/billing.js';
import { type Datum, formatMaandLang } from '../../domain/calendar.js';
import { formatEuro, formatUren } from '../../domain/money.js';
import { aantal } from '../../domain/tekst.js';
import { parseMonth } from '../../domain/values.js';
import { getBureau } from '../../db/repo/bureau.js';
import { frozenBureaukosten, monthUren } from '../../db/repo/factuur.js';
import { maandRooster } from '../../db/repo/rooster.js';
import { toeslagMaximum } from '../../db/repo/toeslag.js';
import { urenPerDatum } from '../../db/repo/urenkaart.js';
import { ChecksFailed } from '../../errors.js';
import type { Deps } from '../deps.js';
import { requireOption } from '../options.js';
import { bureaukosten, currentBureaukosten } from './run.js';

/** A row of `factuur check --json`, exactly as CONTRACT §9 fixes it. */
export interface FactuurCheckRij {
  kind: string;
  gastouder: string;
  afgesprokenMinuten: number;
  minuten: number;
  meldingen: string[];
}

/**
 * `gob factuur check --maand <JJJJ-MM>` (CONTRACT §9): per kind × gastouder with rooster or
 * urenkaart minutes in the month, the agreed minutes (the rooster over the month's dates, within the
 * koppeling and the entries' weeks) against the urenkaart's, with what needs a look before
 * `factuur run` (see `meldingen` in domain/afspraak.ts). Exit 1 when anything does. Changes nothing.
 */
export async function factuurCheck(opts: { maand?: string }, deps: Deps) {
  const maand = await requireOption('maand', opts.maand, parseMonth, deps, 'Welke maand controleren (JJJJ-MM)?');
  const [rooster, uren, geprijsd, bureau, vast, maximumCent] = await Promise.all([
    // An invoiced month is compared with the rooster it is billed from (kept when first invoiced).
    maandRooster(deps.db, maand, { gefactureerd: true }),
    urenPerDatum(deps.db, maand),
    monthUren(deps.db, maand),
    getBureau(deps.db),
    frozenBureaukosten(deps.db, maand),
    toeslagMaximum(deps.db, Number(maand.slice(0, 4))),
  ]);

  const paren = new Map<string, { kind: string; gastouder: string; afgesproken: Map<Datum, number>; uren: Map<Datum, number> }>();
  const paar = (kind: string, gastouder: string) => {
    const key = `${kind}|${gastouder}`;
    let p = paren.get(key);
    if (!p) {
      p = { kind, gastouder, afgesproken: new Map(), uren: new Map() };
      paren.set(key, p);
    }
    return p;
  };
  for (const k of rooster) {
    const perDatum = afgesprokenPerDatum(maand, k, k.entries);
    if (perDatum.size > 0) telOp(paar(k.kind, k.gastouder).afgesproken, perDatum);
  }
  const kindMinuten = new Map<string, number>();
  for (const u of uren) {
    const minuten = totaalMinuten(u.perDatum);
    if (minuten === 0) continue;
    telOp(paar(u.kind, u.gastouder).uren, u.perDatum);
    kindMinuten.set(u.kind, (kindMinuten.get(u.kind) ?? 0) + minuten);
  }
  const uurprijzen = uurprijsPerPaar(geprijsd, vast ?? currentBureaukosten(bureau, maand));

  const rows: FactuurCheckRij[] = [...paren.values()]
    .sort((a, b) => (a.kind !== b.kind ? (a.kind < b.kind ? -1 : 1) : a.gastouder < b.gastouder ? -1 : a.gastouder > b.gastouder ? 1 : 0))
    .map((p) => ({
      kind: p.kind,
      gastouder: p.gastouder,
      afgesprokenMinuten: totaalMinuten(p.afgesproken),
      minuten: totaalMinuten(p.uren),
      meldingen: meldingen(maand, {
        afgesproken: p.afgesproken,
        uren: p.uren,
        kindMinuten: kindMinuten.get(p.kind) ?? 0,
        uurprijsCent: uurprijzen.get(`${p.kind}|${p.gastouder}`) ?? null,
        maximumCent,
      }),
    }));

  if (rows.length > 0)
    deps.out.table(
      [
        { key: 'kind', title: 'kind' },
        { key: 'gastouder', title: 'gastouder' },
        { key: 'afgesproken', title: 'afgesproken', align: 'right' },
        { key: 'uren', title: 'uren', align: 'right' },
        { key: 'meldingen', title: 'meldingen' },
      ],
      rows.map((r) => ({
        kind: r.kind,
        gastouder: r.gastouder,
        afgesproken: formatUren(r.afgesprokenMinuten),
        uren: formatUren(r.minuten),
        meldingen: r.meldingen.join('; '),
      })),
    );
  const metMelding = rows.filter((r) => r.meldingen.length > 0).length;
  deps.out.line(
    `${formatMaandLang(maand)}: ${aantal(rows.length, 'combinatie kind × gastouder', 'combinaties kind × gastouder')}, ${formatUren(rows.reduce((s, r) => s + r.afgesprokenMinuten, 0))} uur afgesproken, ${formatUren(rows.reduce((s, r) => s + r.minuten, 0))} uur op de urenkaarten; ${metMelding} met een melding.`,
  );
  if (maximumCent === null)
    deps.out.line(
      `De maximale uurprijs van ${maand.slice(0, 4)} is nog niet bekend, dus de uurprijs is niet getoetst; stel hem in met 'gob toeslag tarief --jaar ${maand.slice(0, 4)} --max …'.`,
    );
  else deps.out.line(`Maximale uurprijs ${maand.slice(0, 4)}: ${formatEuro(maximumCent)}.`);
  if (metMelding > 0)
    throw new ChecksFailed(
      `${aantal(metMelding, 'regel heeft', 'regels hebben')} een melding; kijk ${metMelding === 1 ? 'die' : 'ze'} na vóór 'gob factuur run --maand ${maand}'.`,
      rows,
    );
  return rows;
}

/**
 * The average hourly price per kind × gastouder as `factuur run` would bill the month now: the
 * month's urenkaarten at its rates (the frozen maandtarief once invoiced), plus the bureau's fee
 * with the month's fee settings, a monthly fee shared over the ouder's children at that gastouder
 * by their minutes, as on the invoice's per-child overview. Key `kind|gastouder`.
 */
function uurprijsPerPaar(geprijsd: Uren[], instellingen: Parameters<typeof bureaukosten>[0]): Map<string, number> {
  const result = new Map<string, number>();
  if (geprijsd.length === 0) return result;
  const kosten = bureaukosten(instellingen);
  const minutenPerKind = new Map<string, number>();
  const perOuder = new Map<string, Uren[]>();
  for (const u of geprijsd) {
    minutenPerKind.set(u.kind, (minutenPerKind.get(u.kind) ?? 0) + u.minuten);
    const list = perOuder.get(u.ouder);
    if (list) list.push(u);
    else perOuder.set(u.ouder, [u]);
  }
  for (const list of perOuder.values()) {
    const regels = targetRegels(list, kosten, minutenPerKind);
    for (const gastouder of new Set(regels.map((r) => r.gastouder))) {
      for (const k of perKind(regels.filter((r) => r.gastouder === gastouder))) {
        if (k.gemiddeldUurprijsCent !== null) result.set(`${k.kind}|${gastouder}`, k.gemiddeldUurprijsCent);
      }
    }
  }
  return result;
}
