/**
 * The database schema. drizzle-kit generates the migrations in `drizzle/` from this file; the
 * migrations, never this file, are what an existing database is brought up to date with.
 *
 * Conventions: money is integer đồng, dates are ISO `YYYY-MM-DD` text, timestamps ISO text in UTC;
 * every searchable name has a folded companion (see `foldText`) that search runs on.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import {
  agreementKinds,
  agreementPartyKinds,
  agreementPartyRoles,
  classifications,
  importKinds,
  lifecycleEventKinds,
  lifecycleRoles,
  organizationKinds,
  organizationStatuses,
  participantStatuses,
  partnerBusinessLines,
  partnerKinds,
  sectorGroups,
} from '../../shared/domain';
import { comparisons, planKinds, planStatuses, targetUnits, type Measure } from '../../shared/plans';
import type { HistoryCause } from '../../shared/records';

/**
 * A column holding a closed list of codes (the law's or the app's own, not a lookup the office
 * edits): SQLite refuses any other value, however the row is written. A NULL passes; NOT NULL
 * says whether the column may be empty. Written as comparisons joined by OR, not `IN (…)`: for a
 * list in a check, SQLite builds a temporary index on every insert, which cost an import of 87,500
 * organizations about 0.2 s of their 0.7 s of inserting.
 */
function codeIn(name: string, column: AnySQLiteColumn, codes: readonly string[]) {
  return check(
    name,
    sql.join(
      codes.map((code) => sql`${bare(column)} = ${sql.raw(`'${code}'`)}`),
      sql` OR `,
    ),
  );
}

/**
 * An ISO date `YYYY-MM-DD` that exists: SQLite's date() gives the same text back only for such a
 * date ('2025-02-30' reads as 2 March, '2025-13-01' and '05/03/2025' as nothing). A NULL passes.
 */
function isoDate(name: string, column: AnySQLiteColumn) {
  return check(name, sql`date(${bare(column)}) IS ${bare(column)}`);
}

/**
 * A column named without its table: a check that names the table ("organizations"."kind") breaks
 * when the table is rebuilt under another name and renamed back, as drizzle-kit does.
 */
function bare(column: AnySQLiteColumn) {
  return sql.identifier(column.name);
}

const volumePeriods = ['year', 'season'] as const;
const importActions = ['create', 'update'] as const;
const auditActions = ['create', 'update', 'delete', 'restore'] as const;

// Lookups for what the law or practice may change (the domain marks them "(check)"): rows seeded
// by a migration and editable, not enums in code.

export const sectors = sqliteTable(
  'sectors',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    group: text('sector_group', { enum: sectorGroups }).notNull(),
    sortOrder: integer('sort_order').notNull(),
  },
  (table) => [codeIn('sectors_group_code', table.group, sectorGroups)],
);

export const sizeClasses = sqliteTable('size_classes', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  sortOrder: integer('sort_order').notNull(),
});

export const certificationKinds = sqliteTable('certification_kinds', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  /** OCOP certificates carry 1–5 stars. */
  hasStars: integer('has_stars', { mode: 'boolean' }).notNull().default(false),
  sortOrder: integer('sort_order').notNull(),
});

/**
 * Loại sự kiện (hội nghị kết nối cung – cầu, hội nghị chuyên đề, tọa đàm …): seeded by a migration,
 * edited by the office. A retired kind is no longer offered for new events; the events that have it
 * keep it and still show its name.
 */
export const eventKinds = sqliteTable('event_kinds', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  sortOrder: integer('sort_order').notNull(),
  retired: integer('retired', { mode: 'boolean' }).notNull().default(false),
  /** Held online (họp, hội thảo trực tuyến): its events take place in no province. */
  online: integer('online', { mode: 'boolean' }).notNull().default(false),
});

/** Vai trò của thành phần tham dự (chủ trì, khách mời, tham dự …): a lookup like `eventKinds`. */
export const participantRoles = sqliteTable('participant_roles', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  sortOrder: integer('sort_order').notNull(),
  retired: integer('retired', { mode: 'boolean' }).notNull().default(false),
});

// Vietnam's administrative units since 1 July 2025, as the shipped data has them
// (resources/admin-units/): filled at start from that file, and again when a new version of the
// app ships a changed one (src/core/shippedData.ts), so that queries join and sort by them.

export const provinces = sqliteTable('provinces', {
  code: text('code').primaryKey(),
  /** Tỉnh, Thành phố. */
  type: text('type').notNull(),
  name: text('name').notNull(),
  /** Rank in Vietnamese alphabetical order of the name (SQLite's own order puts Đ after Z). */
  sortOrder: integer('sort_order').notNull(),
});

export const communes = sqliteTable(
  'communes',
  {
    code: text('code').primaryKey(),
    /** Xã, Phường, Đặc khu. */
    type: text('type').notNull(),
    name: text('name').notNull(),
    provinceCode: text('province_code')
      .notNull()
      .references(() => provinces.code),
    /** Rank in Vietnamese alphabetical order of the name, then the type, over all communes. */
    sortOrder: integer('sort_order').notNull(),
  },
  (table) => [index('communes_province').on(table.provinceCode, table.sortOrder)],
);

/** Values the law sets and may change, e.g. the minimum number of members per kind. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  note: text('note').notNull().default(''),
});

/** The alliance office that owns this database: one row, id 1. */
export const alliance = sqliteTable(
  'alliance',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    provinceCode: text('province_code').notNull(),
    address: text('address').notNull().default(''),
    chairName: text('chair_name').notNull().default(''),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [check('alliance_single_row', sql`${table.id} = 1`)],
);

export const organizations = sqliteTable(
  'organizations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: organizationKinds }).notNull(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull().default(''),
    registrationNo: text('registration_no'),
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code').notNull(),
    street: text('street').notNull().default(''),
    /** An address from before 1 July 2025, kept exactly as written. */
    oldAddress: text('old_address').notNull().default(''),
    foundedOn: text('founded_on'),
    sectorCode: text('sector_code').references(() => sectors.code),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    website: text('website').notNull().default(''),
    representative: text('representative').notNull().default(''),
    /** Charter capital, in đồng. */
    charterCapital: integer('charter_capital'),
    sizeClass: text('size_class').references(() => sizeClasses.code),
    memberSince: text('member_since'),
    memberUntil: text('member_until'),
    highTech: integer('high_tech', { mode: 'boolean' }).notNull().default(false),
    valueChain: integer('value_chain', { mode: 'boolean' }).notNull().default(false),
    /** Derived from lifecycle events; never typed. */
    status: text('status', { enum: organizationStatuses }).notNull().default('active'),
    /** The date its existence ended (dissolution, bankruptcy, reorganization), from lifecycle events. */
    endedOn: text('ended_on'),
    /** Folded name, for sorting and search. */
    nameFolded: text('name_folded').notNull(),
    /** `organizationNameKey` of the name: one organization spelled two ways gives one key. */
    nameKey: text('name_key').notNull().default(''),
    /** Folded name, short name, registration number, commune and old address: what search-as-you-type reads. */
    searchText: text('search_text').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    deletedAt: text('deleted_at'),
  },
  (table) => [
    codeIn('organizations_kind_code', table.kind, organizationKinds),
    codeIn('organizations_status_code', table.status, organizationStatuses),
    isoDate('organizations_founded_on_date', table.foundedOn),
    isoDate('organizations_member_since_date', table.memberSince),
    isoDate('organizations_member_until_date', table.memberUntil),
    isoDate('organizations_ended_on_date', table.endedOn),
    uniqueIndex('organizations_registration_no_unique')
      .on(table.registrationNo)
      .where(sql`${table.registrationNo} IS NOT NULL AND ${table.deletedAt} IS NULL`),
    index('organizations_commune_name').on(table.communeCode, table.nameFolded),
    index('organizations_name').on(table.nameFolded),
    index('organizations_kind_name').on(table.kind, table.nameFolded),
    // Those of other provinces than the alliance's (`inHomeProvince`), found without reading the rows.
    index('organizations_province').on(table.provinceCode),
    // The name key first: a sign-in sheet looks units up by name key alone, in whatever commune
    // (`registeredByName`); the duplicate check and the import's matching give the commune too.
    index('organizations_name_key').on(table.nameKey, table.communeCode),
    index('organizations_status_name').on(table.status, table.nameFolded),
    // The trash, newest first, without reading the whole table.
    index('organizations_trash').on(table.deletedAt).where(sql`${table.deletedAt} IS NOT NULL`),
    // A search matching thousands of rows walks the register in name order through this index,
    // checking the search text in the index itself (see `listOrganizations`).
    index('organizations_name_search').on(table.nameFolded, table.id, table.searchText).where(sql`${table.deletedAt} IS NULL`),
    // What the statistics read of the rows not in the trash, and the register's and the year
    // grid's counts (the province for their Trong tỉnh / Ngoài tỉnh filter).
    index('organizations_statistics')
      .on(table.communeCode, table.kind, table.sectorCode, table.foundedOn, table.endedOn, table.provinceCode)
      .where(sql`${table.deletedAt} IS NULL`),
    // Those founded, and those ended, in a period (see `yearCounts` in the statistics).
    index('organizations_founded')
      .on(table.foundedOn, table.endedOn, table.communeCode, table.kind, table.sectorCode)
      .where(sql`${table.deletedAt} IS NULL AND ${table.foundedOn} IS NOT NULL`),
    // With the status, which tells a dissolution or bankruptcy from a reorganization (`dissolvedOrBankrupt`).
    index('organizations_ended')
      .on(table.endedOn, table.foundedOn, table.communeCode, table.kind, table.sectorCode, table.status)
      .where(sql`${table.deletedAt} IS NULL AND ${table.endedOn} IS NOT NULL`),
    // Plans count those in a value chain and those high-tech (a tenth and less of the register)
    // among the ones existing on a day, from these indexes alone.
    // With the province, so that a plan's count of this province's flagged ones reads no row.
    index('organizations_value_chain')
      .on(table.kind, table.foundedOn, table.endedOn, table.communeCode, table.sectorCode, table.provinceCode)
      .where(sql`${table.deletedAt} IS NULL AND ${table.valueChain} = 1`),
    index('organizations_high_tech')
      .on(table.kind, table.foundedOn, table.endedOn, table.communeCode, table.sectorCode, table.provinceCode)
      .where(sql`${table.deletedAt} IS NULL AND ${table.highTech} = 1`),
  ],
);

export const contacts = sqliteTable(
  'contacts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    role: text('role').notNull().default(''),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
  },
  (table) => [index('contacts_organization').on(table.organizationId)],
);

/** A union of cooperatives (liên hiệp HTX) and its member cooperatives, dated. */
export const unionMembers = sqliteTable(
  'union_members',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    unionId: integer('union_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    joinedOn: text('joined_on'),
    leftOn: text('left_on'),
  },
  (table) => [
    isoDate('union_members_joined_on_date', table.joinedOn),
    isoDate('union_members_left_on_date', table.leftOn),
    index('union_members_union').on(table.unionId),
    index('union_members_member').on(table.memberId),
  ],
);

/** One row per organization per year (Số liệu hằng năm). Money in đồng. */
export const yearlyFigures = sqliteTable(
  'yearly_figures',
  {
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    membersOfficial: integer('members_official'),
    membersAssociate: integer('members_associate'),
    workers: integer('workers'),
    revenue: integer('revenue'),
    profit: integer('profit'),
    /** Average income per worker per month, in đồng. */
    averageIncome: integer('average_income'),
    totalAssets: integer('total_assets'),
    managers: integer('managers'),
    managersWithDegree: integer('managers_with_degree'),
    classification: text('classification', { enum: classifications }),
    score: integer('score'),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.organizationId, table.year] }),
    codeIn('yearly_figures_classification_code', table.classification, classifications),
    index('yearly_figures_year').on(table.year),
    // One year's figures, read in full by the statistics without touching the table.
    index('yearly_figures_statistics').on(
      table.year,
      table.organizationId,
      table.membersOfficial,
      table.membersAssociate,
      table.workers,
      table.revenue,
      table.profit,
      table.averageIncome,
      table.classification,
    ),
  ],
);

export const products = sqliteTable(
  'products',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    nameFolded: text('name_folded').notNull(),
    productGroup: text('product_group').notNull().default(''),
    unit: text('unit').notNull().default(''),
    /** Volume per year or per season (see `volumePeriod`), in `unit`. */
    volume: real('volume'),
    volumePeriod: text('volume_period', { enum: volumePeriods }).notNull().default('year'),
    /** Price per unit, in đồng. */
    price: integer('price'),
    note: text('note').notNull().default(''),
  },
  (table) => [
    codeIn('products_volume_period_code', table.volumePeriod, volumePeriods),
    index('products_organization').on(table.organizationId),
    index('products_name').on(table.nameFolded),
  ],
);

export const certifications = sqliteTable(
  'certifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    productId: integer('product_id').references(() => products.id, { onDelete: 'set null' }),
    kindCode: text('kind_code')
      .notNull()
      .references(() => certificationKinds.code),
    stars: integer('stars'),
    number: text('number').notNull().default(''),
    issuer: text('issuer').notNull().default(''),
    issuedOn: text('issued_on'),
    expiresOn: text('expires_on'),
  },
  (table) => [
    isoDate('certifications_issued_on_date', table.issuedOn),
    isoDate('certifications_expires_on_date', table.expiresOn),
    index('certifications_organization').on(table.organizationId),
    // As `supply_offers_product`: a deleted product leaves its certificates with the organization.
    index('certifications_product').on(table.productId),
    index('certifications_expires').on(table.expiresOn),
    index('certifications_kind').on(table.kindCode, table.organizationId),
  ],
);

/** Quá trình hoạt động: founding, renaming, suspension, reorganization, dissolution, bankruptcy. */
export const lifecycleEvents = sqliteTable(
  'lifecycle_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: lifecycleEventKinds }).notNull(),
    date: text('date').notNull(),
    decisionNo: text('decision_no').notNull().default(''),
    /** For a renaming: the name it replaced, and the new name. */
    oldName: text('old_name'),
    newName: text('new_name'),
    note: text('note').notNull().default(''),
    createdAt: text('created_at').notNull(),
  },
  (table) => [
    codeIn('lifecycle_events_kind_code', table.kind, lifecycleEventKinds),
    isoDate('lifecycle_events_date_date', table.date),
    index('lifecycle_events_date').on(table.date),
  ],
);

/** Which organizations an event concerns, and how: the one it happens to, predecessors, successors. */
export const lifecycleParticipants = sqliteTable(
  'lifecycle_participants',
  {
    eventId: integer('event_id')
      .notNull()
      .references(() => lifecycleEvents.id, { onDelete: 'cascade' }),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    role: text('role', { enum: lifecycleRoles }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.eventId, table.organizationId, table.role] }),
    codeIn('lifecycle_participants_role_code', table.role, lifecycleRoles),
    // With the role: whether an organization was formed by a reorganization (`formedByReorganization`) is read from the index alone.
    index('lifecycle_participants_organization').on(table.organizationId, table.role),
  ],
);

/** Đối tác: enterprises, markets, online channels, logistics, other alliances, state agencies. */
export const partners = sqliteTable(
  'partners',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: partnerKinds }).notNull(),
    /** For enterprises only: distribution, supermarket chain, processing, export. */
    businessLine: text('business_line', { enum: partnerBusinessLines }),
    name: text('name').notNull(),
    shortName: text('short_name').notNull().default(''),
    taxCode: text('tax_code'),
    provinceCode: text('province_code').notNull(),
    /** Partners come from all 34 provinces, so the address is free text beside the province. */
    address: text('address').notNull().default(''),
    contactName: text('contact_name').notNull().default(''),
    contactRole: text('contact_role').notNull().default(''),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    website: text('website').notNull().default(''),
    /** What they buy, and the quality they require (certificates, standards, packaging). */
    buys: text('buys').notNull().default(''),
    qualityRequirements: text('quality_requirements').notNull().default(''),
    note: text('note').notNull().default(''),
    nameFolded: text('name_folded').notNull(),
    nameKey: text('name_key').notNull().default(''),
    /** Folded name, short name, province, tax code, contact, what they buy and address: what search reads. */
    searchText: text('search_text').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    deletedAt: text('deleted_at'),
  },
  (table) => [
    codeIn('partners_kind_code', table.kind, partnerKinds),
    codeIn('partners_business_line_code', table.businessLine, partnerBusinessLines),
    uniqueIndex('partners_tax_code_unique')
      .on(table.taxCode)
      .where(sql`${table.taxCode} IS NOT NULL AND ${table.deletedAt} IS NULL`),
    index('partners_name').on(table.nameFolded),
    index('partners_kind_name').on(table.kind, table.nameFolded),
    // The name key first, as for organizations: a sign-in sheet and an import's buyers look partners up by it alone.
    index('partners_name_key').on(table.nameKey, table.provinceCode),
    // The trash, newest first, and the partners `referenceNotInTrash` leaves out, without reading the whole table.
    index('partners_trash').on(table.deletedAt).where(sql`${table.deletedAt} IS NOT NULL`),
  ],
);

/** Sự kiện xúc tiến thương mại: conferences, seminars, fairs, forums, training, study tours. */
export const events = sqliteTable(
  'events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind')
      .notNull()
      .references(() => eventKinds.code),
    title: text('title').notNull(),
    titleFolded: text('title_folded').notNull(),
    startsOn: text('starts_on').notNull(),
    /** Giờ bắt đầu, `HH:MM`; null when not said (invitations give it, old records often do not). */
    startsAt: text('starts_at'),
    endsOn: text('ends_on').notNull(),
    venue: text('venue').notNull().default(''),
    /** Where it is held; null for an online meeting. */
    provinceCode: text('province_code'),
    organizer: text('organizer').notNull().default(''),
    coOrganizers: text('co_organizers').notNull().default(''),
    /** In đồng. */
    budget: integer('budget'),
    description: text('description').notNull().default(''),
    outcome: text('outcome').notNull().default(''),
    /** Folded title, venue and organizers: what search reads. */
    searchText: text('search_text').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    deletedAt: text('deleted_at'),
  },
  (table) => [
    check('events_dates_in_order', sql`${table.endsOn} >= ${table.startsOn}`),
    isoDate('events_starts_on_date', table.startsOn),
    isoDate('events_ends_on_date', table.endsOn),
    // `HH:MM` of a real time of day: time() writes it back with seconds.
    check('events_starts_at_time', sql`time(${bare(table.startsAt)}) IS (${bare(table.startsAt)} || ':00')`),
    index('events_starts').on(table.startsOn),
    index('events_title').on(table.titleFolded),
  ],
);

/** Thành phần tham dự: a member organization or a partner, with role and attendance. */
export const eventParticipants = sqliteTable(
  'event_participants',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    organizationId: integer('organization_id').references(() => organizations.id, { onDelete: 'cascade' }),
    partnerId: integer('partner_id').references(() => partners.id, { onDelete: 'cascade' }),
    role: text('role')
      .notNull()
      .default('attendee')
      .references(() => participantRoles.code),
    status: text('status', { enum: participantStatuses }).notNull().default('invited'),
    /** Who came on its behalf, as written on the sign-in sheet. */
    representative: text('representative').notNull().default(''),
    note: text('note').notNull().default(''),
  },
  (table) => [
    check('event_participants_one_side', sql`(${table.organizationId} IS NULL) <> (${table.partnerId} IS NULL)`),
    codeIn('event_participants_status_code', table.status, participantStatuses),
    uniqueIndex('event_participants_organization').on(table.eventId, table.organizationId),
    uniqueIndex('event_participants_partner').on(table.eventId, table.partnerId),
    index('event_participants_by_organization').on(table.organizationId),
    index('event_participants_by_partner').on(table.partnerId),
  ],
);

/** Thỏa thuận ký kết. The status is derived (see `agreementStatuses`), never stored. */
export const agreements = sqliteTable(
  'agreements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: agreementKinds }).notNull(),
    number: text('number').notNull().default(''),
    title: text('title').notNull(),
    titleFolded: text('title_folded').notNull(),
    /** Null while a draft. */
    signedOn: text('signed_on'),
    eventId: integer('event_id').references(() => events.id, { onDelete: 'set null' }),
    validFrom: text('valid_from'),
    validUntil: text('valid_until'),
    terminatedOn: text('terminated_on'),
    terminationReason: text('termination_reason').notNull().default(''),
    /**
     * Kết thúc theo dõi: the day a person stopped chasing an agreement that ran out with
     * commitments unfinished, and why. Until then it stays in Cần chú ý.
     */
    closedOn: text('closed_on'),
    closingReason: text('closing_reason').notNull().default(''),
    note: text('note').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    deletedAt: text('deleted_at'),
  },
  (table) => [
    codeIn('agreements_kind_code', table.kind, agreementKinds),
    isoDate('agreements_signed_on_date', table.signedOn),
    isoDate('agreements_valid_from_date', table.validFrom),
    isoDate('agreements_valid_until_date', table.validUntil),
    isoDate('agreements_terminated_on_date', table.terminatedOn),
    isoDate('agreements_closed_on_date', table.closedOn),
    index('agreements_event').on(table.eventId),
    index('agreements_valid_until').on(table.validUntil),
    index('agreements_signed').on(table.signedOn),
    // Those in force during a period (`inForceDuring`), read from this index alone: plans count
    // the organizations linked with an enterprise by them.
    index('agreements_in_force')
      .on(table.validUntil, table.signedOn, table.terminatedOn, table.validFrom)
      .where(sql`${table.deletedAt} IS NULL AND ${table.signedOn} IS NOT NULL`),
  ],
);

/** The sides of an agreement, two or more: member organizations, partners, or this alliance. */
export const agreementParties = sqliteTable(
  'agreement_parties',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: agreementPartyKinds }).notNull(),
    organizationId: integer('organization_id').references(() => organizations.id, { onDelete: 'cascade' }),
    partnerId: integer('partner_id').references(() => partners.id, { onDelete: 'cascade' }),
    role: text('role', { enum: agreementPartyRoles }).notNull(),
    /** Its place in the agreement's list (Bên thứ nhất, thứ hai …), kept as the person ordered them. */
    position: integer('position').notNull().default(0),
  },
  (table) => [
    check(
      'agreement_parties_side',
      sql`(${table.kind} = 'organization' AND ${table.organizationId} IS NOT NULL AND ${table.partnerId} IS NULL)
        OR (${table.kind} = 'partner' AND ${table.partnerId} IS NOT NULL AND ${table.organizationId} IS NULL)
        OR (${table.kind} = 'alliance' AND ${table.organizationId} IS NULL AND ${table.partnerId} IS NULL)`,
    ),
    codeIn('agreement_parties_kind_code', table.kind, agreementPartyKinds),
    codeIn('agreement_parties_role_code', table.role, agreementPartyRoles),
    index('agreement_parties_agreement').on(table.agreementId),
    index('agreement_parties_organization').on(table.organizationId),
    index('agreement_parties_partner').on(table.partnerId),
  ],
);

/** Cam kết: a product, a quantity in its unit, a value in đồng, a period. */
export const agreementCommitments = sqliteTable(
  'agreement_commitments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    product: text('product').notNull(),
    productFolded: text('product_folded').notNull(),
    quantity: real('quantity').notNull(),
    /** Quantities carry their unit and are never summed across units. */
    unit: text('unit').notNull(),
    /** In đồng. */
    value: integer('value'),
    startsOn: text('starts_on'),
    /** The day the whole quantity is due; past it and short, the commitment is overdue. */
    dueOn: text('due_on'),
    /**
     * The party (an `agreement_parties` row) that supplies it and the one that receives it. Parties
     * keep their rows when the agreement is edited (matched by id); a party removed — by the
     * service, or with a member or partner deleted for good — leaves the commitment naming no one,
     * which a trigger in derived.ts sees to. Not a declared foreign key: drizzle-kit adds a column
     * to an existing table without its ON DELETE action, and a key without one would refuse the
     * cascade that removes a member's parties.
     */
    supplierPartyId: integer('supplier_party_id'),
    receiverPartyId: integer('receiver_party_id'),
  },
  (table) => [
    check('agreement_commitments_quantity_positive', sql`${table.quantity} > 0`),
    isoDate('agreement_commitments_starts_on_date', table.startsOn),
    isoDate('agreement_commitments_due_on_date', table.dueOn),
    index('agreement_commitments_supplier').on(table.supplierPartyId),
    index('agreement_commitments_receiver').on(table.receiverPartyId),
    index('agreement_commitments_agreement').on(table.agreementId),
    index('agreement_commitments_due').on(table.dueOn),
  ],
);

/** Lần giao hàng: a delivery against one commitment, in the commitment's unit. */
export const agreementDeliveries = sqliteTable(
  'agreement_deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    commitmentId: integer('commitment_id')
      .notNull()
      .references(() => agreementCommitments.id, { onDelete: 'cascade' }),
    deliveredOn: text('delivered_on').notNull(),
    /** In the commitment's unit: what was written in another unit of its kind is stored converted. */
    quantity: real('quantity').notNull(),
    /**
     * The quantity and unit as the person wrote them when not in the commitment's unit (500 kg of a
     * commitment in tấn, stored as 0,5): shown beside the converted quantity, never lost. Both null
     * when written in the commitment's unit.
     */
    writtenQuantity: real('written_quantity'),
    writtenUnit: text('written_unit'),
    /** In đồng. */
    value: integer('value'),
    note: text('note').notNull().default(''),
    createdAt: text('created_at').notNull(),
  },
  (table) => [
    check('agreement_deliveries_quantity_positive', sql`${table.quantity} > 0`),
    isoDate('agreement_deliveries_delivered_on_date', table.deliveredOn),
    // With what a commitment's delivered quantity, value and last delivery up to a day read (Cần chú
    // ý, the reports), so that these read no row of this table.
    index('agreement_deliveries_commitment').on(table.commitmentId, table.deliveredOn, table.quantity, table.value),
    // The deliveries of a period (a plan's volume delivered, its links with enterprises) with what they read.
    index('agreement_deliveries_delivered').on(table.deliveredOn, table.commitmentId, table.quantity),
  ],
);

/** Scans of the signed papers, copied into the data folder (`storedName` is relative to it). */
export const agreementAttachments = sqliteTable(
  'agreement_attachments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    storedName: text('stored_name').notNull(),
    size: integer('size').notNull(),
    mediaType: text('media_type').notNull(),
    addedAt: text('added_at').notNull(),
  },
  (table) => [index('agreement_attachments_agreement').on(table.agreementId)],
);

/** Notes of follow-up calls and visits; the latest date is what "no follow-up for N days" reads. */
export const agreementNotes = sqliteTable(
  'agreement_notes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    notedOn: text('noted_on').notNull(),
    text: text('text').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (table) => [isoDate('agreement_notes_noted_on_date', table.notedOn), index('agreement_notes_agreement').on(table.agreementId, table.notedOn)],
);

// ---------------------------------------------------------------------------------------------
// Kết nối cung – cầu: what members offer, what buyers ask for, the connections a person confirms
// between them, and the programmes (like the national Programme 503) they belong to.

/**
 * Nhóm sản phẩm: people write products freely ("gạo ST25", "Gạo thơm ST 25", "lúa gạo"); the group
 * is what matching and results go by. Seeded by a migration, edited by the office.
 */
export const productGroups = sqliteTable('product_groups', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  /** Folded words and phrases, comma-separated, that name products of the group ("gao, lua, nep"). */
  keywords: text('keywords').notNull().default(''),
  sortOrder: integer('sort_order').notNull(),
});

/**
 * Đơn vị tính. A unit converts only to its base, and only where the conversion is exact
 * (1 tấn = 1.000 kg): `perBase` of this unit make one base unit. Totals are per base unit.
 */
export const units = sqliteTable(
  'units',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    /** Other ways offices write it, comma-separated ("tan, t"), read folded by the import. */
    aliases: text('aliases').notNull().default(''),
    baseCode: text('base_code').references((): AnySQLiteColumn => units.code),
    perBase: real('per_base').notNull().default(1),
    sortOrder: integer('sort_order').notNull(),
  },
  (table) => [check('units_base', sql`(${table.baseCode} IS NULL AND ${table.perBase} = 1) OR (${table.baseCode} IS NOT NULL AND ${table.perBase} > 0)`)],
);

/** Kênh tiêu thụ: traditional and wholesale markets, showrooms, supermarkets, processors, exporters, online. */
export const salesChannels = sqliteTable('sales_channels', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  sortOrder: integer('sort_order').notNull(),
});

/** Chương trình kết nối cung – cầu, such as Programme 503 (503/CTr-LMHTXVN, 2021). */
export const programmes = sqliteTable(
  'programmes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    nameFolded: text('name_folded').notNull(),
    decisionNo: text('decision_no').notNull().default(''),
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on'),
    description: text('description').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    deletedAt: text('deleted_at'),
  },
  (table) => [
    check('programmes_dates_in_order', sql`${table.endsOn} IS NULL OR ${table.endsOn} >= ${table.startsOn}`),
    isoDate('programmes_starts_on_date', table.startsOn),
    isoDate('programmes_ends_on_date', table.endsOn),
    index('programmes_starts').on(table.startsOn),
  ],
);

/** Tổ công tác: the people of a programme's working group and their roles. */
export const programmeMembers = sqliteTable(
  'programme_members',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** Tổ trưởng, Tổ phó, Thành viên … as the decision names them. */
    role: text('role').notNull().default(''),
    /** Position and unit ("Phó Chủ tịch Liên minh HTX tỉnh"). */
    position: text('position').notNull().default(''),
    phone: text('phone').notNull().default(''),
  },
  (table) => [index('programme_members_programme').on(table.programmeId)],
);

/** The channels a programme sells through. */
export const programmeChannels = sqliteTable(
  'programme_channels',
  {
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    channelCode: text('channel_code')
      .notNull()
      .references(() => salesChannels.code),
  },
  (table) => [primaryKey({ columns: [table.programmeId, table.channelCode] })],
);

/** Events held under a programme (its conferences, fairs). */
export const programmeEvents = sqliteTable(
  'programme_events',
  {
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.programmeId, table.eventId] }), index('programme_events_event').on(table.eventId)],
);

/**
 * Nguồn cung: what a member organization has to sell, how much, when (the harvest window), at what
 * price and where. Its status follows from dates and connections (see shared/supply.ts), never stored.
 */
export const supplyOffers = sqliteTable(
  'supply_offers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    programmeId: integer('programme_id').references(() => programmes.id, { onDelete: 'set null' }),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** One of the organization's products, when it is one; its certificates then count for the offer. */
    productId: integer('product_id').references(() => products.id, { onDelete: 'set null' }),
    product: text('product').notNull(),
    productFolded: text('product_folded').notNull(),
    productGroupCode: text('product_group_code')
      .notNull()
      .references(() => productGroups.code),
    quantity: real('quantity').notNull(),
    unitCode: text('unit_code')
      .notNull()
      .references(() => units.code),
    availableFrom: text('available_from').notNull(),
    /** Null: available until withdrawn. */
    availableUntil: text('available_until'),
    /** Per unit, in đồng; a single price has no maximum. */
    priceMin: integer('price_min'),
    priceMax: integer('price_max'),
    /** Where the goods are. */
    communeCode: text('commune_code').notNull(),
    provinceCode: text('province_code').notNull(),
    packaging: text('packaging').notNull().default(''),
    deliveryTerms: text('delivery_terms').notNull().default(''),
    contactName: text('contact_name').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    note: text('note').notNull().default(''),
    withdrawnOn: text('withdrawn_on'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    deletedAt: text('deleted_at'),
  },
  (table) => [
    check('supply_offers_quantity_positive', sql`${table.quantity} > 0`),
    check('supply_offers_window', sql`${table.availableUntil} IS NULL OR ${table.availableUntil} >= ${table.availableFrom}`),
    isoDate('supply_offers_available_from_date', table.availableFrom),
    isoDate('supply_offers_available_until_date', table.availableUntil),
    isoDate('supply_offers_withdrawn_on_date', table.withdrawnOn),
    index('supply_offers_organization').on(table.organizationId),
    // Deleting a product sets the offers of it to none: without this, each deletion read every offer
    // (44 ms a product among 200,000 offers, so an undone list of 5,000 products took minutes).
    index('supply_offers_product').on(table.productId),
    // With the trash column, a programme's offers are counted from the index alone.
    index('supply_offers_programme').on(table.programmeId, table.deletedAt),
    // Suggestions for a demand: offers of one group whose window began by the time it is needed.
    // With the organization, it also counts the offers listed without reading each one.
    index('supply_offers_group_window').on(table.productGroupCode, table.availableFrom, table.availableUntil, table.organizationId).where(sql`${table.deletedAt} IS NULL`),
    index('supply_offers_from').on(table.availableFrom),
  ],
);

/** Nhu cầu: what a partner (or a member that buys) asks for: product, quantity, when, where, quality. */
export const supplyDemands = sqliteTable(
  'supply_demands',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    programmeId: integer('programme_id').references(() => programmes.id, { onDelete: 'set null' }),
    partnerId: integer('partner_id').references(() => partners.id, { onDelete: 'cascade' }),
    organizationId: integer('organization_id').references(() => organizations.id, { onDelete: 'cascade' }),
    product: text('product').notNull(),
    productFolded: text('product_folded').notNull(),
    productGroupCode: text('product_group_code')
      .notNull()
      .references(() => productGroups.code),
    quantity: real('quantity').notNull(),
    unitCode: text('unit_code')
      .notNull()
      .references(() => units.code),
    neededFrom: text('needed_from').notNull(),
    neededUntil: text('needed_until'),
    priceMin: integer('price_min'),
    priceMax: integer('price_max'),
    deliveryProvinceCode: text('delivery_province_code').notNull(),
    deliveryPlace: text('delivery_place').notNull().default(''),
    /** Quality asked for beyond the certificates required (see `demandRequirements`). */
    qualityNote: text('quality_note').notNull().default(''),
    contactName: text('contact_name').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    note: text('note').notNull().default(''),
    withdrawnOn: text('withdrawn_on'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    deletedAt: text('deleted_at'),
  },
  (table) => [
    check('supply_demands_buyer', sql`(${table.partnerId} IS NULL) <> (${table.organizationId} IS NULL)`),
    check('supply_demands_quantity_positive', sql`${table.quantity} > 0`),
    check('supply_demands_period', sql`${table.neededUntil} IS NULL OR ${table.neededUntil} >= ${table.neededFrom}`),
    isoDate('supply_demands_needed_from_date', table.neededFrom),
    isoDate('supply_demands_needed_until_date', table.neededUntil),
    isoDate('supply_demands_withdrawn_on_date', table.withdrawnOn),
    index('supply_demands_partner').on(table.partnerId),
    index('supply_demands_organization').on(table.organizationId),
    index('supply_demands_programme').on(table.programmeId, table.deletedAt),
    // With the buyer, it also counts the demands listed without reading each one.
    index('supply_demands_group_period').on(table.productGroupCode, table.neededFrom, table.neededUntil, table.partnerId, table.organizationId).where(sql`${table.deletedAt} IS NULL`),
    index('supply_demands_from').on(table.neededFrom),
  ],
);

/** The certificates a demand requires (VietGAP; OCOP of at least 3 stars). */
export const demandRequirements = sqliteTable(
  'demand_requirements',
  {
    demandId: integer('demand_id')
      .notNull()
      .references(() => supplyDemands.id, { onDelete: 'cascade' }),
    kindCode: text('kind_code')
      .notNull()
      .references(() => certificationKinds.code),
    minStars: integer('min_stars'),
  },
  (table) => [primaryKey({ columns: [table.demandId, table.kindCode] })],
);

/**
 * Kết nối: a person's confirmation that an offer serves a demand, with the agreed quantity, price
 * and channel. The quantity is also kept in the offer's, the demand's and the base unit, converted
 * exactly when written (units in use cannot change their conversion), so that what remains and
 * the results are plain sums. It may become an agreement: its deliveries then flow into results.
 */
export const supplyConnections = sqliteTable(
  'supply_connections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    offerId: integer('offer_id')
      .notNull()
      .references(() => supplyOffers.id, { onDelete: 'cascade' }),
    demandId: integer('demand_id')
      .notNull()
      .references(() => supplyDemands.id, { onDelete: 'cascade' }),
    programmeId: integer('programme_id').references(() => programmes.id, { onDelete: 'set null' }),
    quantity: real('quantity').notNull(),
    unitCode: text('unit_code')
      .notNull()
      .references(() => units.code),
    offerQuantity: real('offer_quantity').notNull(),
    demandQuantity: real('demand_quantity').notNull(),
    baseQuantity: real('base_quantity').notNull(),
    baseUnitCode: text('base_unit_code')
      .notNull()
      .references(() => units.code),
    /** Per unit of `unitCode`, in đồng. */
    price: integer('price'),
    /** Quantity times price, in đồng; null without a price. */
    value: integer('value'),
    channelCode: text('channel_code')
      .notNull()
      .references(() => salesChannels.code),
    connectedOn: text('connected_on').notNull(),
    agreementId: integer('agreement_id').references(() => agreements.id, { onDelete: 'set null' }),
    /** The agreement's commitment whose deliveries are this connection's. */
    commitmentId: integer('commitment_id').references(() => agreementCommitments.id, { onDelete: 'set null' }),
    note: text('note').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    deletedAt: text('deleted_at'),
  },
  (table) => [
    check('supply_connections_quantity_positive', sql`${table.quantity} > 0`),
    isoDate('supply_connections_connected_on_date', table.connectedOn),
    index('supply_connections_offer').on(table.offerId),
    index('supply_connections_demand').on(table.demandId),
    index('supply_connections_programme').on(table.programmeId, table.connectedOn, table.deletedAt),
    // With what a plan's volume connected reads of each connection of the period, so that it reads no row of this table.
    index('supply_connections_connected').on(table.connectedOn, table.baseUnitCode, table.offerId, table.demandId, table.baseQuantity, table.deletedAt),
    index('supply_connections_agreement').on(table.agreementId),
    uniqueIndex('supply_connections_commitment').on(table.commitmentId).where(sql`${table.commitmentId} IS NOT NULL`),
  ],
);

/** Kế hoạch: a year plan, or a programme or scheme over several years, with its targets. */
export const plans = sqliteTable(
  'plans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: planKinds }).notNull(),
    number: text('number').notNull().default(''),
    title: text('title').notNull(),
    titleFolded: text('title_folded').notNull(),
    issuedOn: text('issued_on'),
    /** Who issued it: the alliance, the provincial People's Committee … */
    issuer: text('issuer').notNull().default(''),
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    /** The communes it covers (JSON array of codes); empty: the whole province. */
    communeCodes: text('commune_codes', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    /** The kinds of organization it concerns (JSON array); empty: every kind. */
    organizationKinds: text('organization_kinds', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    sectorGroup: text('sector_group', { enum: sectorGroups }),
    status: text('status', { enum: planStatuses }).notNull().default('draft'),
    /** The plan it was copied from (last year's), if any. */
    copiedFromId: integer('copied_from_id'),
    note: text('note').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    deletedAt: text('deleted_at'),
  },
  (table) => [
    check('plans_period_in_order', sql`${table.periodTo} >= ${table.periodFrom}`),
    codeIn('plans_kind_code', table.kind, planKinds),
    codeIn('plans_status_code', table.status, planStatuses),
    codeIn('plans_sector_group_code', table.sectorGroup, sectorGroups),
    isoDate('plans_issued_on_date', table.issuedOn),
    isoDate('plans_period_from_date', table.periodFrom),
    isoDate('plans_period_to_date', table.periodTo),
    index('plans_period').on(table.periodFrom, table.periodTo),
  ],
);

/** Chỉ tiêu of a plan: a comparison, a value in a unit, and how its actual is computed (or typed). */
export const planTargets = sqliteTable(
  'plan_targets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    /** The target as the plan words it: "Thành lập mới ít nhất 03 HTX NN". */
    title: text('title').notNull(),
    comparison: text('comparison', { enum: comparisons }).notNull(),
    value: real('value').notNull(),
    unit: text('unit', { enum: targetUnits }).notNull(),
    /** What is counted or the quantity's unit: "HTX", "sự kiện", "tấn". */
    unitLabel: text('unit_label').notNull().default(''),
    /** How the app computes the actual (JSON); null: no measure covers it, the actual is typed. */
    measure: text('measure', { mode: 'json' }).$type<Measure>(),
    /** For a share (%): what it is a share of. */
    denominator: text('denominator', { mode: 'json' }).$type<Measure>(),
    /** A typed actual, for a target no measure covers; with a note, who typed it and when. */
    typedActual: real('typed_actual'),
    typedNote: text('typed_note').notNull().default(''),
    typedBy: text('typed_by').notNull().default(''),
    typedAt: text('typed_at'),
    /**
     * For a typed target: whether its actual builds up over the period (people trained so far), so
     * that while the period runs it is judged against the share of the period gone, as a measured
     * one of `cumulativeMetrics` is. A measured target's follows from its metric; false here.
     */
    typedCumulative: integer('typed_cumulative', { mode: 'boolean' }).notNull().default(false),
    /** Nhận xét: what the year-end report writes beside the figures. */
    comment: text('comment').notNull().default(''),
  },
  (table) => [
    codeIn('plan_targets_comparison_code', table.comparison, comparisons),
    codeIn('plan_targets_unit_code', table.unit, targetUnits),
    index('plan_targets_plan').on(table.planId, table.position),
  ],
);

/** The signed plan, scanned, kept in the data folder as agreements' scans are. */
export const planAttachments = sqliteTable(
  'plan_attachments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    storedName: text('stored_name').notNull(),
    size: integer('size').notNull(),
    mediaType: text('media_type').notNull(),
    addedAt: text('added_at').notNull(),
  },
  (table) => [index('plan_attachments_plan').on(table.planId)],
);

/** One Excel import, committed as a whole; undoing it reverses every change it made. */
export const importBatches = sqliteTable(
  'import_batches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: importKinds }).notNull(),
    fileName: text('file_name').notNull(),
    sheetName: text('sheet_name').notNull().default(''),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    createdAt: text('created_at').notNull(),
    undoneAt: text('undone_at'),
  },
  (table) => [codeIn('import_batches_kind_code', table.kind, importKinds)],
);

/** What one import did to one record: created it, or updated it from `before` (JSON of the columns). */
export const importChanges = sqliteTable(
  'import_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    batchId: integer('batch_id')
      .notNull()
      .references(() => importBatches.id, { onDelete: 'cascade' }),
    entity: text('entity').notNull(),
    entityId: integer('entity_id').notNull(),
    action: text('action', { enum: importActions }).notNull(),
    before: text('before', { mode: 'json' }),
    /**
     * What the import left (the record's snapshot): a record that differs from it when the import is
     * undone was changed since. Null for imports made before this was kept, and where `afterInAudit`.
     */
    after: text('after', { mode: 'json' }),
    /**
     * What the import left is the record's 'create' entry in the audit trail, which holds the same
     * snapshot (beside the year of figures created with it, a change of its own): a created
     * organization's values are stored once, where both its history and the undo read them.
     */
    afterInAudit: integer('after_in_audit', { mode: 'boolean' }).notNull().default(false),
  },
  (table) => [
    codeIn('import_changes_action_code', table.action, importActions),
    index('import_changes_batch').on(table.batchId),
    index('import_changes_entity').on(table.entity, table.entityId),
  ],
);

/**
 * A column mapping remembered for next time, keyed by the kind and the file's folded headers:
 * folded header → field, or null for a column the person left out although its header names a
 * field. A column whose header named none is absent, so a field added later is proposed for it.
 */
export const importMappings = sqliteTable(
  'import_mappings',
  {
    kind: text('kind', { enum: importKinds }).notNull(),
    headerSignature: text('header_signature').notNull(),
    mapping: text('mapping', { mode: 'json' }).notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.kind, table.headerSignature] }), codeIn('import_mappings_kind_code', table.kind, importKinds)],
);

/**
 * What a value written in a coded column of an import means (kind, sector, size, classification):
 * a lookup code, or null for blank. Remembered when an import is committed, proposed the next time.
 */
export const importValueMappings = sqliteTable(
  'import_value_mappings',
  {
    kind: text('kind', { enum: importKinds }).notNull(),
    field: text('field').notNull(),
    /** The value as written, folded (`writtenKey`). */
    written: text('written').notNull(),
    value: text('value'),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.kind, table.field, table.written] }), codeIn('import_value_mappings_kind_code', table.kind, importKinds)],
);

/**
 * The commune a person chose for an address the import could not place alone (an old commune
 * divided between several, or a place not found), by the address as written, folded: the same
 * address in a later row or a later import is placed the same way without asking again.
 */
export const importPlaceAnswers = sqliteTable('import_place_answers', {
  placeKey: text('place_key').primaryKey(),
  communeCode: text('commune_code').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * The answers each import saved into `importPlaceAnswers`: an undo takes back those of the import
 * it undoes, giving each place the answer of the latest earlier import still in force, if any.
 */
export const importBatchPlaceAnswers = sqliteTable(
  'import_batch_place_answers',
  {
    batchId: integer('batch_id')
      .notNull()
      .references(() => importBatches.id, { onDelete: 'cascade' }),
    placeKey: text('place_key').notNull(),
    communeCode: text('commune_code').notNull(),
  },
  (table) => [primaryKey({ columns: [table.batchId, table.placeKey] }), index('import_batch_place_answers_place').on(table.placeKey, table.batchId)],
);

/** Every change to the register: what, when, the values before and after (JSON). */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entity: text('entity').notNull(),
    entityId: integer('entity_id').notNull(),
    action: text('action', { enum: auditActions }).notNull(),
    at: text('at').notNull(),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
    /** What made the app change the record by itself (a lifecycle event recorded or removed); null for a person's change. */
    cause: text('cause', { mode: 'json' }).$type<HistoryCause>(),
  },
  (table) => [codeIn('audit_log_action_code', table.action, auditActions), index('audit_log_entity').on(table.entity, table.entityId)],
);


// Counters that keep the statistics fast at national scale. Their rows are derived: triggers keep
// them exact on every write, and `src/core/db/derived.ts` (which owns those triggers) fills them
// from the rows after a migration and can verify them. Nothing else writes to them.

/**
 * The words of four to twenty letters (no digits) in the search text of the organizations not in
 * the trash, with how often each occurs: the vocabulary that a mistyped word is looked up in.
 */
export const searchWords = sqliteTable('search_words', {
  word: text('word').primaryKey(),
  uses: integer('uses').notNull(),
});

/**
 * Each word of `search_words` with one letter taken out ("vinh" → "inh", "vnh", "vih", "vin"): two
 * words one slipped, missing, extra or swapped letter apart share an entry (a deletion
 * neighbourhood), so a mistyped word finds its candidates by index lookups.
 */
export const searchWordDeletions = sqliteTable(
  'search_word_deletions',
  {
    deletion: text('deletion').notNull(),
    word: text('word').notNull(),
  },
  (table) => [primaryKey({ columns: [table.deletion, table.word] })],
);

/**
 * What an agreement is searched by, folded, in one text: its title, its number, its parties' names
 * and its committed products. Read word by word with LIKE: at national scale, looking each word up
 * across the parties and commitments of every agreement took a quarter of a second.
 */
export const agreementSearch = sqliteTable('agreement_search', {
  agreementId: integer('agreement_id').primaryKey(),
  searchText: text('search_text').notNull(),
});

/**
 * Organizations not in the trash, by commune and its province (a commune lies in one province; the
 * province is kept so that the statistics take this province's, `inHomeProvince`).
 */
export const statisticsCommuneCounts = sqliteTable(
  'statistics_commune_counts',
  {
    communeCode: text('commune_code').notNull(),
    provinceCode: text('province_code').notNull(),
    live: integer('live').notNull(),
  },
  (table) => [primaryKey({ columns: [table.communeCode, table.provinceCode] })],
);

/**
 * Organizations not in the trash, by province, kind and sector ('' for none: a key cannot hold
 * NULL). By province so that the statistics take this province's (`inHomeProvince`) whatever the
 * alliance's province is set to.
 */
export const statisticsKindSectorCounts = sqliteTable(
  'statistics_kind_sector_counts',
  {
    provinceCode: text('province_code').notNull(),
    kind: text('kind', { enum: organizationKinds }).notNull(),
    sectorCode: text('sector_code').notNull(),
    live: integer('live').notNull(),
  },
  (table) => [primaryKey({ columns: [table.provinceCode, table.kind, table.sectorCode] })],
);

/**
 * A year's yearly-figure sums, by province and kind, over the organizations existing that year
 * (`existsAtYearEnd`). Averages need a count beside each sum: an unknown revenue is not a revenue of 0.
 */
export const statisticsFigureTotals = sqliteTable(
  'statistics_figure_totals',
  {
    year: integer('year').notNull(),
    provinceCode: text('province_code').notNull(),
    kind: text('kind', { enum: organizationKinds }).notNull(),
    reporting: integer('reporting').notNull().default(0),
    membersOfficial: integer('members_official').notNull().default(0),
    membersAssociate: integer('members_associate').notNull().default(0),
    workers: integer('workers').notNull().default(0),
    revenueSum: integer('revenue_sum').notNull().default(0),
    revenueCount: integer('revenue_count').notNull().default(0),
    profitSum: integer('profit_sum').notNull().default(0),
    profitCount: integer('profit_count').notNull().default(0),
    /** Average income times workers, summed: income is averaged per worker, not per organization. */
    incomeWeighted: integer('income_weighted').notNull().default(0),
    incomeWorkers: integer('income_workers').notNull().default(0),
    /** Managers, and those with a college degree or higher: a plan's share of the two. */
    managers: integer('managers').notNull().default(0),
    managersWithDegree: integer('managers_with_degree').notNull().default(0),
    good: integer('good').notNull().default(0),
    fair: integer('fair').notNull().default(0),
    average: integer('average').notNull().default(0),
    weak: integer('weak').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.year, table.provinceCode, table.kind] })],
);
