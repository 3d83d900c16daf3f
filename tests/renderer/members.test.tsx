import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { InputOf } from '../../src/shared/contract';
import { alliance, communes, fail, installFakeApi, ok, organization } from './fakeApi';
import { renderApp } from './renderApp';
import { choose } from './select';

const rows = [
  organization({ id: 7, name: 'HTX Nông nghiệp Mỹ Hiệp', shortName: 'HTX Mỹ Hiệp', registrationNo: '1400123456' }),
  organization({
    id: 9,
    kind: 'qtdnd',
    name: 'Quỹ tín dụng nhân dân Cao Lãnh',
    communeCode: '28456',
    communeName: 'Phường Cao Lãnh',
    status: 'suspended',
  }),
];

function listCalls(invoke: ReturnType<typeof installFakeApi>): InputOf<'organizations:list'>[] {
  return invoke.mock.calls.filter(([channel]) => channel === 'organizations:list').map(([, input]) => input as InputOf<'organizations:list'>);
}

describe('members page', () => {
  it('lists the organizations the api returns, with the total', async () => {
    const invoke = installFakeApi({
      'alliance:get': () => ok(alliance),
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
      'Đang hoạt động',
    ]);
    expect(second && within(second).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      'Quỹ tín dụng nhân dân Cao Lãnh',
      'QTDND',
      '',
      'Phường Cao Lãnh',
      'Tạm ngừng',
    ]);
    expect(listCalls(invoke)).toEqual([{ page: 1, pageSize: 50 }]);
  });

  it('searches as the user types, filters by kind, and pages on the server', async () => {
    const invoke = installFakeApi({
      'alliance:get': () => ok(alliance),
      'organizations:list': () => ok({ rows, total: 123 }),
    });
    renderApp('#/thanh-vien');
    await screen.findByText('123 tổ chức');

    fireEvent.click(screen.getByRole('button', { name: '2' }));
    await waitFor(() => expect(listCalls(invoke).at(-1)).toEqual({ page: 2, pageSize: 50 }));

    // A new search starts again from the first page.
    fireEvent.change(screen.getByLabelText('Tìm kiếm thành viên'), { target: { value: 'my hiep' } });
    await waitFor(() => expect(listCalls(invoke).at(-1)).toEqual({ query: 'my hiep', page: 1, pageSize: 50 }));

    fireEvent.click(screen.getByLabelText('QTDND'));
    await waitFor(() => expect(listCalls(invoke).at(-1)).toEqual({ query: 'my hiep', kind: 'qtdnd', page: 1, pageSize: 50 }));
  });

  it('says so when there are no members yet', async () => {
    installFakeApi({ 'alliance:get': () => ok(alliance), 'organizations:list': () => ok({ rows: [], total: 0 }) });
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

  it('puts a validation error from the api on its field', async () => {
    installFakeApi({
      'alliance:get': () => ok(alliance),
      'organizations:list': () => ok({ rows: [], total: 0 }),
      'places:communes': () => ok(communes),
      'organizations:create': () =>
        fail({
          kind: 'validation',
          message: 'Xã Tân Hồng không thuộc Tỉnh Đồng Tháp.',
          issues: [{ path: 'communeCode', message: 'Xã Tân Hồng không thuộc Tỉnh Đồng Tháp.' }],
        }),
    });
    const { dialog, commune } = await openFilledForm();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu tổ chức' }));

    const message = await within(dialog).findByText('Xã Tân Hồng không thuộc Tỉnh Đồng Tháp.');
    expect(commune.getAttribute('aria-invalid')).toBe('true');
    expect(commune.getAttribute('aria-describedby')).toContain(message.id);
    expect(within(dialog).getByLabelText(/^Tên tổ chức/).getAttribute('aria-invalid')).toBeNull();
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });

  it('shows a conflict from the api inside the form', async () => {
    const conflict = 'Mã số HTX 1400123456 đã có: HTX Nông nghiệp Mỹ Hiệp (xã Mỹ Hiệp). Mở hồ sơ đó?';
    installFakeApi({
      'alliance:get': () => ok(alliance),
      'organizations:list': () => ok({ rows: [], total: 0 }),
      'places:communes': () => ok(communes),
      'organizations:create': () => fail({ kind: 'conflict', message: conflict, existingId: 7 }),
    });
    const { dialog } = await openFilledForm();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu tổ chức' }));

    expect((await within(dialog).findByRole('alert')).textContent).toBe(conflict);
  });

  it('saves, closes, says so and refreshes the list', async () => {
    let saved: InputOf<'organizations:create'> | undefined;
    const invoke = installFakeApi({
      'alliance:get': () => ok(alliance),
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
    });
    expect(invoke).toHaveBeenCalledWith('places:communes', { provinceCode: '82' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText('1 tổ chức')).toBeTruthy();
  });
});
