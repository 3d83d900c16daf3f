/** What member organizations produce, and the certifications they hold (OCOP, VietGAP, …). */
import { z } from 'zod';
import { hasEntryDecimals, QUANTITY_ENTRY_DECIMALS } from '../agreements';
import { channel, optionalCount, optionalIsoDate, optionalText, requiredText } from './define';

export const volumePeriods = ['year', 'season'] as const;
export type VolumePeriod = (typeof volumePeriods)[number];

export interface Certification {
  id: number;
  organizationId: number;
  /** Null for a certification of the organization rather than of one product (e.g. a growing-area code). */
  productId: number | null;
  kindCode: string;
  kindName: string;
  /** OCOP stars 1–5; null for kinds without stars. */
  stars: number | null;
  number: string;
  issuer: string;
  issuedOn: string | null;
  expiresOn: string | null;
}

export interface Product {
  id: number;
  organizationId: number;
  name: string;
  productGroup: string;
  unit: string;
  /** Per year or per season (volumePeriod), in `unit`. */
  volume: number | null;
  volumePeriod: VolumePeriod;
  /** Price per unit, đồng. */
  price: number | null;
  note: string;
  certifications: Certification[];
}

export interface OrganizationProducts {
  products: Product[];
  /** Certifications not tied to one product. */
  generalCertifications: Certification[];
}

/** A certificate running out soon, or run out and not renewed, for the "needs attention" lists. */
export interface ExpiringCertification {
  certificationId: number;
  organizationId: number;
  organizationName: string;
  /** '' when the certification is not tied to a product. */
  productName: string;
  kindName: string;
  stars: number | null;
  number: string;
  expiresOn: string;
  /** Days from today (per the app's clock) to expiresOn; 0 is today, negative is already expired. */
  daysLeft: number;
}

const id = z.number().int().positive();
const organizationId = z.number({ error: 'Chưa chọn tổ chức.' }).int().positive({ error: 'Chưa chọn tổ chức.' });

const productValueFields = {
  name: requiredText('Tên sản phẩm', 200),
  productGroup: optionalText('Nhóm sản phẩm', 100),
  unit: optionalText('Đơn vị tính', 40),
  volume: z
    .number({ error: 'Sản lượng phải là một số.' })
    .min(0, { error: 'Sản lượng không được âm.' })
    .refine(hasEntryDecimals, { error: `Sản lượng ghi tối đa ${QUANTITY_ENTRY_DECIMALS} chữ số sau dấu phẩy.` })
    .nullable()
    .optional()
    .transform((value) => value ?? null),
  volumePeriod: z.enum(volumePeriods, { error: 'Sản lượng tính theo năm hoặc theo vụ.' }).default('year'),
  price: optionalCount('Giá bán'),
  note: optionalText('Ghi chú', 1000),
};

/** A volume is counted in a unit: "30" alone says neither 30 kg nor 30 tấn. */
function volumeHasUnit(product: { unit: string; volume: number | null }, context: z.RefinementCtx): void {
  if (product.volume !== null && product.unit === '') context.addIssue({ code: 'custom', path: ['unit'], message: 'Sản lượng cần có đơn vị tính (tấn, kg, …).' });
}

/** What a person fills in for a product: the form's fields, and an import row's. */
export const productValues = z.object(productValueFields).superRefine(volumeHasUnit);

export const productInput = z
  .object({
    /** Absent to add a product, present to change one. */
    id: id.optional(),
    organizationId,
    ...productValueFields,
  })
  .superRefine(volumeHasUnit);
export type ProductInput = z.input<typeof productInput>;

export const certificationInput = z
  .object({
    id: id.optional(),
    organizationId,
    productId: id.nullable().optional().transform((value) => value ?? null),
    kindCode: z.string({ error: 'Chưa chọn loại chứng nhận.' }).min(1, { error: 'Chưa chọn loại chứng nhận.' }).max(50, { error: 'Chưa chọn loại chứng nhận.' }),
      /**
     * Required for kinds with stars (OCOP), absent for the others (see certificationKinds of
     * 'lookups:get'); the service checks which.
     */
    stars: z
      .number({ error: 'Số sao phải là một số.' })
      .int({ error: 'Số sao phải là số nguyên.' })
      .min(1, { error: 'Số sao OCOP từ 1 đến 5.' })
      .max(5, { error: 'Số sao OCOP từ 1 đến 5.' })
      .nullable()
      .optional()
      .transform((value) => value ?? null),
    number: optionalText('Số giấy chứng nhận', 100),
    issuer: optionalText('Cơ quan cấp', 200),
    issuedOn: optionalIsoDate('Ngày cấp'),
    expiresOn: optionalIsoDate('Ngày hết hạn'),
  })
  .refine((input) => !input.issuedOn || !input.expiresOn || input.expiresOn >= input.issuedOn, {
    path: ['expiresOn'],
    error: 'Ngày hết hạn không được trước ngày cấp.',
  });
export type CertificationInput = z.input<typeof certificationInput>;

export const productsContract = {
  /** One organization's products (by name) with their certifications, and its other certifications. */
  'products:list': channel<OrganizationProducts>()(z.object({ organizationId })),
  'products:save': channel<Product>()(productInput),
  /** Its certifications stay, no longer tied to a product. */
  'products:delete': channel<null>()(z.object({ id })),
  'certifications:save': channel<Certification>()(certificationInput),
  'certifications:delete': channel<null>()(z.object({ id })),
  /**
   * The certificates to renew: expiring within `withinDays` from today, or expired within the last
   * 12 months and not renewed since (`expiringCertifications` in src/core/services/products.ts).
   */
  'certifications:expiring': channel<ExpiringCertification[]>()(z.object({ withinDays: z.number().int().min(0).max(3650).default(90) })),
};
