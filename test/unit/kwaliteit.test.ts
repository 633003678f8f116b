// The quality duties of CONTRACT §10 at their boundaries: due exactly today is `binnenkort`, a day
// later `te-laat`; 30 days ahead `binnenkort`, 31 `ok` (unless --tot reaches it).
import { describe, expect, it } from 'vitest';
import {
  achttienOp,
  huisbezoekDeadlines,
  type KwaliteitBezoek,
  type KwaliteitInvoer,
  type Plicht,
  type PlichtRij,
  plichten,
  sorteerPerGastouder,
  statusOf,
} from '../../src/domain/kwaliteit.js';

/** A gastouder in order on 2026-11-23 apart from what a test changes: everything valid well ahead. */
const basis = (today: string, over: Partial<KwaliteitInvoer> = {}): KwaliteitInvoer => ({
  gastouder: {
    code: 'G0001',
    ehboTot: '2028-01-01',
    vogDatum: '2020-01-01',
    diploma: 'MBO 3 PW',
    verzekeringTot: '2028-01-01',
    prk: true,
    start: null,
  },
  huisgenoten: [],
  bezoeken: [
    { soort: 'huisbezoek', datum: `${today.slice(0, 4)}-01-10`, koppeling: null },
    { soort: 'huisbezoek', datum: `${today.slice(0, 4)}-01-11`, koppeling: null },
    { soort: 'risico-inventarisatie', datum: today, koppeling: null },
    { soort: 'evaluatie', datum: today, koppeling: 'KP0001' },
  ],
  koppelingen: [{ code: 'KP0001', start: '2020-01-01', eind: null }],
  beleid: { huisbezoekenPerJaar: 2, evaluatiesPerJaar: 1 },
  today,
  ...over,
});
const rij = (rows: PlichtRij[], plicht: Plicht, wie: string | null = null) => {
  const found = rows.filter((r) => r.plicht === plicht && (wie === null || r.koppeling === wie || r.huisgenoot === wie));
  expect(found, `${plicht} ${wie ?? ''}`).toHaveLength(1);
  return found[0]!;
};
const status = (input: KwaliteitInvoer, plicht: Plicht, wie: string | null = null) => {
  const r = rij(plichten(input), plicht, wie);
  return [r.laatste, r.uiterlijk, r.status];
};
const met = (today: string, bezoeken: KwaliteitBezoek[], over: Partial<KwaliteitInvoer> = {}) => {
  const b = basis(today, over);
  return {
    ...b,
    bezoeken: [...b.bezoeken.filter((x) => !bezoeken.some((n) => n.soort === x.soort && n.koppeling === x.koppeling)), ...bezoeken],
  };
};

describe('statusOf', () => {
  it.each([
    ['2026-11-23', undefined, 'binnenkort'],
    ['2026-11-22', undefined, 'te-laat'],
    ['2026-12-23', undefined, 'binnenkort'], // 30 days ahead
    ['2026-12-24', undefined, 'ok'],
    ['2027-03-01', '2027-03-01', 'binnenkort'], // --tot reaches it
    ['2027-03-02', '2027-03-01', 'ok'],
    [null, undefined, 'ok'],
  ] as const)('due %s (tot %s): %s', (uiterlijk, tot, expected) => {
    const today = '2026-11-23';
    const grens = tot && tot > '2026-12-23' ? tot : '2026-12-23';
    expect(statusOf(uiterlijk, today, grens)).toBe(expected);
  });
});

describe('every duty in order', () => {
  it('a gastouder with everything done has only ok rows, in the order of §10', () => {
    const rows = plichten(basis('2026-11-23'));
    expect(rows.map((r) => [r.plicht, r.status])).toEqual([
      ['huisbezoek', 'ok'],
      ['risico-inventarisatie', 'ok'],
      ['evaluatie', 'ok'],
      ['ehbo', 'ok'],
      ['vog', 'ok'],
      ['prk', 'ok'],
      ['diploma', 'ok'],
      ['verzekering', 'ok'],
    ]);
    // The proefperiode of a koppeling evaluated after its window is not checked.
    expect(rows.some((r) => r.plicht === 'proefperiode')).toBe(false);
  });

  it('without an active koppeling nothing is checked', () => {
    expect(plichten(basis('2026-11-23', { koppelingen: [{ code: 'KP0001', start: '2020-01-01', eind: '2026-11-22' }] }))).toEqual([]);
    // Ending today is still active.
    expect(plichten(basis('2026-11-23', { koppelingen: [{ code: 'KP0001', start: '2020-01-01', eind: '2026-11-23' }] }))).not.toEqual([]);
    // Starting after the look-ahead: not yet.
    expect(plichten(basis('2026-11-23', { koppelingen: [{ code: 'KP0001', start: '2026-12-24', eind: null }] }))).toEqual([]);
  });

  it('one who starts next month: only risico-inventarisatie, VOG and EHBO, due on her first day', () => {
    const input = basis('2026-11-23', {
      gastouder: { code: 'G0001', ehboTot: null, vogDatum: null, diploma: null, verzekeringTot: null, prk: false, start: '2026-12-01' },
      bezoeken: [],
      koppelingen: [{ code: 'KP0001', start: '2026-12-01', eind: null }],
      huisgenoten: [{ naam: 'Piet', geboortedatum: '1970-01-01', vogDatum: null, prk: false }],
    });
    expect(plichten(input).map((r) => [r.plicht, r.huisgenoot, r.uiterlijk, r.status])).toEqual([
      ['risico-inventarisatie', null, '2026-12-01', 'binnenkort'],
      ['ehbo', null, '2026-12-01', 'binnenkort'],
      ['vog', null, '2026-12-01', 'binnenkort'],
      ['vog', 'Piet', '2026-12-01', 'binnenkort'],
    ]);
    // An EHBO that expired before she starts is due again on her first day, not in the past.
    const verlopen = { ...input, gastouder: { ...input.gastouder, ehboTot: '2026-06-30' } };
    expect(status(verlopen, 'ehbo')).toEqual([null, '2026-12-01', 'binnenkort']);
    // With --tot past her start, a koppeling starting in two months is checked too.
    const later = { ...input, koppelingen: [{ code: 'KP0001', start: '2027-01-20', eind: null }] };
    expect(plichten(later)).toEqual([]);
    expect(status({ ...later, tot: '2027-01-31' }, 'risico-inventarisatie')).toEqual([null, '2027-01-20', 'binnenkort']);
  });
});

describe('huisbezoek: N per calendar year, spread', () => {
  it('deadlines: 2 a year on 30 June and 31 December; a start in October owes one', () => {
    expect(huisbezoekDeadlines(2026, 2, '2020-01-01')).toEqual(['2026-06-30', '2026-12-31']);
    expect(huisbezoekDeadlines(2026, 1, '2020-01-01')).toEqual(['2026-12-31']);
    expect(huisbezoekDeadlines(2026, 3, '2020-01-01')).toEqual(['2026-04-30', '2026-08-31', '2026-12-31']);
    expect(huisbezoekDeadlines(2026, 2, '2026-10-01')).toEqual(['2026-12-31']);
    expect(huisbezoekDeadlines(2026, 2, '2026-06-30')).toEqual(['2026-06-30', '2026-12-31']);
  });

  it.each([
    // today, visits this year, expected [laatste, uiterlijk, status]
    ['2026-06-30', [], [null, '2026-06-30', 'binnenkort']],
    ['2026-07-01', [], [null, '2026-06-30', 'te-laat']],
    ['2026-07-01', ['2026-03-01'], ['2026-03-01', '2026-12-31', 'ok']],
    ['2026-12-01', ['2026-03-01'], ['2026-03-01', '2026-12-31', 'binnenkort']],
    ['2026-12-01', ['2026-03-01', '2026-11-01'], ['2026-11-01', '2027-06-30', 'ok']],
    // Last year's visits do not count for this year.
    ['2027-07-01', ['2026-03-01', '2026-11-01'], ['2026-11-01', '2027-06-30', 'te-laat']],
  ] as const)('on %s with visits %j', (today, datums, expected) => {
    const input = {
      ...basis(today),
      bezoeken: [
        ...basis(today).bezoeken.filter((b) => b.soort !== 'huisbezoek'),
        ...datums.map((datum) => ({ soort: 'huisbezoek' as const, datum, koppeling: null })),
      ],
    };
    expect(status(input, 'huisbezoek')).toEqual(expected);
  });

  it('a bureau asking 0 visits has no huisbezoek duty', () => {
    expect(
      plichten(basis('2026-11-23', { beleid: { huisbezoekenPerJaar: 0, evaluatiesPerJaar: 1 } })).some((r) => r.plicht === 'huisbezoek'),
    ).toBe(false);
  });
});

describe('risico-inventarisatie: within 12 months of the last one', () => {
  const ri = (datum: string) => [{ soort: 'risico-inventarisatie' as const, datum, koppeling: null }];
  it.each([
    ['2026-11-23', '2025-11-23', 'binnenkort'],
    ['2026-11-24', '2025-11-23', 'te-laat'],
    ['2026-10-24', '2025-11-23', 'binnenkort'],
    ['2026-10-23', '2025-11-23', 'ok'],
    // 29 February + 12 months: 28 February.
    ['2025-02-28', '2024-02-29', 'binnenkort'],
    ['2025-03-01', '2024-02-29', 'te-laat'],
  ] as const)('on %s, last on %s: %s', (today, laatste, expected) => {
    expect(status(met(today, ri(laatste)), 'risico-inventarisatie')[2]).toBe(expected);
  });
  it('never done: due on the first day of care', () => {
    const input = { ...basis('2026-11-23'), bezoeken: basis('2026-11-23').bezoeken.filter((b) => b.soort !== 'risico-inventarisatie') };
    expect(status(input, 'risico-inventarisatie')).toEqual([null, '2020-01-01', 'te-laat']);
  });
});

describe('evaluatie and proefperiode of a koppeling', () => {
  const koppeling = (start: string, eind: string | null = null) => ({ koppelingen: [{ code: 'KP0001', start, eind }] });
  const zonderEvaluatie = (today: string, start: string, over: Partial<KwaliteitInvoer> = {}) => {
    const b = basis(today, { ...koppeling(start), ...over });
    return { ...b, bezoeken: b.bezoeken.filter((x) => x.soort !== 'evaluatie') };
  };

  it('started 31 January: the proefperiode runs 28 February to 31 March; the yearly evaluation by 31 January', () => {
    expect(status(zonderEvaluatie('2026-03-31', '2026-01-31'), 'proefperiode', 'KP0001')).toEqual([null, '2026-03-31', 'binnenkort']);
    expect(status(zonderEvaluatie('2026-04-01', '2026-01-31'), 'proefperiode', 'KP0001')).toEqual([null, '2026-03-31', 'te-laat']);
    const inVenster = (datum: string) => {
      const b = zonderEvaluatie('2026-04-01', '2026-01-31');
      return { ...b, bezoeken: [...b.bezoeken, { soort: 'evaluatie' as const, datum, koppeling: 'KP0001' }] };
    };
    expect(status(inVenster('2026-02-28'), 'proefperiode', 'KP0001')).toEqual(['2026-02-28', null, 'ok']);
    // Too early (before one month) does not count for the proefperiode, but does for the yearly one.
    expect(status(inVenster('2026-02-27'), 'proefperiode', 'KP0001')).toEqual([null, '2026-03-31', 'te-laat']);
    expect(status(inVenster('2026-02-27'), 'evaluatie', 'KP0001')).toEqual(['2026-02-27', '2027-02-27', 'ok']);
    // A later evaluation: the proefperiode is no longer checked.
    expect(plichten(inVenster('2026-04-01')).some((r) => r.plicht === 'proefperiode')).toBe(false);
    expect(status(zonderEvaluatie('2027-01-31', '2026-01-31'), 'evaluatie', 'KP0001')).toEqual([null, '2027-01-31', 'binnenkort']);
    expect(status(zonderEvaluatie('2027-02-01', '2026-01-31'), 'evaluatie', 'KP0001')).toEqual([null, '2027-01-31', 'te-laat']);
  });

  it('twice a year: within 6 months of the last one (31 January → 31 July; 31 August → 28 February)', () => {
    const beleid = { huisbezoekenPerJaar: 2, evaluatiesPerJaar: 2 };
    expect(status(zonderEvaluatie('2026-07-31', '2026-01-31', { beleid }), 'evaluatie', 'KP0001')).toEqual([
      null,
      '2026-07-31',
      'binnenkort',
    ]);
    expect(status(zonderEvaluatie('2026-08-01', '2026-01-31', { beleid }), 'evaluatie', 'KP0001')[2]).toBe('te-laat');
    const b = zonderEvaluatie('2027-03-01', '2026-01-31', { beleid });
    const input = { ...b, bezoeken: [...b.bezoeken, { soort: 'evaluatie' as const, datum: '2026-08-31', koppeling: 'KP0001' }] };
    expect(status(input, 'evaluatie', 'KP0001')).toEqual(['2026-08-31', '2027-02-28', 'te-laat']);
  });

  it('an evaluation of another koppeling does not count; a koppeling ending before the deadline owes none', () => {
    const b = zonderEvaluatie('2027-02-01', '2026-01-31');
    const ander = { ...b, bezoeken: [...b.bezoeken, { soort: 'evaluatie' as const, datum: '2026-12-01', koppeling: 'KP0002' }] };
    expect(status(ander, 'evaluatie', 'KP0001')[2]).toBe('te-laat');
    const eindigt = zonderEvaluatie('2026-12-01', '2026-01-31', koppeling('2026-01-31', '2027-01-30'));
    const rows = plichten({ ...eindigt, bezoeken: eindigt.bezoeken.filter((x) => x.soort !== 'evaluatie') });
    expect(rows.some((r) => r.plicht === 'evaluatie')).toBe(false);
  });
});

describe('voortgangsgesprek: within 6 months of her start, for a start in the last 12 months', () => {
  const metStart = (today: string, start: string | null, gesprekken: string[] = []) => {
    const b = basis(today);
    return {
      ...b,
      gastouder: { ...b.gastouder, start },
      bezoeken: [...b.bezoeken, ...gesprekken.map((datum) => ({ soort: 'voortgangsgesprek' as const, datum, koppeling: null }))],
    };
  };
  it.each([
    ['2026-08-31', '2026-02-28', [], [null, '2026-08-28', 'te-laat']],
    ['2026-08-28', '2026-02-28', [], [null, '2026-08-28', 'binnenkort']],
    ['2026-08-28', '2026-02-28', ['2026-05-01'], ['2026-05-01', null, 'ok']],
    ['2026-08-28', '2026-02-28', ['2026-02-01'], [null, '2026-08-28', 'binnenkort']],
    ['2027-02-28', '2026-02-28', [], [null, '2026-08-28', 'te-laat']],
  ] as const)('on %s, start %s, gesprekken %j', (today, start, gesprekken, expected) => {
    expect(status(metStart(today, start, [...gesprekken]), 'voortgangsgesprek')).toEqual(expected);
  });
  it('not checked a year after her start, nor when her start is unknown', () => {
    expect(plichten(metStart('2027-03-01', '2026-02-28')).some((r) => r.plicht === 'voortgangsgesprek')).toBe(false);
    expect(plichten(metStart('2026-03-01', null)).some((r) => r.plicht === 'voortgangsgesprek')).toBe(false);
  });
});

describe('certificates: EHBO, verzekering, diploma, prk, VOG', () => {
  const g = (today: string, over: Partial<KwaliteitInvoer['gastouder']>) => {
    const b = basis(today);
    return { ...b, gastouder: { ...b.gastouder, ...over } };
  };
  it('EHBO valid until today is valid today (binnenkort), te-laat the day after', () => {
    expect(status(g('2026-11-23', { ehboTot: '2026-11-23' }), 'ehbo')).toEqual([null, '2026-11-23', 'binnenkort']);
    expect(status(g('2026-11-24', { ehboTot: '2026-11-23' }), 'ehbo')).toEqual([null, '2026-11-23', 'te-laat']);
    expect(status(g('2026-11-23', { ehboTot: '2026-12-24' }), 'ehbo')[2]).toBe('ok');
    expect(status(g('2026-11-23', { ehboTot: null }), 'ehbo')).toEqual([null, '2020-01-01', 'te-laat']);
  });
  it('verzekering the same way; diploma and prk present or not', () => {
    expect(status(g('2026-11-23', { verzekeringTot: '2026-11-23' }), 'verzekering')[2]).toBe('binnenkort');
    expect(status(g('2026-11-24', { verzekeringTot: '2026-11-23' }), 'verzekering')[2]).toBe('te-laat');
    expect(status(g('2026-11-23', { diploma: null }), 'diploma')).toEqual([null, '2020-01-01', 'te-laat']);
    expect(status(g('2026-11-23', { diploma: '  ' }), 'diploma')[2]).toBe('te-laat');
    expect(status(g('2026-11-23', { prk: false }), 'prk')).toEqual([null, '2020-01-01', 'te-laat']);
    // Care that starts today: due today, binnenkort.
    const vandaag = { ...g('2026-11-23', { diploma: null }), koppelingen: [{ code: 'KP0001', start: '2026-11-23', eind: null }] };
    expect(status(vandaag, 'diploma')).toEqual([null, '2026-11-23', 'binnenkort']);
  });
  it('a VOG, once present, counts (continuous screening)', () => {
    expect(status(g('2026-11-23', { vogDatum: '2001-05-01' }), 'vog')).toEqual(['2001-05-01', null, 'ok']);
    expect(status(g('2026-11-23', { vogDatum: null }), 'vog')).toEqual([null, '2020-01-01', 'te-laat']);
  });
});

describe('huisgenoten: VOG and prk from 18', () => {
  const met18 = (today: string, geboortedatum: string, vogDatum: string | null = null, tot?: string) => ({
    ...basis(today),
    huisgenoten: [{ naam: 'Sanne', geboortedatum, vogDatum, prk: false }],
    tot,
  });
  it('born 29 February 2008 turns 18 on 1 March 2026', () => {
    expect(achttienOp('2008-02-29')).toBe('2026-03-01');
    expect(achttienOp('2008-03-31')).toBe('2026-03-31');
    expect(status(met18('2026-03-01', '2008-02-29'), 'vog', 'Sanne')).toEqual([null, '2026-03-01', 'binnenkort']);
    expect(status(met18('2026-03-02', '2008-02-29'), 'vog', 'Sanne')).toEqual([null, '2026-03-01', 'te-laat']);
    expect(status(met18('2026-03-02', '2008-02-29'), 'prk', 'Sanne')).toEqual([null, '2026-03-01', 'te-laat']);
    // A leap year plus 18 is never a leap year: always 1 March.
    expect(achttienOp('2012-02-29')).toBe('2030-03-01');
  });
  it('turning 18 within 30 days is shown (binnenkort); later only with --tot; younger not at all', () => {
    expect(status(met18('2026-11-23', '2008-12-23'), 'vog', 'Sanne')).toEqual([null, '2026-12-23', 'binnenkort']);
    expect(plichten(met18('2026-11-23', '2008-12-24')).some((r) => r.huisgenoot === 'Sanne')).toBe(false);
    expect(status(met18('2026-11-23', '2009-02-01', null, '2027-02-01'), 'vog', 'Sanne')).toEqual([null, '2027-02-01', 'binnenkort']);
    // A VOG before the birthday counts.
    expect(status(met18('2026-11-23', '2008-12-01', '2026-11-01'), 'vog', 'Sanne')).toEqual(['2026-11-01', null, 'ok']);
  });
});

describe('order: most urgent first', () => {
  it('groups by their most urgent duty, then code; rows within by status and deadline', () => {
    const a = plichten(basis('2026-11-23'));
    const b = plichten({ ...basis('2026-11-23'), gastouder: { ...basis('2026-11-23').gastouder, code: 'G0002', ehboTot: '2026-11-01' } });
    const c = plichten({ ...basis('2026-11-23'), gastouder: { ...basis('2026-11-23').gastouder, code: 'G0003', ehboTot: '2026-12-01' } });
    const rows = sorteerPerGastouder([a, c, b, []]);
    expect(rows.map((r) => r.gastouder).filter((x, i, all) => all.indexOf(x) === i)).toEqual(['G0002', 'G0003', 'G0001']);
    expect(rows[0]).toMatchObject({ gastouder: 'G0002', plicht: 'ehbo', status: 'te-laat' });
  });
});
