import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Certification } from '../../src/shared/contract';
import { AppProviders, createQueryClient } from '../../src/renderer/src/AppProviders';
import { ProductsTab } from '../../src/renderer/src/pages/organization/ProductsTab';
import { ProductForm } from '../../src/renderer/src/pages/organization/products/ProductForm';
import { installFakeApi, ok, organizationDetail } from './fakeApi';


function isoInDays(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (part: number) => String(part).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function certification(overrides: Partial<Certification>): Certification {
  return {
    id: 1,
    organizationId: 7,
    productId: 5,
    kindCode: 'ocop',
    kindName: 'OCOP',
    stars: null,
    number: '',
    issuer: '',
    issuedOn: null,
    expiresOn: null,
    ...overrides,
  };
}

describe('products tab', () => {
  it('shows products with volume, price and certifications, stars and expiry badges', async () => {
    installFakeApi({
      'products:list': () =>
        ok({
          products: [
            {
              id: 5,
              organizationId: 7,
              name: 'Xoài cát Hòa Lộc',
              productGroup: 'Thực phẩm',
              unit: 'kg',
              volume: 120000,
              volumePeriod: 'year',
              price: 35000,
              note: '',
              certifications: [
                certification({ id: 1, stars: 4, number: '12/2023', issuer: 'UBND tỉnh Đồng Tháp', issuedOn: '2023-03-01', expiresOn: isoInDays(30) }),
                certification({ id: 2, kindCode: 'vietgap', kindName: 'VietGAP', number: 'VG-01', expiresOn: isoInDays(-3) }),
              ],
            },
          ],
          generalCertifications: [certification({ id: 3, productId: null, kindCode: 'vung-trong', kindName: 'Mã số vùng trồng', number: 'VN-DTOR-0012' })],
        }),
    });
    render(
      <AppProviders queryClient={createQueryClient()} env="test">
        <ProductsTab organization={organizationDetail()} />
      </AppProviders>,
    );

    const product = await screen.findByRole('region', { name: 'Xoài cát Hòa Lộc' });
    expect(within(product).getByText('Thực phẩm · 120.000 kg/năm · 35.000 ₫/kg')).toBeTruthy();
    expect(within(product).getByText('★★★★').getAttribute('aria-label')).toBe('4 sao');
    expect(within(product).getByText('01/03/2023')).toBeTruthy();
    expect(within(product).getByText('Sắp hết hạn')).toBeTruthy();
    expect(within(product).getByText('Đã hết hạn')).toBeTruthy();
    const general = screen.getByRole('region', { name: 'Chứng nhận chung của tổ chức' });
    expect(within(general).getByText('VN-DTOR-0012')).toBeTruthy();
  });
});

describe('product form', () => {
  it('asks for the unit of a volume before saving, under Đơn vị tính', async () => {
    const api = installFakeApi({});
    render(
      <AppProviders queryClient={createQueryClient()}>
        <ProductForm organizationId={7} onDone={() => undefined} />
      </AppProviders>,
    );
    fireEvent.change(screen.getByLabelText(/^Tên sản phẩm/), { target: { value: 'Dưa hấu' } });
    const volume = screen.getByLabelText(/^Sản lượng/);
    fireEvent.focus(volume);
    fireEvent.input(volume, { target: { value: '30' } });
    fireEvent.blur(volume);
    fireEvent.click(screen.getByRole('button', { name: 'Lưu sản phẩm' }));
    expect(await screen.findByText('Sản lượng cần có đơn vị tính (tấn, kg, …).')).toBeTruthy();
    expect(screen.getByLabelText(/^Đơn vị tính/).getAttribute('aria-invalid')).toBe('true');
    expect(api.mock.calls.filter(([channel]) => channel === 'products:save')).toEqual([]);
  });
});
