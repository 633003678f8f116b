import path from 'node:path';
import { datumsVan } from '../../domain/afspraak.js';
import { formatDatumLang, type Maand } from '../../domain/calendar.js';
import { aantal } from '../../domain/tekst.js';
import { deadline } from '../../domain/urenkaart.js';
import { parseCode, parseMonth } from '../../domain/values.js';
import { getBureau } from '../../db/repo/bureau.js';
import { maandRooster } from '../../db/repo/rooster.js';
import { type SjabloonKoppeling, sjabloonKoppelingen } from '../../db/repo/sjabloon.js';
import { NotFound } from '../../errors.js';
import { checkTarget, ensureFolder } from '../../files/write.js';
import type { Sheet } from '../../xlsx/write.js';
import type { Deps } from '../deps.js';
import { checkFilterCodes } from '../filters.js';
import { parseOptional, missingOptions, requireOption } from '../options.js';

/** Spare rows under the rooster's rows, for care the rooster does not have (CONTRACT §12). */
const LEGE_RIJEN = 50;

export interface SjabloonOptions {
  maand?: string;
  gastouder?: string;
  out?: string;
  force?: boolean;
}

/** One template row: the rooster's date and times of one child. */
interface Regel {
  kind: string;
  datum: string;
  van: string;
  tot: string;
}

/**
 * `gob urenkaart sjabloon --maand <JJJJ-MM> [--gastouder <code>] --out <dir>` (CONTRACT §12): per
 * gastouder with a koppeling running in the month, `urenkaart-<maand>-<gastouder>.xlsx`, pre-filled
 * from her rooster. Every target is checked before any file is written, so a refusal leaves none.
 */
export async function urenkaartSjabloon(opts: SjabloonOptions, deps: Deps) {
  // Scripted: every missing option named at once (at a terminal each is asked in turn).
  if (!deps.prompts) missingOptions({ ...opts }, ['maand', 'out']);
  const maand = await requireOption('maand', opts.maand, parseMonth, deps, 'Van welke maand (JJJJ-MM)?');
  const gastouder = parseOptional('gastouder', opts.gastouder, parseCode);
  const out = await requireOption('out', opts.out, (raw) => raw, deps, 'In welke map komen de sjablonen?');
  await checkFilterCodes(deps.db, { gastouder });
  const koppelingen = await sjabloonKoppelingen(deps.db, maand, gastouder);
  if (koppelingen.length === 0) {
    throw new NotFound(
      `${gastouder ? `Gastouder ${gastouder} heeft` : 'Er is'} geen koppeling die in ${maand} loopt; er is geen sjabloon gemaakt.`,
    );
  }
  const rooster = new Map((await maandRooster(deps.db, maand)).map((r) => [r.koppeling, r.entries]));
  const bureau = await getBureau(deps.db);
  const perGastouder = new Map<string, SjabloonKoppeling[]>();
  for (const k of koppelingen) perGastouder.set(k.gastouder, [...(perGastouder.get(k.gastouder) ?? []), k]);

  const files = [...perGastouder.keys()].map((code) => path.join(out, `urenkaart-${maand}-${code}.xlsx`));
  ensureFolder(out);
  for (const file of files) checkTarget(file, { force: opts.force });

  const progress = files.length > 20 ? await deps.out.progress(files.length, 'sjabloon') : { update: () => {}, stop: () => {} };
  const { writeWorkbook } = await import('../../xlsx/write.js');
  const result: { gastouder: string; bestand: string; rijen: number }[] = [];
  try {
    let i = 0;
    for (const [code, eigen] of perGastouder) {
      const regels = eigen.flatMap((k) =>
        (rooster.get(k.koppeling) ?? []).flatMap((entry) =>
          datumsVan(maand, k, entry).map((datum): Regel => ({ kind: k.kind, datum, van: entry.van, tot: entry.tot })),
        ),
      );
      regels.sort((a, b) =>
        a.datum < b.datum ? -1 : a.datum > b.datum ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.van < b.van ? -1 : 1,
      );
      const file = files[i]!;
      await writeWorkbook(file, sjabloon(maand, code, eigen, regels, formatDatumLang(deadline(maand, bureau.deadline_dag))), {
        force: opts.force,
      });
      result.push({ gastouder: code, bestand: file, rijen: regels.length });
      progress.update(++i);
    }
  } finally {
    progress.stop();
  }
  deps.out.line(`${aantal(result.length, 'sjabloon', 'sjablonen')} van ${maand} geschreven naar ${out}.`);
  return { maand, map: out, sjablonen: result };
}

/** The workbook of one gastouder: the sheet `urenkaart` to fill in, and `uitleg`. */
function sjabloon(maand: Maand, gastouder: string, koppelingen: SjabloonKoppeling[], regels: Regel[], inleveren: string): Sheet[] {
  const kinderen = [...new Map(koppelingen.map((k) => [k.kind, k.kindNaam])).entries()];
  const laatste = 1 + regels.length + LEGE_RIJEN;
  const codes = kinderen.map(([code]) => code).join(',');
  // A list typed in the rule holds at most 255 characters; a longer one points at the codes on `uitleg`.
  const kindLijst = codes.length <= 250 ? `"${codes}"` : `uitleg!$A$${UITLEG_KINDEREN + 1}:$A$${UITLEG_KINDEREN + kinderen.length}`;
  const [jaar, maandNr] = maand.split('-').map(Number) as [number, number];
  const eerste = new Date(Date.UTC(jaar, maandNr - 1, 1));
  const laatsteDag = new Date(Date.UTC(jaar, maandNr, 0));
  const tijd = (kolom: string) => ({
    range: `${kolom}2:${kolom}${laatste}`,
    rule: {
      type: 'decimal',
      operator: 'between',
      allowBlank: true,
      formulae: [0, 1],
      showErrorMessage: true,
      errorTitle: 'Geen geldige tijd',
      error: 'Vul een tijd in als 08:00 (van 00:00 tot en met 24:00).',
    },
  });
  return [
    {
      name: 'urenkaart',
      freeze: 1,
      columns: [
        { header: 'gastouder', kind: 'tekst' },
        { header: 'kind', kind: 'tekst' },
        { header: 'datum', kind: 'datum' },
        { header: 'van', kind: 'tijd', width: 8 },
        { header: 'tot', kind: 'tijd', width: 8 },
        { header: 'opmerking', kind: 'tekst', width: 40 },
      ],
      rows: [
        ...regels.map((r) => [gastouder, r.kind, r.datum, r.van, r.tot, null]),
        // The spare rows carry her code, so that she need not know it; the import skips such a row while it holds nothing else.
        ...Array.from({ length: LEGE_RIJEN }, () => [gastouder, null, null, null, null, null]),
      ],
      validations: [
        {
          range: `B2:B${laatste}`,
          rule: {
            type: 'list',
            allowBlank: true,
            formulae: [kindLijst],
            showErrorMessage: true,
            errorTitle: 'Onbekend kind',
            error: 'Kies de code van een van uw kinderen (zie het blad uitleg).',
          },
        },
        {
          range: `C2:C${laatste}`,
          rule: {
            type: 'date',
            operator: 'between',
            allowBlank: true,
            formulae: [eerste, laatsteDag],
            showErrorMessage: true,
            errorTitle: 'Datum buiten de maand',
            error: `Vul een datum in ${maand} in.`,
          },
        },
        tijd('D'),
        tijd('E'),
      ],
    },
    {
      name: 'uitleg',
      columns: [
        { header: `Urenkaart ${maand} van ${koppelingen[0]!.gastouderNaam} (${gastouder})`, kind: 'tekst', width: 14 },
        { header: '', kind: 'tekst', width: 60 },
      ],
      rows: [
        [`Vul op het blad 'urenkaart' de uren in die de kinderen er echt waren en lever dit bestand in vóór ${inleveren}.`, null],
        [
          'De rijen zijn ingevuld volgens het rooster: pas een tijd aan als die anders was, wis een rij van een dag dat een kind er niet was, en gebruik de lege rijen onderaan voor extra opvang.',
          null,
        ],
        ['Tijden als 08:00, datums als 05-12-2026. Verander de kolomnamen op rij 1 niet.', null],
        ['code', 'kind'],
        ...kinderen.map(([code, naam]) => [code, naam]),
      ],
    },
  ];
}

/** Row (1-based) on `uitleg` above the first child's code: the header, three lines, 'code kind'. */
const UITLEG_KINDEREN = 5;
