/**
 * Domain vocabulary shared by backend and screens. The four kinds of collective organization are
 * fixed by the Cooperative Law 2023; what the law leaves to change (minimum members, size classes)
 * lives in data, not here.
 */

export const organizationKinds = ['htx', 'lhhtx', 'tht', 'qtdnd'] as const;
export type OrganizationKind = (typeof organizationKinds)[number];

/**
 * Where an organization stands. `reorganized` is the end of one that was split (chia), merged into
 * a new one (hợp nhất), absorbed (sáp nhập) or converted into another kind (chuyển đổi): its
 * history stays, its successors carry on.
 */
export const organizationStatuses = ['active', 'suspended', 'dissolving', 'dissolved', 'bankrupt', 'reorganized'] as const;
export type OrganizationStatus = (typeof organizationStatuses)[number];

export const sectorGroups = ['agriculture', 'non_agriculture'] as const;
export type SectorGroup = (typeof sectorGroups)[number];

/** Xếp loại: Tốt, Khá, Trung bình, Yếu; absent means Chưa xếp loại. */
export const classifications = ['good', 'fair', 'average', 'weak'] as const;
export type Classification = (typeof classifications)[number];

/**
 * Quá trình hoạt động (Cooperative Law 2023): Thành lập, Đổi tên, Tạm ngừng, Hoạt động trở lại,
 * Chia (split: the old one ends), Tách (separation: the old one stays), Hợp nhất (consolidation into
 * a new one), Sáp nhập (merger into an existing one), Chuyển đổi (conversion: a THT that registers
 * as an HTX, say — the old one ends and the one of the new kind carries on, so that the years
 * before count it as what it was), Giải thể, Phá sản.
 */
export const lifecycleEventKinds = [
  'founding',
  'renaming',
  'suspension',
  'resumption',
  'split',
  'separation',
  'consolidation',
  'merger',
  'conversion',
  'dissolution',
  'bankruptcy',
] as const;
export type LifecycleEventKind = (typeof lifecycleEventKinds)[number];

/** `subject`: the one the event happens to (or absorbs others); predecessors end; successors begin. */
export const lifecycleRoles = ['subject', 'predecessor', 'successor'] as const;
export type LifecycleRole = (typeof lifecycleRoles)[number];

export interface Alliance {
  name: string;
  provinceCode: string;
  address: string;
  chairName: string;
  phone: string;
  email: string;
}

export interface Province {
  code: string;
  type: string;
  name: string;
  fullName: string;
}

/** A province as pickers offer it: with the provinces of before 1 July 2025 merged into it, by which it may be typed. */
export interface ProvinceChoice extends Province {
  formerNames: string[];
}

export interface Commune {
  code: string;
  type: string;
  name: string;
  fullName: string;
  provinceCode: string;
}

/** Where an address from before 1 July 2025 lies now: one commune, several to choose from, or none. */
export type OldAddressMatch =
  | { kind: 'mapped'; commune: Commune }
  | { kind: 'ambiguous'; candidates: Commune[] }
  | { kind: 'unknown' };

export interface Organization {
  id: number;
  kind: OrganizationKind;
  name: string;
  shortName: string;
  registrationNo: string | null;
  provinceCode: string;
  communeCode: string;
  communeName: string;
  street: string;
  sectorCode: string | null;
  foundedOn: string | null;
  /** Member of the alliance today: joined, and not left or leaving only in the future. */
  isMember: boolean;
  status: OrganizationStatus;
  endedOn: string | null;
  createdAt: string;
  updatedAt: string;
  /**
   * The name of its province when that is not the alliance's (Ngoài tỉnh): kept in the register,
   * counted in none of this province's statistics (`inHomeProvince`). Null for this province's.
   */
  otherProvinceName: string | null;
  /** Found by a search only with one slipped, missing or swapped letter forgiven. */
  nearMatch?: true;
  /** Its address from before 1 July 2025, when a search found it by a word only that address holds. */
  matchedOldAddress?: string;
}

/**
 * The first and last years an organization exists in: the statistics' rule (`existsAtYearEnd` in
 * src/core/db/predicates.ts), said here of one organization for the screens and the services that
 * check figures and endings by it. A year's statistics count those founded by its last day and not
 * ended by then, so one that ended at any time in a year — 1 January or 31 December — is counted
 * in it no more, nor are its figures of that year: it keeps figures up to the year before.
 * Null where the founding day is not known, or it has not ended.
 */
export function yearsLived({ foundedOn, endedOn }: Pick<Organization, 'foundedOn' | 'endedOn'>): { first: number | null; last: number | null } {
  const yearOf = (day: string) => Number(day.slice(0, 4));
  return {
    first: foundedOn === null ? null : yearOf(foundedOn),
    last: endedOn === null ? null : yearOf(endedOn) - 1,
  };
}

export interface Page<T> {
  rows: T[];
  /** How many rows match; when `totalCapped` is true, more than this many do (see below). */
  total: number;
  /**
   * Set (true) only when counting stopped at a cap: more than `total` rows match. The register's
   * search counts at most `SEARCH_COUNT_CAP` (1,000) matches, so "v" reads "hơn 1.000 tổ chức".
   * Absent means `total` is exact.
   */
  totalCapped?: true;
}

export interface AppInfo {
  version: string;
  databaseFile: string;
  schemaVersion: number;
}

/**
 * Đối tác: the other side of every connection. Enterprises say what line they are in
 * (`PartnerBusinessLine`); the other kinds need no such detail.
 */
export const partnerKinds = [
  'enterprise',
  'wholesale_market',
  'retail_outlet',
  'online_channel',
  'logistics',
  'alliance',
  'state_agency',
] as const;
export type PartnerKind = (typeof partnerKinds)[number];

export const partnerBusinessLines = ['distribution', 'supermarket', 'processing', 'export', 'other'] as const;
export type PartnerBusinessLine = (typeof partnerBusinessLines)[number];

/**
 * Sự kiện xúc tiến thương mại: the kind is a code of the `event_kinds` lookup, which the office
 * edits (Hội nghị kết nối cung – cầu, Hội nghị chuyên đề, Tọa đàm …); its name is read from there.
 */
export type EventKind = string;

/** A code of the `participant_roles` lookup (Tham dự, Chủ trì, Khách mời, Trưng bày …). */
export type ParticipantRole = string;

/** The role a participant gets when none is chosen. */
export const DEFAULT_PARTICIPANT_ROLE: ParticipantRole = 'attendee';

export const participantStatuses = ['invited', 'registered', 'attended', 'absent'] as const;
export type ParticipantStatus = (typeof participantStatuses)[number];

/** Thỏa thuận ký kết: Biên bản ghi nhớ, Hợp đồng liên kết tiêu thụ, Chương trình phối hợp. */
export const agreementKinds = ['mou', 'sales_contract', 'cooperation_programme'] as const;
export type AgreementKind = (typeof agreementKinds)[number];

/**
 * Where an agreement stands. Never typed: derived from its dates, its deliveries and whether it was
 * terminated, on the day it is read (see `agreementStatus` in the core).
 */
export const agreementStatuses = ['draft', 'signed', 'in_progress', 'fulfilled', 'expired', 'terminated'] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];

/** Who signs: a member organization, a partner, or this alliance itself. */
export const agreementPartyKinds = ['organization', 'partner', 'alliance'] as const;
export type AgreementPartyKind = (typeof agreementPartyKinds)[number];

export const agreementPartyRoles = ['seller', 'buyer', 'cooperating', 'witness'] as const;
export type AgreementPartyRole = (typeof agreementPartyRoles)[number];

/** What an Excel import brings in. */
export const importKinds = ['organizations', 'figures', 'partners', 'products', 'offers', 'demands'] as const;
export type ImportKind = (typeof importKinds)[number];

/**
 * Where an offer (nguồn cung) or a demand (nhu cầu) stands. Never typed: derived from its dates,
 * its withdrawal and the quantity connected, on the day it is read (see shared/supply.ts).
 */
export const supplyStatuses = ['open', 'partly_connected', 'fully_connected', 'withdrawn', 'expired'] as const;
export type SupplyStatus = (typeof supplyStatuses)[number];
