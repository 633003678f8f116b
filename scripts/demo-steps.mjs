// The demo's steps, in order: the one list that `npm run demo` (scripts/demo.mjs: gob as processes,
// each command printed as it can be pasted into a shell) and test/e2e/postgres-demo.test.ts (gob in
// process, on SQLite and on PostgreSQL, compared) both run, so that the test follows the demo.
import fs from 'node:fs';

/** The demo's "today": a step that needs another day says --today. */
export const DEMO_TODAY = '2026-11-03';

/**
 * Runs the demo's steps with `run`'s actions, one at a time; it resolves when the last is done.
 * Paths in the commands are as the user types them: `data` is the folder of the demo's CSV files
 * and `out` the folder it writes to, each relative to the folder the steps run in (or absolute).
 */
export async function demoSteps(run, { data, out }) {
  /** One gob command; a number as the last word is the exit code this step should give (else 0). */
  const gob = (...args) => {
    const exit = typeof args.at(-1) === 'number' ? args.pop() : 0;
    return run.gob(args, exit);
  };

  await gob(
    'init',
    '--naam',
    'Gastouderbureau De Zonnebloem',
    '--adres',
    'Stationsplein 1',
    '--postcode',
    '3511 ED',
    '--plaats',
    'Utrecht',
    '--email',
    'info@zonnebloem.example',
    '--telefoon',
    '030-1234567',
    '--kvk',
    '12345678',
    '--lrk',
    '987654321',
    '--iban',
    'NL91ABNA0417164300',
    '--bic',
    'ABNANL2A',
    '--incassant-id',
    'NL79ZZZ999999990000',
  );
  await gob('gastouder', 'import', `${data}/gastouders.csv`);
  await gob('ouder', 'import', `${data}/ouders.csv`);
  await gob('kind', 'import', `${data}/kinderen.csv`);
  await gob('koppeling', 'import', `${data}/koppelingen.csv`);
  // The demo rooster has one planned violation: on Thursday mornings Renée has four children and no
  // achterwacht. The import refuses it; with --force it is stored, and rooster check reports it.
  await gob('rooster', 'import', `${data}/roosters.csv`, 1);
  await gob('rooster', 'import', `${data}/roosters.csv`, '--force');
  await gob('gastouder', 'list');
  await gob('ouder', 'list');
  await gob('koppeling', 'list', '--actief');
  await gob('gastouder', 'show', 'G0002');
  await gob('rooster', 'check', 1);

  // The month's urenkaarten, before the 5th: Anna's from Excel (Windows-1252, her own column names),
  // Renée's (with the Thursday mornings that lack an achterwacht: a warning, stored anyway), and
  // Ingrid's, which came in late on the 9th and needs --te-laat.
  await gob('urenkaart', 'import', `${data}/uren-2026-10-anna.csv`);
  await gob('urenkaart', 'import', `${data}/uren-2026-10-renee.csv`);
  await gob('urenkaart', 'import', `${data}/uren-2026-10-ingrid.csv`, '--today', '2026-11-09', 1);
  await gob('urenkaart', 'import', `${data}/uren-2026-10-ingrid.csv`, '--today', '2026-11-09', '--te-laat');
  await gob('urenkaart', 'list', '--maand', '2026-10', '--kind', 'K0001');

  // The monthly invoices on the 9th: one per ouder. Then Renée sends a corrected urenkaart (late,
  // and after invoicing: --te-laat); the second run bills only the difference, as a correction.
  await gob('factuur', 'run', '--maand', '2026-10', '--today', '2026-11-09');
  await gob('urenkaart', 'import', `${data}/uren-2026-10-renee-correctie.csv`, '--today', '2026-11-10', '--te-laat');
  await gob('factuur', 'run', '--maand', '2026-10', '--today', '2026-11-10');
  await gob('factuur', 'list', '--maand', '2026-10');
  await gob('factuur', 'show', '2026-00006');
  await gob('factuur', 'pdf', '--maand', '2026-10', '--out', `${out}/facturen`);

  // The kassiersfunctie: Fatima has no mandate and pays by transfer; everyone else is collected by
  // SEPA incasso on the 20th. The payout deadline is the payment date plus 5 werkdagen.
  await gob('betaling', 'add', '--ouder', 'O0005', '--bedrag', '572,00', '--datum', '2026-11-18', '--today', '2026-11-18');
  await gob('sepa', 'incasso', '--incassodatum', '2026-11-20', '--out', `${out}/incasso-2026-11-20.xml`, '--today', '2026-11-12');
  await gob('uitbetaling', 'open', '--today', '2026-11-23');
  await gob('uitbetaling', 'run', '--datum', '2026-11-24', '--today', '2026-11-24');
  await gob('uitbetaling', 'show', 'U2026-00001', '--today', '2026-11-24');
  await gob('sepa', 'uitbetaling', '--datum', '2026-11-24', '--out', `${out}/uitbetaling-2026-11-24.xml`, '--today', '2026-11-24');
  await gob('sepa', 'uitbetaling', '--datum', '2026-11-24', '--out', `${out}/nogmaals.xml`, '--today', '2026-11-24', 1);
  await gob('sepa', 'list');
  await gob('uitbetaling', 'pdf', '--datum', '2026-11-24', '--out', `${out}/uitbetalingen`, '--today', '2026-11-24');
  await gob('uitbetaling', 'open', '--today', '2026-11-24');

  // November: from this month the bureau bills the agreed hours (§9): absence reported less than 14
  // days ahead is charged at the rooster's hours. Sem (K0004) is ill on Tuesday 10 November, reported
  // that morning: billed as agreed hours. Noah (K0006) is on holiday 16–20 November, announced on
  // 1 September, more than two months ahead: not billed.
  await gob('bureau', 'set', '--afgesproken-uren', 'ja', '--today', '2026-10-28');
  // Yara's parents live apart from November and share her care 60/40: each gets an invoice for her
  // or his share of every line (Fatima, her ouder, 60 %), and each a jaaropgave and toeslag rows.
  await gob(
    'ouder',
    'add',
    '--naam',
    'Youssef El Amrani',
    '--adres',
    'Kerkstraat 5',
    '--postcode',
    '3811 CV',
    '--plaats',
    'Amersfoort',
    '--today',
    '2026-10-28',
  );
  await gob('koppeling', 'edit', 'KP0007', '--tweede-ouder', 'O0006', '--verdeling', '60', '--today', '2026-10-28');
  await gob(
    'afwezigheid',
    'add',
    '--kind',
    'K0006',
    '--van',
    '2026-11-16',
    '--tot-en-met',
    '2026-11-20',
    '--soort',
    'vakantie',
    '--today',
    '2026-09-01',
  );
  await gob(
    'afwezigheid',
    'add',
    '--kind',
    'K0004',
    '--van',
    '2026-11-10',
    '--tot-en-met',
    '2026-11-10',
    '--soort',
    'ziek',
    '--today',
    '2026-11-10',
  );
  await gob('afwezigheid', 'list', '--maand', '2026-11');
  // On 2 December Anna's urenkaart is in; the check the bureau runs from cron on the 1st and the 4th
  // names who still has to send one, with the days left (exit 1 while any is missing).
  await gob('urenkaart', 'import', `${data}/uren-2026-11-anna.csv`, '--today', '2026-12-02');
  await gob('urenkaart', 'check', '--maand', '2026-11', '--today', '2026-12-02', 1);
  await gob('urenkaart', 'import', `${data}/uren-2026-11-renee.csv`, '--today', '2026-12-03');
  await gob('urenkaart', 'import', `${data}/uren-2026-11-ingrid.csv`, '--today', '2026-12-03');
  await gob('urenkaart', 'check', '--maand', '2026-11', '--today', '2026-12-03');
  await gob('factuur', 'check', '--maand', '2026-11', '--today', '2026-12-03', 1);
  await gob('factuur', 'run', '--maand', '2026-11', '--today', '2026-12-03');
  await gob('factuur', 'show', '2026-00009', '--today', '2026-12-03');
  await gob('factuur', 'show', '2026-00012', '--today', '2026-12-03');

  // The year closes: the jaaropgaven of 2026 (made before the year ends; December's invoices will make
  // a version 2 for whoever's figures change), the toeslag check (the demo's children have no BSN yet:
  // exit 1, the list a bureau works through before the year ends) and November's delivery to Dienst
  // Toeslagen, and the yearly overview of every gastouder.
  await gob('jaaropgave', 'run', '--jaar', '2026', '--today', '2026-12-03');
  await gob('jaaropgave', 'show', 'J2026-00001', '--today', '2026-12-03');
  await gob('jaaropgave', 'pdf', '--jaar', '2026', '--out', `${out}/jaaropgaven`, '--today', '2026-12-03');
  await gob('jaaropgave', 'gastouder', '--jaar', '2026', '--out', `${out}/jaaroverzichten`, '--today', '2026-12-03');
  await gob('toeslag', 'tarief');
  await gob('toeslag', 'check', '--maand', '2026-11', '--today', '2026-12-03', 1);
  await gob('toeslag', 'export', '--maand', '2026-11', '--out', `${out}/toeslag-2026-11.csv`, '--today', '2026-12-03');

  // Quality duties (§10): the bureau records when each gastouder joined, her PRK link and insurance,
  // her huisgenoten and every visit; the check it runs from cron shows what is due. Renée's
  // risico-inventarisatie is overdue, and her daughter Lisa turns 18 in January: VOG and PRK by then.
  await gob('gastouder', 'edit', 'G0001', '--start', '2015-01-01', '--prk', 'ja', '--verzekering-tot', '2027-12-31');
  await gob('gastouder', 'edit', 'G0002', '--start', '2019-02-01', '--prk', 'ja', '--verzekering-tot', '2027-12-31');
  await gob('gastouder', 'edit', 'G0003', '--start', '2026-08-01', '--prk', 'ja', '--verzekering-tot', '2027-12-31');
  await gob('huisgenoot', 'import', `${data}/huisgenoten.csv`);
  await gob('bezoek', 'import', `${data}/bezoeken.csv`, '--today', '2026-12-03');
  await gob('kwaliteit', 'check', '--tot', '2027-01-31', '--today', '2026-12-03', 1);
  await gob('kwaliteit', 'pdf', '--gastouder', 'G0002', '--out', `${out}/kwaliteit-G0002.pdf`, '--today', '2026-12-03');

  // The overeenkomst van opdracht of one koppeling, signed by the vraagouder and the gastouder, and
  // digitally by the bureau with a self-signed test certificate (check it with: pdfsig <file>).
  run.setEnv('GOB_CERTIFICAAT_WACHTWOORD', 'demo-wachtwoord');
  fs.rmSync(run.file(`${out}/certificaat.p12`), { force: true });
  await gob('bureau', 'certificaat-maken', '--out', `${out}/certificaat.p12`);
  await gob(
    'contract',
    'teken',
    '--koppeling',
    'KP0001',
    '--partij',
    'ouder',
    '--naam',
    'Łukasz Wałęsa',
    '--plaats',
    'Utrecht',
    '--datum',
    '2025-02-20',
  );
  await gob(
    'contract',
    'teken',
    '--koppeling',
    'KP0001',
    '--partij',
    'gastouder',
    '--naam',
    'Anna de Vries',
    '--plaats',
    'Utrecht',
    '--datum',
    '2025-02-21',
  );
  await gob('contract', 'pdf', '--koppeling', 'KP0001', '--out', `${out}/overeenkomst-KP0001-gastouder.pdf`);
  await gob('contract', 'pdf', '--koppeling', 'KP0001', '--soort', 'bureau', '--out', `${out}/overeenkomst-KP0001-bureau.pdf`);

  // December in Excel (§12): on the 1st the bureau sends every gastouder her template, filled in from
  // her rooster. Anna sends hers back in January with one change: on Tuesday 1 December Łukasz's son
  // stayed until 18:00. (The demo makes that change as Excel would store it: a time cell.)
  await gob('urenkaart', 'sjabloon', '--maand', '2026-12', '--out', `${out}/sjablonen`, '--today', '2026-12-01');
  const anna = `${out}/sjablonen/urenkaart-2026-12-G0001.xlsx`;
  await annaVultIn(run.file(anna));
  run.say(`\n(Anna past in ${anna} één tijd aan: K0001 op 1 december tot 18:00, en zet er een opmerking bij.)`);
  await gob('urenkaart', 'import', anna, '--today', '2027-01-04');
  await gob('urenkaart', 'list', '--maand', '2026-12', '--kind', 'K0001', '--today', '2027-01-04');
  await gob('log', '--limit', '8');
}

/** What Anna does in Excel: K0001's first row (1 December) until 18:00, with a note. */
export async function annaVultIn(file) {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('urenkaart');
  ws.eachRow((row, n) => {
    const datum = row.getCell(3).value;
    if (n > 1 && row.getCell(2).value === 'K0001' && datum instanceof Date && datum.toISOString().startsWith('2026-12-01')) {
      row.getCell(5).value = new Date(Date.UTC(1899, 11, 30, 18, 0));
      row.getCell(6).value = 'later opgehaald (file)';
    }
  });
  await wb.xlsx.writeFile(file);
}
