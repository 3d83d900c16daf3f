import type { ReactElement } from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppProviders, createQueryClient } from '../../src/renderer/src/AppProviders';
import { PartnerPage } from '../../src/renderer/src/pages/partners/PartnerPage';
import { TrashPage } from '../../src/renderer/src/pages/TrashPage';
import { PartnersPage } from '../../src/renderer/src/pages/partners/PartnersPage';
import type { InputOf, PartnerDetail, PartnerSummary } from '../../src/shared/contract';
import { alliance, fail, installFakeApi, ok, partner, provinces, type FakeHandlers } from './fakeApi';
import { choose } from './select';

const rows = [
  partner({
    id: 3,
    name: 'Công ty CP Thực phẩm Hà Nội',
    shortName: 'Hafoods',
    businessLine: 'processing',
    taxCode: '0101234567',
    contactName: 'Nguyễn Văn Đức',
    phone: '024 3825 1234',
    buys: 'Gạo thơm, xoài cát Hòa Lộc',
  }),
  partner({
    id: 5,
    kind: 'wholesale_market',
    name: 'Chợ đầu mối nông sản Bình Điền',
    provinceCode: '80',
    provinceName: 'Tỉnh Tây Ninh',
    buys: 'Cá tra, lươn đồng',
  }),
];

const detail: PartnerDetail = {
  ...(rows[0] as PartnerSummary),
  address: '25 Trần Hưng Đạo, phường Hoàn Kiếm',
  contactRole: 'Trưởng phòng thu mua',
  email: 'thumua@hafoods.vn',
  website: '',
  qualityRequirements: 'VietGAP; truy xuất nguồn gốc',
  note: '',
  createdAt: '2026-11-23T08:00:00.000Z',
  updatedAt: '2026-11-23T08:00:00.000Z',
};

const byName = { sort: { by: 'name', direction: 'asc' } };

function listCalls(invoke: ReturnType<typeof installFakeApi>): InputOf<'partners:list'>[] {
  return invoke.mock.calls.filter(([channel]) => channel === 'partners:list').map(([, input]) => input as InputOf<'partners:list'>);
}

function install(handlers: FakeHandlers) {
  return installFakeApi({
    'alliance:get': () => ok(alliance),
    'places:provinces': () => ok(provinces),
    'partners:list': () => ok({ rows, total: 2 }),
    'partners:checkDuplicates': () => ok([]),
    ...handlers,
  });
}

/** The page alone, in the app's providers: the partners screens do not depend on the rest of the app. */
function renderPage(page: ReactElement, hash: string) {
  window.location.hash = hash;
  return render(
    <AppProviders queryClient={createQueryClient()} env="test">
      {page}
    </AppProviders>,
  );
}

const renderList = () => renderPage(<PartnersPage />, '#/doi-tac');

beforeEach(() => sessionStorage.clear());

describe('partners page', () => {
  it('lists partners with kind and line, province, contact, phone and what they buy', async () => {
    const invoke = install({ 'partners:list': () => ok({ rows, total: 73 }) });
    renderList();

    expect(await screen.findByText('73 đối tác')).toBeTruthy();
    expect(Array.from(document.querySelectorAll('thead th')).map((th) => th.textContent.trim())).toEqual([
      'Tên đối tác',
      'Loại đối tác',
      'Tỉnh, thành phố',
      'Người liên hệ',
      'Điện thoại',
      'Mặt hàng cần mua',
    ]);
    const table = screen.getByRole('table');
    const first = within(table).getByText('Công ty CP Thực phẩm Hà Nội').closest('tr');
    expect(first && within(first).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      'Công ty CP Thực phẩm Hà NộiHafoods',
      'Doanh nghiệpChế biến',
      'Thành phố Hà Nội',
      'Nguyễn Văn Đức',
      '024 3825 1234',
      'Gạo thơm, xoài cát Hòa Lộc',
    ]);
    const second = within(table).getByText('Chợ đầu mối nông sản Bình Điền').closest('tr');
    expect(second && within(second).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      'Chợ đầu mối nông sản Bình Điền',
      'Chợ đầu mối',
      'Tỉnh Tây Ninh',
      '',
      '',
      'Cá tra, lươn đồng',
    ]);
    expect(listCalls(invoke)).toEqual([{ ...byName, page: 1, pageSize: 50 }]);
  });

  it('searches as the user types, filters, sorts and pages on the server', async () => {
    const invoke = install({ 'partners:list': () => ok({ rows, total: 73 }) });
    renderList();
    await screen.findByText('73 đối tác');

    fireEvent.click(screen.getByRole('button', { name: '2' }));
    await waitFor(() => expect(listCalls(invoke).at(-1)).toEqual({ ...byName, page: 2, pageSize: 50 }));

    // The box says all it searches, phone numbers too, in words short enough to be read whole at 1440 px.
    expect(screen.getByLabelText('Tìm kiếm đối tác').getAttribute('placeholder')).toBe('Tên, mã số thuế, điện thoại, tỉnh, địa chỉ, người liên hệ, mặt hàng');
    // A new search starts again from the first page.
    fireEvent.change(screen.getByLabelText('Tìm kiếm đối tác'), { target: { value: 'thuc pham' } });
    await waitFor(() => expect(listCalls(invoke).at(-1)).toEqual({ search: 'thuc pham', ...byName, page: 1, pageSize: 50 }));

    await choose(screen.getByLabelText('Loại đối tác'), '', 'Chợ đầu mối');
    await choose(screen.getByLabelText('Tỉnh, thành phố'), 'tay ninh', 'Tỉnh Tây Ninh');
    await waitFor(() =>
      expect(listCalls(invoke).at(-1)).toEqual({
        search: 'thuc pham',
        kind: 'wholesale_market',
        provinceCode: '80',
        ...byName,
        page: 1,
        pageSize: 50,
      }),
    );

    fireEvent.click(screen.getByText('Tỉnh, thành phố', { selector: 'th *' }));
    await waitFor(() => expect(listCalls(invoke).at(-1)).toMatchObject({ sort: { by: 'province', direction: 'asc' } }));
  });

  it('opens the partner when a row is clicked', async () => {
    install({});
    renderList();
    fireEvent.click((await screen.findByText('Cá tra, lươn đồng')).closest('td') as HTMLElement);
    expect(window.location.hash).toBe('#/doi-tac/5');
  });

  it('says so when there are no partners yet', async () => {
    install({ 'partners:list': () => ok({ rows: [], total: 0 }) });
    renderList();
    expect(await screen.findByText('0 đối tác')).toBeTruthy();
    const emptyState = screen.getByText('Chưa có đối tác nào').closest('.mantine-datatable-empty-state');
    expect(emptyState?.hasAttribute('data-active')).toBe(true);
  });
});

describe('adding a partner', () => {
  async function openForm() {
    renderList();
    fireEvent.click(await screen.findByRole('button', { name: 'Thêm đối tác' }));
    return screen.findByRole('dialog');
  }

  it('checks the form before asking the api, and offers a business line to enterprises only', async () => {
    const invoke = install({});
    const dialog = await openForm();
    expect(within(dialog).queryByLabelText('Ngành kinh doanh')).toBeNull();
    await choose(within(dialog).getByLabelText(/^Loại đối tác/), '', 'Doanh nghiệp');
    await choose(within(dialog).getByLabelText('Ngành kinh doanh'), '', 'Xuất khẩu');
    fireEvent.change(within(dialog).getByLabelText(/^Mã số thuế/), { target: { value: '01012345' } });
    fireEvent.change(within(dialog).getByLabelText('Thư điện tử'), { target: { value: 'thumua@' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu đối tác' }));

    expect(await within(dialog).findByText('Tên đối tác không được để trống.')).toBeTruthy();
    expect(within(dialog).getByText('Mã số thuế gồm 10 chữ số, hoặc 10 chữ số, gạch ngang và 3 chữ số (ví dụ 0101234567).')).toBeTruthy();
    expect(within(dialog).getByText('Thư điện tử không đúng dạng (ví dụ: lienminh@angiang.gov.vn).')).toBeTruthy();
    expect(invoke.mock.calls.some(([channel]) => channel === 'partners:create')).toBe(false);

    // Another kind has no business line, and drops the one chosen.
    await choose(within(dialog).getByLabelText(/^Loại đối tác/), '', 'Đơn vị vận chuyển');
    expect(within(dialog).queryByLabelText('Ngành kinh doanh')).toBeNull();
  });

  it('refuses a tax code Excel cut to 9 digits, keeps it as typed, and says which code to write', async () => {
    const invoke = install({});
    const dialog = await openForm();
    fireEvent.change(within(dialog).getByLabelText(/^Mã số thuế/), { target: { value: '310340517' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu đối tác' }));

    expect(
      await within(dialog).findByText('Mã số thuế có 10 chữ số, «310340517» mới có 9 — nếu Excel đã bỏ số 0 ở đầu, hãy ghi 0310340517.'),
    ).toBeTruthy();
    expect(within(dialog).getByLabelText<HTMLInputElement>(/^Mã số thuế/).value).toBe('310340517');
    expect(invoke.mock.calls.some(([channel]) => channel === 'partners:create')).toBe(false);
  });

  it('saves in the alliance province by default, closes, says so and refreshes the list', async () => {
    let saved: InputOf<'partners:create'> | undefined;
    install({
      'partners:list': () => ok(saved ? { rows: [partner({ id: 12, name: saved.name })], total: 1 } : { rows: [], total: 0 }),
      'partners:create': (input) => {
        saved = input;
        return ok(partner({ id: 12, name: input.name }));
      },
    });
    const dialog = await openForm();
    await choose(within(dialog).getByLabelText(/^Loại đối tác/), '', 'Doanh nghiệp');
    await choose(within(dialog).getByLabelText('Ngành kinh doanh'), '', 'Chuỗi siêu thị');
    fireEvent.change(within(dialog).getByLabelText(/^Tên đối tác/), { target: { value: 'Công ty TNHH Bách hóa Xanh' } });
    fireEvent.change(within(dialog).getByLabelText(/^Mã số thuế/), { target: { value: '0310471746' } });
    fireEvent.change(within(dialog).getByLabelText('Mặt hàng cần mua'), { target: { value: 'Rau an toàn' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu đối tác' }));

    expect(await screen.findByText('Đã thêm Công ty TNHH Bách hóa Xanh.')).toBeTruthy();
    expect(saved).toEqual({
      kind: 'enterprise',
      businessLine: 'supermarket',
      name: 'Công ty TNHH Bách hóa Xanh',
      shortName: '',
      taxCode: '0310471746',
      provinceCode: '82',
      address: '',
      contactName: '',
      contactRole: '',
      phone: '',
      email: '',
      website: '',
      buys: 'Rau an toàn',
      qualityRequirements: '',
      note: '',
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText('1 đối tác')).toBeTruthy();
  });

  it('warns of a similar partner, and saves anyway when the user confirms', async () => {
    const calls: InputOf<'partners:create'>[] = [];
    install({
      'partners:checkDuplicates': () => ok([{ id: 3, name: 'Công ty CP Thực phẩm Hà Nội', detail: 'Đồng Tháp, chưa có mã số thuế', reason: 'sameName' }]),
      'partners:create': (input) => {
        calls.push(input);
        return input.confirmedSimilarIds?.includes(3)
          ? ok(partner({ id: 14, name: input.name }))
          : fail({
              kind: 'conflict',
              message: 'Đã có đối tác tên gần giống ở Đồng Tháp: Công ty CP Thực phẩm Hà Nội. Nếu đúng là đối tác khác, hãy xác nhận để lưu.',
              existingId: 3,
              similar: [{ id: 3, name: 'Công ty CP Thực phẩm Hà Nội', detail: 'Đồng Tháp, chưa có mã số thuế' }],
            });
      },
    });
    const dialog = await openForm();
    await choose(within(dialog).getByLabelText(/^Loại đối tác/), '', 'Doanh nghiệp');
    fireEvent.change(within(dialog).getByLabelText(/^Tên đối tác/), { target: { value: 'CTCP Thực phẩm Hà Nội' } });
    // Asked once typing pauses (400 ms), which a busy test machine stretches.
    expect(await within(dialog).findByText('Có thể đối tác này đã có', {}, { timeout: 5000 })).toBeTruthy();
    expect(within(dialog).getByText('(Đồng Tháp, chưa có mã số thuế) — tên gần giống, cùng tỉnh, thành phố')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu đối tác' }));

    // The warning above is an alert too; the conflict is the one that says to confirm.
    const message = await within(dialog).findByText(/Nếu đúng là đối tác khác, hãy xác nhận để lưu\.$/);
    const alert = message.closest<HTMLElement>('[role="alert"]') as HTMLElement;
    expect(within(alert).getByRole('link', { name: 'Xem đối tác đã có' }).getAttribute('href')).toBe('#/doi-tac/3');
    fireEvent.click(within(alert).getByRole('button', { name: 'Vẫn lưu' }));
    expect(await screen.findByText('Đã thêm CTCP Thực phẩm Hà Nội.')).toBeTruthy();
    expect(calls.map((input) => input.confirmedSimilarIds)).toEqual([undefined, [3]]);
  });

  it('shows a taken tax code inside the form, with the way to the partner that has it', async () => {
    const message = 'Mã số thuế 0101234567 đã có: Công ty CP Thực phẩm Hà Nội (Hà Nội).';
    install({
      'partners:checkDuplicates': (input) =>
        ok(input.taxCode ? [{ id: 3, name: 'Công ty CP Thực phẩm Hà Nội', detail: 'Hà Nội, mã số thuế 0101234567', reason: 'taxCode' as const }] : []),
      'partners:create': () => fail({ kind: 'conflict', message, existingId: 3 }),
    });
    const dialog = await openForm();
    await choose(within(dialog).getByLabelText(/^Loại đối tác/), '', 'Cơ quan nhà nước');
    fireEvent.change(within(dialog).getByLabelText(/^Tên đối tác/), { target: { value: 'Sở Công Thương' } });
    fireEvent.change(within(dialog).getByLabelText(/^Mã số thuế/), { target: { value: '0101234567' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu đối tác' }));

    // The duplicate warning may be up too; the conflict is the alert with the backend's message.
    const alert = (await within(dialog).findByText(message)).closest<HTMLElement>('[role="alert"]') as HTMLElement;
    expect(within(alert).getByRole('link', { name: 'Mở hồ sơ đó' }).getAttribute('href')).toBe('#/doi-tac/3');
    expect(within(alert).queryByRole('button', { name: 'Vẫn lưu' })).toBeNull();
  });
});

describe('a partner page', () => {
  it('shows the profile, edits it in place, and shows the change history', async () => {
    let updated: InputOf<'partners:update'> | undefined;
    install({
      'partners:get': () => ok(updated ? { ...detail, phone: updated.phone ?? '' } : detail),
      'partners:update': (input) => {
        updated = input;
        return ok({ ...(rows[0] as PartnerSummary), phone: input.phone ?? '' });
      },
      'records:history': () =>
        ok({
          entries: [
            {
              at: '2026-11-24T09:30:00.000Z',
              action: 'update' as const,
              changes: [{ field: 'businessLine', before: 'processing', after: 'export' }],
            },
          ],
          names: {},
        }),
    });
    renderPage(<PartnerPage id={3} />, '#/doi-tac/3');

    expect(await screen.findByRole('heading', { name: 'Công ty CP Thực phẩm Hà Nội' })).toBeTruthy();
    expect(screen.getByText('Mã số thuế: 0101234567 · Thành phố Hà Nội · Hafoods')).toBeTruthy();
    expect(screen.getByText('VietGAP; truy xuất nguồn gốc')).toBeTruthy();
    expect(screen.getByText('Trưởng phòng thu mua')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Sửa thông tin' }));
    fireEvent.change(await screen.findByLabelText('Điện thoại'), { target: { value: '024 3999 9999' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu thay đổi' }));
    expect(await screen.findByText('Đã lưu Công ty CP Thực phẩm Hà Nội.')).toBeTruthy();
    expect(updated).toMatchObject({ id: 3, phone: '024 3999 9999', businessLine: 'processing', provinceCode: '01' });

    fireEvent.click(screen.getByRole('tab', { name: 'Lịch sử thay đổi' }));
    expect(await screen.findByText('Ngành kinh doanh: Chế biến → Xuất khẩu')).toBeTruthy();
  });
});

describe('moving a partner to the trash', () => {
  const confirmation = async (ties: { agreementsInForce: number; openDemands: number }) => {
    const invoke = install({ 'partners:get': () => ok(detail), 'partners:ties': () => ok(ties), 'partners:delete': () => ok(null) });
    const { unmount } = renderPage(<PartnerPage id={3} />, '#/doi-tac/3');
    await screen.findByRole('heading', { name: 'Công ty CP Thực phẩm Hà Nội' });
    // What it has is read as the page opens; the button asks once it is known.
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('partners:ties', { id: 3 }));
    fireEvent.click(screen.getByRole('button', { name: 'Xóa' }));
    const dialog = await screen.findByRole('dialog', { name: 'Xóa đối tác' });
    const text = dialog.textContent;
    fireEvent.click(within(dialog).getByRole('button', { name: 'Hủy' }));
    unmount();
    return text;
  };

  it('says what it still has under way and what becomes of it, and still moves it', async () => {
    expect(await confirmation({ agreementsInForce: 2, openDemands: 1 })).toContain(
      'Đối tác này còn 2 thỏa thuận đang thực hiện và 1 nhu cầu chưa được đáp ứng. Các thỏa thuận vẫn ở trong danh sách Thỏa thuận và vẫn ghi nhận giao hàng được; muốn sửa thỏa thuận thì cần khôi phục đối tác trước. Các nhu cầu sẽ tạm ẩn khỏi Kết nối cung – cầu và Cần chú ý cho đến khi đối tác được khôi phục. Chuyển Công ty CP Thực phẩm Hà Nội vào Thùng rác?',
    );
    expect(await confirmation({ agreementsInForce: 0, openDemands: 3 })).toContain(
      'Đối tác này còn 3 nhu cầu chưa được đáp ứng. Các nhu cầu sẽ tạm ẩn khỏi Kết nối cung – cầu và Cần chú ý cho đến khi đối tác được khôi phục. Chuyển',
    );
    const nothing = await confirmation({ agreementsInForce: 0, openDemands: 0 });
    expect(nothing).not.toContain('Đối tác này còn');
    expect(nothing).toContain('Chuyển Công ty CP Thực phẩm Hà Nội vào Thùng rác?');

    const invoke = install({ 'partners:get': () => ok(detail), 'partners:ties': () => ok({ agreementsInForce: 1, openDemands: 0 }), 'partners:delete': () => ok(null) });
    renderPage(<PartnerPage id={3} />, '#/doi-tac/3');
    await screen.findByRole('heading', { name: 'Công ty CP Thực phẩm Hà Nội' });
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('partners:ties', { id: 3 }));
    fireEvent.click(screen.getByRole('button', { name: 'Xóa' }));
    const dialog = await screen.findByRole('dialog', { name: 'Xóa đối tác' });
    expect(dialog.textContent).toContain('Đối tác này còn 1 thỏa thuận đang thực hiện. Các thỏa thuận vẫn ở trong danh sách Thỏa thuận');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Chuyển vào Thùng rác' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('partners:delete', { id: 3 }));
  });
});

describe('partners in the trash', () => {
  it('lists them and says why a restore is refused, with the way to the partner holding the tax code', async () => {
    const message =
      'Không khôi phục được Công ty CP Thực phẩm Hà Nội: mã số thuế 0101234567 nay đã ghi cho Công ty TNHH Hà Phát (Hà Nội). ' +
      'Hãy sửa mã số thuế ở hồ sơ đang dùng nếu nhập nhầm, rồi khôi phục lại.';
    install({
      'partners:trash': () => ok({ rows: [{ ...(rows[0] as PartnerSummary), deletedAt: '2026-11-25T10:00:00.000Z' }], total: 1 }),
      'partners:restore': () => fail({ kind: 'conflict', message, existingId: 8 }),
      'organizations:trash': () => ok({ rows: [], total: 0 }),
      'events:trash': () => ok({ rows: [], total: 0 }),
      'agreements:trash': () => ok({ rows: [], total: 0 }),
    });
    renderPage(<TrashPage />, '#/thung-rac');

    expect(await screen.findByText(/^1 đối tác trong Thùng rác/)).toBeTruthy();
    const row = screen.getByText('Công ty CP Thực phẩm Hà Nội').closest('tr') as HTMLElement;
    expect(within(row).getByText('0101234567')).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: 'Khôi phục Công ty CP Thực phẩm Hà Nội' }));

    const alert = (await screen.findByText(message)).closest<HTMLElement>('[role="alert"]') as HTMLElement;
    expect(within(alert).getByRole('link', { name: 'Mở hồ sơ đang dùng mã số thuế đó' }).getAttribute('href')).toBe('#/doi-tac/8');
  });
});
