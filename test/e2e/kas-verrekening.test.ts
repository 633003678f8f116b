// A credit invoice at least as large as what an ouder has open: nothing to collect, yet her
// invoices are settled against the credit (once), and the gastouder's care on them is payable.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { demo, demoBureau } from '../demo.js';
import { gob, gobProcess, tempDir } from '../helpers.js';

const on = (date: string) => ({ GOB_TODAY: date });
async function json(dir: string, args: string[], today: string) {
  const r = await gob(dir, [...args, '--json'], on(today));
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

interface Fixture {
  base: string;
  nov: { nummer: string; totaalCent: number; regels: Regel[] };
  credit: { nummer: string; ouder: string; totaalCent: number; regels: Regel[] };
}
interface Regel {
  soort: string;
  gastouder: string;
  bedragCent: number;
}
const copy = (from: string) => {
  const to = tempDir();
  fs.cpSync(from, to, { recursive: true });
  return to;
};
const INCASSO = ['sepa', 'incasso', '--incassodatum', '2026-12-08'];

describe('sepa incasso, an ouder whose credit covers her open invoices', () => {
  const f = {} as Fixture;
  beforeAll(async () => {
    const dir = await demoBureau({ facturen: true });
    // October is collected (O0004's invoice too) and paid out, then November is invoiced.
    await json(dir, ['sepa', 'incasso', '--incassodatum', '2026-11-20', '--out', 'i1.xml'], '2026-11-12');
    await json(dir, ['uitbetaling', 'run', '--datum', '2026-11-24'], '2026-11-24');
    for (const file of ['uren-2026-11-ingrid.csv', 'uren-2026-11-anna.csv'])
      expect((await gob(dir, ['urenkaart', 'import', demo(file)], on('2026-12-01'))).code).toBe(0);
    f.nov = (await json(dir, ['factuur', 'run', '--maand', '2026-11'], '2026-12-03')).facturen.find(
      (x: { ouder: string }) => x.ouder === 'O0004',
    );
    expect(f.nov.totaalCent).toBeGreaterThan(0);
    // Ingrid's October shrinks to half an hour: a credit larger than O0004's open November invoice.
    fs.writeFileSync(path.join(dir, 'z.csv'), 'gastouder;kind;datum;van;tot\nG0003;K0006;2026-10-05;08:00;08:30\n');
    expect((await gob(dir, ['urenkaart', 'import', 'z.csv', '--te-laat'], on('2026-12-04'))).code).toBe(0);
    const run = await json(dir, ['factuur', 'run', '--maand', '2026-10'], '2026-12-04');
    f.credit = run.facturen[0];
    // She has a mandate: the incasso settles her, on its date (not the invoice run).
    expect(run.verrekendMetCredit).toEqual([]);
    expect(f.credit.ouder).toBe('O0004');
    expect(-f.credit.totaalCent).toBeGreaterThan(f.nov.totaalCent);
    f.base = dir;
  }, 60_000);

  it('settles them against the credit on the incasso date without collecting, keeps the rest of the credit, and books it once', async () => {
    const { nov, credit } = f;
    const dir = copy(f.base);
    const euro = (c: number) => `€ ${(c / 100).toFixed(2).replace('.', ',')}`;

    const r = await gob(dir, [...INCASSO, '--out', 'i2.xml'], on('2026-12-04'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      `O0004 (Sophie Bakker): ${euro(nov.totaalCent)} (${nov.nummer}) verrekend met creditfactuur ${credit.nummer}, niet geïncasseerd; ${euro(-credit.totaalCent - nov.totaalCent)} tegoed blijft staan`,
    );
    // The others are collected; she is not in the bank file: a net of zero or less is never collected.
    const xml = fs.readFileSync(path.join(dir, 'i2.xml'), 'utf8');
    expect(xml).toMatch(/-O0001</);
    expect(xml).not.toMatch(/O0004/);

    // The set-off is a booking of € 0,00 on the incasso date: the invoice is paid, the rest of the credit open.
    const betalingen = await json(dir, ['betaling', 'list', '--ouder', 'O0004'], '2026-12-08');
    expect(betalingen.at(-1)).toMatchObject({
      datum: '2026-12-08',
      bedragCent: 0,
      toewijzingen: [
        { factuur: nov.nummer, bedragCent: nov.totaalCent, datum: '2026-12-08' },
        { factuur: credit.nummer, bedragCent: -nov.totaalCent, datum: '2026-12-08' },
      ],
    });
    // No money came in, so there is nothing the bank could return.
    expect((await gob(dir, ['betaling', 'storno', '--factuur', nov.nummer, '--datum', '2026-12-08'], on('2026-12-08'))).stderr).toMatch(
      /niets betaald/,
    );

    // G0003's November care is now received and netted with her October credit lines.
    const careOf = (f: { regels: { soort: string; gastouder: string; bedragCent: number }[] }) =>
      f.regels.filter((x) => x.soort === 'opvang' && x.gastouder === 'G0003').reduce((s, x) => s + x.bedragCent, 0);
    const net = careOf(nov) + careOf(credit);
    expect(await json(dir, ['uitbetaling', 'open'], '2026-12-07')).toContainEqual(
      expect.objectContaining({ gastouder: 'G0003', teVerrekenenCent: -careOf(credit) }),
    );
    expect(await json(dir, ['uitbetaling', 'open'], '2026-12-08')).toContainEqual(
      net > 0
        ? expect.objectContaining({ gastouder: 'G0003', bedragCent: net, teVerrekenenCent: 0 })
        : expect.objectContaining({ gastouder: 'G0003', bedragCent: 0, teVerrekenenCent: -net }),
    );

    // A second run (the same date, or later) books nothing again: the set-off happened once.
    const again = await json(dir, [...INCASSO, '--out', 'i3.xml'], '2026-12-04');
    expect(again).toMatchObject({ verrekend: [], bestand: null, aantal: 0 });
    expect((await json(dir, ['betaling', 'list', '--ouder', 'O0004'], '2026-12-08')).length).toBe(betalingen.length);
  });

  it.each(['geboekt', 'vastgelegd'])(
    'killed at %s: the set-off is booked with the collection or not at all, and never twice',
    async (stage) => {
      const dir = copy(f.base);
      const killed = gobProcess(dir, [...INCASSO, '--out', 'bank.xml', '--json'], { GOB_TODAY: '2026-12-04', GOB_TEST_STOP_AT: stage });
      expect(killed.code, killed.stderr).toBe(-1);
      const setOffs = async () =>
        (await json(dir, ['betaling', 'list', '--ouder', 'O0004'], '2026-12-04')).filter((b: { bedragCent: number }) => b.bedragCent === 0);
      expect(await setOffs()).toHaveLength(stage === 'geboekt' ? 0 : 1);
      const again = await json(dir, [...INCASSO, '--out', 'opnieuw.xml'], '2026-12-04');
      // Before the commit nothing was booked: the next run does all of it; after it, nothing is left.
      expect(again.verrekend.map((v: { ouder: string }) => v.ouder)).toEqual(stage === 'geboekt' ? ['O0004'] : []);
      expect(again.aantal > 0).toBe(stage === 'geboekt');
      expect(await setOffs()).toHaveLength(1);
    },
  );

  it('betaling add sets the credit off first, as the incasso would, and keeps the payment for later invoices', async () => {
    const dir = copy(f.base);
    const r = await gob(dir, ['betaling', 'add', '--ouder', 'O0004', '--bedrag', '10,00', '--datum', '2026-12-04'], on('2026-12-04'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      `O0004: € ${(f.nov.totaalCent / 100).toFixed(2).replace('.', ',')} (${f.nov.nummer}) verrekend met creditfactuur ${f.credit.nummer}; € `,
    );
    expect(r.stdout).toContain('nog niet toegewezen (tegoed voor volgende facturen): € 10,00');
    // Nothing is left for the incasso to set off or collect from her.
    const incasso = await json(dir, [...INCASSO, '--out', 'i.xml'], '2026-12-04');
    expect(incasso.verrekend).toEqual([]);
    expect(incasso.incasso.map((i: { ouder: string }) => i.ouder)).not.toContain('O0004');
  });
});

describe('factuur run, an ouder without a mandate whose credit covers her open invoices', () => {
  it('settles them against the credit on the invoice date: she owes nothing, no incasso warns about her', async () => {
    const dir = await demoBureau({ facturen: true });
    // Fatima (O0005, no mandate) pays October by transfer; November is invoiced to her.
    await json(dir, ['betaling', 'add', '--ouder', 'O0005', '--bedrag', '572,00', '--datum', '2026-11-18'], '2026-11-18');
    expect((await gob(dir, ['urenkaart', 'import', demo('uren-2026-11-renee.csv')], on('2026-12-01'))).code).toBe(0);
    const nov = (await json(dir, ['factuur', 'run', '--maand', '2026-11'], '2026-12-03')).facturen.find(
      (x: { ouder: string }) => x.ouder === 'O0005',
    );
    // Renée's October had no care for Yara (K0007) after all: all of October comes back as a credit.
    const lines = fs.readFileSync(demo('uren-2026-10-renee.csv'), 'latin1').split(/\r?\n/);
    fs.writeFileSync(path.join(dir, 'r.csv'), lines.filter((l) => !l.includes(';K0007;')).join('\r\n'), 'latin1');
    expect((await gob(dir, ['urenkaart', 'import', 'r.csv', '--te-laat'], on('2026-12-04'))).code).toBe(0);
    const r = await gob(dir, ['factuur', 'run', '--maand', '2026-10'], on('2026-12-04'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(`O0005: € [0-9.,]+ \\(${nov.nummer}\\) verrekend met creditfactuur 2026-\\d+; € [0-9.,]+ tegoed blijft staan`),
    );
    const betalingen = await json(dir, ['betaling', 'list', '--ouder', 'O0005'], '2026-12-04');
    expect(betalingen.at(-1)).toMatchObject({ datum: '2026-12-04', bedragCent: 0 });
    expect(betalingen.at(-1).toewijzingen[0]).toEqual({ factuur: nov.nummer, bedragCent: nov.totaalCent, datum: '2026-12-04' });
    // Nothing left for an incasso (she has no mandate anyway): no warning that she has money open.
    const incasso = await gob(dir, ['sepa', 'incasso', '--incassodatum', '2026-12-08', '--out', 'i.xml'], on('2026-12-04'));
    expect(incasso.stderr).not.toMatch(/O0005/);
  });
});
