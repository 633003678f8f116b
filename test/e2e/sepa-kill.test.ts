// Kill safety of the bank files (CONTRACT v2 §6, issue 11): the process is killed (SIGKILL, through
// GOB_TEST_STOP_AT) at every stage of `sepa incasso` and `sepa uitbetaling`. Afterwards there is
// either no booking and no file, or a booking whose file `sepa bestand` writes — the same bytes a
// normal run writes; never a file without its booking, and running again never puts the same
// invoices or payouts in a second file.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StopStage } from '../../src/commands/sepa/write.js';
import { demoBureau } from '../demo.js';
import { gob, gobProcess, tempDir } from '../helpers.js';

const STAGES: StopStage[] = ['gecontroleerd', 'geboekt', 'vastgelegd', 'geschreven'];
const COMMITTED: StopStage[] = ['vastgelegd', 'geschreven'];

const json = (r: { code: number; stdout: string; stderr: string }) => {
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};
const copy = (from: string) => {
  const to = tempDir();
  fs.cpSync(from, to, { recursive: true });
  return to;
};
/** The creation time is the clock's; everything else of a file is the same from run to run. */
const withoutClock = (xml: Buffer) => xml.toString('utf8').replace(/<CreDtTm>[^<]*<\/CreDtTm>/, '<CreDtTm/>');
const files = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((f) => f !== 'data')
    .sort();

interface Case {
  name: string;
  soort: 'incasso' | 'uitbetaling';
  today: string;
  args: string[];
  /** What a second run does when the first one's booking was committed. */
  againAfterBooking: (r: { code: number; stdout: string; stderr: string }) => void;
}

const CASES: Case[] = [
  {
    name: 'sepa incasso',
    soort: 'incasso',
    today: '2026-11-12',
    args: ['sepa', 'incasso', '--incassodatum', '2026-11-20'],
    againAfterBooking: (r) => expect(json(r)).toMatchObject({ aantal: 0, berichtId: null }),
  },
  {
    name: 'sepa uitbetaling',
    soort: 'uitbetaling',
    today: '2026-11-24',
    args: ['sepa', 'uitbetaling', '--datum', '2026-11-24'],
    againAfterBooking: (r) => {
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/sta(at|an) in GOB-UIT-2026-00001.*'gob sepa bestand GOB-UIT-2026-00001 --out <bestand>'/);
    },
  },
];

describe('a kill at any stage of a bank file', () => {
  const fixture: Record<string, string> = {};
  const normal: Record<string, Buffer> = {};
  beforeAll(async () => {
    const base = await demoBureau({ facturen: true });
    fixture['sepa incasso'] = copy(base);
    // Payouts need collected money: collect and pay out in a copy.
    const uit = copy(base);
    json(
      await gob(uit, ['sepa', 'incasso', '--incassodatum', '2026-11-20', '--out', 'incasso.xml', '--json'], { GOB_TODAY: '2026-11-12' }),
    );
    json(await gob(uit, ['uitbetaling', 'run', '--datum', '2026-11-24', '--json'], { GOB_TODAY: '2026-11-24' }));
    fs.rmSync(path.join(uit, 'incasso.xml'));
    fixture['sepa uitbetaling'] = uit;
    // What an undisturbed run writes.
    for (const c of CASES) {
      const dir = copy(fixture[c.name]!);
      json(await gob(dir, [...c.args, '--out', 'bank.xml', '--json'], { GOB_TODAY: c.today }));
      normal[c.name] = fs.readFileSync(path.join(dir, 'bank.xml'));
    }
  }, 60_000);

  for (const c of CASES) {
    it.each(STAGES)(`${c.name}, killed at %s`, async (stage) => {
      const dir = copy(fixture[c.name]!);
      const killed = gobProcess(dir, [...c.args, '--out', 'bank.xml', '--json'], { GOB_TODAY: c.today, GOB_TEST_STOP_AT: stage });
      expect(killed.code, killed.stderr).toBe(-1); // no exit code: killed by a signal
      const list = async () =>
        json(await gob(dir, ['sepa', 'list', '--json'], { GOB_TODAY: c.today })).filter((b: { soort: string }) => b.soort === c.soort);
      const stored = await list();
      const booked = COMMITTED.includes(stage);
      // Never a file under its final name without its booking, nor before the commit.
      expect(files(dir)).toEqual(stage === 'geschreven' ? ['bank.xml'] : []);
      if (!booked) {
        expect(stored).toEqual([]);
        // Nothing was booked: the run after does all of it, under the first number of the series.
        const again = json(await gob(dir, [...c.args, '--out', 'opnieuw.xml', '--json'], { GOB_TODAY: c.today }));
        expect(again.berichtId).toMatch(/-2026-00001$/);
        expect(withoutClock(fs.readFileSync(path.join(dir, 'opnieuw.xml')))).toBe(withoutClock(normal[c.name]!));
        return;
      }
      expect(stored).toHaveLength(1);
      const { berichtId } = stored[0];
      expect(berichtId).toMatch(/^GOB-(INC|UIT)-2026-00001$/);
      // Booked but never written: every SEPA command names it, with the command that writes it.
      const melding = `Let op: bankbestand ${berichtId}`;
      const lijst = await gob(dir, ['sepa', 'list'], { GOB_TODAY: c.today });
      if (stage === 'vastgelegd')
        expect(lijst.stderr).toContain(`${melding} (de ${c.soort === 'incasso' ? 'incasso' : 'overboeking'} van `);
      if (stage === 'vastgelegd')
        expect(lijst.stderr).toContain(
          `is niet geschreven (gob werd onderbroken, of kon het bestand niet schrijven). Schrijf het met 'gob sepa bestand ${berichtId} --out `,
        );
      if (stage === 'geschreven') expect(lijst.stderr).toBe('');
      expect((await gob(dir, ['sepa', 'bestand', berichtId, '--out', 'kopie.xml'], { GOB_TODAY: c.today })).code).toBe(0);
      expect((await gob(dir, ['sepa', 'list'], { GOB_TODAY: c.today })).stderr).toBe('');
      const kopie = fs.readFileSync(path.join(dir, 'kopie.xml'));
      expect(withoutClock(kopie)).toBe(withoutClock(normal[c.name]!));
      if (stage === 'geschreven') expect(fs.readFileSync(path.join(dir, 'bank.xml')).equals(kopie)).toBe(true);
      // Running the same command again never puts the same invoices or payouts in a second file.
      c.againAfterBooking(await gob(dir, [...c.args, '--out', 'opnieuw.xml', '--json'], { GOB_TODAY: c.today }));
      expect(fs.existsSync(path.join(dir, 'opnieuw.xml'))).toBe(false);
      expect(await list()).toHaveLength(1);
    });
  }
});

// A kill between the file getting its name and the mark "written" left a complete file and a
// warning that asked for `sepa bestand … --out <that path>`, which refused because the file was
// there: the way out was a second copy for the bank. Here the kill comes before the file is
// written, and the file is then put in place byte for byte, as the killed run would have.
describe('a bank file that is on disk but not marked written', () => {
  it('is recognised by its bytes: no warning, and sepa bestand to that path says so instead of refusing', async () => {
    const dir = await demoBureau({ facturen: true });
    const killed = gobProcess(dir, ['sepa', 'incasso', '--incassodatum', '2026-11-20', '--out', 'bank.xml'], {
      GOB_TODAY: '2026-11-12',
      GOB_TEST_STOP_AT: 'vastgelegd',
    });
    expect(killed.code).not.toBe(0);
    const [geboekt] = json(await gob(dir, ['sepa', 'list', '--json'], { GOB_TODAY: '2026-11-12' })) as {
      berichtId: string;
      bestand: string;
    }[];
    expect(geboekt!.berichtId).toBe('GOB-INC-2026-00001');
    expect((await gob(dir, ['sepa', 'list'], { GOB_TODAY: '2026-11-12' })).stderr).toMatch(/is niet geschreven/);
    // The file as the killed run would have written it: the stored bytes (sepa bestand would mark it).
    const db = new SQLite(path.join(dir, 'data', 'gob.sqlite'));
    const { inhoud } = db.prepare('select inhoud from bankbestand where bericht_id = ?').get('GOB-INC-2026-00001') as { inhoud: Buffer };
    db.close();
    fs.writeFileSync(path.join(dir, 'bank.xml'), inhoud);
    const again = await gob(dir, ['sepa', 'bestand', 'GOB-INC-2026-00001', '--out', 'bank.xml'], { GOB_TODAY: '2026-11-12' });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/staat al volledig in bank\.xml \(gelijk aan de boeking\)/);
    expect((await gob(dir, ['sepa', 'list'], { GOB_TODAY: '2026-11-12' })).stderr).not.toMatch(/is niet geschreven/);
  }, 30_000);

  it('a file at that path with other bytes still counts as not written', async () => {
    const dir = await demoBureau({ facturen: true });
    gobProcess(dir, ['sepa', 'incasso', '--incassodatum', '2026-11-20', '--out', 'bank.xml'], {
      GOB_TODAY: '2026-11-12',
      GOB_TEST_STOP_AT: 'vastgelegd',
    });
    fs.writeFileSync(path.join(dir, 'bank.xml'), '<half');
    expect((await gob(dir, ['sepa', 'list'], { GOB_TODAY: '2026-11-12' })).stderr).toMatch(/GOB-INC-2026-00001.*is niet geschreven/);
    expect((await gob(dir, ['sepa', 'bestand', 'GOB-INC-2026-00001', '--out', 'bank.xml'], { GOB_TODAY: '2026-11-12' })).code).toBe(1);
  }, 30_000);
});

describe('a Ctrl-C while a command is busy', () => {
  it('ends it before the commit: exit 130, "afgebroken", nothing booked and no file', async () => {
    const dir = await demoBureau({ facturen: true });
    // The signal arrives while the booking is being made (synchronous work), as a user's Ctrl-C does.
    const r = gobProcess(dir, ['sepa', 'incasso', '--incassodatum', '2026-11-20', '--out', 'bank.xml'], {
      GOB_TODAY: '2026-11-12',
      GOB_TEST_SIGINT_AT: 'geboekt',
    });
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toMatch(/afgebroken/i);
    expect(json(await gob(dir, ['sepa', 'list', '--json'], { GOB_TODAY: '2026-11-12' }))).toEqual([]);
    expect(files(dir)).toEqual([]);
    // Nothing half: the same command completes afterwards, under the first number.
    const again = json(
      await gob(dir, ['sepa', 'incasso', '--incassodatum', '2026-11-20', '--out', 'bank.xml', '--json'], { GOB_TODAY: '2026-11-12' }),
    );
    expect(again.berichtId).toBe('GOB-INC-2026-00001');
  }, 30_000);
});
