/** The member register: organizations of the four kinds, their contacts, and unions' members. */
import { z } from 'zod';
import { classifications, organizationKinds, organizationStatuses } from '../domain';
import type { Organization, OrganizationKind, OrganizationStatus, Page } from '../domain';
import {
  channel,
  code,
  confirmedSimilarIds,
  isoDate,
  optionalCount,
  optionalEmail,
  optionalPhone,
  optionalIsoDate,
  listOf,
  optionalText,
  pageInput,
  requiredText,
  searchText,
} from './define';
import { cleanText, formatIsoDateVi } from '../text';

/** Mã số HTX is the tax code: 10 digits, or 10 digits, a dash and 3 digits for a branch. */
export const registrationNoPattern = /^\d{10}(-\d{3})?$/;

const id = z.number().int().positive();

/**
 * A tax code as typed — a Mã số HTX is one, a partner's mã số thuế another: spaces dropped, blank
 * becomes ''. Excel shows one kept in a number cell without its leading 0 (0310340517 → 310340517):
 * nine digits not starting with 0 are most likely that, so the refusal says which code to write.
 * The code stays refused — only the person knows it is theirs. `label` names the field in that
 * refusal; `shape` is the refusal of any other code.
 */
export function taxCodeField(label: string, shape: string) {
  const refusal = (typed: string) =>
    /^[1-9]\d{8}(-\d{3})?$/.test(typed) ? `${label} có 10 chữ số, «${typed}» mới có 9 — nếu Excel đã bỏ số 0 ở đầu, hãy ghi 0${typed}.` : shape;
  return z
    .string()
    .optional()
    .transform((value) => cleanText(value ?? '').replace(/\s/g, ''))
    .pipe(z.union([z.literal(''), z.string().regex(registrationNoPattern, { error: (issue) => refusal(String(issue.input)) })]));
}

/** Mã số HTX as typed. */
const registrationNo = taxCodeField('Mã số HTX', 'Mã số HTX (mã số thuế) gồm 10 chữ số, hoặc 10 chữ số, gạch ngang và 3 chữ số.');

/** A code from a lookup table (sector, size class): missing or blank becomes null. */
const optionalLookupCode = z
  .string()
  .max(50)
  .nullable()
  .optional()
  .transform((value) => (value ? value : null));

const organizationFields = {
  kind: z.enum(organizationKinds, { error: 'Chưa chọn loại hình tổ chức.' }),
  name: requiredText('Tên tổ chức', 300),
  shortName: optionalText('Tên viết tắt', 100),
  registrationNo,
  communeCode: code('xã, phường', 5),
  street: optionalText('Số nhà, đường, ấp/thôn', 300),
  /** The address as written before 1 July 2025 ("ấp Vĩnh Hòa, huyện Châu Thành"), kept as it was. */
  oldAddress: optionalText('Địa chỉ cũ (trước 01/07/2025)', 500),
  foundedOn: optionalIsoDate('Ngày thành lập'),
  /** A code of the `sectors` table; the service checks it exists. */
  sectorCode: optionalLookupCode,
  phone: optionalPhone('Điện thoại'),
  email: optionalEmail('Thư điện tử'),
  website: optionalText('Trang web', 200),
  representative: optionalText('Người đại diện theo pháp luật', 120),
  /** In đồng. */
  charterCapital: optionalCount('Vốn điều lệ'),
  /** A code of the `size_classes` table; the service checks it exists. */
  sizeClass: optionalLookupCode,
  memberSince: optionalIsoDate('Ngày gia nhập Liên minh'),
  memberUntil: optionalIsoDate('Ngày thôi là thành viên Liên minh'),
  highTech: z.boolean().optional().default(false),
  valueChain: z.boolean().optional().default(false),
  /** The organizations of nearly the same name in the same commune the person was shown. */
  confirmedSimilarIds,
};

/** Leaving the alliance cannot come before joining it. */
function membershipDatesInOrder(
  value: { memberSince: string | null; memberUntil: string | null },
  ctx: z.RefinementCtx,
): void {
  if (value.memberSince && value.memberUntil && value.memberUntil < value.memberSince) {
    ctx.addIssue({
      code: 'custom',
      path: ['memberUntil'],
      message: `Ngày thôi là thành viên Liên minh không được trước ngày gia nhập (${formatIsoDateVi(value.memberSince)}).`,
    });
  }
}

export const organizationInput = z.object(organizationFields).superRefine(membershipDatesInOrder);
export type OrganizationInput = z.input<typeof organizationInput>;
export type ParsedOrganizationInput = z.output<typeof organizationInput>;

export const organizationUpdateInput = z.object({ id, ...organizationFields }).superRefine(membershipDatesInOrder);
export type OrganizationUpdateInput = z.input<typeof organizationUpdateInput>;

/** The kinds as they read in a sentence of a message (screens use their own translations). */
export const organizationKindNames: Record<OrganizationKind, string> = {
  htx: 'Hợp tác xã',
  lhhtx: 'Liên hiệp hợp tác xã',
  tht: 'Tổ hợp tác',
  qtdnd: 'Quỹ tín dụng nhân dân',
};

/**
 * The day an organization left, or leaves, the alliance: the day typed as its leaving, or the day
 * it ended (dissolved, bankrupt, split, merged, converted) when that came first — one that no longer
 * exists is a member no more, nobody having to type it. Null while neither is known.
 */
export function membershipEndsOn(organization: { memberUntil: string | null; endedOn: string | null }): string | null {
  const { memberUntil, endedOn } = organization;
  return memberUntil === null || (endedOn !== null && endedOn < memberUntil) ? endedOn : memberUntil;
}

/** What the register's status says of an organization, as a sentence goes on: «tổ chức đã giải thể». */
export const organizationStatusWords: Record<OrganizationStatus, string> = {
  active: 'đang hoạt động',
  suspended: 'đang tạm ngừng hoạt động',
  dissolving: 'đang giải thể',
  dissolved: 'đã giải thể',
  bankrupt: 'đã phá sản',
  reorganized: 'đã được tổ chức lại (chia, tách, hợp nhất hoặc sáp nhập)',
};

/** How an organization ended, as it reads in a sentence of a message: «giải thể ngày 03/12/2026». */
export const organizationEndingNames: Partial<Record<OrganizationStatus, string>> = {
  dissolved: 'giải thể',
  bankrupt: 'phá sản',
  reorganized: 'tổ chức lại',
};

export const organizationSortKeys = ['name', 'foundedOn', 'registrationNo', 'commune', 'kind', 'status'] as const;
export type OrganizationSortKey = (typeof organizationSortKeys)[number];

/** Xếp loại filter values: the four classes, and Chưa xếp loại (no class that year). */
export const classificationFilters = [...classifications, 'unclassified'] as const;
export type ClassificationFilter = (typeof classificationFilters)[number];

/** Of the alliance's province (Trong tỉnh), or based in another (Ngoài tỉnh): the register's and the year grid's filter. */
export const placeFilter = z.enum(['home', 'elsewhere']);

export const organizationListInput = z
  .object({
    query: searchText().optional(),
    /** One kind; kept for callers written before `kinds`. Combined with `kinds` as "any of". */
    kind: z.enum(organizationKinds).optional(),
    kinds: listOf(z.enum(organizationKinds), 10, 'loại hình').optional(),
    sectorCodes: listOf(z.string().max(50), 200, 'ngành nghề').optional(),
    /** Every commune of the country (3,321) may be chosen; a province has a few hundred. */
    communeCodes: listOf(code('xã, phường', 5), 5000, 'xã, phường').optional(),
    statuses: listOf(z.enum(organizationStatuses), 10, 'trạng thái').optional(),
    /** Member of the alliance today (per the dates), or not. */
    membership: z.enum(['member', 'nonMember']).optional(),
    place: placeFilter.optional(),
    classification: z.enum(classificationFilters).optional(),
    classificationYear: z.number().int().min(1900).max(2200).optional(),
    /** Has a certification of this kind (a code of `certification_kinds`). */
    certificationKind: z.string().max(50).optional(),
    /** With `certificationKind`: only certificates not expired today. */
    certificationValid: z.boolean().optional().default(false),
    sort: z
      .object({
        by: z.enum(organizationSortKeys),
        direction: z.enum(['asc', 'desc']).default('asc'),
      })
      .optional()
      .default({ by: 'name', direction: 'asc' }),
    ...pageInput,
  })
  .superRefine((value, ctx) => {
    if (value.classification && value.classificationYear === undefined) {
      ctx.addIssue({ code: 'custom', path: ['classificationYear'], message: 'Chọn năm để lọc theo xếp loại.' });
    }
  });
export type OrganizationListInput = z.input<typeof organizationListInput>;

export const organizationTrashInput = z.object({
  ...pageInput,
  /** Only this organization, if it is in the trash: the page a possible-duplicate notice links to. */
  id: id.optional(),
});

export const duplicateCheckInput = z.object({
  name: requiredText('Tên tổ chức', 300),
  communeCode: code('xã, phường', 5),
  registrationNo,
  /** The organization being edited, which is not its own duplicate. */
  excludeId: id.optional(),
});
export type DuplicateCheckInput = z.input<typeof duplicateCheckInput>;

export const contactInput = z.object({
  name: requiredText('Họ tên người liên hệ', 120),
  role: optionalText('Chức vụ', 120),
  phone: optionalPhone('Điện thoại'),
  email: optionalEmail('Thư điện tử'),
});
export type ContactInput = z.input<typeof contactInput>;

export const contactsSetInput = z.object({
  organizationId: id,
  contacts: z.array(contactInput).max(50, { error: 'Mỗi tổ chức ghi tối đa 50 người liên hệ.' }),
});

export const unionAddMemberInput = z.object({
  unionId: id,
  memberId: id,
  joinedOn: optionalIsoDate('Ngày gia nhập liên hiệp'),
});

export const unionEndMembershipInput = z.object({
  linkId: id,
  leftOn: isoDate('Ngày rời liên hiệp'),
});

/** A contact person of an organization (người liên hệ). */
export interface OrganizationContact {
  id: number;
  name: string;
  role: string;
  phone: string;
  email: string;
}

/** One dated link between a union of cooperatives (liên hiệp HTX) and a member cooperative. */
export interface UnionMembership {
  linkId: number;
  unionId: number;
  unionName: string;
  memberId: number;
  memberName: string;
  memberCommuneName: string;
  joinedOn: string | null;
  /** The day it left the union, or else the day the member ceased to exist; null while current. */
  leftOn: string | null;
}

/** Everything the register holds about one organization, for its profile page. */
export interface OrganizationDetail extends Organization {
  oldAddress: string;
  phone: string;
  email: string;
  website: string;
  representative: string;
  /** In đồng. */
  charterCapital: number | null;
  sizeClass: string | null;
  memberSince: string | null;
  memberUntil: string | null;
  highTech: boolean;
  valueChain: boolean;
  contacts: OrganizationContact[];
  /** The unions it is (or was) a member of, if it is a cooperative. */
  unions: UnionMembership[];
  /** Its member cooperatives, if it is a union. */
  members: UnionMembership[];
  /** What looks wrong but does not stop saving, in Vietnamese, e.g. fewer members than the law asks. */
  warnings: string[];
  /**
   * It has yearly figures or lifecycle events: its kind is part of its past, so the form does not
   * change it — a change of kind is a «Chuyển đổi» recorded with its day.
   */
  hasHistory: boolean;
}

/** An organization's members and revenue of the latest year it has either for (Số liệu hằng năm). */
export interface LatestFigures {
  year: number;
  membersOfficial: number | null;
  /** In đồng. */
  revenue: number | null;
}

/** A row of the register's list: the organization, how to reach it, and its latest figures. */
export interface OrganizationListRow extends Organization {
  phone: string;
  email: string;
  /** Người đại diện theo pháp luật. */
  representative: string;
  /** Null when it has figures for no year. */
  latestFigures: LatestFigures | null;
}

export interface DeletedOrganization extends Organization {
  deletedAt: string;
}

/** An existing organization that the one being entered may be. */
export interface DuplicateCandidate {
  id: number;
  name: string;
  /** What tells it apart, as a save's refusal lists it: street and commune, Mã số HTX, status unless working. */
  detail: string;
  /** Same Mã số HTX, or the same name key (`organizationNameKey`) in the same commune. */
  reason: 'registrationNo' | 'sameName';
  /** In the trash (Thùng rác): to be restored rather than entered again; a save does not question it. */
  inTrash?: true;
}

export const organizationContract = {
  'organizations:list': channel<Page<OrganizationListRow>>()(organizationListInput),
  'organizations:get': channel<OrganizationDetail>()(z.object({ id })),
  'organizations:create': channel<Organization>()(organizationInput),
  'organizations:update': channel<Organization>()(organizationUpdateInput),
  'organizations:delete': channel<null>()(z.object({ id })),
  'organizations:restore': channel<Organization>()(z.object({ id })),
  'organizations:trash': channel<Page<DeletedOrganization>>()(organizationTrashInput),
  'organizations:checkDuplicates': channel<DuplicateCandidate[]>()(duplicateCheckInput),
  'contacts:set': channel<OrganizationContact[]>()(contactsSetInput),
  'unions:addMember': channel<UnionMembership>()(unionAddMemberInput),
  'unions:endMembership': channel<UnionMembership>()(unionEndMembershipInput),
  'unions:removeMember': channel<null>()(z.object({ linkId: id })),
};
