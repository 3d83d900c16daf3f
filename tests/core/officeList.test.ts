/**
 * A real office list (officeList.ts) imported as a new user would: every proposal accepted, only
 * the truly ambiguous places answered. Every valid row must come in right, the refused ones say
 * why at their cells, a second import of the same file changes nothing, and every name is found
 * by its other usual spelling and with one slipped letter.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportPreviewRow } from '../../src/shared/contract';
import { AN_GIANG, call, openTestApp } from './support';
import { analyze, commitOf, previewOf, proposedMapping, stage } from './importWorkbooks';
import { duplicateRow, expectedOrganizations, OFFICE_LIST_FILE, officeListWorkbook, refusedRows, sectionHeadingRows, type ExpectedOrganization } from './officeList';

let app: ReturnType<typeof openTestApp>;
beforeEach(async () => {
  app = openTestApp();
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
});
afterEach(() => app.close());

/** Analyses the list and previews it with everything the app proposes. */
async function previewWithDefaults(): Promise<{ jobId: string; preview: ImportPreview }> {
  const { jobId, analysis } = await analyze(app, stage(app, OFFICE_LIST_FILE, await officeListWorkbook()));
  return previewOf(app, jobId, proposedMapping(analysis));
}

/** The answers a person gives to the places the app asks about: as `expectedOrganizations` says. */
function answersFor(rows: readonly ImportPreviewRow[]) {
  return expectedOrganizations
    .filter((expected) => expected.asked)
    .map((expected) => {
      const row = rows.find((candidate) => candidate.row === expected.row);
      return { placeKey: row?.placeKey ?? '', communeCode: expected.communeCode };
    });
}

function storedOrganizations() {
  return app.ctx.db.$client
    .prepare(
      `SELECT id, kind, name, registration_no AS registrationNo, commune_code AS communeCode, old_address AS oldAddress, street,
        founded_on AS foundedOn, sector_code AS sectorCode, phone, charter_capital AS charterCapital FROM organizations ORDER BY id`,
    )
    .all() as (Omit<ExpectedOrganization, 'row' | 'figures' | 'asked'> & { id: number })[];
}

function storedFigures(organizationId: number) {
  return app.ctx.db.$client
    .prepare('SELECT year, members_official AS membersOfficial, members_associate AS membersAssociate, workers FROM yearly_figures WHERE organization_id = ?')
    .all(organizationId);
}

/** The name written the other usual way: "HTX …" ↔ "Hợp tác xã …", "THT" ↔ "Tổ hợp tác", "LH HTX", "QTDND". */
function otherSpelling(name: string): string {
  const pairs: [RegExp, string][] = [
    [/^LH HTX /, 'liên hiệp hợp tác xã '],
    [/^QTDND /, 'quỹ tín dụng nhân dân '],
    [/^THT /, 'tổ hợp tác '],
    [/^HTX NN /, 'hợp tác xã nông nghiệp '],
    [/^HTX /, 'hợp tác xã '],
    [/^Hợp tác xã Dịch vụ nông nghiệp /, 'HTX DVNN '],
    [/^Hợp tác xã /, 'HTX '],
  ];
  for (const [pattern, replacement] of pairs) if (pattern.test(name)) return name.replace(pattern, replacement);
  throw new Error(`no other spelling for ${name}`);
}

/**
 * The name with two neighbouring letters of its longest word swapped ("Phước" → "Phưcớ"); null when
 * no word has four letters, the shortest a typo is forgiven in.
 */
function withSlip(name: string): string | null {
  const words = name.split(' ');
  const longest = words.reduce((best, word) => (Array.from(word).length > Array.from(best).length ? word : best), '');
  if (Array.from(longest).length < 4) return null;
  const letters = Array.from(longest);
  const at = Math.floor(letters.length / 2) - 1;
  [letters[at], letters[at + 1]] = [letters[at + 1] ?? '', letters[at] ?? ''];
  return words.map((word) => (word === longest ? letters.join('') : word)).join(' ');
}

describe('a real office list, imported with the defaults', () => {
  it('reads the list as the office meant it, and asks only the truly ambiguous places', async () => {
    const { jobId, preview } = await previewWithDefaults();
    const rows = new Map(preview.page.rows.map((row) => [row.row, row]));
    // Section headings, the numbering line, the totals row and the signature block are not rows.
    for (const heading of sectionHeadingRows) expect(rows.has(heading)).toBe(false);
    expect(preview.counts).toEqual({ rows: 15, valid: 13, invalid: 2, matched: 1, fresh: 12, ambiguous: 2, unplaced: 1, noted: 7 });
    // «Có ghi chú» lists the valid rows read otherwise than written, or worth a look.
    const noted = await call(app, 'imports:previewResult', { jobId, filter: 'notes', page: 1, pageSize: 50 });
    expect(noted.page.rows.map((row) => [row.row, row.notes.map((note) => note.cell)])).toEqual([
      [9, ['J9']],
      [10, ['H10']],
      [11, ['H11']],
      [15, ['J15']],
      [16, ['D16']],
      [17, ['H17']],
      [26, ['F26']],
    ]);
    expect(noted.page.total).toBe(7);
    // So does a phone number's: Excel drops it from a number cell.
    expect(rows.get(9)?.notes).toEqual([{ cell: 'J9', message: 'Điện thoại: «912345678» ghi nhận là 0912345678 (ô dạng số, Excel bỏ số 0 ở đầu).' }]);
    // A Mã số HTX Excel kept as a number gets its leading 0 back, and says so: nine digits may also be a code missing one.
    expect(rows.get(16)?.notes).toEqual([{ cell: 'D16', message: 'Mã số HTX: «101234567» ghi nhận là 0101234567 (ô dạng số, Excel bỏ số 0 ở đầu).' }]);
    // The place no list knows is asked for, and said at its cell.
    expect(rows.get(26)?.notes).toEqual([
      { cell: 'F26', message: '«ấp Vĩnh Phước, Xã Vĩnh Phước Mới»: không tìm thấy tên xã, phường nào của tỉnh An Giang (tên hiện nay hoặc trước 01/07/2025); hãy chọn xã, phường nơi tổ chức ở.' },
    ]);
    // The year the title names, for the members and workers beside each organization.
    expect(preview.year).toBe(2024);
    // Asked: the two old communes divided between several, and the one name no list knows.
    const asked = preview.page.rows.filter((row) => row.communeChoices.length > 0 || row.needsPlace).map((row) => row.row);
    expect(asked).toEqual(expectedOrganizations.filter((expected) => expected.asked).map((expected) => expected.row));
    for (const expected of expectedOrganizations) {
      const row = rows.get(expected.row);
      expect(row?.status, expected.name).toBe('valid');
      if (expected.asked === 'anyCommune') expect(row?.needsPlace, expected.name).toBe(true);
      else if (expected.asked) expect(row?.communeChoices.map((place) => place.code), expected.name).toEqual(expected.asked.candidates);
      else expect(row?.commune?.code, expected.name).toBe(expected.communeCode);
    }
    // Coded values in the office's words: each mapped once, the sure ones proposed, the rest blank
    // ("Thương mại dịch vụ" is the lookup's own "Thương mại, dịch vụ", so nothing to ask).
    expect(preview.valueChoices.map(({ field, written, rows: count, value, source }) => [field, written, count, value, source])).toEqual([
      ['sectorCode', 'Dịch vụ nông nghiệp', 1, null, 'blank'],
      ['sectorCode', 'Tiểu thủ công nghiệp', 2, 'cong_nghiep', 'suggested'],
      ['sectorCode', 'Tổng hợp', 1, 'nong_nghiep_tong_hop', 'suggested'],
    ]);
    // Loose dates are read and said.
    expect(rows.get(10)?.notes).toEqual([{ cell: 'H10', message: 'Ngày thành lập: «5/6/19» hiểu là 05/06/2019.' }]);
    expect(rows.get(11)?.notes).toEqual([{ cell: 'H11', message: 'Ngày thành lập: chỉ ghi năm 2018; ghi nhận là 01/01/2018.' }]);
    // The second spelling of the first cooperative is the same one, never a second record.
    expect(rows.get(duplicateRow)).toMatchObject({ match: { reason: 'inFile', row: 9 }, defaultAction: 'skip' });
  });

  it('says why each refused row is refused, at its cells', async () => {
    const { preview } = await previewWithDefaults();
    const problems = (row: number) => preview.page.rows.find((candidate) => candidate.row === row)?.problems;
    expect(problems(refusedRows.impossible)).toEqual([
      { cell: 'H13', message: 'Ngày thành lập: Ngày «31/02/2024» không có thật: tháng 2/2024 không có ngày 31.' },
      { cell: 'M13', message: 'Số lao động thường xuyên không được âm.' },
    ]);
    expect(problems(refusedRows.badTaxCode)).toEqual([
      { cell: 'D18', message: 'Mã số HTX (mã số thuế) gồm 10 chữ số, hoặc 10 chữ số, gạch ngang và 3 chữ số.' },
    ]);
  });

  it('gets every valid row right, and a second import of the same file changes nothing', async () => {
    const { jobId, preview } = await previewWithDefaults();
    const first = await commitOf(app, { previewJobId: jobId, decisions: [], placeAnswers: answersFor(preview.page.rows) });
    expect(first.summary).toEqual({ batchId: 1, created: expectedOrganizations.length, updated: 0, skipped: 1, failed: 2, partnersAdded: 0, unchanged: 0 });

    const stored = storedOrganizations();
    expect(stored.map(({ id: _id, ...organization }) => organization)).toEqual(
      expectedOrganizations.map(({ row: _row, figures: _figures, asked: _asked, ...expected }) => expected),
    );
    for (const [index, expected] of expectedOrganizations.entries()) {
      expect(storedFigures(stored[index]?.id ?? 0), expected.name).toEqual(expected.figures ? [{ year: 2024, ...expected.figures }] : []);
    }

    const snapshot = () => ({
      organizations: storedOrganizations(),
      figures: app.ctx.db.$client.prepare('SELECT * FROM yearly_figures ORDER BY organization_id, year').all(),
      audit: app.ctx.db.$client.prepare('SELECT count(*) AS n FROM audit_log').get(),
    });
    const before = snapshot();
    // The same file again, every default accepted: the places answered before are not asked again.
    const again = await previewWithDefaults();
    expect(again.preview.counts).toMatchObject({ ambiguous: 0, unplaced: 0 });
    expect(again.preview.page.rows.filter((row) => row.placeRemembered).map((row) => row.row)).toEqual(
      expectedOrganizations.filter((expected) => expected.asked).map((expected) => expected.row),
    );
    const second = await commitOf(app, { previewJobId: again.jobId, decisions: [] });
    expect(second.summary).toMatchObject({ created: 0, updated: 0, failed: 2 });
    expect(snapshot()).toEqual(before);
  });

  it('finds every name by its other usual spelling and with one slipped letter', async () => {
    const { jobId, preview } = await previewWithDefaults();
    await commitOf(app, { previewJobId: jobId, decisions: [], placeAnswers: answersFor(preview.page.rows) });
    let slipped = 0;
    for (const { id, name } of storedOrganizations()) {
      const slips = [withSlip(name), withSlip(otherSpelling(name))].filter((query) => query !== null);
      slipped += slips.length;
      for (const query of [otherSpelling(name), ...slips]) {
        const page = await call(app, 'organizations:list', { query, page: 1, pageSize: 50 });
        expect(page.rows.map((row) => row.id), `«${query}» for «${name}»`).toContain(id);
      }
    }
    // Only "LH HTX An Phú" has no word of four letters (its spelled-out form has).
    expect(slipped).toBe(2 * expectedOrganizations.length - 1);
  });
});
