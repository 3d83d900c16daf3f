import { fireEvent, render, renderHook, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AttentionList } from '../../src/shared/contract';
import { AppProviders, createQueryClient } from '../../src/renderer/src/AppProviders';
import { AttentionPage } from '../../src/renderer/src/pages/attention/AttentionPage';
import { AttentionSummary } from '../../src/renderer/src/pages/attention/AttentionSummary';
import { useAttention } from '../../src/renderer/src/queries/attention';
import { fail, installFakeApi, ok } from './fakeApi';

const list: AttentionList = {
  today: '2026-11-28',
  expiringAgreements: [
    {
      agreementId: 3,
      kind: 'mou',
      number: '12/BBGN',
      title: 'Biên bản ghi nhớ tiêu thụ gạo',
      status: 'in_progress',
      validUntil: '2026-11-28',
      daysLeft: 0,
      window: 0,
      fulfilment: { percent: 40, basis: 'commitments', unvalued: 0, unvaluedShort: 0 },
    },
  ],
  overdueCommitments: [
    {
      agreementId: 3,
      agreementTitle: 'Biên bản ghi nhớ tiêu thụ gạo',
      agreementNumber: '12/BBGN',
      commitmentId: 9,
      product: 'Gạo ST25',
      quantity: 50,
      delivered: 20,
      unit: 'tấn',
      dueOn: '2026-11-20',
      daysOverdue: 8,
      fulfilment: 40,
    },
  ],
  expiredUnfinished: [
    {
      agreementId: 6,
      number: '07/HĐLK',
      title: 'Hợp đồng tiêu thụ cá tra',
      validUntil: '2026-10-31',
      daysSince: 28,
      unfinished: 1,
      commitments: 2,
      fulfilment: { percent: 60.1, basis: 'value', unvalued: 0, unvaluedShort: 0 },
      lastFollowUpOn: '2026-11-21',
    },
  ],
  withoutFollowUp: [
    { agreementId: 4, number: '', title: 'Hợp đồng tiêu thụ xoài', status: 'signed', lastFollowUpOn: null, daysSince: 45 },
  ],
  upcomingEvents: [
    {
      eventId: 5,
      kind: 'supply_demand_conference',
      title: 'Hội nghị kết nối cung – cầu nông sản',
      startsOn: '2026-11-27',
      endsOn: '2026-11-29',
      provinceName: 'Hà Nội',
      daysUntil: 0,
      participants: 8,
    },
  ],
  expiringCertifications: [],
  offersWithoutBuyer: [],
  unservedDemands: [],
  targetsAtRisk: [],
};

describe('needs attention', () => {
  it('shows each kind of item with what to do next, and re-reads with another follow-up span', async () => {
    const invoke = installFakeApi({ 'attention:list': () => ok(list) });
    render(
      <AppProviders queryClient={createQueryClient()} env="test">
        <AttentionPage />
      </AppProviders>,
    );

    expect(await screen.findByText('Tính đến hôm nay, 28/11/2026')).toBeTruthy();
    const expiring = screen.getByRole('table', { name: 'Thỏa thuận sắp hết hạn (30 ngày tới)' });
    expect(within(expiring).getByRole('link', { name: '12/BBGN – Biên bản ghi nhớ tiêu thụ gạo' }).getAttribute('href')).toBe(
      '#/thoa-thuan/3',
    );
    expect(within(expiring).getByText('Hết hạn hôm nay')).toBeTruthy();
    expect(within(expiring).getByText('40%')).toBeTruthy();

    const overdue = screen.getByRole('table', { name: 'Cam kết quá hạn' });
    expect(within(overdue).getByText('20 / 50 tấn — 40%')).toBeTruthy();
    expect(within(overdue).getByText('8 ngày')).toBeTruthy();

    const expired = screen.getByRole('table', { name: 'Hết hạn, chưa hoàn thành' });
    expect(within(expired).getByRole('link', { name: '07/HĐLK – Hợp đồng tiêu thụ cá tra' }).getAttribute('href')).toBe('#/thoa-thuan/6');
    expect(within(expired).getByText('28 ngày trước')).toBeTruthy();
    expect(within(expired).getByText('1 / 2')).toBeTruthy();
    expect(within(expired).getByText('60,1%')).toBeTruthy();
    expect(within(expired).getByText('theo giá trị cam kết')).toBeTruthy();
    expect(within(expired).getByText('21/11/2026')).toBeTruthy();

    const followUp = screen.getByRole('table', { name: 'Chưa theo dõi từ 30 ngày trở lên' });
    expect(within(followUp).getByText('Chưa có lần nào')).toBeTruthy();

    const events = screen.getByRole('table', { name: 'Sự kiện sắp diễn ra (30 ngày tới)' });
    expect(within(events).getByText('27/11/2026 – 29/11/2026')).toBeTruthy();
    expect(within(events).getByText('Đang diễn ra')).toBeTruthy();
    expect(screen.getByText('Không có chứng nhận nào sắp hết hạn trong 90 ngày tới, hay đã hết hạn mà chưa gia hạn.')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Chưa theo dõi quá (ngày)'), { target: { value: '7' } });
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('attention:list', { followUpDays: 7, eventDays: 30, certificateDays: 90, supplyDays: 14 }));
  });

  it('writes a money target in tỷ or triệu đồng, as the plan’s page does', async () => {
    installFakeApi({
      'attention:list': () =>
        ok({
          ...list,
          targetsAtRisk: [
            { planId: 2, planTitle: 'Kế hoạch năm 2026', periodTo: '2026-12-31', targetId: 5, title: 'Tổng doanh thu đạt 30 tỷ đồng', actual: 19_500_000_000, value: 30_000_000_000, unit: 'money', unitLabel: '' },
          ],
        }),
    });
    render(
      <AppProviders queryClient={createQueryClient()} env="test">
        <AttentionPage />
      </AppProviders>,
    );
    const targets = await screen.findByRole('table', { name: 'Chỉ tiêu có nguy cơ không đạt (quý cuối của kỳ kế hoạch)' });
    expect(within(targets).getAllByRole('row')[1]?.textContent).toBe('Kế hoạch năm 2026Tổng doanh thu đạt 30 tỷ đồng19,5 tỷ đồng30 tỷ đồng31/12/2026');
  });

  it('asks what the contract refuses as it was given, for the core to say why', async () => {
    const refusal = 'Số ngày chưa theo dõi nhiều nhất là 365.';
    const invoke = installFakeApi({ 'attention:list': () => fail({ kind: 'validation', message: refusal, issues: [{ path: 'followUpDays', message: refusal }] }) });
    const queryClient = createQueryClient();
    const { result } = renderHook(() => useAttention({ followUpDays: 400 }), {
      wrapper: ({ children }) => (
        <AppProviders queryClient={queryClient} env="test">
          {children}
        </AppProviders>
      ),
    });
    await waitFor(() => expect(result.current.error?.message).toBe(refusal));
    expect(invoke).toHaveBeenCalledWith('attention:list', { followUpDays: 400 });
  });

  it('says it is loading while the list is read', async () => {
    const invoke = vi.fn(() => new Promise<never>(() => undefined));
    window.api = { invoke, reportUnsaved: () => undefined };
    render(
      <AppProviders queryClient={createQueryClient()} env="test">
        <AttentionPage />
      </AppProviders>,
    );
    expect(await screen.findByLabelText('Đang tải…')).toBeTruthy();
    expect(invoke).toHaveBeenCalledTimes(1);
  });

  it('opened from Tổng quan, shows the answer its summary already had while reading it afresh', async () => {
    const queryClient = createQueryClient();
    installFakeApi({ 'attention:list': () => ok(list) });
    const overview = render(
      <AppProviders queryClient={queryClient} env="test">
        <AttentionSummary />
      </AppProviders>,
    );
    expect(await screen.findByText('1 thỏa thuận sắp hết hạn')).toBeTruthy();
    overview.unmount();
    // The second reading never answers: what shows is the summary's.
    const invoke = vi.fn(() => new Promise<never>(() => undefined));
    window.api = { invoke, reportUnsaved: () => undefined };
    render(
      <AppProviders queryClient={queryClient} env="test">
        <AttentionPage />
      </AppProviders>,
    );
    expect(screen.getByText('Tính đến hôm nay, 28/11/2026')).toBeTruthy();
    expect(screen.queryByLabelText('Đang tải…')).toBeNull();
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('attention:list', { followUpDays: 30, eventDays: 30, certificateDays: 90, supplyDays: 14 }));
  });

  it('shows a long section ten rows at a time, the most urgent first, with its whole count', async () => {
    const [first] = list.expiredUnfinished;
    if (!first) throw new Error('the list has an expired agreement');
    const expiredUnfinished = Array.from({ length: 23 }, (_, index) => ({
      ...first,
      agreementId: 100 + index,
      title: `Hợp đồng số ${String(index + 1)}`,
      fulfilment: { percent: 99.96, basis: 'value' as const, unvalued: 0, unvaluedShort: 0 },
    }));
    installFakeApi({ 'attention:list': () => ok({ ...list, expiredUnfinished }) });
    render(
      <AppProviders queryClient={createQueryClient()} env="test">
        <AttentionPage />
      </AppProviders>,
    );

    const expired = await screen.findByRole('table', { name: 'Hết hạn, chưa hoàn thành' });
    const titles = () => within(expired).getAllByRole('link').map((link) => link.textContent);
    expect(titles()).toEqual(Array.from({ length: 10 }, (_, index) => `07/HĐLK – Hợp đồng số ${String(index + 1)}`));
    const section = screen.getByRole('region', { name: 'Hết hạn, chưa hoàn thành' });
    expect(within(section).getByText('23')).toBeTruthy();
    expect(within(section).getByText('1–10 trong 23')).toBeTruthy();
    // Nearly all delivered is not all delivered.
    expect(within(expired).getAllByText('99,9%')).toHaveLength(10);

    fireEvent.click(within(section).getByRole('button', { name: 'Trang sau' }));
    await waitFor(() => expect(within(section).getByText('11–20 trong 23')).toBeTruthy());
    fireEvent.click(within(section).getByRole('button', { name: 'Trang sau' }));
    await waitFor(() => expect(titles()).toEqual(['07/HĐLK – Hợp đồng số 21', '07/HĐLK – Hợp đồng số 22', '07/HĐLK – Hợp đồng số 23']));
    expect(within(section).getByText('21–23 trong 23')).toBeTruthy();
  });
});
