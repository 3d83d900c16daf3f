/**
 * The year of a list's figures in Nhập từ Excel: a title naming one year proposes it; a title
 * naming several («giai đoạn 2021 - 2025») proposes none, says so, and the rows are not checked
 * until the person types the year, which is then sent. And the file picker takes the web pages
 * offices and portals send, a single file web page (.mht) among them.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportAnalysis } from '../../src/shared/contract';
import { AppProviders, createQueryClient } from '../../src/renderer/src/AppProviders';
import { ImportPage } from '../../src/renderer/src/pages/excel/ImportPage';
import { installFakeApi, ok } from './fakeApi';

const ANALYSIS_JOB = '00000000-0000-4000-8000-00000000000a';
const PREVIEW_JOB = '00000000-0000-4000-8000-00000000000b';

const analysis: ImportAnalysis = {
  kind: 'organizations',
  fileName: 'DS HTX.xls',
  format: 'html',
  sheets: [{ name: 'DS HTX', hidden: false, empty: false, headerless: false }],
  sheet: 'DS HTX',
  headerRows: [2],
  dataStartRow: 3,
  columns: [
    { index: 1, letter: 'B', header: 'Tên HTX', field: 'name', proposedAnew: false, namesUnit: false, hidden: false },
    { index: 2, letter: 'C', header: 'Số thành viên', field: 'membersOfficial', proposedAnew: false, namesUnit: false, hidden: false },
  ],
  fields: [
    { key: 'name', required: true, fedAlsoBy: null, unitAfter: false },
    { key: 'membersOfficial', required: false, fedAlsoBy: null, unitAfter: false },
  ],
  rememberedMapping: false,
  legacyFont: null,
  legacyFontsRead: [],
  namedAsWorkbook: true,
  codePageRead: null,
  sampleRows: [{ row: 3, cells: ['Hợp tác xã Nông nghiệp Vĩnh Hòa', '25'] }],
  detectedYear: null,
  titleYears: null,
};

/** The wizard at its mapping step for `shown`, as the session keeps it. */
function renderAtMapping(shown: ImportAnalysis) {
  sessionStorage.setItem(
    'htx-desk.import.wizard',
    JSON.stringify({
      kind: 'organizations',
      year: 2025,
      yearChosen: false,
      values: [],
      step: 'mapping',
      fileId: 'file',
      running: null,
      analysisJobId: ANALYSIS_JOB,
      mapping: {},
      previewJobId: null,
      decisions: { rows: {}, bulk: {}, places: {} },
      commitJobId: null,
    }),
  );
  const invoke = installFakeApi({
    'imports:analysis': () => ok(shown),
    'imports:preview': () => ok({ jobId: PREVIEW_JOB }),
    'jobs:status': () => ok({ jobId: PREVIEW_JOB, state: 'running', done: 0, total: null, phase: 'reading', error: null }),
    'imports:batches': () => ok({ rows: [], total: 0 }),
  });
  render(
    <AppProviders queryClient={createQueryClient()} env="test">
      <ImportPage />
    </AppProviders>,
  );
  return invoke;
}

const yearField = () => screen.findByLabelText<HTMLInputElement>(/Năm của số liệu trong danh sách/);
const checkButton = () => screen.getByRole<HTMLButtonElement>('button', { name: 'Kiểm tra các dòng' });
const previewsAsked = (invoke: ReturnType<typeof installFakeApi>) => invoke.mock.calls.filter(([channel]) => channel === 'imports:preview').map(([, input]) => input);

afterEach(() => sessionStorage.clear());

describe('the year of a list’s figures', () => {
  it('is the one its title names, proposed', async () => {
    const invoke = renderAtMapping({ ...analysis, detectedYear: 2024 });
    expect((await yearField()).value).toBe('2024');
    screen.getByText('Tệp ghi năm 2024.');
    fireEvent.click(checkButton());
    await waitFor(() => expect(previewsAsked(invoke)).toEqual([expect.objectContaining({ year: 2024 })]));
  });

  it('is asked, none proposed, when the title names several years, and sent once typed', async () => {
    const invoke = renderAtMapping({ ...analysis, titleYears: { first: 2021, last: 2025 } });
    const field = await yearField();
    expect(field.value).toBe('');
    screen.getByText('Tiêu đề danh sách ghi nhiều năm (từ 2021 đến 2025), không phải một năm: hãy nhập năm của số liệu trong danh sách.');
    expect(checkButton().disabled).toBe(true);
    fireEvent.change(field, { target: { value: '2023' } });
    await waitFor(() => expect(checkButton().disabled).toBe(false));
    fireEvent.click(checkButton());
    await waitFor(() => expect(previewsAsked(invoke)).toEqual([expect.objectContaining({ year: 2023 })]));
  });
});

describe('the file to import', () => {
  it('may be a web page or a single file web page (.mht, .mhtml) as well as a workbook or a CSV, said alike above and in the picker', async () => {
    sessionStorage.clear();
    installFakeApi({ 'imports:batches': () => ok({ rows: [], total: 0 }), 'programmes:list': () => ok([]) });
    const { container } = render(
      <AppProviders queryClient={createQueryClient()} env="test">
        <ImportPage />
      </AppProviders>,
    );
    await screen.findByText('Chọn tệp Excel (.xlsx, .xls), CSV hoặc trang web (.htm, .mht)');
    screen.getByText(
      'Đưa danh sách đang giữ trong tệp Excel (.xlsx, .xls), CSV hoặc trang web (.htm, .mht) vào dữ liệu: xem trước từng dòng, chọn cách xử lý các dòng trùng, rồi mới ghi. Có thể hoàn tác cả lần nhập.',
    );
    expect(container.querySelector('input[type="file"]')?.getAttribute('accept')?.split(',')).toEqual(['.xlsx', '.xls', '.csv', '.tsv', '.txt', '.htm', '.html', '.mht', '.mhtml']);
  });
});
