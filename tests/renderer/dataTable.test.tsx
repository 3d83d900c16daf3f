import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppProviders, createQueryClient } from '../../src/renderer/src/AppProviders';
import { DataTable } from '../../src/renderer/src/components/DataTable';

const rows = Array.from({ length: 3 }, (_, index) => ({ id: index + 1, name: `HTX số ${String(index + 1)}` }));

describe('every data table', () => {
  it('says in Vietnamese what the library would write in English, its empty text kept in the page among them', () => {
    const { container } = render(
      <AppProviders queryClient={createQueryClient()} env="test">
        <DataTable
          records={rows}
          columns={[{ accessor: 'name', title: 'Tên tổ chức' }]}
          page={1}
          onPageChange={() => undefined}
          totalRecords={120}
          recordsPerPage={3}
          selectedRecords={[]}
          onSelectedRecordsChange={() => undefined}
        />
      </AppProviders>,
    );
    const text = container.textContent;
    expect(text).toContain('Không có dòng nào.');
    expect(text).toContain('1–3 trong 120');
    expect(text).not.toMatch(/No records|Records per page/);
    expect(screen.getByRole('button', { name: 'Trang sau' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Chọn tất cả' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Chọn dòng 2' })).toBeTruthy();
    expect(container.innerHTML).not.toMatch(/aria-label="(Select|Previous|Next)/);
  });
});
