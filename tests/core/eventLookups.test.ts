import type ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../src/shared/contract';
import { AN_GIANG, call, callFailing, openTestApp, XA_VINH_AN } from './support';
import { readWorkbook, rowNumberOf, runReport } from './reportsSupport';

type TestApp = ReturnType<typeof openTestApp>;
let app: TestApp;

beforeEach(async () => {
  app = openTestApp();
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
});
afterEach(() => app.close());

const eventOf = (kind: string, title: string, startsOn = '2026-10-15'): InputOf<'events:create'> => ({ kind, title, startsOn, provinceCode: AN_GIANG });

describe('the kinds of event and the roles of participants', () => {
  it('are the lists the app had, with their Vietnamese names, in use', async () => {
    const { kinds, roles } = await call(app, 'events:lookups', undefined);
    expect(kinds.map((row) => row.name)).toEqual([
      'Hội nghị kết nối cung – cầu',
      'Hội nghị chuyên đề',
      'Tọa đàm',
      'Hội chợ – triển lãm',
      'Diễn đàn',
      'Lớp tập huấn',
      'Khảo sát học tập',
      'Họp trực tuyến',
    ]);
    expect(roles.map((row) => `${row.code}:${row.name}`)).toEqual([
      'attendee:Tham dự',
      'host:Chủ trì',
      'guest:Khách mời',
      'exhibitor:Trưng bày',
      'speaker:Báo cáo viên',
      'co_organizer:Đơn vị phối hợp',
    ]);
    expect([...kinds, ...roles].every((row) => !row.retired && row.used === 0)).toBe(true);
    expect(kinds.filter((row) => row.online).map((row) => row.code)).toEqual(['online_meeting']);
  });

  it('say which kinds are held online, in no province: the office marks its own', async () => {
    const webinar = await call(app, 'events:saveLookup', { table: 'kinds', name: 'Hội thảo trực tuyến', online: true });
    expect(webinar).toEqual({ code: 'hoi_thao_truc_tuyen', name: 'Hội thảo trực tuyến', retired: false, used: 0, online: true });
    const event = await call(app, 'events:create', { kind: webinar.code, title: 'Hội thảo trực tuyến về sàn thương mại điện tử', startsOn: '2026-10-20', provinceCode: null });
    expect(event).toMatchObject({ kind: 'hoi_thao_truc_tuyen', provinceCode: null });
    // Renamed or retired without saying, it stays online; a kind held in a province needs one.
    await call(app, 'events:saveLookup', { table: 'kinds', code: webinar.code, name: 'Hội thảo trực tuyến chuyên đề', retired: true });
    expect((await call(app, 'events:lookups', undefined)).kinds.find((row) => row.code === webinar.code)).toMatchObject({ online: true, retired: true, used: 1 });
    const forum = await callFailing(app, 'events:create', { kind: 'forum', title: 'Diễn đàn HTX', startsOn: '2026-10-20', provinceCode: null });
    expect(forum.kind === 'validation' && forum.issues).toEqual([{ path: 'provinceCode', message: 'Chưa chọn tỉnh, thành phố nơi tổ chức sự kiện.' }]);
    // No longer online: its next events need a province, its old one keeps none until edited.
    await call(app, 'events:saveLookup', { table: 'kinds', code: 'online_meeting', name: 'Họp trực tuyến', online: false });
    const meeting = await callFailing(app, 'events:create', { kind: 'online_meeting', title: 'Họp giao ban', startsOn: '2026-10-21', provinceCode: null });
    expect(meeting.kind).toBe('validation');
    // A role has no such thing.
    const role = await callFailing(app, 'events:saveLookup', { table: 'roles', name: 'Khách mời trực tuyến', online: true });
    expect(role.kind === 'validation' && role.issues).toEqual([{ path: 'online', message: 'Chỉ loại sự kiện mới có hình thức trực tuyến.' }]);
  });

  it('are added to and renamed by the office, and events and reports take the new names', async () => {
    const added = await call(app, 'events:saveLookup', { table: 'kinds', name: 'Hội thảo khoa học' });
    expect(added).toEqual({ code: 'hoi_thao_khoa_hoc', name: 'Hội thảo khoa học', retired: false, used: 0, online: false });
    const event = await call(app, 'events:create', eventOf(added.code, 'Hội thảo giống lúa chịu mặn', '2025-05-20'));
    expect(event.kind).toBe('hoi_thao_khoa_hoc');
    // The same name folded is refused, whichever list it would clash with in its own.
    const same = await callFailing(app, 'events:saveLookup', { table: 'kinds', name: 'hoi thao khoa hoc' });
    expect(same.kind === 'validation' && same.issues).toEqual([{ path: 'name', message: 'Đã có loại sự kiện «Hội thảo khoa học»; hãy đặt tên khác.' }]);

    await call(app, 'events:saveLookup', { table: 'kinds', code: 'thematic_conference', name: 'Hội nghị chuyên đề sản phẩm' });
    await call(app, 'events:create', eventOf('thematic_conference', 'Hội nghị chuyên đề xoài', '2025-06-01'));
    const overview = await call(app, 'statistics:overview', { year: 2025 });
    expect(overview.promotion.byKind.map((line) => [line.kind, line.kindName, line.events])).toEqual([
      ['thematic_conference', 'Hội nghị chuyên đề sản phẩm', 1],
      ['hoi_thao_khoa_hoc', 'Hội thảo khoa học', 1],
    ]);
    // The report writes the names the office gave.
    const report = await runReport(app, { report: 'trade-promotion', from: '2025-01-01', to: '2025-12-31' });
    const byKind = (await readWorkbook(report.path)).getWorksheet('Theo loại sự kiện') as ExcelJS.Worksheet;
    const first = rowNumberOf(byKind, 'STT') + 1;
    const names = [1, 2, 3].map((offset) => byKind.getRow(first + offset).getCell(2).text);
    expect(names).toContain('Hội nghị chuyên đề sản phẩm');
    expect(names).toContain('Hội thảo khoa học');
  }, 120_000);

  it('retired, are no longer given to new events and participants, while old ones keep theirs', async () => {
    const htx = await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh An', communeCode: XA_VINH_AN });
    const old = await call(app, 'events:create', eventOf('seminar', 'Tọa đàm chuyển đổi số'));
    await call(app, 'events:addParticipants', { eventId: old.id, participants: [{ kind: 'organization', id: htx.id, role: 'guest' }] });

    const retired = await call(app, 'events:saveLookup', { table: 'kinds', code: 'seminar', name: 'Tọa đàm', retired: true });
    expect(retired).toEqual({ code: 'seminar', name: 'Tọa đàm', retired: true, used: 1, online: false });
    await call(app, 'events:saveLookup', { table: 'roles', code: 'guest', name: 'Khách mời', retired: true });

    const refused = await callFailing(app, 'events:create', eventOf('seminar', 'Tọa đàm mới'));
    expect(refused.kind === 'validation' && refused.issues).toEqual([
      { path: 'kind', message: 'Loại sự kiện «Tọa đàm» đã ngừng dùng; hãy chọn loại sự kiện khác, hoặc dùng lại nó trong Danh mục sự kiện.' },
    ]);
    const unknown = await callFailing(app, 'events:create', eventOf('party', 'Tiệc'));
    expect(unknown.kind === 'validation' && unknown.issues).toEqual([{ path: 'kind', message: 'Loại sự kiện «party» không có trong danh mục; hãy chọn lại.' }]);

    // The old event is edited and keeps its kind; its participant keeps the retired role.
    const edited = await call(app, 'events:update', { ...eventOf('seminar', 'Tọa đàm chuyển đổi số (buổi 1)'), id: old.id });
    expect(edited.kind).toBe('seminar');
    const detail = await call(app, 'events:get', { id: old.id });
    const participant = detail.participants[0];
    expect(participant?.role).toBe('guest');
    await call(app, 'events:updateParticipant', { id: participant?.id ?? 0, role: 'guest', status: 'attended' });
    const roleRefused = await callFailing(app, 'events:updateParticipant', { id: participant?.id ?? 0, role: 'guest_of_honour' });
    expect(roleRefused.kind).toBe('validation');

    const other = await call(app, 'events:create', eventOf('forum', 'Diễn đàn HTX'));
    const addRefused = await callFailing(app, 'events:addParticipants', { eventId: other.id, participants: [{ kind: 'organization', id: htx.id, role: 'guest' }] });
    expect(addRefused.kind === 'validation' && addRefused.issues).toEqual([
      { path: 'participants.0.role', message: 'Vai trò «Khách mời» đã ngừng dùng; hãy chọn vai trò khác, hoặc dùng lại nó trong Danh mục sự kiện.' },
    ]);

    // The history names the kind as the lookup does.
    const history = await call(app, 'records:history', { kind: 'event', id: old.id });
    expect(history.names['kind:seminar']).toBe('Tọa đàm');

    // Brought back into use, it is offered and taken again.
    await call(app, 'events:saveLookup', { table: 'kinds', code: 'seminar', name: 'Tọa đàm', retired: false });
    expect((await call(app, 'events:create', eventOf('seminar', 'Tọa đàm mới'))).kind).toBe('seminar');
  });
});
