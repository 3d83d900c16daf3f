/**
 * A refused save, the one way every form takes it (src/renderer/src/forms/serverErrors.ts): the
 * backend's field issues under the inputs they name, the rest once above the buttons. Driven
 * through the programme form, whose working group names its inputs by list paths
 * (`members.0.phone`), and through a form whose inputs are named other than the contract's paths.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { describe, expect, it, vi } from 'vitest';
import { AppProviders, createQueryClient } from '../../src/renderer/src/AppProviders';
import { ApiError } from '../../src/renderer/src/api';
import { FormFooter } from '../../src/renderer/src/components/FormFooter';
import { useFormSave } from '../../src/renderer/src/forms/oneSave';
import { ProgrammeForm } from '../../src/renderer/src/pages/supply/ProgrammeForm';
import type { InputOf, ProgrammeDetail } from '../../src/shared/contract';
import type { AppError } from '../../src/shared/errors';
import { fail, installFakeApi, ok } from './fakeApi';

const programme: ProgrammeDetail = {
  id: 4,
  name: 'Kết nối cung – cầu 2026',
  decisionNo: '503/CTr-LMHTXVN',
  startsOn: '2026-01-15',
  endsOn: null,
  offers: 0,
  demands: 0,
  connections: 0,
  description: '',
  members: [{ name: 'Nguyễn Thị Lan', role: 'Tổ trưởng', position: '', phone: '0912 345 678' }],
  channelCodes: [],
  events: [],
  createdAt: '2026-01-15T08:00:00.000Z',
  updatedAt: '2026-01-15T08:00:00.000Z',
};

function renderProgrammeForm(refusal: AppError) {
  const sent: InputOf<'programmes:update'>[] = [];
  installFakeApi({
    'supply:lookups': () => ok({ productGroups: [], units: [], channels: [] }),
    'programmes:update': (input) => {
      sent.push(input);
      return fail(refusal);
    },
  });
  const onSaved = vi.fn();
  render(
    <AppProviders queryClient={createQueryClient()} env="test">
      <ProgrammeForm initial={programme} onSaved={onSaved} onCancel={() => undefined} />
    </AppProviders>,
  );
  fireEvent.click(screen.getByRole('button', { name: 'Lưu chương trình' }));
  return { sent, onSaved };
}

/** Whether the input is marked as holding what the backend refused. */
const invalid = (input: HTMLElement) => input.getAttribute('aria-invalid') === 'true';

/** The message above the buttons, or null when there is none. */
const formAlert = () => screen.queryByRole('alert');

describe('a save the backend refuses', () => {
  it('puts each field issue under its input, a list row included, and says nothing above the buttons when they say it all', async () => {
    const { sent, onSaved } = renderProgrammeForm({
      kind: 'validation',
      message: 'Đã có chương trình «Kết nối cung – cầu 2026». Điện thoại: không quá 40 ký tự.',
      issues: [
        { path: 'name', message: 'Đã có chương trình «Kết nối cung – cầu 2026».' },
        { path: 'members.0.phone', message: 'Điện thoại: không quá 40 ký tự.' },
      ],
    });

    expect(await screen.findByText('Đã có chương trình «Kết nối cung – cầu 2026».')).toBeTruthy();
    expect(invalid(screen.getByLabelText(/^Tên chương trình/))).toBe(true);
    expect(screen.getByText('Điện thoại: không quá 40 ký tự.')).toBeTruthy();
    expect(invalid(screen.getByLabelText('Điện thoại'))).toBe(true);
    expect(invalid(screen.getByLabelText('Họ tên'))).toBe(false);
    expect(formAlert()).toBeNull();
    // What was typed is kept and was sent once.
    expect(screen.getByLabelText<HTMLInputElement>(/^Tên chương trình/).value).toBe('Kết nối cung – cầu 2026');
    expect(sent).toHaveLength(1);
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('says above the buttons a refusal that names no field, and an issue at a path no input shows', async () => {
    renderProgrammeForm({
      kind: 'validation',
      message: 'Chương trình này đã chuyển vào Thùng rác. Ngày bắt đầu không sau ngày kết thúc.',
      issues: [
        { path: 'id', message: 'Chương trình này đã chuyển vào Thùng rác.' },
        { path: 'startsOn', message: 'Ngày bắt đầu không sau ngày kết thúc.' },
      ],
    });

    await waitFor(() => expect(formAlert()?.textContent).toBe('Chương trình này đã chuyển vào Thùng rác.'));
    expect(screen.getByText('Ngày bắt đầu không sau ngày kết thúc.')).toBeTruthy();
    expect(invalid(screen.getByLabelText(/^Tên chương trình/))).toBe(false);
  });

  it('says a refusal that is not about the values (the programme is gone) above the buttons, marking no field', async () => {
    renderProgrammeForm({ kind: 'notFound', message: 'Không tìm thấy chương trình #4.' });

    await waitFor(() => expect(formAlert()?.textContent).toBe('Không tìm thấy chương trình #4.'));
    expect(invalid(screen.getByLabelText(/^Tên chương trình/))).toBe(false);
    expect(invalid(screen.getByLabelText('Điện thoại'))).toBe(false);
  });
});

/** A form whose input is named `otherName` where the contract says `predecessorIds`. */
function RenamedForm({ failure }: { failure: Error }) {
  const form = useForm({ mode: 'controlled', initialValues: { otherName: 'HTX Mỹ Hiệp', note: '' } });
  const { submit, saving, formError } = useFormSave({
    form,
    save: () => Promise.reject(failure),
    onSaved: () => undefined,
    fieldPaths: () => (path) => (path === 'predecessorIds' ? 'otherName' : null),
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label="Tổ chức sáp nhập" {...form.getInputProps('otherName')} />
        <TextInput label="Ghi chú" {...form.getInputProps('note')} />
        <FormFooter error={formError} submitLabel="Lưu" saving={saving} onCancel={() => undefined} />
      </Stack>
    </form>
  );
}

function renderRenamed(failure: Error) {
  render(
    <AppProviders queryClient={createQueryClient()} env="test">
      <RenamedForm failure={failure} />
    </AppProviders>,
  );
  fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
}

describe('a form that names its inputs other than the contract', () => {
  it('puts an issue under the input its path shows at, and one at no input above the buttons', async () => {
    renderRenamed(
      new ApiError({
        kind: 'validation',
        message: '…',
        issues: [
          { path: 'predecessorIds', message: 'Chọn ít nhất một tổ chức khác.' },
          { path: 'note', message: 'Ghi chú quá dài.' },
        ],
      }),
    );

    expect(await screen.findByText('Chọn ít nhất một tổ chức khác.')).toBeTruthy();
    expect(invalid(screen.getByLabelText('Tổ chức sáp nhập'))).toBe(true);
    // `note` is one of the values, but this form said where issues go: only `predecessorIds` has a place.
    expect(formAlert()?.textContent).toBe('Ghi chú quá dài.');
    expect(invalid(screen.getByLabelText('Ghi chú'))).toBe(false);
  });

  it('says what the backend could not be asked, in Vietnamese, above the buttons', async () => {
    renderRenamed(new TypeError('Failed to fetch'));

    await waitFor(() => expect(formAlert()?.textContent).toBe('Đã có lỗi ngoài dự kiến. Hãy thử lại.'));
  });
});
