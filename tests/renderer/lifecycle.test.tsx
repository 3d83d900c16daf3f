import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { InputOf, OrganizationLifecycleEvent } from '../../src/shared/contract';
import { AppProviders, createQueryClient } from '../../src/renderer/src/AppProviders';
import { LifecycleTab } from '../../src/renderer/src/pages/organization/LifecycleTab';
import { alliance, communes, fail, installFakeApi, lookups, ok, organization, organizationDetail } from './fakeApi';
import { choose } from './select';


const merged: OrganizationLifecycleEvent = {
  id: 3,
  kind: 'consolidation',
  date: '2024-07-15',
  decisionNo: '45/QĐ-UBND',
  note: '',
  oldName: null,
  newName: null,
  participants: [
    { organizationId: 7, name: 'HTX Nông nghiệp Mỹ Hiệp', kind: 'htx', role: 'predecessor' },
    { organizationId: 8, name: 'HTX Dịch vụ Tân Hồng', kind: 'htx', role: 'predecessor' },
    { organizationId: 12, name: 'HTX Nông nghiệp Mỹ Hiệp Tân Hồng', kind: 'htx', role: 'successor' },
  ],
  createdAt: '2024-07-16T08:00:00.000Z',
  role: 'predecessor',
};

function renderTab(organization = organizationDetail()) {
  return render(
    <AppProviders queryClient={createQueryClient()} env="test">
      <LifecycleTab organization={organization} />
    </AppProviders>,
  );
}

/** Opens Ghi nhận sự kiện and fills the kind and the day. */
async function startRecording(kind: string, day: string) {
  fireEvent.click(await screen.findByRole('button', { name: 'Ghi nhận sự kiện' }));
  const dialog = await screen.findByRole('dialog');
  await choose(within(dialog).getByLabelText(/^Loại sự kiện/), '', kind);
  const date = within(dialog).getByLabelText(/^Ngày quyết định/);
  date.focus();
  fireEvent.change(date, { target: { value: day } });
  fireEvent.blur(date);
  return dialog;
}

/** Ghi nhận, then the confirmation saying which organizations end and what they become, read and accepted. */
async function recordConfirmed(dialog: HTMLElement, title: string, sentence?: string) {
  fireEvent.click(within(dialog).getByRole('button', { name: 'Ghi nhận' }));
  const confirm = await screen.findByRole('dialog', { name: title });
  if (sentence !== undefined) expect(within(confirm).getByText(sentence)).toBeTruthy();
  fireEvent.click(within(confirm).getByRole('button', { name: 'Ghi nhận' }));
}

function sentRecord(invoke: ReturnType<typeof installFakeApi>): InputOf<'lifecycle:record'> | undefined {
  return invoke.mock.calls.find(([channel]) => channel === 'lifecycle:record')?.[1] as InputOf<'lifecycle:record'> | undefined;
}

describe('lifecycle tab', () => {
  it('shows each event with its date, decision and the other organizations linked', async () => {
    installFakeApi({ 'lifecycle:list': () => ok([merged]) });
    renderTab();
    expect(await screen.findByText('Hợp nhất')).toBeTruthy();
    expect(screen.getByText('15/07/2024 · Quyết định số 45/QĐ-UBND')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'HTX Dịch vụ Tân Hồng' }).getAttribute('href')).toBe('#/thanh-vien/8');
    expect(screen.getByRole('link', { name: 'HTX Nông nghiệp Mỹ Hiệp Tân Hồng' }).getAttribute('href')).toBe('#/thanh-vien/12');
    // Each role by what it means in a consolidation: this one's, the other old one's, the new one's.
    expect(screen.getAllByText('tổ chức tham gia hợp nhất')).toHaveLength(2);
    expect(screen.getByText('tổ chức hình thành từ hợp nhất')).toBeTruthy();
  });

  it('records a consolidation with this organization, another one, and a new one created with it', async () => {
    const invoke = installFakeApi({
      'lifecycle:list': () => ok([]),
      'alliance:get': () => ok(alliance),
      'places:communes': () => ok(communes),
      'organizations:list': () =>
        ok({ rows: [organization({ id: 7, name: 'HTX Nông nghiệp Mỹ Hiệp' }), organization({ id: 8, name: 'HTX Dịch vụ Tân Hồng' })], total: 2 }),
      'lifecycle:record': () =>
        fail({
          kind: 'validation',
          message: 'Tên tổ chức không được để trống.',
          issues: [{ path: 'newSuccessors.0.communeCode', message: 'Xã, phường này không thuộc tỉnh.' }],
        }),
    });
    renderTab();
    fireEvent.click(await screen.findByRole('button', { name: 'Ghi nhận sự kiện' }));
    const dialog = await screen.findByRole('dialog');
    await choose(within(dialog).getByLabelText(/^Loại sự kiện/), '', 'Hợp nhất');
    const date = within(dialog).getByLabelText(/^Ngày quyết định/);
    date.focus();
    fireEvent.change(date, { target: { value: '15/07/2024' } });
    fireEvent.blur(date);
    fireEvent.change(within(dialog).getByLabelText('Số quyết định'), { target: { value: '45/QĐ-UBND' } });
    await choose(within(dialog).getByLabelText(/^Các tổ chức cùng hợp nhất/), 'tan hong', 'HTX Dịch vụ Tân Hồng (Xã Mỹ Hiệp)');
    fireEvent.change(within(dialog).getByLabelText(/^Tên tổ chức mới/), { target: { value: 'HTX Nông nghiệp Mỹ Hiệp Tân Hồng' } });
    await choose(within(dialog).getByLabelText(/^Xã, phường của tổ chức mới/), 'tan hong', 'Xã Tân Hồng');
    // One new organization: its fields bear no number.
    expect(within(dialog).queryByLabelText(/^Tên tổ chức mới 1/)).toBeNull();
    await recordConfirmed(dialog, 'Ghi nhận sự kiện «Hợp nhất»', 'HTX Nông nghiệp Mỹ Hiệp và HTX Dịch vụ Tân Hồng sẽ chấm dứt hoạt động từ ngày 15/07/2024, hợp nhất thành HTX Nông nghiệp Mỹ Hiệp Tân Hồng.');

    await waitFor(() => expect(invoke.mock.calls.some(([channel]) => channel === 'lifecycle:record')).toBe(true));
    const sent = invoke.mock.calls.find(([channel]) => channel === 'lifecycle:record')?.[1] as InputOf<'lifecycle:record'>;
    expect(sent).toEqual({
      kind: 'consolidation',
      date: '2024-07-15',
      decisionNo: '45/QĐ-UBND',
      note: '',
      predecessorIds: [7, 8],
      newSuccessors: [{ name: 'HTX Nông nghiệp Mỹ Hiệp Tân Hồng', kind: 'htx', communeCode: '28789', sectorCode: null }],
    });
    const message = await within(dialog).findByText('Xã, phường này không thuộc tỉnh.');
    expect(within(dialog).getByLabelText(/^Xã, phường của tổ chức mới/).getAttribute('aria-describedby')).toContain(message.id);
  });

  it('converts a THT into an HTX carrying its name, commune and sector, all shown and editable', async () => {
    const invoke = installFakeApi({
      'lifecycle:list': () => ok([]),
      'alliance:get': () => ok(alliance),
      'places:communes': () => ok(communes),
      'lookups:get': () => ok(lookups),
      'lifecycle:record': () => ok({ ...merged, kind: 'conversion', carriedOver: null }),
    });
    renderTab(organizationDetail({ kind: 'tht', name: 'Tổ hợp tác Rau sạch Mỹ Hiệp', sectorCode: 'trong_trot' }));
    const dialog = await startRecording('Chuyển đổi', '01/03/2026');
    expect(within(dialog).getByText(/Các năm trước vẫn được tính theo loại hình cũ/)).toBeTruthy();
    expect(within(dialog).getByText('Tổ chức sau chuyển đổi')).toBeTruthy();
    // One organization after the conversion: none to add or remove.
    expect(within(dialog).queryByRole('button', { name: 'Thêm một tổ chức mới' })).toBeNull();
    const name = within(dialog).getByLabelText<HTMLInputElement>(/^Tên tổ chức mới/);
    expect(name.value).toBe('Tổ hợp tác Rau sạch Mỹ Hiệp');
    expect(within(dialog).getByLabelText<HTMLInputElement>(/^Loại hình tổ chức mới/).value).toBe('Hợp tác xã (HTX)');
    expect(within(dialog).getByLabelText<HTMLInputElement>(/^Lĩnh vực của tổ chức mới/).value).toBe('Trồng trọt');
    expect(within(dialog).getByText('Theo Tổ hợp tác Rau sạch Mỹ Hiệp; sửa nếu khác.')).toBeTruthy();
    fireEvent.change(name, { target: { value: 'Hợp tác xã Rau sạch Mỹ Hiệp' } });
    await recordConfirmed(dialog, 'Ghi nhận sự kiện «Chuyển đổi»', 'Tổ hợp tác Rau sạch Mỹ Hiệp sẽ chấm dứt hoạt động từ ngày 01/03/2026, chuyển đổi thành Hợp tác xã Rau sạch Mỹ Hiệp.');
    await waitFor(() => expect(sentRecord(invoke)).toBeDefined());
    expect(sentRecord(invoke)).toEqual({
      kind: 'conversion',
      date: '2026-03-01',
      decisionNo: '',
      note: '',
      predecessorIds: [7],
      newSuccessors: [{ name: 'Hợp tác xã Rau sạch Mỹ Hiệp', kind: 'htx', communeCode: '28123', sectorCode: 'trong_trot' }],
    });
  });

  it('converts into a cooperative already in the register, saying beforehand and after what it takes over and what it keeps', async () => {
    const invoke = installFakeApi({
      'lifecycle:list': () => ok([]),
      'alliance:get': () => ok(alliance),
      'places:communes': () => ok(communes),
      'lookups:get': () => ok(lookups),
      'organizations:list': () => ok({ rows: [organization({ id: 12, name: 'Hợp tác xã Rau sạch Mỹ Hiệp' })], total: 1 }),
      'lifecycle:record': () =>
        ok({
          ...merged,
          kind: 'conversion',
          carriedOver: {
            name: 'Hợp tác xã Rau sạch Mỹ Hiệp',
            from: 'Tổ hợp tác Rau sạch Mỹ Hiệp',
            fields: ['street', 'representative', 'memberSince'],
            kept: ['phone', 'sectorCode'],
            contacts: 2,
            products: 1,
            certifications: 0,
          },
        }),
    });
    renderTab(organizationDetail({ kind: 'tht', name: 'Tổ hợp tác Rau sạch Mỹ Hiệp', sectorCode: 'trong_trot' }));
    const dialog = await startRecording('Chuyển đổi', '01/03/2026');
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Chọn tổ chức đã có trong danh sách' }));
    expect(within(dialog).getByText(/^Tổ chức đã có chỉ nhận những gì còn thiếu/).textContent).toContain('Thông tin đã lưu của tổ chức được giữ nguyên.');
    // The one formed is picked, not created: no new organization's fields.
    expect(within(dialog).queryByLabelText(/^Tên tổ chức mới/)).toBeNull();
    await choose(within(dialog).getByPlaceholderText('Gõ tên để tìm — gõ không dấu cũng được'), 'rau sach', 'Hợp tác xã Rau sạch Mỹ Hiệp (Xã Mỹ Hiệp)');
    await recordConfirmed(dialog, 'Ghi nhận sự kiện «Chuyển đổi»', 'Tổ hợp tác Rau sạch Mỹ Hiệp sẽ chấm dứt hoạt động từ ngày 01/03/2026, chuyển đổi thành Hợp tác xã Rau sạch Mỹ Hiệp.');
    await waitFor(() => expect(sentRecord(invoke)).toEqual({ kind: 'conversion', date: '2026-03-01', decisionNo: '', note: '', predecessorIds: [7], successorIds: [12] }));
    expect(
      await screen.findByText(
        'Đã ghi nhận sự kiện «Chuyển đổi». Hợp tác xã Rau sạch Mỹ Hiệp nhận từ Tổ hợp tác Rau sạch Mỹ Hiệp: địa chỉ, người đại diện, ngày gia nhập Liên minh, 2 người liên hệ, 1 sản phẩm. Giữ nguyên điện thoại, lĩnh vực hoạt động Hợp tác xã Rau sạch Mỹ Hiệp đã có.',
      ),
    ).toBeTruthy();
  });

  it('gives the organizations a split forms the sector of the one split, which the person may change', async () => {
    const invoke = installFakeApi({
      'lifecycle:list': () => ok([]),
      'alliance:get': () => ok(alliance),
      'places:communes': () => ok(communes),
      'lookups:get': () => ok({ ...lookups, sectors: [...lookups.sectors, { code: 'chan_nuoi', name: 'Chăn nuôi', group: 'agriculture' }] }),
      'lifecycle:record': () => ok({ ...merged, kind: 'split', carriedOver: null }),
    });
    renderTab(organizationDetail({ sectorCode: 'trong_trot' }));
    const dialog = await startRecording('Chia', '01/05/2026');
    expect(within(dialog).getByLabelText<HTMLInputElement>(/^Lĩnh vực của tổ chức 1/).value).toBe('Trồng trọt');
    expect(within(dialog).getByLabelText<HTMLInputElement>(/^Lĩnh vực của tổ chức 2/).value).toBe('Trồng trọt');
    fireEvent.change(within(dialog).getByLabelText(/^Tên tổ chức mới 1/), { target: { value: 'HTX Trồng trọt Mỹ Hiệp' } });
    fireEvent.change(within(dialog).getByLabelText(/^Tên tổ chức mới 2/), { target: { value: 'HTX Chăn nuôi Mỹ Hiệp' } });
    await choose(within(dialog).getByLabelText(/^Lĩnh vực của tổ chức 2/), 'chan', 'Chăn nuôi');
    await recordConfirmed(dialog, 'Ghi nhận sự kiện «Chia»', 'HTX Nông nghiệp Mỹ Hiệp sẽ chấm dứt hoạt động từ ngày 01/05/2026, chia thành HTX Trồng trọt Mỹ Hiệp và HTX Chăn nuôi Mỹ Hiệp.');
    await waitFor(() => expect(sentRecord(invoke)).toBeDefined());
    expect(sentRecord(invoke)?.newSuccessors).toEqual([
      { name: 'HTX Trồng trọt Mỹ Hiệp', kind: 'htx', communeCode: '28123', sectorCode: 'trong_trot' },
      { name: 'HTX Chăn nuôi Mỹ Hiệp', kind: 'htx', communeCode: '28123', sectorCode: 'chan_nuoi' },
    ]);
  });

  it('records new organizations of names close to others once the person confirms each, naming those they were shown', async () => {
    const sent: InputOf<'lifecycle:record'>[] = [];
    // The backend's rule: each new organization is refused until the similar ones it lists are confirmed.
    const similarOf = [
      { id: 30, name: 'HTX Trồng trọt Mỹ Hiệp', detail: 'Xã Mỹ Hiệp, chưa có Mã số HTX' },
      { id: 31, name: 'Hợp tác xã chăn nuôi Mỹ Hiệp', detail: 'Xã Mỹ Hiệp, chưa có Mã số HTX' },
    ];
    installFakeApi({
      'lifecycle:list': () => ok([]),
      'alliance:get': () => ok(alliance),
      'places:communes': () => ok(communes),
      'lookups:get': () => ok(lookups),
      'lifecycle:record': (input) => {
        sent.push(input);
        const index = (input.newSuccessors ?? []).findIndex((successor, at) => !successor.confirmedSimilarIds?.includes(similarOf[at]?.id ?? 0));
        const similar = similarOf[index];
        if (!similar) return ok({ ...merged, kind: 'split', carriedOver: null });
        const message = `Tổ chức mới thứ ${String(index + 1)}: Đã có tổ chức tên gần giống ở xã Mỹ Hiệp: ${similar.name}.`;
        return fail({ kind: 'conflict', message, existingId: similar.id, similar: [similar] });
      },
    });
    renderTab(organizationDetail({ sectorCode: 'trong_trot' }));
    const dialog = await startRecording('Chia', '01/05/2026');
    fireEvent.change(within(dialog).getByLabelText(/^Tên tổ chức mới 1/), { target: { value: 'Hợp tác xã trồng trọt Mỹ Hiệp' } });
    fireEvent.change(within(dialog).getByLabelText(/^Tên tổ chức mới 2/), { target: { value: 'HTX Chăn nuôi Mỹ Hiệp' } });
    await recordConfirmed(dialog, 'Ghi nhận sự kiện «Chia»');

    expect(await screen.findByText('Tổ chức mới thứ 1: Đã có tổ chức tên gần giống ở xã Mỹ Hiệp: HTX Trồng trọt Mỹ Hiệp.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Vẫn ghi nhận' }));
    expect(await screen.findByText('Tổ chức mới thứ 2: Đã có tổ chức tên gần giống ở xã Mỹ Hiệp: Hợp tác xã chăn nuôi Mỹ Hiệp.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Vẫn ghi nhận' }));
    await waitFor(() => expect(sent).toHaveLength(3));
    expect(sent.map((input) => input.newSuccessors?.map((successor) => successor.confirmedSimilarIds))).toEqual([
      [undefined, undefined],
      [[30], [30]],
      [
        [30, 31],
        [30, 31],
      ],
    ]);
  });

  it('offers no confirmation for a conflict that lists no similar names: a taken Mã số HTX is said as it is', async () => {
    const taken = 'Tổ chức mới thứ 1 («HTX Trồng trọt Mỹ Hiệp»): Mã số HTX 1400123456 đã có: HTX Nông nghiệp Mỹ Hiệp (xã Mỹ Hiệp).';
    const invoke = installFakeApi({
      'lifecycle:list': () => ok([]),
      'alliance:get': () => ok(alliance),
      'places:communes': () => ok(communes),
      'lookups:get': () => ok(lookups),
      'lifecycle:record': () => fail({ kind: 'conflict', message: taken, existingId: 7 }),
    });
    renderTab(organizationDetail({ sectorCode: 'trong_trot' }));
    const dialog = await startRecording('Chia', '01/05/2026');
    fireEvent.change(within(dialog).getByLabelText(/^Tên tổ chức mới 1/), { target: { value: 'HTX Trồng trọt Mỹ Hiệp' } });
    fireEvent.change(within(dialog).getByLabelText(/^Tên tổ chức mới 2/), { target: { value: 'HTX Chăn nuôi Mỹ Hiệp' } });
    await recordConfirmed(dialog, 'Ghi nhận sự kiện «Chia»');
    expect(await within(dialog).findByText(taken)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Vẫn ghi nhận' })).toBeNull();
    expect(invoke.mock.calls.filter(([channel]) => channel === 'lifecycle:record')).toHaveLength(1);
  });

  it('asks the merger’s direction above the day, and says in plain words which one ends before recording', async () => {
    const invoke = installFakeApi({
      'lifecycle:list': () => ok([]),
      'alliance:get': () => ok(alliance),
      'places:communes': () => ok(communes),
      'organizations:list': () => ok({ rows: [organization({ id: 12, name: 'HTX Dịch vụ Tân Hồng' })], total: 1 }),
      'lifecycle:record': () => ok({ ...merged, kind: 'merger', carriedOver: null }),
    });
    renderTab();
    const dialog = await startRecording('Sáp nhập', '30/06/2025');
    // The day's message, shown once the day is left, cannot push the direction away from the pointer.
    const direction = within(dialog).getByRole('radio', { name: 'Tổ chức này sáp nhập vào tổ chức khác' });
    expect(direction.compareDocumentPosition(within(dialog).getByLabelText(/^Ngày quyết định/)) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    fireEvent.click(direction);
    await choose(within(dialog).getByLabelText(/^Tổ chức nhận sáp nhập/), 'tan hong', 'HTX Dịch vụ Tân Hồng (Xã Mỹ Hiệp)');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ghi nhận' }));
    const sentence = await screen.findByText('HTX Nông nghiệp Mỹ Hiệp sẽ chấm dứt hoạt động, sáp nhập vào HTX Dịch vụ Tân Hồng. HTX Dịch vụ Tân Hồng tiếp tục hoạt động.');
    expect(sentRecord(invoke)).toBeUndefined();
    // Quay lại: nothing recorded, the form as it was.
    fireEvent.click(screen.getByRole('button', { name: 'Quay lại' }));
    await waitFor(() => expect(sentence.isConnected).toBe(false));
    expect(sentRecord(invoke)).toBeUndefined();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ghi nhận' }));
    const confirm = await screen.findByRole('dialog', { name: 'Ghi nhận sáp nhập' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Ghi nhận' }));
    await waitFor(() => expect(sentRecord(invoke)).toEqual({ kind: 'merger', date: '2025-06-30', decisionNo: '', note: '', subjectId: 12, predecessorIds: [7] }));
  });

  it('keeps the organization that absorbs when it is chosen again', async () => {
    const invoke = installFakeApi({
      'lifecycle:list': () => ok([]),
      'alliance:get': () => ok(alliance),
      'places:communes': () => ok(communes),
      'organizations:list': () => ok({ rows: [organization({ id: 12, name: 'HTX Dịch vụ Tân Hồng' })], total: 1 }),
      'lifecycle:record': () => ok({ ...merged, kind: 'merger', carriedOver: null }),
    });
    renderTab();
    const dialog = await startRecording('Sáp nhập', '30/06/2025');
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Tổ chức này sáp nhập vào tổ chức khác' }));
    const absorber = within(dialog).getByLabelText<HTMLInputElement>(/^Tổ chức nhận sáp nhập/);
    await choose(absorber, 'tan hong', 'HTX Dịch vụ Tân Hồng (Xã Mỹ Hiệp)');
    await choose(absorber, 'tan hong', 'HTX Dịch vụ Tân Hồng (Xã Mỹ Hiệp)');
    fireEvent.blur(absorber);
    await waitFor(() => expect(absorber.value).toBe('HTX Dịch vụ Tân Hồng (Xã Mỹ Hiệp)'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ghi nhận' }));
    const confirm = await screen.findByRole('dialog', { name: 'Ghi nhận sáp nhập' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Ghi nhận' }));
    await waitFor(() => expect(sentRecord(invoke)).toMatchObject({ kind: 'merger', subjectId: 12, predecessorIds: [7] }));
  });

  it('shows what the backend says of this organization’s day under the day, and of a new name under that name', async () => {
    installFakeApi({
      'lifecycle:list': () => ok([]),
      'alliance:get': () => ok(alliance),
      'places:communes': () => ok(communes),
      'lookups:get': () => ok(lookups),
      'lifecycle:record': () =>
        fail({
          kind: 'validation',
          message: 'Dữ liệu chưa hợp lệ.',
          issues: [
            { path: 'predecessorIds', message: 'HTX Nông nghiệp Mỹ Hiệp thành lập ngày 31/01/1997, sau ngày 15/01/1990 của sự kiện này; hãy kiểm tra lại ngày.' },
            { path: 'newSuccessors.1.name', message: 'Trùng tên với tổ chức mới 1 ở cùng xã, phường; mỗi tổ chức mới cần một tên riêng.' },
          ],
        }),
    });
    renderTab();
    const dialog = await startRecording('Chia', '15/01/1990');
    fireEvent.change(within(dialog).getByLabelText(/^Tên tổ chức mới 1/), { target: { value: 'HTX Nông nghiệp Mỹ Hiệp' } });
    fireEvent.change(within(dialog).getByLabelText(/^Tên tổ chức mới 2/), { target: { value: 'HTX Nông nghiệp Mỹ Hiệp' } });
    await recordConfirmed(dialog, 'Ghi nhận sự kiện «Chia»');
    const founded = await within(dialog).findByText(/thành lập ngày 31\/01\/1997/);
    expect(within(dialog).getByLabelText(/^Ngày quyết định/).getAttribute('aria-describedby')).toContain(founded.id);
    const twin = within(dialog).getByText(/^Trùng tên với tổ chức mới 1/);
    expect(within(dialog).getByLabelText(/^Tên tổ chức mới 2/).getAttribute('aria-describedby')).toContain(twin.id);
  });

  it('a renaming asks for the new name and sends it with this organization as subject', async () => {
    const invoke = installFakeApi({
      'lifecycle:list': () => ok([]),
      'alliance:get': () => ok(alliance),
      'places:communes': () => ok(communes),
      'lifecycle:record': () => ok({ ...merged, kind: 'renaming', participants: [], carriedOver: null }),
    });
    renderTab();
    fireEvent.click(await screen.findByRole('button', { name: 'Ghi nhận sự kiện' }));
    const dialog = await screen.findByRole('dialog');
    await choose(within(dialog).getByLabelText(/^Loại sự kiện/), '', 'Đổi tên');
    const date = within(dialog).getByLabelText(/^Ngày quyết định/);
    date.focus();
    fireEvent.change(date, { target: { value: '01/03/2025' } });
    fireEvent.blur(date);
    fireEvent.change(within(dialog).getByLabelText(/^Tên mới/), { target: { value: 'HTX Nông nghiệp Xanh Mỹ Hiệp' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ghi nhận' }));
    await waitFor(() =>
      expect(invoke).toHaveBeenCalledWith('lifecycle:record', {
        kind: 'renaming',
        date: '2025-03-01',
        decisionNo: '',
        note: '',
        subjectId: 7,
        newName: 'HTX Nông nghiệp Xanh Mỹ Hiệp',
      }),
    );
  });

  it('records a dissolution only once the person has read which organization ends, and from what day', async () => {
    const invoke = installFakeApi({
      'lifecycle:list': () => ok([]),
      'alliance:get': () => ok(alliance),
      'places:communes': () => ok(communes),
      'lifecycle:record': () => ok({ ...merged, kind: 'dissolution', carriedOver: null }),
    });
    renderTab();
    const dialog = await startRecording('Giải thể', '30/06/2025');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ghi nhận' }));
    const confirm = await screen.findByRole('dialog', { name: 'Ghi nhận sự kiện «Giải thể»' });
    expect(within(confirm).getByText('HTX Nông nghiệp Mỹ Hiệp sẽ giải thể và chấm dứt hoạt động từ ngày 30/06/2025.')).toBeTruthy();
    // Quay lại: nothing recorded.
    fireEvent.click(within(confirm).getByRole('button', { name: 'Quay lại' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Ghi nhận sự kiện «Giải thể»' })).toBeNull());
    expect(sentRecord(invoke)).toBeUndefined();
    await recordConfirmed(dialog, 'Ghi nhận sự kiện «Giải thể»');
    await waitFor(() => expect(sentRecord(invoke)).toEqual({ kind: 'dissolution', date: '2025-06-30', decisionNo: '', note: '', subjectId: 7 }));
  });

  it('says in the confirmation of an end which events from that day on list the organization, and records it all the same', async () => {
    const event = (eventId: number, title: string, startsOn: string) => ({
      eventId,
      participantId: eventId + 100,
      kind: 'fair',
      title,
      startsOn,
      endsOn: startsOn,
      provinceName: 'Tỉnh Đồng Tháp',
      role: 'attendee',
      status: 'invited' as const,
    });
    const invoke = installFakeApi({
      'lifecycle:list': () => ok([]),
      'alliance:get': () => ok(alliance),
      'places:communes': () => ok(communes),
      // Newest first, as the organization's page lists them; one before the end is not said.
      'events:ofCounterpart': () =>
        ok([event(3, 'Hội chợ nông sản Đồng Tháp 2025', '2025-09-10'), event(2, 'Hội nghị kết nối cung cầu quý III', '2025-06-30'), event(1, 'Tọa đàm chuyển đổi số', '2025-05-20')]),
      'lifecycle:record': () => ok({ ...merged, kind: 'dissolution', carriedOver: null }),
    });
    renderTab();
    const dialog = await startRecording('Giải thể', '30/06/2025');
    await recordConfirmed(
      dialog,
      'Ghi nhận sự kiện «Giải thể»',
      'HTX Nông nghiệp Mỹ Hiệp có trong thành phần tham dự của 2 sự kiện diễn ra từ ngày 30/06/2025 trở đi: «Hội nghị kết nối cung cầu quý III» ngày 30/06/2025; «Hội chợ nông sản Đồng Tháp 2025» ngày 10/09/2025. Đơn vị vẫn được giữ trong thành phần tham dự, ghi rõ đã chấm dứt hoạt động, và không được in vào danh sách ký tên; nếu đơn vị sẽ không dự, hãy bỏ khỏi thành phần tham dự.',
    );
    expect(invoke.mock.calls.find(([channel]) => channel === 'events:ofCounterpart')?.[1]).toEqual({ kind: 'organization', id: 7 });
    await waitFor(() => expect(sentRecord(invoke)).toEqual({ kind: 'dissolution', date: '2025-06-30', decisionNo: '', note: '', subjectId: 7 }));
  });

  it('says before deleting what goes with the event: the founding day it gave, and the organizations that stay in the register', async () => {
    const dissolution: OrganizationLifecycleEvent = {
      ...merged,
      id: 4,
      kind: 'dissolution',
      date: '2025-06-30',
      participants: [{ organizationId: 7, name: 'HTX Nông nghiệp Mỹ Hiệp', kind: 'htx', role: 'subject' }],
      role: 'subject',
    };
    const invoke = installFakeApi({ 'lifecycle:list': () => ok([merged, dissolution]), 'lifecycle:delete': () => ok(null) });
    renderTab();
    const confirmation = async (name: string) => {
      fireEvent.click(await screen.findByRole('button', { name }));
      return (await screen.findByRole('dialog', { name: 'Xóa sự kiện' })).textContent;
    };

    // A dissolution makes no one: nothing is said to stay.
    expect(await confirmation('Xóa sự kiện Giải thể ngày 30/06/2025')).toBe(
      'Xóa sự kiện' + 'Xóa sự kiện «Giải thể» ngày 30/06/2025? Tình trạng của các tổ chức liên quan sẽ được tính lại.' + 'HủyXóa',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Hủy' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Xóa sự kiện' })).toBeNull());

    expect(await confirmation('Xóa sự kiện Hợp nhất ngày 15/07/2024')).toContain(
      'Xóa sự kiện «Hợp nhất» ngày 15/07/2024? Tình trạng của các tổ chức liên quan sẽ được tính lại.' +
        'Ngày thành lập mà sự kiện này ghi cho HTX Nông nghiệp Mỹ Hiệp Tân Hồng cũng bị xóa theo (có ghi trong lịch sử thay đổi của tổ chức).' +
        'HTX Nông nghiệp Mỹ Hiệp Tân Hồng vẫn còn trong danh sách: nếu tổ chức nào chỉ được tạo cùng sự kiện này, hãy chuyển nó vào Thùng rác ở trang của tổ chức đó.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Xóa' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('lifecycle:delete', { eventId: 3 }));
  });

  it('says of a successor in the Thùng rác that it is there, not that it stays in the register', async () => {
    const split: OrganizationLifecycleEvent = {
      ...merged,
      id: 5,
      kind: 'split',
      date: '2023-03-01',
      participants: [
        { organizationId: 7, name: 'HTX Nông nghiệp Mỹ Hiệp', kind: 'htx', role: 'predecessor' },
        { organizationId: 13, name: 'HTX Trồng trọt Mỹ Hiệp', kind: 'htx', role: 'successor' },
        { organizationId: 14, name: 'HTX Chăn nuôi Mỹ Hiệp', kind: 'htx', role: 'successor', inTrash: true },
      ],
    };
    installFakeApi({ 'lifecycle:list': () => ok([split]), 'lifecycle:delete': () => ok(null) });
    renderTab();
    fireEvent.click(await screen.findByRole('button', { name: 'Xóa sự kiện Chia ngày 01/03/2023' }));
    const dialog = await screen.findByRole('dialog', { name: 'Xóa sự kiện' });
    expect(dialog.textContent).toContain(
      'HTX Trồng trọt Mỹ Hiệp vẫn còn trong danh sách: nếu tổ chức nào chỉ được tạo cùng sự kiện này, hãy chuyển nó vào Thùng rác ở trang của tổ chức đó.' +
        'HTX Chăn nuôi Mỹ Hiệp đang ở Thùng rác và vẫn ở đó sau khi xóa sự kiện này.',
    );
  });
});
