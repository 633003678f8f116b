# From the project folder, on a fresh database (delete data/tour/ to run it again): bash docs/tour.sh
export GOB_DB=data/tour/gob.sqlite                 # the tour's own database, beside data/gob.sqlite
export GOB_TODAY=2026-11-03                        # the date gob treats as today; leave out for the real date
npx gob init --naam "Gastouderbureau De Zonnebloem" --adres "Stationsplein 1" --postcode "3511 ED" --plaats Utrecht --kvk 12345678 --lrk 987654321 --iban NL91ABNA0417164300 --bic ABNANL2A --incassant-id NL79ZZZ999999990000
npx gob gastouder add --naam "Anna de Vries" --geboortedatum 12-03-1978 --adres "Lindenlaan 4" --postcode "3581 AB" --plaats Utrecht --iban NL20INGB0001234567 --lrk 111111111 --slaapruimte ja
npx gob ouder add --naam "Jan Jansen" --adres "Biltstraat 8" --postcode "3572 AA" --plaats Utrecht --iban "NL91 ABNA 0417 1643 00" --bsn 123456782 --mandaat MND-O0001 --mandaat-datum 2026-09-28
npx gob kind add --naam "Sem Jansen" --geboortedatum 2023-01-21 --ouder O0001
npx gob koppeling add --kind K0001 --gastouder G0001 --start 2026-10-01 --uurtarief 7,50
npx gob rooster add --koppeling KP0001 --dag di --van 07:30 --tot 18:00   # refused if it breaks a rule
npx gob rooster check                              # every gastouder, today to 12 months ahead
npx gob rooster add --koppeling KP0001 --dag za --van 25:00 --tot 18:00   # exit 2: 25:00 is no time
npx gob urenkaart import docs/tour-uren-2026-10.csv   # October's hours, before the 5th of November
npx gob urenkaart list --maand 2026-10 --kind K0001
npx gob factuur run --maand 2026-10               # one invoice per ouder (again: only the difference)
npx gob factuur show 2026-00001
npx gob factuur list --ouder O9999                 # exit 1: there is no ouder O9999
npx gob factuur pdf --maand 2026-10 --out data/tour/facturen
npx gob sepa incasso --incassodatum 2026-11-20 --out data/tour/incasso.xml   # collect from the ouders
export GOB_TODAY=2026-11-24                        # three weeks later: the collection has come in
npx gob uitbetaling open                           # for cron: exits 1 once a payout deadline has passed
npx gob uitbetaling run --datum 2026-11-24
npx gob sepa uitbetaling --datum 2026-11-24 --out data/tour/uitbetaling.xml
npx gob sepa list                                  # every bank file gob made, stored with its booking
npx gob sepa bestand GOB-UIT-2026-00001 --out data/tour/uitbetaling-kopie.xml   # the same file again, byte for byte
npx gob contract teken --koppeling KP0001 --partij ouder --naam "Jan Jansen" --plaats Utrecht
npx gob contract pdf --koppeling KP0001 --out data/tour/overeenkomst.pdf   # signed with the bureau's certificate, if set
npx gob gastouder list --csv > data/tour/gastouders.csv   # the same columns `import` reads
npx gob gastouder import data/tour/gastouders.csv   # all rows or none; an unchanged file changes nothing
npx gob koppeling end KP0001                       # ends one month from today (opzegtermijn)
npx gob log --limit 5                              # who changed what, when
npx gob backup data/tour/kopie.sqlite              # a consistent copy, even while gob runs
