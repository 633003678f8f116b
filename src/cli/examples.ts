// The examples shown under "Voorbeelden:" in `--help` and in docs/reference.md, per command path.
// Kept apart from program.ts so that the command definitions stay readable; a test checks that
// every path here names a command that exists. The values are those of the README tour.
export const EXAMPLES: Record<string, string[]> = {
  // '' is gob itself: the month's work in four lines.
  '': [
    'gob init --naam "Gastouderbureau De Zonnebloem"',
    'gob urenkaart import uren-2026-10.csv && gob factuur run --maand 2026-10',
    'gob sepa incasso --incassodatum 2026-11-20 --out incasso.xml',
    'gob help factuur run                         # hulp bij één opdracht',
  ],
  init: [
    'gob init --naam "Gastouderbureau De Zonnebloem" --kvk 12345678 --lrk 987654321',
    'gob --db /pad/naar/bureau.sqlite init        # een database op een andere plek',
  ],
  'bureau set': [
    'gob bureau set --iban NL91ABNA0417164300 --bic ABNANL2A --incassant-id NL79ZZZ999999990000',
    'gob bureau set --bureaukosten-model uur --bureaukosten-uur "0:1,60;80:1,40"',
  ],
  'bureau certificaat-maken': ['GOB_CERTIFICAAT_WACHTWOORD=geheim gob bureau certificaat-maken --out certificaat.p12'],
  backup: ['gob backup kopie-2026-11-03.sqlite'],
  log: ['gob log --limit 20'],
  'gastouder add': ['gob gastouder add --naam "Anna de Vries" --geboortedatum 12-03-1978 --lrk 111111111 --slaapruimte ja'],
  'gastouder list': ['gob gastouder list --actief', 'gob gastouder list --csv > gastouders.csv   # dezelfde kolommen als import'],
  'gastouder import': ['gob gastouder import gastouders.csv --dry-run   # eerst controleren', 'gob gastouder import gastouders.csv'],
  'gastouder end': ['gob gastouder end G0001 --eind 2026-12-31'],
  'ouder add': ['gob ouder add --naam "Jan Jansen" --iban "NL91 ABNA 0417 1643 00" --mandaat MND-O0001 --mandaat-datum 2026-09-28'],
  'ouder list': ['gob ouder list --csv --toon-bsn > ouders.csv'],
  'kind add': [
    'gob kind add --naam "Sem Jansen" --geboortedatum 2023-01-21 --ouder O0001',
    'gob kind add --naam "Lotte de Vries" --geboortedatum 2019-05-02 --eigen-kind-van G0001',
  ],
  'koppeling add': ['gob koppeling add --kind K0001 --gastouder G0001 --start 2026-10-01 --uurtarief 7,50'],
  'koppeling edit': ['gob koppeling edit KP0001 --uurtarief 7,95'],
  'koppeling end': ['gob koppeling end KP0001                  # één maand na vandaag', 'gob koppeling end KP0001 --eind 2026-12-31'],
  'rooster add': ['gob rooster add --koppeling KP0001 --dag di --van 07:30 --tot 18:00'],
  'rooster list': ['gob rooster list --gastouder G0001'],
  'rooster import': ['gob rooster import roosters.csv --dry-run'],
  'rooster check': ['gob rooster check', 'gob rooster check --uren --maand 2026-10'],
  'urenkaart import': ['gob urenkaart import uren-2026-10.csv', 'gob urenkaart import uren-2026-10.csv --te-laat   # na de deadline'],
  'urenkaart list': ['gob urenkaart list --maand 2026-10 --kind K0001'],
  'factuur run': ['gob factuur run --maand 2026-10 --dry-run', 'gob factuur run --maand 2026-10'],
  'factuur list': ['gob factuur list --maand 2026-10', 'gob factuur list --ouder O0001 --json'],
  'factuur show': ['gob factuur show 2026-00001'],
  'factuur pdf': ['gob factuur pdf --maand 2026-10 --out facturen', 'gob factuur pdf 2026-00001 2026-00002 --out facturen'],
  'betaling add': ['gob betaling add --ouder O0001 --bedrag 344,50 --datum 2026-11-18'],
  'betaling storno': ['gob betaling storno --factuur 2026-00001 --datum 2026-11-25'],
  'uitbetaling run': ['gob uitbetaling run --datum 2026-11-24'],
  'uitbetaling open': ['gob uitbetaling open || echo "een uitbetaling is te laat"   # voor cron'],
  'uitbetaling pdf': ['gob uitbetaling pdf --datum 2026-11-24 --out uitbetalingen'],
  'sepa incasso': ['gob sepa incasso --incassodatum 2026-11-20 --out incasso.xml'],
  'sepa uitbetaling': ['gob sepa uitbetaling --datum 2026-11-24 --out uitbetaling.xml'],
  'contract teken': ['gob contract teken --koppeling KP0001 --partij ouder --naam "Jan Jansen" --plaats Utrecht'],
  'contract pdf': [
    'gob contract pdf --koppeling KP0001 --out overeenkomst.pdf',
    'gob contract pdf --koppeling KP0001 --soort bureau --out overeenkomst-bureau.pdf',
  ],
};
