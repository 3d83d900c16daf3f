/**
 * One cooperative, its trades written in another order: «HTX Nông nghiệp - Dịch vụ Tân Phú» in the
 * register, «HTX DV-NN Tân Phú» on a list or in the form. The name key takes the trades a name
 * opens with as a set (`organizationNameKey`), so a save asks before a second one is entered, an
 * import matches the row to the one there, and a file of an earlier version has its keys computed
 * again at its next start.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refreshNameKeys } from '../../src/core/nameRules';
import { AN_GIANG, call, callFailing, openTestApp, XA_VINH_AN } from './support';
import { analyze, previewOf, proposedMapping, stage } from './importWorkbooks';

let app: ReturnType<typeof openTestApp>;
beforeEach(async () => {
  app = openTestApp();
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
});
afterEach(() => app.close());

const tanPhu = { kind: 'htx' as const, name: 'HTX Nông nghiệp - Dịch vụ Tân Phú', registrationNo: '1600555666', communeCode: XA_VINH_AN };

describe('a name whose trades are written in another order', () => {
  it('is asked about before a second organization is saved in the commune, and shown while it is typed', async () => {
    const stored = await call(app, 'organizations:create', tanPhu);
    const again = { kind: 'htx' as const, name: 'HTX DV-NN Tân Phú', communeCode: XA_VINH_AN };
    expect(await callFailing(app, 'organizations:create', again)).toEqual({
      kind: 'conflict',
      message: 'Đã có tổ chức tên gần giống ở xã Vĩnh An: HTX Nông nghiệp - Dịch vụ Tân Phú. Nếu đúng là tổ chức khác, hãy xác nhận để lưu.',
      existingId: stored.id,
      similar: [{ id: stored.id, name: tanPhu.name, detail: 'Xã Vĩnh An, Mã số HTX 1600555666' }],
    });
    expect((await call(app, 'organizations:checkDuplicates', { name: 'Hợp tác xã Dịch vụ và Nông nghiệp Tân Phú', communeCode: XA_VINH_AN })).map((found) => found.id)).toEqual([stored.id]);
    // Another place after the same trades is another organization.
    expect((await call(app, 'organizations:create', { ...again, name: 'HTX DV-NN Phú Tân' })).name).toBe('HTX DV-NN Phú Tân');
  });

  it('is matched by an import to the organization of the register, its «Cập nhật» keeping the stored name', async () => {
    const stored = await call(app, 'organizations:create', tanPhu);
    const list = ['Tên hợp tác xã;Địa chỉ;Điện thoại', 'HTX DV-NN Tân Phú;Xã Vĩnh An;0912 345 678'].join('\n');
    const { jobId, analysis } = await analyze(app, stage(app, 'danh sach.csv', `\ufeff${list}`));
    const { preview } = await previewOf(app, jobId, proposedMapping(analysis));
    // Matched by its name, as any name match: «Bỏ qua» until the person chooses «Cập nhật», never a second one added.
    expect(preview.page.rows.map((row) => [row.row, row.match?.reason ?? null, row.match?.id ?? null, row.defaultAction, row.changes?.fields])).toEqual([
      [2, 'sameName', stored.id, 'skip', [{ field: 'phone', before: '', after: '0912 345 678' }]],
    ]);
  });

  it('is keyed anew in a file whose keys were computed before, at its next start', async () => {
    const stored = await call(app, 'organizations:create', tanPhu);
    const sqlite = app.ctx.db.$client;
    // As an earlier version left it: the trades in the order written, computed under other rules.
    sqlite.prepare("UPDATE organizations SET name_key = 'nong nghiep dich vu tan phu' WHERE id = ?").run(stored.id);
    sqlite.prepare(`UPDATE settings SET value = '"before trades in one order"' WHERE key = 'name_rules'`).run();
    expect((await call(app, 'organizations:checkDuplicates', { name: 'HTX DV-NN Tân Phú', communeCode: XA_VINH_AN })).map((found) => found.id)).toEqual([]);
    expect(refreshNameKeys(app.ctx)).toBe(1);
    expect((await call(app, 'organizations:checkDuplicates', { name: 'HTX DV-NN Tân Phú', communeCode: XA_VINH_AN })).map((found) => found.id)).toEqual([stored.id]);
  });
});
