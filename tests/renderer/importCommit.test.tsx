/**
 * Ghi vào dữ liệu in Nhập từ Excel: rows whose commune is still to choose are asked about first,
 * a commit that met a record saved since the preview offers to check the rows again, an import
 * that wrote nothing says so, and of a row's own choice and a bulk one on another page, the later
 * is shown and sent. A row that may be another organization than the one it matched is said in
 * amber and left to its own choice; rows updated with nothing to change are said in the result.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chosenImportAction, type ImportPreview, type ImportPreviewRow, type ImportSummary, type InputOf, type JobStatus } from '../../src/shared/contract';
import { AppProviders, createQueryClient } from '../../src/renderer/src/AppProviders';
import { ImportPage } from '../../src/renderer/src/pages/excel/ImportPage';
import { actionOf, type Decisions } from '../../src/renderer/src/pages/excel/import/PreviewStep';
import { ResultStep } from '../../src/renderer/src/pages/excel/import/ResultStep';
import { installFakeApi, ok, type FakeHandlers } from './fakeApi';
import { choose } from './select';

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
function renderAtPreview(handlers: FakeHandlers, decisions: Decisions = { rows: { 4: { action: 'skip' }, 5: { action: 'create' } }, bulk: {}, places: {} }) {
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
      decisions,
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

describe('the choices for all rows', () => {
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

describe('what Cập nhật writes', () => {
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

describe('Ghi vào dữ liệu', () => {
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
      bulkTurns: {},
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

  it('offers to check the rows again when a record was saved since the preview, in the communes chosen, keeping them and the rows left out', async () => {
    const message = 'Chưa ghi gì vào dữ liệu: dữ liệu đã thay đổi từ lúc kiểm tra các dòng. Dòng 12: Mã số HTX 1700000002 đã có: HTX Chen ngang 2 (xã Nhơn Mỹ).';
    const invoke = renderAtPreview(
      {
        'imports:awaitingPlaces': () => ok({ sheet: 'An Phú', count: 0, rows: [], othersWritten: 1 }),
        'imports:commit': () => ok({ jobId: COMMIT_JOB }),
        'imports:preview': () => ok({ jobId: RECHECK_JOB }),
        'jobs:status': ({ jobId }) => ok(jobId === COMMIT_JOB ? status(COMMIT_JOB, 'failed', { kind: 'conflict', message, existingId: 7 }) : status(RECHECK_JOB, 'done')),
      },
      { rows: { 4: { action: 'skip' }, 5: { action: 'create' } }, bulk: {}, places: { 'xa tan phu': '30604' } },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Ghi vào dữ liệu' }));
    // The job's status is polled a few times a second: slow under load.
    expect(await screen.findByText(message, undefined, { timeout: 10_000 })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra lại các dòng' }));
    await waitFor(() => expect(called(invoke, 'imports:preview')).toHaveLength(1));
    // Matched in the communes chosen for places the app could not read, as the commit would write them.
    expect(called(invoke, 'imports:preview')[0]?.[1]).toEqual({
      analysisJobId: ANALYSIS_JOB,
      mapping: [{ column: 1, field: 'name' }],
      values: [],
      placeAnswers: [{ placeKey: 'xa tan phu', communeCode: '30604' }],
    });
    // Checked again, the preview is the new one; the row left out stays out, the one to add is proposed anew.
    await waitFor(() => expect(called(invoke, 'imports:previewResult').some(([, input]) => (input as { jobId: string }).jobId === RECHECK_JOB)).toBe(true));
    expect(screen.queryByText(message)).toBeNull();
    expect(JSON.parse(sessionStorage.getItem('htx-desk.import.wizard') ?? '{}')).toMatchObject({
      previewJobId: RECHECK_JOB,
      step: 'preview',
      decisions: { rows: { 4: { action: 'skip' }, 5: {} }, places: { 'xa tan phu': '30604' } },
    });
  });
});

describe('a bulk choice and a row chosen on its own on another page', { timeout: 120_000 }, () => {
  // On a new page the table scrolls back to its top; jsdom's elements cannot scroll.
  beforeAll(() => {
    Element.prototype.scrollTo = () => undefined;
  });

  /** A row of Xã Vĩnh An, new unless said otherwise. */
  const placed = (row: number, overrides: Partial<ImportPreviewRow> = {}): ImportPreviewRow => ({
    ...unplaced(row),
    needsPlace: false,
    placeProvinceCode: null,
    placeKey: null,
    commune: { code: '30604', name: 'Xã Vĩnh An' },
    ...overrides,
  });
  const stored = (row: number, id: number): Partial<ImportPreviewRow> => ({
    match: { reason: 'registrationNo', id, name: `HTX Nông nghiệp ${String(row)}`, place: 'Xã Vĩnh An', row: null },
    defaultAction: 'update',
    values: [`HTX Nông nghiệp ${String(row)}`],
  });

  /**
   * A list longer than a page (50 rows): a stored cooperative on each page (rows 2 and 52), new ones,
   * a repeat of row 2 (row 53), one whose commune is to choose (row 54) and a new one (row 55). Of
   * page 1 the fake sends only the two rows the test reads: fifty Selects drawn in jsdom would only
   * slow it down.
   */
  const pages: Record<number, ImportPreviewRow[]> = {
    1: [placed(2, stored(2, 1)), placed(3)],
    2: [
      placed(52, stored(52, 2)),
      placed(53, { match: { reason: 'inFile', id: null, name: 'HTX Nông nghiệp 2', place: '', row: 2 }, defaultAction: 'skip' }),
      unplaced(54),
      placed(55),
    ],
  };
  const rowsOf = (page: number) => pages[page] ?? [];

  function renderLongPreview() {
    return renderAtPreview(
      {
        'imports:previewResult': ({ page = 1 }) =>
          ok({ ...preview, counts: { rows: 54, valid: 54, invalid: 0, matched: 3, fresh: 51, ambiguous: 0, unplaced: 1, noted: 0 }, page: { rows: rowsOf(page), total: 54 } }),
        'imports:awaitingPlaces': () => ok({ sheet: 'DS HTX', count: 1, rows: [54], othersWritten: 50 }),
        'imports:commit': () => ok({ jobId: COMMIT_JOB }),
        'jobs:status': () => ok(status(COMMIT_JOB, 'running')),
      },
      { rows: {}, bulk: {}, places: {} },
    );
  }

  const actionField = (row: number) => screen.getByRole<HTMLInputElement>('combobox', { name: `Việc cần làm ${String(row)}` });
  /** What each row of page 2 reads, by row number. */
  const secondPage = () => Object.fromEntries([52, 53, 54, 55].map((row) => [row, actionField(row).value]));

  async function toPage(page: 1 | 2) {
    fireEvent.click(screen.getByRole('button', { name: String(page) }));
    await screen.findByText(page === 1 ? '1–2 trong 54' : '51–54 trong 54');
  }

  /** Ghi vào dữ liệu, leaving out row 54 that waits for its commune: what the commit was sent. */
  async function commit(invoke: ReturnType<typeof installFakeApi>) {
    fireEvent.click(screen.getByRole('button', { name: 'Ghi vào dữ liệu' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Ghi các dòng khác, bỏ qua 1 dòng này' }));
    await waitFor(() => expect(called(invoke, 'imports:commit')).toHaveLength(1));
    return called(invoke, 'imports:commit')[0]?.[1] as InputOf<'imports:commit'>;
  }

  /** What the commit writes of each row of a page by the rule it shares with the preview. */
  const writtenOf = (input: InputOf<'imports:commit'>, page: number) =>
    Object.fromEntries(rowsOf(page).map((row) => [row.row, chosenImportAction(row, input.decisions.find((decision) => decision.row === row.row), input, row.defaultAction)]));

  it('replaces the choices made before it on every page, and leaves repeats and rows waiting for a commune as they were', async () => {
    const invoke = renderLongPreview();
    await screen.findByText('1–2 trong 54');
    await toPage(2);
    expect(secondPage()).toEqual({ 52: 'Cập nhật', 53: 'Bỏ qua', 54: 'Bỏ qua', 55: 'Thêm mới' });
    await choose(actionField(52), '', 'Bỏ qua');
    await choose(actionField(55), '', 'Bỏ qua');
    await waitFor(() => expect(secondPage()).toEqual({ 52: 'Bỏ qua', 53: 'Bỏ qua', 54: 'Bỏ qua', 55: 'Bỏ qua' }));

    await toPage(1);
    fireEvent.click(screen.getByRole('button', { name: 'Dòng trùng: Cập nhật' }));
    await waitFor(() => expect(actionField(2).value).toBe('Cập nhật'));
    await toPage(2);
    // Row 52 is a duplicate: the later bulk choice is its choice now. Row 55 is of the other group,
    // row 53 repeats row 2 (in no group), row 54 waits for a commune: as they were.
    expect(secondPage()).toEqual({ 52: 'Cập nhật', 53: 'Bỏ qua', 54: 'Bỏ qua', 55: 'Bỏ qua' });
    // Chosen for all new rows after row 55's own choice, it replaces that too; row 54 still waits.
    fireEvent.click(screen.getByRole('button', { name: 'Dòng mới: Thêm mới' }));
    await waitFor(() => expect(secondPage()).toEqual({ 52: 'Cập nhật', 53: 'Bỏ qua', 54: 'Bỏ qua', 55: 'Thêm mới' }));

    const input = await commit(invoke);
    expect(input).toEqual({
      previewJobId: PREVIEW_JOB,
      decisions: [
        { row: 52, action: 'skip', actionTurn: 1 },
        { row: 55, action: 'skip', actionTurn: 2 },
      ],
      bulk: { matched: 'update', fresh: 'create' },
      bulkTurns: { matched: 3, fresh: 4 },
      placeAnswers: [],
    });
    // Row 54 is left out for want of its commune, whatever the rule says.
    expect(writtenOf(input, 2)).toEqual({ 52: 'update', 53: 'skip', 54: 'create', 55: 'create' });
    expect(writtenOf(input, 1)).toMatchObject({ 2: 'update', 3: 'create' });
  });

  it('gives way to a row chosen on its own after it, on another page', async () => {
    const invoke = renderLongPreview();
    await screen.findByText('1–2 trong 54');
    fireEvent.click(screen.getByRole('button', { name: 'Dòng trùng: Bỏ qua' }));
    await waitFor(() => expect(actionField(2).value).toBe('Bỏ qua'));
    await toPage(2);
    expect(secondPage()).toEqual({ 52: 'Bỏ qua', 53: 'Bỏ qua', 54: 'Bỏ qua', 55: 'Thêm mới' });
    await choose(actionField(52), '', 'Cập nhật');
    await waitFor(() => expect(actionField(52).value).toBe('Cập nhật'));

    await toPage(1);
    expect(actionField(2).value).toBe('Bỏ qua');
    await toPage(2);
    expect(secondPage()).toEqual({ 52: 'Cập nhật', 53: 'Bỏ qua', 54: 'Bỏ qua', 55: 'Thêm mới' });

    const input = await commit(invoke);
    expect(input).toEqual({
      previewJobId: PREVIEW_JOB,
      decisions: [{ row: 52, action: 'update', actionTurn: 2 }],
      bulk: { matched: 'skip' },
      bulkTurns: { matched: 1 },
      placeAnswers: [],
    });
    expect(writtenOf(input, 2)).toEqual({ 52: 'update', 53: 'skip', 54: 'create', 55: 'create' });
    expect(writtenOf(input, 1)).toMatchObject({ 2: 'skip', 3: 'create' });
  });
});

describe('a row that names its organization by one key and another by the other', () => {
  const hopLuc = 'HTX Nông nghiệp Hợp Lực Mỹ Thới';
  const note =
    `Mã số HTX 1600123456 là của «${hopLuc}», còn tên trên dòng là «HTX Chăn nuôi Hợp Lực Mỹ Thới»: có thể là hai tổ chức khác nhau. ` +
    `Nếu đúng là «${hopLuc}», hãy chọn việc cần làm cho dòng này (dòng để «Bỏ qua» cho đến khi chọn); nếu không, hãy sửa mã số trong tệp.`;
  /** A row of figures of a stored cooperative, found by its Mã số HTX. */
  const figuresOf = (row: number, registrationNo: string, name: string, overrides: Partial<ImportPreviewRow>): ImportPreviewRow => ({
    ...unplaced(row),
    values: [registrationNo, name],
    needsPlace: false,
    placeProvinceCode: null,
    placeKey: null,
    ...overrides,
  });
  /** Row 2 is a doubtful match (its Mã số is another's than its name's); row 3 a plain one. */
  const figures: ImportPreview = {
    ...preview,
    kind: 'figures',
    columns: [
      { letter: 'A', header: 'Mã số HTX', field: 'registrationNo' },
      { letter: 'B', header: 'Tên HTX', field: 'organizationName' },
    ],
    counts: { rows: 2, valid: 2, invalid: 0, matched: 2, fresh: 0, ambiguous: 0, unplaced: 0, noted: 1 },
    page: {
      rows: [
        figuresOf(2, '1600123456', 'HTX Chăn nuôi Hợp Lực Mỹ Thới', {
          match: { reason: 'existing', id: 1, name: hopLuc, place: 'năm 2025', row: null, doubtful: true },
          doubtful: true,
          notes: [{ cell: 'B2', message: note, heed: true }],
          defaultAction: 'skip',
        }),
        figuresOf(3, '1600999888', 'HTX Long Điền', {
          match: { reason: 'existing', id: 2, name: 'HTX Nông nghiệp Long Điền', place: 'năm 2025', row: null },
          defaultAction: 'update',
        }),
      ],
      total: 2,
    },
    year: 2025,
  };
  const actionField = (row: number) => screen.getByRole<HTMLInputElement>('combobox', { name: `Việc cần làm ${String(row)}` });
  const actions = () => [actionField(2).value, actionField(3).value];

  it('is said in amber with its note, stays «Bỏ qua» under «Dòng trùng: Cập nhật», and is sent as chosen on the row', async () => {
    const invoke = renderAtPreview(
      {
        'imports:previewResult': () => ok(figures),
        'imports:awaitingPlaces': () => ok({ sheet: 'Số liệu', count: 0, rows: [], othersWritten: 2 }),
        'imports:commit': () => ok({ jobId: COMMIT_JOB }),
        'jobs:status': () => ok(status(COMMIT_JOB, 'running')),
      },
      { rows: {}, bulk: {}, places: {} },
    );
    // The doubtful match asks for a decision: amber, as every note to heed, where a plain one is blue.
    expect((await screen.findByText(`Đã có: ${hopLuc} (năm 2025)`)).getAttribute('style')).toContain('var(--mantine-color-yellow-9)');
    expect(screen.getByText('Đã có: HTX Nông nghiệp Long Điền (năm 2025)').getAttribute('style')).toContain('var(--mantine-color-blue-8)');
    expect(screen.getByText(`B2: ${note}`)).toBeTruthy();
    expect(actions()).toEqual(['Bỏ qua', 'Cập nhật']);

    fireEvent.click(screen.getByRole('button', { name: 'Dòng trùng: Bỏ qua' }));
    await waitFor(() => expect(actions()).toEqual(['Bỏ qua', 'Bỏ qua']));
    fireEvent.click(screen.getByRole('button', { name: 'Dòng trùng: Cập nhật' }));
    await waitFor(() => expect(actionField(3).value).toBe('Cập nhật'));
    expect(actionField(2).value).toBe('Bỏ qua');

    await choose(actionField(2), '', 'Cập nhật');
    await waitFor(() => expect(actions()).toEqual(['Cập nhật', 'Cập nhật']));
    fireEvent.click(screen.getByRole('button', { name: 'Ghi vào dữ liệu' }));
    await waitFor(() => expect(called(invoke, 'imports:commit')).toHaveLength(1));
    const input = called(invoke, 'imports:commit')[0]?.[1] as InputOf<'imports:commit'>;
    expect(input).toEqual({
      previewJobId: PREVIEW_JOB,
      decisions: [{ row: 2, action: 'update', actionTurn: 3 }],
      bulk: { matched: 'update' },
      bulkTurns: { matched: 2 },
      placeAnswers: [],
    });
    // Written by the rule the commit shares with the preview: both rows updated.
    expect(figures.page.rows.map((row) => chosenImportAction(row, input.decisions.find((decision) => decision.row === row.row), input, row.defaultAction))).toEqual([
      'update',
      'update',
    ]);
  });
});

describe('rows chosen for «Cập nhật» whose records already held what they say', () => {
  it('are said in the result, among the skipped rows', async () => {
    const summary: ImportSummary = { batchId: 5, created: 0, updated: 1, skipped: 3, failed: 0, partnersAdded: 0, unchanged: 2 };
    installFakeApi({});
    render(
      <AppProviders queryClient={createQueryClient()} env="test">
        <ResultStep commitJobId={COMMIT_JOB} fileName="DS HTX.xlsx" summary={summary} />
      </AppProviders>,
    );
    expect((await screen.findByTestId('import-unchanged')).textContent).toBe(
      'Trong số dòng bỏ qua có 2 dòng chọn «Cập nhật» mà không có gì thay đổi: dữ liệu đã có đúng các giá trị ghi trong tệp.',
    );
    expect(screen.getByTestId('import-skipped').textContent).toBe('3');
  });
});

describe('an import that wrote nothing', () => {
  it('says plainly that nothing was written, with nothing to undo', async () => {
    const summary: ImportSummary = { batchId: null, created: 0, updated: 0, skipped: 0, failed: 4, partnersAdded: 0, unchanged: 0 };
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
    expect(screen.queryByTestId('import-unchanged')).toBeNull();
  });
});
