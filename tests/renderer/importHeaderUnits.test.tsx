import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../src/shared/contract';
import { AppProviders, createQueryClient } from '../../src/renderer/src/AppProviders';
import { PreviewStep } from '../../src/renderer/src/pages/excel/import/PreviewStep';
import { installFakeApi, ok, previewRow } from './fakeApi';

const row = previewRow({ row: 12, values: ['HTX DVNN Mỹ Hòa Hưng', '1,5 → 1.500.000\u00a0₫', '27'] });

function renderPreview(kind: ImportPreview['kind'], columns: ImportPreview['columns']) {
  const preview: ImportPreview = {
    kind,
    fileName: 'DS HTX 2025.xlsx',
    columns,
    counts: { rows: 1, valid: 1, invalid: 0, matched: 0, fresh: 1, ambiguous: 0, unplaced: 0, noted: 0 },
    page: { rows: [row], total: 1 },
    year: 2025,
    valueChoices: [],
    choiceOptions: {},
    legacyFontsRead: [],
  };
  installFakeApi({ 'imports:previewResult': () => ok(preview), 'imports:awaitingPlaces': () => ok({ sheet: 'DS', count: 0, rows: [], othersWritten: 1 }) });
  render(
    <AppProviders queryClient={createQueryClient()} env="test">
      <PreviewStep jobId="00000000-0000-4000-8000-000000000001" decisions={{ rows: {}, bulk: {}, places: {} }} onDecisionsChange={() => undefined} />
    </AppProviders>,
  );
}

describe('the units the headers of a previewed list name', () => {
  it('says above the rows, one line a column, what a number written in each is stored as', async () => {
    renderPreview('organizations', [
      { letter: 'C', header: 'Tên HTX', field: 'name' },
      { letter: 'J', header: 'Vốn điều lệ (triệu đồng)', field: 'charterCapital', multiple: 1_000_000 },
      { letter: 'L', header: 'Doanh thu (tỷ đồng)', field: 'revenue', multiple: 1_000_000_000 },
    ]);
    expect(await screen.findByText('Số trong các cột này được đọc theo đơn vị ghi ở tiêu đề cột')).toBeTruthy();
    // The matcher reads the no-break space before ₫ as a space.
    expect(screen.getByText('Cột J «Vốn điều lệ (triệu đồng)»: số ghi theo triệu đồng, lưu bằng đồng — 1,5 là 1.500.000 ₫.')).toBeTruthy();
    expect(screen.getByText('Cột L «Doanh thu (tỷ đồng)»: số ghi theo tỷ đồng, lưu bằng đồng — 1,5 là 1.500.000.000 ₫.')).toBeTruthy();
    // The cell as written and as stored, as the core shows it.
    expect(screen.getByText('1,5 → 1.500.000 ₫')).toBeTruthy();
  });

  it('says the unit of a quantity column and the multiple of a price column', async () => {
    renderPreview('offers', [
      { letter: 'C', header: 'Tên HTX', field: 'organizationName' },
      { letter: 'J', header: 'Giá bán (nghìn đồng/kg)', field: 'priceMin', multiple: 1_000 },
      { letter: 'K', header: 'Sản lượng (tấn)', field: 'quantity', unit: 'tấn' },
    ]);
    expect(await screen.findByText('Cột J «Giá bán (nghìn đồng/kg)»: số ghi theo nghìn đồng, lưu bằng đồng — 1,5 là 1.500 ₫.')).toBeTruthy();
    expect(screen.getByText('Cột K «Sản lượng (tấn)»: số lượng không ghi đơn vị được lưu theo tấn.')).toBeTruthy();
  });

  it('says nothing above the rows when no header names a unit', async () => {
    renderPreview('organizations', [
      { letter: 'C', header: 'Tên HTX', field: 'name' },
      { letter: 'J', header: 'Vốn điều lệ', field: 'charterCapital' },
    ]);
    expect(await screen.findByText('HTX DVNN Mỹ Hòa Hưng')).toBeTruthy();
    expect(screen.queryByText('Số trong các cột này được đọc theo đơn vị ghi ở tiêu đề cột')).toBeNull();
  });
});
