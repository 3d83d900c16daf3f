import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import { AN_GIANG, call, openTestApp, XA_VINH_AN, XA_VINH_BINH } from './support';
import { csvRow, exportList, readWithLibreOffice, readWorkbook, rowNumberOf, runReport, skipLibreOffice, type LibreOfficeReading } from './reportsSupport';

type TestApp = ReturnType<typeof openTestApp>;
const run = promisify(execFile);
let app: TestApp;
let programmeId = 0;

/**
 * The journey's programme: rice connected (30 tấn, 12 delivered on the agreement it became),
 * eggs connected in quả, mangoes offered and still open; a rice offer outside the programme.
 */
beforeAll(async () => {
  app = openTestApp(new Date('2026-05-20T05:00:00Z'));
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG, chairName: 'Nguyễn Văn Bình' });
  const coop = async (name: string, communeCode: string, kind: 'htx' | 'tht' = 'htx', contact = {}) =>
    (await call(app, 'organizations:create', { kind, name, communeCode, ...contact })).id;
  const rice = await coop('HTX Nông nghiệp Vĩnh Bình', XA_VINH_AN, 'htx', { representative: 'Trần Văn Bảy', phone: '0296 3841 000' });
  const eggs = await coop('THT Chăn nuôi gà Vĩnh An', XA_VINH_AN, 'tht');
  const mango = await coop('HTX Xoài cát Phú Thạnh', XA_VINH_BINH, 'htx', { representative: 'Lê Thị Hoa', phone: '0296 3850 111' });
  const coopMart = (await call(app, 'partners:create', { kind: 'enterprise', name: 'Saigon Co.op', provinceCode: '79' })).id;
  const bakery = (await call(app, 'partners:create', { kind: 'enterprise', name: 'Công ty Bánh kẹo Hà Nội', provinceCode: '01' })).id;
  programmeId = (await call(app, 'programmes:create', { name: 'Kết nối cung – cầu 2026', decisionNo: '15/CTr-LMHTX', startsOn: '2026-01-01', endsOn: '2026-12-31' })).id;
  const product = await call(app, 'products:save', { organizationId: rice, name: 'Gạo ST25' });
  await call(app, 'certifications:save', { organizationId: rice, productId: product.id, kindCode: 'vietgap', number: 'VG-01', issuedOn: '2025-01-10', expiresOn: '2028-01-09' });
  const offer = (input: Partial<Parameters<typeof call<'offers:create'>>[2]> & { organizationId: number }) =>
    call(app, 'offers:create', { product: 'Gạo ST25', productGroupCode: 'lua_gao', quantity: 80, unitCode: 'tan', availableFrom: '2026-06-01', availableUntil: '2026-07-31', communeCode: XA_VINH_AN, programmeId, ...input });
  const riceOffer = await offer({ organizationId: rice, productId: product.id, priceMin: 18_000_000, priceMax: 19_000_000, packaging: 'Bao 25 kg', contactName: 'Nguyễn Văn An', contactPhone: '0296 3841 234' });
  const eggOffer = await offer({ organizationId: eggs, product: 'Trứng gà', productGroupCode: 'chan_nuoi_trung', quantity: 20_000, unitCode: 'qua', availableUntil: null });
  await offer({ organizationId: mango, product: 'Xoài cát Hòa Lộc', productGroupCode: 'trai_cay', quantity: 15, communeCode: XA_VINH_BINH });
  await offer({ organizationId: mango, product: 'Gạo nếp', quantity: 5, communeCode: XA_VINH_BINH, programmeId: null });
  // The buyer says the most it pays: Giá đến alone.
  const riceDemand = await call(app, 'demands:create', { buyer: { kind: 'partner', id: coopMart }, product: 'Gạo ST25', productGroupCode: 'lua_gao', quantity: 50, unitCode: 'tan', neededFrom: '2026-06-15', neededUntil: '2026-06-30', priceMax: 19_000_000, deliveryProvinceCode: '79', programmeId });
  const eggDemand = await call(app, 'demands:create', { buyer: { kind: 'partner', id: bakery }, product: 'Trứng gà', productGroupCode: 'chan_nuoi_trung', quantity: 8_000, unitCode: 'qua', neededFrom: '2026-06-01', deliveryProvinceCode: '01', programmeId });
  const connection = await call(app, 'connections:create', { offerId: riceOffer.id, demandId: riceDemand.id, quantity: 30, unitCode: 'tan', price: 18_500_000, channelCode: 'sieu_thi', connectedOn: '2026-05-20', programmeId });
  await call(app, 'connections:create', { offerId: eggOffer.id, demandId: eggDemand.id, quantity: 8_000, unitCode: 'qua', price: 3_000, channelCode: 'tmdt', connectedOn: '2026-05-20', programmeId });
  const draft = await call(app, 'connections:agreementDraft', { id: connection.id });
  const { agreement } = await call(app, 'connections:createAgreement', { connectionId: connection.id, agreement: draft.input });
  const commitment = (await call(app, 'agreements:get', { id: agreement.id })).commitments[0];
  app.setNow(new Date('2026-06-20T05:00:00Z'));
  await call(app, 'agreements:addDelivery', { commitmentId: commitment?.id ?? 0, deliveredOn: '2026-06-18', quantity: 12, value: 222_000_000 });
}, 120_000);
afterAll(() => app.close());

describe("a programme's results report", () => {
  let path = '';
  let office: LibreOfficeReading | null = null;
  beforeAll(async () => {
    const report = await runReport(app, { report: 'programme-results', programmeId, from: '2026-01-01', to: '2026-12-31' });
    expect(report.fileName).toBe('Bao-cao-ket-noi-cung-cau-2026-01-01-den-2026-12-31.xlsx');
    path = report.path;
    if (!skipLibreOffice) office = await readWithLibreOffice(path);
  }, 120_000);

  it('says the programme and the period, and its numbers per unit, never across units', async () => {
    const workbook = await readWorkbook(path);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Tổng hợp', 'Theo nhóm sản phẩm', 'Theo kênh tiêu thụ', 'Theo xã, phường']);
    const summary = workbook.getWorksheet('Tổng hợp') as ExcelJS.Worksheet;
    const texts = summary.getSheetValues().flatMap((row) => (Array.isArray(row) ? row : [])).filter((value): value is string => typeof value === 'string');
    expect(texts).toContain('Chương trình «Kết nối cung – cầu 2026» (số 15/CTr-LMHTX); từ ngày 01/01/2026 đến ngày 31/12/2026');
    const first = rowNumberOf(summary, 'STT') + 1;
    const rows = Array.from({ length: 13 }, (_, index) => (summary.getRow(first + index).values as unknown[]).slice(2, 5));
    expect(rows).toEqual([
      ['Số kết nối cung – cầu đã xác nhận', 'kết nối', 2],
      ['Số hợp tác xã có hàng được kết nối', 'HTX', 1],
      ['Số tổ hợp tác có hàng được kết nối', 'THT', 1],
      ['Số tổ chức kinh tế tập thể khác có hàng được kết nối', 'tổ chức', 0],
      ['Số đối tác (doanh nghiệp, chợ, sàn…) tiêu thụ', 'đối tác', 2],
      ['Số thành viên mua hàng', 'tổ chức', 0],
      ['Số sự kiện của chương trình trong kỳ', 'sự kiện', 0],
      ['Giá trị hàng hóa đã kết nối', 'đồng', 579_000_000],
      ['Giá trị hàng hóa đã giao', 'đồng', 222_000_000],
      ['Khối lượng đã kết nối', 'tấn', 30],
      ['Khối lượng đã giao', 'tấn', 12],
      ['Khối lượng đã kết nối', 'quả', 8_000],
      ['Khối lượng đã giao', 'quả', 0],
    ]);
    const groups = workbook.getWorksheet('Theo nhóm sản phẩm') as ExcelJS.Worksheet;
    const groupRow = rowNumberOf(groups, 'STT') + 2;
    expect((groups.getRow(groupRow).values as unknown[]).slice(2)).toEqual(['Lúa gạo', 'tấn', 1, 30, 12, 40, 555_000_000, 222_000_000]);
    expect((groups.getRow(groupRow + 1).values as unknown[]).slice(2)).toEqual(['Chăn nuôi và trứng', 'quả', 1, 8_000, 0, 0, 24_000_000, 0]);
    // Counts and values add up; quantities of tấn and quả are not added together.
    const totals = groups.getRow(rowNumberOf(groups, 'Tổng cộng')).values as unknown[];
    expect(totals.slice(4)).toEqual([2, undefined, undefined, undefined, 579_000_000, 222_000_000]);
  });

  it.skipIf(skipLibreOffice)('opens in LibreOffice with 30 tấn connected and 12 delivered, the eggs apart in quả', () => {
    const summary = office?.sheets.get('Tổng hợp');
    expect(csvRow(summary, 'LIÊN MINH HỢP TÁC XÃ TỈNH AN GIANG')).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(csvRow(summary, '10').slice(1, 4)).toEqual(['Khối lượng đã kết nối', 'tấn', '30']);
    expect(csvRow(summary, '11').slice(1, 4)).toEqual(['Khối lượng đã giao', 'tấn', '12']);
    expect(csvRow(summary, '12').slice(1, 4)).toEqual(['Khối lượng đã kết nối', 'quả', '8000']);
    const groups = office?.sheets.get('Theo nhóm sản phẩm');
    expect(csvRow(groups, '1').slice(1, 9)).toEqual(['Lúa gạo', 'tấn', '1', '30', '12', '40', '555000000', '222000000']);
    expect(csvRow(groups, '2').slice(1, 6)).toEqual(['Chăn nuôi và trứng', 'quả', '1', '8000', '0']);
    const channels = office?.sheets.get('Theo kênh tiêu thụ');
    expect(csvRow(channels, '1').slice(1, 6)).toEqual(['Siêu thị, doanh nghiệp phân phối', '1', 'tấn', '30', '12']);
    expect(office?.pages.length).toBeGreaterThan(0);
  });
});

describe('the supply bulletin and the lists', () => {
  it('sends buyers what remains to sell in the period, with certificates and whom to call', async () => {
    const report = await runReport(app, { report: 'supply-bulletin', programmeId, from: '2026-06-01', to: '2026-06-30', documentNumber: '18' });
    const sheet = (await readWorkbook(report.path)).getWorksheet('Nguồn cung') as ExcelJS.Worksheet;
    const texts = sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row : [])).filter((value): value is string => typeof value === 'string');
    expect(texts).toContain('Số: 18/BC-LMHTX');
    const first = rowNumberOf(sheet, 'STT') + 2;
    const rows = [0, 1, 2].map((offset) => (sheet.getRow(first + offset).values as unknown[]).slice(2, 7));
    expect(rows).toEqual([
      ['Lúa gạo', 'Gạo ST25', 'HTX Nông nghiệp Vĩnh Bình', 50, 'tấn'],
      ['Trái cây', 'Xoài cát Hòa Lộc', 'HTX Xoài cát Phú Thạnh', 15, 'tấn'],
      ['Chăn nuôi và trứng', 'Trứng gà', 'THT Chăn nuôi gà Vĩnh An', 12_000, 'quả'],
    ]);
    const rice = sheet.getRow(first).values as unknown[];
    // The contact written on the offer; without one, the seller's representative and phone; a seller with neither, none.
    expect(rice.slice(9)).toEqual(['18.000.000\u00a0₫ – 19.000.000\u00a0₫/tấn', 'Xã Vĩnh An, Tỉnh An Giang', 'VietGAP', 'Bao 25 kg', 'Nguyễn Văn An, 0296 3841 234']);
    expect(sheet.getRow(first + 1).getCell(13).text).toBe('Lê Thị Hoa, 0296 3850 111');
    expect(sheet.getRow(first + 2).getCell(13).text).toBe('');
    expect(sheet.getRow(rowNumberOf(sheet, 'Cộng')).getCell(3).value).toBe('3 nguồn cung');
    // Quantities as Vietnamese write them in every reader: LibreOffice, whatever its own language,
    // prints 12.000 quả, not 12,000 (twelve, to a Vietnamese buyer).
    expect(sheet.getRow(first + 2).getCell(5).numFmt).toBe('[$-42A]#,##0');
    if (!skipLibreOffice) {
      const { pdf } = await readWithLibreOffice(report.path);
      const printed = (await run('pdftotext', [pdf, '-'])).stdout;
      expect(printed).toContain('12.000');
      expect(printed).not.toContain('12,000');
    }
  }, 120_000);

  it('exports the lists of offers, demands and connections as shown', async () => {
    const offers = await exportList(app, { list: 'offers', input: { search: 'gao' }, columns: ['product', 'organization', 'quantity', 'status'] });
    const sheet = (await readWorkbook(offers.path)).worksheets[0] as ExcelJS.Worksheet;
    const header = rowNumberOf(sheet, 'STT');
    expect((sheet.getRow(header + 2).values as unknown[]).slice(1)).toEqual([1, 'Gạo nếp', 'Lúa gạo', 'HTX Xoài cát Phú Thạnh', 5, 5, 'tấn', 'Đang chào bán']);
    expect((sheet.getRow(header + 3).values as unknown[]).slice(1)).toEqual([2, 'Gạo ST25', 'Lúa gạo', 'HTX Nông nghiệp Vĩnh Bình', 80, 50, 'tấn', 'Đã kết nối một phần']);
    const demands = await exportList(app, { list: 'demands', input: { search: 'gao' }, columns: ['product', 'buyer', 'price'] });
    const demandSheet = (await readWorkbook(demands.path)).worksheets[0] as ExcelJS.Worksheet;
    const demandHeader = rowNumberOf(demandSheet, 'STT');
    expect((demandSheet.getRow(demandHeader).values as unknown[]).slice(1)).toEqual(['STT', 'Sản phẩm', 'Nhóm sản phẩm', 'Bên có nhu cầu', 'Giá (đồng)']);
    // A buyer's ceiling alone reads as one.
    expect((demandSheet.getRow(demandHeader + 1).values as unknown[]).slice(1)).toEqual([1, 'Gạo ST25', 'Lúa gạo', 'Saigon Co.op', 'đến 19.000.000\u00a0₫/tấn']);
    const connections = await exportList(app, { list: 'connections', input: {}, columns: ['connectedOn', 'product', 'quantity', 'agreement'] });
    const list = (await readWorkbook(connections.path)).worksheets[0] as ExcelJS.Worksheet;
    const top = rowNumberOf(list, 'STT');
    // Newest first; the two of one day, the later entered first.
    expect((list.getRow(top + 2).values as unknown[]).slice(3, 7)).toEqual(['Trứng gà', 8_000, undefined, 'quả']);
    const rice = (list.getRow(top + 3).values as unknown[]).slice(3);
    expect(rice.slice(0, 4)).toEqual(['Gạo ST25', 30, 12, 'tấn']);
    expect(rice[4]).toBe('Hợp đồng tiêu thụ Gạo ST25: HTX Nông nghiệp Vĩnh Bình – Saigon Co.op');
  });
});

describe('a bulletin of a period past', () => {
  it('lists the offers whose goods were available in the period, with what was left of them at its end', async () => {
    // In July 5 tấn of the mangoes found a buyer; by September the June offers have run out.
    const buyer = (await call(app, 'partners:create', { kind: 'enterprise', name: 'Công ty Trái cây Miền Tây', provinceCode: AN_GIANG })).id;
    const mango = (await call(app, 'offers:list', { search: 'xoai', page: 1, pageSize: 5 })).rows[0];
    app.setNow(new Date('2026-07-15T05:00:00Z'));
    const demand = await call(app, 'demands:create', { buyer: { kind: 'partner', id: buyer }, product: 'Xoài cát Hòa Lộc', productGroupCode: 'trai_cay', quantity: 5, unitCode: 'tan', neededFrom: '2026-07-01', deliveryProvinceCode: AN_GIANG, programmeId });
    await call(app, 'connections:create', { offerId: mango?.id ?? 0, demandId: demand.id, quantity: 5, unitCode: 'tan', channelCode: 'sieu_thi', connectedOn: '2026-07-10', programmeId });
    app.setNow(new Date('2026-09-15T05:00:00Z'));

    const report = await runReport(app, { report: 'supply-bulletin', programmeId, from: '2026-06-01', to: '2026-06-30' });
    const sheet = (await readWorkbook(report.path)).getWorksheet('Nguồn cung') as ExcelJS.Worksheet;
    const first = rowNumberOf(sheet, 'STT') + 2;
    // As on 30/06: the mangoes' 15 tấn still all on offer, though their window has since closed.
    expect([0, 1, 2].map((offset) => (sheet.getRow(first + offset).values as unknown[]).slice(3, 6))).toEqual([
      ['Gạo ST25', 'HTX Nông nghiệp Vĩnh Bình', 50],
      ['Xoài cát Hòa Lộc', 'HTX Xoài cát Phú Thạnh', 15],
      ['Trứng gà', 'THT Chăn nuôi gà Vĩnh An', 12_000],
    ]);
    expect(sheet.getRow(rowNumberOf(sheet, 'Cộng')).getCell(3).value).toBe('3 nguồn cung');
  }, 120_000);

  it('refuses a period with nothing on offer instead of writing an empty bulletin', async () => {
    await expect(runReport(app, { report: 'supply-bulletin', from: '2025-01-01', to: '2025-12-31' })).rejects.toThrow(
      'Bản tin không có gì để gửi: không nguồn cung nào có hàng trong kỳ từ ngày 01/01/2025 đến ngày 31/12/2025 mà còn số lượng chưa kết nối. Hãy chọn kỳ khác.',
    );
  });
});

describe('a channel selling in two units', () => {
  it('numbers the channels, not their unit rows, and sets each unit apart from the number before it', async () => {
    // In September eggs too go to Saigon Co.op's supermarkets: beside the rice and the mangoes
    // connected before, the channel sells in tấn and in quả.
    app.setNow(new Date('2026-09-20T05:00:00Z'));
    const coopMart = (await call(app, 'partners:list', { search: 'saigon', page: 1, pageSize: 5 })).rows[0];
    const eggs = (await call(app, 'offers:list', { search: 'trung', page: 1, pageSize: 5 })).rows[0];
    const demand = await call(app, 'demands:create', { buyer: { kind: 'partner', id: coopMart?.id ?? 0 }, product: 'Trứng gà', productGroupCode: 'chan_nuoi_trung', quantity: 2_000, unitCode: 'qua', neededFrom: '2026-09-25', deliveryProvinceCode: '79', programmeId });
    await call(app, 'connections:create', { offerId: eggs?.id ?? 0, demandId: demand.id, quantity: 2_000, unitCode: 'qua', price: 3_000, channelCode: 'sieu_thi', connectedOn: '2026-09-18', programmeId });

    const report = await runReport(app, { report: 'programme-results', programmeId, from: '2026-01-01', to: '2026-12-31' });
    const sheet = (await readWorkbook(report.path)).getWorksheet('Theo kênh tiêu thụ') as ExcelJS.Worksheet;
    const first = rowNumberOf(sheet, 'STT') + 2;
    expect([0, 1, 2].map((offset) => (sheet.getRow(first + offset).values as unknown[]).slice(1, 6))).toEqual([
      [1, 'Siêu thị, doanh nghiệp phân phối', 3, 'tấn', 35],
      [undefined, 'Siêu thị, doanh nghiệp phân phối', undefined, 'quả', 2_000],
      [2, 'Sàn thương mại điện tử', 1, 'quả', 8_000],
    ]);
    // The unit is set in from the count on its left: LibreOffice printed them as one word («2tấn»).
    expect(sheet.getRow(first).getCell(4).alignment).toMatchObject({ horizontal: 'left', indent: 1 });
    if (!skipLibreOffice) {
      const office = await readWithLibreOffice(report.path);
      const rows = office.sheets.get('Theo kênh tiêu thụ') ?? [];
      const first = rows.findIndex((row) => row[0] === '1');
      expect(rows.slice(first, first + 3).map((row) => row.slice(0, 5))).toEqual([
        ['1', 'Siêu thị, doanh nghiệp phân phối', '3', 'tấn', '35'],
        ['', 'Siêu thị, doanh nghiệp phân phối', '', 'quả', '2000'],
        ['2', 'Sàn thương mại điện tử', '1', 'quả', '8000'],
      ]);
    }
  }, 120_000);
});
