import { describe, expect, it } from 'vitest';
import {
  agreementStatus,
  commitmentDueDay,
  commitmentFulfilment,
  deliveredAsOf,
  fulfilmentOf,
  isCommitmentOverdue,
  needsClosing,
  overDelivery,
  periodFulfilment,
  totalsPerUnit,
  type AgreementFacts,
} from '../../src/shared/agreements';

/** An MoU signed 01/03/2026, valid to 31/12/2026: 50 tấn of rice due 30/06/2026. */
const deliveries = [
  { quantity: 12, deliveredOn: '2026-04-10' },
  { quantity: 20, deliveredOn: '2026-06-20' },
  { quantity: 18, deliveredOn: '2027-01-15' },
];

function mouOn(today: string, overrides: Partial<AgreementFacts> = {}): AgreementFacts {
  return {
    signedOn: '2026-03-01',
    validUntil: '2026-12-31',
    terminatedOn: null,
    commitments: [{ quantity: 50, delivered: deliveredAsOf(deliveries, today) }],
    ...overrides,
  };
}

describe('fulfilment', () => {
  it('counts deliveries up to and including the day asked about', () => {
    expect(deliveredAsOf(deliveries, '2026-04-09')).toBe(0);
    expect(deliveredAsOf(deliveries, '2026-04-10')).toBe(12);
    expect(deliveredAsOf(deliveries, '2026-12-31')).toBe(32);
    expect(deliveredAsOf(deliveries, '2027-01-15')).toBe(50);
  });

  it('is delivered over committed, capped at 100 % while the delivered quantity is kept', () => {
    expect(commitmentFulfilment({ quantity: 50, delivered: 12 })).toBe(24);
    expect(commitmentFulfilment({ quantity: 50, delivered: 0 })).toBe(0);
    expect(commitmentFulfilment({ quantity: 50, delivered: 65 })).toBe(100);
  });

  it('sums delivered quantities without floating-point dust', () => {
    const small = [
      { quantity: 0.7, deliveredOn: '2026-04-01' },
      { quantity: 0.1, deliveredOn: '2026-04-02' },
    ];
    expect(deliveredAsOf(small, '2026-05-01')).toBe(0.8);
    expect(commitmentFulfilment({ quantity: 0.8, delivered: deliveredAsOf(small, '2026-05-01') })).toBe(100);
  });

  it('of an agreement is by value when every commitment has one, and says so', () => {
    // 12 of 50 tấn (24 %) worth 400 million, 800 of 1,000 kg (80 %) worth 100 million, 30 of 20
    // tấn (100 %) worth 50 million: by value 41,1 %, where the plain mean would read 68 %.
    const commitments = [
      { quantity: 50, delivered: 12, value: 400_000_000 },
      { quantity: 1000, delivered: 800, value: 100_000_000 },
      { quantity: 20, delivered: 30, value: 50_000_000 },
    ];
    const byValue = fulfilmentOf(commitments);
    expect(byValue?.basis).toBe('value');
    expect(byValue?.percent).toBeCloseTo((24 * 400 + 80 * 100 + 100 * 50) / 550, 10);
    expect(byValue?.percent.toFixed(1)).toBe('41.1');
    expect(fulfilmentOf([{ quantity: 10, delivered: 6, value: 900 }, { quantity: 10, delivered: 10, value: 100 }])).toEqual({ percent: 64, basis: 'value', unvalued: 0, unvaluedShort: 0 });
  });

  it('is by value over the commitments that have one, counting those left out; the mean only when none has a value; null without any', () => {
    // The 80 % of the kilograms without a value does not turn the rate into a plain mean (68 %):
    // 12 of 50 tấn worth 400 million and all of 50 million, by value 32,4 %, one left out.
    expect(
      fulfilmentOf([
        { quantity: 50, delivered: 12, value: 400_000_000 },
        { quantity: 1000, delivered: 800, value: null },
        { quantity: 20, delivered: 30, value: 50_000_000 },
      ]),
    ).toEqual({ percent: (24 * 400 + 100 * 50) / 450, basis: 'value', unvalued: 1, unvaluedShort: 1 });
    expect(fulfilmentOf([{ quantity: 4, delivered: 1, value: null }, { quantity: 10, delivered: 8, value: null }])).toEqual({ percent: 52.5, basis: 'commitments', unvalued: 0, unvaluedShort: 0 });
    // Values all 0 weigh nothing: the mean again.
    expect(fulfilmentOf([{ quantity: 4, delivered: 1, value: 0 }])).toEqual({ percent: 25, basis: 'commitments', unvalued: 0, unvaluedShort: 0 });
    expect(fulfilmentOf([])).toBeNull();
  });

  it('counts, of the commitments a rate by value leaves out, those still owed: 100 % by value is not the whole while one is', () => {
    const valuedDone = { quantity: 10, delivered: 10, value: 500_000_000 };
    const unvaluedShort = { quantity: 2_000, delivered: 500, value: null };
    const unvaluedDone = { quantity: 30, delivered: 30, value: null };
    expect(fulfilmentOf([valuedDone, unvaluedShort, unvaluedDone])).toEqual({ percent: 100, basis: 'value', unvalued: 2, unvaluedShort: 1 });
    // The agreement is not fulfilled either: one rule of a commitment done for both.
    expect(agreementStatus({ signedOn: '2026-01-05', validUntil: '2026-12-31', terminatedOn: null, commitments: [valuedDone, unvaluedShort] }, '2026-06-01')).toBe('in_progress');
    expect(fulfilmentOf([valuedDone, unvaluedDone])).toEqual({ percent: 100, basis: 'value', unvalued: 1, unvaluedShort: 0 });
  });

  it('of a period leaves out the agreements terminated by its day, as Tổng quan and the agreements report read it', () => {
    const rice = { terminatedOn: null, commitments: [{ quantity: 100, delivered: 40, value: 800_000_000 }] };
    const ended = { terminatedOn: '2025-06-30', commitments: [{ quantity: 10, delivered: 0, value: 200_000_000 }] };
    expect(periodFulfilment([rice, ended], '2025-12-31')).toEqual({ percent: 40, basis: 'value', unvalued: 0, unvaluedShort: 0 });
    // Before its termination it still owed its part: 320 of 1.000 million.
    expect(periodFulfilment([rice, ended], '2025-06-29')).toEqual({ percent: 32, basis: 'value', unvalued: 0, unvaluedShort: 0 });
    expect(periodFulfilment([ended], '2025-12-31')).toBeNull();
  });

  it('says how far a delivery goes past the commitment, and nothing within it', () => {
    expect(overDelivery({ quantity: 5, delivered: 6 })).toBe(1);
    expect(overDelivery({ quantity: 0.8, delivered: 0.7 + 0.1 })).toBe(0);
    expect(overDelivery({ quantity: 5, delivered: 4.5 })).toBe(0);
    expect(overDelivery({ quantity: 1.5, delivered: 1.75 })).toBe(0.25);
  });
});

describe('status as the clock moves', () => {
  it('goes signed → in progress → expired → fulfilled with deliveries and dates', () => {
    expect(agreementStatus(mouOn('2026-03-01'), '2026-03-01')).toBe('signed');
    expect(agreementStatus(mouOn('2026-04-09'), '2026-04-09')).toBe('signed');
    expect(agreementStatus(mouOn('2026-04-10'), '2026-04-10')).toBe('in_progress');
    expect(agreementStatus(mouOn('2026-12-31'), '2026-12-31')).toBe('in_progress');
    expect(agreementStatus(mouOn('2027-01-01'), '2027-01-01')).toBe('expired');
    // The last 18 tấn came late, after the validity, and still complete it.
    expect(agreementStatus(mouOn('2027-01-15'), '2027-01-15')).toBe('fulfilled');
  });

  it('with nothing delivered stays signed through its validity and then expires', () => {
    const nothingDelivered = mouOn('2026-01-01');
    expect(agreementStatus(nothingDelivered, '2026-12-31')).toBe('signed');
    expect(agreementStatus(nothingDelivered, '2027-01-01')).toBe('expired');
  });

  it('is a draft while not signed, whatever its dates and validity', () => {
    expect(agreementStatus(mouOn('2027-06-01', { signedOn: null }), '2027-06-01')).toBe('draft');
  });

  it('is terminated from its termination day on, before any other rule', () => {
    const terminated = (today: string) => agreementStatus(mouOn(today, { terminatedOn: '2026-05-15' }), today);
    expect(terminated('2026-05-14')).toBe('in_progress');
    expect(terminated('2026-05-15')).toBe('terminated');
    expect(agreementStatus(mouOn('2026-05-20', { signedOn: null, terminatedOn: '2026-05-15' }), '2026-05-20')).toBe('terminated');
    expect(agreementStatus(mouOn('2027-02-01', { terminatedOn: '2026-05-15' }), '2027-02-01')).toBe('terminated');
  });

  it('is fulfilled only with commitments, all of them in full', () => {
    expect(agreementStatus(mouOn('2026-04-10', { commitments: [] }), '2026-04-10')).toBe('signed');
    expect(agreementStatus(mouOn('2027-01-01', { commitments: [] }), '2027-01-01')).toBe('expired');
    const twoCommitments = (delivered: number) =>
      agreementStatus(mouOn('2026-06-01', { commitments: [{ quantity: 50, delivered: 60 }, { quantity: 1000, delivered }] }), '2026-06-01');
    expect(twoCommitments(999)).toBe('in_progress');
    expect(twoCommitments(1000)).toBe('fulfilled');
  });

  it('without a validity end never expires', () => {
    expect(agreementStatus(mouOn('2030-01-01', { validUntil: null, commitments: [{ quantity: 50, delivered: 0 }] }), '2030-01-01')).toBe('signed');
  });
});

describe('overdue commitments', () => {
  const rice = (delivered: number) => ({ quantity: 50, delivered, dueOn: '2026-06-30' });
  const carried = (status: 'signed' | 'in_progress') => ({ status, validUntil: '2026-12-31' });

  it('are past due and short, in a signed agreement not terminated', () => {
    expect(isCommitmentOverdue(rice(32), carried('in_progress'), '2026-06-30')).toBe(false);
    expect(isCommitmentOverdue(rice(32), carried('in_progress'), '2026-07-01')).toBe(true);
    expect(isCommitmentOverdue(rice(0), carried('signed'), '2026-07-01')).toBe(true);
    expect(isCommitmentOverdue(rice(50), carried('in_progress'), '2026-07-01')).toBe(false);
  });

  it('without a due day of their own are due when the agreement runs out', () => {
    const undated = { ...rice(0), dueOn: null };
    expect(commitmentDueDay(undated, { validUntil: '2026-12-31' })).toBe('2026-12-31');
    expect(isCommitmentOverdue(undated, carried('signed'), '2026-07-01')).toBe(false);
    expect(isCommitmentOverdue(undated, { status: 'expired', validUntil: '2026-12-31' }, '2027-01-01')).toBe(true);
    expect(isCommitmentOverdue(undated, { status: 'signed', validUntil: null }, '2030-01-01')).toBe(false);
  });

  it('stay overdue once the agreement has expired, and are never those of a draft or a terminated one', () => {
    expect(isCommitmentOverdue(rice(10), { status: 'expired', validUntil: '2026-12-31' }, '2027-03-01')).toBe(true);
    for (const status of ['draft', 'terminated'] as const) {
      expect(isCommitmentOverdue(rice(10), { status, validUntil: '2026-12-31' }, '2026-07-01')).toBe(false);
    }
  });
});

describe('an agreement that ran out unfinished', () => {
  const owed = [{ quantity: 50, delivered: 32 }];
  it('needs closing until its follow-up is closed, from the closing day on', () => {
    expect(needsClosing({ status: 'expired', closedOn: null, commitments: owed }, '2027-01-01')).toBe(true);
    expect(needsClosing({ status: 'expired', closedOn: '2027-02-01', commitments: owed }, '2027-01-31')).toBe(true);
    expect(needsClosing({ status: 'expired', closedOn: '2027-02-01', commitments: owed }, '2027-02-01')).toBe(false);
  });

  it('is only one that expired with something still owed', () => {
    expect(needsClosing({ status: 'in_progress', closedOn: null, commitments: owed }, '2026-07-01')).toBe(false);
    expect(needsClosing({ status: 'expired', closedOn: null, commitments: [] }, '2027-01-01')).toBe(false);
    expect(needsClosing({ status: 'terminated', closedOn: null, commitments: owed }, '2027-01-01')).toBe(false);
  });
});

describe('totals per unit', () => {
  it('keeps tonnes and kilograms apart and joins the same unit however it is written', () => {
    expect(
      totalsPerUnit([
        { quantity: 50, unit: 'tấn', delivered: 12 },
        { quantity: 800, unit: 'kg', delivered: 950 },
        { quantity: 30, unit: ' Tấn ', delivered: 0.5 },
        { quantity: 10000, unit: 'quả', delivered: 0 },
      ]),
    ).toEqual([
      { unit: 'tấn', commitments: 2, committed: 80, delivered: 12.5 },
      { unit: 'kg', commitments: 1, committed: 800, delivered: 950 },
      { unit: 'quả', commitments: 1, committed: 10000, delivered: 0 },
    ]);
  });

  it('is empty without commitments', () => {
    expect(totalsPerUnit([])).toEqual([]);
  });
});
