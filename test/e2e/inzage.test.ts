// CONTRACT §13 inzage, complete and readable: a kind's inzage holds the jaaropgaven and payout
// lines that name it; a tweede-ouder's holds the children of her koppelingen and their
// urenkaarten; urenkaarten are readable lines as `urenkaart list --json` gives them. On the demo
// bureau with O0006 as tweede-ouder of KP0007 (K0007, with a BSN), October invoiced, collected and
// paid out, and the jaaropgaven of 2026 made.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TODAY, demoBureau } from '../demo.js';
import { gob } from '../helpers.js';

const BSN_K0007 = '111111110';

describe('inzage: jaaropgaven, payouts, tweede-ouder, readable urenkaarten', () => {
  let dir: string;
  const run = async (args: string[], env: Record<string, string> = DEMO_TODAY, code = 0) => {
    const r = await gob(dir, args, env);
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(code);
    return r;
  };
  const json = async (args: string[], env: Record<string, string> = DEMO_TODAY) => JSON.parse((await run(['--json', ...args], env)).stdout);
  let n = 0;
  const inzage = async (soort: string, code: string, env: Record<string, string> = DEMO_TODAY) => {
    const file = `inzage-${code}-${++n}.json`;
    await run(['inzage', `--${soort}`, code, '--out', file], env);
    return JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  };
  type Regel = { datum: string; van: string; tot: string; minuten: number; opmerking: string | null };
  type Kaart = { maand: string; kind: string; koppeling: string; minuten: number; regels: Regel[] };
  /** The lines of `urenkaart list --json` for a kind, in the shape inzage gives them. */
  const listLines = async (kind: string) =>
    ((await json(['urenkaart', 'list', '--maand', '2026-10', '--kind', kind])) as Regel[]).map(
      ({ datum, van, tot, minuten, opmerking }) => ({
        datum,
        van,
        tot,
        minuten,
        opmerking,
      }),
    );

  beforeAll(async () => {
    dir = await demoBureau({ uren: true });
    await run([
      'ouder',
      'add',
      '--code',
      'O0006',
      '--naam',
      'Youssef El Amrani',
      '--adres',
      'Kerkstraat 5',
      '--postcode',
      '3811 AA',
      '--plaats',
      'Amersfoort',
    ]);
    await run(['koppeling', 'edit', 'KP0007', '--tweede-ouder', 'O0006', '--verdeling', '60']);
    await run(['kind', 'edit', 'K0007', '--bsn', BSN_K0007]);
    await run(['factuur', 'run', '--maand', '2026-10']);
    await run(['sepa', 'incasso', '--incassodatum', '2026-11-20', '--out', 'incasso.xml']);
    // O0005 has no mandate: she pays by transfer, so that K0007's lines are paid out.
    const [f] = (await json(['factuur', 'list', '--ouder', 'O0005'])) as { nummer: string; totaalCent: number }[];
    const bedrag = `${Math.floor(f!.totaalCent / 100)},${String(f!.totaalCent % 100).padStart(2, '0')}`;
    await run(['betaling', 'add', '--ouder', 'O0005', '--bedrag', bedrag, '--datum', '2026-11-18', '--factuur', f!.nummer], {
      GOB_TODAY: '2026-11-18',
    });
    await run(['uitbetaling', 'run', '--datum', '2026-11-24'], { GOB_TODAY: '2026-11-24' });
    await run(['jaaropgave', 'run', '--jaar', '2026'], { GOB_TODAY: '2027-01-15' });
  }, 90_000);

  it("a kind's inzage holds its part of every jaaropgave and payout that names it, BSN in full", async () => {
    const doc = await inzage('kind', 'K0007');
    // Both ouders' jaaropgaven name K0007: O0005's (the ouder) and O0006's (the tweede-ouder).
    const jaaropgaven = (await json(['jaaropgave', 'list'])) as { nummer: string; ouder: string }[];
    const verwacht = jaaropgaven.filter((j) => j.ouder === 'O0005' || j.ouder === 'O0006').map((j) => j.nummer);
    expect(verwacht).toHaveLength(2);
    expect(doc.jaaropgaven.map((j: { nummer: string }) => j.nummer)).toEqual(verwacht);
    for (const j of doc.jaaropgaven) {
      expect(j.gegevens).toEqual({ naam: 'Yara El Amrani', geboortedatum: '2024-12-17', bsn: BSN_K0007 });
      expect(j.regels.length).toBeGreaterThan(0);
      expect(j.regels.every((r: { kind: string }) => r.kind === 'K0007')).toBe(true);
    }
    // Its payout lines: which payout, to whom, when, the lines for K0007; not G0002's total.
    const uitbetalingen = (await json(['uitbetaling', 'list'])) as { nummer: string; gastouder: string }[];
    expect(doc.uitbetalingen.map((u: { nummer: string }) => u.nummer)).toEqual(
      uitbetalingen.filter((u) => u.gastouder === 'G0002').map((u) => u.nummer),
    );
    expect(Object.keys(doc.uitbetalingen[0])).toEqual(['nummer', 'gastouder', 'datum', 'regels']);
    expect(doc.uitbetalingen[0].regels.length).toBeGreaterThan(0);
    expect(doc.uitbetalingen[0].regels.every((r: { kind: string }) => r.kind === 'K0007')).toBe(true);
    // Nothing of the ouders' own data, nor other children's: those are other people's.
    const delen = JSON.stringify([doc.jaaropgaven, doc.uitbetalingen]);
    expect(delen).not.toMatch(/Fatima|Youssef|K0004|K0005|totaalCent/);

    // A child that has no tweede-ouder: its ouder's jaaropgave only, and its payout at G0001.
    const k1 = await inzage('kind', 'K0001');
    expect(k1.jaaropgaven.map((j: { gegevens: { naam: string } }) => j.gegevens.naam)).toEqual(['Zoë Wałęsa']);
    expect(k1.uitbetalingen.map((u: { gastouder: string }) => u.gastouder)).toEqual(['G0001']);
    // A gastouder's: her part of the jaaropgaven that name her, not the ouders' BSNs.
    const g2 = await inzage('gastouder', 'G0002');
    expect(g2.jaaropgaven.length).toBeGreaterThan(0);
    for (const j of g2.jaaropgaven) {
      expect(j.gegevens).toEqual({ naam: 'Renée Müller' });
      expect(j.regels.every((r: { gastouder: string }) => r.gastouder === 'G0002')).toBe(true);
    }
    expect(JSON.stringify(g2.jaaropgaven)).not.toContain(BSN_K0007);
  });

  it("a tweede-ouder's inzage holds the children of her koppelingen and their urenkaarten", async () => {
    const doc = await inzage('ouder', 'O0006');
    expect(doc.kinderen.map((k: { code: string; bsn: string }) => [k.code, k.bsn])).toEqual([['K0007', BSN_K0007]]);
    expect(doc.koppelingen.map((k: { code: string }) => k.code)).toEqual(['KP0007']);
    const kaarten = doc.urenkaarten as Kaart[];
    expect(kaarten.map((u) => [u.maand, u.kind, u.koppeling])).toEqual([['2026-10', 'K0007', 'KP0007']]);
    expect(kaarten.flatMap((u) => u.regels)).toEqual(await listLines('K0007'));
    // Her own jaaropgave whole, and the payout lines of her child as for the first ouder.
    expect(doc.jaaropgaven.map((j: { ouder: string }) => j.ouder)).toEqual(['O0006']);
    expect(doc.uitbetalingen.flatMap((u: { regels: { kind: string }[] }) => u.regels.map((r) => r.kind))).toContain('K0007');
    // The first ouder's inzage is unchanged by it: her child, its urenkaarten.
    const o5 = await inzage('ouder', 'O0005');
    expect(o5.kinderen.map((k: { code: string }) => k.code)).toEqual(['K0007']);
    expect(o5.urenkaarten).toEqual(doc.urenkaarten);
  });

  it('urenkaarten are readable lines as urenkaart list --json gives them, remarks included', async () => {
    const doc = await inzage('kind', 'K0001');
    const kaarten = doc.urenkaarten as Kaart[];
    expect(kaarten.length).toBeGreaterThan(0);
    const regels = kaarten.flatMap((u) => u.regels);
    expect(regels).toEqual(await listLines('K0001'));
    expect(regels).toContainEqual({ datum: '2026-10-13', van: '08:00', tot: '12:15', minuten: 255, opmerking: 'ziek opgehaald, koorts' });
    for (const u of kaarten) expect(u.minuten).toBe(u.regels.reduce((s, r) => s + r.minuten, 0));
    // No stored tuples anywhere in the document.
    expect(JSON.stringify(doc)).not.toMatch(/\[\[\d+,\d+,\d+/);
  });

  it("a tweede-ouder's child counts for her, and her jaaropgave for the child, in the bewaartermijn", async () => {
    await run(['koppeling', 'end', 'KP0007', '--eind', '2026-12-31']);
    // A new version of O0006's jaaropgave only (her BSN changed), later than O0005's.
    await run(['ouder', 'edit', 'O0006', '--bsn', '222222220'], { GOB_TODAY: '2027-03-01' });
    await run(['jaaropgave', 'run', '--jaar', '2026'], { GOB_TODAY: '2027-03-01' });
    const past = async (today: string) =>
      ((await json(['bewaartermijn', 'check'], { GOB_TODAY: today })) as { soort: string; code: string; laatste: string }[]).filter((r) =>
        ['K0007', 'O0005', 'O0006'].includes(r.code),
      );
    // Before O0006's jaaropgave is 7 years old, K0007 (named on it) is not past.
    expect(await past('2034-02-01')).toEqual([]);
    expect(await past('2034-03-02')).toEqual([
      { soort: 'ouder', code: 'O0005', laatste: '2027-03-01' },
      { soort: 'ouder', code: 'O0006', laatste: '2027-03-01' },
      { soort: 'kind', code: 'K0007', laatste: '2027-03-01' },
    ]);
  });
});
