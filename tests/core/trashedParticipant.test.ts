import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tradePromotionTables } from '../../src/core/excel/reports/tradePromotion';
import type { Row } from '../../src/core/excel/write/writer';
import { promotionFigures } from '../../src/core/services/promotion';
import { AN_GIANG, call, openTestApp, XA_VINH_AN, XA_VINH_BINH } from './support';

let app: ReturnType<typeof openTestApp>;
beforeEach(async () => {
  app = openTestApp();
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
});
afterEach(() => app.close());

describe('a participant in the trash', () => {
  it('is listed on its event marked, and counted neither there nor in the trade-promotion report', async () => {
    const vinhBinh = await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Bình', communeCode: XA_VINH_BINH });
    const vinhAn = await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Vĩnh An', communeCode: XA_VINH_AN });
    const hafoods = await call(app, 'partners:create', { kind: 'enterprise', name: 'Công ty CP Thực phẩm Hà Nội', provinceCode: '01' });
    const event = await call(app, 'events:create', { kind: 'supply_demand_conference', title: 'Hội nghị kết nối cung cầu', startsOn: '2026-10-15', provinceCode: AN_GIANG });
    await call(app, 'events:addParticipants', {
      eventId: event.id,
      participants: [
        { kind: 'organization', id: vinhBinh.id, status: 'attended' },
        { kind: 'organization', id: vinhAn.id, status: 'attended' },
        { kind: 'partner', id: hafoods.id, status: 'attended' },
      ],
    });
    const before = promotionFigures(app.ctx, '2026-01-01', '2026-12-31').total;
    expect(before).toMatchObject({ cooperatives: 2, enterprises: 1 });

    await call(app, 'organizations:delete', { id: vinhAn.id });
    await call(app, 'partners:delete', { id: hafoods.id });
    const shown = await call(app, 'events:get', { id: event.id });
    expect(shown.participants.map((p) => [p.name, p.inTrash])).toEqual([
      ['HTX Nông nghiệp Vĩnh Bình', false],
      ['HTX Vĩnh An', true],
      ['Công ty CP Thực phẩm Hà Nội', true],
    ]);
    expect([shown.organizationCount, shown.partnerCount, shown.attendedCount]).toEqual([1, 0, 1]);
    expect((await call(app, 'events:list', { page: 1, pageSize: 10 })).rows[0]).toMatchObject({ organizationCount: 1, partnerCount: 0, attendedCount: 1 });
    expect(promotionFigures(app.ctx, '2026-01-01', '2026-12-31').total).toMatchObject({ cooperatives: 1, enterprises: 0 });
    // Nor in the report's list of events, who came to each.
    expect([...((tradePromotionTables(app.ctx, '2026-01-01', '2026-12-31').events?.rows ?? []) as Iterable<Row>)][0]).toMatchObject({ organizations: 1, partners: 0 });

    // Restored, it counts again.
    await call(app, 'organizations:restore', { id: vinhAn.id });
    expect((await call(app, 'events:get', { id: event.id })).organizationCount).toBe(2);
  });
});
