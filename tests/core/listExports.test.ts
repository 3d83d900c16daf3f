/**
 * Xuất Excel of the lists of Đối tác, Sự kiện and Thỏa thuận: each exported with a search, a filter
 * and an order, read back with exceljs, must hold the list's own rows in the list's order, and only
 * the columns asked for, in their order, with real numbers, dates and percentages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import type { InputOf } from '../../src/shared/contract';
import type { Page } from '../../src/shared/domain';
import { AN_GIANG, call, callFailing, openTestApp, XA_VINH_AN } from './support';
import { csvRow, exportList, readWithLibreOffice, readWorkbook, rowNumberOf, rowTexts, skipLibreOffice } from './reportsSupport';

type TestApp = ReturnType<typeof openTestApp>;
let app: TestApp;
const HA_NOI = '01';
const HO_CHI_MINH = '79';
const partnerIds: number[] = [];

/**
 * Enough partners that the export reads more than one page of the list (500 rows), a few dozen
 * events, some online and some with participants, and agreements in several states.
 */
beforeAll(async () => {
  app = openTestApp();
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG, chairName: 'Nguyễn Văn Bình' });
  const organizations = [
    (await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Bình', communeCode: XA_VINH_AN })).id,
    (await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Xoài Mỹ Xương', communeCode: XA_VINH_AN })).id,
  ];
  const provinces = [AN_GIANG, HA_NOI, HO_CHI_MINH];
  for (let index = 0; index < 900; index += 1) {
    const partner = await call(app, 'partners:create', {
      kind: index % 6 === 0 ? 'wholesale_market' : 'enterprise',
      businessLine: index % 6 === 0 ? null : index % 2 === 0 ? 'distribution' : 'export',
      name: index % 5 === 0 ? `Công ty Vận tải số ${index}` : `Công ty Nông sản số ${index}`,
      shortName: index % 7 === 0 ? `NS${index}` : '',
      provinceCode: provinces[index % provinces.length] ?? AN_GIANG,
      contactName: `Ông Trần Văn ${index}`,
      phone: `0909 ${String(index).padStart(6, '0')}`,
      buys: index % 3 === 0 ? 'Gạo thơm, xoài cát' : '',
    });
    partnerIds.push(partner.id);
  }

  for (let index = 0; index < 30; index += 1) {
    const online = index % 5 === 0;
    const startsOn = `${2025 + (index % 2)}-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 27) + 1).padStart(2, '0')}`;
    const event = await call(app, 'events:create', {
      kind: online ? 'online_meeting' : index % 2 === 0 ? 'fair' : 'supply_demand_conference',
      title: index % 3 === 0 ? `Tọa đàm chuyển đổi số ${index}` : `Hội nghị kết nối nông sản ${index}`,
      startsOn,
      endsOn: index % 4 === 0 ? null : startsOn.replace(/-(\d{2})$/, (_, day: string) => `-${String(Number(day) + 1).padStart(2, '0')}`),
      venue: online ? '' : `Trung tâm Hội nghị ${index}`,
      provinceCode: online ? null : (provinces[index % provinces.length] ?? AN_GIANG),
    });
    if (index % 4 === 1) {
      await call(app, 'events:addParticipants', {
        eventId: event.id,
        participants: [
          { kind: 'organization', id: organizations[0] as number },
          { kind: 'organization', id: organizations[1] as number },
          { kind: 'partner', id: partnerIds[index] as number },
        ],
      });
      const detail = await call(app, 'events:get', { id: event.id });
      await call(app, 'events:markAttendance', { eventId: event.id, attendedIds: detail.participants.slice(0, 2).map((participant) => participant.id) });
    }
  }

  for (let index = 0; index < 24; index += 1) {
    const signed = index % 6 !== 5;
    const created = await call(app, 'agreements:create', {
      kind: index % 3 === 0 ? 'mou' : 'sales_contract',
      number: `${index + 1}/2026/HĐ`,
      title: index % 2 === 0 ? `Hợp đồng tiêu thụ lúa gạo ${index}` : `Hợp đồng tiêu thụ xoài ${index}`,
      draft: !signed,
      signedOn: signed ? `2026-${String((index % 10) + 1).padStart(2, '0')}-10` : null,
      validUntil: index % 4 === 0 ? '2026-10-31' : null,
      parties: [
        { kind: 'organization', id: organizations[index % 2], role: 'seller' },
        { kind: 'partner', id: partnerIds[index], role: 'buyer' },
        ...(index % 3 === 0 ? [{ kind: 'alliance' as const, role: 'witness' as const }] : []),
      ],
      commitments:
        index % 8 === 7
          ? []
          : [
              { product: 'Lúa OM5451', quantity: 100, unit: 'tấn', value: 800_000_000 + index * 1_000_000, dueOn: '2026-12-31' },
              { product: 'Xoài cát', quantity: 2000, unit: 'kg', value: index % 2 === 0 ? null : 60_000_000, dueOn: '2026-12-31' },
            ],
    });
    if (signed && index % 3 === 1) {
      const detail = await call(app, 'agreements:get', { id: created.id });
      const first = detail.commitments[0];
      if (first) await call(app, 'agreements:addDelivery', { commitmentId: first.id, deliveredOn: '2026-11-01', quantity: 40 + index, value: null });
    }
  }
}, 120_000);
afterAll(() => app.close());

/** Every page of a list as the screen would show it. */
async function listed<Item>(read: (page: number) => Promise<Page<Item>>): Promise<Item[]> {
  const rows: Item[] = [];
  for (let page = 1; ; page += 1) {
    const result = await read(page);
    rows.push(...result.rows);
    if (result.rows.length < 500) return rows;
  }
}

/** The sheet of an export, where its header begins and where its rows begin. */
async function exported(input: InputOf<'reports:exportList'>, headerRows = 1) {
  const { path, fileName } = await exportList(app, input);
  const sheet = (await readWorkbook(path)).worksheets[0] as ExcelJS.Worksheet;
  const header = rowNumberOf(sheet, 'STT');
  return { path, fileName, sheet, header, first: header + headerRows };
}

/** A column's values over the rows of the table. */
function columnValues(sheet: ExcelJS.Worksheet, first: number, count: number, column: number): ExcelJS.CellValue[] {
  return Array.from({ length: count }, (_, index) => sheet.getRow(first + index).getCell(column).value);
}

function isoOf(value: ExcelJS.CellValue): string | null {
  return value instanceof Date ? value.toISOString().slice(0, 10) : null;
}

describe('exporting the list of Đối tác as it is shown', () => {
  const input = { search: 'nong san', kind: 'enterprise', sort: { by: 'province', direction: 'desc' } } satisfies InputOf<'partners:list'>;

  it('writes every page of the list in its order, with the columns on screen and what each shows', async () => {
    const expected = await listed((page) => call(app, 'partners:list', { ...input, page, pageSize: 500 }));
    // More than one page of the export's reading.
    expect(expected.length).toBeGreaterThan(500);
    expect(new Set(expected.map((partner) => partner.provinceName)).size).toBe(3);
    const { fileName, sheet, header, first } = await exported({ list: 'partners', input, columns: ['name', 'kind', 'province', 'contact', 'phone', 'buys'] });
    expect(fileName).toBe('Danh-sach-doi-tac-2026-11-23.xlsx');
    expect(sheet.getCell('A1').text).toBe('LIÊN MINH HỢP TÁC XÃ TỈNH AN GIANG');
    expect(rowTexts(sheet, 4)[0]).toBe('DANH SÁCH ĐỐI TÁC');
    expect(rowTexts(sheet, 5)[0]).toBe('Tính đến ngày 23/11/2026');
    expect(rowTexts(sheet, header)).toEqual([
      'STT',
      'Tên đối tác',
      'Tên viết tắt',
      'Loại đối tác',
      'Ngành kinh doanh',
      'Tỉnh, thành phố',
      'Người liên hệ',
      'Điện thoại',
      'Mặt hàng cần mua',
    ]);
    expect(columnValues(sheet, first, expected.length, 1)).toEqual(expected.map((_, index) => index + 1));
    expect(columnValues(sheet, first, expected.length, 2)).toEqual(expected.map((partner) => partner.name));
    expect(columnValues(sheet, first, expected.length, 6)).toEqual(expected.map((partner) => partner.provinceName));
    expect(columnValues(sheet, first, expected.length, 3)).toEqual(expected.map((partner) => partner.shortName || null));
    expect(columnValues(sheet, first, expected.length, 4)).toEqual(expected.map(() => 'Doanh nghiệp'));
    expect(columnValues(sheet, first, expected.length, 5)).toEqual(expected.map((partner) => (partner.businessLine === 'export' ? 'Xuất khẩu' : 'Phân phối')));
    expect(columnValues(sheet, first, expected.length, 9)).toEqual(expected.map((partner) => partner.buys || null));
    const totals = sheet.getRow(first + expected.length);
    expect(totals.getCell(1).value).toBe('Cộng');
    expect(totals.getCell(2).value).toBe(`${expected.length.toLocaleString('vi-VN')} đối tác`);
    const texts = Array.from({ length: sheet.rowCount }, (_, index) => rowTexts(sheet, index + 1)).flat();
    expect(texts).toContain('An Giang, ngày 23 tháng 11 năm 2026');
    expect(texts).toContain('Nguyễn Văn Bình');
  }, 60_000);

  it('writes only the columns asked for, in their order, and always the name', async () => {
    const expected = await listed((page) => call(app, 'partners:list', { ...input, page, pageSize: 500 }));
    const { sheet, header, first } = await exported({ list: 'partners', input, columns: ['phone', 'province'] });
    expect(rowTexts(sheet, header)).toEqual(['STT', 'Tên đối tác', 'Tên viết tắt', 'Điện thoại', 'Tỉnh, thành phố']);
    expect(columnValues(sheet, first, expected.length, 4)).toEqual(expected.map((partner) => partner.phone));
    const reordered = await exported({ list: 'partners', input, columns: ['phone', 'name'] });
    expect(rowTexts(reordered.sheet, reordered.header)).toEqual(['STT', 'Điện thoại', 'Tên đối tác', 'Tên viết tắt']);
  }, 60_000);

  it('refuses a column of another list', async () => {
    const error = await callFailing(app, 'reports:exportList', { list: 'partners', input: {}, columns: ['registrationNo'] });
    expect(error.kind).toBe('validation');
  });
});

describe('exporting the list of Sự kiện as it is shown', () => {
  const input = { search: 'hoi nghi', year: 2026, sort: { by: 'title', direction: 'asc' } } satisfies InputOf<'events:list'>;

  it('writes the list’s events in its order: dates as dates, the place, the counts of who takes part', async () => {
    const expected = await listed((page) => call(app, 'events:list', { ...input, page, pageSize: 500 }));
    expect(expected.length).toBeGreaterThan(5);
    expect(expected.some((event) => event.provinceCode === null)).toBe(true);
    expect(expected.some((event) => event.attendedCount > 0)).toBe(true);
    const { fileName, sheet, header, first } = await exported({ list: 'events', input, columns: ['dates', 'title', 'kind', 'place', 'participants'] }, 2);
    expect(fileName).toBe('Danh-sach-su-kien-2026-11-23.xlsx');
    expect(rowTexts(sheet, header)).toEqual(['STT', 'Thời gian', '', 'Tên sự kiện', 'Địa điểm', 'Loại', 'Nơi tổ chức', 'Thành phần', '', '']);
    expect(rowTexts(sheet, header + 1)).toEqual(['', 'Từ ngày', 'Đến ngày', '', '', '', '', 'Thành viên', 'Đối tác', 'Có mặt']);
    expect(sheet.pageSetup.printTitlesRow).toBe(`${header}:${header + 1}`);
    expect(columnValues(sheet, first, expected.length, 4)).toEqual(expected.map((event) => event.title));
    expect(columnValues(sheet, first, expected.length, 2).map(isoOf)).toEqual(expected.map((event) => event.startsOn));
    expect(columnValues(sheet, first, expected.length, 3).map(isoOf)).toEqual(expected.map((event) => event.endsOn));
    expect(sheet.getRow(first).getCell(2).numFmt).toBe('dd/mm/yyyy');
    expect(columnValues(sheet, first, expected.length, 5)).toEqual(expected.map((event) => event.venue || null));
    // The kind by the name the office's list gives it.
    const kindNames = new Map((await call(app, 'events:lookups', undefined)).kinds.map((row) => [row.code, row.name]));
    expect(columnValues(sheet, first, expected.length, 6)).toEqual(expected.map((event) => kindNames.get(event.kind)));
    expect(columnValues(sheet, first, expected.length, 6)).toContain('Hội nghị kết nối cung – cầu');
    expect(columnValues(sheet, first, expected.length, 7)).toEqual(expected.map((event) => (event.provinceCode === null ? 'Trực tuyến' : event.provinceName)));
    expect(columnValues(sheet, first, expected.length, 8)).toEqual(expected.map((event) => event.organizationCount));
    expect(columnValues(sheet, first, expected.length, 9)).toEqual(expected.map((event) => event.partnerCount));
    expect(columnValues(sheet, first, expected.length, 10)).toEqual(expected.map((event) => event.attendedCount));
    expect(sheet.getRow(first + expected.length).getCell(4).value).toBe(`${expected.length} sự kiện`);
    // The Cộng row adds up who takes part, as turns (one at two events counts at each).
    const sum = (count: (event: (typeof expected)[number]) => number) => expected.reduce((total, event) => total + count(event), 0);
    expect([8, 9, 10].map((column) => sheet.getRow(first + expected.length).getCell(column).value)).toEqual([
      sum((event) => event.organizationCount),
      sum((event) => event.partnerCount),
      sum((event) => event.attendedCount),
    ]);
  }, 60_000);
});

describe('exporting the list of Thỏa thuận as it is shown', () => {
  const input = { search: 'lua gao', kind: 'sales_contract', statuses: ['signed', 'in_progress', 'expired'] } satisfies InputOf<'agreements:list'>;

  it('writes the list’s agreements in its order: money as numbers, fulfilment as a percentage, the parties as text', async () => {
    const expected = await listed((page) => call(app, 'agreements:list', { ...input, page, pageSize: 500 }));
    expect(expected.length).toBeGreaterThan(3);
    expect(new Set(expected.map((agreement) => agreement.status)).size).toBeGreaterThan(1);
    expect(expected.some((agreement) => (agreement.fulfilment ?? 0) > 0)).toBe(true);
    const columns = ['number', 'title', 'kind', 'signedOn', 'parties', 'value', 'fulfilment', 'status'] as const;
    const { path, fileName, sheet, header, first } = await exported({ list: 'agreements', input, columns: [...columns] });
    expect(fileName).toBe('Danh-sach-thoa-thuan-2026-11-23.xlsx');
    expect(rowTexts(sheet, header)).toEqual(['STT', 'Số', 'Tên thỏa thuận', 'Loại', 'Ngày ký', 'Các bên', 'Giá trị (đồng)', 'Tỷ lệ thực hiện', 'Trạng thái']);
    expect(columnValues(sheet, first, expected.length, 2)).toEqual(expected.map((agreement) => agreement.number));
    expect(columnValues(sheet, first, expected.length, 3)).toEqual(expected.map((agreement) => agreement.title));
    expect(columnValues(sheet, first, expected.length, 4)).toEqual(expected.map(() => 'Hợp đồng liên kết tiêu thụ'));
    expect(columnValues(sheet, first, expected.length, 5).map(isoOf)).toEqual(expected.map((agreement) => agreement.signedOn));
    expect(columnValues(sheet, first, expected.length, 6)).toEqual(expected.map((agreement) => agreement.parties.map((party) => party.name).join('; ')));
    expect(columnValues(sheet, first, expected.length, 7)).toEqual(expected.map((agreement) => agreement.totalValue));
    expect(columnValues(sheet, first, expected.length, 8)).toEqual(expected.map((agreement) => agreement.fulfilment));
    const statusWords = { signed: 'Đã ký', in_progress: 'Đang thực hiện', expired: 'Hết hiệu lực' } as Record<string, string>;
    expect(columnValues(sheet, first, expected.length, 9)).toEqual(expected.map((agreement) => statusWords[agreement.status]));
    expect(sheet.getRow(first).getCell(7).numFmt).toBe('[$-42A]#,##0');
    expect(sheet.getRow(first).getCell(8).numFmt).toBe('[$-42A]0.0"%"');
    const totals = sheet.getRow(first + expected.length);
    expect(totals.getCell(3).value).toBe(`${expected.length} thỏa thuận`);
    expect(totals.getCell(7).value).toBe(expected.reduce((sum, agreement) => sum + (agreement.totalValue ?? 0), 0));

    if (skipLibreOffice) return;
    // An independent reader: LibreOffice reads the same rows, dates and numbers.
    const office = await readWithLibreOffice(path);
    const rows = office.sheets.values().next().value;
    const last = expected.at(-1);
    const lastRow = csvRow(rows, String(expected.length));
    expect(lastRow[2]).toBe(last?.title);
    expect(lastRow[6]).toBe(String(last?.totalValue ?? ''));
    const firstRow = csvRow(rows, '1');
    expect(firstRow[1]).toBe(expected[0]?.number);
    expect(firstRow[5]).toBe(expected[0]?.parties.map((party) => party.name).join('; '));
    expect(office.pages.length).toBeGreaterThan(0);
  }, 120_000);
});
