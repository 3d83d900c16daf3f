import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AttentionList, StatisticsOverview, TargetProgress, YearStatistics } from '../../src/shared/contract';
import { AppProviders, createQueryClient } from '../../src/renderer/src/AppProviders';
import { OverviewPage } from '../../src/renderer/src/pages/OverviewPage';
import { alliance, installFakeApi, ok } from './fakeApi';
import { renderApp } from './renderApp';
import { choose } from './select';

function stats(year: number, overrides: Partial<YearStatistics> = {}): YearStatistics {
  return {
    year,
    organizations: { htx: 465, lhhtx: 0, tht: 186, qtdnd: 3, total: 654 },
    bySectorGroup: [],
    bySector: [{ code: 'trong-trot', name: 'Trồng trọt', group: 'agriculture', count: 300 }],
    byCommune: [
      { code: '28123', name: 'Xã Mỹ Hiệp', provinceCode: '82', count: 42 },
      { code: '28456', name: 'Phường Cao Lãnh', provinceCode: '82', count: 17 },
    ],
    founded: { htx: 12, lhhtx: 0, tht: 3, qtdnd: 0, total: 15 },
    formedByReorganization: { htx: 2, lhhtx: 0, tht: 0, qtdnd: 0, total: 2 },
    endedByReorganization: { htx: 1, lhhtx: 0, tht: 2, qtdnd: 0, total: 3 },
    dissolved: { htx: 4, lhhtx: 0, tht: 1, qtdnd: 0, total: 5 },
    reporting: 600,
    figuresReported: true,
    membersOfficial: 15_200,
    membersAssociate: 2_150,
    workers: 30_120,
    averageRevenuePerCooperative: 1_750_000_000,
    averageProfitPerCooperative: 120_000_000,
    averageIncomePerWorker: 4_500_000,
    classification: { good: 120, fair: 200, average: 250, weak: 40, unclassified: 44 },
    ...overrides,
  };
}

/** The year's figures with no events nor agreements: what the tests of the sections around them need. */
function yearFigures(year: number): StatisticsOverview {
  const none = { events: 0, places: 0, cooperatives: 0, groups: 0, enterprises: 0, otherPartners: 0, agreements: 0, agreementValue: 0, budget: 0 };
  return { current: stats(year), previous: stats(year - 1), promotion: { byKind: [], total: none, upcoming: { events: 0, firstOn: null } }, agreements: { signed: 0, value: 0, fulfilment: null } };
}

/** Nothing to chase, for a test to fill in the kinds it is about. */
const nothingToChase: AttentionList = {
  today: '2026-11-23',
  expiringAgreements: [],
  overdueCommitments: [],
  expiredUnfinished: [],
  withoutFollowUp: [],
  upcomingEvents: [],
  expiringCertifications: [],
  offersWithoutBuyer: [],
  unservedDemands: [],
  targetsAtRisk: [],
};

describe('overview', () => {
  it('shows the latest year at a glance, with changes from the year before', async () => {
    const invoke = installFakeApi({
      'statistics:years': () => ok([2024, 2023]),
      'statistics:reportedYear': () => ok({ year: 2024, pending: null }),
      'statistics:overview': ({ year }) =>
        ok({
          current: stats(year),
          previous: stats(year - 1, {
            organizations: { htx: 460, lhhtx: 0, tht: 190, qtdnd: 3, total: 653 },
            workers: 31_000,
            averageRevenuePerCooperative: 1_500_000_000,
            averageIncomePerWorker: 4_392_169,
          }),
          promotion: {
            byKind: [
              { kind: 'supply_demand_conference', kindName: 'Hội nghị kết nối cung – cầu', events: 4, places: 4, cooperatives: 71, groups: 0, enterprises: 38, otherPartners: 5, agreements: 6, agreementValue: 9_000_000_000, budget: 0 },
              { kind: 'thematic_conference', kindName: 'Hội nghị chuyên đề', events: 10, places: 3, cooperatives: 240, groups: 75, enterprises: 52, otherPartners: 0, agreements: 0, agreementValue: 0, budget: 0 },
            ],
            total: { events: 14, places: 5, cooperatives: 280, groups: 75, enterprises: 80, otherPartners: 5, agreements: 6, agreementValue: 9_000_000_000, budget: 0 },
            upcoming: { events: 2, firstOn: '2024-12-15' },
          },
          agreements: { signed: 12, value: 14_600_000_000, fulfilment: { percent: 39.8, basis: 'value', unvalued: 4, unvaluedShort: 0 } },
        }),
      'attention:list': () =>
        ok({
          today: '2026-11-23',
          expiringAgreements: [
            {
              agreementId: 3,
              kind: 'mou',
              number: '12/BBGN',
              title: 'Biên bản ghi nhớ tiêu thụ xoài',
              status: 'in_progress',
              validUntil: '2026-11-30',
              daysLeft: 7,
              window: 7,
              fulfilment: { percent: 40, basis: 'value', unvalued: 0, unvaluedShort: 0 },
            },
          ],
          overdueCommitments: [],
          expiredUnfinished: [],
          withoutFollowUp: [],
          upcomingEvents: [],
          expiringCertifications: [],
          offersWithoutBuyer: [],
          unservedDemands: [],
          targetsAtRisk: [],
        }),
      'certifications:expiring': () =>
        ok([
          {
            certificationId: 1,
            organizationId: 7,
            organizationName: 'HTX Nông nghiệp Mỹ Hiệp',
            productName: 'Xoài cát Hòa Lộc',
            kindName: 'OCOP',
            stars: 4,
            number: '12/2023',
            expiresOn: '2030-03-01',
            daysLeft: 20,
          },
          {
            certificationId: 2,
            organizationId: 8,
            organizationName: 'HTX Vĩnh Bình',
            productName: '',
            kindName: 'VietGAP',
            stars: null,
            number: 'VG-01',
            expiresOn: '2030-01-28',
            daysLeft: -12,
          },
        ]),
    });
    render(
      <AppProviders queryClient={createQueryClient()} env="test">
        <OverviewPage />
      </AppProviders>,
    );

    expect(await screen.findByText('654')).toBeTruthy();
    expect(invoke).toHaveBeenCalledWith('statistics:overview', { year: 2024 });
    expect(screen.getByText('Số liệu thống kê năm 2024, so với năm 2023')).toBeTruthy();
    expect(screen.getByText('465 HTX · 186 THT · 3 QTDND')).toBeTruthy();
    expect(screen.getByText('▲ 1 so với năm 2023')).toBeTruthy();
    expect(screen.getByText('17.350')).toBeTruthy();
    expect(screen.getByText('30.120')).toBeTruthy();
    expect(screen.getByText('▼ 880 so với năm 2023')).toBeTruthy();
    expect(screen.getByText('1,75 tỷ đồng')).toBeTruthy();
    // One unit on a card: the change is written in the unit of the figure above it.
    expect(screen.getByText('▲ 0,25 tỷ đồng so với năm 2023')).toBeTruthy();
    expect(screen.getByText('4,5 triệu đồng')).toBeTruthy();
    expect(screen.getByText('▲ 0,1 triệu đồng so với năm 2023')).toBeTruthy();

    // Good or fair among the HTX classified (320 of 610), not among every organization.
    expect(screen.getByText('52% xếp loại Tốt hoặc Khá: 320 trong 610 HTX, LH HTX đã xếp loại (không tính THT, QTDND).')).toBeTruthy();

    const promotion = screen.getByRole('table', { name: 'Sự kiện xúc tiến thương mại năm 2024 theo loại' });
    expect(within(promotion).getAllByRole('row').map((row) => row.textContent)).toEqual([
      'Loại sự kiệnSố sự kiệnTỉnh, thành phốHTX, LH HTX, QTDNDTHTDoanh nghiệpĐối tác khác',
      'Hội nghị kết nối cung – cầu44710385',
      'Hội nghị chuyên đề1032407552' + '0',
      'Cả năm14528075805',
    ]);
    // The year's events still to come are not in the table, and said so under it.
    expect(screen.getByText('Chưa tính 2 sự kiện trong năm chưa diễn ra (sớm nhất bắt đầu ngày 15/12/2024).')).toBeTruthy();
    // By value, the commitments without a value left out and said so.
    expect(screen.getByLabelText('Thỏa thuận ký trong năm').textContent).toBe(
      'Thỏa thuận ký trong năm: 12 thỏa thuận, giá trị cam kết 14,6 tỷ đồng. Tỷ lệ thực hiện 39,8% (không tính thỏa thuận đã chấm dứt), theo giá trị cam kết, 4 cam kết chưa có giá trị không tính.',
    );

    const communes = screen.getByRole('table', { name: 'Số tổ chức theo xã, phường' });
    expect(within(communes).getAllByRole('row').map((row) => row.textContent)).toEqual(['Xã, phườngSố tổ chức', 'Xã Mỹ Hiệp42', 'Phường Cao Lãnh17']);

    // A reorganization is neither a founding nor a dissolution: each has its column.
    const flow = screen.getByRole('table', { name: 'Thành lập, tổ chức lại và giải thể trong năm 2024' });
    expect(within(flow).getAllByRole('row').map((row) => [...row.children].map((cell) => cell.textContent))).toEqual([
      ['', 'HTX', 'Liên hiệp HTX', 'THT', 'QTDND', 'Tổng cộng'],
      ['Thành lập mới', '12', '0', '3', '0', '15'],
      ['Hình thành do tổ chức lại', '2', '0', '0', '0', '2'],
      ['Chấm dứt do tổ chức lại', '1', '0', '2', '0', '3'],
      ['Giải thể, phá sản', '4', '0', '1', '0', '5'],
    ]);

    // Only what there is to chase is counted; the rest of the needs-attention list is one click away.
    expect(await screen.findByText('1 thỏa thuận sắp hết hạn')).toBeTruthy();
    expect(screen.queryByText(/cam kết quá hạn/)).toBeNull();
    expect(screen.getByRole('link', { name: 'Xem tất cả' }).getAttribute('href')).toBe('#/can-chu-y');

    const attention = await screen.findByRole('link', { name: 'HTX Nông nghiệp Mỹ Hiệp' });
    expect(attention.getAttribute('href')).toBe('#/thanh-vien/7/san-pham');
    expect(screen.getByText('01/03/2030')).toBeTruthy();
    expect(screen.getByText('Còn 20 ngày')).toBeTruthy();
    // Run out and not renewed: kept, said since when.
    expect(screen.getByText('Đã hết hạn từ 28/01/2030')).toBeTruthy();
  });

  it('offers this year before anyone reports its figures, its members and workers a dash rather than 0', async () => {
    const thisYear = new Date().getFullYear();
    const invoke = installFakeApi({
      'statistics:years': () => ok([thisYear - 1]),
      'statistics:reportedYear': () => ok({ year: thisYear - 1, pending: null }),
      'statistics:overview': ({ year }) =>
        ok({
          ...yearFigures(year),
          current:
            year === thisYear
              ? stats(year, { reporting: 0, figuresReported: false, membersOfficial: 0, membersAssociate: 0, workers: 0, averageRevenuePerCooperative: null, averageProfitPerCooperative: null, averageIncomePerWorker: null })
              : stats(year),
        }),
    });
    render(
      <AppProviders queryClient={createQueryClient()} env="test">
        <OverviewPage />
      </AppProviders>,
    );
    expect(await screen.findByText(`Số liệu thống kê năm ${thisYear - 1}, so với năm ${thisYear - 2}`)).toBeTruthy();
    await choose(screen.getByRole('combobox', { name: 'Năm thống kê' }), '', String(thisYear));
    expect(await screen.findByText(`Số liệu thống kê năm ${thisYear}, so với năm ${thisYear - 1}`)).toBeTruthy();
    expect(invoke).toHaveBeenCalledWith('statistics:overview', { year: thisYear });
    expect(await screen.findByText(`Chưa tổ chức nào có số liệu năm ${thisYear}`)).toBeTruthy();
    // Thành viên, Lao động thường xuyên, revenue and income: no figure, and no change against last year's.
    expect(screen.getAllByText('—')).toHaveLength(4);
    expect(screen.queryByText(/▼ 17\.350/)).toBeNull();
    expect(screen.getByText(`Chưa có sự kiện nào diễn ra trong năm ${thisYear}.`)).toBeTruthy();
  });

  it('opens on the last year reported while a new one comes in, and shows how many reported the new one rather than a collapse', async () => {
    const invoke = installFakeApi({
      'statistics:years': () => ok([2026, 2025]),
      'statistics:reportedYear': () => ok({ year: 2025, pending: { year: 2026, reporting: 3, existing: 654 } }),
      'statistics:overview': ({ year }) =>
        ok({
          ...yearFigures(year),
          current:
            year === 2026
              ? stats(2026, {
                  reporting: 3,
                  figuresReported: false,
                  membersOfficial: 2_055,
                  membersAssociate: 0,
                  workers: 1_234,
                  averageRevenuePerCooperative: null,
                  averageProfitPerCooperative: null,
                  classification: { good: 0, fair: 0, average: 0, weak: 0, unclassified: 465 },
                })
              : stats(year),
        }),
    });
    render(
      <AppProviders queryClient={createQueryClient()} env="test">
        <OverviewPage />
      </AppProviders>,
    );
    const pending = 'Năm 2026: mới có 3/654 tổ chức báo cáo số liệu. Thành viên, lao động, doanh thu, thu nhập và xếp loại của năm sẽ được tính khi có ít nhất một nửa số tổ chức báo cáo.';
    expect(await screen.findByText('Số liệu thống kê năm 2025, so với năm 2024')).toBeTruthy();
    expect(invoke).toHaveBeenCalledWith('statistics:overview', { year: 2025 });
    expect(invoke).not.toHaveBeenCalledWith('statistics:overview', { year: 2026 });
    expect(await screen.findByText('17.350')).toBeTruthy();
    expect(screen.getByText(pending)).toBeTruthy();

    // Chosen all the same, 2026 says how many have reported, not «▼ 15.295 so với năm 2025».
    await choose(screen.getByRole('combobox', { name: 'Năm thống kê' }), '', '2026');
    expect(await screen.findByText('Năm 2026: mới có 3/654 tổ chức báo cáo')).toBeTruthy();
    expect(screen.getByText(pending)).toBeTruthy();
    expect(screen.queryByText('2.055')).toBeNull();
    expect(screen.queryByText('1.234')).toBeNull();
    expect(screen.queryByText(/▼/)).toBeNull();
    expect(screen.getByText('Chưa đủ số liệu năm 2026: xếp loại được tính khi có ít nhất một nửa số tổ chức báo cáo.')).toBeTruthy();
    // What the register itself says of 2026 is there: its organizations.
    expect(screen.getByText('654')).toBeTruthy();
  });

  it('asks for the sections right after the year\'s figures, without waiting for them', async () => {
    const invoke = installFakeApi({ 'statistics:years': () => ok([2024]), 'statistics:reportedYear': () => ok({ year: 2024, pending: null }) });
    const answer = invoke.getMockImplementation();
    if (!answer) throw new Error('the fake answers');
    // The year's figures never come: the sections below them are asked for all the same.
    invoke.mockImplementation((channel, input) => (channel === 'statistics:overview' ? new Promise(() => undefined) : answer(channel, input)));
    render(
      <AppProviders queryClient={createQueryClient()} env="test">
        <OverviewPage />
      </AppProviders>,
    );
    await waitFor(() =>
      expect(new Set(invoke.mock.calls.map(([channel]) => channel))).toEqual(
        new Set(['statistics:years', 'statistics:reportedYear', 'statistics:overview', 'attention:list', 'plans:inForce', 'programmes:results', 'certifications:expiring']),
      ),
    );
    // The figures are asked first, once the year to open on is known: the core answers in turn.
    expect(invoke.mock.calls.slice(0, 3).map(([channel]) => channel)).toEqual(['statistics:years', 'statistics:reportedYear', 'statistics:overview']);
  });

  it('opens Cần chú ý at the kind of item a count is of', async () => {
    installFakeApi({
      'alliance:get': () => ok(alliance),
      'statistics:years': () => ok([2024]),
      'statistics:reportedYear': () => ok({ year: 2024, pending: null }),
      'statistics:overview': ({ year }) => ok(yearFigures(year)),
      'attention:list': () =>
        ok({
          ...nothingToChase,
          expiringCertifications: [
            {
              certificationId: 4,
              organizationId: 8,
              organizationName: 'HTX Nông nghiệp Vĩnh Bình',
              productName: 'Gạo ST25',
              kindName: 'VietGAP',
              stars: null,
              number: 'VG-123',
              expiresOn: '2026-12-20',
              daysLeft: 27,
            },
          ],
          targetsAtRisk: [
            { planId: 2, planTitle: 'Kế hoạch năm 2026', periodTo: '2026-12-31', targetId: 5, title: 'Thành lập mới 9 HTX', actual: 2, value: 9, unit: 'count', unitLabel: 'HTX' },
          ],
          expiringAgreements: [
            {
              agreementId: 3,
              kind: 'mou',
              number: '12/BBGN',
              title: 'Biên bản ghi nhớ tiêu thụ xoài',
              status: 'in_progress',
              validUntil: '2026-11-30',
              daysLeft: 7,
              window: 7,
              fulfilment: { percent: 40, basis: 'value', unvalued: 0, unvaluedShort: 0 },
            },
          ],
          overdueCommitments: [
            {
              agreementId: 6,
              agreementTitle: 'Hợp đồng liên kết tiêu thụ gạo',
              agreementNumber: '07/HĐLK',
              commitmentId: 9,
              product: 'Gạo ST25',
              quantity: 50,
              delivered: 20,
              unit: 'tấn',
              dueOn: '2026-11-15',
              daysOverdue: 8,
              fulfilment: 40,
            },
            {
              agreementId: 6,
              agreementTitle: 'Hợp đồng liên kết tiêu thụ gạo',
              agreementNumber: '07/HĐLK',
              commitmentId: 10,
              product: 'Gạo Jasmine',
              quantity: 30,
              delivered: 0,
              unit: 'tấn',
              dueOn: '2026-11-20',
              daysOverdue: 3,
              fulfilment: 0,
            },
          ],
        }),
    });
    renderApp('#/tong-quan');

    // Each count is a link, reached by the keyboard like any other, to its own section.
    const summary = await screen.findByRole('region', { name: 'Cần chú ý' });
    expect(within(summary).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['1 thỏa thuận sắp hết hạn', '#/can-chu-y/sap-het-han'],
      ['2 cam kết quá hạn', '#/can-chu-y/cam-ket-qua-han'],
      // The certificates' section is the page's last, after the targets': its count comes last too.
      ['1 chỉ tiêu có nguy cơ không đạt', '#/can-chu-y/chi-tieu'],
      ['1 chứng nhận cần gia hạn', '#/can-chu-y/chung-nhan'],
      ['Xem tất cả', '#/can-chu-y'],
    ]);

    fireEvent.click(within(summary).getByRole('link', { name: '2 cam kết quá hạn' }));
    await waitFor(() => expect(window.location.hash).toBe('#/can-chu-y/cam-ket-qua-han'));
    expect(await screen.findByRole('heading', { name: 'Cần chú ý', level: 2 })).toBeTruthy();
    // The page starts at the overdue commitments: the focus is on their section, which lists them.
    const overdue = await screen.findByRole('region', { name: 'Cam kết quá hạn' });
    await waitFor(() => expect(document.activeElement).toBe(overdue));
    expect(within(overdue).getAllByRole('row').map((row) => row.textContent)).toEqual([
      'Thỏa thuậnSản phẩmĐã giao / cam kếtHạn giaoQuá hạn',
      '07/HĐLK – Hợp đồng liên kết tiêu thụ gạoGạo ST2520 / 50 tấn — 40%15/11/20268 ngày',
      '07/HĐLK – Hợp đồng liên kết tiêu thụ gạoGạo Jasmine0 / 30 tấn — 0%20/11/20263 ngày',
    ]);
    // The other sections are still there, above and below it; the area stays lit in the sidebar.
    expect(screen.getByRole('region', { name: 'Thỏa thuận sắp hết hạn (30 ngày tới)' })).toBeTruthy();
    expect(within(screen.getByRole('navigation')).getByRole('link', { name: 'Cần chú ý' }).getAttribute('aria-current')).toBe('page');

    // Back: Tổng quan again, the focus on the count that was followed, for the keyboard to go on from there.
    window.history.back();
    await waitFor(() => expect(window.location.hash).toBe('#/tong-quan'));
    const again = await screen.findByRole('region', { name: 'Cần chú ý' });
    await waitFor(() => expect(document.activeElement).toBe(within(again).getByRole('link', { name: '2 cam kết quá hạn' })));
    // So with «Xem tất cả».
    fireEvent.click(within(again).getByRole('link', { name: 'Xem tất cả' }));
    await waitFor(() => expect(window.location.hash).toBe('#/can-chu-y'));
    window.history.back();
    const once = await screen.findByRole('region', { name: 'Cần chú ý' });
    await waitFor(() => expect(document.activeElement).toBe(within(once).getByRole('link', { name: 'Xem tất cả' })));
  });

  it('says the year of each block: the figures and the connections of the year chosen, the plan in force', async () => {
    const invoke = installFakeApi({
      'statistics:years': () => ok([2025]),
      'statistics:reportedYear': () => ok({ year: 2025, pending: null }),
      'statistics:overview': ({ year }) => ok(yearFigures(year)),
      'attention:list': () => ok(nothingToChase),
      'certifications:expiring': () => ok([]),
      'plans:inForce': () =>
        ok({ id: 2, title: 'Kế hoạch phát triển kinh tế tập thể', number: '', periodFrom: '2026-01-01', periodTo: '2026-12-31', elapsed: 0.934, targets: [] }),
      'programmes:results': () =>
        ok({
          programmeId: null,
          from: '2025-01-01',
          to: '2025-12-31',
          asOf: '2026-12-07',
          connections: 68,
          connectedValue: 16_530_000_000,
          deliveredValue: 0,
          sellers: { htx: 0, tht: 0, other: 0, total: 0 },
          partners: 0,
          buyingMembers: 0,
          events: 0,
          totals: [],
          byGroup: [],
          byChannel: [],
          byCommune: [],
        }),
    });
    render(
      <AppProviders queryClient={createQueryClient()} env="test">
        <OverviewPage />
      </AppProviders>,
    );

    expect(await screen.findByText('Số liệu thống kê năm 2025, so với năm 2024')).toBeTruthy();
    // Every connection of the year shown, not those of a programme named «Kết nối cung – cầu năm 2026».
    const supply = await screen.findByRole('region', { name: 'Kết nối cung – cầu trong năm 2025 (mọi chương trình)' });
    expect(within(supply).getByText('68 kết nối, giá trị 16,53 tỷ đồng')).toBeTruthy();
    expect(invoke).toHaveBeenCalledWith('programmes:results', { from: '2025-01-01', to: '2025-12-31' });
    expect(invoke).not.toHaveBeenCalledWith('programmes:results', {});
    expect(await screen.findByText('Thời gian thực hiện 01/01/2026 – 31/12/2026, đã qua 93,4%')).toBeTruthy();
    expect(screen.getByText('Số tổ chức theo lĩnh vực hoạt động năm 2025')).toBeTruthy();
    expect(screen.getByText('Số tổ chức theo xã, phường năm 2025 (2 nơi nhiều nhất)')).toBeTruthy();
  });

  it('writes money in tỷ or triệu đồng throughout, as its cards do', async () => {
    const income: TargetProgress = {
      id: 1,
      position: 1,
      title: 'Thu nhập bình quân của người lao động (đồng/tháng)',
      comparison: 'at_least',
      value: 4_890_000,
      unit: 'money',
      unitLabel: '',
      measure: null,
      denominator: null,
      comment: '',
      cumulative: false,
      actual: 4_621_078,
      numerator: null,
      denominatorValue: null,
      previous: null,
      percentOfTarget: 94.3,
      status: 'at_risk',
      typed: { note: '', by: 'Văn phòng', at: '2026-11-20T03:00:00Z' },
    };
    installFakeApi({
      'statistics:years': () => ok([2024]),
      'statistics:reportedYear': () => ok({ year: 2024, pending: null }),
      'statistics:overview': ({ year }) => ok({ ...yearFigures(year), agreements: { signed: 3, value: 212_660_000_000, fulfilment: { percent: 35.5, basis: 'commitments', unvalued: 0, unvaluedShort: 0 } } }),
      'attention:list': () => ok(nothingToChase),
      'certifications:expiring': () => ok([]),
      'plans:inForce': () =>
        ok({ id: 2, title: 'Kế hoạch phát triển kinh tế tập thể năm 2026', number: '', periodFrom: '2026-01-01', periodTo: '2026-12-31', elapsed: 0.9, targets: [income] }),
      'programmes:results': () =>
        ok({
          programmeId: null,
          from: '2026-01-01',
          to: '2026-12-31',
          asOf: '2026-11-23',
          connections: 92,
          connectedValue: 37_698_719_000,
          deliveredValue: 12_000_000_000,
          sellers: { htx: 40, tht: 5, other: 0, total: 45 },
          partners: 20,
          buyingMembers: 3,
          events: 4,
          totals: [],
          byGroup: [],
          byChannel: [],
          byCommune: [],
        }),
    });
    render(
      <AppProviders queryClient={createQueryClient()} env="test">
        <OverviewPage />
      </AppProviders>,
    );

    expect(await screen.findByText('92 kết nối, giá trị 37,7 tỷ đồng')).toBeTruthy();
    // A target's actual in the unit of its value, the value's own: triệu đồng, as the income card;
    // the value as the plan set it, not rounded to «4,9 triệu».
    expect(await screen.findByText('4,6 triệu đồng / 4,89 triệu đồng')).toBeTruthy();
    expect(screen.getByText('4,5 triệu đồng')).toBeTruthy();
    // A basis with its own bracket never follows the other bracket: not two brackets in a row.
    expect(screen.getByLabelText('Thỏa thuận ký trong năm').textContent).toBe(
      'Thỏa thuận ký trong năm: 3 thỏa thuận, giá trị cam kết 212,66 tỷ đồng. Tỷ lệ thực hiện 35,5% (không tính thỏa thuận đã chấm dứt), bình quân các cam kết (chưa cam kết nào ghi giá trị).',
    );
    expect(document.body.textContent).not.toContain('₫');
  });
});
