/**
 * The undo of an import takes back the records SQLite finds exactly as their import created them
 * (`createdAsLeft`) by itself, a page at a time (`undoCreatedAsLeft`), and the others one by one
 * through their adapters. Both must leave the same rows and the same history, to the byte.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyDerivedStructures } from '../../src/core/db/derived';
import { kindAdapters, leftOf, Removals } from '../../src/core/excel/import/kinds';
import type { OpenedApp } from '../../src/core/app';
import { AN_GIANG, call, openTestApp, XA_VINH_AN } from './support';
import { analyze, commitOf, previewOf, proposedMapping, stage, undoOf } from './importWorkbooks';

let app: OpenedApp & { setNow(date: Date): void };

beforeEach(async () => {
  app = openTestApp();
  await call(app, 'alliance:save', { name: 'Liên minh HTX tỉnh An Giang', provinceCode: AN_GIANG });
});

afterEach(() => app.close());

const ADDRESS = '"xã Bình Hòa, huyện Châu Thành, tỉnh An Giang"';

/**
 * A list that creates cooperatives — names and representatives with quotes, a backslash and
 * diacritics, a flag set, unset and blank, figures with a classification, a year with no figure
 * at all — and fills in a stored one (the last row, by its Mã số) with a year of figures.
 */
async function importMixedList(): Promise<number> {
  const header = 'Tên HTX,Địa chỉ,Mã số thuế,Người đại diện,Công nghệ cao,Số thành viên,Số lao động,Xếp loại';
  const rows = [
    `"HTX ""Ánh Dương"" Bình Hòa",${ADDRESS},1700000001,"Nguyễn Văn \\ An",Có,12,30,Tốt`,
    `HTX Nông nghiệp Hai,${ADDRESS},1700000002,,,,,`,
    `HTX Dịch vụ Ba,${ADDRESS},1700000003,"Lê Thị ""Ba""",Không,7,,Khá`,
    `HTX Thủy sản Bốn,${ADDRESS},1700000004,Trần Bốn,,,4,`,
    `HTX Rau sạch Năm,${ADDRESS},1700000005,Phạm Năm,,25,,`,
  ];
  const { jobId: analysisJob, analysis } = await analyze(app, stage(app, 'danh sach hon hop.csv', [header, ...rows].join('\n')));
  const { jobId: previewJob } = await previewOf(app, analysisJob, proposedMapping(analysis), 2024);
  const { summary } = await commitOf(app, { previewJobId: previewJob, decisions: [], bulk: {} });
  expect(summary).toMatchObject({ created: 4, updated: 1, failed: 0 });
  return summary.batchId ?? 0;
}

describe('undoing the records an import created, by SQLite alone', () => {
  it('writes the rows and the history the undo writes record by record, to the byte', async () => {
    const stored = await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Rau sạch Năm', registrationNo: '1700000005', communeCode: XA_VINH_AN, representative: 'Phạm Năm' });
    const register = () => app.ctx.db.$client.prepare('SELECT id, name, registration_no, commune_code, old_address, street, representative, high_tech FROM organizations ORDER BY id').all();
    const before = register();
    const batchId = await importMixedList();
    app.setNow(new Date('2026-11-24T08:00:00Z'));
    const sqlite = app.ctx.db.$client;
    const creates = sqlite
      .prepare("SELECT id, entity, entity_id AS entityId, before FROM import_changes WHERE batch_id = ? AND action = 'create' ORDER BY id DESC")
      .all(batchId) as { id: number; entity: 'organization' | 'figures'; entityId: number; before: string | null }[];
    const idsOf = (entity: string) => creates.filter((change) => change.entity === entity).map((change) => change.id);
    // Four cooperatives, and the years that hold a figure: three of theirs and the stored one's.
    expect([idsOf('organization').length, idsOf('figures').length]).toEqual([4, 4]);
    // Every one is as its import created it: SQLite finds them so by itself.
    expect(kindAdapters.organizations.createdAsLeft?.(app.ctx, idsOf('organization'), 'organization')).toEqual(new Set(idsOf('organization')));
    expect(kindAdapters.figures.createdAsLeft?.(app.ctx, idsOf('figures'), 'figures')).toEqual(new Set(idsOf('figures')));

    const lastEntry = sqlite.prepare('SELECT max(id) FROM audit_log').pluck().get() as number;
    const outcome = () => ({
      history: sqlite.prepare('SELECT entity, entity_id, action, at, before, after FROM audit_log WHERE id > ? ORDER BY id').all(lastEntry),
      organizations: sqlite.prepare('SELECT id, name FROM organizations ORDER BY id').all(),
      figures: sqlite.prepare('SELECT * FROM yearly_figures ORDER BY organization_id, year').all(),
    });
    sqlite.exec('SAVEPOINT undo');
    // As the undo's exact pages do: the years of figures, then the organizations they belong to.
    kindAdapters.figures.undoCreatedAsLeft?.(app.ctx, idsOf('figures'));
    kindAdapters.organizations.undoCreatedAsLeft?.(app.ctx, idsOf('organization'));
    const bySqlite = outcome();
    sqlite.exec('ROLLBACK TO undo');
    const left = leftOf(app.ctx, creates.map((change) => change.id));
    const removals = new Removals(app.ctx);
    for (const change of creates) {
      const adapter = change.entity === 'figures' ? kindAdapters.figures : kindAdapters.organizations;
      const asStored = { entityId: change.entityId, action: 'create' as const, before: JSON.parse(change.before ?? 'null') as unknown, after: JSON.parse(left.get(change.id) ?? 'null') as unknown };
      adapter.undo(app.ctx, asStored, { pointedAt: false, asLeft: true, removals });
    }
    removals.flush();
    const oneByOne = outcome();
    sqlite.exec('ROLLBACK TO undo; RELEASE undo');

    expect(bySqlite).toEqual(oneByOne);
    // Four years of figures cleared, each on its organization, then the four removed with what they held.
    expect(bySqlite.history.map((entry) => (entry as { action: string }).action)).toEqual(['update', 'update', 'update', 'update', 'delete', 'delete', 'delete', 'delete']);
    expect(bySqlite.history[0]).toMatchObject({ before: '{"figures":{"year":2024,"membersOfficial":25}}', after: '{"figures":{"year":2024,"membersOfficial":null}}' });
    expect(bySqlite.history[3]).toMatchObject({
      before: '{"figures":{"year":2024,"membersOfficial":12,"workers":30,"classification":"good"}}',
      after: '{"figures":{"year":2024,"membersOfficial":null,"workers":null,"classification":null}}',
    });
    const removed = JSON.parse((bySqlite.history[7] as { before: string }).before) as Record<string, unknown>;
    expect(removed).toMatchObject({ name: 'HTX "Ánh Dương" Bình Hòa', representative: 'Nguyễn Văn \\ An', highTech: true });
    expect(bySqlite.organizations).toEqual([{ id: stored.id, name: 'HTX Rau sạch Năm' }]);

    // The whole undo, through the window's channel: the register as it was before the import, its derived structures exact.
    expect((await undoOf(app, batchId)).error).toBeNull();
    expect(register()).toEqual(before);
    expect(sqlite.prepare('SELECT count(*) FROM yearly_figures').pluck().get()).toBe(0);
    expect(verifyDerivedStructures(sqlite)).toEqual([]);
  });
});
