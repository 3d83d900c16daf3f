import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ImportPreview, ImportPreviewRow } from '../../src/shared/contract';
import { AppProviders, createQueryClient } from '../../src/renderer/src/AppProviders';
import { PreviewStep, actionOf } from '../../src/renderer/src/pages/excel/import/PreviewStep';
import { installFakeApi, ok } from './fakeApi';

function row(overrides: Partial<ImportPreviewRow> & Pick<ImportPreviewRow, 'row'>): ImportPreviewRow {
  return {
    status: 'valid',
    values: [],
    problems: [],
    match: null,
    commune: null,
    communeChoices: [],
    needsPlace: false,
    placeProvinceCode: null,
    placeKey: null,
    placeRemembered: false,
    notes: [],
    defaultAction: 'create',
    ...overrides,
  };
}

const rows = [
  row({ row: 6, values: ['HTX NN Vĩnh Bình'], commune: { code: '30604', name: 'Xã Vĩnh An' } }),
  row({ row: 8, values: ['Hợp tác xã Nông nghiệp Vĩnh Bình'], match: { reason: 'inFile', id: null, name: 'HTX NN Vĩnh Bình', place: '', row: 6 }, defaultAction: 'skip' }),
  row({ row: 9, status: 'invalid', values: ['HTX Rau an toàn Bình Hòa'], problems: [{ cell: 'E9', message: 'Ngày thành lập: Ngày «31/02/2024» không có thật.' }], defaultAction: 'skip' }),
];

const preview: ImportPreview = {
  kind: 'organizations',
  fileName: 'Danh sach HTX 2024.xlsx',
  columns: [{ letter: 'B', header: 'Tên HTX', field: 'name' }],
  counts: { rows: 3, valid: 2, invalid: 1, matched: 1, fresh: 1, ambiguous: 0, unplaced: 0 },
  page: { rows, total: 3 },
  year: null,
  valueChoices: [],
  choiceOptions: {},
};

/** The preview step of a job whose preview the fake backend answers with `shown`. */
function renderPreview(shown: ImportPreview) {
  installFakeApi({ 'imports:previewResult': () => ok(shown) });
  render(
    <AppProviders queryClient={createQueryClient()} env="test">
      <PreviewStep jobId="00000000-0000-4000-8000-000000000001" decisions={{ rows: {}, bulk: {}, places: {} }} onDecisionsChange={() => undefined} />
    </AppProviders>,
  );
}

describe('import preview', () => {
  it('shows each row with its problems at their cells and its match', async () => {
    renderPreview(preview);
    expect(await screen.findByText('E9: Ngày thành lập: Ngày «31/02/2024» không có thật.')).toBeTruthy();
    expect(screen.getByText('Trùng dòng 6 trong tệp (HTX NN Vĩnh Bình)')).toBeTruthy();
    expect(screen.getByText('1 có lỗi')).toBeTruthy();
    expect(screen.getByText('Xã Vĩnh An')).toBeTruthy();
  });

  it('writes the counts of a long list as Vietnamese writes numbers', async () => {
    const counts = { rows: 100_000, valid: 100_000, invalid: 0, matched: 0, fresh: 100_000, ambiguous: 12_500, unplaced: 0 };
    renderPreview({ ...preview, counts, page: { rows, total: 100_000 } });
    expect(await screen.findByText('100.000 dòng')).toBeTruthy();
    expect(screen.getByText('12.500 cần chọn xã')).toBeTruthy();
    expect(screen.getByText(/^1–\d+ trong 100\.000$/)).toBeTruthy();
  });

  it('takes a row’s own choice over the bulk one, and never writes a row with problems', () => {
    const [fresh, duplicate, invalid] = rows as [ImportPreviewRow, ImportPreviewRow, ImportPreviewRow];
    const decisions = { rows: { 8: { action: 'update' as const } }, bulk: { matched: 'skip' as const, fresh: 'skip' as const }, places: {} };
    expect(actionOf(fresh, decisions)).toBe('skip');
    expect(actionOf(duplicate, decisions)).toBe('update');
    expect(actionOf(invalid, { rows: { 9: { action: 'create' } }, bulk: {}, places: {} })).toBe('skip');
  });
});
