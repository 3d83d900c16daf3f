/**
 * Ghi vào dữ liệu in Nhập từ Excel: rows whose commune is still to choose are asked about first,
 * a commit that met a record saved since the preview offers to check the rows again, and an import
 * that wrote nothing says so.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportPreviewRow, ImportSummary, JobStatus } from '../../src/shared/contract';
import { AppProviders, createQueryClient } from '../../src/renderer/src/AppProviders';
import { ImportPage } from '../../src/renderer/src/pages/excel/ImportPage';
import { actionOf } from '../../src/renderer/src/pages/excel/import/PreviewStep';
import { ResultStep } from '../../src/renderer/src/pages/excel/import/ResultStep';
import { installFakeApi, ok, type FakeHandlers } from './fakeApi';

const ANALYSIS_JOB = '00000000-0000-4000-8000-00000000000a';
const PREVIEW_JOB = '00000000-0000-4000-8000-00000000000b';
const COMMIT_JOB = '00000000-0000-4000-8000-00000000000c';
const RECHECK_JOB = '00000000-0000-4000-8000-00000000000d';

/** A row of «An Phú» whose old commune the app could not read: a commune of the province is to choose. */
function unplaced(row: number): ImportPreviewRow {
  return {
    row,
    status: 'valid',
    values: [`HTX An Phú ${String(row)}`],
    problems: [],
    match: null,
    commune: null,
    communeChoices: [],
    needsPlace: true,
    placeProvinceCode: '91',
    placeReason: null,
    placeKey: 'xa phu huu',
    placeRemembered: false,
    notes: [],
    defaultAction: 'create',
    changes: null,
  };
}

const preview: ImportPreview = {
  kind: 'organizations',
  fileName: '02_multisheet_hidden.xlsx',
  columns: [{ letter: 'B', header: 'Tên HTX', field: 'name' }],
  counts: { rows: 4, valid: 4, invalid: 0, matched: 0, fresh: 4, ambiguous: 0, unplaced: 4, noted: 0 },
  page: { rows: [3, 4, 5, 6].map(unplaced), total: 4 },
  year: null,
  valueChoices: [],
  choiceOptions: {},
  legacyFontsRead: [],
};

const status = (jobId: string, state: JobStatus['state'], error: JobStatus['error'] = null): JobStatus => ({ jobId, state, done: 0, total: null, phase: 'saving', error });

/** The wizard at its preview step, as the session keeps it. */
function renderAtPreview(handlers: FakeHandlers) {
  sessionStorage.setItem(
    'htx-desk.import.wizard',
    JSON.stringify({
      kind: 'organizations',
      year: 2024,
      yearChosen: false,
      values: [],
      step: 'preview',
      fileId: 'file',
      running: null,
      analysisJobId: ANALYSIS_JOB,
      mapping: { 1: 'name' },
      previewJobId: PREVIEW_JOB,
      decisions: { rows: { 4: { action: 'skip' }, 5: { action: 'create' } }, bulk: {}, places: {} },
      commitJobId: null,
    }),
  );
  const invoke = installFakeApi({
    'imports:previewResult': () => ok(preview),
    'imports:batches': () => ok({ rows: [], total: 0 }),
    'places:communes': () => ok([]),
    ...handlers,
  });
  render(
    <AppProviders queryClient={createQueryClient()} env="test">
      <ImportPage />
    </AppProviders>,
  );
  return invoke;
}

const called = (invoke: ReturnType<typeof installFakeApi>, channel: string) => invoke.mock.calls.filter(([asked]) => asked === channel);

afterEach(() => sessionStorage.clear());

describe('a row whose commune is still to choose', () => {
  it('reads «Bỏ qua» until its commune is chosen, for the row or its address', () => {
    const row = unplaced(3);
    expect(actionOf(row, { rows: {}, bulk: {}, places: {} })).toBe('skip');
    expect(actionOf(row, { rows: {}, bulk: { fresh: 'create' }, places: {} })).toBe('skip');
    expect(actionOf(row, { rows: {}, bulk: {}, places: { 'xa phu huu': '30604' } })).toBe('create');
    expect(actionOf(row, { rows: { 3: { communeCode: '30604' } }, bulk: {}, places: {} })).toBe('create');
  });
});

describe('a row repeating an earlier row of the file', () => {
  it('stays «Bỏ qua» whatever is chosen for all duplicates, until chosen on the row itself', () => {
    const repeat: ImportPreviewRow = {
      ...unplaced(4),
      needsPlace: false,
      placeKey: null,
      match: { reason: 'inFile', id: null, name: 'HTX An Phú 2', place: '', row: 2 },
      defaultAction: 'skip',
    };
    const stored: ImportPreviewRow = { ...repeat, row: 2, match: { reason: 'registrationNo', id: 7, name: 'HTX An Phú 2', place: 'Xã An Phú', row: null }, defaultAction: 'update' };
    expect(actionOf(repeat, { rows: {}, bulk: { matched: 'update' }, places: {} })).toBe('skip');
    expect(actionOf(stored, { rows: {}, bulk: { matched: 'skip' }, places: {} })).toBe('skip');
    expect(actionOf(repeat, { rows: { 4: { action: 'update' } }, bulk: { matched: 'skip' }, places: {} })).toBe('update');
  });
});

describe('the choices for all rows', { timeout: 30_000 }, () => {
  it('look chosen only once chosen, and say how many rows still wait for a commune and read «Bỏ qua»', async () => {
    const invoke = renderAtPreview({
      // Rows 3 and 6 wait; a bulk «Bỏ qua» for new rows leaves them out by choice, not for want of a commune.
      'imports:awaitingPlaces': ({ bulk }) => ok(bulk?.fresh === 'skip' ? { sheet: 'An Phú', count: 0, rows: [], othersWritten: 1 } : { sheet: 'An Phú', count: 2, rows: [3, 6], othersWritten: 1 }),
    });
    const waiting = '2 dòng còn chờ chọn xã, phường nên vẫn là «Bỏ qua», dù chọn gì cho tất cả các dòng. Chọn xã, phường cho các dòng này (lọc «Cần chọn xã») thì chúng mới được ghi.';
    expect(await screen.findByText(waiting)).toBeTruthy();
    const create = screen.getByRole('button', { name: 'Dòng mới: Thêm mới' });
    // Nothing chosen yet: no bulk choice looks switched on.
    for (const name of ['Dòng trùng: Cập nhật', 'Dòng trùng: Bỏ qua', 'Dòng mới: Thêm mới', 'Dòng mới: Bỏ qua']) {
      expect(screen.getByRole('button', { name }).getAttribute('aria-pressed')).toBe('false');
    }

    fireEvent.click(create);
    await waitFor(() => expect(create.getAttribute('aria-pressed')).toBe('true'));
    // The rows waiting still read «Bỏ qua», and the note beside the choice still counts them.
    expect(screen.getByRole<HTMLInputElement>('combobox', { name: 'Việc cần làm 3' }).value).toBe('Bỏ qua');
    expect(screen.getByText(waiting)).toBeTruthy();
    expect(called(invoke, 'imports:awaitingPlaces').at(-1)?.[1]).toMatchObject({ previewJobId: PREVIEW_JOB, bulk: { fresh: 'create' } });

    fireEvent.click(screen.getByRole('button', { name: 'Dòng mới: Bỏ qua' }));
    await waitFor(() => expect(screen.queryByText(waiting)).toBeNull());
    expect(screen.getByRole('button', { name: 'Dòng mới: Bỏ qua' }).getAttribute('aria-pressed')).toBe('true');
    expect(create.getAttribute('aria-pressed')).toBe('false');
  });
});

describe('what Cập nhật writes', { timeout: 30_000 }, () => {
  const priceWhole = 'Riêng giá: dòng có ghi giá thì giá trong tệp thay cả giá đã có (Giá từ và Giá đến).';
  const awaiting = () => ok({ sheet: 'Nguồn cung', count: 0, rows: [], othersWritten: 4 });

  it('says that a price written replaces the stored one whole, for offers and demands', async () => {
    renderAtPreview({ 'imports:previewResult': () => ok({ ...preview, kind: 'offers' }), 'imports:awaitingPlaces': awaiting });
    expect(await screen.findByText(`Cập nhật chỉ ghi các ô có giá trị; ô trống trong tệp không xóa dữ liệu đã có. ${priceWhole}`)).toBeTruthy();
  });

  it('says only that blank cells erase nothing, for a list without prices', async () => {
    renderAtPreview({ 'imports:awaitingPlaces': awaiting });
    expect(await screen.findByText('Cập nhật chỉ ghi các ô có giá trị; ô trống trong tệp không xóa dữ liệu đã có.')).toBeTruthy();
  });
});

describe('Ghi vào dữ liệu', { timeout: 30_000 }, () => {
  it('asks first when rows would be left out for want of a commune, naming how many and where', async () => {
    const invoke = renderAtPreview({
      'imports:awaitingPlaces': () => ok({ sheet: 'An Phú', count: 14, rows: [3, 5, 6, 7, 8, 9, 10, 11, 12, 13], othersWritten: 1 }),
      'imports:commit': () => ok({ jobId: COMMIT_JOB }),
      'jobs:status': () => ok(status(COMMIT_JOB, 'running')),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Ghi vào dữ liệu' }));
    const dialog = await screen.findByRole('dialog', { name: 'Còn dòng chưa chọn xã, phường' });
    expect(within(dialog).getByText('Trang tính «An Phú» có 14 dòng chưa chọn xã, phường: dòng 3, 5, 6, 7, 8, 9, 10, 11, 12, 13 và 4 dòng khác. Những dòng này sẽ không được ghi.')).toBeTruthy();
    // The question is asked with the choices as they stand.
    expect(called(invoke, 'imports:awaitingPlaces')[0]?.[1]).toEqual({
      previewJobId: PREVIEW_JOB,
      decisions: [
        { row: 4, action: 'skip' },
        { row: 5, action: 'create' },
      ],
      bulk: {},
      placeAnswers: [],
    });

    fireEvent.click(within(dialog).getByRole('button', { name: 'Quay lại chọn xã, phường' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(called(invoke, 'imports:commit')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Ghi vào dữ liệu' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Ghi các dòng khác, bỏ qua 14 dòng này' }));
    await waitFor(() => expect(called(invoke, 'imports:commit')).toHaveLength(1));
  });

  it('offers only to go back and choose when the rows waiting are all there is to write', async () => {
    const invoke = renderAtPreview({
      'imports:awaitingPlaces': () => ok({ sheet: 'An Phú', count: 3, rows: [3, 5, 6], othersWritten: 0 }),
      'imports:commit': () => ok({ jobId: COMMIT_JOB }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Ghi vào dữ liệu' }));
    const dialog = await screen.findByRole('dialog', { name: 'Các dòng cần ghi đều chưa chọn xã, phường' });
    expect(
      within(dialog).getByText(
        'Trang tính «An Phú» có 3 dòng chưa chọn xã, phường: dòng 3, 5, 6. Ngoài những dòng này không còn dòng nào để ghi, nên cần chọn xã, phường cho chúng trước khi ghi vào dữ liệu.',
      ),
    ).toBeTruthy();
    // Leaving them out would write nothing: it is not offered.
    expect(within(dialog).queryByRole('button', { name: /^Ghi các dòng khác/ })).toBeNull();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Quay lại chọn xã, phường' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(called(invoke, 'imports:commit')).toHaveLength(0);
  });

  it('writes at once when no row waits for a commune', async () => {
    const invoke = renderAtPreview({
      'imports:awaitingPlaces': () => ok({ sheet: 'An Phú', count: 0, rows: [], othersWritten: 1 }),
      'imports:commit': () => ok({ jobId: COMMIT_JOB }),
      'jobs:status': () => ok(status(COMMIT_JOB, 'running')),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Ghi vào dữ liệu' }));
    await waitFor(() => expect(called(invoke, 'imports:commit')).toHaveLength(1));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('offers to check the rows again when a record was saved since the preview, keeping the communes and the rows left out', async () => {
    const message = 'Chưa ghi gì vào dữ liệu: dữ liệu đã thay đổi từ lúc kiểm tra các dòng. Dòng 12: Mã số HTX 1700000002 đã có: HTX Chen ngang 2 (xã Nhơn Mỹ).';
    const invoke = renderAtPreview({
      'imports:awaitingPlaces': () => ok({ sheet: 'An Phú', count: 0, rows: [], othersWritten: 1 }),
      'imports:commit': () => ok({ jobId: COMMIT_JOB }),
      'imports:preview': () => ok({ jobId: RECHECK_JOB }),
      'jobs:status': ({ jobId }) => ok(jobId === COMMIT_JOB ? status(COMMIT_JOB, 'failed', { kind: 'conflict', message, existingId: 7 }) : status(RECHECK_JOB, 'done')),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Ghi vào dữ liệu' }));
    // The job's status is polled a few times a second: slow under load.
    expect(await screen.findByText(message, undefined, { timeout: 10_000 })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra lại các dòng' }));
    await waitFor(() => expect(called(invoke, 'imports:preview')).toHaveLength(1));
    expect(called(invoke, 'imports:preview')[0]?.[1]).toEqual({ analysisJobId: ANALYSIS_JOB, mapping: [{ column: 1, field: 'name' }], values: [] });
    // Checked again, the preview is the new one; the row left out stays out, the one to add is proposed anew.
    await waitFor(() => expect(called(invoke, 'imports:previewResult').some(([, input]) => (input as { jobId: string }).jobId === RECHECK_JOB)).toBe(true));
    expect(screen.queryByText(message)).toBeNull();
    expect(JSON.parse(sessionStorage.getItem('htx-desk.import.wizard') ?? '{}')).toMatchObject({
      previewJobId: RECHECK_JOB,
      step: 'preview',
      decisions: { rows: { 4: { action: 'skip' }, 5: {} } },
    });
  });
});

describe('an import that wrote nothing', () => {
  it('says plainly that nothing was written, with nothing to undo', async () => {
    const summary: ImportSummary = { batchId: null, created: 0, updated: 0, skipped: 0, failed: 4, partnersAdded: 0 };
    installFakeApi({});
    render(
      <AppProviders queryClient={createQueryClient()} env="test">
        <ResultStep commitJobId={COMMIT_JOB} fileName="02_multisheet_hidden.xlsx" summary={summary} />
      </AppProviders>,
    );
    expect(await screen.findByText('Không ghi được gì từ tệp 02_multisheet_hidden.xlsx')).toBeTruthy();
    expect(screen.getByTestId('import-nothing-written').textContent).toBe(
      'Không có gì được ghi vào dữ liệu: không dòng nào được thêm mới hay cập nhật, nên lần nhập này không có trong danh sách các lần nhập và không cần hoàn tác.',
    );
    expect(screen.queryByRole('button', { name: 'Hoàn tác lần nhập này' })).toBeNull();
  });
});
