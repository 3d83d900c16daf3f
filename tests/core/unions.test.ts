import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AN_GIANG, call, callFailing, openTestApp, XA_VINH_AN, XA_VINH_BINH } from './support';

type TestApp = ReturnType<typeof openTestApp>;
let app: TestApp;
let union: number;
let vinhBinh: number;
let nhonHung: number;
let raoSach: number;

beforeEach(async () => {
  app = openTestApp();
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
  union = (await call(app, 'organizations:create', { kind: 'lhhtx', name: 'Liên hiệp HTX Thoại Sơn', communeCode: '30682' })).id;
  vinhBinh = (await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Bình', communeCode: XA_VINH_AN })).id;
  nhonHung = (await call(app, 'organizations:create', { kind: 'htx', name: 'Hợp tác xã Đường thốt nốt Nhơn Hưng', communeCode: XA_VINH_BINH })).id;
  raoSach = (await call(app, 'organizations:create', { kind: 'tht', name: 'Tổ hợp tác Rau sạch', communeCode: XA_VINH_AN })).id;
});
afterEach(() => app.close());

describe('a union of cooperatives and its members', () => {
  it('links two cooperatives, shows them on both profiles, and warns below the minimum', async () => {
    const first = await call(app, 'unions:addMember', { unionId: union, memberId: vinhBinh, joinedOn: '2023-05-10' });
    expect(first).toEqual({
      linkId: first.linkId,
      unionId: union,
      unionName: 'Liên hiệp HTX Thoại Sơn',
      memberId: vinhBinh,
      memberName: 'HTX Nông nghiệp Vĩnh Bình',
      memberCommuneName: 'Xã Vĩnh An',
      joinedOn: '2023-05-10',
      leftOn: null,
    });
    await call(app, 'unions:addMember', { unionId: union, memberId: nhonHung });

    const detail = await call(app, 'organizations:get', { id: union });
    // Sorted by folded name: "hop tac xa …" before "htx …".
    expect(detail.members.map((link) => [link.memberName, link.memberCommuneName, link.joinedOn])).toEqual([
      ['Hợp tác xã Đường thốt nốt Nhơn Hưng', 'Xã Vĩnh Bình', null],
      ['HTX Nông nghiệp Vĩnh Bình', 'Xã Vĩnh An', '2023-05-10'],
    ]);
    expect(detail.warnings).toEqual(['Liên hiệp hợp tác xã có 2 hợp tác xã thành viên, ít hơn mức tối thiểu 3 (theo cài đặt).']);
    expect((await call(app, 'organizations:get', { id: vinhBinh })).unions).toEqual([first]);

    const third = (await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Dịch vụ Vĩnh An', communeCode: XA_VINH_AN })).id;
    await call(app, 'unions:addMember', { unionId: union, memberId: third, joinedOn: '2024-01-01' });
    expect((await call(app, 'organizations:get', { id: union })).warnings).toEqual([]);
  });

  it('ends the links of a member that ceased to exist, and brings them back if that is undone', async () => {
    await call(app, 'unions:addMember', { unionId: union, memberId: vinhBinh, joinedOn: '2023-05-10' });
    await call(app, 'unions:addMember', { unionId: union, memberId: nhonHung, joinedOn: '2023-05-10' });
    const merged = await call(app, 'lifecycle:record', {
      kind: 'consolidation',
      date: '2025-07-01',
      decisionNo: '125/QĐ-UBND',
      note: '',
      predecessorIds: [vinhBinh, nhonHung],
      successorIds: [],
      newSuccessors: [{ kind: 'htx', name: 'HTX Thương mại Vĩnh Hòa', communeCode: XA_VINH_AN }],
    });
    const after = await call(app, 'organizations:get', { id: union });
    expect(after.members.map((link) => link.leftOn)).toEqual(['2025-07-01', '2025-07-01']);
    expect(after.warnings).toEqual(['Liên hiệp hợp tác xã có 0 hợp tác xã thành viên, ít hơn mức tối thiểu 3 (theo cài đặt).']);
    expect(await callFailing(app, 'unions:addMember', { unionId: union, memberId: vinhBinh })).toMatchObject({
      kind: 'validation',
      issues: [{ path: 'memberId', message: 'HTX Nông nghiệp Vĩnh Bình đã chấm dứt hoạt động từ 01/07/2025, không thể gia nhập liên hiệp.' }],
    });

    await call(app, 'lifecycle:delete', { eventId: merged.id });
    expect((await call(app, 'organizations:get', { id: union })).members.map((link) => link.leftOn)).toEqual([null, null]);
  });

  it('ends a membership, then allows joining again', async () => {
    const link = await call(app, 'unions:addMember', { unionId: union, memberId: vinhBinh, joinedOn: '2023-05-10' });
    expect(await callFailing(app, 'unions:addMember', { unionId: union, memberId: vinhBinh })).toEqual({
      kind: 'conflict',
      message:
        'HTX Nông nghiệp Vĩnh Bình đang là thành viên của Liên hiệp HTX Thoại Sơn từ 10/05/2023. ' +
        'Nếu hợp tác xã đã rời rồi gia nhập lại, hãy ghi ngày rời trước.',
    });
    const bad = await callFailing(app, 'unions:endMembership', { linkId: link.linkId, leftOn: '2023-05-09' });
    expect(bad.kind === 'validation' && bad.issues).toEqual([
      { path: 'leftOn', message: 'Ngày rời liên hiệp không được trước ngày gia nhập (10/05/2023).' },
    ]);
    expect(await call(app, 'unions:endMembership', { linkId: link.linkId, leftOn: '2025-12-31' })).toEqual({ ...link, leftOn: '2025-12-31' });
    const again = await call(app, 'unions:addMember', { unionId: union, memberId: vinhBinh, joinedOn: '2026-03-01' });
    expect((await call(app, 'organizations:get', { id: vinhBinh })).unions.map((l) => [l.linkId, l.joinedOn, l.leftOn])).toEqual([
      [again.linkId, '2026-03-01', null],
      [link.linkId, '2023-05-10', '2025-12-31'],
    ]);
    // A member that left no longer counts toward the minimum.
    expect((await call(app, 'organizations:get', { id: union })).warnings).toEqual([
      'Liên hiệp hợp tác xã có 1 hợp tác xã thành viên, ít hơn mức tối thiểu 3 (theo cài đặt).',
    ]);
  });

  it('removes a link entered by mistake, leaving an audit row', async () => {
    const link = await call(app, 'unions:addMember', { unionId: union, memberId: vinhBinh });
    expect(await call(app, 'unions:removeMember', { linkId: link.linkId })).toBeNull();
    expect((await call(app, 'organizations:get', { id: union })).members).toEqual([]);
    expect(await callFailing(app, 'unions:removeMember', { linkId: link.linkId })).toEqual({
      kind: 'notFound',
      message: 'Không tìm thấy liên kết thành viên này; có thể đã bị xóa hẳn. Hãy tải lại danh sách.',
    });
    const audit = app.ctx.db.$client.prepare("SELECT action FROM audit_log WHERE entity = 'union_member' ORDER BY id").all();
    expect(audit).toEqual([{ action: 'create' }, { action: 'delete' }]);
  });

  it.each([
    ['a union that is not one', () => ({ unionId: vinhBinh, memberId: nhonHung }), 'unionId',
      'HTX Nông nghiệp Vĩnh Bình là hợp tác xã, không phải liên hiệp hợp tác xã; chỉ liên hiệp HTX mới có hợp tác xã thành viên.'],
    ['a member that is not a cooperative', () => ({ unionId: union, memberId: raoSach }), 'memberId',
      'Thành viên của liên hiệp phải là hợp tác xã; Tổ hợp tác Rau sạch là tổ hợp tác.'],
    ['itself', () => ({ unionId: union, memberId: union }), 'memberId', 'Một tổ chức không thể là thành viên của chính nó.'],
    ['an organization that does not exist', () => ({ unionId: union, memberId: 999 }), 'memberId',
      'Không tìm thấy tổ chức này; có thể đã bị xóa hẳn. Hãy tải lại danh sách.'],
  ])('refuses %s', async (_what, input, path, message) => {
    const error = await callFailing(app, 'unions:addMember', input());
    expect(error.kind === 'validation' && error.issues).toEqual([{ path, message }]);
  });

  it('hides links to organizations in the trash', async () => {
    await call(app, 'unions:addMember', { unionId: union, memberId: vinhBinh });
    await call(app, 'organizations:delete', { id: vinhBinh });
    expect((await call(app, 'organizations:get', { id: union })).members).toEqual([]);
    await call(app, 'organizations:restore', { id: vinhBinh });
    expect((await call(app, 'organizations:get', { id: union })).members.map((link) => link.memberId)).toEqual([vinhBinh]);
  });
});
