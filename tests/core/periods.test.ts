/** Periods written in one cell of a supply or demand list, read into their first and last day; the years a list's title names together. */
import { describe, expect, it } from 'vitest';
import { readPeriod, yearsOfTitle } from '../../src/core/excel/import/periods';

describe('a period in one cell', () => {
  it.each([
    ['15/3/2025', { from: '2025-03-15', until: null }],
    ['ngày 05 tháng 7 năm 2025', { from: '2025-07-05', until: null }],
    [45_366, { from: '2024-03-15', until: null }],
    ['01/05/2025 - 30/09/2025', { from: '2025-05-01', until: '2025-09-30' }],
    ['01/05/2025–30/09/2025', { from: '2025-05-01', until: '2025-09-30' }],
    ['01/05/2025 -30/09/2025', { from: '2025-05-01', until: '2025-09-30' }],
    ['01-05-2025 - 30-09-2025', { from: '2025-05-01', until: '2025-09-30' }],
    ['từ 01/05/2025 đến 30/09/2025', { from: '2025-05-01', until: '2025-09-30' }],
  ])('reads «%s» as written, with nothing to say', (written, read) => {
    expect(readPeriod(written)).toEqual(read);
  });

  it.each([
    ['Tháng 3-5/2025', '2025-03-01', '2025-05-31'],
    ['T3-T5/2025', '2025-03-01', '2025-05-31'],
    ['Từ tháng 3 đến tháng 5 năm 2025', '2025-03-01', '2025-05-31'],
    ['tháng 2/2024', '2024-02-01', '2024-02-29'],
    ['6/2025', '2025-06-01', '2025-06-30'],
    ['15/3 - 30/4/2025', '2025-03-15', '2025-04-30'],
    ['Quý IV/2025', '2025-10-01', '2025-12-31'],
    ['quý 1 năm 2025', '2025-01-01', '2025-03-31'],
    ['Năm 2025', '2025-01-01', '2025-12-31'],
    [2025, '2025-01-01', '2025-12-31'],
  ])('reads «%s» as its days, and says so', (written, from, until) => {
    const read = readPeriod(written);
    expect(read).toMatchObject({ from, until });
    expect(read && 'note' in read && read.note).toMatch(/ghi nhận là từ \d{2}\/\d{2}\/\d{4} đến \d{2}\/\d{2}\/\d{4}$/);
  });

  it('reads «Quanh năm» as the time of the programme the list goes into', () => {
    const programme = { said: 'thời gian của chương trình «Kết nối cung – cầu năm 2026»', from: '2026-01-01', until: '2026-12-31' };
    expect(readPeriod('Quanh năm', programme)).toEqual({
      from: '2026-01-01',
      until: '2026-12-31',
      note: '«Quanh năm» ghi nhận là thời gian của chương trình «Kết nối cung – cầu năm 2026»: từ 01/01/2026 đến 31/12/2026',
    });
    expect(readPeriod('Quanh năm')).toEqual({
      error: '«Quanh năm» không nói năm nào; hãy ghi năm («năm 2025») hoặc khoảng ngày («01/01/2025 – 31/12/2025»), hoặc chọn chương trình cho cả tệp.',
    });
  });

  it('refuses, saying why, what names no days', () => {
    expect(readPeriod('31/02/2025')).toEqual({ error: 'Ngày «31/02/2025» không có thật: tháng 2/2025 không có ngày 31.' });
    const why = (written: string) => {
      const read = readPeriod(written);
      return read && 'error' in read ? read.error : null;
    };
    expect(why('tháng 13/2025')).toContain('không đọc được thành thời gian');
    expect(why('Cả năm')).toContain('không nói năm nào');
    expect(why('01/05/2025 - 30/09/2025 - 31/12/2025')).toContain('không đọc được thành thời gian');
    expect(readPeriod('01/10/2025 - 30/09/2025')).toEqual({ error: '«01/10/2025 - 30/09/2025» kết thúc (30/09/2025) trước khi bắt đầu (01/10/2025).' });
    expect(readPeriod(null)).toBeNull();
    expect(readPeriod('  ')).toBeNull();
  });
});

describe('the years a list’s title names together', () => {
  it.each([
    [['Số liệu năm 2024–2025'], 2024, { first: 2024, last: 2025 }],
    [['DANH SÁCH HTX GIAI ĐOẠN 2021 - 2025'], null, { first: 2021, last: 2025 }],
    [['Năm 2023, 2024, 2025'], 2023, { first: 2023, last: 2025 }],
    [['TỪ NĂM 2021 ĐẾN NĂM 2025'], 2025, { first: 2021, last: 2025 }],
    [['Báo cáo HTX năm 2024 và năm 2025'], 2025, { first: 2024, last: 2025 }],
  ])('reads %j as several years, whichever of them was read first', (texts, named, years) => {
    expect(yearsOfTitle(texts, named)).toEqual(years);
  });

  it.each([
    [['DANH SÁCH HTX NĂM 2024'], 2024],
    // A date's year is no year of a span; nor is a span another year is said beside.
    [['Số liệu đến 31/12/2024 - 2025'], 2024],
    [['DANH SÁCH HTX NĂM 2024 (thực hiện Kế hoạch 2021-2025)'], 2024],
    [['An Giang, ngày 20 tháng 01 năm 2025', 'DANH SÁCH HỢP TÁC XÃ NĂM 2024'], 2024],
    [['Năm 2025 - 2024'], 2025],
  ])('leaves %j to the one year read', (texts, named) => {
    expect(yearsOfTitle(texts, named)).toBeNull();
  });
});
