import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppProviders, createQueryClient } from '../../src/renderer/src/AppProviders';
import { RecordHistory } from '../../src/renderer/src/components/RecordHistory';
import { formatMoney } from '../../src/shared/format';
import type { HistoryValue, RecordHistory as History, RecordKind } from '../../src/shared/records';
import { installFakeApi, ok } from './fakeApi';

function renderHistory(kind: RecordKind, history: History) {
  installFakeApi({ 'records:history': (input) => ok(input.kind === kind && input.id === 7 ? history : { entries: [], names: {} }) });
  return render(
    <AppProviders queryClient={createQueryClient()} env="test">
      <RecordHistory kind={kind} id={7} />
    </AppProviders>,
  );
}

/** The lines of the entry with this title. */
function linesUnder(title: string): string[] {
  const item = screen.getByText(title).closest('.mantine-Timeline-item');
  return [...(item?.querySelectorAll('li') ?? [])].map((line) => line.textContent);
}

const dissolution = { eventId: 3, kind: 'dissolution', date: '2025-06-30', decisionNo: '9/QĐ', role: 'subject' };

/** Commitments as the audit trail keeps them (src/core/services/agreements.ts). */
const rice = { id: 11, product: 'Lúa Đài Thơm 8', quantity: 50, unit: 'tấn', value: 400_000_000, startsOn: '2026-03-05', dueOn: '2026-06-30', supplier: null, receiver: null };
const fragrant = { id: 12, product: 'Gạo thơm', quantity: 800, unit: 'kg', value: 20_000_000, startsOn: null, dueOn: '2026-09-30', supplier: null, receiver: null };
const mango = { id: 13, product: 'Xoài cát Hòa Lộc', quantity: 2, unit: 'tấn', value: null, startsOn: null, dueOn: null, supplier: null, receiver: null };

describe('Lịch sử thay đổi', () => {
  it('says what the app set after a lifecycle event follows that event, in the words of the organization’s page', async () => {
    renderHistory('organization', {
      entries: [
        {
          at: '2025-07-02T03:00:00.000Z',
          action: 'update',
          changes: [
            { field: 'status', before: 'dissolved', after: 'active' },
            { field: 'endedOn', before: '2025-06-30', after: null },
          ],
          cause: { lifecycle: 'removed', kind: 'dissolution', date: '2025-06-30' },
        },
        { at: '2025-07-02T03:00:00.000Z', action: 'update', changes: [{ field: 'lifecycle', before: dissolution, after: null }] },
        {
          at: '2025-07-01T03:00:00.000Z',
          action: 'update',
          changes: [
            { field: 'status', before: 'active', after: 'dissolved' },
            { field: 'endedOn', before: null, after: '2025-06-30' },
          ],
          cause: { lifecycle: 'recorded', kind: 'dissolution', date: '2025-06-30' },
        },
        { at: '2025-07-01T03:00:00.000Z', action: 'update', changes: [{ field: 'lifecycle', before: null, after: dissolution }] },
      ],
      names: {},
    });
    expect(await screen.findByText('Cập nhật theo sự kiện «Giải thể» ngày 30/06/2025')).toBeTruthy();
    expect(linesUnder('Cập nhật theo sự kiện «Giải thể» ngày 30/06/2025')).toEqual([
      'Trạng thái: Đang hoạt động → Đã giải thể',
      'Ngày chấm dứt hoạt động: (trống) → 30/06/2025',
    ]);
    expect(linesUnder('Cập nhật khi xóa sự kiện «Giải thể» ngày 30/06/2025')).toEqual([
      'Trạng thái: Đã giải thể → Đang hoạt động',
      'Ngày chấm dứt hoạt động: 30/06/2025 → (trống)',
    ]);
    // The person's own entries say what they did to the event, not that they edited the details.
    expect(linesUnder('Ghi nhận sự kiện «Giải thể» ngày 30/06/2025')).toEqual(['Thêm quá trình hoạt động: Giải thể, 30/06/2025, quyết định số 9/QĐ']);
    expect(linesUnder('Xóa sự kiện «Giải thể» ngày 30/06/2025')).toEqual(['Xóa quá trình hoạt động: Giải thể, 30/06/2025, quyết định số 9/QĐ']);
    expect(screen.queryByText('Sửa thông tin')).toBeNull();
  });

  it('says which side of a merger, split, separation or consolidation the organization was on, naming the others', async () => {
    const line = (kind: string, role: string, counterparts: { name: string; role: string }[]) => ({ eventId: 8, kind, date: '2025-10-01', decisionNo: '', role, counterparts });
    const entry = (at: string, value: HistoryValue) => ({ at, action: 'update' as const, changes: [{ field: 'lifecycle', before: null, after: value }] });
    renderHistory('organization', {
      entries: [
        entry('2025-10-08T03:00:00.000Z', line('merger', 'predecessor', [{ name: 'HTX Vĩnh An', role: 'subject' }, { name: 'HTX Đồng Tâm', role: 'predecessor' }])),
        entry('2025-10-07T03:00:00.000Z', line('merger', 'subject', [{ name: 'HTX Vĩnh Bình', role: 'predecessor' }, { name: 'HTX Đồng Tâm', role: 'predecessor' }])),
        entry('2025-10-06T03:00:00.000Z', line('split', 'predecessor', [{ name: 'HTX Mỹ Hòa', role: 'successor' }, { name: 'HTX Mỹ Hưng', role: 'successor' }])),
        entry('2025-10-05T03:00:00.000Z', line('split', 'successor', [{ name: 'HTX Mỹ Hòa Hưng', role: 'predecessor' }, { name: 'HTX Mỹ Hưng', role: 'successor' }])),
        entry('2025-10-04T03:00:00.000Z', line('separation', 'subject', [{ name: 'HTX Bình Đức', role: 'successor' }])),
        entry('2025-10-03T03:00:00.000Z', line('separation', 'successor', [{ name: 'HTX Mỹ Thới', role: 'subject' }])),
        entry('2025-10-02T03:00:00.000Z', line('consolidation', 'predecessor', [{ name: 'HTX Tân Hòa', role: 'predecessor' }, { name: 'HTX Tân Phú Hòa', role: 'successor' }])),
        entry('2025-10-01T03:00:00.000Z', line('consolidation', 'successor', [{ name: 'HTX Tân Hòa', role: 'predecessor' }, { name: 'HTX Tân Phú', role: 'predecessor' }])),
        // An entry without the others (one since removed for good) says the role.
        entry('2025-09-30T03:00:00.000Z', { eventId: 9, kind: 'merger', date: '2025-09-30', decisionNo: '', role: 'predecessor' }),
      ],
      names: {},
    });
    await screen.findAllByText('Ghi nhận sự kiện «Sáp nhập» ngày 01/10/2025');
    const lines = [...document.querySelectorAll('li')].map((item) => item.textContent);
    expect(lines).toEqual([
      'Thêm quá trình hoạt động: Sáp nhập vào HTX Vĩnh An, 01/10/2025',
      'Thêm quá trình hoạt động: Nhận sáp nhập HTX Vĩnh Bình, HTX Đồng Tâm, 01/10/2025',
      'Thêm quá trình hoạt động: Chia thành HTX Mỹ Hòa, HTX Mỹ Hưng, 01/10/2025',
      'Thêm quá trình hoạt động: Được chia ra từ HTX Mỹ Hòa Hưng, 01/10/2025',
      'Thêm quá trình hoạt động: Tách một bộ phận để thành lập HTX Bình Đức, 01/10/2025',
      'Thêm quá trình hoạt động: Được tách ra từ HTX Mỹ Thới, 01/10/2025',
      'Thêm quá trình hoạt động: Hợp nhất với HTX Tân Hòa thành HTX Tân Phú Hòa, 01/10/2025',
      'Thêm quá trình hoạt động: Hình thành từ hợp nhất HTX Tân Hòa, HTX Tân Phú, 01/10/2025',
      'Thêm quá trình hoạt động: Sáp nhập (tổ chức trước), 30/09/2025',
    ]);
  });

  it('titles the recording of a renaming by the event, with the name it set, and a hand edit as an edit', async () => {
    const renaming = { eventId: 5, kind: 'renaming', date: '2026-11-15', decisionNo: '', role: 'subject' };
    renderHistory('organization', {
      entries: [
        { at: '2026-11-20T03:00:00.000Z', action: 'update', changes: [{ field: 'phone', before: '0296 3841 234', after: '0296 3841 235' }] },
        {
          at: '2026-11-16T03:00:00.000Z',
          action: 'update',
          changes: [
            { field: 'lifecycle', before: null, after: renaming },
            { field: 'name', before: 'HTX Nông nghiệp Vĩnh Bình', after: 'HTX Nông nghiệp Công nghệ cao Vĩnh Bình' },
          ],
        },
      ],
      names: {},
    });
    expect(await screen.findByText('Ghi nhận sự kiện «Đổi tên» ngày 15/11/2026')).toBeTruthy();
    expect(linesUnder('Ghi nhận sự kiện «Đổi tên» ngày 15/11/2026')).toEqual([
      'Thêm quá trình hoạt động: Đổi tên, 15/11/2026',
      'Tên tổ chức: HTX Nông nghiệp Vĩnh Bình → HTX Nông nghiệp Công nghệ cao Vĩnh Bình',
    ]);
    expect(linesUnder('Sửa thông tin')).toEqual(['Điện thoại: 0296 3841 234 → 0296 3841 235']);
  });

  it('lists only the parties an edit added, removed or gave another role', async () => {
    // Parties as the audit trail keeps them (src/core/services/agreements.ts): who, by kind and id, with the name then.
    const alliance = { kind: 'alliance', id: null, name: 'Liên minh Hợp tác xã tỉnh An Giang', role: 'witness' };
    const vinhBinh = { kind: 'organization', id: 7, name: 'HTX Nông nghiệp Vĩnh Bình', role: 'seller' };
    const tanHong = { kind: 'organization', id: 8, name: 'HTX Dịch vụ Tân Hồng', role: 'seller' };
    const foods = { kind: 'partner', id: 7, name: 'Công ty Cổ phần Thực phẩm Hà Nội', role: 'buyer' };
    renderHistory('agreement', {
      entries: [
        { at: '2026-03-12T03:00:00.000Z', action: 'update', changes: [{ field: 'parties', before: [vinhBinh, foods, alliance], after: [vinhBinh, foods, { ...alliance, role: 'cooperating' }] }] },
        { at: '2026-03-11T03:00:00.000Z', action: 'update', changes: [{ field: 'parties', before: [vinhBinh, tanHong, foods], after: [vinhBinh, foods, alliance] }] },
        { at: '2026-03-10T03:00:00.000Z', action: 'create', changes: [{ field: 'parties', before: null, after: [vinhBinh, tanHong, foods] }] },
      ],
      names: {},
    });
    await screen.findByText('Sửa bên Liên minh Hợp tác xã tỉnh An Giang: Vai trò Bên chứng kiến → Bên phối hợp');
    // Newest first; a member and a partner with the same id are two parties, and those no edit touched are named only where they were added.
    expect(screen.getAllByRole('listitem').map((line) => line.textContent)).toEqual([
      'Sửa bên Liên minh Hợp tác xã tỉnh An Giang: Vai trò Bên chứng kiến → Bên phối hợp',
      'Thêm bên Liên minh Hợp tác xã tỉnh An Giang (Bên chứng kiến)',
      'Xóa bên HTX Dịch vụ Tân Hồng (Bên bán)',
      'Thêm bên HTX Nông nghiệp Vĩnh Bình (Bên bán)',
      'Thêm bên HTX Dịch vụ Tân Hồng (Bên bán)',
      'Thêm bên Công ty Cổ phần Thực phẩm Hà Nội (Bên mua)',
    ]);
  });

  it('shows the parties of entries kept as text before raw values as they are', async () => {
    renderHistory('agreement', {
      entries: [
        {
          at: '2025-03-12T03:00:00.000Z',
          action: 'update',
          changes: [{ field: 'parties', before: 'HTX Vĩnh Bình (Bên bán); Cty ABC (Bên mua)', after: 'HTX Vĩnh Bình (Bên bán); Cty ABC (Bên mua); Cty XYZ (Bên mua)' }],
        },
      ],
      names: {},
    });
    expect(await screen.findByText('Các bên: HTX Vĩnh Bình (Bên bán); Cty ABC (Bên mua) → HTX Vĩnh Bình (Bên bán); Cty ABC (Bên mua); Cty XYZ (Bên mua)')).toBeTruthy();
  });

  it('lists only the commitments an edit added, removed or changed, with what changed', async () => {
    renderHistory('agreement', {
      entries: [
        {
          at: '2026-03-12T03:00:00.000Z',
          action: 'update',
          changes: [{ field: 'commitments', before: [rice, fragrant], after: [rice, { ...fragrant, quantity: 1000, dueOn: '2026-10-31' }] }],
        },
        {
          at: '2026-03-11T03:00:00.000Z',
          action: 'update',
          changes: [{ field: 'commitments', before: [rice, fragrant, mango], after: [rice, { ...mango, product: 'Xoài cát chu' }, { ...mango, id: 14, product: 'Bưởi Năm Roi', value: 15_000_000 }] }],
        },
        { at: '2026-03-10T03:00:00.000Z', action: 'create', changes: [{ field: 'commitments', before: null, after: [rice, fragrant] }] },
      ],
      names: {},
    });
    expect(await screen.findByText('Sửa cam kết Gạo thơm: Số lượng 800 kg → 1.000 kg; Hạn hoàn thành 30/09/2026 → 31/10/2026')).toBeTruthy();
    expect(screen.getByText('Sửa cam kết Xoài cát Hòa Lộc: Sản phẩm Xoài cát Hòa Lộc → Xoài cát chu')).toBeTruthy();
    expect(screen.getByText('Thêm cam kết Bưởi Năm Roi: 2 tấn, 15.000.000 ₫')).toBeTruthy();
    expect(screen.getByText('Xóa cam kết Gạo thơm: 800 kg, 20.000.000 ₫, hạn 30/09/2026')).toBeTruthy();
    // The commitment no edit touched is named only where it was added.
    expect(screen.getAllByText(/Lúa Đài Thơm 8/)).toEqual([screen.getByText('Thêm cam kết Lúa Đài Thơm 8: 50 tấn, 400.000.000 ₫, từ 05/03/2026, hạn 30/06/2026')]);
  });

  it('reads the commitments of entries written before they kept their ids by what they hold', async () => {
    const kept = ({ id: _id, ...commitment }: { [key: string]: HistoryValue }) => commitment;
    renderHistory('agreement', {
      entries: [
        {
          at: '2025-03-12T03:00:00.000Z',
          action: 'update',
          changes: [{ field: 'commitments', before: [kept(rice), kept(fragrant)], after: [kept(rice), { ...kept(fragrant), value: 24_000_000 }] }],
        },
      ],
      names: {},
    });
    expect(await screen.findByText('Sửa cam kết Gạo thơm: Giá trị 20.000.000 ₫ → 24.000.000 ₫')).toBeTruthy();
    expect(screen.queryByText(/Lúa Đài Thơm 8/)).toBeNull();
  });

  it('says what an edit of a product changed in it, not its name twice', async () => {
    /** A product as `saveProduct` keeps it in the organization's history. */
    const rice = { id: 4, organizationId: 7, name: 'Gạo ST25', productGroup: 'Lúa gạo', unit: 'tấn', volume: 100, volumePeriod: 'year', price: 18_000_000, note: '' };
    renderHistory('organization', {
      entries: [
        { at: '2026-03-12T03:00:00.000Z', action: 'update', changes: [{ field: 'product', before: rice, after: { ...rice, volume: 120, volumePeriod: 'season', price: null } }] },
        { at: '2026-03-10T03:00:00.000Z', action: 'update', changes: [{ field: 'product', before: null, after: rice }] },
      ],
      names: {},
    });
    expect(await screen.findByText('Sửa sản phẩm Gạo ST25')).toBeTruthy();
    expect(linesUnder('Sửa sản phẩm Gạo ST25')).toEqual(['Sản lượng: 100 tấn/năm → 120 tấn/vụ', `Giá bán: ${formatMoney(18_000_000)} → (trống)`]);
    expect(linesUnder('Thêm sản phẩm Gạo ST25')).toEqual(['Nhóm sản phẩm: Lúa gạo', 'Đơn vị tính: tấn', 'Sản lượng: 100 tấn/năm', `Giá bán: ${formatMoney(18_000_000)}`]);
    expect(screen.queryByText('Sửa thông tin')).toBeNull();
  });

  it('names the certificate an entry added, edited or removed, and says what changed in it', async () => {
    /** A certificate as `saveCertification` keeps it in the organization's history. */
    const ocop = {
      id: 9,
      organizationId: 7,
      productId: 4,
      productName: 'Gạo ST25',
      kindCode: 'ocop',
      kindName: 'OCOP',
      stars: 3,
      number: '125/QĐ-UBND',
      issuer: 'UBND tỉnh An Giang',
      issuedOn: '2023-12-20',
      expiresOn: '2026-12-20',
    };
    const general = { ...ocop, expiresOn: '2026-12-06', stars: 4, productId: null, productName: null };
    renderHistory('organization', {
      entries: [
        { at: '2026-12-07T03:00:00.000Z', action: 'update', changes: [{ field: 'certification', before: general, after: null }] },
        { at: '2026-12-06T03:00:00.000Z', action: 'update', changes: [{ field: 'certification', before: { ...ocop, expiresOn: '2026-12-06' }, after: general }] },
        { at: '2026-12-05T03:00:00.000Z', action: 'update', changes: [{ field: 'certification', before: ocop, after: { ...ocop, expiresOn: '2026-12-06' } }] },
        { at: '2026-12-04T03:00:00.000Z', action: 'update', changes: [{ field: 'certification', before: null, after: ocop }] },
      ],
      names: {},
    });
    expect(await screen.findByText('Thêm chứng nhận OCOP 3★ (125/QĐ-UBND)')).toBeTruthy();
    expect(linesUnder('Thêm chứng nhận OCOP 3★ (125/QĐ-UBND)')).toEqual([
      'Sản phẩm được chứng nhận: Gạo ST25',
      'Cơ quan cấp: UBND tỉnh An Giang',
      'Ngày cấp: 20/12/2023',
      'Ngày hết hạn: 20/12/2026',
    ]);
    const edits = screen.getAllByText('Sửa chứng nhận OCOP 3★ (125/QĐ-UBND)').map((title) => [...(title.closest('.mantine-Timeline-item')?.querySelectorAll('li') ?? [])].map((line) => line.textContent));
    expect(edits).toEqual([
      ['Sản phẩm được chứng nhận: Gạo ST25 → Chứng nhận chung của tổ chức', 'Số sao OCOP: 3 sao → 4 sao'],
      ['Ngày hết hạn: 20/12/2026 → 06/12/2026'],
    ]);
    expect(linesUnder('Xóa chứng nhận OCOP 4★ (125/QĐ-UBND)')).toEqual([
      'Sản phẩm được chứng nhận: Chứng nhận chung của tổ chức',
      'Cơ quan cấp: UBND tỉnh An Giang',
      'Ngày cấp: 20/12/2023',
      'Ngày hết hạn: 06/12/2026',
    ]);
    expect(screen.queryByText('Sửa thông tin')).toBeNull();
  });

  it('titles what a conversion carried over to the organization after it by the conversion, each line naming what came', async () => {
    const carried = { lifecycle: 'carriedOver' as const, kind: 'conversion', date: '2026-03-01', from: 'Tổ hợp tác Rau sạch Vĩnh An', into: 'Hợp tác xã Rau sạch Vĩnh An' };
    /** As `saveProduct`, `saveCertification` and `setContacts` keep them, called by the conversion. */
    const greens = { id: 5, organizationId: 7, name: 'Rau muống', productGroup: '', unit: 'tấn', volume: 40, volumePeriod: 'year', price: null, note: '' };
    const ocop = { id: 9, organizationId: 7, productId: 5, productName: 'Rau muống', kindCode: 'ocop', kindName: 'OCOP', stars: 3, number: '', issuer: '', issuedOn: '2024-06-01', expiresOn: '2027-06-01' };
    renderHistory('organization', {
      entries: [
        { at: '2026-03-01T03:00:00.000Z', action: 'update', changes: [{ field: 'certification', before: null, after: ocop }], cause: carried },
        { at: '2026-03-01T03:00:00.000Z', action: 'update', changes: [{ field: 'product', before: null, after: greens }], cause: carried },
        { at: '2026-03-01T03:00:00.000Z', action: 'update', changes: [{ field: 'contacts', before: [], after: [{ name: 'Lê Thị Hoa', role: 'Kế toán', phone: '0912 345 678', email: '' }] }], cause: carried },
        { at: '2026-03-01T03:00:00.000Z', action: 'update', changes: [{ field: 'representative', before: '', after: 'Nguyễn Văn Tâm' }], cause: carried },
      ],
      names: {},
    });
    const title = 'Nhận từ chuyển đổi: Tổ hợp tác Rau sạch Vĩnh An → Hợp tác xã Rau sạch Vĩnh An';
    expect(await screen.findAllByText(title)).toHaveLength(4);
    const lines = screen.getAllByText(title).map((shown) => [...(shown.closest('.mantine-Timeline-item')?.querySelectorAll('li') ?? [])].map((line) => line.textContent));
    expect(lines).toEqual([
      ['Thêm chứng nhận OCOP 3★: Sản phẩm được chứng nhận Rau muống; Ngày cấp 01/06/2024; Ngày hết hạn 01/06/2027'],
      ['Thêm sản phẩm Rau muống: Đơn vị tính tấn; Sản lượng 40 tấn/năm'],
      ['Người liên hệ: (trống) → Lê Thị Hoa (Kế toán)'],
      ['Người đại diện theo pháp luật: (trống) → Nguyễn Văn Tâm'],
    ]);
    expect(screen.queryByText('Sửa thông tin')).toBeNull();
  });
});

describe('Lịch sử thay đổi of an event', () => {
  it('titles an entry by what was done to the participants: attendance taken, participants added or removed', async () => {
    const invited = { role: 'tham_du', status: 'invited', representative: '', note: '' };
    renderHistory('event', {
      entries: [
        {
          // A pasted sign-in sheet: one invited came with its signer, one did not, one came uninvited.
          at: '2026-12-03T03:00:00.000Z',
          action: 'update',
          changes: [
            {
              field: 'participants',
              before: [
                { name: 'HTX Vĩnh Bình', state: invited },
                { name: 'HTX Mỹ Hòa', state: invited },
                { name: 'HTX Tân Phú', state: null },
              ],
              after: [
                { name: 'HTX Vĩnh Bình', state: { ...invited, status: 'attended', representative: 'Phạm Văn Ba' } },
                { name: 'HTX Mỹ Hòa', state: { ...invited, status: 'absent' } },
                { name: 'HTX Tân Phú', state: { ...invited, status: 'attended' } },
              ],
            },
          ],
        },
        { at: '2026-12-02T03:00:00.000Z', action: 'update', changes: [{ field: 'participants', before: [{ name: 'HTX Tân Phú', state: invited }], after: [{ name: 'HTX Tân Phú', state: null }] }] },
        {
          at: '2026-12-01T03:00:00.000Z',
          action: 'update',
          changes: [{ field: 'participants', before: [{ name: 'HTX Vĩnh Bình', state: null }], after: [{ name: 'HTX Vĩnh Bình', state: invited }] }],
        },
      ],
      names: {},
    });
    expect(await screen.findByText('Điểm danh')).toBeTruthy();
    expect(linesUnder('Điểm danh')).toHaveLength(3);
    expect(screen.getByText('Bỏ khỏi thành phần tham dự')).toBeTruthy();
    expect(screen.getByText('Thêm thành phần tham dự')).toBeTruthy();
    expect(screen.queryByText('Sửa thông tin')).toBeNull();
  });
});

describe('Lịch sử thay đổi of a plan', () => {
  it('says whether a typed target builds up over the period, so ticking it alone shows as a change', async () => {
    const trained = { title: 'Bồi dưỡng, tập huấn 300 người', comparison: 'at_least', value: 300, unit: 'count', unitLabel: 'người', measure: null, typedActual: null, typedBy: '' };
    renderHistory('plan', {
      entries: [{ at: '2026-06-01T03:00:00.000Z', action: 'update', changes: [{ field: 'targets', before: [{ ...trained, typedCumulative: false }], after: [{ ...trained, typedCumulative: true }] }] }],
      names: {},
    });
    const line = await screen.findByText(/Bồi dưỡng, tập huấn 300 người/);
    expect(line.textContent).toContain('(ít nhất 300 người), tại một thời điểm → Bồi dưỡng, tập huấn 300 người (ít nhất 300 người), cộng dồn trong kỳ');
  });
});
