// The log line of an import says which records it added and which it changed, with the names of
// the changed fields but never their values (no IBAN, no BSN), and stays bounded for a big file;
// a gastouder's inzage finds the import that changed her.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TODAY, demoBureau } from '../demo.js';
import { gob } from '../helpers.js';

describe('import log lines', () => {
  let dir: string;
  const run = async (args: string[]) => {
    const r = await gob(dir, args, DEMO_TODAY);
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    return r;
  };
  const lastLog = async () => JSON.parse((await run(['--json', 'log', '--limit', '1'])).stdout)[0].wijziging as string;
  const csv = (name: string, lines: string[]) => {
    fs.writeFileSync(path.join(dir, name), `${lines.join('\n')}\n`);
    return name;
  };

  beforeAll(async () => {
    dir = await demoBureau({ rooster: false });
  }, 60_000);

  it('names the changed record and field of a registry import, not the IBAN or BSN; added records by code', async () => {
    // The demo's own imports name what they added.
    const log = JSON.parse((await run(['--json', 'log', '--limit', '100'])).stdout).map((l: { wijziging: string }) => l.wijziging);
    expect(log).toContainEqual(expect.stringMatching(/^gastouder import .*gastouders\.csv: 3 nieuw \(G0001, G0002, G0003\), 0 gewijzigd$/));

    // The tester's finding: a payout IBAN changed by an import.
    await run(['gastouder', 'import', csv('gi.csv', ['code;naam;iban', 'G0001;Anna de Vries;NL02ABNA0123456789'])]);
    expect(await lastLog()).toBe('gastouder import gi.csv: 0 nieuw, 1 gewijzigd (G0001: iban)');

    // A BSN change is named as the field only; a new record by its code.
    await run([
      'ouder',
      'import',
      csv('o.csv', [
        'code;naam;bsn;telefoon;adres;postcode;plaats',
        'O0002;Şahin Yılmaz;234567806;06-12121212;Amsterdamsestraatweg 55;3551 CC;Utrecht',
        ';Nieuwe Ouder;;;Dorpsstraat 1;1234 AB;Ergens',
      ]),
    ]);
    const ouder = await lastLog();
    expect(ouder).toBe('ouder import o.csv: 1 nieuw (O0006), 1 gewijzigd (O0002: telefoon, bsn)');

    // Id-keyed records by id and gastouder (her inzage finds them), changed fields likewise.
    await run(['huisgenoot', 'import', csv('h.csv', ['gastouder;naam;geboortedatum', 'G0002;Lotte Müller;2001-05-05'])]);
    expect(await lastLog()).toBe('huisgenoot import h.csv: 1 nieuw (1 bij G0002), 0 gewijzigd');
    await run(['huisgenoot', 'import', csv('h2.csv', ['id;gastouder;naam;geboortedatum', '1;G0002;Lotte Muller;2001-05-05'])]);
    expect(await lastLog()).toBe('huisgenoot import h2.csv: 0 nieuw, 1 gewijzigd (1 bij G0002: naam)');

    const hele = (await run(['--json', 'log', '--limit', '1000'])).stdout;
    for (const waarde of ['NL02ABNA0123456789', '234567806', '06-12121212', 'Lotte']) expect(hele).not.toContain(waarde);

    // The gastouder's inzage lists the line of the import that changed her IBAN.
    await run(['inzage', '--gastouder', 'G0001', '--out', 'G0001.json']);
    const doc = JSON.parse(fs.readFileSync(path.join(dir, 'G0001.json'), 'utf8'));
    expect(doc.log.map((l: { wijziging: string }) => l.wijziging)).toContain('gastouder import gi.csv: 0 nieuw, 1 gewijzigd (G0001: iban)');
  });

  it('names at most 50 records of a big import and counts the rest', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => `G${String(100 + i).padStart(4, '0')};Gastouder ${i};01-01-1980`);
    await run(['gastouder', 'import', csv('g60.csv', ['code;naam;geboortedatum', ...rows])]);
    const line = await lastLog();
    expect(line).toMatch(/^gastouder import g60\.csv: 60 nieuw \(G0100, G0101, .*, G0149 … en 10 meer\), 0 gewijzigd$/);
    expect(line).not.toContain('G0150');
    expect(line.split(', G').length).toBe(50);
  });
});
