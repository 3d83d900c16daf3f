/** Đối tác: enterprises, markets, online channels, logistics, other alliances, state agencies. */
import { z } from 'zod';
import { partnerBusinessLines, partnerKinds, type Page, type PartnerBusinessLine, type PartnerKind } from '../domain';
import { channel, code, confirmedSimilarIds, optionalEmail, optionalPhone, optionalText, pageInput, requiredText, searchText } from './define';
import { taxCodeField } from './organizations';

/** A partner as lists and pickers show it. */
export interface PartnerSummary {
  id: number;
  kind: PartnerKind;
  businessLine: PartnerBusinessLine | null;
  name: string;
  shortName: string;
  taxCode: string | null;
  provinceCode: string;
  provinceName: string;
  contactName: string;
  phone: string;
  buys: string;
}

/** Everything the office keeps about one partner, for its page. */
export interface PartnerDetail extends PartnerSummary {
  address: string;
  contactRole: string;
  email: string;
  website: string;
  qualityRequirements: string;
  note: string;
  createdAt: string;
  updatedAt: string;
}

/** What a partner still has under way, said before it goes to the trash. */
export interface PartnerTies {
  /** Agreements it is party to that are signed or being carried out (`chasedStatuses`). */
  agreementsInForce: number;
  /** Its demands not yet met: not connected, or connected in part (`isConnectable`). */
  openDemands: number;
}

export interface DeletedPartner extends PartnerSummary {
  deletedAt: string;
}

/** An existing partner that the one being entered may be. */
export interface PartnerDuplicateCandidate {
  id: number;
  name: string;
  /** What tells it apart, as a save's refusal lists it: its address (else its province) and tax code. */
  detail: string;
  /** Same tax code, or the same name key (`partnerNameKey`) in the same province. */
  reason: 'taxCode' | 'sameName';
}

/** Lịch sử thay đổi of a partner reads like an organization's. */

const id = z.number().int().positive();

/** A tax code has the form of a Mã số HTX (both are tax codes). */
const taxCode = taxCodeField('Mã số thuế', 'Mã số thuế gồm 10 chữ số, hoặc 10 chữ số, gạch ngang và 3 chữ số (ví dụ 0101234567).');

const partnerFields = {
  kind: z.enum(partnerKinds, { error: 'Chưa chọn loại đối tác.' }),
  /** Distribution, supermarket chain, processing, export: enterprises only. */
  businessLine: z
    .enum(partnerBusinessLines, { error: 'Ngành kinh doanh đã chọn không có trong danh sách.' })
    .nullable()
    .optional()
    .transform((value) => value ?? null),
  name: requiredText('Tên đối tác', 300),
  shortName: optionalText('Tên viết tắt', 100),
  taxCode,
  /** Partners come from all 34 provinces, not only the alliance's own. */
  provinceCode: code('tỉnh, thành phố', 2),
  address: optionalText('Địa chỉ', 500),
  contactName: optionalText('Người liên hệ', 120),
  contactRole: optionalText('Chức vụ', 120),
  phone: optionalPhone('Điện thoại'),
  email: optionalEmail('Thư điện tử'),
  website: optionalText('Trang web', 200),
  buys: optionalText('Mặt hàng cần mua', 1000),
  qualityRequirements: optionalText('Yêu cầu chất lượng', 1000),
  note: optionalText('Ghi chú', 2000),
  /** The partners of nearly the same name in the same province the person was shown. */
  confirmedSimilarIds,
};

/** Only an enterprise says which line it is in; another kind with one is a mistake to point out. */
function businessLineOnlyForEnterprises(value: { kind: PartnerKind; businessLine: PartnerBusinessLine | null }, ctx: z.RefinementCtx): void {
  if (value.businessLine !== null && value.kind !== 'enterprise') {
    ctx.addIssue({
      code: 'custom',
      path: ['businessLine'],
      message: 'Ngành kinh doanh chỉ ghi cho đối tác là doanh nghiệp; hãy bỏ trống hoặc đổi loại đối tác.',
    });
  }
}

export const partnerInput = z.object(partnerFields).superRefine(businessLineOnlyForEnterprises);
export type PartnerInput = z.input<typeof partnerInput>;
export type ParsedPartnerInput = z.output<typeof partnerInput>;

export const partnerUpdateInput = z.object({ id, ...partnerFields }).superRefine(businessLineOnlyForEnterprises);
export type PartnerUpdateInput = z.input<typeof partnerUpdateInput>;

export const partnerSortKeys = ['name', 'kind', 'province', 'taxCode'] as const;
export type PartnerSortKey = (typeof partnerSortKeys)[number];

export const partnerListInput = z.object({
  /** Search as you type: ignores case and diacritics (đ→d); name, short name, tax code, contact, what they buy. */
  search: searchText().optional().default(''),
  kind: z.enum(partnerKinds).optional(),
  provinceCode: z.string().regex(/^\d{2}$/).optional(),
  /** By name unless said otherwise; ties in name are put in Vietnamese alphabetical order. */
  sort: z
    .object({
      by: z.enum(partnerSortKeys),
      direction: z.enum(['asc', 'desc']).default('asc'),
    })
    .optional()
    .default({ by: 'name', direction: 'asc' }),
  ...pageInput,
});
export type PartnerListInput = z.input<typeof partnerListInput>;

export const partnerDuplicateCheckInput = z.object({
  name: requiredText('Tên đối tác', 300),
  provinceCode: code('tỉnh, thành phố', 2),
  taxCode,
  /** The partner being edited, which is not its own duplicate. */
  excludeId: id.optional(),
});
export type PartnerDuplicateCheckInput = z.input<typeof partnerDuplicateCheckInput>;

/** Vietnamese labels of the fields shown in Lịch sử thay đổi, in the order the page shows them. */
export const partnersContract = {
  'partners:list': channel<Page<PartnerSummary>>()(partnerListInput),
  'partners:get': channel<PartnerDetail>()(z.object({ id })),
  'partners:create': channel<PartnerSummary>()(partnerInput),
  'partners:update': channel<PartnerSummary>()(partnerUpdateInput),
  'partners:delete': channel<null>()(z.object({ id })),
  'partners:restore': channel<PartnerSummary>()(z.object({ id })),
  'partners:trash': channel<Page<DeletedPartner>>()(z.object({ ...pageInput })),
  'partners:checkDuplicates': channel<PartnerDuplicateCandidate[]>()(partnerDuplicateCheckInput),
  'partners:ties': channel<PartnerTies>()(z.object({ id })),
};
