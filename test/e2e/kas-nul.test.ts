// Correction invoices of € 0,00: late hours that move minutes from care to "afgesproken, niet
// afgemeld" for a child of two co-parents. They ask nothing of the ouder, move no money to the
// gastouder, and so may neither make a payout late nor be paid out before the ouder's money came in.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demo, demoBureau } from '../demo.js';
import { gob } from '../helpers.js';

const on = (date: string) => ({ GOB_TODAY: date });
async function json(dir: string, args: string[], today: string) {
  const r = await gob(dir, [...args, '--json'], on(today));
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

interface Regel {
  factuur: string;
  bedragCent: number;
  betaaldOp: string;
  uiterlijk: string;
}

describe('a correction invoice of € 0,00', () => {
  it('says there is nothing to pay, makes no payout late and pays nothing out before the ouder paid', async () => {
    const dir = await demoBureau({ uren: true });
    // As the tester's bureau: agreed hours are billed, and Yara's father pays 40 % of her care.
    for (const args of [
      ['bureau', 'set', '--afgesproken-uren', 'ja', '--afmeldtermijn', '14'],
      ['ouder', 'add', '--naam', 'Youssef El Amrani', '--adres', 'Kerkstraat 5', '--postcode', '3811 CV', '--plaats', 'Amersfoort'],
      ['koppeling', 'edit', 'KP0007', '--tweede-ouder', 'O0006', '--verdeling', '60'],
      ['factuur', 'run', '--maand', '2026-10'],
    ]) {
      const r = await gob(dir, args, on('2026-11-03'));
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
    const oktober: { nummer: string; ouder: string; totaalCent: number }[] = await json(dir, ['factuur', 'list'], '2026-11-03');
    const van = (ouder: string) => oktober.find((f) => f.ouder === ouder)!;
    // Fatima (O0005) pays her October invoice, and Renée (G0002) is paid out for it.
    const fatima = van('O0005');
    await json(
      dir,
      ['betaling', 'add', '--ouder', 'O0005', '--bedrag', String(fatima.totaalCent / 100), '--datum', '2026-11-10'],
      '2026-11-10',
    );
    expect((await json(dir, ['uitbetaling', 'run', '--datum', '2026-11-10'], '2026-11-10')).uitbetalingen).toHaveLength(1);

    // Yara (K0007, co-parents O0005 and O0006) went home 53 minutes early on a day on the rooster,
    // not cancelled: those minutes move from care to agreed hours, net € 0,00 per ouder.
    const uren = path.join(dir, 'renee-kort.csv');
    const csv = fs.readFileSync(demo('uren-2026-10-renee.csv'), 'latin1');
    expect(csv).toContain('G0002;K0007;2026-10-09;08:00;17:00;');
    fs.writeFileSync(uren, csv.replace('G0002;K0007;2026-10-09;08:00;17:00;', 'G0002;K0007;2026-10-09;08:00;16:07;'), 'latin1');
    expect((await gob(dir, ['urenkaart', 'import', uren, '--te-laat'], on('2026-11-12'))).code).toBe(0);
    const correcties: { nummer: string; ouder: string; totaalCent: number; regels: { gastouder: string; bedragCent: number }[] }[] = (
      await json(dir, ['factuur', 'run', '--maand', '2026-10'], '2026-11-12')
    ).facturen;
    expect(correcties.map((f) => [f.ouder, f.totaalCent])).toEqual([
      ['O0005', 0],
      ['O0006', 0],
    ]);
    for (const f of correcties)
      expect(f.regels.map((r) => [r.gastouder, Math.sign(r.bedragCent)]).sort()).toEqual([
        ['G0002', -1],
        ['G0002', 1],
      ]);
    const [vanFatima, vanYoussef] = correcties.map((f) => f.nummer);

    // The invoice asks for nothing, in text and on the PDF; a normal invoice still asks its amount.
    const tekst = await gob(dir, ['factuur', 'show', vanYoussef!], on('2026-11-12'));
    expect(tekst.stdout).toContain('Er hoeft niets betaald te worden: deze correctie verschuift alleen regels.');
    expect(tekst.stdout).not.toMatch(/Graag|overmaken|schrijven/);
    expect((await gob(dir, ['factuur', 'pdf', vanYoussef!, van('O0006').nummer, '--out', 'pdf'], on('2026-11-12'))).code).toBe(0);
    const pdf = (nummer: string) =>
      spawnSync('pdftotext', [path.join(dir, 'pdf', `${nummer}.pdf`), '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    expect(pdf(vanYoussef!)).toContain('Er hoeft niets betaald te worden: deze correctie verschuift alleen regels.');
    expect(pdf(vanYoussef!)).not.toContain('€ 0,00 vóór');
    expect(pdf(van('O0006').nummer)).toMatch(/Graag € [1-9]/);

    // Şahin (O0002) pays his October invoice on 24 November; Renée's payout the next day is in time
    // (deadline 1 December). Fatima's correction lines come along (her money was in on 10
    // November) without making it late; Youssef's wait: his October invoice is unpaid.
    const sahin = van('O0002');
    await json(
      dir,
      ['betaling', 'add', '--ouder', 'O0002', '--bedrag', String(sahin.totaalCent / 100), '--datum', '2026-11-24'],
      '2026-11-24',
    );
    const open = await gob(dir, ['uitbetaling', 'open', '--json'], on('2026-11-25'));
    expect(open.code, open.stderr).toBe(0);
    expect(JSON.parse(open.stdout).map((r: { gastouder: string; uiterlijk: string }) => [r.gastouder, r.uiterlijk])).toEqual([
      ['G0001', '2026-12-01'],
      ['G0002', '2026-12-01'],
    ]);
    const run = await json(dir, ['uitbetaling', 'run', '--datum', '2026-11-25'], '2026-11-25');
    const renee = run.uitbetalingen.find((u: { gastouder: string }) => u.gastouder === 'G0002');
    expect(run.uitbetalingen.map((u: { teLaat: boolean }) => u.teLaat)).toEqual([false, false]);
    const payout = await json(dir, ['uitbetaling', 'show', renee.nummer], '2026-11-25');
    expect(payout.teLaat).toBe(false);
    const facturen = payout.regels.map((r: Regel) => r.factuur);
    expect(facturen).toContain(sahin.nummer);
    expect(facturen).toContain(vanFatima);
    expect(facturen).not.toContain(vanYoussef);
    expect(payout.bedragCent).toBe(
      payout.regels.filter((r: Regel) => r.factuur === sahin.nummer).reduce((s: number, r: Regel) => s + r.bedragCent, 0),
    );

    // Youssef pays: his original lines and his correction's are paid out together, with the
    // deadline of his money.
    const youssef = van('O0006');
    await json(
      dir,
      ['betaling', 'add', '--ouder', 'O0006', '--bedrag', String(youssef.totaalCent / 100), '--datum', '2026-11-26'],
      '2026-11-26',
    );
    const tweede = await json(dir, ['uitbetaling', 'run', '--datum', '2026-11-26'], '2026-11-26');
    const regels: Regel[] = (await json(dir, ['uitbetaling', 'show', tweede.uitbetalingen[0].nummer], '2026-11-26')).regels;
    expect(regels.filter((r) => r.factuur === vanYoussef).map((r) => [r.betaaldOp, r.uiterlijk])).toEqual([
      ['2026-11-26', '2026-12-03'],
      ['2026-11-26', '2026-12-03'],
    ]);
  });
});

describe('a credit invoice that moves care from one gastouder to another', () => {
  it('pays the gastouder who gets more only once the ouder paid the invoice it takes the money from', async () => {
    const dir = await demoBureau({ facturen: true });
    const origineel = (await json(dir, ['factuur', 'list'], '2026-11-03')).find((f: { ouder: string }) => f.ouder === 'O0002');
    // Elif (K0003, O0002) stayed an hour longer with Anna (G0001, € 8,10) and two hours shorter
    // with Renée (G0002, € 7,50): a credit of € 6,90 with + € 8,10 for Anna, - € 15,00 for Renée.
    const wijzig = (bestand: string, van: string, naar: string) => {
      const csv = fs.readFileSync(demo(bestand), 'latin1');
      expect(csv).toContain(van);
      const uit = path.join(dir, bestand);
      fs.writeFileSync(uit, csv.replace(van, naar), 'latin1');
      return uit;
    };
    for (const csv of [
      wijzig('uren-2026-10-anna.csv', 'G0001;K0003;06-10-2026;8:30;17:00;', 'G0001;K0003;06-10-2026;8:30;18:00;'),
      wijzig('uren-2026-10-renee.csv', 'G0002;K0003;2026-10-01;08:00;17:00;', 'G0002;K0003;2026-10-01;08:00;15:00;'),
    ]) {
      expect((await gob(dir, ['urenkaart', 'import', csv, '--te-laat'], on('2026-11-12'))).code).toBe(0);
    }
    const [credit] = (await json(dir, ['factuur', 'run', '--maand', '2026-10'], '2026-11-12')).facturen;
    expect(credit.totaalCent).toBe(-690);
    expect(credit.regels.map((r: { gastouder: string; bedragCent: number }) => [r.gastouder, r.bedragCent])).toEqual([
      ['G0001', 810],
      ['G0002', -1500],
    ]);
    // Şahin paid nothing yet: nothing is paid out, not Anna's € 8,10 either.
    // (Renée's share of the credit counts at once, as every credit does: € 15,00 to set off.)
    expect(await json(dir, ['uitbetaling', 'open'], '2026-11-12')).toEqual([
      { gastouder: 'G0002', bedragCent: 0, teVerrekenenCent: 1500, uiterlijk: null },
    ]);
    expect((await json(dir, ['uitbetaling', 'run', '--datum', '2026-11-12'], '2026-11-12')).uitbetalingen).toEqual([]);
    // He pays what is left after the credit; then Anna's extra hour comes with the money.
    const bedrag = String((origineel.totaalCent - 690) / 100);
    await json(dir, ['betaling', 'add', '--ouder', 'O0002', '--bedrag', bedrag, '--datum', '2026-11-16'], '2026-11-16');
    const run = await json(dir, ['uitbetaling', 'run', '--datum', '2026-11-16'], '2026-11-16');
    const anna = run.uitbetalingen.find((u: { gastouder: string }) => u.gastouder === 'G0001');
    const regels: Regel[] = (await json(dir, ['uitbetaling', 'show', anna.nummer], '2026-11-16')).regels;
    expect(regels.filter((r) => r.factuur === credit.nummer).map((r) => [r.bedragCent, r.betaaldOp])).toEqual([[810, '2026-11-16']]);
  });
});
