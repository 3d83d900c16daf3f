/**
 * Kết nối cung – cầu: offers (nguồn cung) of member organizations, demands (nhu cầu) of partners
 * and of members that buy, the suggestions between them, the connections a person confirms, and
 * the lookups they use (product groups, units with their exact conversions, sales channels).
 */
import { z } from 'zod';
import { supplyStatuses, type OrganizationKind, type Page, type SupplyStatus } from '../domain';
import { formatIsoDateVi } from '../text';
import { isIsoDate } from '../typed';
import { agreementInput, type AgreementInput, type AgreementSummary } from './agreements';
import { channel, code, confirmedSimilarIds, isoDate, listOf, none, optionalCount, optionalIsoDate, optionalText, pageInput, requiredText, searchText } from './define';

const id = z.number({ error: 'Chưa chọn.' }).int().positive();
const optionalId = id.nullable().optional().transform((value) => value ?? null);

function lookupCode(what: string) {
  return z.string({ error: `Chưa chọn ${what}.` }).min(1, { error: `Chưa chọn ${what}.` }).max(40);
}

/** A quantity greater than 0, in its unit. */
function positiveQuantity(label: string) {
  return z
    .number({ error: `${label} phải là một số.` })
    .positive({ error: `${label} phải lớn hơn 0.` })
    .max(1e12, { error: `${label} lớn quá mức cho phép.` });
}

// ---------------------------------------------------------------------------------------------
// Lookups

export interface ProductGroup {
  code: string;
  name: string;
  /** Folded words and phrases, comma-separated. */
  keywords: string;
}

export interface Unit {
  code: string;
  name: string;
  aliases: string;
  /** The unit it converts to exactly; null for a base unit. */
  baseCode: string | null;
  /** How many of this unit make one base unit (kg: 1.000 per tấn); 1 for a base unit. */
  perBase: number;
}

export interface SalesChannel {
  code: string;
  name: string;
}

export interface SupplyLookups {
  productGroups: ProductGroup[];
  units: Unit[];
  channels: SalesChannel[];
}

/** How many records use each row of the lookups, by its code: a row in use cannot be deleted. */
export interface SupplyLookupUse {
  /** Offers and demands in each product group. */
  productGroups: Record<string, number>;
  /** Offers, demands and connections in each unit. */
  units: Record<string, number>;
  /** Connections and programmes through each channel. */
  channels: Record<string, number>;
}

export const productGroupInput = z.object({
  /** Absent to add a group. */
  code: z.string().min(1).max(40).optional(),
  name: requiredText('Tên nhóm sản phẩm', 100),
  keywords: optionalText('Từ khóa', 2000),
});
export type ProductGroupInput = z.input<typeof productGroupInput>;

export const unitInput = z
  .object({
    code: z.string().min(1).max(40).optional(),
    name: requiredText('Tên đơn vị tính', 30),
    aliases: optionalText('Cách viết khác', 300),
    baseCode: z.string().min(1).max(40).nullable().optional().transform((value) => value ?? null),
    perBase: z
      .number({ error: 'Hệ số quy đổi phải là một số.' })
      .positive({ error: 'Hệ số quy đổi phải lớn hơn 0.' })
      .max(1e9, { error: 'Hệ số quy đổi lớn quá mức cho phép.' })
      .default(1),
  })
  .superRefine((value, ctx) => {
    if (value.baseCode === null && value.perBase !== 1) {
      ctx.addIssue({ code: 'custom', path: ['perBase'], message: 'Đơn vị không quy đổi sang đơn vị khác thì hệ số là 1.' });
    }
  });
export type UnitInput = z.input<typeof unitInput>;

export const salesChannelInput = z.object({
  code: z.string().min(1).max(40).optional(),
  name: requiredText('Tên kênh tiêu thụ', 100),
});
export type SalesChannelInput = z.input<typeof salesChannelInput>;

// ---------------------------------------------------------------------------------------------
// Offers and demands

/** A certificate of the selling organization that is valid on the day asked about. */
export interface ValidCertificate {
  id: number;
  kindCode: string;
  kindName: string;
  stars: number | null;
  number: string;
  expiresOn: string | null;
  /** The product it certifies; '' for one of the organization as a whole. */
  productName: string;
}

/** The side that offers or asks: a member organization or a partner. */
export interface SupplyParty {
  kind: 'organization' | 'partner';
  id: number;
  name: string;
  /** For a member organization: HTX, THT …; null for a partner. */
  organizationKind: OrganizationKind | null;
}

/** What offers and demands share as lists show them. */
export interface SupplySummaryBase {
  id: number;
  programmeId: number | null;
  programmeName: string | null;
  product: string;
  productGroupCode: string;
  productGroupName: string;
  quantity: number;
  unitCode: string;
  unitName: string;
  /** Connected so far, in its own unit. */
  connected: number;
  /** What remains, in its own unit. */
  remaining: number;
  /** Per unit, in đồng: Giá từ alone is one price; Giá đến alone, the most (`priceRules`). */
  priceMin: number | null;
  priceMax: number | null;
  status: SupplyStatus;
  withdrawnOn: string | null;
}

export interface OfferSummary extends SupplySummaryBase {
  organization: SupplyParty;
  availableFrom: string;
  availableUntil: string | null;
  communeCode: string;
  /** "Xã Vĩnh An, Tỉnh An Giang". */
  placeName: string;
  provinceCode: string;
}

export interface DemandSummary extends SupplySummaryBase {
  buyer: SupplyParty;
  neededFrom: string;
  neededUntil: string | null;
  deliveryProvinceCode: string;
  deliveryProvinceName: string;
  deliveryPlace: string;
}

/** A connection as the offer's and demand's pages list it, with what was delivered against it. */
export interface ConnectionSummary {
  id: number;
  offerId: number;
  demandId: number;
  programmeId: number | null;
  programmeName: string | null;
  product: string;
  productGroupName: string;
  seller: SupplyParty;
  buyer: SupplyParty;
  quantity: number;
  unitCode: string;
  unitName: string;
  price: number | null;
  value: number | null;
  channelCode: string;
  channelName: string;
  connectedOn: string;
  note: string;
  /** The agreement it became, when that agreement is not in the trash. */
  agreementId: number | null;
  agreementTitle: string | null;
  /** Delivered on that agreement's commitment up to today, in the connection's unit; null without one. */
  delivered: number | null;
}

export interface CommonDetail {
  contactName: string;
  contactPhone: string;
  note: string;
  createdAt: string;
  updatedAt: string;
  connections: ConnectionSummary[];
}

export interface OfferDetail extends OfferSummary, CommonDetail {
  productId: number | null;
  packaging: string;
  deliveryTerms: string;
  /** The organization's certificates valid today: of the offer's product, or of the organization. */
  certificates: ValidCertificate[];
  /** The day its seller ended (dissolved, merged…), once come: the offer is closed from then (`supplyOpenOn`). */
  sellerEndedOn: string | null;
  /** Its seller is in the trash: the offer is left out of the lists and suggestions until restored (`sellerNotInTrash`). */
  sellerInTrash: boolean;
}

export interface DemandRequirement {
  kindCode: string;
  kindName: string;
  /** For OCOP: at least this many stars. */
  minStars: number | null;
}

export interface DemandDetail extends DemandSummary, CommonDetail {
  requirements: DemandRequirement[];
  qualityNote: string;
  /** The day its buyer, a member organization, ended (dissolved, merged…), once come: the demand is closed from then (`supplyOpenOn`). */
  buyerEndedOn: string | null;
  /** Its buyer is in the trash: the demand is left out of the lists and suggestions until restored (`buyerNotInTrash`). */
  buyerInTrash: boolean;
}

export interface DeletedOffer extends OfferSummary {
  deletedAt: string;
}
export interface DeletedDemand extends DemandSummary {
  deletedAt: string;
}
export interface DeletedConnection extends ConnectionSummary {
  deletedAt: string;
}

function periodRules(from: string, until: string | null, path: string, label: string, ctx: z.RefinementCtx): void {
  // Only two real days are compared: one typed wrong is said at its own field.
  if (until !== null && isIsoDate(from) && isIsoDate(until) && until < from) {
    ctx.addIssue({ code: 'custom', path: [path], message: `${label} không được trước ngày bắt đầu (${formatIsoDateVi(from)}).` });
  }
}

/**
 * A price is one price (Giá từ alone), a range (both), or a ceiling (Giá đến alone: «đến 15.000
 * đ/kg», the most a buyer pays — how buyers state a price; one rule for both sides, a seller's
 * «giá đến» reading as the dearest of its grades).
 */
function priceRules(value: { priceMin: number | null; priceMax: number | null }, ctx: z.RefinementCtx): void {
  if (value.priceMax !== null && value.priceMin !== null && value.priceMax < value.priceMin) {
    ctx.addIssue({ code: 'custom', path: ['priceMax'], message: 'Giá đến không được thấp hơn Giá từ.' });
  }
}

const offerFields = {
  organizationId: z.number({ error: 'Chưa chọn tổ chức có hàng.' }).int().positive({ error: 'Chưa chọn tổ chức có hàng.' }),
  /** One of the organization's products; null for a product typed here. */
  productId: optionalId,
  product: requiredText('Sản phẩm', 200),
  /** A product typed here is also added to the organization's products. */
  addToProducts: z.boolean().optional().default(false),
  productGroupCode: lookupCode('nhóm sản phẩm'),
  quantity: positiveQuantity('Số lượng'),
  unitCode: lookupCode('đơn vị tính'),
  availableFrom: isoDate('Có hàng từ ngày'),
  availableUntil: optionalIsoDate('Có hàng đến ngày'),
  priceMin: optionalCount('Giá từ'),
  priceMax: optionalCount('Giá đến'),
  communeCode: code('xã, phường nơi có hàng', 5),
  packaging: optionalText('Quy cách đóng gói', 500),
  deliveryTerms: optionalText('Điều kiện giao hàng', 500),
  contactName: optionalText('Người liên hệ', 120),
  contactPhone: optionalText('Điện thoại liên hệ', 40),
  note: optionalText('Ghi chú', 2000),
  programmeId: optionalId,
  /** The open offers this one may duplicate the person was shown. */
  confirmedSimilarIds,
};

type OfferShape = z.output<z.ZodObject<typeof offerFields>>;

function offerRules(value: OfferShape, ctx: z.RefinementCtx): void {
  periodRules(value.availableFrom, value.availableUntil, 'availableUntil', 'Có hàng đến ngày', ctx);
  priceRules(value, ctx);
}

export const offerInput = z.object(offerFields).superRefine(offerRules);
export type OfferInput = z.input<typeof offerInput>;
export type ParsedOfferInput = z.output<typeof offerInput>;
export const offerUpdateInput = z.object({ id, ...offerFields }).superRefine(offerRules);
export type OfferUpdateInput = z.input<typeof offerUpdateInput>;

const requirementInput = z.object({
  kindCode: lookupCode('loại chứng nhận'),
  minStars: z
    .number({ error: 'Số sao phải là một số.' })
    .int()
    .min(1, { error: 'Số sao OCOP từ 1 đến 5.' })
    .max(5, { error: 'Số sao OCOP từ 1 đến 5.' })
    .nullable()
    .optional()
    .transform((value) => value ?? null),
});

/** Who asks: a partner, or a member organization that buys. */
export const buyerInput = z.object({
  kind: z.enum(['organization', 'partner'], { error: 'Chưa chọn bên có nhu cầu.' }),
  id: z.number({ error: 'Chưa chọn bên có nhu cầu.' }).int().positive({ error: 'Chưa chọn bên có nhu cầu.' }),
});

const demandFields = {
  buyer: buyerInput,
  product: requiredText('Sản phẩm', 200),
  productGroupCode: lookupCode('nhóm sản phẩm'),
  quantity: positiveQuantity('Số lượng'),
  unitCode: lookupCode('đơn vị tính'),
  neededFrom: isoDate('Cần từ ngày'),
  neededUntil: optionalIsoDate('Cần đến ngày'),
  priceMin: optionalCount('Giá từ'),
  priceMax: optionalCount('Giá đến'),
  deliveryProvinceCode: code('tỉnh, thành phố giao hàng', 2),
  deliveryPlace: optionalText('Nơi giao hàng', 300),
  requirements: z.array(requirementInput).max(20, { error: 'Ghi tối đa 20 chứng nhận yêu cầu.' }).optional().default([]),
  qualityNote: optionalText('Yêu cầu chất lượng khác', 1000),
  contactName: optionalText('Người liên hệ', 120),
  contactPhone: optionalText('Điện thoại liên hệ', 40),
  note: optionalText('Ghi chú', 2000),
  programmeId: optionalId,
  /** The open demands this one may duplicate the person was shown. */
  confirmedSimilarIds,
};

type DemandShape = z.output<z.ZodObject<typeof demandFields>>;

function demandRules(value: DemandShape, ctx: z.RefinementCtx): void {
  periodRules(value.neededFrom, value.neededUntil, 'neededUntil', 'Cần đến ngày', ctx);
  priceRules(value, ctx);
  const seen = new Set<string>();
  value.requirements.forEach((requirement, index) => {
    if (seen.has(requirement.kindCode)) {
      ctx.addIssue({ code: 'custom', path: ['requirements', index, 'kindCode'], message: 'Chứng nhận này đã có ở trên; mỗi loại chỉ ghi một lần.' });
    }
    seen.add(requirement.kindCode);
  });
}

export const demandInput = z.object(demandFields).superRefine(demandRules);
export type DemandInput = z.input<typeof demandInput>;
export type ParsedDemandInput = z.output<typeof demandInput>;
export const demandUpdateInput = z.object({ id, ...demandFields }).superRefine(demandRules);
export type DemandUpdateInput = z.input<typeof demandUpdateInput>;

/** Withdrawn from a day on (the seller sold elsewhere, the buyer no longer needs it); null takes it back. */
export const withdrawInput = z.object({ id, withdrawnOn: isoDate('Ngày rút').nullable() });

const listFilters = {
  /** Over the product and the organization's or partner's name; ignores case and diacritics (đ→d). */
  search: searchText().optional().default(''),
  statuses: listOf(z.enum(supplyStatuses), 10, 'tình trạng').optional(),
  productGroupCode: z.string().max(40).optional(),
  programmeId: id.optional(),
  /** Whose window overlaps this year. */
  year: z.number().int().min(1900).max(2200).optional(),
};

export const offerListInput = z.object({ ...listFilters, organizationId: id.optional(), ...pageInput });
export type OfferListInput = z.input<typeof offerListInput>;
export const demandListInput = z.object({ ...listFilters, buyer: buyerInput.optional(), ...pageInput });
export type DemandListInput = z.input<typeof demandListInput>;

// ---------------------------------------------------------------------------------------------
// Suggestions

/** Why a suggestion is where it is: each criterion with the facts it was judged on. */
export type SuggestionReason =
  | { kind: 'product'; met: 'yes' | 'partly'; groupName: string; similarity: number; otherProduct: string }
  | { kind: 'period'; met: 'yes' | 'partly'; from: string; until: string | null; coverage: number }
  | {
      kind: 'quality';
      met: 'yes' | 'partly' | 'no';
      /** Nothing was required. */
      none: boolean;
      /** The day the certificates are judged valid on: the first day the goods are needed, from today on. */
      on: string;
      held: { kindName: string; stars: number | null; expiresOn: string | null }[];
      /** `validUntil`: the last day of a certificate that would meet it but runs out before `on`; null when none. */
      missing: { kindName: string; minStars: number | null; validUntil: string | null }[];
    }
  | { kind: 'quantity'; met: 'yes' | 'partly'; available: number; needed: number; unitName: string }
  | { kind: 'place'; met: 'yes' | 'no'; sameProvince: boolean; offerProvinceName: string; deliveryProvinceName: string }
  | {
      kind: 'price';
      /**
       * The offer's lowest asking price within the most the buyer pays, or above it; `partly`: an
       * offer giving only its dearest grade («đến …») above it; `unknown`: a side gave no price.
       */
      met: 'yes' | 'partly' | 'no' | 'unknown';
      /** Both sides' prices as they were given (`priceRules`), per the demand's unit. */
      offerMin: number | null;
      offerMax: number | null;
      buyerMin: number | null;
      buyerMax: number | null;
      unitName: string;
    };

export interface Suggestion<T> {
  item: T;
  /** 0..100: product 30, period 20, quality 25, quantity 15, place 10; up to 12 less for a price above what the buyer pays. */
  score: number;
  reasons: SuggestionReason[];
}

// ---------------------------------------------------------------------------------------------
// Connections

const connectionFields = {
  quantity: positiveQuantity('Số lượng kết nối'),
  unitCode: lookupCode('đơn vị tính'),
  /** Per unit, in đồng. */
  price: optionalCount('Giá'),
  channelCode: lookupCode('kênh tiêu thụ'),
  connectedOn: isoDate('Ngày kết nối'),
  programmeId: optionalId,
  note: optionalText('Ghi chú', 1000),
};

export const connectionInput = z.object({ offerId: id, demandId: id, ...connectionFields });
export type ConnectionInput = z.input<typeof connectionInput>;
export type ParsedConnectionInput = z.output<typeof connectionInput>;
export const connectionUpdateInput = z.object({ id, ...connectionFields });
export type ConnectionUpdateInput = z.input<typeof connectionUpdateInput>;

export const connectionListInput = z.object({
  search: searchText().optional().default(''),
  programmeId: id.optional(),
  channelCode: z.string().max(40).optional(),
  productGroupCode: z.string().max(40).optional(),
  /** Connected in this year. */
  year: z.number().int().min(1900).max(2200).optional(),
  /** A member organization (selling or buying) or a partner. */
  counterpart: z.object({ kind: z.enum(['organization', 'partner']), id }).optional(),
  ...pageInput,
});
export type ConnectionListInput = z.input<typeof connectionListInput>;

/** An agreement pre-filled from a connection: the seller and the buyer, and one commitment. */
export interface AgreementDraft {
  input: AgreementInput;
  /** The parties' names, in the order of `input.parties`, for the form's pickers. */
  partyNames: string[];
}

export const connectionAgreementInput = z.object({ connectionId: id, agreement: agreementInput });
export type ConnectionAgreementInput = z.input<typeof connectionAgreementInput>;

export const supplyContract = {
  'supply:lookups': channel<SupplyLookups>()(none),
  /**
   * Asked only where the lookups are kept (Danh mục): counting 300,000 offers, demands and
   * connections at national scale takes longer than every page that shows a unit's name may wait.
   */
  'supply:lookupUse': channel<SupplyLookupUse>()(none),
  'supply:saveProductGroup': channel<ProductGroup>()(productGroupInput),
  'supply:deleteProductGroup': channel<null>()(z.object({ code: z.string().min(1) })),
  'supply:saveUnit': channel<Unit>()(unitInput),
  'supply:deleteUnit': channel<null>()(z.object({ code: z.string().min(1) })),
  'supply:saveChannel': channel<SalesChannel>()(salesChannelInput),
  'supply:deleteChannel': channel<null>()(z.object({ code: z.string().min(1) })),

  'offers:list': channel<Page<OfferSummary>>()(offerListInput),
  'offers:get': channel<OfferDetail>()(z.object({ id })),
  'offers:create': channel<OfferSummary>()(offerInput),
  'offers:update': channel<OfferSummary>()(offerUpdateInput),
  'offers:withdraw': channel<OfferSummary>()(withdrawInput),
  'offers:delete': channel<null>()(z.object({ id })),
  'offers:restore': channel<OfferSummary>()(z.object({ id })),
  'offers:trash': channel<Page<DeletedOffer>>()(z.object({ ...pageInput })),
  /** The demands an offer may serve, best first, each with why. */
  'offers:suggestDemands': channel<Suggestion<DemandSummary>[]>()(z.object({ id })),

  'demands:list': channel<Page<DemandSummary>>()(demandListInput),
  'demands:get': channel<DemandDetail>()(z.object({ id })),
  'demands:create': channel<DemandSummary>()(demandInput),
  'demands:update': channel<DemandSummary>()(demandUpdateInput),
  'demands:withdraw': channel<DemandSummary>()(withdrawInput),
  'demands:delete': channel<null>()(z.object({ id })),
  'demands:restore': channel<DemandSummary>()(z.object({ id })),
  'demands:trash': channel<Page<DeletedDemand>>()(z.object({ ...pageInput })),
  /** The offers that may serve a demand, best first, each with why. */
  'demands:suggestOffers': channel<Suggestion<OfferSummary>[]>()(z.object({ id })),

  'connections:list': channel<Page<ConnectionSummary>>()(connectionListInput),
  'connections:create': channel<ConnectionSummary>()(connectionInput),
  'connections:update': channel<ConnectionSummary>()(connectionUpdateInput),
  'connections:delete': channel<null>()(z.object({ id })),
  'connections:restore': channel<ConnectionSummary>()(z.object({ id })),
  'connections:trash': channel<Page<DeletedConnection>>()(z.object({ ...pageInput })),
  /** The agreement a connection would become: the seller and buyer, one commitment, pre-filled. */
  'connections:agreementDraft': channel<AgreementDraft>()(z.object({ id })),
  /** Saves the agreement and links the connection to its first commitment, at once. */
  'connections:createAgreement': channel<{ connection: ConnectionSummary; agreement: AgreementSummary }>()(connectionAgreementInput),
  /** The connections an agreement was made from (usually one). */
  'connections:ofAgreement': channel<ConnectionSummary[]>()(z.object({ agreementId: id })),
};
