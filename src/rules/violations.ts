// Finding violations in the database: load (db/repo/rules.ts), check (domain/rules.ts).
import { addMonths, type Datum, maxDate, minDate } from '../domain/calendar.js';
import type { RoosterEntry } from '../domain/rooster.js';
import { checkDays, checkRooster, touchesSlot, type Violation, type WeeklySlot } from '../domain/rules.js';
import type { Db } from '../db/open.js';
import { eigenKindVan, type GastouderRuleInput, koppelingSpan, loadChildNames, loadRuleInput, loadUrenSlots } from '../db/repo/rules.js';
import { type ReportGastouder, renderViolations, violationToJson } from './report.js';
import { Refused } from '../errors.js';
import type { Output } from '../cli/output.js';
import { aantal } from '../domain/tekst.js';

/** How far ahead `rooster check` looks by default, and a new open-ended rooster entry is checked. */
export const CHECK_HORIZON_MONTHS = 12;

export interface Findings {
  violations: Violation[];
  gastouders: Map<string, ReportGastouder>;
  checked: number;
}

function collect(inputs: GastouderRuleInput[], violations: Violation[]): Findings {
  const gastouders = new Map(inputs.map((i) => [i.gastouder.code, { code: i.gastouder.code, naam: i.gastouder.naam }]));
  return { violations, gastouders, checked: inputs.length };
}

/** The report for people: names of the children it mentions are loaded only now (not for --json). */
export async function renderFindings(db: Db, findings: Findings): Promise<string> {
  const children = await loadChildNames(
    db,
    findings.violations.flatMap((v) => v.kinderen),
  );
  return renderViolations(findings.violations, findings.gastouders, children);
}

/** Every gastouder's rooster over [vanaf, tot], each clipped to her own last day. */
export async function roosterViolations(db: Db, filter: { gastouder?: string; vanaf: Datum; tot: Datum | null }): Promise<Findings> {
  const inputs = await loadRuleInput(db, filter);
  const violations: Violation[] = [];
  for (const input of inputs) {
    const g = input.gastouder;
    const tot = g.eind !== null && (filter.tot === null || g.eind < filter.tot) ? g.eind : filter.tot;
    violations.push(...checkRooster(g, input.children, input.slots, filter.vanaf, tot));
  }
  return collect(inputs, violations);
}

/** The actual hours of a month (urenkaart rows), date by date. */
export async function urenViolations(db: Db, maand: string, gastouder?: string): Promise<Findings> {
  const vanaf = `${maand}-01`;
  const inputs = await loadRuleInput(db, { gastouder, vanaf, tot: null });
  const uren = await loadUrenSlots(db, maand, gastouder);
  const violations: Violation[] = [];
  for (const input of inputs) {
    const days = uren.get(input.gastouder.code);
    if (!days) continue;
    const eigen = new Set(input.children.filter((c) => c.eigen).map((c) => c.code));
    violations.push(
      ...checkDays(
        input.gastouder,
        input.children,
        days,
        input.slots.filter((s) => eigen.has(s.kind)),
      ),
    );
  }
  return collect(inputs, violations);
}

/**
 * The violations a weekly slot takes part in at its gastouder, from the slot's first date onward
 * (after the slot is stored, inside the same transaction). Violations elsewhere in her week are
 * not this slot's doing and do not block it. An open-ended slot is checked up to 12 months past
 * today (or past its start, if later): the horizon of `rooster check`, which finds anything later
 * (a guest child turning 13 in 2034) a year ahead. Otherwise every open koppeling of a toddler
 * would be refused today.
 */
export async function slotViolations(db: Db, gastouder: string, slot: WeeklySlot, today: Datum): Promise<Findings> {
  const tot = slot.totEnMet ?? addMonths(maxDate(slot.vanaf, today), CHECK_HORIZON_MONTHS);
  const findings = await roosterViolations(db, { gastouder, vanaf: slot.vanaf, tot });
  return { ...findings, violations: findings.violations.filter((v) => touchesSlot(v, slot)) };
}

/**
 * A stored rooster entry as the weekly slot it makes: its gastouder, and its dates bounded by the
 * koppeling. An own child's entry without `vanaf` is checked from today.
 */
export async function entrySlot(db: Db, entry: RoosterEntry, today: Datum): Promise<{ gastouder: string; slot: WeeklySlot } | null> {
  const base = { dag: entry.dag, van: entry.van, tot: entry.tot };
  if (entry.koppeling) {
    const kp = await koppelingSpan(db, entry.koppeling);
    if (!kp) return null;
    const vanaf = entry.vanaf ? maxDate(entry.vanaf, kp.start) : kp.start;
    const totEnMet = entry.totEnMet && kp.eind ? minDate(entry.totEnMet, kp.eind) : (entry.totEnMet ?? kp.eind);
    return { gastouder: kp.gastouder, slot: { ...base, kind: kp.kind, vanaf, totEnMet } };
  }
  const eigenaar = await eigenKindVan(db, entry.kind!);
  if (!eigenaar) return null;
  return { gastouder: eigenaar, slot: { ...base, kind: entry.kind!, vanaf: entry.vanaf ?? today, totEnMet: entry.totEnMet } };
}

/** Violations of newly stored slots, without doubles (two slots can share one violation). */
export async function newSlotsViolations(db: Db, slots: { gastouder: string; slot: WeeklySlot }[], today: Datum): Promise<Findings> {
  const all: Findings = { violations: [], gastouders: new Map(), checked: 0 };
  const seen = new Set<string>();
  for (const { gastouder, slot } of slots) {
    const f = await slotViolations(db, gastouder, slot, today);
    for (const [k, v] of f.gastouders) all.gastouders.set(k, v);
    for (const v of f.violations) {
      const key = JSON.stringify(v);
      if (!seen.has(key)) all.violations.push(v);
      seen.add(key);
    }
  }
  return all;
}

/**
 * New rooster entries that break a rule are refused (the caller's transaction rolls back), unless
 * --force, which stores them and says so on stderr.
 */
export async function refuseOrWarn(db: Db, findings: Findings, force: boolean, out: Output, what: string): Promise<void> {
  const n = findings.violations.length;
  if (n === 0) return;
  const report = (await renderFindings(db, findings)).trimEnd().split('\n');
  const count = aantal(n, 'overtreding', 'overtredingen');
  if (!force) {
    throw new Refused(
      `${what} is geweigerd: ${count} van de regels voor kinderen bij één gastouder; er is niets opgeslagen. Pas het rooster aan, of sla het toch op met --force.`,
      report,
      {
        opgeslagen: false,
        overtredingen: findings.violations.map(violationToJson),
      },
    );
  }
  out.warn(`Let op: opgeslagen met --force ondanks ${count}:`);
  for (const line of report) out.warn(line ? `  ${line}` : '');
}
