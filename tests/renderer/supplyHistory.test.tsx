import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppProviders, createQueryClient } from '../../src/renderer/src/AppProviders';
import { RecordHistory } from '../../src/renderer/src/components/RecordHistory';
import type { RecordHistory as History } from '../../src/shared/records';
import { installFakeApi, ok } from './fakeApi';

const tan = (quantity: number) => ({ quantity, unitCode: 'tan', unit: 'tấn' });

function renderHistory(kind: 'offer' | 'demand' | 'programme', history: History) {
  installFakeApi({ 'records:history': (input) => ok(input.kind === kind && input.id === 7 ? history : { entries: [], names: {} }) });
  return render(
    <AppProviders queryClient={createQueryClient()} env="test">
      <RecordHistory kind={kind} id={7} />
    </AppProviders>,
  );
}

describe('the history of supply–demand records', () => {
  it('writes an offer’s raw values as the office reads them', async () => {
    renderHistory('offer', {
      entries: [
        { at: '2026-05-21T03:00:00.000Z', action: 'update', changes: [{ field: 'quantity', before: tan(80), after: tan(90) }] },
        {
          at: '2026-05-20T03:00:00.000Z',
          action: 'create',
          changes: [
            { field: 'organizationId', before: null, after: 4 },
            { field: 'productGroupCode', before: null, after: 'lua_gao' },
            { field: 'priceMin', before: null, after: 18_000_000 },
            { field: 'availableFrom', before: null, after: '2026-06-01' },
            { field: 'communeCode', before: null, after: '30604' },
          ],
        },
      ],
      names: { 'organizationId:4': 'HTX Nông nghiệp Vĩnh Bình', 'productGroupCode:lua_gao': 'Lúa gạo', 'communeCode:30604': 'Xã Vĩnh An, Tỉnh An Giang' },
    });
    expect(await screen.findByText('Số lượng: 80 tấn → 90 tấn')).toBeTruthy();
    expect(screen.getByText('Sửa thông tin')).toBeTruthy();
    expect(screen.getByText('Thêm nguồn cung')).toBeTruthy();
    expect(screen.getByText('Tổ chức có hàng: (trống) → HTX Nông nghiệp Vĩnh Bình')).toBeTruthy();
    expect(screen.getByText('Nhóm sản phẩm: (trống) → Lúa gạo')).toBeTruthy();
    expect(screen.getByText('Giá từ (đồng/đơn vị): (trống) → 18.000.000 ₫')).toBeTruthy();
    expect(screen.getByText('Có hàng từ ngày: (trống) → 01/06/2026')).toBeTruthy();
    expect(screen.getByText('Nơi có hàng: (trống) → Xã Vĩnh An, Tỉnh An Giang')).toBeTruthy();
  });

  it('writes a demand’s certificates asked for, with the stars', async () => {
    renderHistory('demand', {
      entries: [
        {
          at: '2026-05-21T03:00:00.000Z',
          action: 'update',
          changes: [{ field: 'requirements', before: [{ kindCode: 'ocop', kindName: 'OCOP', minStars: 3 }], after: [{ kindCode: 'vietgap', kindName: 'VietGAP', minStars: null }] }],
        },
      ],
      names: {},
    });
    expect(await screen.findByText('Chứng nhận yêu cầu: OCOP từ 3 sao → VietGAP')).toBeTruthy();
  });

  it('writes a programme’s working group, channels and the events held under it', async () => {
    renderHistory('programme', {
      entries: [
        {
          at: '2026-05-21T03:00:00.000Z',
          action: 'update',
          changes: [{ field: 'event', before: null, after: { id: 2, title: 'Hội nghị kết nối cung – cầu 2026', startsOn: '2026-04-10' } }],
        },
        {
          at: '2026-05-20T03:00:00.000Z',
          action: 'create',
          changes: [
            { field: 'members', before: null, after: [{ name: 'Nguyễn Chí Thuần', role: 'Tổ trưởng', position: '', phone: '' }, { name: 'Trần Thị B', role: 'Thành viên', position: 'Văn phòng Liên minh', phone: '' }] },
            { field: 'channelCodes', before: null, after: ['cho_truyen_thong', 'tmdt'] },
          ],
        },
      ],
      names: { 'channelCodes:cho_truyen_thong': 'Chợ truyền thống', 'channelCodes:tmdt': 'Sàn thương mại điện tử' },
    });
    expect(await screen.findByText('Thêm sự kiện: Hội nghị kết nối cung – cầu 2026 (10/04/2026)')).toBeTruthy();
    expect(screen.getByText('Tạo chương trình')).toBeTruthy();
    expect(screen.getByText('Tổ công tác: (trống) → Nguyễn Chí Thuần (Tổ trưởng); Trần Thị B (Thành viên, Văn phòng Liên minh)')).toBeTruthy();
    expect(screen.getByText('Kênh tiêu thụ: (trống) → Chợ truyền thống, Sàn thương mại điện tử')).toBeTruthy();
  });
});
