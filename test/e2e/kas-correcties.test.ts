// The kassiersfunctie when things go differently: a storno among several payments, a storno of a
// collection that set off a credit, an overpayment that pays the next month's invoice, and a rate
// change after a month was invoiced. Each of these once cost an ouder or a gastouder money.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { demo, demoBureau } from '../demo.js';
import { gob } from '../helpers.js';

const on = (date: string) => ({ GOB_TODAY: date });
async function json(dir: string, args: string[], today: string) {
  const r = await gob(dir, [...args, '--json'], on(today));
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe('betaling storno', () => {
  it('reverses one payment, the latest on the invoice, and leaves the others', async () => {
    const dir = await demoBureau({ facturen: true });
    // Fatima pays invoice 2026-00005 (€ 572,00) in two transfers.
    const eerste = await json(dir, ['betaling', 'add', '--ouder', 'O0005', '--bedrag', '500,00', '--datum', '2026-11-18'], '2026-11-18');
    const tweede = await json(dir, ['betaling', 'add', '--ouder', 'O0005', '--bedrag', '72,00', '--datum', '2026-11-19'], '2026-11-19');
    expect((await gob(dir, ['betaling', 'storno', '--factuur', '2026-00005', '--datum', '2026-11-18'], on('2026-11-20'))).stderr).toMatch(
      /--datum 2026-11-18 ligt vóór de betaling van 2026-11-19/,
    );
    const storno = await json(dir, ['betaling', 'storno', '--factuur', '2026-00005', '--datum', '2026-11-20'], '2026-11-20');
    expect(storno).toMatchObject({ stornoVan: tweede.id, bedragCent: -7200, toewijzingen: [{ factuur: '2026-00005', bedragCent: -7200 }] });
    // Only € 72,00 is open again: paying that settles the invoice, with nothing left over.
    expect(
      await json(dir, ['betaling', 'add', '--ouder', 'O0005', '--bedrag', '72,00', '--datum', '2026-11-23'], '2026-11-23'),
    ).toMatchObject({
      toewijzingen: [{ factuur: '2026-00005', bedragCent: 7200 }],
      tegoedCent: 0,
    });
    // Each storno takes the next payment back; a payment is never reversed twice.
    await json(dir, ['betaling', 'storno', '--factuur', '2026-00005', '--datum', '2026-11-24'], '2026-11-24');
    expect(await json(dir, ['betaling', 'storno', '--factuur', '2026-00005', '--datum', '2026-11-24'], '2026-11-24')).toMatchObject({
      stornoVan: eerste.id,
      bedragCent: -50000,
    });
    expect((await gob(dir, ['betaling', 'storno', '--factuur', '2026-00005', '--datum', '2026-11-24'], on('2026-11-24'))).stderr).toMatch(
      /niets betaald/,
    );
    const lijst = await json(dir, ['betaling', 'list', '--ouder', 'O0005'], '2026-11-24');
    expect(lijst.map((b: { bedragCent: number; stornoVan: number | null }) => [b.bedragCent, b.stornoVan])).toEqual([
      [50000, null],
      [7200, null],
      [-7200, tweede.id],
      [7200, null],
      [-7200, expect.any(Number)],
      [-50000, eerste.id],
    ]);
  });

  it('an ouder with nothing to collect (only a credit open) does not stop the collection with a mandate id gob cannot carry', async () => {
    const dir = await demoBureau({ facturen: true });
    // Sem's parents (O0003) paid 2026-00003 by transfer; then October turns out shorter: a credit.
    expect(
      (await gob(dir, ['betaling', 'add', '--ouder', 'O0003', '--bedrag', '1465,63', '--datum', '2026-11-05'], on('2026-11-05'))).code,
    ).toBe(0);
    const kort = path.join(dir, 'renee-kort.csv');
    const lines = fs.readFileSync(demo('uren-2026-10-renee.csv'), 'latin1').split(/\r?\n/);
    fs.writeFileSync(kort, lines.filter((l) => !l.startsWith('G0002;K0004;2026-10-20')).join('\r\n'), 'latin1');
    expect((await gob(dir, ['urenkaart', 'import', kort, '--te-laat'], on('2026-11-10'))).code).toBe(0);
    expect((await json(dir, ['factuur', 'run', '--maand', '2026-10'], '2026-11-10')).facturen[0].totaalCent).toBeLessThan(0);
    // A mandate id from before the bounds, which the XML would change (a double space).
    const db = new Database(path.join(dir, 'data', 'gob.sqlite'));
    db.prepare("update ouder set mandaat = 'MND  O0003' where code = 'O0003'").run();
    db.close();
    const r = await gob(dir, ['sepa', 'incasso', '--incassodatum', '2026-11-20', '--out', 'i.xml', '--json'], on('2026-11-12'));
    expect(r.code, r.stderr).toBe(0);
    const ouders = JSON.parse(r.stdout).incasso.map((i: { ouder: string }) => i.ouder);
    expect(ouders).not.toContain('O0003');
    expect(ouders.length).toBeGreaterThan(0);
  });

  it('of a collection that set off a credit reopens the credit too, so the ouder is not charged twice', async () => {
    const dir = await demoBureau({ facturen: true });
    // Renée's corrected October has one afternoon less for Sem (K0004, ouder O0003): a credit invoice.
    const kort = path.join(dir, 'renee-kort.csv');
    const lines = fs.readFileSync(demo('uren-2026-10-renee.csv'), 'latin1').split(/\r?\n/);
    fs.writeFileSync(kort, lines.filter((l) => !l.startsWith('G0002;K0004;2026-10-20')).join('\r\n'), 'latin1');
    expect((await gob(dir, ['urenkaart', 'import', kort, '--te-laat'], on('2026-11-10'))).code).toBe(0);
    const credit = (await json(dir, ['factuur', 'run', '--maand', '2026-10'], '2026-11-10')).facturen[0];
    expect(credit).toMatchObject({ nummer: '2026-00006', ouder: 'O0003', correctieVan: '2026-00003' });
    expect(credit.totaalCent).toBeLessThan(0);

    const first = await json(dir, ['sepa', 'incasso', '--incassodatum', '2026-11-20', '--out', 'i1.xml'], '2026-11-12');
    const o3 = first.incasso.find((i: { ouder: string }) => i.ouder === 'O0003');
    expect(o3.bedragCent).toBe(146563 + credit.totaalCent);
    expect(o3.omschrijving).toMatch(/verrekend 2026-00006/);

    const storno = await json(dir, ['betaling', 'storno', '--factuur', '2026-00003', '--datum', '2026-11-26'], '2026-11-26');
    expect(storno.toewijzingen).toEqual([
      { factuur: '2026-00003', bedragCent: -146563 },
      { factuur: '2026-00006', bedragCent: -credit.totaalCent },
    ]);
    const again = await json(dir, ['sepa', 'incasso', '--incassodatum', '2026-12-04', '--out', 'i2.xml'], '2026-11-27');
    expect(again.incasso).toEqual([expect.objectContaining({ ouder: 'O0003', volgorde: 'RCUR', bedragCent: o3.bedragCent })]);
  });
});

describe('stornos booked before gob 0.2', () => {
  it('are respected: a payment they already took back is not taken back again', async () => {
    const dir = await demoBureau({ facturen: true });
    await json(dir, ['betaling', 'add', '--ouder', 'O0005', '--bedrag', '572,00', '--datum', '2026-11-18'], '2026-11-18');
    // The old storno: the whole invoice reversed, without naming the payment.
    const db = new Database(path.join(dir, 'data', 'gob.sqlite'));
    const id = db
      .prepare("insert into betaling (ouder, datum, bedrag_cent, soort) values ('O0005', '2026-11-20', -57200, 'storno')")
      .run().lastInsertRowid;
    db.prepare("insert into toewijzing (betaling, factuur, bedrag_cent, datum) values (?, '2026-00005', -57200, '2026-11-20')").run(id);
    db.close();
    expect((await gob(dir, ['betaling', 'storno', '--factuur', '2026-00005', '--datum', '2026-11-25'], on('2026-11-25'))).stderr).toMatch(
      /niets betaald/,
    );
    // € 572,00 is open, not twice that.
    expect(
      await json(dir, ['betaling', 'add', '--ouder', 'O0005', '--bedrag', '572,00', '--datum', '2026-11-26'], '2026-11-26'),
    ).toMatchObject({
      toewijzingen: [{ factuur: '2026-00005', bedragCent: 57200 }],
      tegoedCent: 0,
    });
  });
});

describe('uitbetaling open', () => {
  it('does not count a collection dated after today as received', async () => {
    const dir = await demoBureau({ facturen: true });
    await json(dir, ['sepa', 'incasso', '--incassodatum', '2026-11-20', '--out', 'incasso.xml'], '2026-11-12');
    expect(await json(dir, ['uitbetaling', 'open'], '2026-11-12')).toEqual([]);
    expect((await json(dir, ['uitbetaling', 'open'], '2026-11-20')).map((r: { gastouder: string }) => r.gastouder)).toEqual([
      'G0001',
      'G0002',
      'G0003',
    ]);
  });

  it('never shows a negative amount: a gastouder who owes money back shows 0 and teVerrekenenCent', async () => {
    const dir = await demoBureau({ facturen: true });
    await json(dir, ['sepa', 'incasso', '--incassodatum', '2026-11-20', '--out', 'incasso.xml'], '2026-11-12');
    await json(dir, ['uitbetaling', 'run', '--datum', '2026-11-24'], '2026-11-24');
    // After the payout, Renée's October turns out shorter: a credit invoice for her care.
    const kort = path.join(dir, 'renee-kort.csv');
    const lines = fs.readFileSync(demo('uren-2026-10-renee.csv'), 'latin1').split(/\r?\n/);
    fs.writeFileSync(kort, lines.filter((l) => !l.startsWith('G0002;K0004;2026-10-2')).join('\r\n'), 'latin1');
    expect((await gob(dir, ['urenkaart', 'import', kort, '--te-laat'], on('2026-11-25'))).code).toBe(0);
    const credit = (await json(dir, ['factuur', 'run', '--maand', '2026-10'], '2026-11-25')).facturen[0];
    const care = credit.regels
      .filter((r: { soort: string }) => r.soort === 'opvang')
      .reduce((s: number, r: { bedragCent: number }) => s + r.bedragCent, 0);
    expect(care).toBeLessThan(0);
    expect(await json(dir, ['uitbetaling', 'open'], '2026-11-25')).toEqual([
      { gastouder: 'G0002', bedragCent: 0, teVerrekenenCent: -care, uiterlijk: null },
    ]);
    const table = await gob(dir, ['uitbetaling', 'open'], on('2026-11-25'));
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/te verrekenen/);
    expect(table.stdout).toContain(`€ ${(-care / 100).toFixed(2).replace('.', ',')}`);
    expect(table.stdout).not.toMatch(/-\s*€|€\s*-/);
  });
});

describe('a bank file that cannot be written', () => {
  it('is refused before anything is booked: the next incasso collects the same', async () => {
    const dir = await demoBureau({ facturen: true });
    fs.mkdirSync(path.join(dir, 'bezet.xml'));
    const r = await gob(dir, ['sepa', 'incasso', '--incassodatum', '2026-11-20', '--out', 'bezet.xml'], on('2026-11-12'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bezet\.xml is een map\. Geef een bestandsnaam/);
    const again = await json(dir, ['sepa', 'incasso', '--incassodatum', '2026-11-20', '--out', 'incasso.xml'], '2026-11-12');
    expect(again).toMatchObject({ aantal: 4, berichtId: 'GOB-INC-2026-00001' });
  });
});

describe('an overpayment', () => {
  it('pays the next invoice when it is made, and counts from that invoice date', async () => {
    const dir = await demoBureau({ facturen: true });
    // Fatima (no mandate) pays € 100,00 more than invoice 2026-00005.
    expect(
      (await json(dir, ['betaling', 'add', '--ouder', 'O0005', '--bedrag', '672,00', '--datum', '2026-11-18'], '2026-11-18')).tegoedCent,
    ).toBe(10000);
    expect((await json(dir, ['uitbetaling', 'run', '--datum', '2026-11-24'], '2026-11-24')).uitbetalingen).toEqual([
      expect.objectContaining({ gastouder: 'G0002', bedragCent: 54250 }),
    ]);
    // November: Yara four hours at € 7,75 plus € 29,50 bureau costs = € 60,50, paid from the € 100,00.
    const nov = path.join(dir, 'renee-nov.csv');
    fs.writeFileSync(nov, 'gastouder;kind;datum;van;tot;opmerking\r\nG0002;K0007;2026-11-02;08:00;12:00;\r\n', 'latin1');
    expect((await gob(dir, ['urenkaart', 'import', nov], on('2026-12-03'))).code).toBe(0);
    const run = await json(dir, ['factuur', 'run', '--maand', '2026-11'], '2026-12-03');
    expect(run.facturen).toEqual([expect.objectContaining({ ouder: 'O0005', totaalCent: 6050 })]);
    expect(run.verrekend).toEqual([{ ouder: 'O0005', bedragCent: 6050 }]);
    // Paid on the invoice date (3 December), not on the day of the old transfer: the deadline is
    // five werkdagen later, and nothing is late.
    const open = await gob(dir, ['uitbetaling', 'open', '--json'], on('2026-12-03'));
    expect(open.code).toBe(0);
    expect(JSON.parse(open.stdout)).toEqual([{ gastouder: 'G0002', bedragCent: 3100, teVerrekenenCent: 0, uiterlijk: '2026-12-10' }]);
    // What is left (€ 39,50) stays for later.
    expect(
      (await json(dir, ['betaling', 'add', '--ouder', 'O0005', '--bedrag', '1,00', '--datum', '2026-12-04'], '2026-12-04')).tegoedCent,
    ).toBe(100);
  });
});

describe('an overpayment that arrives after the invoice date', () => {
  it('counts from the day the money came in', async () => {
    const dir = await demoBureau({ facturen: true });
    expect(
      (await json(dir, ['betaling', 'add', '--ouder', 'O0005', '--bedrag', '672,00', '--datum', '2026-12-02'], '2026-12-02')).tegoedCent,
    ).toBe(10000);
    await json(dir, ['uitbetaling', 'run', '--datum', '2026-12-02'], '2026-12-02');
    const nov = path.join(dir, 'renee-nov.csv');
    fs.writeFileSync(nov, 'gastouder;kind;datum;van;tot;opmerking\r\nG0002;K0007;2026-11-02;08:00;12:00;\r\n', 'latin1');
    expect((await gob(dir, ['urenkaart', 'import', nov], on('2026-12-03'))).code).toBe(0);
    // Invoice dated 1 December, the money was there on the 2nd: deadline 9 December, not the 8th.
    await json(dir, ['factuur', 'run', '--maand', '2026-11', '--datum', '2026-12-01'], '2026-12-03');
    const open = await gob(dir, ['uitbetaling', 'open', '--json'], on('2026-12-03'));
    expect(JSON.parse(open.stdout)).toEqual([{ gastouder: 'G0002', bedragCent: 3100, teVerrekenenCent: 0, uiterlijk: '2026-12-09' }]);
    expect((await json(dir, ['uitbetaling', 'run', '--datum', '2026-12-09'], '2026-12-09')).uitbetalingen).toEqual([
      expect.objectContaining({ gastouder: 'G0002', teLaat: false }),
    ]);
  });
});

describe('a rate change', () => {
  it('does not re-price a month already invoiced, and counts for the next month', async () => {
    const dir = await demoBureau({ facturen: true });
    const edit = await gob(dir, ['koppeling', 'edit', 'KP0004', '--uurtarief', '9,00'], on('2026-11-10'));
    expect(edit.code).toBe(0);
    expect(edit.stderr).toMatch(/het nieuwe uurtarief geldt vanaf de eerste maand die nog niet gefactureerd is; 2026-10 houdt zijn tarief/);
    expect((await gob(dir, ['urenkaart', 'import', demo('uren-2026-10-renee-correctie.csv'), '--te-laat'], on('2026-11-10'))).code).toBe(0);
    const correctie = (await json(dir, ['factuur', 'run', '--maand', '2026-10'], '2026-11-10')).facturen;
    // The same correction as in the demo: only the extra minutes, at October's € 7,50.
    expect(correctie).toEqual([expect.objectContaining({ nummer: '2026-00006', ouder: 'O0003', totaalCent: 3937 })]);
    expect(
      correctie[0].regels.filter((r: { soort: string }) => r.soort === 'opvang').map((r: { tariefCent: number }) => r.tariefCent),
    ).toEqual([750, 750]);
    const nov = path.join(dir, 'renee-nov.csv');
    fs.writeFileSync(nov, 'gastouder;kind;datum;van;tot;opmerking\r\nG0002;K0004;2026-11-02;08:00;12:00;\r\n', 'latin1');
    expect((await gob(dir, ['urenkaart', 'import', nov], on('2026-12-03'))).code).toBe(0);
    const regels = (await json(dir, ['factuur', 'run', '--maand', '2026-11'], '2026-12-03')).facturen[0].regels;
    expect(regels[0]).toMatchObject({ soort: 'opvang', kind: 'K0004', minuten: 240, tariefCent: 900, bedragCent: 3600 });
  });
});
