import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { InputOf, OrganizationDetail, RecordHistory } from '../../src/shared/contract';
import { alliance, communes, fail, installFakeApi, lookups, ok, organization } from './fakeApi';
import { renderApp } from './renderApp';

beforeEach(() => sessionStorage.clear());

const union: OrganizationDetail = {
  ...organization({ id: 21, kind: 'lhhtx', name: 'Liên hiệp HTX Rau an toàn Đồng Tháp', registrationNo: '1400999999', foundedOn: '2010-05-04' }),
  oldAddress: 'ấp 3, huyện Tháp Mười',
  phone: '0277 3851 000',
  email: '',
  website: '',
  representative: 'Nguyễn Văn Bảy',
  charterCapital: 1500000000,
  sizeClass: 'nho',
  memberSince: '2020-01-15',
  memberUntil: null,
  highTech: true,
  valueChain: false,
  contacts: [{ id: 1, name: 'Lê Thị Tám', role: 'Kế toán', phone: '0912 345 678', email: '' }],
  unions: [],
  members: [
    {
      linkId: 5,
      unionId: 21,
      unionName: 'Liên hiệp HTX Rau an toàn Đồng Tháp',
      memberId: 7,
      memberName: 'HTX Nông nghiệp Mỹ Hiệp',
      memberCommuneName: 'Xã Mỹ Hiệp',
      joinedOn: '2021-03-02',
      leftOn: null,
    },
  ],
  warnings: ['Liên hiệp HTX cần ít nhất 3 hợp tác xã thành viên; hiện có 1.'],
  hasHistory: false,
};

/** Raw values, as the backend keeps them: the screen writes and translates them. */
const history: RecordHistory = {
  entries: [
    {
      at: '2025-08-02T03:05:00.000Z',
      action: 'update',
      changes: [
        { field: 'communeCode', before: '30604', after: '31064' },
        { field: 'charterCapital', before: 1000000, after: 1500000000 },
        { field: 'foundedOn', before: null, after: '2010-05-04' },
        { field: 'highTech', before: false, after: true },
        { field: 'status', before: 'active', after: 'suspended' },
      ],
    },
    {
      at: '2025-08-01T03:05:00.000Z',
      action: 'update',
      changes: [
        { field: 'figures', before: { year: 2024, revenue: null }, after: { year: 2024, revenue: 1750000000 } },
        { field: 'lifecycle', before: null, after: { kind: 'founding', date: '2010-05-04', decisionNo: '12/QĐ' } },
      ],
    },
    { at: '2025-07-31T03:05:00.000Z', action: 'update', changes: [] },
  ],
  names: { 'communeCode:30604': 'Xã Vĩnh An', 'communeCode:31064': 'Xã Vĩnh Bình' },
};

function handlers() {
  return {
    'alliance:get': () => ok(alliance),
    'lookups:get': () => ok(lookups),
    'places:communes': () => ok(communes),
    'organizations:get': () => ok(union),
    'records:history': () => ok(history),
    'organizations:list': () => ok({ rows: [], total: 0 }),
    'organizations:checkDuplicates': () => ok([]),
  } as const;
}

describe('organization page', () => {
  it('shows the header, the warnings and the general tab', async () => {
    installFakeApi(handlers());
    renderApp('#/thanh-vien/21');

    expect(await screen.findByRole('heading', { name: 'Liên hiệp HTX Rau an toàn Đồng Tháp' })).toBeTruthy();
    expect(screen.getByText('Liên hiệp HTX', { selector: '.mantine-Badge-label' })).toBeTruthy();
    expect(screen.getByText('Đang hoạt động', { selector: '.mantine-Badge-label' })).toBeTruthy();
    expect(screen.getByText('Liên hiệp HTX cần ít nhất 3 hợp tác xã thành viên; hiện có 1.')).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Thông tin chung' }).getAttribute('aria-selected')).toBe('true');
    // Values as the office writes them.
    expect(screen.getByText('1.500.000.000 ₫')).toBeTruthy();
    expect(screen.getByText('04/05/2010')).toBeTruthy();
    expect(await screen.findByText('Nhỏ')).toBeTruthy();
    expect(screen.getByText('Thành viên Liên minh từ 15/01/2020')).toBeTruthy();
    // Contacts and the union's member cooperatives.
    expect(screen.getByText('Lê Thị Tám')).toBeTruthy();
    const member = screen.getByRole('link', { name: 'HTX Nông nghiệp Mỹ Hiệp' });
    expect(member.getAttribute('href')).toBe('#/thanh-vien/7');
    expect(within(member.closest('tr') as HTMLElement).getByText('02/03/2021')).toBeTruthy();
  });

  it('switches tabs through the address, and shows the history readably', async () => {
    installFakeApi(handlers());
    renderApp('#/thanh-vien/21');
    fireEvent.click(await screen.findByRole('tab', { name: 'Lịch sử thay đổi' }));
    await waitFor(() => expect(window.location.hash).toBe('#/thanh-vien/21/lich-su'));

    expect(await screen.findByText('Vốn điều lệ: 1.000.000 ₫ → 1.500.000.000 ₫')).toBeTruthy();
    expect(screen.getByText('Xã, phường: Xã Vĩnh An → Xã Vĩnh Bình')).toBeTruthy();
    expect(screen.getByText('Ngày thành lập: (trống) → 04/05/2010')).toBeTruthy();
    expect(screen.getByText('Ứng dụng công nghệ cao: Không → Có')).toBeTruthy();
    expect(screen.getByText('Trạng thái: Đang hoạt động → Tạm ngừng')).toBeTruthy();
    expect(screen.getByText('Số liệu năm 2024: Doanh thu (trống) → 1.750.000.000 ₫')).toBeTruthy();
    expect(screen.getByText('Thêm quá trình hoạt động: Thành lập, 04/05/2010, quyết định số 12/QĐ')).toBeTruthy();
    expect(screen.getByText(/Cập nhật các thông tin đi kèm/)).toBeTruthy();
    expect(screen.getAllByText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/)).toHaveLength(3);
  });

  it('asks before saving a name like another one, then saves with the confirmation', async () => {
    const updates: InputOf<'organizations:update'>[] = [];
    installFakeApi({
      ...handlers(),
      'organizations:checkDuplicates': () => ok([{ id: 30, name: 'LH HTX Rau an toàn Đồng Tháp', detail: 'Xã Mỹ Hiệp, chưa có Mã số HTX', reason: 'sameName' }]),
      'organizations:update': (input) => {
        updates.push(input);
        return input.confirmedSimilarIds?.includes(30)
          ? ok(organization({ id: 21, name: input.name }))
          : fail({
              kind: 'conflict',
              message: 'Đã có tổ chức tên gần giống ở xã Mỹ Hiệp: LH HTX Rau an toàn Đồng Tháp.',
              existingId: 30,
              similar: [{ id: 30, name: 'LH HTX Rau an toàn Đồng Tháp', detail: 'Xã Mỹ Hiệp, chưa có Mã số HTX' }],
            });
      },
    });
    renderApp('#/thanh-vien/21');
    fireEvent.click(await screen.findByRole('button', { name: 'Sửa thông tin' }));
    // The possible duplicate is named, with a link to it, while the form is open.
    expect((await screen.findByRole('link', { name: 'LH HTX Rau an toàn Đồng Tháp' })).getAttribute('href')).toBe('#/thanh-vien/30');

    fireEvent.click(screen.getByRole('button', { name: 'Lưu thay đổi' }));
    const alert = await screen.findByText('Đã có tổ chức tên gần giống ở xã Mỹ Hiệp: LH HTX Rau an toàn Đồng Tháp.');
    fireEvent.click(within(alert.closest('[role=alert]') as HTMLElement).getByRole('button', { name: 'Vẫn lưu' }));

    expect(await screen.findByText('Đã lưu thay đổi của Liên hiệp HTX Rau an toàn Đồng Tháp.')).toBeTruthy();
    expect(updates.map((input) => input.confirmedSimilarIds)).toEqual([undefined, [30]]);
    expect(updates[1]).toMatchObject({ id: 21, charterCapital: 1500000000, memberSince: '2020-01-15', highTech: true });
  });

  it('confirms only the match the person saw: once the name changes, a save asks again', async () => {
    const updates: InputOf<'organizations:update'>[] = [];
    installFakeApi({
      ...handlers(),
      'organizations:update': (input) => {
        updates.push(input);
        if (input.confirmedSimilarIds?.length) return ok(organization({ id: 21, name: input.name }));
        const existing = input.name === 'HTX Rau sạch Mỹ Hiệp' ? 'HTX Rau sạch Mỹ Hiệp' : 'LH HTX Rau an toàn Đồng Tháp';
        const id = existing === 'HTX Rau sạch Mỹ Hiệp' ? 31 : 30;
        return fail({ kind: 'conflict', message: `Đã có tổ chức tên gần giống ở xã Mỹ Hiệp: ${existing}.`, existingId: id, similar: [{ id, name: existing, detail: 'Xã Mỹ Hiệp, chưa có Mã số HTX' }] });
      },
    });
    renderApp('#/thanh-vien/21');
    fireEvent.click(await screen.findByRole('button', { name: 'Sửa thông tin' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Lưu thay đổi' }));
    expect(await screen.findByText('Đã có tổ chức tên gần giống ở xã Mỹ Hiệp: LH HTX Rau an toàn Đồng Tháp.')).toBeTruthy();

    // Another name has other matches, not seen: no «Vẫn lưu» for them.
    fireEvent.change(screen.getByLabelText(/^Tên tổ chức/), { target: { value: 'HTX Rau sạch Mỹ Hiệp' } });
    expect(screen.queryByText('Đã có tổ chức tên gần giống ở xã Mỹ Hiệp: LH HTX Rau an toàn Đồng Tháp.')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Vẫn lưu' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Lưu thay đổi' }));
    const alert = await screen.findByText('Đã có tổ chức tên gần giống ở xã Mỹ Hiệp: HTX Rau sạch Mỹ Hiệp.');
    fireEvent.click(within(alert.closest('[role=alert]') as HTMLElement).getByRole('button', { name: 'Vẫn lưu' }));
    await waitFor(() => expect(updates).toHaveLength(3));
    expect(updates.map((input) => [input.name, input.confirmedSimilarIds])).toEqual([
      ['Liên hiệp HTX Rau an toàn Đồng Tháp', undefined],
      ['HTX Rau sạch Mỹ Hiệp', undefined],
      ['HTX Rau sạch Mỹ Hiệp', [31]],
    ]);
  });

  it('reads «2 tỷ 500 triệu» in Vốn điều lệ as the figures form does, saying what it was taken as', async () => {
    const updates: InputOf<'organizations:update'>[] = [];
    installFakeApi({
      ...handlers(),
      'organizations:update': (input) => {
        updates.push(input);
        return ok(organization({ id: 21, name: input.name }));
      },
    });
    renderApp('#/thanh-vien/21');
    fireEvent.click(await screen.findByRole('button', { name: 'Sửa thông tin' }));
    const capital = await screen.findByLabelText<HTMLInputElement>('Vốn điều lệ (đồng)');
    fireEvent.focus(capital);
    fireEvent.change(capital, { target: { value: '2 tỷ 500 triệu' } });
    fireEvent.blur(capital);
    expect(capital.value).toBe('2.500.000.000');
    expect(screen.getByText('«2 tỷ 500 triệu» ghi nhận là 2.500.000.000 đồng. Nếu không đúng, hãy sửa lại.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Lưu thay đổi' }));
    await waitFor(() => expect(updates).toHaveLength(1));
    expect(updates[0]).toMatchObject({ id: 21, charterCapital: 2_500_000_000 });
  });

  it('shows at Ngày thành lập why the register refuses a founding day after years with figures', async () => {
    const refusal = 'Liên hiệp HTX Rau an toàn Đồng Tháp đã có số liệu hằng năm của năm 2016, 2019, trước ngày thành lập 01/01/2020: các số liệu đó sẽ không còn được tính vào thống kê của năm nào.';
    installFakeApi({
      ...handlers(),
      'organizations:update': () => fail({ kind: 'validation', message: 'Dữ liệu chưa hợp lệ.', issues: [{ path: 'foundedOn', message: refusal }] }),
    });
    renderApp('#/thanh-vien/21');
    fireEvent.click(await screen.findByRole('button', { name: 'Sửa thông tin' }));
    const founded = await screen.findByLabelText<HTMLInputElement>('Ngày thành lập');
    fireEvent.change(founded, { target: { value: '01/01/2020' } });
    fireEvent.blur(founded);
    fireEvent.click(screen.getByRole('button', { name: 'Lưu thay đổi' }));
    expect(await screen.findByText(refusal)).toBeTruthy();
    expect(founded.getAttribute('aria-invalid')).toBe('true');
  });

  it('names a possible duplicate in the trash, opening Thùng rác on it to restore it', async () => {
    installFakeApi({
      ...handlers(),
      'organizations:checkDuplicates': () => ok([{ id: 30, name: 'LH HTX Rau an toàn Đồng Tháp', detail: 'Ấp 3, Xã Mỹ Hiệp, Mã số HTX 1400123456', reason: 'registrationNo', inTrash: true }]),
    });
    renderApp('#/thanh-vien/21');
    fireEvent.click(await screen.findByRole('button', { name: 'Sửa thông tin' }));
    const link = await screen.findByRole('link', { name: 'LH HTX Rau an toàn Đồng Tháp' });
    expect(link.getAttribute('href')).toBe('#/thung-rac/to-chuc/30');
    expect(screen.getByText('(Ấp 3, Xã Mỹ Hiệp, Mã số HTX 1400123456) — cùng mã số HTX, đang ở Thùng rác — khôi phục thay vì thêm mới?')).toBeTruthy();
  });

  it('moves the organization to the trash after confirming, and returns to the list', async () => {
    const deleted: number[] = [];
    installFakeApi({
      ...handlers(),
      'organizations:delete': ({ id }) => {
        deleted.push(id);
        return ok(null);
      },
    });
    renderApp('#/thanh-vien/21');
    fireEvent.click(await screen.findByRole('button', { name: 'Xóa' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/có thể khôi phục từ Thùng rác/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Chuyển vào Thùng rác' }));

    expect(await screen.findByText('Đã chuyển Liên hiệp HTX Rau an toàn Đồng Tháp vào Thùng rác.')).toBeTruthy();
    expect(deleted).toEqual([21]);
    await waitFor(() => expect(window.location.hash).toBe('#/thanh-vien'));
  });

  it('keeps the kind of one with a past, and says to record a conversion instead', async () => {
    installFakeApi({ ...handlers(), 'organizations:get': () => ok({ ...union, hasHistory: true }) });
    renderApp('#/thanh-vien/21');
    fireEvent.click(await screen.findByRole('button', { name: 'Sửa thông tin' }));
    const kind = await screen.findByLabelText(/^Loại hình/);
    expect((kind as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText(/hãy ghi sự kiện «Chuyển đổi» ở thẻ Quá trình hoạt động/)).toBeTruthy();
  });

  it('says a dissolved organization left the alliance when it ended, with no leaving day typed', async () => {
    installFakeApi({
      ...handlers(),
      'organizations:get': () => ok({ ...union, status: 'dissolved', endedOn: '2026-03-12', isMember: false, memberUntil: null }),
    });
    renderApp('#/thanh-vien/21');
    expect(await screen.findByText('Đã thôi là thành viên (15/01/2020 – 12/03/2026, khi chấm dứt hoạt động)')).toBeTruthy();
    expect(screen.getByText('Đã giải thể', { selector: '.mantine-Badge-label' })).toBeTruthy();
    expect(screen.queryByText('Thành viên Liên minh', { selector: '.mantine-Badge-label' })).toBeNull();
  });
});
