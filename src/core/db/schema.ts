/**
 * The database schema. drizzle-kit generates the migrations in `drizzle/` from this file; the
 * migrations, never this file, are what an existing database is brought up to date with.
 *
 * Conventions: money is integer đồng, dates are ISO `YYYY-MM-DD` text, timestamps ISO text in UTC;
 * every searchable name has a folded companion (see `foldText`) that search runs on.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  classifications,
  lifecycleEventKinds,
  lifecycleRoles,
  organizationKinds,
  organizationStatuses,
  sectorGroups,
} from '../../shared/domain';

// Lookups for what the law or practice may change (the domain marks them "(check)"): rows seeded
// by a migration and editable, not enums in code.

export const sectors = sqliteTable('sectors', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  group: text('sector_group', { enum: sectorGroups }).notNull(),
  sortOrder: integer('sort_order').notNull(),
});

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
    /** Folded name, short name, registration number and commune: what search-as-you-type reads. */
    searchText: text('search_text').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    deletedAt: text('deleted_at'),
  },
  (table) => [
    uniqueIndex('organizations_registration_no_unique')
      .on(table.registrationNo)
      .where(sql`${table.registrationNo} IS NOT NULL AND ${table.deletedAt} IS NULL`),
    index('organizations_commune_name').on(table.communeCode, table.nameFolded),
    index('organizations_name').on(table.nameFolded),
    index('organizations_kind_name').on(table.kind, table.nameFolded),
    index('organizations_commune_key').on(table.communeCode, table.nameKey),
    index('organizations_status_name').on(table.status, table.nameFolded),
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
  (table) => [index('union_members_union').on(table.unionId), index('union_members_member').on(table.memberId)],
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
  (table) => [primaryKey({ columns: [table.organizationId, table.year] }), index('yearly_figures_year').on(table.year)],
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
    volumePeriod: text('volume_period', { enum: ['year', 'season'] }).notNull().default('year'),
    /** Price per unit, in đồng. */
    price: integer('price'),
    note: text('note').notNull().default(''),
  },
  (table) => [index('products_organization').on(table.organizationId), index('products_name').on(table.nameFolded)],
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
    index('certifications_organization').on(table.organizationId),
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
  (table) => [index('lifecycle_events_date').on(table.date)],
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
    index('lifecycle_participants_organization').on(table.organizationId),
  ],
);

/** Every change to the register: what, when, the values before and after (JSON). */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entity: text('entity').notNull(),
    entityId: integer('entity_id').notNull(),
    action: text('action', { enum: ['create', 'update', 'delete', 'restore'] }).notNull(),
    at: text('at').notNull(),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
  },
  (table) => [index('audit_log_entity').on(table.entity, table.entityId)],
);
