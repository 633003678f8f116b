// CONTRACT §13: the retention term (bewaartermijn check|opschonen) and inzage, on the demo bureau
// with October invoiced, collected, paid out, a contract signed and the jaaropgaven made; three
// koppelingen and one gastouder ended at the end of 2026. In 2035 (term 7 years: everything before
// 2028-01-01 is past) the people of those are past the term; everyone with a running koppeling is
// not, and neither is the ouder whose last payment lies exactly on the boundary.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TODAY, demoBureau } from '../demo.js';
import { gob, projectDatabase, TEST_DIALECT } from '../helpers.js';
import { gobAtTerminal, PYTHON } from '../terminal.js';

const T2035 = { GOB_TODAY: '2035-01-01' };

describe('bewaartermijn and inzage', () => {
  let dir: string;
  const run = async (args: string[], env: Record<string, string> = T2035, code = 0) => {
    const r = await gob(dir, args, env);
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(code);
    return r;
  };
  const json = async (args: string[], env: Record<string, string> = T2035) => JSON.parse((await run(['--json', ...args], env)).stdout);

  /** What gob shows of everything, for "nothing changed" and "only these changed". */
  const snapshot = async () => {
    const facturen = (await json(['factuur', 'list'])) as { nummer: string }[];
    return {
      gastouders: await json(['gastouder', 'list']),
      ouders: await json(['ouder', 'list', '--toon-bsn']),
      kinderen: await json(['kind', 'list', '--toon-bsn']),
      facturen: await Promise.all(facturen.map((f) => json(['factuur', 'show', f.nummer]))),
      jaaropgaven: await json(['jaaropgave', 'list']),
      betalingen: await json(['betaling', 'list']),
      uitbetalingen: await json(['uitbetaling', 'list']),
    };
  };
  let before: Awaited<ReturnType<typeof snapshot>>;
  /**
   * The stored snapshots, read under gob (show --json gives the figures, not the names); on
   * PostgreSQL (this file runs on both) through the server.
   */
  const rows = async (table: string): Promise<{ ouder: string; gegevens: string }[]> => {
    if (TEST_DIALECT === 'postgres') {
      const client = new pg.Client({ connectionString: await projectDatabase(dir) });
      await client.connect();
      try {
        return (await client.query(`select ouder, gegevens from ${table} order by 1, nummer`)).rows;
      } finally {
        await client.end();
      }
    }
    const db = new SQLite(path.join(dir, 'data', 'gob.sqlite'), { readonly: true });
    try {
      return db.prepare(`select ouder, gegevens from ${table} order by 1, nummer`).all() as { ouder: string; gegevens: string }[];
    } finally {
      db.close();
    }
  };
  let snapshotsBefore: { ouder: string; gegevens: string }[][];

  beforeAll(async () => {
    dir = await demoBureau({ facturen: true });
    await run(['sepa', 'incasso', '--incassodatum', '2026-11-20', '--out', 'incasso.xml'], DEMO_TODAY);
    await run(['uitbetaling', 'run', '--datum', '2026-11-24'], { GOB_TODAY: '2026-11-24' });
    await run(['sepa', 'uitbetaling', '--datum', '2026-11-24', '--out', 'uitbetaling.xml'], { GOB_TODAY: '2026-11-24' });
    await run(
      ['contract', 'teken', '--koppeling', 'KP0001', '--partij', 'ouder', '--naam', 'Łukasz Wałęsa', '--plaats', 'Utrecht'],
      DEMO_TODAY,
    );
    // Log entries that hold personal values: a registry change (with the code) and a signature (without).
    await run(['ouder', 'edit', 'O0001', '--telefoon', '06-99998888'], DEMO_TODAY);
    await run(['koppeling', 'end', 'KP0001', '--eind', '2026-12-31'], DEMO_TODAY);
    await run(['koppeling', 'end', 'KP0002', '--eind', '2026-12-31'], DEMO_TODAY);
    await run(['gastouder', 'end', 'G0003', '--eind', '2026-12-31'], DEMO_TODAY);
    await run(['jaaropgave', 'run', '--jaar', '2026'], { GOB_TODAY: '2027-01-15' });
    // O0004 (whose only child was at G0003) pays something on the boundary day: still within.
    await run(['betaling', 'add', '--ouder', 'O0004', '--bedrag', '10,00', '--datum', '2028-01-01'], { GOB_TODAY: '2028-01-01' });
    before = await snapshot();
    snapshotsBefore = [await rows('factuur'), await rows('jaaropgave')];
  }, 90_000);

  const PAST = [
    { soort: 'gastouder', code: 'G0003', laatste: '2026-12-31' },
    { soort: 'ouder', code: 'O0001', laatste: '2027-01-15' },
    { soort: 'kind', code: 'K0001', laatste: '2027-01-15' },
    { soort: 'kind', code: 'K0002', laatste: '2027-01-15' },
    { soort: 'kind', code: 'K0006', laatste: '2027-01-15' },
  ];

  it('check lists exactly who is past the term, and nobody before it', async () => {
    expect(await json(['bewaartermijn', 'check'], DEMO_TODAY)).toEqual([]);
    expect(await json(['bewaartermijn', 'check'])).toEqual(PAST);
    // One day later O0004's payment is past too.
    expect((await json(['bewaartermijn', 'check'], { GOB_TODAY: '2035-01-02' })).map((r: { code: string }) => r.code)).toContain('O0004');
    expect((await run(['bewaartermijn', 'check'])).stdout).toMatch(/5 personen zijn over de bewaartermijn van 7 jaar/);
    expect((await run(['bureau', 'set', '--bewaartermijn', '6'], T2035, 2)).stderr).toMatch(/van 7 tot en met 100/);
  });

  it('inzage lists every log entry about the person: their code, their children and koppelingen, their name', async () => {
    const logOf = async (soort: string, code: string) => {
      await run(['inzage', `--${soort}`, code, '--out', `inzage/log-${code}.json`]);
      const doc = JSON.parse(fs.readFileSync(path.join(dir, 'inzage', `log-${code}.json`), 'utf8'));
      return doc.log.map((l: { wijziging: string }) => l.wijziging) as string[];
    };
    const getekend = 'overeenkomst (gastouder) van KP0001 getekend door ouder: Łukasz Wałęsa, 2026-11-03, Utrecht';
    const o1 = await logOf('ouder', 'O0001');
    // The tester's finding: the signature names her koppeling KP0001 (of her child K0001), not her code.
    expect(o1).toContain(getekend);
    expect(o1).toContain('ouder O0001 gewijzigd: telefoon="06-99998888"');
    expect(o1).toContainEqual(expect.stringMatching(/^ouder import .*: 5 nieuw \(O0001, O0002, O0003, O0004, O0005\), 0 gewijzigd$/));
    expect(o1).toContainEqual(expect.stringMatching(/^koppeling KP0002 beëindigd per 2026-12-31/));
    // Nothing about somebody else only (O0004's payment, G0003's end).
    expect(o1.join('\n')).not.toMatch(/van O0004|gastouder G0003/);
    // Her child's and the gastouder's inzage list the signature of their koppeling too.
    expect(await logOf('kind', 'K0001')).toContain(getekend);
    const g1 = await logOf('gastouder', 'G0001');
    expect(g1).toContain(getekend);
    // An urenkaart import names its gastouders by code.
    expect(g1).toContainEqual(
      expect.stringMatching(/^urenkaart import .*uren-2026-10-anna\.csv: 2026-10, \d+ rijen van 1 gastouder \(G0001\)$/),
    );
    expect(await logOf('kind', 'K0003')).not.toContain(getekend);
  });

  it('opschonen refuses without --yes outside a terminal, and --dry-run changes nothing', async () => {
    const r = await run(['bewaartermijn', 'opschonen'], T2035, 1);
    expect(r.stderr).toMatch(/kan niet ongedaan worden gemaakt\. Bevestig met --yes.*Er is niets gewijzigd\./);
    if (PYTHON) {
      // At a terminal it asks, and "no" (the default) changes nothing.
      const env = TEST_DIALECT === 'postgres' ? { ...T2035, GOB_DB: await projectDatabase(dir) } : T2035;
      const nee = gobAtTerminal(dir, ['bewaartermijn', 'opschonen'], [{ wait: 'onherroepelijk anonimiseren?', keys: 'n\r' }], env);
      expect(nee.code, nee.screen).toBe(1);
      expect(nee.screen).toMatch(/Niet bevestigd; er is niets gewijzigd\./);
    }
    const dry = await json(['bewaartermijn', 'opschonen', '--dry-run']);
    expect(dry.geanonimiseerd).toEqual(PAST);
    expect(dry.gewijzigd).toMatchObject({ gastouder: 1, ouder: 1, kind: 3, factuur: 2, jaaropgave: 2, bankbestand: 2 });
    expect(await snapshot()).toEqual(before);
  }, 30_000);

  it('anonymises exactly those past the term, keeps every number and amount, and a second run changes nothing', async () => {
    const done = await json(['bewaartermijn', 'opschonen', '--yes']);
    expect(done.geanonimiseerd).toEqual(PAST);
    const after = await snapshot();

    // Registry: the five are anonymised; everyone else is exactly as before.
    const o1 = after.ouders.find((o: { code: string }) => o.code === 'O0001');
    expect(o1).toEqual({
      ...Object.fromEntries(Object.keys(o1).map((k) => [k, null])),
      code: 'O0001',
      naam: 'geanonimiseerd O0001',
      geboortedatum: '1988-01-01',
    });
    expect(after.ouders.filter((o: { code: string }) => o.code !== 'O0001')).toEqual(
      before.ouders.filter((o: { code: string }) => o.code !== 'O0001'),
    );
    const g3 = after.gastouders.find((g: { code: string }) => g.code === 'G0003');
    expect(g3).toMatchObject({ naam: 'geanonimiseerd G0003', geboortedatum: '1990-01-01', adres: null, iban: null, email: null });
    expect(g3.lrk).toBe(before.gastouders.find((g: { code: string }) => g.code === 'G0003').lrk);
    expect(after.gastouders.filter((g: { code: string }) => g.code !== 'G0003')).toEqual(
      before.gastouders.filter((g: { code: string }) => g.code !== 'G0003'),
    );
    const anon = new Set(['K0001', 'K0002', 'K0006']);
    for (const k of after.kinderen) {
      if (anon.has(k.code)) expect(k).toMatchObject({ naam: `geanonimiseerd ${k.code}`, bsn: null, geboortedatum: /^\d{4}-01-01$/ });
      else expect(k).toEqual(before.kinderen.find((b: { code: string }) => b.code === k.code));
    }

    // Every invoice keeps its number, dates, lines and amounts; the figures of everything else too.
    const bedragen = (fs: { nummer: string; totaalCent: number; datum: string; regels: unknown[] }[]) =>
      fs.map((f) => [f.nummer, f.datum, f.totaalCent, f.regels]);
    expect(bedragen(after.facturen)).toEqual(bedragen(before.facturen));
    expect(after.betalingen).toEqual(before.betalingen);
    expect(after.uitbetalingen).toEqual(before.uitbetalingen);
    expect(after.jaaropgaven).toEqual(before.jaaropgaven);
    // The snapshots: O0001's invoice and jaaropgave lose the personal fields, O0004's lose her
    // child's and G0003's; nobody else's snapshot changes.
    const facturen = await rows('factuur');
    const jaaropgaven = await rows('jaaropgave');
    const of = (list: { ouder: string; gegevens: string }[], ouder: string) => JSON.parse(list.find((r) => r.ouder === ouder)!.gegevens);
    expect(of(facturen, 'O0001').ouder).toEqual({ code: 'O0001', naam: 'geanonimiseerd O0001', adres: null, postcode: null, plaats: null });
    expect(of(facturen, 'O0001').kinderen.K0001).toEqual({ naam: 'geanonimiseerd K0001', geboortedatum: '2024-01-01' });
    expect(of(facturen, 'O0001').gastouders.G0001.naam).toBe('Anna de Vries');
    expect(of(jaaropgaven, 'O0001').ouder).toMatchObject({ naam: 'geanonimiseerd O0001', bsn: null, geboortedatum: '1988-01-01' });
    expect(of(facturen, 'O0004').ouder.naam).toBe('Sophie Bakker'); // within the term; her child K0006 is not
    expect(of(facturen, 'O0004').kinderen.K0006.naam).toBe('geanonimiseerd K0006');
    expect(of(facturen, 'O0004').gastouders.G0003.naam).toBe('geanonimiseerd G0003');
    const text = JSON.stringify([facturen, jaaropgaven]);
    for (const gone of ['Wałęsa', 'Oudegracht', 'Ingrid Brouwer', 'Noah Bakker', '123456782']) expect(text).not.toContain(gone);
    const others = (list: { ouder: string }[]) => list.filter((r) => !['O0001', 'O0004'].includes(r.ouder));
    expect(others(facturen)).toEqual(others(snapshotsBefore[0]!));
    expect(others(jaaropgaven)).toEqual(others(snapshotsBefore[1]!));
    expect(others(facturen)).toHaveLength(3);

    // The stored bank files: the same amounts and ids, without the names, IBANs and mandates.
    const incasso = fs.readFileSync(path.join(dir, 'incasso.xml'), 'utf8');
    await run(['sepa', 'bestand', 'GOB-INC-2026-00001', '--out', 'incasso-na.xml']);
    const na = fs.readFileSync(path.join(dir, 'incasso-na.xml'), 'utf8');
    const amounts = (xml: string) => [...xml.matchAll(/<InstdAmt[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(amounts(na)).toEqual(amounts(incasso));
    expect(na).not.toMatch(/Walesa|NL70TRIO0123456789|MND-O0001/);
    expect(na).toContain('<Nm>geanonimiseerd O0001</Nm>');
    expect(na).toContain('NL61SNSB0987654321'); // O0002, within the term
    expect(na.split('\n').length).toBe(incasso.split('\n').length);

    // The file itself holds none of the removed values any more (no old page, no WAL). On
    // PostgreSQL the server's files are its own (the README advises VACUUM FULL).
    if (TEST_DIALECT === 'sqlite') {
      const bytes = fs.readFileSync(path.join(dir, 'data', 'gob.sqlite'));
      for (const gone of ['Wałęsa', 'Walesa', '123456782', 'NL70TRIO0123456789', 'Oudegracht', 'Ingrid Brouwer', 'Noah Bakker']) {
        expect(bytes.includes(Buffer.from(gone)), gone).toBe(false);
      }
      expect(bytes.includes(Buffer.from('Şahin Yılmaz'))).toBe(true);
    }

    // The log says who and what, without the removed data (the line before sepa bestand's own).
    const [bestandLog, log] = ((await json(['log', '--limit', '2'])) as { wijziging: string }[]).map((l) => l.wijziging);
    expect(bestandLog).toBe('bankbestand GOB-INC-2026-00001 opnieuw geschreven naar incasso-na.xml');
    expect(log).toMatch(
      /^bewaartermijn 7 jaar \(grens 2028-01-01\): geanonimiseerd gastouder G0003, ouder O0001, kind K0001, kind K0002, kind K0006; gewijzigd: /,
    );
    expect(log).not.toMatch(/Wałęsa|Brouwer|Bakker/);

    const heleLog = JSON.stringify(await json(['log', '--limit', '1000']));
    expect(heleLog).not.toMatch(/Wałęsa|06-99998888/);
    expect(heleLog).toContain('getekend door ouder: geanonimiseerd O0001');
    expect(heleLog).toContain('ouder O0001 gewijzigd: telefoon=\\"(gewist)\\"');
    // What her inzage lists as hers holds none of her values any more (the same rule finds both).
    await run(['inzage', '--ouder', 'O0001', '--out', 'inzage/na-O0001.json']);
    const naLog = JSON.stringify(JSON.parse(fs.readFileSync(path.join(dir, 'inzage', 'na-O0001.json'), 'utf8')).log);
    expect(naLog).toContain('getekend door ouder: geanonimiseerd O0001');
    expect(naLog).not.toMatch(/Wałęsa|06-99998888|Oudegracht|NL70TRIO0123456789/);

    // A second run finds nobody and writes nothing, not even a log line.
    const logCount = (await json(['log', '--limit', '1000'])).length;
    expect(await json(['bewaartermijn', 'check'])).toEqual([]);
    const again = await json(['bewaartermijn', 'opschonen', '--yes']);
    expect(again.geanonimiseerd).toEqual([]);
    expect(await snapshot()).toEqual(after);
    expect((await json(['log', '--limit', '1000'])).length).toBe(logCount);
  }, 60_000);

  // Each database's own triggers, in its own SQL: per run only that database's test exists (not a
  // skipped one, which the summary would count as missing).
  const none = (() => {}) as unknown as typeof it;
  const onSqlite = TEST_DIALECT === 'sqlite' ? it : none;
  const onPostgres = TEST_DIALECT === 'postgres' ? it : none;
  onSqlite('the database refuses every other change to an issued document', () => {
    const db = new SQLite(path.join(dir, 'data', 'gob.sqlite'));
    try {
      const refused = (statement: string, message: RegExp) => expect(() => db.prepare(statement).run(), statement).toThrow(message);
      const factuur = /een factuur wordt nooit gewijzigd/;
      refused(`update factuur set totaal_cent = totaal_cent + 1 where nummer = '2026-00002'`, factuur);
      refused(`update factuur set gegevens = json_set(gegevens, '$.ouder.naam', 'Piet') where nummer = '2026-00002'`, factuur);
      refused(
        `update factuur set gegevens = json_set(gegevens, '$.ouder.naam', 'geanonimiseerd O0009') where nummer = '2026-00002'`,
        factuur,
      );
      refused(`update factuur set gegevens = json_set(gegevens, '$.bureau.adres', null) where nummer = '2026-00002'`, factuur);
      refused(`update factuur set gegevens = json_set(gegevens, '$.overzicht[0].minuten', 1) where nummer = '2026-00002'`, factuur);
      refused(`update factuur set gegevens = json_set(gegevens, '$.extra', 1) where nummer = '2026-00002'`, factuur);
      refused(`update factuur set gegevens = json_remove(gegevens, '$.ouder.adres') where nummer = '2026-00002'`, factuur);
      refused(`update factuur set gegevens = json_set(gegevens, '$.ouder.naam', 'Łukasz') where nummer = '2026-00001'`, factuur);
      refused(`delete from factuur where nummer = '2026-00001'`, /een factuur wordt nooit verwijderd/);
      const jaaropgave = /een jaaropgave wordt nooit gewijzigd/;
      refused(
        `update jaaropgave set gegevens = json_set(gegevens, '$.ouder.geboortedatum', '1999-01-01') where ouder = 'O0002'`,
        jaaropgave,
      );
      refused(`update jaaropgave set gegevens = json_set(gegevens, '$.ouder.bsn', '999999999') where ouder = 'O0002'`, jaaropgave);
      refused(`update jaaropgave set totaal_cent = 1 where ouder = 'O0001'`, jaaropgave);
      const bank = /een bankbestand wordt nooit gewijzigd/;
      const inc = `where bericht_id = 'GOB-INC-2026-00001'`;
      refused(`update bankbestand set inhoud = cast(replace(cast(inhoud as text), '>985.66<', '>985.65<') as blob) ${inc}`, bank);
      refused(
        `update bankbestand set inhoud = cast(replace(cast(inhoud as text), '<Nm>geanonimiseerd O0001</Nm>', '<Nm>Piet</Nm>') as blob) ${inc}`,
        bank,
      );
      refused(
        `update bankbestand set inhoud = cast(replace(cast(inhoud as text), 'NL61SNSB0987654321', 'NL61SNSB0987654322') as blob) ${inc}`,
        bank,
      );
      refused(`update bankbestand set datum = '2020-01-01' ${inc}`, bank);
      refused(`update factuurregel set bedrag_cent = 1 where id = 1`, /een factuurregel wordt nooit gewijzigd/);

      // What anonymisation does is let through: a person's fields to their anonymised form.
      const ok = (statement: string) => {
        db.exec('begin');
        try {
          expect(db.prepare(statement).run().changes, statement).toBe(1);
        } finally {
          db.exec('rollback');
        }
      };
      ok(
        `update factuur set gegevens = json_set(gegevens, '$.ouder.naam', 'geanonimiseerd O0002', '$.ouder.adres', null) where nummer = '2026-00002'`,
      );
      ok(
        `update jaaropgave set gegevens = json_set(gegevens, '$.ouder.geboortedatum', '1990-01-01', '$.ouder.bsn', null) where ouder = 'O0002'`,
      );
      ok(
        `update bankbestand set inhoud = cast(replace(cast(inhoud as text), '<IBAN>NL61SNSB0987654321</IBAN>', '<IBAN>geanonimiseerd</IBAN>') as blob) ${inc}`,
      );
    } finally {
      db.close();
    }
  });

  onPostgres('PostgreSQL refuses every other change to an issued document too', async () => {
    const client = new pg.Client({ connectionString: await projectDatabase(dir) });
    await client.connect();
    try {
      const refused = async (statement: string, message: RegExp) => {
        await client.query('begin');
        try {
          await expect(client.query(statement), statement).rejects.toThrow(message);
        } finally {
          await client.query('rollback');
        }
      };
      const factuur = /een factuur wordt nooit gewijzigd/;
      const set = (pad: string, value: string) => `update factuur set gegevens = jsonb_set(gegevens::jsonb, '${pad}', '${value}')::text`;
      await refused(`update factuur set totaal_cent = totaal_cent + 1 where nummer = '2026-00002'`, factuur);
      await refused(`${set('{ouder,naam}', '"Piet"')} where nummer = '2026-00002'`, factuur);
      await refused(`${set('{ouder,naam}', '"geanonimiseerd O0009"')} where nummer = '2026-00002'`, factuur);
      await refused(`${set('{bureau,adres}', 'null')} where nummer = '2026-00002'`, factuur);
      await refused(`${set('{extra}', '1')} where nummer = '2026-00002'`, factuur);
      await refused(`update factuur set gegevens = (gegevens::jsonb #- '{ouder,adres}')::text where nummer = '2026-00002'`, factuur);
      await refused(`delete from factuur where nummer = '2026-00001'`, /een factuur wordt nooit verwijderd/);
      await refused(`update jaaropgave set totaal_cent = 1 where ouder = 'O0001'`, /een jaaropgave wordt nooit gewijzigd/);
      await refused(
        `update bankbestand set inhoud = convert_to(replace(convert_from(inhoud, 'UTF8'), '>985.66<', '>985.65<'), 'UTF8') where bericht_id = 'GOB-INC-2026-00001'`,
        /een bankbestand wordt nooit gewijzigd/,
      );
      await refused(`update factuurregel set bedrag_cent = 1 where id = 1`, /een factuurregel wordt nooit gewijzigd/);
      // The anonymisation itself is let through.
      await client.query('begin');
      try {
        const ok = await client.query(
          `update factuur set gegevens = jsonb_set(jsonb_set(gegevens::jsonb, '{ouder,naam}', '"geanonimiseerd O0002"'), '{ouder,adres}', 'null')::text where nummer = '2026-00002'`,
        );
        expect(ok.rowCount).toBe(1);
      } finally {
        await client.query('rollback');
      }
    } finally {
      await client.end();
    }
  });

  it('inzage of an ouder holds every invoice and payment of theirs, BSN in full, written 0600', async () => {
    const r = await run(['inzage', '--ouder', 'O0002', '--out', 'inzage/O0002.json']);
    expect(r.stdout).toMatch(/Inzage van ouder O0002 geschreven naar inzage\/O0002\.json/);
    const file = path.join(dir, 'inzage', 'O0002.json');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(doc).toMatchObject({
      soort: 'ouder',
      code: 'O0002',
      gegevens: { naam: 'Şahin Yılmaz', bsn: '111222333', iban: 'NL61SNSB0987654321' },
    });
    const facturen = (await json(['factuur', 'list', '--ouder', 'O0002'])) as { nummer: string; totaalCent: number }[];
    expect(facturen.length).toBeGreaterThan(0);
    expect(doc.facturen.map((f: { nummer: string; totaalCent: number }) => [f.nummer, f.totaalCent])).toEqual(
      facturen.map((f) => [f.nummer, f.totaalCent]),
    );
    expect(doc.facturen[0].regels.length).toBeGreaterThan(0);
    expect(doc.facturen[0].gegevens.ouder.naam).toBe('Şahin Yılmaz');
    const betalingen = (await json(['betaling', 'list'])).filter((b: { ouder: string }) => b.ouder === 'O0002');
    expect(betalingen.length).toBeGreaterThan(0);
    expect(doc.betalingen.map((b: { id: number; bedragCent: number }) => [b.id, b.bedragCent])).toEqual(
      betalingen.map((b: { id: number; bedragCent: number }) => [b.id, b.bedragCent]),
    );
    expect(doc.kinderen.map((k: { code: string }) => k.code)).toEqual(['K0003']);
    expect(doc.koppelingen.map((k: { code: string }) => k.code)).toEqual(['KP0003', 'KP0008']);
    expect(doc.jaaropgaven).toHaveLength(1);
    expect(doc.jaaropgaven[0].gegevens.ouder.bsn).toBe('111222333');
    expect(doc.bankbestanden.map((b: { berichtId: string }) => b.berichtId)).toEqual(['GOB-INC-2026-00001']);
    expect(doc.urenkaarten.length).toBeGreaterThan(0);
    expect(doc.roosters.length).toBeGreaterThan(0);

    // A gastouder's: her payouts, and her lines on others' invoices only.
    await run(['inzage', '--gastouder', 'G0001', '--out', 'inzage/G0001.json']);
    const g = JSON.parse(fs.readFileSync(path.join(dir, 'inzage', 'G0001.json'), 'utf8'));
    expect(g.uitbetalingen.length).toBeGreaterThan(0);
    expect(g.facturen.every((f: { regels: { gastouder: string }[] }) => f.regels.every((l) => l.gastouder === 'G0001'))).toBe(true);
    // Not the ouders' names, addresses or totals: those are other people's.
    expect(g.facturen[0].gegevens).toEqual({ naam: 'Anna de Vries', lrk: '111111111' });
    expect(JSON.stringify(g)).not.toMatch(/Yılmaz|Oudegracht|totaalCent/);
    expect(g.kinderen.map((k: { code: string }) => k.code)).toEqual(['K0008']);

    // Bad input: an existing file, no person, two persons, an unknown code, no --out.
    expect((await run(['inzage', '--ouder', 'O0002', '--out', 'inzage/O0002.json'], T2035, 1)).stderr).toMatch(/bestaat al/);
    expect((await run(['inzage', '--out', 'x.json'], T2035, 2)).stderr).toMatch(
      /Ontbrekende verplichte optie: --ouder of --gastouder of --kind\./,
    );
    await run(['inzage', '--ouder', 'O0002', '--kind', 'K0003', '--out', 'x.json'], T2035, 2);
    expect((await run(['inzage', '--ouder', 'O9999', '--out', 'x.json'], T2035, 1)).stderr).toMatch(/Er is geen ouder met code O9999/);
    await run(['inzage', '--ouder', 'O0002'], T2035, 2);
    expect(fs.existsSync(path.join(dir, 'x.json'))).toBe(false);
    // The log says that data was given out, not what.
    const log = (await json(['log', '--limit', '5'])).map((l: { wijziging: string }) => l.wijziging).join('\n');
    expect(log).toContain('inzage ouder O0002 geschreven naar inzage/O0002.json');
    expect(log).not.toContain('111222333');
  }, 60_000);
});
