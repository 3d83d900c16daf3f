import { existsSync, readFileSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agreementStatus, deliveredAsOf, deliveryValues } from '../../src/shared/agreements';
import { agreementsTables } from '../../src/core/excel/reports/agreements';
import type { AgreementStatus } from '../../src/shared/domain';
import type { FileChunk, InputOf } from '../../src/shared/contract';
import { agreementStatuses } from '../../src/shared/domain';
import { dispatch } from '../../src/core/handlers';
import { stageFile } from '../../src/core/files';
import { verifyDerivedStructures } from '../../src/core/db/derived';
import { agreementParties } from '../../src/core/db/schema';
import { AN_GIANG, call, callFailing, openTestApp, XA_VINH_AN, XA_VINH_BINH } from './support';

type TestApp = ReturnType<typeof openTestApp>;
let app: TestApp;
let vinhBinh: number;
let nhonHung: number;
let hafoods: number;
let conference: number;

/** Noon in Vietnam on a calendar day, so the office's today is that day in any time zone nearby. */
function on(day: string): Date {
  return new Date(`${day}T05:00:00Z`);
}

beforeEach(async () => {
  app = openTestApp(on('2026-03-10'));
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
  vinhBinh = (await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Bình', communeCode: XA_VINH_AN })).id;
  nhonHung = (await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Đường thốt nốt Nhơn Hưng', communeCode: XA_VINH_BINH })).id;
  hafoods = (await call(app, 'partners:create', { kind: 'enterprise', name: 'Công ty CP Thực phẩm Hà Nội', provinceCode: '01' })).id;
  conference = (
    await call(app, 'events:create', {
      kind: 'supply_demand_conference',
      title: 'Hội nghị kết nối cung – cầu nông sản An Giang 2026',
      startsOn: '2026-03-05',
      provinceCode: AN_GIANG,
    })
  ).id;
});
afterEach(() => app.close());

/** An MoU signed at the conference: Vĩnh Bình sells rice to Hafoods, the alliance witnesses. */
function riceMou(overrides: Partial<InputOf<'agreements:create'>> = {}): InputOf<'agreements:create'> {
  return {
    kind: 'mou',
    number: '01/2026/BBGN',
    title: 'Biên bản ghi nhớ tiêu thụ lúa gạo vụ Đông Xuân',
    signedOn: '2026-03-05',
    eventId: conference,
    validFrom: '2026-03-05',
    validUntil: '2026-12-31',
    parties: [
      { kind: 'organization', id: vinhBinh, role: 'seller' },
      { kind: 'partner', id: hafoods, role: 'buyer' },
      { kind: 'alliance', role: 'witness' },
    ],
    commitments: [
      { product: 'Lúa Đài Thơm 8', quantity: 50, unit: 'tấn', value: 400_000_000, startsOn: '2026-03-05', dueOn: '2026-06-30' },
      { product: 'Gạo thơm', quantity: 800, unit: 'kg', value: 20_000_000, dueOn: '2026-09-30' },
    ],
    ...overrides,
  };
}

async function issuesOf(channel: string, input: unknown): Promise<Record<string, string>> {
  const error = await callFailing(app, channel, input);
  if (error.kind !== 'validation') throw new Error(`expected a validation error, got ${error.kind}: ${error.message}`);
  return Object.fromEntries(error.issues.map((issue) => [issue.path, issue.message]));
}

describe('creating and reading', () => {
  it('keeps parties with their names and roles, commitments with units, and reads status and totals', async () => {
    const created = await call(app, 'agreements:create', riceMou());
    expect(created).toMatchObject({
      kind: 'mou',
      number: '01/2026/BBGN',
      signedOn: '2026-03-05',
      eventId: conference,
      eventTitle: 'Hội nghị kết nối cung – cầu nông sản An Giang 2026',
      totalValue: 420_000_000,
      fulfilment: 0,
      status: 'signed',
    });
    expect(created.parties.map(({ id: _id, ...party }) => party)).toEqual([
      { kind: 'organization', counterpartId: vinhBinh, name: 'HTX Nông nghiệp Vĩnh Bình', role: 'seller', inTrash: false, ended: null },
      { kind: 'partner', counterpartId: hafoods, name: 'Công ty CP Thực phẩm Hà Nội', role: 'buyer', inTrash: false, ended: null },
      { kind: 'alliance', counterpartId: null, name: 'Liên minh Hợp tác xã tỉnh An Giang', role: 'witness', inTrash: false, ended: null },
    ]);
    const detail = await call(app, 'agreements:get', { id: created.id });
    expect(detail.commitments.map((c) => [c.product, c.quantity, c.unit, c.delivered, c.fulfilment, c.overdue])).toEqual([
      ['Lúa Đài Thơm 8', 50, 'tấn', 0, 0, false],
      ['Gạo thơm', 800, 'kg', 0, 0, false],
    ]);
    expect(detail.unitTotals).toEqual([
      { unit: 'tấn', commitments: 1, committed: 50, delivered: 0 },
      { unit: 'kg', commitments: 1, committed: 800, delivered: 0 },
    ]);
    expect(detail).toMatchObject({ deliveries: [], attachments: [], notes: [], terminationReason: '' });

    // Dissolved since it signed: still the party, said so with the day it ended.
    await call(app, 'lifecycle:record', { kind: 'dissolution', date: '2026-03-08', decisionNo: '5/QĐ', subjectId: vinhBinh });
    const after = await call(app, 'agreements:get', { id: created.id });
    expect(after.parties.map((party) => [party.name, party.ended])).toEqual([
      ['HTX Nông nghiệp Vĩnh Bình', { status: 'dissolved', endedOn: '2026-03-08' }],
      ['Công ty CP Thực phẩm Hà Nội', null],
      ['Liên minh Hợp tác xã tỉnh An Giang', null],
    ]);
  });

  it('keeps a draft without its signing date', async () => {
    const draft = await call(app, 'agreements:create', riceMou({ draft: true, signedOn: '2026-03-05' }));
    expect(draft).toMatchObject({ signedOn: null, status: 'draft' });
    const unsigned = await call(app, 'agreements:create', riceMou({ draft: true, signedOn: null, number: '' }));
    expect(unsigned.status).toBe('draft');
  });
});

describe('validation', () => {
  it('names each field and row that is wrong, in Vietnamese', async () => {
    expect(await issuesOf('agreements:create', riceMou({ parties: [{ kind: 'organization', id: vinhBinh, role: 'seller' }] }))).toEqual({
      parties: 'Thỏa thuận cần ít nhất hai bên ký.',
    });
    expect(
      await issuesOf(
        'agreements:create',
        riceMou({ parties: [{ kind: 'alliance', role: 'cooperating' }, { kind: 'alliance', role: 'witness' }] }),
      ),
    ).toEqual({
      parties: 'Cần ít nhất một bên không phải Liên minh: một tổ chức thành viên hoặc một đối tác.',
      'parties.1.id': 'Bên thứ 2 đã có ở trên; mỗi bên chỉ ghi một lần.',
    });
    expect(
      await issuesOf('agreements:create', {
        ...riceMou(),
        parties: [{ kind: 'organization', id: vinhBinh, role: 'seller' }, { kind: 'partner', id: hafoods }],
      }),
    ).toEqual({ 'parties.1.role': 'Chưa chọn vai trò của bên này.' });
    expect(
      await issuesOf(
        'agreements:create',
        riceMou({
          signedOn: null,
          validFrom: '2026-06-01',
          validUntil: '2026-05-31',
          parties: [
            { kind: 'organization', role: 'seller' },
            { kind: 'partner', id: hafoods, role: 'buyer' },
            { kind: 'partner', id: hafoods, role: 'witness' },
          ],
          commitments: [{ product: 'Lúa', quantity: 5, unit: 'tấn', startsOn: '2026-05-01', dueOn: '2026-04-01' }],
        }),
      ),
    ).toEqual({
      signedOn: 'Chưa nhập ngày ký. Nếu thỏa thuận chưa được ký, hãy chọn «Bản dự thảo».',
      validUntil: 'Hiệu lực đến ngày không được trước ngày bắt đầu hiệu lực (01/06/2026).',
      'parties.0.id': 'Bên thứ 1: chưa chọn tổ chức thành viên hoặc đối tác.',
      'parties.2.id': 'Bên thứ 3 đã có ở trên; mỗi bên chỉ ghi một lần.',
      'commitments.0.dueOn': 'Cam kết thứ 1: hạn hoàn thành không được trước ngày bắt đầu.',
    });
  });

  it('refuses a commitment without a positive quantity, a unit, or with a negative value', async () => {
    expect(
      await issuesOf(
        'agreements:create',
        riceMou({
          commitments: [
            { product: 'Lúa', quantity: 0, unit: 'tấn' },
            { product: 'Gạo', quantity: 5, unit: '  ' },
            { product: 'Xoài', quantity: 5, unit: 'kg', value: -1 },
          ],
        }),
      ),
    ).toEqual({
      'commitments.0.quantity': 'Số lượng cam kết phải lớn hơn 0.',
      'commitments.1.unit': 'Đơn vị tính không được để trống.',
      'commitments.2.value': 'Giá trị không được âm.',
    });
  });

  it('refuses parties and events that do not exist, and a signing date still to come', async () => {
    await call(app, 'organizations:delete', { id: nhonHung });
    expect(
      await issuesOf(
        'agreements:create',
        riceMou({
          signedOn: '2026-03-11',
          validFrom: '2026-03-11',
          eventId: 999,
          parties: [
            { kind: 'organization', id: nhonHung, role: 'seller' },
            { kind: 'partner', id: 999, role: 'buyer' },
          ],
        }),
      ),
    ).toEqual({
      signedOn: 'Ngày ký không được sau hôm nay (10/03/2026).',
      eventId: 'Sự kiện đã chọn không còn; có thể đã bị xóa. Hãy chọn lại.',
      'parties.0.id': 'Bên thứ 1: Tổ chức «HTX Đường thốt nốt Nhơn Hưng» đang ở Thùng rác; hãy khôi phục ở mục Thùng rác nếu cần dùng lại.',
      'parties.1.id': 'Bên thứ 2: Không tìm thấy đối tác này; có thể đã bị xóa hẳn. Hãy tải lại danh sách.',
    });
  });

  it('the database itself refuses a party whose kind and reference disagree', async () => {
    const { id } = await call(app, 'agreements:create', riceMou());
    const insert = (values: Partial<typeof agreementParties.$inferInsert>) =>
      app.ctx.db.insert(agreementParties).values({ agreementId: id, kind: 'organization', role: 'seller', ...values }).run();
    expect(() => insert({ kind: 'organization', organizationId: null, partnerId: hafoods })).toThrow(/CHECK constraint failed: agreement_parties_side/);
    expect(() => insert({ kind: 'alliance', organizationId: vinhBinh })).toThrow(/CHECK constraint failed/);
    expect(() => insert({ kind: 'partner', partnerId: hafoods, organizationId: vinhBinh })).toThrow(/CHECK constraint failed/);
    insert({ kind: 'partner', partnerId: hafoods, role: 'witness' });
  });
});

describe('who supplies and who receives', () => {
  it('names a party on each side of a commitment, kept through edits of the parties', async () => {
    const created = await call(
      app,
      'agreements:create',
      riceMou({
        commitments: [
          { product: 'Lúa Đài Thơm 8', quantity: 50, unit: 'tấn', value: 400_000_000, dueOn: '2026-06-30', supplierParty: 0, receiverParty: 1 },
          { product: 'Gạo thơm', quantity: 800, unit: 'kg', value: 20_000_000, supplierParty: 0, receiverParty: 1 },
        ],
      }),
    );
    let detail = await call(app, 'agreements:get', { id: created.id });
    const [seller, buyer, witness] = detail.parties;
    if (!seller || !buyer || !witness) throw new Error('three parties');
    expect(detail.commitments.map((c) => [c.supplierPartyId, c.receiverPartyId])).toEqual([
      [seller.id, buyer.id],
      [seller.id, buyer.id],
    ]);

    // Nhơn Hưng joins first in the list and takes over the rice for the shop; the others keep
    // their rows (and so their commitments), the witness leaves.
    const edited = (supplierOfSecond: number) =>
      call(app, 'agreements:update', {
        ...riceMou(),
        id: created.id,
        parties: [
          { kind: 'organization', id: nhonHung, role: 'seller' },
          { partyId: seller.id, kind: 'organization', id: vinhBinh, role: 'seller' },
          { partyId: buyer.id, kind: 'partner', id: hafoods, role: 'buyer' },
        ],
        commitments: detail.commitments.map((commitment, index) => ({
          id: commitment.id,
          product: commitment.product,
          quantity: commitment.quantity,
          unit: commitment.unit,
          value: commitment.value,
          dueOn: commitment.dueOn,
          supplierParty: index === 0 ? 1 : supplierOfSecond,
          receiverParty: 2,
        })),
      });
    await edited(0);
    detail = await call(app, 'agreements:get', { id: created.id });
    const newcomer = detail.parties[0];
    expect(detail.parties.map((party) => party.id)).toEqual([newcomer?.id, seller.id, buyer.id]);
    expect(detail.commitments.map((c) => [c.supplierPartyId, c.receiverPartyId])).toEqual([
      [seller.id, buyer.id],
      [newcomer?.id, buyer.id],
    ]);
    const { entries } = await call(app, 'records:history', { kind: 'agreement', id: created.id });
    expect(entries[0]?.changes.find((change) => change.field === 'commitments')?.after).toEqual([
      expect.objectContaining({ product: 'Lúa Đài Thơm 8', supplier: { kind: 'organization', id: vinhBinh, name: 'HTX Nông nghiệp Vĩnh Bình' } }),
      expect.objectContaining({ product: 'Gạo thơm', supplier: { kind: 'organization', id: nhonHung, name: 'HTX Đường thốt nốt Nhơn Hưng' } }),
    ]);

    // The buyer removed: the commitments it received name no receiver; nothing else changes.
    await call(app, 'agreements:update', {
      ...riceMou(),
      id: created.id,
      parties: [
        { partyId: newcomer?.id, kind: 'organization', id: nhonHung, role: 'seller' },
        { partyId: seller.id, kind: 'organization', id: vinhBinh, role: 'seller' },
        { kind: 'alliance', role: 'buyer' },
      ],
      commitments: detail.commitments.map((commitment, index) => ({
        id: commitment.id,
        product: commitment.product,
        quantity: commitment.quantity,
        unit: commitment.unit,
        value: commitment.value,
        supplierParty: index === 0 ? 1 : 0,
      })),
    });
    detail = await call(app, 'agreements:get', { id: created.id });
    expect(detail.commitments.map((c) => [c.supplierPartyId, c.receiverPartyId])).toEqual([
      [seller.id, null],
      [newcomer?.id, null],
    ]);
    expect(app.ctx.db.select().from(agreementParties).all().map((party) => party.id)).not.toContain(buyer.id);

    // A member deleted for good takes its parties with it (ON DELETE CASCADE), and the commitment
    // it supplied then names no supplier rather than a party that is gone.
    app.ctx.db.$client.prepare('DELETE FROM organizations WHERE id = ?').run(nhonHung);
    detail = await call(app, 'agreements:get', { id: created.id });
    expect(detail.commitments.map((c) => [c.supplierPartyId, c.receiverPartyId])).toEqual([
      [seller.id, null],
      [null, null],
    ]);
    expect(verifyDerivedStructures(app.ctx.db.$client)).toEqual([]);
  });

  it('refuses the same party on both sides, a side not among the parties, and a party of another agreement', async () => {
    const other = await call(app, 'agreements:create', riceMou());
    const foreign = (await call(app, 'agreements:get', { id: other.id })).parties[0]?.id;
    const commitment = { product: 'Lúa', quantity: 5, unit: 'tấn', supplierParty: 0, receiverParty: 0 };
    expect(await issuesOf('agreements:create', riceMou({ commitments: [commitment, { ...commitment, receiverParty: 3 }] }))).toEqual({
      'commitments.0.receiverParty': 'Cam kết thứ 1: bên nhận phải khác bên cung ứng.',
      'commitments.1.receiverParty': 'Cam kết thứ 2: bên đã chọn không còn trong danh sách các bên ký; hãy chọn lại.',
    });
    const second = await call(app, 'agreements:create', riceMou({ number: '02/2026/BBGN' }));
    expect(
      await issuesOf('agreements:update', {
        ...riceMou(),
        id: second.id,
        parties: [
          { partyId: foreign, kind: 'organization', id: vinhBinh, role: 'seller' },
          { kind: 'partner', id: hafoods, role: 'buyer' },
        ],
      }),
    ).toEqual({ 'parties.0.partyId': 'Bên thứ 1 không thuộc thỏa thuận này; hãy tải lại trang.' });
  });

  it('shows how far each party has done its part, on the agreement and on the party’s own page', async () => {
    // Vĩnh Bình supplies rice worth 400 million and fragrant rice worth 20 million to Hafoods; in
    // a second agreement it buys sugar from Nhơn Hưng.
    const rice = await call(
      app,
      'agreements:create',
      riceMou({
        commitments: [
          { product: 'Lúa Đài Thơm 8', quantity: 50, unit: 'tấn', value: 400_000_000, supplierParty: 0, receiverParty: 1 },
          { product: 'Gạo thơm', quantity: 800, unit: 'kg', value: 20_000_000, supplierParty: 0, receiverParty: 1 },
        ],
      }),
    );
    const sugar = await call(app, 'agreements:create', {
      kind: 'sales_contract',
      title: 'Hợp đồng mua đường thốt nốt',
      signedOn: '2026-03-06',
      parties: [
        { kind: 'organization', id: nhonHung, role: 'seller' },
        { kind: 'organization', id: vinhBinh, role: 'buyer' },
      ],
      commitments: [{ product: 'Đường thốt nốt', quantity: 2, unit: 'tấn', supplierParty: 0, receiverParty: 1 }],
    });
    const [riceCommitment, fragrant] = (await call(app, 'agreements:get', { id: rice.id })).commitments;
    const [sugarCommitment] = (await call(app, 'agreements:get', { id: sugar.id })).commitments;
    app.setNow(on('2026-04-01'));
    await call(app, 'agreements:addDelivery', { commitmentId: riceCommitment?.id ?? 0, deliveredOn: '2026-03-20', quantity: 25 });
    await call(app, 'agreements:addDelivery', { commitmentId: fragrant?.id ?? 0, deliveredOn: '2026-03-21', quantity: 800 });
    await call(app, 'agreements:addDelivery', { commitmentId: sugarCommitment?.id ?? 0, deliveredOn: '2026-03-22', quantity: 0.5 });

    const detail = await call(app, 'agreements:get', { id: rice.id });
    // By value: half of 400 million and all of 20 million, of 420 million.
    const byValue = (50 * 400 + 100 * 20) / 420;
    expect(detail.partyFulfilment).toEqual([
      { partyId: detail.parties[0]?.id, supplied: { percent: byValue, basis: 'value', unvalued: 0, unvaluedShort: 0 }, suppliedCount: 2, received: null, receivedCount: 0 },
      { partyId: detail.parties[1]?.id, supplied: null, suppliedCount: 0, received: { percent: byValue, basis: 'value', unvalued: 0, unvaluedShort: 0 }, receivedCount: 2 },
    ]);

    const ofVinhBinh = await call(app, 'agreements:ofCounterpart', { kind: 'organization', id: vinhBinh });
    expect(ofVinhBinh.agreements.map((row) => [row.title, row.supplied, row.received])).toEqual([
      ['Hợp đồng mua đường thốt nốt', null, { percent: 25, basis: 'commitments', unvalued: 0, unvaluedShort: 0 }],
      ['Biên bản ghi nhớ tiêu thụ lúa gạo vụ Đông Xuân', { percent: byValue, basis: 'value', unvalued: 0, unvaluedShort: 0 }, null],
    ]);
    expect(ofVinhBinh).toMatchObject({ supplied: { percent: byValue, basis: 'value', unvalued: 0, unvaluedShort: 0 }, suppliedCount: 2, received: { percent: 25, basis: 'commitments', unvalued: 0, unvaluedShort: 0 }, receivedCount: 1 });
    const ofHafoods = await call(app, 'agreements:ofCounterpart', { kind: 'partner', id: hafoods });
    expect(ofHafoods).toMatchObject({ supplied: null, suppliedCount: 0, received: { percent: byValue, basis: 'value', unvalued: 0, unvaluedShort: 0 }, receivedCount: 2 });
  });
});

describe('an agreement number already used', () => {
  it('is found while typing, written any way, but never in the trash or the agreement itself', async () => {
    const first = await call(app, 'agreements:create', riceMou({ number: '05/2026/HĐLK' }));
    expect(await call(app, 'agreements:checkNumber', { number: ' 05 / 2026 / hdlk ' })).toEqual([
      { id: first.id, number: '05/2026/HĐLK', title: 'Biên bản ghi nhớ tiêu thụ lúa gạo vụ Đông Xuân', signedOn: '2026-03-05' },
    ]);
    expect(await call(app, 'agreements:checkNumber', { number: '05/2026/HĐLK', excludeId: first.id })).toEqual([]);
    expect(await call(app, 'agreements:checkNumber', { number: '05/2026' })).toEqual([]);
    expect(await call(app, 'agreements:checkNumber', { number: '' })).toEqual([]);
    await call(app, 'agreements:delete', { id: first.id });
    expect(await call(app, 'agreements:checkNumber', { number: '05/2026/HĐLK' })).toEqual([]);
  });

  it('refuses a second agreement with it until the person confirms, and saves the first only once', async () => {
    const first = await call(app, 'agreements:create', riceMou());
    // The same agreement sent twice (Enter pressed twice) is refused the second time.
    expect(await callFailing(app, 'agreements:create', riceMou())).toEqual({
      kind: 'conflict',
      message:
        'Số thỏa thuận 01/2026/BBGN đã dùng cho thỏa thuận «Biên bản ghi nhớ tiêu thụ lúa gạo vụ Đông Xuân» (ký ngày 05/03/2026). Nếu đây là một thỏa thuận khác mang cùng số, hãy xác nhận để lưu.',
      existingId: first.id,
      similar: [{ id: first.id, name: 'Biên bản ghi nhớ tiêu thụ lúa gạo vụ Đông Xuân', detail: 'ký ngày 05/03/2026' }],
    });
    expect((await call(app, 'agreements:list', {})).total).toBe(1);
    // An id of no agreement of that number confirms nothing.
    expect(await callFailing(app, 'agreements:create', riceMou({ confirmedSimilarIds: [first.id + 100] }))).toMatchObject({ kind: 'conflict', existingId: first.id });
    const other = await call(app, 'agreements:create', riceMou({ number: '01/2026/bbgn', title: 'Hợp đồng của một đối tác khác', confirmedSimilarIds: [first.id] }));
    expect((await call(app, 'agreements:list', {})).rows.map((row) => row.id)).toEqual([other.id, first.id]);
    // Editing one keeps its number without asking again; taking another's number asks.
    await call(app, 'agreements:update', { ...riceMou({ number: '01/2026/bbgn', title: 'Hợp đồng của một đối tác khác' }), id: other.id, note: 'Đã gọi điện' });
    const third = await call(app, 'agreements:create', riceMou({ number: '02/2026/BBGN' }));
    // Confirmed for the first alone, as it was asked before the other had the number: asked again, naming both.
    expect(await callFailing(app, 'agreements:update', { ...riceMou({ number: '01/2026/BBGN', confirmedSimilarIds: [first.id] }), id: third.id })).toEqual({
      kind: 'conflict',
      message:
        'Số thỏa thuận 01/2026/BBGN đã dùng cho 2 thỏa thuận «Hợp đồng của một đối tác khác» (ký ngày 05/03/2026) và «Biên bản ghi nhớ tiêu thụ lúa gạo vụ Đông Xuân» (ký ngày 05/03/2026). Nếu đây là một thỏa thuận khác mang cùng số, hãy xác nhận để lưu.',
      existingId: other.id,
      similar: [
        { id: other.id, name: 'Hợp đồng của một đối tác khác', detail: 'ký ngày 05/03/2026' },
        { id: first.id, name: 'Biên bản ghi nhớ tiêu thụ lúa gạo vụ Đông Xuân', detail: 'ký ngày 05/03/2026' },
      ],
    });
    expect((await call(app, 'agreements:get', { id: third.id })).number).toBe('02/2026/BBGN');
    await call(app, 'agreements:update', { ...riceMou({ number: '01/2026/BBGN', confirmedSimilarIds: [other.id, first.id] }), id: third.id });
    expect((await call(app, 'agreements:get', { id: third.id })).number).toBe('01/2026/BBGN');
  });
});

describe('deliveries', () => {
  it('move fulfilment, status and overdue as they are logged and as time passes', async () => {
    const { id } = await call(app, 'agreements:create', riceMou());
    const [rice, fragrant] = (await call(app, 'agreements:get', { id })).commitments;
    if (!rice || !fragrant) throw new Error('two commitments');

    app.setNow(on('2026-04-10'));
    const first = await call(app, 'agreements:addDelivery', { commitmentId: rice.id, deliveredOn: '2026-04-10', quantity: 12, value: 96_000_000 });
    expect(first).toMatchObject({ product: 'Lúa Đài Thơm 8', unit: 'tấn', quantity: 12 });
    let detail = await call(app, 'agreements:get', { id });
    expect(detail.status).toBe('in_progress');
    expect(detail.commitments.map((c) => [c.delivered, c.fulfilment])).toEqual([[12, 24], [0, 0]]);
    // By value: 24 % of the 400 million of rice, nothing of the 20 million of rice for the shop.
    expect(detail.fulfilmentBasis).toBe('value');
    expect(detail.fulfilment).toBeCloseTo((24 * 400) / 420, 10);
    expect(detail.unitTotals).toEqual([
      { unit: 'tấn', commitments: 1, committed: 50, delivered: 12 },
      { unit: 'kg', commitments: 1, committed: 800, delivered: 0 },
    ]);

    // Past the rice's due date and short of it: overdue; the kilograms are not due yet.
    app.setNow(on('2026-07-01'));
    detail = await call(app, 'agreements:get', { id });
    expect(detail.commitments.map((c) => c.overdue)).toEqual([true, false]);

    // More than promised is kept as delivered; the percentage stops at 100.
    await call(app, 'agreements:addDelivery', { commitmentId: rice.id, deliveredOn: '2026-07-01', quantity: 45 });
    detail = await call(app, 'agreements:get', { id });
    expect(detail.commitments[0]).toMatchObject({ delivered: 57, fulfilment: 100, overdue: false });
    expect(detail.fulfilment).toBeCloseTo((100 * 400) / 420, 10);

    // Past the validity with the kilograms short: expired, the kilograms still overdue, and the
    // agreement waits for someone to close its follow-up.
    app.setNow(on('2027-01-01'));
    detail = await call(app, 'agreements:get', { id });
    expect(detail).toMatchObject({ status: 'expired', needsClosing: true, closedOn: null });
    expect(detail.commitments.map((c) => c.overdue)).toEqual([false, true]);

    await call(app, 'agreements:addDelivery', { commitmentId: fragrant.id, deliveredOn: '2026-12-30', quantity: 800, note: 'Giao tại kho Hà Nội' });
    detail = await call(app, 'agreements:get', { id });
    expect(detail).toMatchObject({ status: 'fulfilled', fulfilment: 100, needsClosing: false });
    expect(detail.deliveries.map((d) => [d.deliveredOn, d.product, d.quantity, d.unit])).toEqual([
      ['2026-12-30', 'Gạo thơm', 800, 'kg'],
      ['2026-07-01', 'Lúa Đài Thơm 8', 45, 'tấn'],
      ['2026-04-10', 'Lúa Đài Thơm 8', 12, 'tấn'],
    ]);

    // Each delivery's Giá trị as the page shows it adds up to the value delivered the report counts:
    // 96.000.000 ₫ of the 12 tấn, of the 45 tấn only what remained of the 400.000.000 ₫, and the
    // 800 kg, which wrote no value, its commitment's 20.000.000 ₫.
    const shown = detail.commitments.map((commitment) => [...deliveryValues(commitment, detail.deliveries.filter((d) => d.commitmentId === commitment.id)).values()]);
    expect(shown).toEqual([[96_000_000, 304_000_000], [20_000_000]]);
    const reported = agreementsTables(app.ctx, '2026-01-01', '2026-12-31').commitments?.rows;
    const totals = shown.map((values) => values.reduce<number>((sum, value) => sum + (value ?? 0), 0));
    expect(Array.isArray(reported) && reported.map((row: Record<string, unknown>) => row.deliveredValue)).toEqual(totals);
  });

  it('are dated between signing and today, within the agreement, with a positive quantity', async () => {
    const { id } = await call(app, 'agreements:create', riceMou());
    const rice = (await call(app, 'agreements:get', { id })).commitments[0];
    if (!rice) throw new Error('a commitment');
    expect(await issuesOf('agreements:addDelivery', { commitmentId: rice.id, deliveredOn: '2026-03-04', quantity: 1 })).toEqual({
      deliveredOn: 'Ngày giao hàng không được trước ngày ký thỏa thuận (05/03/2026).',
    });
    expect(await issuesOf('agreements:addDelivery', { commitmentId: rice.id, deliveredOn: '2026-03-11', quantity: 1 })).toEqual({
      deliveredOn: 'Ngày giao hàng không được sau hôm nay (10/03/2026); chỉ ghi nhận hàng đã giao.',
    });
    expect(await issuesOf('agreements:addDelivery', { commitmentId: rice.id, deliveredOn: '2026-02-30', quantity: 0 })).toEqual({
      deliveredOn: 'Ngày giao hàng không phải một ngày có thật (dạng ngày/tháng/năm).',
      quantity: 'Số lượng giao phải lớn hơn 0.',
    });
    const draft = await call(app, 'agreements:create', riceMou({ draft: true, number: '02/2026/BBGN' }));
    const draftRice = (await call(app, 'agreements:get', { id: draft.id })).commitments[0];
    expect(await issuesOf('agreements:addDelivery', { commitmentId: draftRice?.id, deliveredOn: '2026-03-10', quantity: 1 })).toEqual({
      deliveredOn: 'Thỏa thuận số 02/2026/BBGN còn là bản dự thảo (chưa ký); chưa ghi nhận giao hàng được.',
    });
  });

  it('can be corrected and removed, and stay with their commitment when the agreement is edited', async () => {
    const { id } = await call(app, 'agreements:create', riceMou());
    const [rice, fragrant] = (await call(app, 'agreements:get', { id })).commitments;
    if (!rice || !fragrant) throw new Error('two commitments');
    const delivery = await call(app, 'agreements:addDelivery', { commitmentId: rice.id, deliveredOn: '2026-03-09', quantity: 10 });
    const corrected = await call(app, 'agreements:updateDelivery', { id: delivery.id, deliveredOn: '2026-03-08', quantity: 15, value: 120_000_000 });
    expect(corrected).toMatchObject({ deliveredOn: '2026-03-08', quantity: 15, value: 120_000_000 });

    const edit = riceMou();
    const keep = (commitment: typeof rice, changes: Partial<InputOf<'agreements:update'>['commitments'][number]> = {}) => ({
      id: commitment.id,
      product: commitment.product,
      quantity: commitment.quantity,
      unit: commitment.unit,
      ...changes,
    });
    // Dropping a commitment with deliveries, changing its unit, or signing after a delivery: refused.
    expect(await issuesOf('agreements:update', { ...edit, id, commitments: [keep(fragrant)] })).toEqual({
      commitments: 'Cam kết «Lúa Đài Thơm 8» đã có 1 lần giao hàng; hãy xóa các lần giao hàng đó trước khi bỏ cam kết.',
    });
    expect(await issuesOf('agreements:update', { ...edit, id, signedOn: '2026-03-09', validFrom: '2026-03-09', commitments: [keep(rice, { unit: 'kg' })] })).toEqual({
      'commitments.0.unit': 'Cam kết «Lúa Đài Thơm 8» đã có giao hàng tính bằng tấn; không đổi đơn vị được.',
      signedOn: 'Đã có giao hàng ngày 08/03/2026; ngày ký không được sau ngày đó.',
    });
    expect(await issuesOf('agreements:update', { ...edit, id, draft: true })).toMatchObject({
      signedOn: 'Thỏa thuận đã có giao hàng nên không chuyển về bản dự thảo được.',
    });

    // Raising the quantity and dropping the other commitment keeps the delivery on the rice.
    await call(app, 'agreements:update', { ...edit, id, commitments: [keep(rice, { quantity: 60, unit: 'Tấn' })] });
    let detail = await call(app, 'agreements:get', { id });
    expect(detail.commitments.map((c) => [c.id, c.quantity, c.delivered, c.fulfilment])).toEqual([[rice.id, 60, 15, 25]]);

    await call(app, 'agreements:removeDelivery', { id: delivery.id });
    detail = await call(app, 'agreements:get', { id });
    expect(detail).toMatchObject({ deliveries: [], status: 'signed', fulfilment: 0 });
  });
});

describe('deliveries written in another unit', () => {
  it('are converted into the commitment’s unit by Danh mục, kept as written, and refused across kinds', async () => {
    const { id } = await call(app, 'agreements:create', riceMou({ commitments: [...riceMou().commitments, { product: 'Gạo đóng bao', quantity: 100, unit: 'bao 50kg' }] }));
    const [rice, fragrant, bagged] = (await call(app, 'agreements:get', { id })).commitments;
    if (!rice || !fragrant || !bagged) throw new Error('three commitments');
    // Each commitment offers its own unit first, then those Danh mục converts it to exactly.
    expect(rice.deliveryUnits.map((unit) => unit.name)).toEqual(['tấn', 'tạ', 'yến', 'kg']);
    expect(fragrant.deliveryUnits.map((unit) => unit.name)).toEqual(['kg', 'tấn', 'tạ', 'yến']);
    expect(bagged.deliveryUnits).toEqual([]);

    const inKg = await call(app, 'agreements:addDelivery', { commitmentId: rice.id, deliveredOn: '2026-03-08', quantity: 500, unit: 'kg' });
    expect(inKg).toMatchObject({ quantity: 0.5, unit: 'tấn', written: { quantity: 500, unit: 'kg' } });
    await call(app, 'agreements:addDelivery', { commitmentId: rice.id, deliveredOn: '2026-03-09', quantity: 3, unit: 'tạ' });
    // Written in the commitment's own unit, however spelt: stored as it is, nothing to say.
    await call(app, 'agreements:addDelivery', { commitmentId: rice.id, deliveredOn: '2026-03-10', quantity: 2, unit: 'Tấn' });
    await call(app, 'agreements:addDelivery', { commitmentId: fragrant.id, deliveredOn: '2026-03-10', quantity: 0.2, unit: 'tấn' });
    const detail = await call(app, 'agreements:get', { id });
    expect(detail.commitments.map((commitment) => commitment.delivered)).toEqual([2.8, 200, 0]);
    expect(detail.deliveries.map((delivery) => [delivery.quantity, delivery.unit, delivery.written])).toEqual([
      [200, 'kg', { quantity: 0.2, unit: 'tấn' }],
      [2, 'tấn', null],
      [0.3, 'tấn', { quantity: 3, unit: 'tạ' }],
      [0.5, 'tấn', { quantity: 500, unit: 'kg' }],
    ]);

    // Another kind, a unit Danh mục does not know, or a commitment whose unit it does not know: refused, saying what to write.
    expect(await issuesOf('agreements:addDelivery', { commitmentId: rice.id, deliveredOn: '2026-03-10', quantity: 500, unit: 'quả' })).toEqual({
      unit: 'Cam kết «Lúa Đài Thơm 8» tính bằng tấn; «quả» không quy đổi được sang tấn. Hãy ghi số lượng theo tấn hoặc một đơn vị cùng loại.',
    });
    expect(await issuesOf('agreements:addDelivery', { commitmentId: rice.id, deliveredOn: '2026-03-10', quantity: 5, unit: 'thúng lớn' })).toEqual({
      unit: 'Cam kết «Lúa Đài Thơm 8» tính bằng tấn; «thúng lớn» không quy đổi được sang tấn. Hãy ghi số lượng theo tấn hoặc một đơn vị cùng loại.',
    });
    expect(await issuesOf('agreements:addDelivery', { commitmentId: bagged.id, deliveredOn: '2026-03-10', quantity: 500, unit: 'kg' })).toEqual({
      unit: 'Cam kết «Gạo đóng bao» tính bằng bao 50kg; «kg» không quy đổi được sang bao 50kg. Hãy ghi số lượng theo bao 50kg.',
    });

    // A correction written in the commitment's unit no longer carries the old writing.
    const corrected = await call(app, 'agreements:updateDelivery', { id: inKg.id, deliveredOn: '2026-03-08', quantity: 0.6 });
    expect(corrected).toMatchObject({ quantity: 0.6, written: null });
    // The history keeps what was written beside what was stored.
    const { entries } = await call(app, 'records:history', { kind: 'agreement', id });
    expect(JSON.stringify(entries)).toContain('"quantity":0.5,"unit":"tấn","writtenQuantity":500,"writtenUnit":"kg"');
  });
});

describe('listing', () => {
  it('tells an agreement that ran out and is still followed from one whose follow-up was closed, as Cần chú ý does', async () => {
    const deliverPart = async (agreementId: number) => {
      const rice = (await call(app, 'agreements:get', { id: agreementId })).commitments[0];
      await call(app, 'agreements:addDelivery', { commitmentId: rice?.id ?? 0, deliveredOn: '2026-03-10', quantity: 10 });
    };
    const followed = await call(app, 'agreements:create', riceMou());
    await deliverPart(followed.id);
    const closed = await call(app, 'agreements:create', riceMou({ number: '02/2026/BBGN' }));
    await deliverPart(closed.id);
    const nothingCommitted = await call(app, 'agreements:create', riceMou({ number: '03/2026/BBGN', commitments: [] }));
    const running = await call(app, 'agreements:create', riceMou({ number: '04/2026/BBGN', validUntil: '2027-12-31' }));
    const lateClosing = await call(app, 'agreements:create', riceMou({ number: '05/2026/BBGN' }));

    app.setNow(on('2027-01-20'));
    await call(app, 'agreements:close', { id: closed.id, closedOn: '2027-01-15', reason: 'Hai bên đã thanh lý phần còn lại.' });
    // Closed from a day still to come: followed until then.
    app.setNow(on('2027-01-10'));
    await call(app, 'agreements:close', { id: lateClosing.id, closedOn: '2027-01-10', reason: 'Doanh nghiệp không nhận phần còn lại.' });
    app.setNow(on('2027-01-09'));

    const ids = async (input: Omit<InputOf<'agreements:list'>, 'page' | 'pageSize'>) => {
      const page = await call(app, 'agreements:list', { ...input, page: 1, pageSize: 50 });
      expect(page.total).toBe(page.rows.length);
      return page.rows.map((row) => row.id).sort((a, b) => a - b);
    };
    const attention = await call(app, 'attention:list', { followUpDays: 30, eventDays: 14, certificateDays: 30, supplyDays: 14 });
    const listedThere = attention.expiredUnfinished.map((row) => row.agreementId).sort((a, b) => a - b);
    expect(await ids({ followUp: 'needs_closing' })).toEqual([followed.id, closed.id, lateClosing.id]);
    expect(await ids({ followUp: 'needs_closing' })).toEqual(listedThere);
    expect(await ids({ followUp: 'closed' })).toEqual([]);
    expect(await ids({ statuses: ['expired'] })).toEqual([followed.id, closed.id, nothingCommitted.id, lateClosing.id]);
    expect(await ids({ statuses: ['signed'] })).toEqual([running.id]);

    app.setNow(on('2027-01-20'));
    const later = await call(app, 'attention:list', { followUpDays: 30, eventDays: 14, certificateDays: 30, supplyDays: 14 });
    expect(later.expiredUnfinished.map((row) => row.agreementId)).toEqual([followed.id]);
    expect(await ids({ followUp: 'needs_closing' })).toEqual([followed.id]);
    expect(await ids({ followUp: 'closed' })).toEqual([closed.id, lateClosing.id]);
    // With the other filters: a search narrows what is still followed.
    expect(await ids({ followUp: 'closed', search: '05/2026' })).toEqual([lateClosing.id]);
    // Taken back: followed again.
    await call(app, 'agreements:reopen', { id: closed.id });
    expect(await ids({ followUp: 'needs_closing' })).toEqual([followed.id, closed.id]);
  });

  it('searches title, number, party names and products ignoring diacritics, and filters', async () => {
    const mou = await call(app, 'agreements:create', riceMou());
    const contract = await call(
      app,
      'agreements:create',
      riceMou({
        kind: 'sales_contract',
        number: 'HĐ-07/2025',
        title: 'Hợp đồng liên kết tiêu thụ đường thốt nốt',
        signedOn: '2025-11-20',
        eventId: null,
        validFrom: null,
        validUntil: null,
        parties: [
          { kind: 'organization', id: nhonHung, role: 'seller' },
          { kind: 'partner', id: hafoods, role: 'buyer' },
        ],
        commitments: [{ product: 'Đường thốt nốt', quantity: 20, unit: 'tấn' }],
      }),
    );
    const draft = await call(
      app,
      'agreements:create',
      riceMou({ draft: true, number: '03/2026/CTPH', title: 'Chương trình phối hợp với Liên minh HTX Cà Mau', kind: 'cooperation_programme', eventId: null }),
    );
    const ids = async (input: Partial<InputOf<'agreements:list'>>) => (await call(app, 'agreements:list', input)).rows.map((row) => row.id);

    // Drafts first, then by signing date, newest first.
    expect(await ids({})).toEqual([draft.id, mou.id, contract.id]);
    expect(await ids({ search: 'thot not' })).toEqual([contract.id]);
    expect(await ids({ search: 'nhon hung' })).toEqual([contract.id]);
    // Products committed are searched too: the draft commits rice without saying so in its title.
    expect(await ids({ search: 'VĨNH bình lúa' })).toEqual([draft.id, mou.id]);
    expect(await ids({ search: 'hd-07' })).toEqual([contract.id]);
    expect(await ids({ search: 'thuc pham ha noi' })).toEqual([draft.id, mou.id, contract.id]);
    // The alliance is a party by name too.
    expect(await ids({ search: 'lien minh an giang' })).toEqual([draft.id, mou.id]);
    expect(await ids({ search: '100%' })).toEqual([]);
    expect(await ids({ kind: 'sales_contract' })).toEqual([contract.id]);
    expect(await ids({ year: 2025 })).toEqual([contract.id]);
    expect(await ids({ eventId: conference })).toEqual([mou.id]);
    expect(await ids({ counterpart: { kind: 'organization', id: nhonHung } })).toEqual([contract.id]);
    expect(await ids({ statuses: ['draft', 'signed'] })).toEqual([draft.id, mou.id, contract.id]);
    expect(await ids({ statuses: ['in_progress'] })).toEqual([]);

    const ofEvent = await call(app, 'agreements:ofEvent', { eventId: conference });
    expect(ofEvent.map((row) => [row.id, row.totalValue, row.fulfilment])).toEqual([[mou.id, 420_000_000, 0]]);
    const ofPartner = await call(app, 'agreements:ofCounterpart', { kind: 'partner', id: hafoods });
    expect(ofPartner.agreements.map((row) => row.id)).toEqual([draft.id, mou.id, contract.id]);
    const ofVinhBinh = await call(app, 'agreements:ofCounterpart', { kind: 'organization', id: vinhBinh });
    expect(ofVinhBinh.agreements.map((row) => row.id)).toEqual([draft.id, mou.id]);
  });

  it('finds agreements by what their parties and commitments are called now, however they changed', async () => {
    const mou = await call(app, 'agreements:create', riceMou());
    const other = await call(app, 'agreements:create', riceMou({ number: '05/2026/HĐ', title: 'Hợp đồng mua bán đường', parties: [{ kind: 'organization', id: nhonHung, role: 'seller' }, { kind: 'alliance', role: 'witness' }], commitments: [] }));
    const ids = async (search: string) => (await call(app, 'agreements:list', { search })).rows.map((row) => row.id);
    expect(await ids('vinh binh')).toEqual([mou.id]);
    expect(await ids('05/2026/hd')).toEqual([other.id]);

    // A member renamed: found by its new name only.
    await call(app, 'organizations:update', { id: vinhBinh, kind: 'htx', name: 'HTX Nông nghiệp Phú Lộc', communeCode: XA_VINH_AN });
    expect(await ids('vinh binh')).toEqual([]);
    expect(await ids('phu loc')).toEqual([mou.id]);
    // A partner renamed.
    await call(app, 'partners:update', { id: hafoods, kind: 'enterprise', name: 'Công ty CP Nông sản Sài Gòn', provinceCode: '79' });
    expect(await ids('ha noi')).toEqual([]);
    expect(await ids('nong san sai gon')).toEqual([mou.id]);

    // A commitment renamed, another one and a party added, the title and number changed.
    const stored = await call(app, 'agreements:get', { id: other.id });
    await call(app, 'agreements:update', {
      ...riceMou({ number: 'HĐ-09/2026', title: 'Hợp đồng mua bán đường thốt nốt' }),
      id: other.id,
      parties: [
        { kind: 'organization', id: nhonHung, role: 'seller' },
        { kind: 'partner', id: hafoods, role: 'buyer' },
      ],
      commitments: [{ product: 'Đường thốt nốt hữu cơ', quantity: 5, unit: 'tấn' }],
    });
    expect(stored.parties).toHaveLength(2);
    expect(await ids('05/2026')).toEqual([]);
    expect(await ids('hd-09 huu co sai gon')).toEqual([other.id]);
    expect(await ids('nhon hung')).toEqual([other.id]);
    // The party taken away again: no longer found by it.
    await call(app, 'agreements:update', {
      ...riceMou({ number: 'HĐ-09/2026', title: 'Hợp đồng mua bán đường thốt nốt' }),
      id: other.id,
      parties: [
        { kind: 'organization', id: nhonHung, role: 'seller' },
        { kind: 'alliance', role: 'witness' },
      ],
      commitments: [],
    });
    expect(await ids('sai gon')).toEqual([mou.id]);
    expect(await ids('huu co')).toEqual([]);

    // Every change above was kept exact by the triggers, as a rebuild from the rows would make it.
    expect(verifyDerivedStructures(app.ctx.db.$client)).toEqual([]);
    // An agreement deleted for good takes its search text with it.
    app.ctx.db.$client.prepare('DELETE FROM agreements WHERE id = ?').run(other.id);
    expect(app.ctx.db.$client.prepare('SELECT count(*) FROM agreement_search WHERE agreement_id = ?').pluck().get(other.id)).toBe(0);
    expect(verifyDerivedStructures(app.ctx.db.$client)).toEqual([]);
  });

  it('filters by status in SQL exactly as the rules say, day by day, with paging', async () => {
    // Thirty agreements of every shape: drafts, terminations, deliveries early and late, validity ends.
    const expected = new Map<number, { signedOn: string | null; validUntil: string | null; terminatedOn: string | null; commitments: { quantity: number; deliveries: { quantity: number; deliveredOn: string }[] }[] }>();
    app.setNow(on('2026-03-01'));
    for (let index = 0; index < 30; index += 1) {
      const draft = index % 7 === 0;
      const validUntil = index % 3 === 0 ? null : `2026-0${4 + (index % 5)}-15`;
      const quantities = index % 4 === 0 ? [] : index % 4 === 1 ? [10] : [10, 0.8];
      const created = await call(
        app,
        'agreements:create',
        riceMou({
          number: `${index}`,
          draft,
          signedOn: '2026-02-01',
          eventId: null,
          validFrom: null,
          validUntil,
          commitments: quantities.map((quantity, position) => ({ product: `Hàng ${position}`, quantity, unit: position ? 'kg' : 'tấn' })),
        }),
      );
      expected.set(created.id, { signedOn: draft ? null : '2026-02-01', validUntil, terminatedOn: null, commitments: [] });
      const detail = await call(app, 'agreements:get', { id: created.id });
      for (const commitment of detail.commitments) {
        const deliveries: { quantity: number; deliveredOn: string }[] = [];
        if (!draft && index % 2 === 1) deliveries.push({ quantity: commitment.quantity === 10 ? 4 : 0.7, deliveredOn: '2026-02-10' });
        if (!draft && index % 5 < 3) deliveries.push({ quantity: commitment.quantity === 10 ? 6 : 0.1, deliveredOn: `2026-0${2 + (index % 3)}-20` });
        for (const delivery of deliveries) {
          app.setNow(on('2026-06-30'));
          await call(app, 'agreements:addDelivery', { commitmentId: commitment.id, ...delivery });
        }
        expected.get(created.id)?.commitments.push({ quantity: commitment.quantity, deliveries });
      }
      if (!draft && index % 6 === 5) {
        await call(app, 'agreements:terminate', { id: created.id, terminatedOn: '2026-05-01', reason: 'Bên mua ngừng thu mua' });
        const facts = expected.get(created.id);
        if (facts) facts.terminatedOn = '2026-05-01';
      }
    }

    const seen = new Set<AgreementStatus>();
    for (const day of ['2026-02-05', '2026-02-15', '2026-03-25', '2026-04-20', '2026-05-01', '2026-06-16', '2026-09-01']) {
      app.setNow(on(day));
      const byRules = new Map(
        [...expected].map(([id, facts]) => [
          id,
          agreementStatus({ ...facts, commitments: facts.commitments.map((c) => ({ quantity: c.quantity, delivered: deliveredAsOf(c.deliveries, day) })) }, day),
        ]),
      );
      for (const status of agreementStatuses) {
        const wanted = [...byRules].filter(([, rule]) => rule === status).map(([id]) => id);
        // Pages of 4, walked to the end, give every match once and the right total.
        const found: number[] = [];
        for (let page = 1; ; page += 1) {
          const result = await call(app, 'agreements:list', { statuses: [status], page, pageSize: 4 });
          expect(result.total).toBe(wanted.length);
          expect(result.rows.every((row) => row.status === status)).toBe(true);
          found.push(...result.rows.map((row) => row.id));
          if (result.rows.length < 4) break;
        }
        expect(found.sort((a, b) => a - b)).toEqual(wanted.sort((a, b) => a - b));
        if (wanted.length) seen.add(status);
      }
    }
    expect([...seen].sort()).toEqual([...agreementStatuses].sort());
  });
});

describe('termination, notes, trash and history', () => {
  it('terminates from a day on, with a reason, not before signing or a delivery', async () => {
    const { id } = await call(app, 'agreements:create', riceMou());
    const rice = (await call(app, 'agreements:get', { id })).commitments[0];
    await call(app, 'agreements:addDelivery', { commitmentId: rice?.id ?? 0, deliveredOn: '2026-03-08', quantity: 5 });
    expect(await issuesOf('agreements:terminate', { id, terminatedOn: '2026-03-01', reason: 'Nhầm' })).toEqual({
      terminatedOn: 'Ngày chấm dứt không được trước ngày ký (05/03/2026).',
    });
    expect(await issuesOf('agreements:terminate', { id, terminatedOn: '2026-03-07', reason: 'Nhầm' })).toEqual({
      terminatedOn: 'Đã có giao hàng ngày 08/03/2026; ngày chấm dứt không được trước ngày đó.',
    });
    expect(await issuesOf('agreements:terminate', { id, terminatedOn: '2026-03-09', reason: ' ' })).toEqual({
      reason: 'Lý do chấm dứt không được để trống.',
    });
    // A termination agreed for a later day takes effect on that day.
    const later = await call(app, 'agreements:terminate', { id, terminatedOn: '2026-03-20', reason: 'Doanh nghiệp đổi nhà cung cấp' });
    expect(later.status).toBe('in_progress');
    app.setNow(on('2026-03-20'));
    const detail = await call(app, 'agreements:get', { id });
    expect(detail).toMatchObject({ status: 'terminated', terminatedOn: '2026-03-20', terminationReason: 'Doanh nghiệp đổi nhà cung cấp' });
    app.setNow(on('2026-03-25'));
    expect(await issuesOf('agreements:addDelivery', { commitmentId: rice?.id, deliveredOn: '2026-03-21', quantity: 1 })).toEqual({
      deliveredOn: 'Thỏa thuận đã chấm dứt từ ngày 20/03/2026; không ghi nhận giao hàng sau ngày đó.',
    });
  });

  it('keeps follow-up notes newest first and records every change in the history', async () => {
    const { id } = await call(app, 'agreements:create', riceMou());
    await call(app, 'agreements:addNote', { agreementId: id, notedOn: '2026-03-06', text: 'Gọi điện cho Hafoods: đã nhận hồ sơ.' });
    const later = await call(app, 'agreements:addNote', { agreementId: id, notedOn: '2026-03-09', text: 'Hẹn khảo sát vùng nguyên liệu.' });
    expect(await issuesOf('agreements:addNote', { agreementId: id, notedOn: '2026-03-11', text: 'x' })).toEqual({
      notedOn: 'Ngày ghi không được sau hôm nay (10/03/2026).',
    });
    expect((await call(app, 'agreements:get', { id })).notes.map((note) => note.notedOn)).toEqual(['2026-03-09', '2026-03-06']);
    await call(app, 'agreements:removeNote', { id: later.id });
    // As the form sends it: the commitments kept by their ids.
    const stored = (await call(app, 'agreements:get', { id })).commitments;
    const [rice, fragrant] = stored.map((commitment) => commitment.id);
    const commitments = riceMou().commitments.map((commitment, index) => ({ ...commitment, id: stored[index]?.id }));
    await call(app, 'agreements:update', { ...riceMou({ validUntil: '2027-03-31', commitments }), id });

    const { entries: history } = await call(app, 'records:history', { kind: 'agreement', id });
    // Raw values: codes, ISO dates, đồng, and sub-records the screen writes in either language.
    expect(history.map((entry) => [entry.action, entry.changes.map((change) => [change.field, change.before, change.after])])).toEqual([
      ['update', [['validUntil', '2026-12-31', '2027-03-31']]],
      ['update', [['followUp', { notedOn: '2026-03-09', text: 'Hẹn khảo sát vùng nguyên liệu.' }, null]]],
      ['update', [['followUp', null, { notedOn: '2026-03-09', text: 'Hẹn khảo sát vùng nguyên liệu.' }]]],
      ['update', [['followUp', null, { notedOn: '2026-03-06', text: 'Gọi điện cho Hafoods: đã nhận hồ sơ.' }]]],
      [
        'create',
        [
          ['kind', null, 'mou'],
          ['number', null, '01/2026/BBGN'],
          ['title', null, 'Biên bản ghi nhớ tiêu thụ lúa gạo vụ Đông Xuân'],
          ['signedOn', null, '2026-03-05'],
          ['event', null, { id: conference, title: 'Hội nghị kết nối cung – cầu nông sản An Giang 2026' }],
          ['validFrom', null, '2026-03-05'],
          ['validUntil', null, '2026-12-31'],
          [
            'parties',
            null,
            [
              { kind: 'organization', id: vinhBinh, name: 'HTX Nông nghiệp Vĩnh Bình', role: 'seller' },
              { kind: 'partner', id: hafoods, name: 'Công ty CP Thực phẩm Hà Nội', role: 'buyer' },
              { kind: 'alliance', id: null, name: 'Liên minh Hợp tác xã tỉnh An Giang', role: 'witness' },
            ],
          ],
          [
            'commitments',
            null,
            [
              { id: rice, product: 'Lúa Đài Thơm 8', quantity: 50, unit: 'tấn', value: 400_000_000, startsOn: '2026-03-05', dueOn: '2026-06-30', supplier: null, receiver: null },
              { id: fragrant, product: 'Gạo thơm', quantity: 800, unit: 'kg', value: 20_000_000, startsOn: null, dueOn: '2026-09-30', supplier: null, receiver: null },
            ],
          ],
        ],
      ],
    ]);
  });

  it('moves to the trash and back, keeping its history', async () => {
    const { id } = await call(app, 'agreements:create', riceMou());
    await call(app, 'agreements:delete', { id });
    expect((await call(app, 'agreements:list', {})).total).toBe(0);
    expect(await callFailing(app, 'agreements:get', { id })).toMatchObject({ kind: 'notFound' });
    const trash = await call(app, 'agreements:trash', {});
    expect(trash.rows.map((row) => [row.id, row.deletedAt])).toEqual([[id, '2026-03-10T05:00:00.000Z']]);
    expect((await call(app, 'agreements:restore', { id })).status).toBe('signed');
    expect((await call(app, 'records:history', { kind: 'agreement', id })).entries.map((entry) => entry.action)).toEqual(['restore', 'delete', 'create']);
  });
});

describe('attachments', () => {
  async function upload(fileName: string, bytes: Buffer): Promise<string> {
    const { fileId } = await call(app, 'files:begin', { fileName });
    await call(app, 'files:append', { fileId, chunk: bytes.toString('base64') });
    return fileId;
  }

  it('are moved into the data folder, read back byte for byte, opened and removed', async () => {
    const { id } = await call(app, 'agreements:create', riceMou());
    // Bytes of every value, and more than one chunk's worth, so reading back crosses chunks.
    const scan = Buffer.alloc(3 * 1024 * 1024 + 1000);
    for (let index = 0; index < scan.length; index += 1) scan[index] = (index * 31) % 256;
    const attachment = await call(app, 'agreements:addAttachment', { agreementId: id, fileId: await upload('Biên bản ký kết.PDF', scan) });
    expect(attachment).toMatchObject({ fileName: 'Biên bản ký kết.PDF', size: scan.length, mediaType: 'application/pdf' });
    const stored = join(app.ctx.dataDir, 'dinh-kem', String(id), 'Biên bản ký kết.PDF');
    expect(readFileSync(stored).equals(scan)).toBe(true);

    const parts: Buffer[] = [];
    for (let offset: number | null = 0; offset !== null; ) {
      const chunk: FileChunk = await call(app, 'agreements:readAttachment', { attachmentId: attachment.id, offset });
      parts.push(Buffer.from(chunk.chunk, 'base64'));
      offset = chunk.nextOffset;
    }
    expect(parts.length).toBe(2);
    expect(Buffer.concat(parts).equals(scan)).toBe(true);

    // The same name again is kept beside the first, not over it.
    const photo = await call(app, 'agreements:addAttachment', { agreementId: id, fileId: await upload('Biên bản ký kết.PDF', Buffer.from('ảnh')) });
    expect(existsSync(join(app.ctx.dataDir, 'dinh-kem', String(id), 'Biên bản ký kết (2).PDF'))).toBe(true);
    expect((await call(app, 'agreements:get', { id })).attachments.map((a) => a.id)).toEqual([attachment.id, photo.id]);

    expect(await call(app, 'agreements:openAttachment', { attachmentId: attachment.id })).toEqual({ opened: false });
    const opened: string[] = [];
    const desktop = { ...app.ctx, desktop: { openPath: (path: string) => Promise.resolve(void opened.push(path)) } };
    expect(await dispatch(desktop, 'agreements:openAttachment', { attachmentId: attachment.id })).toEqual({ ok: true, value: { opened: true } });
    expect(opened).toEqual([stored]);

    await call(app, 'agreements:removeAttachment', { id: attachment.id });
    expect(existsSync(stored)).toBe(false);
    expect((await call(app, 'agreements:get', { id })).attachments.map((a) => a.id)).toEqual([photo.id]);
    const { entries: history } = await call(app, 'records:history', { kind: 'agreement', id });
    expect(history.slice(0, 3).map((entry) => entry.changes.map((change) => [change.field, change.before, change.after]))).toEqual([
      [['attachment', 'Biên bản ký kết.PDF', null]],
      [['attachment', null, 'Biên bản ký kết.PDF']],
      [['attachment', null, 'Biên bản ký kết.PDF']],
    ]);
  });

  it('refuses types it does not know and files over 50 MB', async () => {
    const { id } = await call(app, 'agreements:create', riceMou());
    expect(await issuesOf('agreements:addAttachment', { agreementId: id, fileId: await upload('caidat.exe', Buffer.from('MZ')) })).toEqual({
      fileId: 'Tệp «caidat.exe» không phải loại được đính kèm. Hãy đính kèm bản chụp (PDF, JPG, PNG…) hoặc văn bản Word, Excel.',
    });
    const big = stageFile(app.ctx, 'ban-chup.jpg');
    truncateSync(big.path, 51 * 1024 * 1024);
    expect(await issuesOf('agreements:addAttachment', { agreementId: id, fileId: big.fileId })).toEqual({
      fileId: 'Tệp «ban-chup.jpg» nặng 51 MB, quá giới hạn 50 MB của tệp đính kèm. Hãy chụp lại với độ phân giải thấp hơn hoặc chia thành nhiều tệp.',
    });
    expect((await call(app, 'agreements:get', { id })).attachments).toEqual([]);
  });
});

describe('editing an agreement against what happened to it', () => {
  /** As the agreement stands, for an update that changes only what is given. */
  async function asStored(id: number, changes: Partial<InputOf<'agreements:update'>> = {}): Promise<InputOf<'agreements:update'>> {
    const detail = await call(app, 'agreements:get', { id });
    const position = (partyId: number | null) => {
      const found = detail.parties.findIndex((party) => party.id === partyId);
      return found < 0 ? null : found;
    };
    return {
      id,
      kind: detail.kind,
      number: detail.number,
      title: detail.title,
      signedOn: detail.signedOn,
      eventId: detail.eventId,
      validFrom: detail.validFrom,
      validUntil: detail.validUntil,
      note: detail.note,
      parties: detail.parties.map((party) => ({ partyId: party.id, kind: party.kind, id: party.counterpartId, role: party.role })),
      commitments: detail.commitments.map((commitment) => ({
        id: commitment.id,
        product: commitment.product,
        quantity: commitment.quantity,
        unit: commitment.unit,
        value: commitment.value,
        startsOn: commitment.startsOn,
        dueOn: commitment.dueOn,
        supplierParty: position(commitment.supplierPartyId),
        receiverParty: position(commitment.receiverPartyId),
      })),
      ...changes,
    };
  }

  it('reopens a closed follow-up when the end of validity moves to or past the closing day, and says so in the history', async () => {
    const { id } = await call(app, 'agreements:create', riceMou({ validUntil: '2026-11-30' }));
    app.setNow(on('2026-12-07'));
    await call(app, 'agreements:close', { id, closedOn: '2026-12-07', reason: 'Doanh nghiệp không nhận phần còn lại.' });
    // Moved, but still before the closing day: the closing stands.
    expect(await call(app, 'agreements:update', await asStored(id, { validUntil: '2026-12-05' }))).toMatchObject({ closedOn: '2026-12-07' });
    const extended = await call(app, 'agreements:update', await asStored(id, { validUntil: '2026-12-31' }));
    expect(extended).toMatchObject({ closedOn: null, status: 'signed', needsClosing: false });
    expect((await call(app, 'agreements:get', { id })).closingReason).toBe('');
    // Run out again unfinished, it is chased again.
    app.setNow(on('2027-01-05'));
    expect((await call(app, 'agreements:get', { id })).needsClosing).toBe(true);
    const { entries } = await call(app, 'records:history', { kind: 'agreement', id });
    const reopened = entries.find((entry) => entry.changes.some((change) => change.field === 'closedOn'));
    expect(reopened?.changes.filter((change) => ['validUntil', 'closedOn', 'closingReason'].includes(change.field))).toEqual([
      { field: 'validUntil', before: '2026-12-05', after: '2026-12-31' },
      { field: 'closedOn', before: '2026-12-07', after: null },
      { field: 'closingReason', before: 'Doanh nghiệp không nhận phần còn lại.', after: '' },
    ]);
  });

  it('names the party in the trash to be restored, shows it so, and saves once it is restored', async () => {
    const { id } = await call(app, 'agreements:create', riceMou());
    await call(app, 'partners:delete', { id: hafoods });
    const detail = await call(app, 'agreements:get', { id });
    expect(detail.parties.map((party) => [party.name, party.inTrash])).toEqual([
      ['HTX Nông nghiệp Vĩnh Bình', false],
      ['Công ty CP Thực phẩm Hà Nội', true],
      ['Liên minh Hợp tác xã tỉnh An Giang', false],
    ]);
    expect(await issuesOf('agreements:update', await asStored(id, { note: 'Bổ sung' }))).toEqual({
      'parties.1.id': 'Bên thứ 2: Đối tác «Công ty CP Thực phẩm Hà Nội» đang ở Thùng rác; hãy khôi phục ở mục Thùng rác nếu cần dùng lại.',
    });
    await call(app, 'partners:restore', { id: hafoods });
    expect((await call(app, 'agreements:update', await asStored(id, { note: 'Bổ sung' }))).parties[1]?.inTrash).toBe(false);
  });

  it('asks before a commitment is cut below what was delivered on it', async () => {
    const { id } = await call(app, 'agreements:create', riceMou());
    const rice = (await call(app, 'agreements:get', { id })).commitments[0];
    if (!rice) throw new Error('The MoU commits rice.');
    await call(app, 'agreements:addDelivery', { commitmentId: rice.id, deliveredOn: '2026-03-08', quantity: 2.5 });
    const cut = async (quantity: number, confirmBelowDelivered = false) => {
      const input = await asStored(id, { confirmBelowDelivered });
      return { ...input, commitments: input.commitments.map((commitment, index) => (index === 0 ? { ...commitment, quantity } : commitment)) };
    };
    expect(await issuesOf('agreements:update', await cut(1))).toEqual({
      'commitments.0.quantity':
        'Cam kết «Lúa Đài Thơm 8» đã giao 2,5 tấn; số lượng cam kết 1 tấn ít hơn số đã giao. Hãy tải lại trang để xem các lần giao hàng rồi lưu lại.',
    });
    // Down to what was delivered, or not changed, asks nothing.
    await call(app, 'agreements:update', await cut(2.5));
    await call(app, 'agreements:update', await cut(1, true));
    expect((await call(app, 'agreements:get', { id })).commitments[0]).toMatchObject({ quantity: 1, delivered: 2.5, fulfilment: 100 });
    await call(app, 'agreements:update', await asStored(id, { note: 'Giao vượt đã thống nhất' }));
  });

  it('takes validity that starts before the signing, as a document may say it takes effect from an earlier day', async () => {
    // A connection's agreement takes effect from the connection's day and is signed later
    // (`agreementDraft`); only an end before the signing is refused.
    expect((await call(app, 'agreements:create', riceMou({ validFrom: '2026-03-01' }))).validFrom).toBe('2026-03-01');
    expect(await issuesOf('agreements:create', riceMou({ validFrom: '2026-03-01', validUntil: '2026-03-04' }))).toEqual({
      validUntil: 'Hiệu lực đến ngày không được trước ngày ký (05/03/2026).',
    });
  });
});
