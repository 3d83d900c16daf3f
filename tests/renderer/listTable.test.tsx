import { useState, type ReactElement } from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useQuery } from '@tanstack/react-query';
import { IconUsersGroup } from '@tabler/icons-react';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders, createQueryClient } from '../../src/renderer/src/AppProviders';
import { ListTable, listPageSize, useListState, type ActiveFilter } from '../../src/renderer/src/components/ListTable';
import type { Organization } from '../../src/shared/domain';
import { organization } from './fakeApi';

const everyOrganization = Array.from({ length: 120 }, (_, index) => organization({ id: index + 1, name: `HTX số ${String(index + 1)}` }));

interface ListProps {
  rows: Organization[];
  onPageChange?: (page: number) => void;
  /** The filters in force, shown as chips. */
  active?: ActiveFilter[];
}

/** One list as a screen wires it: the table asks its fake backend for the page it shows. */
function OrganizationList({ rows, onPageChange = () => undefined, active }: ListProps) {
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState('');
  const list = useQuery({
    queryKey: ['organizations', page],
    queryFn: () => ({ rows: rows.slice((page - 1) * listPageSize, page * listPageSize), total: rows.length }),
  });
  const changePage = (next: number) => {
    onPageChange(next);
    setPage(next);
  };
  return (
    <ListTable<Organization>
      title="Thành viên"
      count={(total) => `${String(total)} tổ chức`}
      addLabel="Thêm tổ chức"
      onAdd={() => undefined}
      searchLabel="Tìm kiếm thành viên"
      searchPlaceholder="Tìm theo tên"
      position={{ search, setSearch, page, setPage: changePage }}
      filters={active && { title: 'Lọc danh sách thành viên', fields: null, active, onReset: () => undefined }}
      exportRequest={{ list: 'organizations', input: {}, columns: [] }}
      list={list}
      columns={[{ accessor: 'name', title: 'Tên tổ chức' }]}
      empty={{ icon: <IconUsersGroup />, title: 'Chưa có tổ chức thành viên nào', description: 'Bấm «Thêm tổ chức» để nhập tổ chức đầu tiên.' }}
      hrefOf={(id) => `#/thanh-vien/${String(id)}`}
    >
      {null}
    </ListTable>
  );
}

function renderInApp(list: ReactElement) {
  return render(
    <AppProviders queryClient={createQueryClient()} env="test">
      {list}
    </AppProviders>,
  );
}

const rowNames = () => within(screen.getByRole('table')).getAllByRole('row').slice(1).map((row) => row.textContent);

beforeEach(() => sessionStorage.clear());

// On a new page the table scrolls back to its top; jsdom's elements cannot scroll.
beforeAll(() => {
  Element.prototype.scrollTo = () => undefined;
});

describe('a list table', () => {
  it('shows the total, the range shown, and asks for the page the user clicks', async () => {
    const onPageChange = vi.fn();
    renderInApp(<OrganizationList rows={everyOrganization} onPageChange={onPageChange} />);

    expect(await screen.findByText('120 tổ chức')).toBeTruthy();
    expect(screen.getByText('1–50 trong 120')).toBeTruthy();
    expect(rowNames()).toHaveLength(50);
    expect(rowNames()[0]).toBe('HTX số 1');

    fireEvent.click(screen.getByRole('button', { name: 'Trang sau' }));
    expect(onPageChange).toHaveBeenLastCalledWith(2);
    expect(await screen.findByText('51–100 trong 120')).toBeTruthy();
    expect(rowNames()[0]).toBe('HTX số 51');
    fireEvent.click(screen.getByRole('button', { name: '3' }));
    expect(onPageChange).toHaveBeenLastCalledWith(3);
    expect(await screen.findByText('101–120 trong 120')).toBeTruthy();
    expect(rowNames()).toHaveLength(20);
    expect(rowNames()[0]).toBe('HTX số 101');
  });

  it('writes the range and the total of a long list as Vietnamese writes numbers', async () => {
    const national = Array.from({ length: 100_024 }, (_, index) => organization({ id: index + 1, name: `HTX số ${String(index + 1)}` }));
    renderInApp(<OrganizationList rows={national} />);
    expect(await screen.findByText('1–50 trong 100.024')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '2001' }));
    expect(await screen.findByText('100.001–100.024 trong 100.024')).toBeTruthy();
  });

  it('opens the record of the row clicked', async () => {
    renderInApp(<OrganizationList rows={everyOrganization.slice(0, 3)} />);
    fireEvent.click(await screen.findByText('HTX số 2'));
    expect(window.location.hash).toBe('#/thanh-vien/2');
  });

  it('says what the empty list means once it has loaded', async () => {
    renderInApp(<OrganizationList rows={[]} />);

    expect(await screen.findByText('0 tổ chức')).toBeTruthy();
    const emptyState = screen.getByText('Chưa có tổ chức thành viên nào').closest('.mantine-datatable-empty-state');
    expect(emptyState?.hasAttribute('data-active')).toBe(true);
    expect(screen.getByText('Bấm «Thêm tổ chức» để nhập tổ chức đầu tiên.')).toBeTruthy();
    // No rows, no pager.
    expect(screen.queryByRole('button', { name: 'Trang sau' })).toBeNull();
  });

  it('writes a filter’s long name out in its chip, wrapped, not cut with «…»', async () => {
    const label =
      'Chương trình: Chương trình 503 – Kết nối cung – cầu, tiêu thụ nông sản và hàng hóa do hợp tác xã, tổ hợp tác sản xuất giai đoạn 2026–2030 theo Quyết định số 503/QĐ-UBND';
    renderInApp(<OrganizationList rows={everyOrganization} active={[{ key: 'programme', label, clear: () => undefined }]} />);
    const chip = await screen.findByText(label);
    expect(getComputedStyle(chip).whiteSpace).toBe('normal');
    expect(screen.getByRole('button', { name: `Bỏ lọc «${label}»` })).toBeTruthy();
  });
});

/** Shows what `useListState` holds, and changes it as a list screen does. */
function ListStateProbe() {
  const { choices, query, update, page, setPage, setSearch } = useListState('htx-desk.test.list', { search: '', kind: null as string | null });
  return (
    <div>
      <output aria-label="request">{JSON.stringify({ query, kind: choices.kind, page })}</output>
      <button onClick={() => setPage(page + 1)}>next page</button>
      <button onClick={() => setSearch(' vinh binh ')}>search</button>
      <button onClick={() => update({ kind: 'htx' })}>filter</button>
    </div>
  );
}

describe('the state of a list', () => {
  const request = () => JSON.parse(screen.getByRole('status', { name: 'request' }).textContent) as unknown;

  it('keeps the page for its request, and starts again at page 1 when the search or a filter changes', async () => {
    render(<ListStateProbe />);
    expect(request()).toEqual({ query: '', kind: null, page: 1 });

    fireEvent.click(screen.getByRole('button', { name: 'next page' }));
    fireEvent.click(screen.getByRole('button', { name: 'next page' }));
    expect(request()).toEqual({ query: '', kind: null, page: 3 });

    // The request follows the search once typing pauses, trimmed.
    fireEvent.click(screen.getByRole('button', { name: 'search' }));
    await waitFor(() => expect(request()).toEqual({ query: 'vinh binh', kind: null, page: 1 }));

    fireEvent.click(screen.getByRole('button', { name: 'next page' }));
    expect(request()).toEqual({ query: 'vinh binh', kind: null, page: 2 });
    fireEvent.click(screen.getByRole('button', { name: 'filter' }));
    expect(request()).toEqual({ query: 'vinh binh', kind: 'htx', page: 1 });
  });

  it('lasts for the session, so that Back from a record returns to the same list', () => {
    const first = render(<ListStateProbe />);
    fireEvent.click(screen.getByRole('button', { name: 'filter' }));
    fireEvent.click(screen.getByRole('button', { name: 'next page' }));
    first.unmount();

    render(<ListStateProbe />);
    expect(request()).toEqual({ query: '', kind: 'htx', page: 2 });
  });
});
