import { describe, expect, it } from 'vitest';
import {
  agreementFulfilment,
  agreementStatus,
  commitmentFulfilment,
  deliveredAsOf,
  isCommitmentOverdue,
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

  it('of an agreement is the mean of its commitments, null without any', () => {
    // 12 of 50 tấn is 24 %, 800 of 1,000 kg is 80 %, 30 of 20 tấn counts as 100 %.
    expect(
      agreementFulfilment([
        { quantity: 50, delivered: 12 },
        { quantity: 1000, delivered: 800 },
        { quantity: 20, delivered: 30 },
      ]),
    ).toBeCloseTo((24 + 80 + 100) / 3, 10);
    expect(agreementFulfilment([])).toBeNull();
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

  it('are past due, short, and of an agreement still being carried out', () => {
    expect(isCommitmentOverdue(rice(32), 'in_progress', '2026-06-30')).toBe(false);
    expect(isCommitmentOverdue(rice(32), 'in_progress', '2026-07-01')).toBe(true);
    expect(isCommitmentOverdue(rice(0), 'signed', '2026-07-01')).toBe(true);
    expect(isCommitmentOverdue(rice(50), 'in_progress', '2026-07-01')).toBe(false);
    expect(isCommitmentOverdue({ ...rice(0), dueOn: null }, 'signed', '2026-07-01')).toBe(false);
  });

  it('are never those of a draft, a terminated, a fulfilled or an expired agreement', () => {
    for (const status of ['draft', 'terminated', 'fulfilled', 'expired'] as const) {
      expect(isCommitmentOverdue(rice(10), status, '2026-07-01')).toBe(false);
    }
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
      { unit: 'tấn', committed: 80, delivered: 12.5 },
      { unit: 'kg', committed: 800, delivered: 950 },
      { unit: 'quả', committed: 10000, delivered: 0 },
    ]);
  });

  it('is empty without commitments', () => {
    expect(totalsPerUnit([])).toEqual([]);
  });
});
