import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { InputOf } from '../../src/shared/contract';
import { installFakeApi, ok, provinces } from './fakeApi';
import { renderApp } from './renderApp';
import { choose, shownOptions, typeInto } from './select';

describe('first run', () => {
  it('saves the alliance with the chosen province, then opens the members page', async () => {
    const invoke = installFakeApi({
      'alliance:get': () => ok(null),
      'places:provinces': () => ok(provinces),
      'alliance:save': (input) => ok({ address: '', chairName: '', phone: '', email: '', ...input }),
      'organizations:list': () => ok({ rows: [], total: 0 }),
    });
    renderApp();

    await screen.findByRole('heading', { name: 'Chào mừng đến với HTX Desk' });
    // The pattern of the name is a placeholder, never a value that could be saved as it is.
    const name = screen.getByLabelText(/^Tên Liên minh/);
    expect(name).toHaveProperty('value', '');
    expect(name.getAttribute('placeholder')).toBe('Liên minh Hợp tác xã tỉnh …');
    fireEvent.click(screen.getByRole('button', { name: 'Bắt đầu sử dụng' }));
    expect(await screen.findByText('Tên Liên minh không được để trống.')).toBeTruthy();
    expect(invoke).not.toHaveBeenCalledWith('alliance:save', expect.anything());

    // Searching without diacritics finds the province, and only it.
    const province = screen.getByLabelText(/^Tỉnh, thành phố/);
    typeInto(province, 'dong thap');
    await waitFor(() => expect(shownOptions()).toEqual(['Đồng Tháp']));
    fireEvent.click(screen.getByRole('option', { name: 'Đồng Tháp' }));

    // The suggested name follows the province while the user has not typed one.
    expect(name).toHaveProperty('value', 'Liên minh Hợp tác xã tỉnh Đồng Tháp');
    fireEvent.change(screen.getByLabelText(/^Họ tên Chủ tịch/), { target: { value: '  Nguyễn Văn   An ' } });
    fireEvent.change(screen.getByLabelText(/^Thư điện tử/), { target: { value: 'lienminh@dongthap.gov.vn' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bắt đầu sử dụng' }));

    await screen.findByRole('heading', { name: 'Thành viên' });
    const expected: InputOf<'alliance:save'> = {
      name: 'Liên minh Hợp tác xã tỉnh Đồng Tháp',
      provinceCode: '82',
      address: '',
      chairName: '  Nguyễn Văn   An ',
      phone: '',
      email: 'lienminh@dongthap.gov.vn',
    };
    expect(invoke).toHaveBeenCalledWith('alliance:save', expected);
    expect(window.location.hash).toBe('#/thanh-vien');
    const header = screen.getByRole('banner');
    expect(within(header).getByText('Liên minh Hợp tác xã tỉnh Đồng Tháp')).toBeTruthy();
  });

  it('keeps a name the user typed when the province changes', async () => {
    installFakeApi({ 'alliance:get': () => ok(null), 'places:provinces': () => ok(provinces) });
    renderApp();

    const name = await screen.findByLabelText(/^Tên Liên minh/);
    fireEvent.change(name, { target: { value: 'Liên minh HTX Đồng Tháp' } });
    const province = screen.getByLabelText(/^Tỉnh, thành phố/);
    await choose(province, 'dong', 'Đồng Tháp');

    expect(name).toHaveProperty('value', 'Liên minh HTX Đồng Tháp');
    expect(province).toHaveProperty('value', 'Đồng Tháp');
  });

  it('suggests the name as a sentence writes the province: «thành phố Hà Nội», but «Thành phố Hồ Chí Minh»', async () => {
    const hoChiMinh = { code: '79', type: 'Thành phố', name: 'Hồ Chí Minh', fullName: 'Thành phố Hồ Chí Minh', formerNames: ['Tỉnh Bình Dương', 'Tỉnh Bà Rịa - Vũng Tàu'] };
    installFakeApi({ 'alliance:get': () => ok(null), 'places:provinces': () => ok([...provinces, hoChiMinh]) });
    renderApp();

    const name = await screen.findByLabelText(/^Tên Liên minh/);
    const province = screen.getByLabelText(/^Tỉnh, thành phố/);
    await choose(province, 'ha noi', 'Hà Nội');
    expect(name).toHaveProperty('value', 'Liên minh Hợp tác xã thành phố Hà Nội');
    await choose(province, 'ho chi minh', 'Hồ Chí Minh');
    expect(name).toHaveProperty('value', 'Liên minh Hợp tác xã Thành phố Hồ Chí Minh');
  });

  it('shows the reason when the backend refuses the province', async () => {
    installFakeApi({
      'alliance:get': () => ok(null),
      'places:provinces': () => ok(provinces),
      'alliance:save': () => ({
        ok: false,
        error: {
          kind: 'validation',
          message: 'Tỉnh, thành phố không có trong danh sách 34 tỉnh, thành phố hiện hành.',
          issues: [{ path: 'provinceCode', message: 'Tỉnh, thành phố không có trong danh sách 34 tỉnh, thành phố hiện hành.' }],
        },
      }),
    });
    renderApp();

    const province = await screen.findByLabelText(/^Tỉnh, thành phố/);
    await choose(province, 'an giang', 'An Giang');
    fireEvent.click(screen.getByRole('button', { name: 'Bắt đầu sử dụng' }));

    const message = await screen.findByText('Tỉnh, thành phố không có trong danh sách 34 tỉnh, thành phố hiện hành.');
    expect(province.getAttribute('aria-invalid')).toBe('true');
    expect(province.getAttribute('aria-describedby')).toContain(message.id);
  });
});
