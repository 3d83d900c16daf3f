import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InputOf } from '../../src/shared/contract';
import type { Lookups } from '../../src/shared/contract';
import { alliance, communes, fail, installFakeApi, ok, organization, provinces } from './fakeApi';
import { renderApp } from './renderApp';
import { choose } from './select';

const lookups: Lookups = {
  sectors: [
    { code: 'trong_trot', name: 'Trồng trọt', group: 'agriculture' },
    { code: 'tin_dung', name: 'Tín dụng', group: 'non_agriculture' },
  ],
  sizeClasses: [{ code: 'nho', name: 'Nhỏ' }],
  certificationKinds: [{ code: 'ocop', name: 'OCOP', hasStars: true }],
  minimumMembers: { htx: 5, lhhtx: 3, tht: 0, qtdnd: 0 },
};

const sorted = { sort: { by: 'name', direction: 'asc' } };

const rows = [
  organization({ id: 7, name: 'HTX Nông nghiệp Mỹ Hiệp', shortName: 'HTX Mỹ Hiệp', registrationNo: '1400123456', sectorCode: 'trong_trot' }),
  organization({
    id: 9,
    kind: 'qtdnd',
    name: 'Quỹ tín dụng nhân dân Cao Lãnh',
    communeCode: '28456',
    communeName: 'Phường Cao Lãnh',
    status: 'suspended',
    sectorCode: 'tin_dung',
    isMember: false,
  }),
];

/** The titles of the table's columns, as shown. */
function headerTexts(): string[] {
  return Array.from(document.querySelectorAll('thead th')).map((th) => th.textContent.trim());
}

function listCalls(invoke: ReturnType<typeof installFakeApi>): InputOf<'organizations:list'>[] {
  return invoke.mock.calls.filter(([channel]) => channel === 'organizations:list').map(([, input]) => input as InputOf<'organizations:list'>);
}

// The list keeps its search and filters for the session; each test starts from a fresh one.
beforeEach(() => sessionStorage.clear());

describe('members page', () => {
  it('lists the organizations the api returns, with the total', async () => {
    const invoke = installFakeApi({
      'alliance:get': () => ok(alliance),
      'lookups:get': () => ok(lookups),
      'organizations:list': () => ok({ rows, total: 123 }),
    });
    renderApp('#/thanh-vien');

    expect(await screen.findByText('123 tổ chức')).toBeTruthy();
    const table = screen.getByRole('table');
    const first = within(table).getByText('HTX Nông nghiệp Mỹ Hiệp').closest('tr');
    const second = within(table).getByText('Quỹ tín dụng nhân dân Cao Lãnh').closest('tr');
    expect(first && within(first).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      'HTX Nông nghiệp Mỹ HiệpHTX Mỹ Hiệp',
      'HTX',
      '1400123456',
      'Xã Mỹ Hiệp',
      'Trồng trọt',
      'Có',
      'Đang hoạt động',
    ]);
    expect(second && within(second).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      'Quỹ tín dụng nhân dân Cao Lãnh',
      'QTDND',
      '',
      'Phường Cao Lãnh',
      'Tín dụng',
      'Không',
      'Tạm ngừng',
    ]);
    expect(listCalls(invoke)).toEqual([{ ...sorted, page: 1, pageSize: 50 }]);
  });

  it('says "more than" when a broad search stopped counting at the cap', async () => {
    installFakeApi({
      'alliance:get': () => ok(alliance),
      'lookups:get': () => ok(lookups),
      'organizations:list': () => ok({ rows, total: 1000, totalCapped: true }),
    });
    renderApp('#/thanh-vien');
    expect(await screen.findByText('Hơn 1.000 tổ chức')).toBeTruthy();
  });

  it('searches as the user types, filters, sorts and pages on the server', async () => {
    const invoke = installFakeApi({
      'alliance:get': () => ok(alliance),
      'places:communes': () => ok(communes),
      'lookups:get': () => ok(lookups),
      'organizations:list': () => ok({ rows, total: 123 }),
    });
    renderApp('#/thanh-vien');
    await screen.findByText('123 tổ chức');

    fireEvent.click(screen.getByRole('button', { name: '2' }));
    await waitFor(() => expect(listCalls(invoke).at(-1)).toEqual({ ...sorted, page: 2, pageSize: 50 }));

    // A new search starts again from the first page.
    fireEvent.change(screen.getByLabelText('Tìm kiếm thành viên'), { target: { value: 'my hiep' } });
    await waitFor(() => expect(listCalls(invoke).at(-1)).toEqual({ query: 'my hiep', ...sorted, page: 1, pageSize: 50 }));

    fireEvent.click(screen.getByRole('button', { name: 'Bộ lọc' }));
    await choose(screen.getByLabelText('Loại hình'), '', 'QTDND');
    await choose(screen.getByLabelText('Xã, phường'), 'cao lanh', 'Phường Cao Lãnh');
    fireEvent.click(screen.getByRole('radio', { name: 'Chưa là thành viên' }));
    await choose(screen.getByLabelText('Xếp loại'), '', 'Khá');
    await waitFor(() =>
      expect(listCalls(invoke).at(-1)).toEqual({
        query: 'my hiep',
        kinds: ['qtdnd'],
        communeCodes: ['28456'],
        membership: 'nonMember',
        classification: 'fair',
        classificationYear: new Date().getFullYear() - 1,
        ...sorted,
        page: 1,
        pageSize: 50,
      }),
    );
    // The filters in force are shown, each removable.
    expect(screen.getByText('Loại hình: QTDND')).toBeTruthy();
    expect(screen.getByText('Xã, phường: Phường Cao Lãnh')).toBeTruthy();

    // Sorting by a column asks the server; a second click reverses.
    const header = () => within(screen.getByRole('table')).getByText('Mã số HTX');
    fireEvent.click(header());
    await waitFor(() => expect(listCalls(invoke).at(-1)?.sort).toEqual({ by: 'registrationNo', direction: 'asc' }));
    fireEvent.click(header());
    await waitFor(() => expect(listCalls(invoke).at(-1)?.sort).toEqual({ by: 'registrationNo', direction: 'desc' }));

    fireEvent.click(screen.getByRole('button', { name: 'Xóa bộ lọc' }));
    await waitFor(() =>
      expect(listCalls(invoke).at(-1)).toEqual({ query: 'my hiep', sort: { by: 'registrationNo', direction: 'desc' }, page: 1, pageSize: 50 }),
    );
    expect(screen.queryByText('Loại hình: QTDND')).toBeNull();
  });

  it('lets the user choose the columns, and remembers the choice', async () => {
    installFakeApi({
      'alliance:get': () => ok(alliance),
      'lookups:get': () => ok(lookups),
      'organizations:list': () => ok({ rows: [organization({ id: 7, name: 'HTX Mỹ Hiệp', foundedOn: '2015-03-09' })], total: 1 }),
    });
    renderApp('#/thanh-vien');
    await screen.findByText('1 tổ chức');
    expect(headerTexts()).not.toContain('Ngày thành lập');

    fireEvent.click(screen.getByRole('button', { name: 'Cột hiển thị' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Ngày thành lập' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Lĩnh vực' }));

    await waitFor(() => expect(headerTexts()).toContain('Ngày thành lập'));
    expect(headerTexts()).not.toContain('Lĩnh vực');
    expect(screen.getByText('09/03/2015')).toBeTruthy();
    expect(JSON.parse(localStorage.getItem('htx-desk.members.columns') ?? '[]')).toEqual([
      'kind',
      'registrationNo',
      'communeName',
      'foundedOn',
      'isMember',
      'status',
    ]);
  });

  it('shows the representative, phone, e-mail and latest figures when chosen, empty where there are none', async () => {
    installFakeApi({
      'alliance:get': () => ok(alliance),
      'lookups:get': () => ok(lookups),
      'organizations:list': () =>
        ok({
          rows: [
            organization({
              id: 7,
              name: 'HTX Nông nghiệp Mỹ Hiệp',
              representative: 'Nguyễn Văn Bảy',
              phone: '0277 3851 234',
              email: 'htxmyhiep@gmail.com',
              latestFigures: { year: 2025, membersOfficial: 1250, revenue: 2_450_000_000 },
            }),
            organization({ id: 9, name: 'Tổ hợp tác Rau sạch Tân Hồng', latestFigures: { year: 2023, membersOfficial: 12, revenue: null } }),
            organization({ id: 11, name: 'Quỹ tín dụng nhân dân Cao Lãnh', kind: 'qtdnd' }),
          ],
          total: 3,
        }),
    });
    renderApp('#/thanh-vien');
    await screen.findByText('3 tổ chức');
    const added = ['Người đại diện', 'Điện thoại', 'Thư điện tử', 'TV chính thức', 'Doanh thu'];
    for (const title of added) expect(headerTexts()).not.toContain(title);

    fireEvent.click(screen.getByRole('button', { name: 'Cột hiển thị' }));
    for (const title of added) fireEvent.click(screen.getByRole('checkbox', { name: title }));
    await waitFor(() => expect(headerTexts()).toEqual(expect.arrayContaining(added)));

    const cells = (name: string) => {
      const row = within(screen.getByRole('table')).getByText(name).closest('tr') as HTMLElement;
      const texts = within(row).getAllByRole('cell').map((cell) => cell.textContent);
      return added.map((title) => texts[headerTexts().indexOf(title)]);
    };
    // Money as the app writes it, each figure with the year it is of.
    expect(cells('HTX Nông nghiệp Mỹ Hiệp')).toEqual(['Nguyễn Văn Bảy', '0277 3851 234', 'htxmyhiep@gmail.com', '1.250 (2025)', '2.450.000.000\u00a0₫ (2025)']);
    expect(cells('Tổ hợp tác Rau sạch Tân Hồng')).toEqual(['', '', '', '12 (2023)', '']);
    expect(cells('Quỹ tín dụng nhân dân Cao Lãnh')).toEqual(['', '', '', '', '']);
    expect(screen.getAllByTitle('Số liệu năm 2023, năm gần nhất có số liệu')).toHaveLength(1);

    // Remembered in the list's order, which Xuất Excel follows.
    expect(JSON.parse(localStorage.getItem('htx-desk.members.columns') ?? '[]')).toEqual([
      'kind',
      'registrationNo',
      'communeName',
      'sectorCode',
      'representative',
      'phone',
      'email',
      'membersOfficial',
      'revenue',
      'isMember',
      'status',
    ]);
  });

  it('opens the organization when a row is clicked', async () => {
    installFakeApi({
      'alliance:get': () => ok(alliance),
      'lookups:get': () => ok(lookups),
      'organizations:list': () => ok({ rows, total: 2 }),
    });
    renderApp('#/thanh-vien');
    fireEvent.click((await screen.findByText('Phường Cao Lãnh')).closest('td') as HTMLElement);
    expect(window.location.hash).toBe('#/thanh-vien/9');
  });

  it('says so when there are no members yet', async () => {
    installFakeApi({ 'alliance:get': () => ok(alliance), 'lookups:get': () => ok(lookups), 'organizations:list': () => ok({ rows: [], total: 0 }) });
    renderApp('#/thanh-vien');

    expect(await screen.findByText('0 tổ chức')).toBeTruthy();
    // The empty state is always in the table's markup; it is shown only once loading is over.
    const emptyState = screen.getByText('Chưa có tổ chức thành viên nào').closest('.mantine-datatable-empty-state');
    expect(emptyState?.hasAttribute('data-active')).toBe(true);
  });
});

describe('adding an organization', () => {
  async function openFilledForm() {
    renderApp('#/thanh-vien');
    fireEvent.click(await screen.findByRole('button', { name: 'Thêm tổ chức' }));
    const dialog = await screen.findByRole('dialog');
    await choose(within(dialog).getByLabelText(/^Loại hình/), '', 'Hợp tác xã (HTX)');
    fireEvent.change(within(dialog).getByLabelText(/^Tên tổ chức/), { target: { value: 'HTX Dịch vụ Tân Hồng' } });
    fireEvent.change(within(dialog).getByLabelText(/^Mã số HTX \(mã số thuế\)/), { target: { value: '1400123456' } });
    const commune = within(dialog).getByLabelText(/^Xã, phường/);
    await choose(commune, 'tan hong', 'Xã Tân Hồng');
    return { dialog, commune };
  }

  it('gives hints that hold for an office of any province, not examples of An Giang', async () => {
    // The office is Đồng Tháp's (fakeApi's alliance).
    installFakeApi({
      'alliance:get': () => ok(alliance),
      'lookups:get': () => ok(lookups),
      'organizations:list': () => ok({ rows: [], total: 0 }),
      'places:communes': () => ok(communes),
    });
    renderApp('#/thanh-vien');
    fireEvent.click(await screen.findByRole('button', { name: 'Bộ lọc' }));
    expect(screen.getByLabelText('Xã, phường').getAttribute('placeholder')).toBe('Gõ tên để tìm, không cần dấu');
    fireEvent.click(screen.getByRole('button', { name: 'Thêm tổ chức' }));
    const dialog = await screen.findByRole('dialog', { name: /Thêm tổ chức/ });
    expect(within(dialog).getByLabelText(/^Xã, phường/).getAttribute('placeholder')).toBe('Gõ tên để tìm, không cần dấu');
    expect(within(dialog).getByText('Ghi đúng như giấy tờ cũ, có cả tên xã và huyện.')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText(/^Mã số HTX \(mã số thuế\)/), { target: { value: '14001234' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu tổ chức' }));
    // No tax code of An Giang (16…) as the example: the shape is said, and the hint under the field says it too.
    expect(await within(dialog).findByText('Mã số HTX (mã số thuế) gồm 10 chữ số, hoặc 10 chữ số, gạch ngang và 3 chữ số.')).toBeTruthy();
    // Pasted from an Excel number cell that dropped the leading 0: the code to write is said, nothing is changed.
    fireEvent.change(within(dialog).getByLabelText(/^Mã số HTX \(mã số thuế\)/), { target: { value: '310340517' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu tổ chức' }));
    expect(await within(dialog).findByText('Mã số HTX có 10 chữ số, «310340517» mới có 9 — nếu Excel đã bỏ số 0 ở đầu, hãy ghi 0310340517.')).toBeTruthy();
    expect(within(dialog).getByLabelText<HTMLInputElement>(/^Mã số HTX \(mã số thuế\)/).value).toBe('310340517');
  });

  it('puts a validation error from the api on its field', async () => {
    installFakeApi({
      'alliance:get': () => ok(alliance),
      'lookups:get': () => ok(lookups),
      'organizations:list': () => ok({ rows: [], total: 0 }),
      'places:communes': () => ok(communes),
      'organizations:create': () =>
        fail({
          kind: 'validation',
          message: 'Xã, phường đã chọn không có trong danh sách 3.321 xã, phường hiện hành.',
          issues: [{ path: 'communeCode', message: 'Xã, phường đã chọn không có trong danh sách 3.321 xã, phường hiện hành.' }],
        }),
    });
    const { dialog, commune } = await openFilledForm();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu tổ chức' }));

    const message = await within(dialog).findByText('Xã, phường đã chọn không có trong danh sách 3.321 xã, phường hiện hành.');
    expect(commune.getAttribute('aria-invalid')).toBe('true');
    expect(commune.getAttribute('aria-describedby')).toContain(message.id);
    expect(within(dialog).getByLabelText(/^Tên tổ chức/).getAttribute('aria-invalid')).toBeNull();
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });

  it('names the registration number after the kind chosen: a THT has a Mã số THT', async () => {
    installFakeApi({ 'alliance:get': () => ok(alliance), 'lookups:get': () => ok(lookups), 'organizations:list': () => ok({ rows: [], total: 0 }), 'places:communes': () => ok(communes) });
    const { dialog } = await openFilledForm();
    await choose(within(dialog).getByLabelText(/^Loại hình/), '', 'Tổ hợp tác (THT)');
    expect(within(dialog).getByLabelText<HTMLInputElement>(/^Mã số THT \(mã số thuế\)/).value).toBe('1400123456');
    expect(within(dialog).queryByLabelText(/^Mã số HTX/)).toBeNull();
  });

  it('shows a conflict from the api inside the form', async () => {
    const conflict = 'Mã số HTX 1400123456 đã có: HTX Nông nghiệp Mỹ Hiệp (xã Mỹ Hiệp).';
    installFakeApi({
      'alliance:get': () => ok(alliance),
      'lookups:get': () => ok(lookups),
      'organizations:list': () => ok({ rows: [], total: 0 }),
      'places:communes': () => ok(communes),
      'organizations:create': () => fail({ kind: 'conflict', message: conflict, existingId: 7 }),
    });
    const { dialog } = await openFilledForm();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu tổ chức' }));

    const alert = await within(dialog).findByRole('alert');
    expect(within(alert).getByText(conflict)).toBeTruthy();
    // A taken Mã số HTX cannot be saved anyway: the way on is to open the record that has it.
    expect(within(alert).getByRole('link', { name: 'Mở hồ sơ đó' }).getAttribute('href')).toBe('#/thanh-vien/7');
    expect(within(alert).queryByRole('button', { name: 'Vẫn lưu' })).toBeNull();
  });

  it('suggests the current commune of an old address, and chooses it on a click', async () => {
    let saved: InputOf<'organizations:create'> | undefined;
    const invoke = installFakeApi({
      'alliance:get': () => ok(alliance),
      'lookups:get': () => ok(lookups),
      'organizations:list': () => ok({ rows: [], total: 0 }),
      'places:communes': () => ok(communes),
      'places:suggestFromOldAddress': () =>
        ok({ match: { kind: 'mapped', commune: { code: '28456', type: 'Phường', name: 'Cao Lãnh', fullName: 'Phường Cao Lãnh', provinceCode: '82' } }, reason: null }),
      'organizations:create': (input) => {
        saved = input;
        return ok(organization({ id: 12, name: input.name }));
      },
    });
    const { dialog } = await openFilledForm();
    fireEvent.change(within(dialog).getByLabelText(/^Địa chỉ cũ/), { target: { value: 'ấp 2, xã Mỹ Trà, huyện Cao Lãnh' } });
    expect(await within(dialog).findByText('Theo danh mục mới, địa chỉ này nay thuộc:')).toBeTruthy();
    expect(invoke).toHaveBeenCalledWith('places:suggestFromOldAddress', { oldAddress: 'ấp 2, xã Mỹ Trà, huyện Cao Lãnh' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Phường Cao Lãnh' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu tổ chức' }));
    await waitFor(() => expect(saved).toMatchObject({ communeCode: '28456', oldAddress: 'ấp 2, xã Mỹ Trà, huyện Cao Lãnh' }));
  });

  it('says a divided old commune is divided, and only then', async () => {
    const [caoLanh, myTra] = [
      { code: '28456', type: 'Phường', name: 'Cao Lãnh', fullName: 'Phường Cao Lãnh', provinceCode: '82' },
      { code: '28123', type: 'Xã', name: 'Mỹ Hiệp', fullName: 'Xã Mỹ Hiệp', provinceCode: '82' },
    ];
    const notInDistrict = 'Không có xã Mỹ Trà trong huyện Tháp Mười (cũ); xã Mỹ Trà của thành phố Cao Lãnh (cũ) nay thuộc phường Cao Lãnh.';
    installFakeApi({
      'alliance:get': () => ok(alliance),
      'lookups:get': () => ok(lookups),
      'organizations:list': () => ok({ rows: [], total: 0 }),
      'places:communes': () => ok(communes),
      'places:suggestFromOldAddress': ({ oldAddress }) =>
        ok({ match: { kind: 'ambiguous', candidates: [caoLanh, myTra] }, reason: oldAddress?.includes('Tháp Mười') ? notInDistrict : null }),
    });
    const { dialog } = await openFilledForm();
    const oldAddress = within(dialog).getByLabelText(/^Địa chỉ cũ/);
    fireEvent.change(oldAddress, { target: { value: 'xã Mỹ Trà, huyện Tháp Mười' } });
    expect(await within(dialog).findByText(notInDistrict)).toBeTruthy();
    expect(within(dialog).getByText('Hãy chọn xã, phường hiện nay:')).toBeTruthy();
    expect(within(dialog).queryByText('Xã cũ này nay chia cho nhiều xã, phường; hãy chọn:')).toBeNull();
    fireEvent.change(oldAddress, { target: { value: 'xã Mỹ Trà, thành phố Cao Lãnh' } });
    expect(await within(dialog).findByText('Xã cũ này nay chia cho nhiều xã, phường; hãy chọn:')).toBeTruthy();
    expect(within(dialog).queryByText(notInDistrict)).toBeNull();
  });

  it('says when the commune an old address names is of another province, and a click chooses that province with it', async () => {
    // The office is Đồng Tháp's; the address names An Giang.
    const vinhTe = { code: '30325', type: 'Xã', name: 'Vĩnh Tế', fullName: 'Xã Vĩnh Tế', provinceCode: '91' };
    const elsewhere =
      'Theo danh mục đơn vị hành chính từ 01/07/2025, nơi này nay thuộc xã Tân Phú Trung (tỉnh Đồng Tháp), không thuộc tỉnh An Giang. Nếu tổ chức ở đó, hãy chọn tỉnh Đồng Tháp ở ô «Tỉnh, thành phố» rồi chọn xã, phường.';
    const invoke = installFakeApi({
      'alliance:get': () => ok(alliance),
      'lookups:get': () => ok(lookups),
      'organizations:list': () => ok({ rows: [], total: 0 }),
      'places:provinces': () => ok(provinces),
      'places:communes': ({ provinceCode }) => ok(provinceCode === '91' ? [vinhTe] : communes),
      'places:suggestFromOldAddress': ({ oldAddress }) =>
        ok(oldAddress?.includes('Tân Phú') ? { match: { kind: 'unknown' }, reason: elsewhere } : { match: { kind: 'mapped', commune: vinhTe }, reason: null }),
    });
    const { dialog } = await openFilledForm();
    const oldAddress = within(dialog).getByLabelText(/^Địa chỉ cũ/);
    // Where an old commune went, when that is out of the province it was read in, instead of «not found».
    fireEvent.change(oldAddress, { target: { value: 'xã Tân Phú, huyện Châu Thành, tỉnh An Giang' } });
    expect(await within(dialog).findByText(elsewhere)).toBeTruthy();
    expect(within(dialog).queryByText(/^Chưa tìm được xã, phường hiện nay/)).toBeNull();

    fireEvent.change(oldAddress, { target: { value: 'ấp 3, xã Vĩnh Tế, huyện Châu Đốc, tỉnh An Giang' } });
    expect(
      await within(dialog).findByText('Địa chỉ cũ này ghi ở tỉnh An Giang: chọn xã, phường dưới đây thì ô Tỉnh, thành phố cũng đổi thành tỉnh An Giang.'),
    ).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Xã Vĩnh Tế' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('places:communes', { provinceCode: '91' }));
    await waitFor(() => expect(within(dialog).getByLabelText(/^Xã, phường/)).toHaveProperty('value', 'Xã Vĩnh Tế'));
    expect(within(dialog).getByLabelText(/^Tỉnh, thành phố/)).toHaveProperty('value', 'Tỉnh An Giang');
    // Its province is the form's now: the note has gone.
    expect(within(dialog).queryByText(/^Địa chỉ cũ này ghi ở/)).toBeNull();
  });

  it('saves, closes, says so and refreshes the list', async () => {
    let saved: InputOf<'organizations:create'> | undefined;
    const invoke = installFakeApi({
      'alliance:get': () => ok(alliance),
      'lookups:get': () => ok(lookups),
      'organizations:list': () => ok(saved ? { rows: [organization({ id: 12, name: saved.name })], total: 1 } : { rows: [], total: 0 }),
      'places:communes': () => ok(communes),
      'organizations:create': (input) => {
        saved = input;
        return ok(organization({ id: 12, name: input.name }));
      },
    });
    const { dialog } = await openFilledForm();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu tổ chức' }));

    expect(await screen.findByText('Đã thêm HTX Dịch vụ Tân Hồng.')).toBeTruthy();
    expect(saved).toEqual({
      kind: 'htx',
      name: 'HTX Dịch vụ Tân Hồng',
      shortName: '',
      registrationNo: '1400123456',
      communeCode: '28789',
      street: '',
      oldAddress: '',
      foundedOn: null,
      sectorCode: null,
      phone: '',
      email: '',
      website: '',
      representative: '',
      charterCapital: null,
      sizeClass: null,
      memberSince: null,
      memberUntil: null,
      highTech: false,
      valueChain: false,
    });
    expect(invoke).toHaveBeenCalledWith('places:communes', { provinceCode: '82' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText('1 tổ chức')).toBeTruthy();
  });
});

describe('a name found with a typo forgiven', () => {
  it('keeps its «Gần đúng» badge whole beside a long name, which wraps instead', async () => {
    installFakeApi({
      'alliance:get': () => ok(alliance),
      'lookups:get': () => ok(lookups),
      'places:communes': () => ok(communes),
      'organizations:list': () =>
        ok({
          rows: [{ ...organization({ id: 5, name: 'HTX Cây ăn trái Thắng Lợi Mỹ Hương', otherProvinceName: 'Thành phố Cần Thơ' }), nearMatch: true as const }],
          total: 1,
        }),
    });
    renderApp('#/thanh-vien');

    const badge = await screen.findByText('Gần đúng', {}, { timeout: 5000 });
    const badges = badge.closest('.mantine-Group-root') as HTMLElement;
    // The badges do not give up their width to the name: the name's box may shrink, theirs not.
    expect(badges.style.flexShrink).toBe('0');
    expect(within(badges).getByText('Ngoài tỉnh')).toBeTruthy();
    const nameBox = screen.getByRole('link', { name: 'HTX Cây ăn trái Thắng Lợi Mỹ Hương' }).parentElement as HTMLElement;
    expect(nameBox.style.minWidth).toBe('0');
  });
});

describe('a name found by its old address', () => {
  it('shows under the name the old address the search found it by, and nothing under the others', async () => {
    installFakeApi({
      'alliance:get': () => ok(alliance),
      'lookups:get': () => ok(lookups),
      'places:communes': () => ok(communes),
      'organizations:list': () =>
        ok({
          rows: [
            { ...organization({ id: 5, name: 'HTX Nông nghiệp Mỹ Hội Đông' }), matchedOldAddress: 'ấp Mỹ Hòa, xã Mỹ Hội Đông, huyện Chợ Mới' },
            organization({ id: 7, name: 'HTX Chợ Mới' }),
          ],
          total: 2,
        }),
    });
    renderApp('#/thanh-vien');

    const table = await screen.findByRole('table');
    const found = (await within(table).findByText('HTX Nông nghiệp Mỹ Hội Đông')).closest('td');
    expect(found?.textContent).toBe('HTX Nông nghiệp Mỹ Hội ĐôngĐịa chỉ cũ: ấp Mỹ Hòa, xã Mỹ Hội Đông, huyện Chợ Mới');
    expect(within(table).getByText('HTX Chợ Mới').closest('td')?.textContent).toBe('HTX Chợ Mới');
  });
});

describe('the year a classification is asked of', () => {
  afterEach(() => vi.useRealTimers());

  it('is the year just ended by the clock as the list is used, not as the app was loaded', async () => {
    const invoke = installFakeApi({
      'alliance:get': () => ok(alliance),
      'lookups:get': () => ok(lookups),
      'organizations:list': () => ok({ rows, total: 2 }),
    });
    // The app was loaded before New Year (this file's imports); the list is opened after it.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2031, 0, 2, 8, 0));
    renderApp('#/thanh-vien');
    await screen.findByText('HTX Nông nghiệp Mỹ Hiệp');
    fireEvent.click(screen.getByRole('button', { name: 'Bộ lọc' }));
    expect(screen.getByLabelText<HTMLInputElement>('Năm xếp loại').value).toBe('2030');
    await choose(screen.getByLabelText('Xếp loại'), '', 'Khá');
    await waitFor(() => expect(listCalls(invoke).at(-1)).toEqual({ classification: 'fair', classificationYear: 2030, ...sorted, page: 1, pageSize: 50 }));
    expect(screen.getByText('Xếp loại 2030: Khá')).toBeTruthy();
  });
});
