import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InputOf, JobStatus, Lookups, ReportInfo, StatisticsOverview } from '../../src/shared/contract';
import { alliance, fail, installFakeApi, ok, organization, provinces, type FakeHandlers } from './fakeApi';
import { choose } from './select';
import { renderApp } from './renderApp';

const lookups: Lookups = {
  sectors: [{ code: 'trong_trot', name: 'Trồng trọt', group: 'agriculture' }],
  sizeClasses: [],
  certificationKinds: [],
  minimumMembers: { htx: 5, lhhtx: 3, tht: 0, qtdnd: 0 },
};

const jobId = '7b0e4c1a-2f55-4d3e-9a55-0c8e6f1d2b3a';
const fileId = '0d8f6c1e-7a4b-4c2d-8e9f-1a2b3c4d5e6f';

const reports: ReportInfo[] = [
  { report: 'register-statistics', title: 'BÁO CÁO THỐNG KÊ TỔ CHỨC KINH TẾ TẬP THỂ', period: 'year', sheets: ['I. THEO LOẠI HÌNH', 'II. THEO LĨNH VỰC'], byProgramme: false },
  { report: 'trade-promotion', title: 'BÁO CÁO KẾT QUẢ HOẠT ĐỘNG XÚC TIẾN THƯƠNG MẠI', period: 'range', sheets: ['I. SỰ KIỆN'], byProgramme: false },
  { report: 'agreements', title: 'BÁO CÁO TÌNH HÌNH KÝ KẾT', period: 'range', sheets: ['I. THỎA THUẬN'], byProgramme: false },
  { report: 'register', title: 'DANH SÁCH TỔ CHỨC KINH TẾ TẬP THỂ', period: 'today', sheets: ['Danh sách'], byProgramme: false },
];

function status(state: JobStatus['state'], error: JobStatus['error'] = null): JobStatus {
  return { jobId, state, done: 10, total: 10, phase: 'writing', error };
}

/** The file the backend staged, read back in one chunk ("xlsx" in base64). */
const staged = {
  'reports:file': () => ok({ fileId, fileName: 'Bao-cao-thong-ke-HTX-2025.xlsx' }),
  'files:read': () => ok({ fileName: 'Bao-cao-thong-ke-HTX-2025.xlsx', chunk: 'eGxzeA==', size: 4, nextOffset: null }),
};

const downloads: string[] = [];
beforeEach(() => {
  sessionStorage.clear();
  downloads.length = 0;
  // jsdom makes no object URLs and does not follow links; the download is what was clicked.
  URL.createObjectURL = vi.fn(() => 'blob:report');
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push(this.download);
  });
});
afterEach(() => vi.restoreAllMocks());

/** What the page asked 'reports:exportList' for. */
function exportRequest(invoke: ReturnType<typeof installFakeApi>): InputOf<'reports:exportList'> | undefined {
  return invoke.mock.calls.find(([channel]) => channel === 'reports:exportList')?.[1] as InputOf<'reports:exportList'> | undefined;
}

describe('Xuất Excel on the register list', () => {
  it('exports the list as shown and downloads the workbook', async () => {
    const invoke = installFakeApi({
      'alliance:get': () => ok(alliance),
      'lookups:get': () => ok(lookups),
      'organizations:list': () => ok({ rows: [organization({ id: 7, name: 'HTX Nông nghiệp Mỹ Hiệp' })], total: 1 }),
      'reports:exportList': () => ok({ jobId }),
      'jobs:status': () => ok(status('done')),
      ...staged,
    });
    renderApp('#/thanh-vien');
    fireEvent.click(await screen.findByRole('button', { name: 'Xuất Excel' }));

    await waitFor(() => expect(downloads).toEqual(['Bao-cao-thong-ke-HTX-2025.xlsx']));
    expect(await screen.findByText('Đã tải về Bao-cao-thong-ke-HTX-2025.xlsx.')).toBeTruthy();
    // The list's own request (its sort) and the columns shown by default, in the list's order.
    expect(exportRequest(invoke)).toEqual({
      list: 'organizations',
      input: { sort: { by: 'name', direction: 'asc' } },
      columns: ['kind', 'registrationNo', 'communeName', 'sectorCode', 'isMember', 'status'],
    });
  });
});

describe('Xuất Excel on the lists of partners, events and agreements', () => {
  const exporting = {
    'alliance:get': () => ok(alliance),
    'places:provinces': () => ok(provinces),
    'reports:exportList': () => ok({ jobId }),
    'jobs:status': () => ok(status('done')),
    ...staged,
  } satisfies FakeHandlers;

  it('sends the partners list’s search, filter, order and columns', async () => {
    const invoke = installFakeApi({ ...exporting, 'partners:list': () => ok({ rows: [], total: 0 }) });
    renderApp('#/doi-tac');
    fireEvent.change(await screen.findByLabelText('Tìm kiếm đối tác'), { target: { value: ' thuc pham ' } });
    await choose(screen.getByLabelText('Loại đối tác'), '', 'Chợ đầu mối');
    fireEvent.click(screen.getByText('Tỉnh, thành phố', { selector: 'th *' }));
    // The export follows what the list asks for once the search has settled.
    await waitFor(() =>
      expect(invoke.mock.calls.filter(([channel]) => channel === 'partners:list').at(-1)?.[1]).toMatchObject({
        search: 'thuc pham',
        kind: 'wholesale_market',
        sort: { by: 'province', direction: 'asc' },
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Xuất Excel' }));

    await waitFor(() => expect(downloads).toEqual(['Bao-cao-thong-ke-HTX-2025.xlsx']));
    expect(exportRequest(invoke)).toEqual({
      list: 'partners',
      input: { search: 'thuc pham', kind: 'wholesale_market', sort: { by: 'province', direction: 'asc' } },
      columns: ['name', 'kind', 'province', 'contact', 'phone', 'buys'],
    });
  });

  it('sends the events list’s search, filters, order and columns', async () => {
    const invoke = installFakeApi({ ...exporting, 'events:list': () => ok({ rows: [], total: 0 }) });
    renderApp('#/su-kien');
    fireEvent.change(await screen.findByLabelText('Tìm kiếm sự kiện'), { target: { value: 'hoi cho' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Sắp diễn ra' }));
    fireEvent.click(screen.getByText('Tên sự kiện', { selector: 'th *' }));
    await waitFor(() =>
      expect(invoke.mock.calls.filter(([channel]) => channel === 'events:list').at(-1)?.[1]).toMatchObject({ search: 'hoi cho', when: 'upcoming', sort: { by: 'title' } }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Xuất Excel' }));

    await waitFor(() => expect(exportRequest(invoke)).toBeDefined());
    expect(exportRequest(invoke)).toEqual({
      list: 'events',
      // The list keeps the direction it had (newest first) when sorted by another column.
      input: { search: 'hoi cho', when: 'upcoming', sort: { by: 'title', direction: 'desc' } },
      columns: ['dates', 'title', 'kind', 'place', 'participants'],
    });
  });

  it('sends the agreements list’s search, filters and columns', async () => {
    const invoke = installFakeApi({ ...exporting, 'agreements:list': () => ok({ rows: [], total: 0 }) });
    renderApp('#/thoa-thuan');
    fireEvent.change(await screen.findByLabelText('Tìm kiếm thỏa thuận'), { target: { value: 'lua' } });
    await choose(screen.getByLabelText('Trạng thái'), '', 'Đang thực hiện');
    await waitFor(() =>
      expect(invoke.mock.calls.filter(([channel]) => channel === 'agreements:list').at(-1)?.[1]).toMatchObject({ search: 'lua', statuses: ['in_progress'] }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Xuất Excel' }));

    await waitFor(() => expect(exportRequest(invoke)).toBeDefined());
    expect(exportRequest(invoke)).toEqual({
      list: 'agreements',
      input: { search: 'lua', statuses: ['in_progress'] },
      columns: ['number', 'title', 'kind', 'signedOn', 'parties', 'value', 'fulfilment', 'status'],
    });
  });
});

/** The page's clock: only Date is faked, so the page's timers (polling the job) still run. */
function today(year: number, month: number, day: number) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(year, month - 1, day, 9, 0));
}

describe('Báo cáo page', () => {
  // In October the year reported is still last year (see the year's report from November below).
  beforeEach(() => today(2026, 10, 15));
  afterEach(() => vi.useRealTimers());

  it('makes the statistics report for the chosen year, with progress, then downloads it', async () => {
    let state: JobStatus['state'] = 'running';
    const invoke = installFakeApi({
      'alliance:get': () => ok(alliance),
      'reports:layouts': () => ok(reports),
      'statistics:years': () => ok([2025, 2024]),
      'statistics:reportedYear': () => ok({ year: 2025, pending: null }),
      'statistics:overview': ({ year }) => ok({ current: { year, reporting: 600, figuresReported: true, organizations: { total: 652 } } } as unknown as StatisticsOverview),
      'reports:run': () => ok({ jobId }),
      'jobs:status': () => ok({ ...status(state), done: 3 }),
      ...staged,
    });
    renderApp('#/bao-cao');
    const card = await screen.findByRole('region', { name: 'Thống kê tổ chức kinh tế tập thể theo năm' });
    // Its sections named as a sentence would; a report of one table (the register) names none.
    expect(within(card).getByText('Gồm các phần: I. THEO LOẠI HÌNH; II. THEO LĨNH VỰC')).toBeTruthy();
    const register = screen.getByRole('region', { name: 'Danh sách tổ chức kinh tế tập thể' });
    expect(within(register).queryByText(/Gồm/)).toBeNull();
    fireEvent.change(within(card).getByLabelText('Số văn bản'), { target: { value: '125' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Tạo báo cáo' }));

    const dialog = await screen.findByRole('dialog', { name: 'Đang tạo báo cáo' });
    expect(await within(dialog).findByText('Đang ghi tệp Excel — 3 / 10 dòng')).toBeTruthy();
    state = 'done';
    await waitFor(() => expect(downloads).toEqual(['Bao-cao-thong-ke-HTX-2025.xlsx']));
    const run = invoke.mock.calls.find(([channel]) => channel === 'reports:run')?.[1];
    expect(run).toEqual({ report: 'register-statistics', year: 2025, documentNumber: '125' });
  });

  it('asks for a period, and shows why a report failed', async () => {
    const invoke = installFakeApi({
      'alliance:get': () => ok(alliance),
      'reports:layouts': () => ok(reports),
      'statistics:years': () => ok([]),
      'reports:run': () => ok({ jobId }),
      'jobs:status': () =>
        ok(status('failed', { kind: 'notFound', message: 'Chưa có thông tin của Liên minh (tên, tỉnh, Chủ tịch). Hãy nhập ở Cài đặt rồi làm lại báo cáo.' })),
    });
    renderApp('#/bao-cao');
    const card = await screen.findByRole('region', { name: 'Hoạt động xúc tiến thương mại' });
    expect(within(card).getByLabelText<HTMLInputElement>('Từ ngày').value).toBe('01/01/2025');
    expect(within(card).getByLabelText<HTMLInputElement>('Đến ngày').value).toBe('31/12/2025');
    // The whole number typed where only its own part goes: said at the field, nothing started.
    const number = within(card).getByLabelText<HTMLInputElement>('Số văn bản');
    fireEvent.change(number, { target: { value: '125/BC-LMHTX' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Tạo báo cáo' }));
    expect(await within(card).findByText('Số văn bản chỉ ghi phần số trước «/BC-…», ví dụ 125 — không gồm dấu «/» hay khoảng trắng.')).toBeTruthy();
    expect(number.value).toBe('125/BC-LMHTX');
    expect(invoke.mock.calls.some(([channel]) => channel === 'reports:run')).toBe(false);
    // Left blank: the report prints dots to fill in by hand.
    fireEvent.change(number, { target: { value: '' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Tạo báo cáo' }));

    expect(await screen.findByText(/Chưa có thông tin của Liên minh/)).toBeTruthy();
    // The dialog no longer says the report is being made.
    const dialog = screen.getByRole('dialog', { name: 'Không tạo được tệp Excel' });
    expect(within(dialog).getByText(/Chưa có thông tin của Liên minh/)).toBeTruthy();
    expect(screen.queryByText('Đang tạo báo cáo')).toBeNull();
    expect(invoke.mock.calls.find(([channel]) => channel === 'reports:run')?.[1]).toEqual({
      report: 'trade-promotion',
      from: '2025-01-01',
      to: '2025-12-31',
      documentNumber: '',
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Đóng' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(downloads).toEqual([]);
  });

  it('offers a bulletin of supply for the three months from today, and sends its document number', async () => {
    const invoke = installFakeApi({
      'alliance:get': () => ok(alliance),
      'reports:layouts': () => ok([...reports, { report: 'supply-bulletin', title: 'BẢN TIN NGUỒN CUNG', period: 'range', sheets: ['Nguồn cung'], byProgramme: true }]),
      'statistics:years': () => ok([]),
      'programmes:list': () => ok([]),
      'reports:run': () => ok({ jobId }),
      'jobs:status': () => ok(status('running')),
    });
    renderApp('#/bao-cao');
    const card = await screen.findByRole('region', { name: 'Bản tin nguồn cung gửi các đối tác' });
    expect(within(card).getByLabelText<HTMLInputElement>('Từ ngày').value).toBe('15/10/2026');
    expect(within(card).getByLabelText<HTMLInputElement>('Đến ngày').value).toBe('15/01/2027');
    fireEvent.change(within(card).getByLabelText('Số văn bản'), { target: { value: '18' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Tạo báo cáo' }));
    await waitFor(() => expect(invoke.mock.calls.find(([channel]) => channel === 'reports:run')?.[1]).toMatchObject({ report: 'supply-bulletin', documentNumber: '18' }));
  });

  it('opens the year’s statistics on the year Tổng quan opens on, and says before making it when a year is short of figures', async () => {
    const figures = (year: number, reporting: number) => ({ year, reporting, figuresReported: reporting >= 326, organizations: { htx: 465, lhhtx: 0, tht: 184, qtdnd: 3, total: 652 } });
    const invoke = installFakeApi({
      'alliance:get': () => ok(alliance),
      'reports:layouts': () => ok(reports),
      'statistics:years': () => ok([2026, 2025, 2024]),
      // In December 2026 only 4 have reported 2026: Tổng quan opens on 2025.
      'statistics:reportedYear': () => ok({ year: 2025, pending: { year: 2026, reporting: 4, existing: 652 } }),
      'statistics:overview': ({ year }) => ok({ current: figures(year, year === 2026 ? 4 : year === 2024 ? 0 : 610) } as unknown as StatisticsOverview),
      'reports:run': () => ok({ jobId }),
      'jobs:status': () => ok(status('running')),
    });
    today(2026, 12, 7);
    renderApp('#/bao-cao');
    const statistics = await screen.findByRole('region', { name: 'Thống kê tổ chức kinh tế tập thể theo năm' });
    await waitFor(() => expect(within(statistics).getByLabelText<HTMLInputElement>('Năm báo cáo').value).toBe('2025'));
    // A period report covers the year in progress from November, when offices write the year's report.
    const promotion = screen.getByRole('region', { name: 'Hoạt động xúc tiến thương mại' });
    expect(within(promotion).getByLabelText<HTMLInputElement>('Từ ngày').value).toBe('01/01/2026');
    expect(within(promotion).getByLabelText<HTMLInputElement>('Đến ngày').value).toBe('31/12/2026');
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('statistics:overview', { year: 2025 }));
    expect(within(statistics).queryByText(/báo cáo số liệu hằng năm/)).toBeNull();

    await choose(within(statistics).getByLabelText('Năm báo cáo'), '2026', '2026');
    expect(
      await within(statistics).findByText('Năm 2026 mới có 4/652 tổ chức báo cáo số liệu hằng năm: thành viên, lao động, xếp loại, doanh thu chỉ là của các tổ chức này, và báo cáo sẽ ghi rõ điều đó.'),
    ).toBeTruthy();
    await choose(within(statistics).getByLabelText('Năm báo cáo'), '2024', '2024');
    expect(
      await within(statistics).findByText('Năm 2024 chưa có tổ chức nào báo cáo số liệu hằng năm: báo cáo sẽ ghi rõ điều này và in «—» ở thành viên, lao động, xếp loại, doanh thu.'),
    ).toBeTruthy();
    await choose(within(statistics).getByLabelText('Năm báo cáo'), '2026', '2026');
    fireEvent.click(within(statistics).getByRole('button', { name: 'Tạo báo cáo' }));
    await waitFor(() => expect(invoke.mock.calls.find(([channel]) => channel === 'reports:run')?.[1]).toEqual({ report: 'register-statistics', year: 2026, documentNumber: '' }));
  });

  it('covers last year in a period report until November', async () => {
    installFakeApi({ 'alliance:get': () => ok(alliance), 'reports:layouts': () => ok(reports), 'statistics:years': () => ok([]) });
    // The last day of October: still last year's.
    today(2026, 10, 31);
    renderApp('#/bao-cao');
    const promotionBefore = await screen.findByRole('region', { name: 'Hoạt động xúc tiến thương mại' });
    expect(within(promotionBefore).getByLabelText<HTMLInputElement>('Từ ngày').value).toBe('01/01/2025');
  });

  it('says so when the backend no longer knows the job, instead of waiting for it forever', async () => {
    const lost = 'Không tìm thấy công việc này; có thể ứng dụng đã khởi động lại. Hãy làm lại từ đầu.';
    installFakeApi({
      'alliance:get': () => ok(alliance),
      'reports:layouts': () => ok(reports),
      'statistics:years': () => ok([]),
      'reports:run': () => ok({ jobId }),
      'jobs:status': () => fail({ kind: 'notFound', message: lost }),
    });
    renderApp('#/bao-cao');
    const card = await screen.findByRole('region', { name: 'Danh sách tổ chức kinh tế tập thể' });
    fireEvent.click(within(card).getByRole('button', { name: 'Tạo báo cáo' }));
    const dialog = await screen.findByRole('dialog', { name: 'Đang tạo báo cáo' });
    expect(await within(dialog).findByText(lost)).toBeTruthy();
    expect(downloads).toEqual([]);
  });
});
