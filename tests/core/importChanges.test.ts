/**
 * The preview of an import says, for each row that would update a stored record, what the update
 * would change, and the commit writes exactly that: the listed changes are the history's entries.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryChange } from '../../src/shared/records';
import { AN_GIANG, call, openTestApp } from './support';
import { analyze, commitOf, previewOf, proposedMapping, stage } from './importWorkbooks';
import type { ImportKind } from '../../src/shared/domain';

let app: ReturnType<typeof openTestApp>;
beforeEach(async () => {
  app = openTestApp();
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
});
afterEach(() => app.close());

const XA_MY_HOA_HUNG = '30313';

async function previewCsv(csv: string, kind: ImportKind = 'organizations', year = 2024) {
  const { jobId, analysis } = await analyze(app, stage(app, 'danh sach.csv', `\ufeff${csv}`), kind);
  return previewOf(app, jobId, proposedMapping(analysis), year);
}

/** The changes of the record's history entries made after `since` entries, oldest first, as one list. */
async function writtenSince(id: number, since: number): Promise<HistoryChange[]> {
  const { entries } = await call(app, 'records:history', { kind: 'organization', id });
  return entries
    .slice(0, entries.length - since)
    .reverse()
    .flatMap((entry) => entry.changes);
}

/** A year's figures as the preview lists them, a field each: the history's own entry, split. */
function splitFigures(changes: HistoryChange[]): HistoryChange[] {
  return changes.flatMap((change) => {
    if (change.field !== 'figures') return [change];
    const [before, after] = [change.before as Record<string, number | null>, change.after as Record<string, number | null>];
    return Object.keys(after)
      .filter((field) => field !== 'year')
      .map((field) => ({ field: 'figures', before: { year: before.year ?? null, [field]: before[field] ?? null }, after: { year: after.year ?? null, [field]: after[field] ?? null } }));
  });
}

describe('what an update would change', () => {
  async function storedLongDien() {
    const stored = await call(app, 'organizations:create', {
      kind: 'htx',
      name: 'HTX Nông nghiệp Long Điền',
      registrationNo: '1600111222',
      communeCode: XA_MY_HOA_HUNG,
      street: 'ấp Long Hòa',
      foundedOn: '2010-06-05',
      phone: '0296 3111 222',
      representative: 'Nguyễn Văn Điền',
      charterCapital: 500_000_000,
    });
    await call(app, 'figures:save', { organizationId: stored.id, year: 2024, membersOfficial: 196, workers: 12 });
    return stored;
  }

  it('lists each field the update would change, the stored value and the new one, and writes exactly those', async () => {
    const stored = await storedLongDien();
    const entriesBefore = (await call(app, 'records:history', { kind: 'organization', id: stored.id })).entries.length;
    const { jobId, preview } = await previewCsv(
      [
        'Tên HTX,Mã số thuế,Địa chỉ,Ngày thành lập,Điện thoại,Người đại diện,Vốn điều lệ (triệu đồng),Số thành viên,Lao động thường xuyên',
        // In capitals and with «NN» for «Nông nghiệp»: the stored name written otherwise.
        'HTX NN LONG ĐIỀN,1600111222,"ấp Long Hòa, Xã Mỹ Hòa Hưng",12/12/2012,0296 3111 222,Trần Thị Mai,800,35,12',
      ].join('\n'),
    );
    const [row] = preview.page.rows;
    expect(row).toMatchObject({ match: { reason: 'registrationNo', id: stored.id }, defaultAction: 'update' });
    expect(row?.changes).toEqual({
      record: 'organization',
      fields: [
        { field: 'foundedOn', before: '2010-06-05', after: '2012-12-12' },
        { field: 'representative', before: 'Nguyễn Văn Điền', after: 'Trần Thị Mai' },
        { field: 'charterCapital', before: 500_000_000, after: 800_000_000 },
        { field: 'figures', before: { year: 2024, membersOfficial: 196 }, after: { year: 2024, membersOfficial: 35 } },
      ],
      names: {},
    });

    const { summary } = await commitOf(app, { previewJobId: jobId, decisions: [], bulk: {} });
    expect(summary).toMatchObject({ updated: 1, failed: 0 });
    // What was written is what was listed, field by field.
    expect(splitFigures(await writtenSince(stored.id, entriesBefore))).toEqual(row?.changes?.fields);
    expect((await call(app, 'organizations:get', { id: stored.id })).name).toBe('HTX Nông nghiệp Long Điền');
  });

  it('lists a name truly different as a change, with a new commune named', async () => {
    const stored = await storedLongDien();
    const entriesBefore = (await call(app, 'records:history', { kind: 'organization', id: stored.id })).entries.length;
    const { jobId, preview } = await previewCsv(['Tên HTX,Mã số thuế,Địa chỉ', 'HTX Dịch vụ Long Điền,1600111222,"ấp Long Hòa, Xã Vĩnh An"'].join('\n'));
    const [row] = preview.page.rows;
    expect(row?.changes).toEqual({
      record: 'organization',
      fields: [
        { field: 'name', before: 'HTX Nông nghiệp Long Điền', after: 'HTX Dịch vụ Long Điền' },
        { field: 'communeCode', before: XA_MY_HOA_HUNG, after: '30604' },
      ],
      names: { 'communeCode:30313': 'Xã Mỹ Hòa Hưng', 'communeCode:30604': 'Xã Vĩnh An' },
    });
    await commitOf(app, { previewJobId: jobId, decisions: [], bulk: {} });
    expect(await writtenSince(stored.id, entriesBefore)).toEqual(row?.changes?.fields);
  });

  it('says an update that changes nothing changes nothing, and writes nothing', async () => {
    const stored = await storedLongDien();
    const entriesBefore = (await call(app, 'records:history', { kind: 'organization', id: stored.id })).entries.length;
    const { jobId, preview } = await previewCsv(['Tên HTX,Mã số thuế,Địa chỉ,Số thành viên', 'Hợp tác xã Nông nghiệp Long Điền,1600111222,"ấp Long Hòa, Xã Mỹ Hòa Hưng",196'].join('\n'));
    expect(preview.page.rows[0]?.changes).toEqual({ record: 'organization', fields: [], names: {} });
    const { summary } = await commitOf(app, { previewJobId: jobId, decisions: [], bulk: {} });
    expect(summary).toMatchObject({ updated: 0, skipped: 1 });
    expect(await writtenSince(stored.id, entriesBefore)).toEqual([]);
  });

  it('says nothing of rows that update no stored record', async () => {
    const { preview } = await previewCsv(['Tên HTX,Mã số thuế,Địa chỉ', 'HTX Mới,1600999000,Xã Mỹ Hòa Hưng', 'HTX Mới,1600999000,Xã Mỹ Hòa Hưng'].join('\n'));
    expect(preview.page.rows.map((row) => [row.match?.reason ?? null, row.changes])).toEqual([
      [null, null],
      ['inFile', null],
    ]);
  });

  it('lists the figures a figures list would change of a stored year', async () => {
    const stored = await storedLongDien();
    const entriesBefore = (await call(app, 'records:history', { kind: 'organization', id: stored.id })).entries.length;
    const { jobId, preview } = await previewCsv(['Mã số thuế;Số thành viên;Lao động thường xuyên;Doanh thu (triệu đồng)', '1600111222;35;12;"1.750"'].join('\r\n'), 'figures');
    const [row] = preview.page.rows;
    expect(row?.changes).toEqual({
      record: 'organization',
      fields: [
        { field: 'figures', before: { year: 2024, membersOfficial: 196 }, after: { year: 2024, membersOfficial: 35 } },
        { field: 'figures', before: { year: 2024, revenue: null }, after: { year: 2024, revenue: 1_750_000_000 } },
      ],
      names: {},
    });
    await commitOf(app, { previewJobId: jobId, decisions: [], bulk: {} });
    expect(splitFigures(await writtenSince(stored.id, entriesBefore))).toEqual(row?.changes?.fields);
  });

  it('lists what an update would change of a stored partner', async () => {
    const stored = await call(app, 'partners:create', { kind: 'enterprise', name: 'Công ty Cổ phần Thực phẩm Hà Nội', taxCode: '0101234567', provinceCode: '01', phone: '024 3000 111' });
    const { jobId, preview } = await previewCsv(['Tên doanh nghiệp,Loại,MST,Tỉnh/TP,Điện thoại', 'Công ty CP Thực phẩm Hà Nội,Doanh nghiệp,0101234567,Hà Nội,024 3999 999'].join('\n'), 'partners');
    expect(preview.page.rows[0]?.changes).toEqual({
      record: 'partner',
      fields: [
        { field: 'name', before: 'Công ty Cổ phần Thực phẩm Hà Nội', after: 'Công ty CP Thực phẩm Hà Nội' },
        { field: 'phone', before: '024 3000 111', after: '024 3999 999' },
      ],
      names: {},
    });
    await commitOf(app, { previewJobId: jobId, decisions: [], bulk: {} });
    const { entries } = await call(app, 'records:history', { kind: 'partner', id: stored.id });
    expect(entries[0]?.changes).toEqual(preview.page.rows[0]?.changes?.fields);
  });
});
