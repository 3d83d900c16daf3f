/**
 * The one number field and the one date field, typed into as a person types: what they give the
 * form, what they say, and that the text stays as typed until it is corrected.
 */
import { useState } from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppProviders, createQueryClient } from '../../src/renderer/src/AppProviders';
import { DateField } from '../../src/renderer/src/components/DateField';
import { NumberField, type NumberFieldValue } from '../../src/renderer/src/components/NumberField';
import type { NumberRules } from '../../src/shared/typed';
import { LabelledSelect } from '../../src/renderer/src/components/LabelledSelect';
import { shownOptions, typeInto } from './select';

/** A field on its own, with what it gave shown beside it as JSON. */
function NumberHarness(rules: NumberRules & { initial?: NumberFieldValue }) {
  const [value, setValue] = useState<NumberFieldValue>(rules.initial ?? null);
  return (
    <>
      <NumberField label="Số" {...rules} value={value} onChange={setValue} />
      <output aria-label="giá trị">{JSON.stringify(value)}</output>
      <button type="button" onClick={() => setValue(42)}>
        Đặt lại
      </button>
    </>
  );
}

function DateHarness({ minDate }: { minDate?: string }) {
  const [value, setValue] = useState<string | null>(null);
  return (
    <>
      <DateField label="Ngày" minDate={minDate} value={value} onChange={setValue} />
      <output aria-label="giá trị">{JSON.stringify(value)}</output>
      <button type="button" onClick={() => setValue('2025-07-01')}>
        Đặt lại
      </button>
    </>
  );
}

function renderField(field: React.ReactNode) {
  render(
    <AppProviders queryClient={createQueryClient()} env="test">
      {field}
    </AppProviders>,
  );
  return { input: screen.getByLabelText<HTMLInputElement>(/^(Số|Ngày)/), given: () => JSON.parse(screen.getByLabelText('giá trị').textContent) as unknown };
}

/** Types the whole text, as a paste or Playwright's fill does, then leaves the field. */
function typeAndLeave(input: HTMLInputElement, text: string): void {
  fireEvent.focus(input);
  fireEvent.input(input, { target: { value: text } });
  fireEvent.blur(input);
}

describe('the number field', () => {
  it('reads a quantity with a decimal comma and thousands dots, and keeps it as typed', () => {
    const { input, given } = renderField(<NumberHarness decimals={3} positive />);
    for (const [typed, value] of [
      ['1,5', 1.5],
      ['0,5', 0.5],
      ['1.250,75', 1250.75],
      ['1.250', 1250],
      ['0,125', 0.125],
    ] as const) {
      typeAndLeave(input, typed);
      expect(given()).toBe(value);
      expect(input.value).toBe(typed);
      expect(input.getAttribute('aria-invalid')).not.toBe('true');
    }
  });

  it('groups thousands once the person leaves a number it takes', () => {
    const { input, given } = renderField(<NumberHarness />);
    typeAndLeave(input, '50000000');
    expect(given()).toBe(50_000_000);
    expect(input.value).toBe('50.000.000');
  });

  it('keeps what it cannot take as typed, says why under the field, and gives the form the text', () => {
    const { input, given } = renderField(<NumberHarness />);
    const cases = [
      ['-12', 'Không được là số âm.'],
      ['−50.000.000', 'Không được là số âm.'],
      ['1,5', 'Chỉ nhận số nguyên, không có phần lẻ sau dấu phẩy.'],
      ['1.5', '«1.5»: dấu chấm chỉ dùng để ngăn cách hàng nghìn (1.250); phần lẻ ghi sau dấu phẩy (1,5).'],
      // A whole number's field says nothing of how decimals are written.
      ['14 người', '«14 người»: chỉ ghi số nguyên bằng chữ số, ví dụ 14 hoặc 1.250.'],
    ] as const;
    for (const [typed, message] of cases) {
      typeAndLeave(input, typed);
      expect(input.value).toBe(typed);
      expect(given()).toBe(typed);
      expect(input.getAttribute('aria-invalid')).toBe('true');
      expect(screen.getByText(message)).toBeTruthy();
    }
    // Corrected, the message goes and the number is given.
    typeAndLeave(input, '12');
    expect(given()).toBe(12);
    expect(input.getAttribute('aria-invalid')).not.toBe('true');
  });

  it('says how decimals are written in a field that takes them', () => {
    const { input } = renderField(<NumberHarness decimals={2} />);
    typeAndLeave(input, 'abc');
    expect(screen.getByText('«abc» không phải một số. Ghi chữ số; dấu chấm ngăn cách hàng nghìn, dấu phẩy trước phần lẻ (ví dụ 1.250,5).')).toBeTruthy();
  });

  it('says the range of a score, keeping 150 as typed', () => {
    const score = renderField(<NumberHarness max={100} />);
    typeAndLeave(score.input, '150');
    expect(score.input.value).toBe('150');
    expect(score.given()).toBe('150');
    expect(screen.getByText('Phải từ 0 đến 100.')).toBeTruthy();
  });

  it('takes a negative number where the field allows one (a loss)', () => {
    const loss = renderField(<NumberHarness min={null} />);
    typeAndLeave(loss.input, '−50.000.000');
    expect(loss.given()).toBe(-50_000_000);
    expect(loss.input.value).toBe('-50.000.000');
  });

  it('refuses a fourth decimal in a quantity, and zero where more than zero is needed', () => {
    const { input, given } = renderField(<NumberHarness decimals={3} positive />);
    typeAndLeave(input, '1,2345');
    expect(given()).toBe('1,2345');
    expect(screen.getByText('Chỉ ghi tối đa 3 chữ số sau dấu phẩy.')).toBeTruthy();
    typeAndLeave(input, '0');
    expect(screen.getByText('Phải lớn hơn 0.')).toBeTruthy();
  });

  it('waits until the person leaves before scolding a half-typed number', () => {
    const { input, given } = renderField(<NumberHarness decimals={3} />);
    fireEvent.focus(input);
    fireEvent.input(input, { target: { value: '1,' } });
    expect(given()).toBe('1,');
    expect(input.getAttribute('aria-invalid')).not.toBe('true');
    fireEvent.blur(input);
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('shows a value set from outside in place of what was typed', () => {
    const { input, given } = renderField(<NumberHarness initial={1_250_000} />);
    expect(input.value).toBe('1.250.000');
    typeAndLeave(input, '-5');
    fireEvent.click(screen.getByRole('button', { name: 'Đặt lại' }));
    expect(input.value).toBe('42');
    expect(given()).toBe(42);
  });
});

describe('the date field', () => {
  it('reads dd/mm/yyyy as typed and gives the ISO date', () => {
    const { input, given } = renderField(<DateHarness />);
    typeAndLeave(input, '29/02/2024');
    expect(given()).toBe('2024-02-29');
    typeAndLeave(input, '1/7/2025');
    expect(given()).toBe('2025-07-01');
  });

  it('keeps a day that does not exist as typed and says so', () => {
    const { input, given } = renderField(<DateHarness />);
    typeAndLeave(input, '31/02/2024');
    expect(input.value).toBe('31/02/2024');
    expect(given()).toBe('31/02/2024');
    expect(screen.getByText('Ngày 31/02/2024 không có thật: tháng 2/2024 có 29 ngày.')).toBeTruthy();
    typeAndLeave(input, '5/6/19');
    expect(screen.getByText('«5/6/19»: hãy ghi năm đủ bốn chữ số, ví dụ 05/06/2019.')).toBeTruthy();
    typeAndLeave(input, '13/13/2024');
    expect(screen.getByText('Ngày 13/13/2024 không có thật: không có tháng 13.')).toBeTruthy();
    typeAndLeave(input, '28/02/2024');
    expect(given()).toBe('2024-02-28');
    expect(input.getAttribute('aria-invalid')).not.toBe('true');
  });

  it('says a day before the first it takes, and shows a date set from outside', () => {
    const { input, given } = renderField(<DateHarness minDate="2025-03-05" />);
    typeAndLeave(input, '01/03/2025');
    expect(given()).toBe('01/03/2025');
    expect(screen.getByText('Không được trước ngày 05/03/2025.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Đặt lại' }));
    expect(screen.getByLabelText<HTMLInputElement>(/^Ngày/).value).toBe('01/07/2025');
    expect(given()).toBe('2025-07-01');
  });
});

describe('a list searched by typing', () => {
  it('ignores case and diacritics, đ as d, in any Select of the app, with no filter of its own', () => {
    render(
      <AppProviders queryClient={createQueryClient()} env="test">
        <LabelledSelect label="Nơi có hàng" searchable data={['Xã Tân Thuận', 'Xã Tân Hòa', 'Phường Đông Xuyên', 'Thành phố Hồ Chí Minh']} value={null} />
      </AppProviders>,
    );
    const box = screen.getByRole('combobox', { name: 'Nơi có hàng' });
    typeInto(box, 'tan thuan');
    expect(shownOptions()).toEqual(['Xã Tân Thuận']);
    typeInto(box, 'dong xuyen');
    expect(shownOptions()).toEqual(['Phường Đông Xuyên']);
    typeInto(box, 'ho chi minh');
    expect(shownOptions()).toEqual(['Thành phố Hồ Chí Minh']);
  });
});
