// The yearly overview per gastouder (CONTRACT §8, `jaaropgave gastouder`), pure: her care of the
// year per kind and what the bureau paid out to her for it in that year. Two different years meet
// here on purpose: the minutes are those of the care months of the year (as on the ouders'
// jaaropgaven), the payouts those dated in the year (what she declares as income), so December's
// care paid out in January counts for its minutes in one year and for its money in the next.
import type { Cent } from './money.js';
import { compareFields } from './order.js';
import { uurprijs } from './jaaropgave.js';

/** Her care of one kind (of one ouder) in the care months of the year, from the invoices. */
export interface GastouderZorg {
  gastouder: string;
  kind: string;
  ouder: string;
  minuten: number;
  bedragCent: Cent;
}

/** What she was paid out for one kind (of one ouder) in payouts dated in the year. */
export interface GastouderUitbetaald {
  gastouder: string;
  kind: string;
  ouder: string;
  bedragCent: Cent;
}

export interface GastouderJaarregel {
  kind: string;
  ouder: string;
  minuten: number;
  /** Her care amount (care lines only), the base of `uurprijsCent`. */
  opvangCent: Cent;
  /**
   * Her own average price: round_half_up(care amount × 60 / minutes), care lines only. Unlike the
   * ouder's jaaropgave, no share of the bureau fees: those are the bureau's, not hers. Null
   * without minutes (a kind she was only paid out for in this year).
   */
  uurprijsCent: Cent | null;
  uitbetaaldCent: Cent;
}

export interface GastouderJaar {
  gastouder: string;
  minuten: number;
  uitbetaaldCent: Cent;
  regels: GastouderJaarregel[];
}

/**
 * One overview per gastouder with anything in the year, by code; its lines per kind × ouder (a
 * kind of two co-parents has a line for each), by kind and ouder. A kind with a payout in the year
 * but no care in it is listed with 0 minutes; one whose care and payouts all net to nothing is left out.
 */
export function gastouderJaren(zorg: GastouderZorg[], uitbetaald: GastouderUitbetaald[]): GastouderJaar[] {
  const regels = new Map<string, GastouderJaarregel & { gastouder: string }>();
  const regel = (gastouder: string, kind: string, ouder: string) => {
    const key = `${gastouder}\u0000${kind}\u0000${ouder}`;
    let r = regels.get(key);
    if (!r) {
      r = { gastouder, kind, ouder, minuten: 0, opvangCent: 0, uurprijsCent: null, uitbetaaldCent: 0 };
      regels.set(key, r);
    }
    return r;
  };
  for (const z of zorg) {
    const r = regel(z.gastouder, z.kind, z.ouder);
    r.minuten += z.minuten;
    r.opvangCent += z.bedragCent;
  }
  for (const u of uitbetaald) regel(u.gastouder, u.kind, u.ouder).uitbetaaldCent += u.bedragCent;
  const per = new Map<string, GastouderJaar>();
  const sorted = [...regels.values()].sort((a, b) => compareFields(a, b, ['gastouder', 'kind', 'ouder']));
  for (const { gastouder, ...r } of sorted) {
    if (r.minuten === 0 && r.opvangCent === 0 && r.uitbetaaldCent === 0) continue;
    r.uurprijsCent = uurprijs(r.opvangCent, r.minuten);
    let g = per.get(gastouder);
    if (!g) {
      g = { gastouder, minuten: 0, uitbetaaldCent: 0, regels: [] };
      per.set(gastouder, g);
    }
    g.regels.push(r);
    g.minuten += r.minuten;
    g.uitbetaaldCent += r.uitbetaaldCent;
  }
  return [...per.values()];
}
