import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { alliance, communes, installFakeApi, lookups, ok, organizationDetail } from './fakeApi';
import { renderApp } from './renderApp';

beforeEach(() => sessionStorage.clear());

const cooperative = organizationDetail({ id: 7, name: 'HTX Nông nghiệp Mỹ Hiệp', representative: 'Nguyễn Văn Bảy' });

function install() {
  installFakeApi({
    'alliance:get': () => ok(alliance),
    'lookups:get': () => ok(lookups),
    'places:communes': () => ok(communes),
    'organizations:list': () => ok({ rows: [], total: 0 }),
    'organizations:checkDuplicates': () => ok([]),
    'organizations:get': () => ok(cooperative),
    'figures:list': () => ok([]),
  });
}

async function openRegisterDialog() {
  renderApp('#/thanh-vien');
  fireEvent.click(await screen.findByRole('button', { name: 'Thêm tổ chức' }, { timeout: 5000 }));
  return screen.findByRole('dialog', { name: 'Thêm tổ chức' });
}

describe('unsaved changes', () => {
  it('asks before Escape closes a dialog holding typed work, and keeps the work on «Tiếp tục sửa»', async () => {
    install();
    const dialog = await openRegisterDialog();
    const name = within(dialog).getByLabelText(/^Tên tổ chức/);
    fireEvent.change(name, { target: { value: 'HTX Dịch vụ Tân Hồng' } });
    fireEvent.change(within(dialog).getByLabelText(/^Mã số HTX/), { target: { value: '1400123456' } });

    fireEvent.keyDown(name, { key: 'Escape' });
    const question = await screen.findByRole('dialog', { name: 'Bỏ các thay đổi chưa lưu?' });
    fireEvent.click(within(question).getByRole('button', { name: 'Tiếp tục sửa' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Bỏ các thay đổi chưa lưu?' })).toBeNull());
    expect(within(dialog).getByLabelText<HTMLInputElement>(/^Tên tổ chức/).value).toBe('HTX Dịch vụ Tân Hồng');

    // Hủy asks too; «Bỏ thay đổi» closes, and the dialog opens again empty.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Hủy' }));
    fireEvent.click(within(await screen.findByRole('dialog', { name: 'Bỏ các thay đổi chưa lưu?' })).getByRole('button', { name: 'Bỏ thay đổi' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Thêm tổ chức' })).toBeNull());
  });

  it('lets Escape close an open calendar and nothing else; the next Escape is the dialog’s', async () => {
    install();
    const dialog = await openRegisterDialog();
    fireEvent.change(within(dialog).getByLabelText(/^Tên tổ chức/), { target: { value: 'HTX Dịch vụ Tân Hồng' } });
    const founded = within(dialog).getByLabelText('Ngày thành lập');
    fireEvent.focus(founded);
    await waitFor(() => expect(document.querySelector('[data-dates-dropdown]')).not.toBeNull());

    fireEvent.keyDown(founded, { key: 'Escape' });
    await waitFor(() => expect(document.querySelector('[data-dates-dropdown]')).toBeNull());
    expect(screen.queryByRole('dialog', { name: 'Bỏ các thay đổi chưa lưu?' })).toBeNull();
    expect(screen.getByRole('dialog', { name: 'Thêm tổ chức' })).toBe(dialog);

    fireEvent.keyDown(founded, { key: 'Escape' });
    expect(await screen.findByRole('dialog', { name: 'Bỏ các thay đổi chưa lưu?' })).toBeTruthy();
  });

  it('holds leaving the page while a form holds typed work, and tells the desktop shell', async () => {
    install();
    const reported: boolean[] = [];
    if (window.api) window.api.reportUnsaved = (unsaved) => reported.push(unsaved);
    const leave = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented ? 'held' : 'let go';
    };
    const dialog = await openRegisterDialog();
    expect(leave()).toBe('let go');
    fireEvent.change(within(dialog).getByLabelText(/^Tên tổ chức/), { target: { value: 'HTX Dịch vụ Tân Hồng' } });
    await waitFor(() => expect(reported).toEqual([true]));
    expect(leave()).toBe('held');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Hủy' }));
    fireEvent.click(within(await screen.findByRole('dialog', { name: 'Bỏ các thay đổi chưa lưu?' })).getByRole('button', { name: 'Bỏ thay đổi' }));
    await waitFor(() => expect(reported).toEqual([true, false]));
    expect(leave()).toBe('let go');
  });

  it('closes an untouched dialog at once', async () => {
    install();
    const dialog = await openRegisterDialog();
    fireEvent.keyDown(within(dialog).getByLabelText(/^Tên tổ chức/), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Thêm tổ chức' })).toBeNull());
    expect(screen.queryByText('Bỏ các thay đổi chưa lưu?')).toBeNull();
  });

  it('asks before another tab replaces an edit in place, and moves only on «Bỏ thay đổi»', async () => {
    install();
    renderApp('#/thanh-vien/7');
    fireEvent.click(await screen.findByRole('button', { name: 'Sửa thông tin' }, { timeout: 5000 }));
    const representative = await screen.findByLabelText('Người đại diện theo pháp luật');
    fireEvent.change(representative, { target: { value: 'Trần Thị Chín' } });

    fireEvent.click(screen.getByRole('tab', { name: 'Số liệu hằng năm' }));
    const question = await screen.findByRole('dialog', { name: 'Bỏ các thay đổi chưa lưu?' });
    expect(window.location.hash).toBe('#/thanh-vien/7');
    fireEvent.click(within(question).getByRole('button', { name: 'Tiếp tục sửa' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Bỏ các thay đổi chưa lưu?' })).toBeNull());
    expect(screen.getByLabelText<HTMLInputElement>('Người đại diện theo pháp luật').value).toBe('Trần Thị Chín');
    expect(screen.getByRole('tab', { name: 'Thông tin chung' }).getAttribute('aria-selected')).toBe('true');

    fireEvent.click(screen.getByRole('tab', { name: 'Số liệu hằng năm' }));
    fireEvent.click(within(await screen.findByRole('dialog', { name: 'Bỏ các thay đổi chưa lưu?' })).getByRole('button', { name: 'Bỏ thay đổi' }));
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Số liệu hằng năm' }).getAttribute('aria-selected')).toBe('true'));
    expect(window.location.hash).toBe('#/thanh-vien/7/so-lieu');
  });
});

describe('keyboard focus', () => {
  it('starts the register dialog on its first field', async () => {
    install();
    const dialog = await openRegisterDialog();
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByLabelText(/^Loại hình/)));
  });

  it('moves into the form on «Sửa thông tin», and back to the button on Hủy', async () => {
    install();
    renderApp('#/thanh-vien/7');
    fireEvent.click(await screen.findByRole('button', { name: 'Sửa thông tin' }, { timeout: 5000 }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/^Loại hình/)));

    fireEvent.click(screen.getByRole('button', { name: 'Hủy' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Sửa thông tin' })));
  });

  it('offers a skip link first, which takes the focus to the main content', async () => {
    install();
    renderApp('#/thanh-vien');
    const skip = await screen.findByRole('link', { name: 'Bỏ qua đến nội dung chính' }, { timeout: 5000 });
    // First in the page, before the areas of the navigation.
    const firstLink = screen.getAllByRole('link')[0];
    expect(firstLink).toBe(skip);
    fireEvent.click(skip);
    expect(document.activeElement).toBe(document.querySelector('main'));
    // The address stays the page's.
    expect(window.location.hash).toBe('#/thanh-vien');
  });
});
