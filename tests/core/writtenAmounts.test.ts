import { describe, expect, it } from 'vitest';
import { amountInWords, readWrittenAmount } from '../../src/shared/writtenAmounts';

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
