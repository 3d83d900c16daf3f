import { describe, expect, it } from 'vitest';
import { amountInWords, figureAmountWords, readFigureAmount, readWrittenAmount } from '../../src/shared/writtenAmounts';

describe('an amount written with its multiples', () => {
  it.each([
    ['1,5 tỷ', 1_500_000_000],
    ['2 tỷ 500 triệu', 2_500_000_000],
    // A loss, as a profit is written: the field says whether it takes one.
    ['-200 triệu', -200_000_000],
    ['− 1,5 tỷ đồng', -1_500_000_000],
    ['âm 200 triệu', -200_000_000],
    ['Âm 2 tỷ 500 triệu', -2_500_000_000],
    ['-0 triệu', 0],
  ])('reads %s', (text, amount) => {
    expect(amountInWords(text)).toBe(amount);
  });

  it.each(['--200 triệu', 'âm', '-', 'âm200 triệu', '200 triệu -', 'lỗ -200 triệu'])('refuses %s', (text) => {
    expect(amountInWords(text)).toBeNull();
  });

  it('reads a bare negative as before', () => {
    expect(readWrittenAmount('-200.000.000')).toBe(-200_000_000);
    expect(readWrittenAmount('(50.000.000)')).toBe(-50_000_000);
  });
});

describe('a figure’s amount with the words of its own field', () => {
  it.each([
    ['lỗ 50 triệu', { lossWord: true }, -50_000_000],
    ['Lỗ: 1,5 tỷ', { lossWord: true }, -1_500_000_000],
    ['lo 200.000.000', { lossWord: true }, -200_000_000],
    ['3,8 tr/tháng', { perMonth: true }, 3_800_000],
    ['4.500.000 đ/người/tháng', { perMonth: true }, 4_500_000],
    ['45 triệu/năm', { perMonth: true }, 3_750_000],
    ['50 triệu/người/năm', { perMonth: true }, 4_166_667],
    ['1,5 tỷ', {}, 1_500_000_000],
  ] as const)('reads %s', (text, words, amount) => {
    expect(readFigureAmount(text, words)).toBe(amount);
  });

  it('takes no word its field does not: a revenue is no loss, a sum of the year no month', () => {
    expect(readFigureAmount('lỗ 50 triệu', figureAmountWords.revenue)).toBeNull();
    expect(readFigureAmount('3,8 tr/tháng', figureAmountWords.profit)).toBeNull();
    expect(readFigureAmount('lỗ 50 triệu', figureAmountWords.profit)).toBe(-50_000_000);
    expect(readFigureAmount('3,8 tr/tháng', figureAmountWords.averageIncome)).toBe(3_800_000);
  });
});
