import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMoney, formatPercent } from '../../src/shared/format';
import { foldFilter } from '../../src/renderer/src/forms/foldFilter';
import { formatMoneyIn } from '../../src/renderer/src/pages/organization/figures/numbers';

describe('formatDate', () => {
  it('writes calendar dates as dd/mm/yyyy without shifting the day', () => {
    expect(formatDate('2025-07-01')).toBe('01/07/2025');
    expect(formatDate(new Date(2024, 11, 31, 23, 59))).toBe('31/12/2024');
  });

  it('gives nothing for missing or invalid dates', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate('')).toBe('');
    expect(formatDate('not a date')).toBe('');
  });
});

describe('formatDateTime', () => {
  it('writes a moment as dd/mm/yyyy HH:mm in the local time zone, and an unreadable one as given', () => {
    expect(formatDateTime(new Date(2026, 10, 23, 8, 5).toISOString())).toBe('23/11/2026 08:05');
    expect(formatDateTime('hôm qua')).toBe('hôm qua');
  });

  it('adds the seconds when asked', () => {
    expect(formatDateTime(new Date(2026, 11, 7, 4, 6, 9).toISOString(), { seconds: true })).toBe('07/12/2026 04:06:09');
  });
});

describe('formatMoney', () => {
  it('groups thousands with dots and puts ₫ after a no-break space', () => {
    expect(formatMoney(1234567)).toBe('1.234.567\u00a0₫');
    expect(formatMoney(0)).toBe('0\u00a0₫');
    expect(formatMoney(-25000.6)).toBe('-25.001\u00a0₫');
  });
});

describe('foldFilter', () => {
  const options = [
    { value: '82', label: 'Đồng Tháp' },
    { value: '79', label: 'Hồ Chí Minh' },
    { value: '92', label: 'Cần Thơ' },
  ];

  it('ignores case and diacritics and accepts the words in any order', () => {
    const labels = (search: string) =>
      foldFilter({ options, search, limit: Infinity }).map((option) => ('label' in option ? option.label : ''));
    expect(labels('dong thap')).toEqual(['Đồng Tháp']);
    expect(labels('MINH ho')).toEqual(['Hồ Chí Minh']);
    expect(labels('th')).toEqual(['Đồng Tháp', 'Cần Thơ']);
    expect(labels('')).toEqual(['Đồng Tháp', 'Hồ Chí Minh', 'Cần Thơ']);
  });
});

describe('formatPercent', () => {
  it('writes one decimal with a comma, and never rounds a part to the whole or to nothing', () => {
    expect(formatPercent(45.55)).toBe('45,6%');
    expect(formatPercent(100)).toBe('100%');
    expect(formatPercent(138.24)).toBe('138,2%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(99.96)).toBe('99,9%');
    expect(formatPercent(0.04)).toBe('0,1%');
  });
});

describe('formatMoneyIn', () => {
  const t = i18next.getFixedT('vi');
  it('writes a sum in the unit of its card, never a sum that is not 0 as 0', () => {
    expect(formatMoneyIn(4_612_345, 'million', t)).toBe('4,6 triệu đồng');
    expect(formatMoneyIn(107_831, 'million', t)).toBe('0,1 triệu đồng');
    expect(formatMoneyIn(40_120, 'million', t)).toBe('0,04 triệu đồng');
    expect(formatMoneyIn(-3_000, 'million', t)).toBe('-0,003 triệu đồng');
    expect(formatMoneyIn(0, 'million', t)).toBe('0 triệu đồng');
    expect(formatMoneyIn(2_500_000, 'billion', t)).toBe('0,003 tỷ đồng');
    expect(formatMoneyIn(1_880_000_000, 'billion', t)).toBe('1,88 tỷ đồng');
  });
});
