/** What a person types into a number, date or phone field, read as Vietnamese write it. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkNumber, isIsoDate, isPhoneText, readTypedDate, readTypedNumber } from '../../src/shared/typed';

function valueOf(typed: string): number | string {
  const reading = readTypedNumber(typed);
  if (reading.kind === 'number') return reading.value;
  return reading.kind === 'problem' ? reading.problem.code : 'empty';
}

describe('a typed number', () => {
  it('has dots between thousands and a comma before the decimals', () => {
    expect(['1,5', '0,5', '1.250,75', '12.345.678', '1 250 000', ',5', '007', '+3'].map(valueOf)).toEqual([1.5, 0.5, 1250.75, 12_345_678, 1_250_000, 0.5, 7, 3]);
  });

  it('reads the ambiguous 1.250 as one thousand two hundred fifty, and 1,250 as one and a quarter', () => {
    expect(valueOf('1.250')).toBe(1250);
    expect(valueOf('1,250')).toBe(1.25);
  });

  it('keeps its sign, written with a hyphen or a minus sign', () => {
    expect(['-12', '−50.000.000', '- 3', '-0'].map(valueOf)).toEqual([-12, -50_000_000, -3, 0]);
  });

  it('questions a dot that does not group thousands, and what is not a number', () => {
    expect(['1.5', '1.25', '12.34.567', '1.250,5.3'].map(valueOf)).toEqual(['dotGrouping', 'dotGrouping', 'dotGrouping', 'dotGrouping']);
    expect(['abc', '1,2,3', '5,', '12 tấn', '1e5', '.'].map(valueOf)).toEqual(['notNumber', 'notNumber', 'notNumber', 'notNumber', 'notNumber', 'notNumber']);
    expect(valueOf('99.999.999.999.999.999')).toBe('tooLarge');
    expect(valueOf('   ')).toBe('empty');
  });

  it('gives its decimals as typed and the text with its thousands grouped', () => {
    expect(readTypedNumber('1250,50')).toEqual({ kind: 'number', value: 1250.5, decimals: 2, text: '1.250,50' });
  });
});

describe('what a number field takes', () => {
  it('says why a number is refused, most telling reason first', () => {
    expect(checkNumber(1.5, 1)).toEqual({ code: 'notInteger' });
    expect(checkNumber(1.2345, 4, { decimals: 3 })).toEqual({ code: 'tooManyDecimals', decimals: 3 });
    expect(checkNumber(-12, 0)).toEqual({ code: 'negative' });
    expect(checkNumber(0, 0, { positive: true, decimals: 3 })).toEqual({ code: 'notPositive' });
    expect(checkNumber(150, 0, { max: 100 })).toEqual({ code: 'outOfRange', min: 0, max: 100 });
    expect(checkNumber(-5, 0, { max: 100 })).toEqual({ code: 'outOfRange', min: 0, max: 100 });
    expect(checkNumber(1999, 0, { min: 2000 })).toEqual({ code: 'belowMin', min: 2000 });
    expect(checkNumber(500, 0, { min: null, max: 365 })).toEqual({ code: 'aboveMax', max: 365 });
  });

  it('takes a loss where negatives are allowed, and a quantity with three decimals', () => {
    expect(checkNumber(-50_000_000, 0, { min: null })).toBeNull();
    expect(checkNumber(0.125, 3, { decimals: 3, positive: true })).toBeNull();
    expect(checkNumber(86, 0, { max: 100 })).toBeNull();
  });
});

describe('a typed date', () => {
  it('is dd/mm/yyyy with slashes, dots or hyphens, and gives the ISO day', () => {
    expect(['1/7/2025', '01.07.2025', '01-07-2025', '29/02/2024'].map(readTypedDate)).toEqual([
      { kind: 'date', iso: '2025-07-01' },
      { kind: 'date', iso: '2025-07-01' },
      { kind: 'date', iso: '2025-07-01' },
      { kind: 'date', iso: '2024-02-29' },
    ]);
  });

  it('says what is wrong with a day that does not exist', () => {
    expect(readTypedDate('31/02/2024')).toEqual({ kind: 'problem', problem: { code: 'noDay', day: 31, month: 2, year: 2024, lastDay: 29 } });
    expect(readTypedDate('29/02/2023')).toEqual({ kind: 'problem', problem: { code: 'noDay', day: 29, month: 2, year: 2023, lastDay: 28 } });
    expect(readTypedDate('13/13/2024')).toEqual({ kind: 'problem', problem: { code: 'noMonth', month: 13 } });
    expect(readTypedDate('5/6/19')).toEqual({ kind: 'problem', problem: { code: 'shortYear' } });
    expect(readTypedDate('năm 2019')).toEqual({ kind: 'problem', problem: { code: 'format' } });
    expect(readTypedDate('')).toEqual({ kind: 'empty' });
  });
});

describe('an ISO day as the contract carries it', () => {
  it('is a real calendar day written YYYY-MM-DD', () => {
    expect(['2024-02-29', '2000-02-29', '2025-12-31', '2025-04-30', '1900-02-28'].map(isIsoDate)).toEqual([true, true, true, true, true]);
    expect(['2023-02-29', '1900-02-29', '2100-02-29', '2025-04-31', '2025-13-01', '2025-00-10', '2025-01-00'].filter(isIsoDate)).toEqual([]);
    // Only that form: no other separators, widths, digits or trailing text.
    expect(['2025/01/01', '25-01-01', '2025-1-01', '2025-01-011', ' 2025-01-01', '2025-01-0a', '２０２５-01-01', ''].filter(isIsoDate)).toEqual([]);
  });

  it('agrees with the calendar on every day of four centuries', () => {
    const day = new Date(Date.UTC(1900, 0, 1));
    const asked: string[] = [];
    while (day.getUTCFullYear() < 2300) {
      asked.push(day.toISOString().slice(0, 10));
      day.setUTCDate(day.getUTCDate() + 1);
    }
    expect(asked.filter((iso) => !isIsoDate(iso))).toEqual([]);
    // Every 29th to 31st that the calendar skips, of every month of those years, is refused.
    const skipped: string[] = [];
    for (let year = 1900; year < 2300; year++) {
      for (let month = 1; month <= 12; month++) {
        const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
        for (let dayOf = last + 1; dayOf <= 31; dayOf++) skipped.push(`${year}-${String(month).padStart(2, '0')}-${String(dayOf)}`);
      }
    }
    expect(skipped.length).toBeGreaterThan(2000);
    expect(skipped.filter(isIsoDate)).toEqual([]);
  });
});

describe('a phone field', () => {
  it('takes numbers as Vietnamese offices write them', () => {
    const written = [
      '0296 3841 234',
      '0913.123.456',
      '0913-123-456',
      '+84 913 123 456',
      '(+84) 296 3841 234',
      '(0296) 3841 234',
      '0296 3841 234 máy lẻ 12',
      '0296 3841 234 (ext. 5)',
      '0296 3841 234; 0913 123 456',
      '0296 3841 234 / 0913 123 456',
      // Two numbers on two lines of one cell (a line break becomes a space), or with a spaced hyphen between.
      '0296 3841 234 0913 123 456',
      '0296 3841 234\n0913 123 456',
      '0296.3841.234 - 0913.123.456',
      '0913 123 456 - 1900 1234 máy lẻ 2',
      '1900 1234',
      '913123456',
      '',
    ];
    expect(written.filter((phone) => !isPhoneText(phone))).toEqual([]);
  });

  it('refuses letters, names and numbers too short or too long to dial', () => {
    const wrong = ['abc', '0913 123', '0913 123 456 anh Tâm', '++84 913 123 456', '0913 123 456 789 012', '0296 3841 234 5678', '0913 123 456 - 123 456', 'không có'];
    expect(wrong.filter((phone) => isPhoneText(phone))).toEqual([]);
  });

  it('reads a field of digits and signs alone as the full rule does, without looking for separators and extensions', () => {
    // The rule as written before the short way: every text split and stripped of its extension.
    const extension = /\s*\(?(?:máy lẻ|may le|ml|nhánh|nhanh|số lẻ|ext|x|#)\.?:?\s*\d{1,6}\)?$/iu;
    const numberSeparator = /\s*[;,/]\s*|\s+(?:hoặc|hoac|or)\s+/iu;
    const isNumber = (number: string) => {
      if (!/^\(?\+?[\d\s.()-]+$/.test(number) || !/^\(?\+?\d/.test(number)) return false;
      const digits = number.replace(/\D/g, '').length;
      return digits >= 8 && digits <= 13;
    };
    // Numbers one after another: the groups cut, every way, where a group begins a number.
    const inARow = (groups: string[]): boolean =>
      groups.length === 0 ||
      groups.some((_, at) => isNumber(groups.slice(0, at + 1).join(' ')) && (at + 1 === groups.length || /^(?:\(?0|\(?\+|1[89]00)/.test(groups[at + 1] ?? '')) && inARow(groups.slice(at + 1)));
    const fully = (value: string) => {
      const text = value.normalize('NFC').trim();
      if (text === '') return true;
      return text.split(numberSeparator).every((one) => {
        const number = one.replace(extension, '');
        const groups = number.split(/\s+/).filter((group) => group !== '' && group !== '-');
        return isNumber(number) || (groups.length > 1 && inARow(groups));
      });
    };
    const sign = fc.constantFrom('0', '1', '2', '8', '9', ' ', '.', '-', '(', ')', '+', '\t', ';', ',', '/', '#', 'x', 'ml', ' hoặc ', 'máy lẻ ', 'ext.', 'a');
    fc.assert(
      fc.property(fc.array(sign, { maxLength: 30 }), (signs) => {
        const text = signs.join('');
        expect(isPhoneText(text)).toBe(fully(text));
      }),
      { seed: 20261204, numRuns: 20000 },
    );
  });
});
