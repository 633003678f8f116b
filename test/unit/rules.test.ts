import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import { checkDays, checkRooster, type DaySlot, type RuleChild, type RuleGastouder, type WeeklySlot } from '../../src/domain/rules.js';

const G: RuleGastouder = { code: 'G1', achterwacht: true, slaapruimte: true, ervaringSinds: '2010-01-01', beginnerMax: 0 };
const DATE = '2026-11-23'; // a Monday

function kids(n: number, geboortedatum: string, prefix = 'K'): RuleChild[] {
  return Array.from({ length: n }, (_, i) => ({ code: `${prefix}${i + 1}`, geboortedatum, eigen: false }));
}
function allDay(children: RuleChild[], datum = DATE, van = '08:00', tot = '17:00'): DaySlot[] {
  return children.filter((c) => !c.eigen).map((c) => ({ kind: c.code, datum, van, tot }));
}
function rules(g: RuleGastouder, children: RuleChild[], slots: DaySlot[], own: WeeklySlot[] = []) {
  return checkDays(g, children, slots, own).map((v) => v.regel);
}

describe('max-totaal: more than 6 children', () => {
  it.each([
    [6, []],
    [7, ['max-totaal']],
  ])('%i five-year-olds → %j', (n, expected) => {
    const c = kids(n as number, '2021-01-01');
    expect(rules(G, c, allDay(c))).toEqual(expected);
  });
  it('reports count, maximum, window and children', async () => {
    const c = kids(7, '2021-01-01');
    expect(checkDays(G, c, allDay(c), [])).toEqual([
      {
        gastouder: 'G1',
        datum: DATE,
        dag: 'ma',
        van: '08:00',
        tot: '17:00',
        regel: 'max-totaal',
        aantal: 7,
        maximum: 6,
        kinderen: c.map((k) => k.code),
      },
    ]);
  });
});

describe('age limits at their birthdays', () => {
  it('max-onder-4: six under 4; one turning 4 on the date itself no longer counts', async () => {
    const five = kids(5, '2023-06-01');
    const sixth = { code: 'X', geboortedatum: '2022-11-23', eigen: false };
    expect(rules(G, [...five, sixth], allDay([...five, sixth]))).toEqual([]);
    const dayBefore = { ...sixth, geboortedatum: '2022-11-24' };
    expect(rules(G, [...five, dayBefore], allDay([...five, dayBefore]))).toEqual(['max-onder-4']);
  });
  it('max-onder-2: five under 2 (while four under 4 is fine)', async () => {
    const c = kids(5, '2025-06-01');
    expect(rules(G, c, allDay(c))).toEqual(['max-onder-2']);
    expect(rules(G, c.slice(0, 4), allDay(c.slice(0, 4)))).toEqual([]);
  });
  it('max-onder-1: three under 1; the first birthday ends it', async () => {
    const c = [...kids(2, '2026-03-01'), { code: 'B', geboortedatum: '2025-11-24', eigen: false }];
    expect(rules(G, c, allDay(c))).toEqual(['max-onder-1']);
    c[2] = { code: 'B', geboortedatum: '2025-11-23', eigen: false };
    expect(rules(G, c, allDay(c))).toEqual([]);
  });
  it('born 29 February: a year older on 1 March in other years', async () => {
    const c = [...kids(2, '2024-12-01'), { code: 'F', geboortedatum: '2024-02-29', eigen: false }];
    expect(rules(G, c, allDay(c, '2025-02-28'))).toEqual(['max-onder-1']);
    expect(rules(G, c, allDay(c, '2025-03-01'))).toEqual([]);
  });
  it('leeftijd: a guest child of 13 on its birthday, not the day before', async () => {
    const teen = (geboortedatum: string) => [{ code: 'T', geboortedatum, eigen: false }];
    expect(rules(G, teen('2013-11-23'), allDay(teen('2013-11-23')))).toEqual(['leeftijd']);
    expect(rules(G, teen('2013-11-24'), allDay(teen('2013-11-24')))).toEqual([]);
  });
});

describe('slaapruimte: under 18 months without a sleeping room', () => {
  const noRoom = { ...G, slaapruimte: false };
  it.each([
    ['2025-05-24', ['slaapruimte']], // 17 months and 30 days
    ['2025-05-23', []], // 18 months that day
  ])('born %s → %j', (born, expected) => {
    const c = [{ code: 'B', geboortedatum: born, eigen: false }];
    expect(rules(noRoom, c, allDay(c))).toEqual(expected);
  });
  it('18 months after 31 August is 1 March (February is too short)', async () => {
    const c = [{ code: 'B', geboortedatum: '2024-08-31', eigen: false }];
    expect(rules(noRoom, c, allDay(c, '2026-02-28'))).toEqual(['slaapruimte']);
    expect(rules(noRoom, c, allDay(c, '2026-03-01'))).toEqual([]);
  });
  it('is fine with a sleeping room', async () => {
    const c = [{ code: 'B', geboortedatum: '2026-06-01', eigen: false }];
    expect(rules(G, c, allDay(c))).toEqual([]);
  });
  it.each([
    ['at the ouder’s home', [true], []],
    ['at the gastouder’s', [false], ['slaapruimte']],
    ['one baby at the ouder’s home, one at the gastouder’s', [true, false], ['slaapruimte']],
  ] as const)('%s → %j (the sleeping room at the ouder’s home is the ouder’s)', (_, bijOuder, expected) => {
    const c = bijOuder.map((_, i) => ({ code: `B${i + 1}`, geboortedatum: '2026-06-01', eigen: false }));
    const slots = allDay(c).map((s, i) => ({ ...s, bijOuder: bijOuder[i] }));
    expect(rules(noRoom, c, slots)).toEqual(expected);
    const weekly = c.map((k, i) => ({
      kind: k.code,
      dag: 'ma' as const,
      van: '08:00',
      tot: '17:00',
      vanaf: DATE,
      totEnMet: DATE,
      bijOuder: bijOuder[i],
    }));
    expect(checkRooster(noRoom, c, weekly, DATE, DATE).map((v) => v.regel)).toEqual(expected);
  });
  it('care at the ouder’s home still counts for the other limits', async () => {
    const c = kids(3, '2026-06-01');
    const slots = allDay(c).map((s) => ({ ...s, bijOuder: true }));
    expect(checkDays(noRoom, c, slots, []).map((v) => [v.regel, v.aantal])).toEqual([['max-onder-1', 3]]);
  });
});

describe('achterwacht from 4 children', () => {
  const alone = { ...G, achterwacht: false };
  it.each([
    [3, []],
    [4, ['achterwacht']],
  ])('%i children without achterwacht → %j', (n, expected) => {
    const c = kids(n as number, '2020-01-01');
    expect(rules(alone, c, allDay(c))).toEqual(expected);
  });
  it('4 children with achterwacht is fine', async () => {
    const c = kids(4, '2020-01-01');
    expect(rules(G, c, allDay(c))).toEqual([]);
  });
});

describe('half-open slots', () => {
  it('12:00–12:00: a child leaving at 12:00 and one arriving at 12:00 do not overlap', async () => {
    const morning = kids(4, '2020-01-01', 'M');
    const afternoon = kids(3, '2020-01-01', 'A');
    const slots = [...allDay(morning, DATE, '08:00', '12:00'), ...allDay(afternoon, DATE, '12:00', '17:00')];
    expect(rules(G, [...morning, ...afternoon], slots)).toEqual([]);
    const late = [...allDay(morning, DATE, '08:00', '12:01'), ...allDay(afternoon, DATE, '12:00', '17:00')];
    expect(checkDays(G, [...morning, ...afternoon], late, [])).toMatchObject([
      { regel: 'max-totaal', van: '12:00', tot: '12:01', aantal: 7 },
    ]);
  });
});

describe('own children', () => {
  const six = kids(6, '2020-01-01');
  it('an own child under 10 without a rooster counts during all care', async () => {
    const own = { code: 'E', geboortedatum: '2017-11-24', eigen: true };
    expect(checkDays(G, [...six, own], allDay(six), [])).toMatchObject([{ regel: 'max-totaal', aantal: 7, van: '08:00', tot: '17:00' }]);
  });
  it('from its 10th birthday it no longer counts', async () => {
    const own = { code: 'E', geboortedatum: '2016-11-23', eigen: true };
    expect(rules(G, [...six, own], allDay(six))).toEqual([]);
  });
  it('with rooster entries of its own, it counts only during those', async () => {
    const own = { code: 'E', geboortedatum: '2019-01-01', eigen: true };
    const ownSlot: WeeklySlot = { kind: 'E', dag: 'ma', van: '15:00', tot: '18:00', vanaf: '2026-01-01', totEnMet: null };
    expect(checkDays(G, [...six, own], allDay(six), [ownSlot])).toMatchObject([{ regel: 'max-totaal', van: '15:00', tot: '17:00' }]);
  });
  it('alone, without guest children, is no care to check', async () => {
    const own = { code: 'E', geboortedatum: '2026-01-01', eigen: true };
    expect(rules({ ...G, slaapruimte: false }, [own], [])).toEqual([]);
  });
  it('a guest child of 13 counts as leeftijd; an own child of 13 does not count at all', async () => {
    const own = { code: 'E', geboortedatum: '2010-01-01', eigen: true };
    expect(rules(G, [...six, own], allDay(six))).toEqual([]);
  });
});

describe('beginner: fewer than 6 months of experience', () => {
  const beginner = { ...G, ervaringSinds: '2026-05-23', beginnerMax: 3 };
  const four = kids(4, '2020-01-01');
  it('applies the day before six months of experience, not on the day', async () => {
    expect(rules(beginner, four, allDay(four, '2026-11-22'))).toEqual(['beginner']);
    expect(rules(beginner, four, allDay(four, '2026-11-23'))).toEqual([]);
  });
  it('an empty ervaring-sinds is a beginner; beginner-max 0 switches the rule off', async () => {
    expect(rules({ ...beginner, ervaringSinds: null }, four, allDay(four))).toEqual(['beginner']);
    expect(rules({ ...beginner, ervaringSinds: null, beginnerMax: 0 }, four, allDay(four))).toEqual([]);
  });
});

describe('checkRooster over date ranges', () => {
  const weekly = (children: RuleChild[], dag: WeeklySlot['dag'], vanaf = '2026-01-01'): WeeklySlot[] =>
    children.map((c) => ({ kind: c.code, dag, van: '08:00', tot: '17:00', vanaf, totEnMet: null }));
  it('reports a weekly violation once, from its first to its last date', async () => {
    const c = kids(7, '2020-01-01');
    const v = checkRooster(G, c, weekly(c, 'wo'), '2026-11-23', '2027-11-22');
    expect(v).toEqual([
      expect.objectContaining({ regel: 'max-totaal', dag: 'wo', datum: '2026-11-25', totDatum: '2027-11-17', aantal: 7 }),
    ]);
  });
  it('splits where a birthday changes the outcome', async () => {
    const c = [...kids(5, '2023-06-01'), { code: 'X', geboortedatum: '2022-12-10', eigen: false }];
    const v = checkRooster(G, c, weekly(c, 'ma'), '2026-11-23', '2027-11-22');
    // Under 4 until 2026-12-10: six under 4 on the Mondays 23 Nov, 30 Nov and 7 Dec.
    expect(v).toEqual([expect.objectContaining({ regel: 'max-onder-4', datum: '2026-11-23', totDatum: '2026-12-07' })]);
  });
  it('merges across segments that do not change the violation', async () => {
    const c = [...kids(7, '2021-01-01'), { code: 'Y', geboortedatum: '2025-01-15', eigen: false }];
    const slots = weekly(c.slice(0, 7), 'di');
    const v = checkRooster(G, c, slots, '2026-11-23', '2027-11-22');
    // Y turns 2 on 2027-01-15 (a segment boundary) but is not present: one violation.
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ datum: '2026-11-24', totDatum: '2027-11-16' });
  });
  it('open-ended: from the start onward, with no last date', async () => {
    const c = kids(7, '2020-01-01');
    const v = checkRooster(G, c, weekly(c, 'vr'), '2026-11-23', null);
    expect(v[0]).toMatchObject({ regel: 'max-totaal', datum: '2026-11-27', totDatum: null });
    // Still there when they turn 13 in 2033, when leeftijd joins it.
    expect(v[1]).toMatchObject({ regel: 'leeftijd', datum: '2033-01-07', totDatum: null });
  });
  it('respects a slot’s vanaf and tot-en-met', async () => {
    const c = kids(7, '2020-01-01');
    const slots = weekly(c, 'do').map((s, i) => (i === 6 ? { ...s, vanaf: '2027-02-01', totEnMet: '2027-03-31' } : s));
    expect(checkRooster(G, c, slots, '2026-11-23', '2027-11-22')).toEqual([
      expect.objectContaining({ datum: '2027-02-04', totDatum: '2027-03-25' }),
    ]);
  });
  it('a guest child turning 13 during an open koppeling is found years ahead', async () => {
    const c = [{ code: 'T', geboortedatum: '2016-03-10', eigen: false }];
    expect(checkRooster(G, c, weekly(c, 'ma'), '2026-11-23', null)).toEqual([
      expect.objectContaining({ regel: 'leeftijd', datum: '2029-03-12', totDatum: null }),
    ]);
  });
});

describe('property: presence is monotone', () => {
  const child = fc.record({
    geboortedatum: fc.constantFrom('2012-06-01', '2016-01-01', '2020-05-05', '2023-02-01', '2025-02-28', '2025-08-15', '2026-05-01'),
    eigen: fc.boolean(),
  });
  const slot = fc.record({ kind: fc.nat(9), van: fc.integer({ min: 6, max: 18 }), len: fc.integer({ min: 1, max: 8 }) });
  const gastouder = fc.record({
    achterwacht: fc.boolean(),
    slaapruimte: fc.boolean(),
    beginnerMax: fc.constantFrom(0, 2, 3),
    ervaringSinds: fc.constantFrom(null, '2026-08-01', '2015-01-01'),
  });
  // The set of (minute, rule) points at which a violation holds.
  function points(g: RuleGastouder, children: RuleChild[], slots: DaySlot[], own: WeeklySlot[]): Set<string> {
    const set = new Set<string>();
    for (const v of checkDays(g, children, slots, own)) {
      const [vh, vm] = v.van.split(':').map(Number);
      const [th, tm] = v.tot.split(':').map(Number);
      for (let m = vh! * 60 + vm!; m < th! * 60 + tm!; m += 15) set.add(`${m}|${v.regel}`);
    }
    return set;
  }
  it('adding a child’s presence never removes a violation, removing one never adds one', async () => {
    fc.assert(
      fc.property(
        gastouder,
        fc.array(child, { minLength: 1, maxLength: 10 }),
        fc.array(slot, { maxLength: 14 }),
        slot,
        (gx, cs, ss, extra) => {
          const g: RuleGastouder = { code: 'G', ...gx };
          const children = cs.map((c, i) => ({ code: `K${i}`, ...c }));
          const toSlot = (s: { kind: number; van: number; len: number }) => {
            const kind = children[s.kind % children.length]!;
            const tot = Math.min(24, s.van + s.len);
            return {
              kind: kind.code,
              eigen: kind.eigen,
              van: `${String(s.van).padStart(2, '0')}:00`,
              tot: `${String(tot).padStart(2, '0')}:00`,
            };
          };
          const split = (list: ReturnType<typeof toSlot>[]) => ({
            day: list.filter((s) => !s.eigen).map((s) => ({ kind: s.kind, datum: DATE, van: s.van, tot: s.tot })),
            own: list
              .filter((s) => s.eigen)
              .map((s) => ({ kind: s.kind, dag: 'ma' as const, van: s.van, tot: s.tot, vanaf: '2026-01-01', totEnMet: null })),
          });
          const base = ss.map(toSlot);
          const added = toSlot(extra);
          // An own child's first own slot replaces "present during all care": not an addition.
          if (added.eigen && !base.some((s) => s.kind === added.kind)) return;
          const before = split(base);
          const after = split([...base, added]);
          const p0 = points(g, children, before.day, before.own);
          const p1 = points(g, children, after.day, after.own);
          for (const p of p0) expect(p1.has(p)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('a long range stays cheap', () => {
  it('evaluates per segment, not per day: 50 years is as fast as one', async () => {
    const c = kids(7, '2020-01-01');
    const slots = c.map((k) => ({ kind: k.code, dag: 'ma' as const, van: '08:00', tot: '17:00', vanaf: '2026-01-01', totEnMet: null }));
    const v = checkRooster(G, c, slots, '2026-01-01', addDays('2026-01-01', 365 * 50));
    expect(v.length).toBeLessThan(5);
  });
});
