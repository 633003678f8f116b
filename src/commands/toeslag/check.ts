import { INFORMATIEF, ToeslagControle } from '../../domain/toeslag.js';
import { formatEuro } from '../../domain/money.js';
import { aantal } from '../../domain/tekst.js';
import { parseMonth } from '../../domain/values.js';
import { toeslagMaximum } from '../../db/repo/toeslag.js';
import { ChecksFailed } from '../../errors.js';
import type { Deps } from '../deps.js';
import { requireOption } from '../options.js';
import { nietGefactureerdMelding, openLevering } from './levering.js';

/**
 * `gob toeslag check --maand <JJJJ-MM>`: what is missing or wrong in that month's delivery (the
 * same rows `toeslag export` writes). Exit 1 when anything is missing or wrong; a price above the
 * year's maximum is information only (the parent gets no toeslag over the difference, but the
 * delivery is right). BSNs masked: this is terminal output. Also the check before the year ends:
 * the summary counts the ouders and kinderen without a BSN.
 */
export async function toeslagCheck(opts: { maand?: string }, deps: Deps) {
  const maand = await requireOption('maand', opts.maand, parseMonth, deps, 'De levering van welke maand controleren (JJJJ-MM)?');
  const levering = await openLevering(deps.db, maand);
  const maximumCent = await toeslagMaximum(deps.db, Number(maand.slice(0, 4)));
  const controle = new ToeslagControle(levering.bureau, maximumCent, {
    ouder: (code) => levering.ouders.get(code)?.naam ?? '?',
    kind: (code) => levering.kinderen.get(code)?.naam ?? '?',
  });
  for (const perOuder of levering.perOuder()) {
    const ouder = levering.ouders.get(perOuder[0]!.ouder);
    for (const rij of perOuder) controle.rij(rij, ouder, rij.kind === null ? undefined : levering.kinderen.get(rij.kind));
  }
  const bevindingen = controle.afronden();
  const fouten = bevindingen.filter((b) => !INFORMATIEF.has(b.soort)).length;
  const result = {
    maand,
    van: levering.van,
    rijen: controle.rijen,
    ouders: controle.ouders.size,
    maximumCent,
    oudersZonderBsn: controle.oudersZonderBsn.size,
    kinderenZonderBsn: controle.kinderenZonderBsn.size,
    fouten,
    informatie: bevindingen.length - fouten,
    nietGefactureerd: levering.nietGefactureerd,
    bevindingen,
  };
  const melding = nietGefactureerdMelding(levering);
  if (melding) deps.out.warn(melding);
  let info = false;
  for (const b of bevindingen) {
    if (!info && INFORMATIEF.has(b.soort)) {
      info = true;
      if (fouten > 0) deps.out.line();
      deps.out.line('Ter informatie (geen fout in de levering):');
    }
    deps.out.line(`${(b.maand ?? 'bureau').padEnd(7)}  ${b.melding}`);
  }
  if (bevindingen.length > 0) deps.out.line();
  deps.out.line(
    `Levering ${levering.van} t/m ${maand}: ${aantal(result.rijen, 'rij', 'rijen')} voor ${aantal(result.ouders, 'ouder', 'ouders')}; ${aantal(fouten, 'fout', 'fouten')}, ${result.informatie} ter informatie.`,
  );
  if (maximumCent === null)
    deps.out.line(
      `De maximale uurprijs van ${maand.slice(0, 4)} is nog niet bekend; stel hem in met 'gob toeslag tarief --jaar ${maand.slice(0, 4)} --max …'.`,
    );
  else deps.out.line(`Maximale uurprijs ${maand.slice(0, 4)}: ${formatEuro(maximumCent)}.`);
  if (result.oudersZonderBsn > 0 || result.kinderenZonderBsn > 0) {
    deps.out.line(
      `Zonder (geldig) BSN: ${aantal(result.oudersZonderBsn, 'ouder', 'ouders')} en ${aantal(result.kinderenZonderBsn, 'kind', 'kinderen')}. Een ontbrekend BSN is de eerste reden dat de Belastingdienst ouders aanschrijft: vul ze aan vóór het einde van het jaar.`,
    );
  }
  if (fouten > 0) throw new ChecksFailed(`${aantal(fouten, 'fout', 'fouten')} in de levering van ${maand}; zie hierboven.`, result);
  return result;
}
