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
  agreementKinds,
  agreementPartyKinds,
  agreementPartyRoles,
  classifications,
  eventKinds,
  importKinds,
  lifecycleEventKinds,
  lifecycleRoles,
  organizationKinds,
  organizationStatuses,
  participantRoles,
  participantStatuses,
  partnerBusinessLines,
  partnerKinds,
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
    // The trash, newest first, without reading the whole table.
    index('organizations_trash').on(table.deletedAt).where(sql`${table.deletedAt} IS NOT NULL`),
    // A search matching thousands of rows walks the register in name order through this index,
    // checking the search text in the index itself (see `listOrganizations`).
    index('organizations_name_search').on(table.nameFolded, table.id, table.searchText).where(sql`${table.deletedAt} IS NULL`),
    // What the statistics read of the rows not in the trash, and the register's filtered counts.
    index('organizations_statistics')
      .on(table.communeCode, table.kind, table.sectorCode, table.foundedOn, table.endedOn)
      .where(sql`${table.deletedAt} IS NULL`),
    // Those founded, and those ended, in a period (see `yearCounts` in the statistics).
    index('organizations_founded')
      .on(table.foundedOn, table.endedOn, table.communeCode, table.kind, table.sectorCode)
      .where(sql`${table.deletedAt} IS NULL AND ${table.foundedOn} IS NOT NULL`),
    index('organizations_ended')
      .on(table.endedOn, table.foundedOn, table.communeCode, table.kind, table.sectorCode)
      .where(sql`${table.deletedAt} IS NULL AND ${table.endedOn} IS NOT NULL`),
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
  (table) => [
    primaryKey({ columns: [table.organizationId, table.year] }),
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
    /** Folded name, short name, tax code, contact and what they buy: what search reads. */
    searchText: text('search_text').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    deletedAt: text('deleted_at'),
  },
  (table) => [
    uniqueIndex('partners_tax_code_unique')
      .on(table.taxCode)
      .where(sql`${table.taxCode} IS NOT NULL AND ${table.deletedAt} IS NULL`),
    index('partners_name').on(table.nameFolded),
    index('partners_kind_name').on(table.kind, table.nameFolded),
    index('partners_province_key').on(table.provinceCode, table.nameKey),
  ],
);

/** Sự kiện xúc tiến thương mại: conferences, seminars, fairs, forums, training, study tours. */
export const events = sqliteTable(
  'events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: eventKinds }).notNull(),
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
    role: text('role', { enum: participantRoles }).notNull().default('attendee'),
    status: text('status', { enum: participantStatuses }).notNull().default('invited'),
    /** Who came on its behalf, as written on the sign-in sheet. */
    representative: text('representative').notNull().default(''),
    note: text('note').notNull().default(''),
  },
  (table) => [
    check('event_participants_one_side', sql`(${table.organizationId} IS NULL) <> (${table.partnerId} IS NULL)`),
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
    index('agreements_event').on(table.eventId),
    index('agreements_valid_until').on(table.validUntil),
    index('agreements_signed').on(table.signedOn),
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
    quantity: real('quantity').notNull(),
    /** In đồng. */
    value: integer('value'),
    note: text('note').notNull().default(''),
    createdAt: text('created_at').notNull(),
  },
  (table) => [
    check('agreement_deliveries_quantity_positive', sql`${table.quantity} > 0`),
    index('agreement_deliveries_commitment').on(table.commitmentId),
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
  (table) => [index('agreement_notes_agreement').on(table.agreementId, table.notedOn)],
);

/** One Excel import, committed as a whole; undoing it reverses every change it made. */
export const importBatches = sqliteTable('import_batches', {
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
});

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
    action: text('action', { enum: ['create', 'update'] }).notNull(),
    before: text('before', { mode: 'json' }),
    /**
     * What the import left (the record's snapshot): a record that differs from it when the import is
     * undone was changed since. Null for imports made before this was kept.
     */
    after: text('after', { mode: 'json' }),
  },
  (table) => [index('import_changes_batch').on(table.batchId), index('import_changes_entity').on(table.entity, table.entityId)],
);

/** A column mapping remembered for next time, keyed by the kind and the file's folded headers. */
export const importMappings = sqliteTable(
  'import_mappings',
  {
    kind: text('kind', { enum: importKinds }).notNull(),
    headerSignature: text('header_signature').notNull(),
    mapping: text('mapping', { mode: 'json' }).notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.kind, table.headerSignature] })],
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
  (table) => [primaryKey({ columns: [table.kind, table.field, table.written] })],
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

/** Organizations not in the trash, by commune. */
export const statisticsCommuneCounts = sqliteTable('statistics_commune_counts', {
  communeCode: text('commune_code').primaryKey(),
  live: integer('live').notNull(),
});

/** Organizations not in the trash, by kind and sector ('' for none: a key cannot hold NULL). */
export const statisticsKindSectorCounts = sqliteTable(
  'statistics_kind_sector_counts',
  {
    kind: text('kind', { enum: organizationKinds }).notNull(),
    sectorCode: text('sector_code').notNull(),
    live: integer('live').notNull(),
  },
  (table) => [primaryKey({ columns: [table.kind, table.sectorCode] })],
);

/**
 * A year's yearly-figure sums, by kind, over the organizations existing that year (`existsAtYearEnd`).
 * Averages need a count beside each sum: an unknown revenue is not a revenue of 0.
 */
export const statisticsFigureTotals = sqliteTable(
  'statistics_figure_totals',
  {
    year: integer('year').notNull(),
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
    good: integer('good').notNull().default(0),
    fair: integer('fair').notNull().default(0),
    average: integer('average').notNull().default(0),
    weak: integer('weak').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.year, table.kind] })],
);
