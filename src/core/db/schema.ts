/**
 * The database schema. drizzle-kit generates the migrations in `drizzle/` from this file; the
 * migrations, never this file, are what an existing database is brought up to date with.
 *
 * Conventions: money is integer đồng, dates are ISO `YYYY-MM-DD` text, timestamps ISO text in UTC;
 * every searchable name has a folded companion (see `foldText`) that search runs on.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { organizationKinds, organizationStatuses } from '../../shared/domain';

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
    status: text('status', { enum: organizationStatuses }).notNull().default('active'),
    /** Folded name, for duplicate detection (same folded name in the same commune). */
    nameFolded: text('name_folded').notNull(),
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
