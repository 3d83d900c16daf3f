/**
 * A members list whose commit the register refused because an organization gained a past since the
 * preview (its kind can no longer change by «Cập nhật»): the person checks the rows again, with the
 * communes chosen, and reads the row refused at its kind cell, a row placed by hand told of another
 * Mã số HTX there, and a row placed by hand in the same commune under the same name as a repeat.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportPreviewRow, JobStatus } from '../../src/shared/contract';
import { AppProviders, createQueryClient } from '../../src/renderer/src/AppProviders';
import { ImportPage } from '../../src/renderer/src/pages/excel/ImportPage';
import { installFakeApi, ok, previewRow } from './fakeApi';

const ANALYSIS_JOB = '00000000-0000-4000-8000-00000000000a';
const PREVIEW_JOB = '00000000-0000-4000-8000-00000000000b';
const COMMIT_JOB = '00000000-0000-4000-8000-00000000000c';
const RECHECK_JOB = '00000000-0000-4000-8000-00000000000d';

const kindRefusal =
  'Loại hình «Hợp tác xã»: Tổ hợp tác Lúa giống Vĩnh Bình đã có số liệu hằng năm hoặc quá trình hoạt động là tổ hợp tác; đổi loại hình thành hợp tác xã sẽ tính lại cả các năm trước theo loại hình mới. ' +
  'Nếu tổ chức đã chuyển đổi (chẳng hạn tổ hợp tác đăng ký thành hợp tác xã), hãy ghi sự kiện «Chuyển đổi» ở thẻ Quá trình hoạt động của tổ chức, với ngày chuyển đổi. ' +
  'Dòng này không được nhập; để cập nhật các thông tin khác của tổ chức, hãy để trống ô này.';
const otherNumber =
  'Mã số HTX 1601234502 khác mã số 9100000157 của «HTX Nông nghiệp Vĩnh An», tên gần giống, cùng ở xã Vĩnh An: hai mã số khác nhau thường là hai tổ chức khác nhau. ' +
  'Nếu là tổ chức khác, hãy chọn «Thêm mới»; nếu đúng là «HTX Nông nghiệp Vĩnh An» và mã số trong tệp mới đúng, hãy chọn «Cập nhật». Dòng này không theo lựa chọn chung cho các dòng trùng.';

function row(number: number, name: string, overrides: Partial<ImportPreviewRow> = {}): ImportPreviewRow {
  return previewRow({ row: number, values: [name, 'Hợp tác xã'], ...overrides });
}

/** A row of Xã Tân Phú, an old commune the app could not place: the person chose Xã Vĩnh An for it. */
const unplaced = (number: number, name: string, overrides: Partial<ImportPreviewRow> = {}) =>
  row(number, name, { needsPlace: true, placeProvinceCode: '91', placeKey: 'xa tan phu', ...overrides });

function previewOf(rows: ImportPreviewRow[]): ImportPreview {
  return {
    kind: 'organizations',
    fileName: 'DS HTX 2025.xlsx',
    columns: [
      { letter: 'A', header: 'Tên HTX', field: 'name' },
      { letter: 'B', header: 'Loại hình', field: 'kind' },
    ],
    counts: { rows: rows.length, valid: rows.filter((one) => one.status === 'valid').length, invalid: rows.filter((one) => one.status === 'invalid').length, matched: 2, fresh: 0, ambiguous: 0, unplaced: 2, noted: 1 },
    page: { rows, total: rows.length },
    year: null,
    valueChoices: [],
    choiceOptions: {},
    legacyFontsRead: [],
  };
}

const first = previewOf([
  row(3, 'Tổ hợp tác Lúa giống Vĩnh Bình', { match: { reason: 'registrationNo', id: 2, name: 'Tổ hợp tác Lúa giống Vĩnh Bình', place: 'Xã Vĩnh Bình', row: null }, defaultAction: 'update' }),
  unplaced(4, 'HTX NN Vĩnh An'),
  unplaced(5, 'HTX Nông nghiệp Vĩnh An'),
]);
const checkedAgain = previewOf([
  row(3, 'Tổ hợp tác Lúa giống Vĩnh Bình', { status: 'invalid', problems: [{ cell: 'B3', message: kindRefusal }], defaultAction: 'skip' }),
  unplaced(4, 'HTX NN Vĩnh An', {
    match: { reason: 'sameName', id: 1, name: 'HTX Nông nghiệp Vĩnh An', place: 'Xã Vĩnh An', row: null, doubtful: true },
    doubtful: true,
    notes: [{ cell: 'B4', message: otherNumber, heed: true }],
    defaultAction: 'skip',
  }),
  unplaced(5, 'HTX Nông nghiệp Vĩnh An', { match: { reason: 'inFile', id: null, name: 'HTX Nông nghiệp Vĩnh An', place: '', row: 4 }, defaultAction: 'skip' }),
]);

const status = (jobId: string, state: JobStatus['state'], error: JobStatus['error'] = null): JobStatus => ({ jobId, state, done: 0, total: null, phase: 'saving', error });

afterEach(() => sessionStorage.clear());

describe('a commit refused for a kind that can no longer change', { timeout: 60_000 }, () => {
  it('is checked again with the communes chosen, and the rows read as the register now has them', async () => {
    sessionStorage.setItem(
      'htx-desk.import.wizard',
      JSON.stringify({
        kind: 'organizations',
        year: 2025,
        yearChosen: false,
        values: [],
        step: 'preview',
        fileId: 'file',
        running: null,
        analysisJobId: ANALYSIS_JOB,
        mapping: { 0: 'name', 1: 'kind' },
        previewJobId: PREVIEW_JOB,
        decisions: { rows: {}, bulk: {}, places: { 'xa tan phu': '30604' } },
        commitJobId: null,
      }),
    );
    const refused =
      'Chưa ghi gì vào dữ liệu: dữ liệu đã thay đổi từ lúc kiểm tra các dòng. Dòng 3: Tổ hợp tác Lúa giống Vĩnh Bình đã có số liệu hằng năm hoặc quá trình hoạt động là tổ hợp tác; đổi loại hình thành hợp tác xã sẽ tính lại cả các năm trước theo loại hình mới. ' +
      'Nếu tổ chức đã chuyển đổi (chẳng hạn tổ hợp tác đăng ký thành hợp tác xã), hãy ghi sự kiện «Chuyển đổi» ở thẻ Quá trình hoạt động của tổ chức, với ngày chuyển đổi. ' +
      'Hãy bấm «Kiểm tra lại các dòng» (các xã, phường đã chọn và các dòng bỏ qua được giữ nguyên), xem lại các dòng rồi ghi lại.';
    const invoke = installFakeApi({
      'imports:previewResult': ({ jobId }) => ok(jobId === RECHECK_JOB ? checkedAgain : first),
      'imports:batches': () => ok({ rows: [], total: 0 }),
      'places:communes': () => ok([]),
      'imports:awaitingPlaces': () => ok({ sheet: 'DS HTX', count: 0, rows: [], othersWritten: 3 }),
      'imports:commit': () => ok({ jobId: COMMIT_JOB }),
      'imports:preview': () => ok({ jobId: RECHECK_JOB }),
      'jobs:status': ({ jobId }) => ok(jobId === COMMIT_JOB ? status(COMMIT_JOB, 'failed', { kind: 'conflict', message: refused, existingId: 2 }) : status(RECHECK_JOB, 'done')),
    });
    render(
      <AppProviders queryClient={createQueryClient()} env="test">
        <ImportPage />
      </AppProviders>,
    );

    fireEvent.click(await screen.findByRole('button', { name: 'Ghi vào dữ liệu' }));
    // The job's status is polled a few times a second: slow under load.
    expect(await screen.findByText(refused, undefined, { timeout: 20_000 })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra lại các dòng' }));
    await waitFor(() => expect(invoke.mock.calls.some(([channel]) => channel === 'imports:preview')).toBe(true));
    expect(invoke.mock.calls.find(([channel]) => channel === 'imports:preview')?.[1]).toMatchObject({ placeAnswers: [{ placeKey: 'xa tan phu', communeCode: '30604' }] });

    // Refused, in red at its kind cell, and left out: no choice to make.
    const refusal = await screen.findByText(`B3: ${kindRefusal}`, undefined, { timeout: 20_000 });
    expect(refusal.style.color).toBe('var(--mantine-color-red-text)');
    expect(screen.queryByRole('combobox', { name: 'Việc cần làm 3' })).toBeNull();
    // Placed by hand, told in amber of the other Mã số HTX there, and left to the person.
    const note = screen.getByText(`B4: ${otherNumber}`);
    expect(note.style.color).toBe('var(--mantine-color-yellow-9)');
    expect(screen.getByRole<HTMLInputElement>('combobox', { name: 'Việc cần làm 4' }).value).toBe('Bỏ qua');
    // Placed in the same commune under the same name: a repeat of row 4.
    expect(screen.getByText('Trùng dòng 4 trong tệp (HTX Nông nghiệp Vĩnh An)')).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>('combobox', { name: 'Việc cần làm 5' }).value).toBe('Bỏ qua');
  });
});
