/**
 * The member register: organizations, their contacts, the trash and the change history.
 * Status and end date are not typed here; they follow from lifecycle events.
 */
import { and, asc, desc, eq, exists, inArray, isNotNull, isNull, lt, ne, or, sql, type AnyColumn, type SQL, type SQLWrapper } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import {
  membershipEndsOn,
  organizationKindNames,
  organizationStatusWords,
  type DeletedOrganization,
  type DuplicateCandidate,
  type LatestFigures,
  type OrganizationContact,
  type OrganizationDetail,
  type OrganizationListRow,
  type ParsedOrganizationInput,
  type contactsSetInput,
  type duplicateCheckInput,
  type organizationContract,
  type organizationListInput,
  type organizationTrashInput,
  type organizationUpdateInput,
} from '../../shared/contracts/organizations';
import { organizationKinds, organizationStatuses, yearsLived, type Commune, type Organization, type OrganizationStatus, type Page } from '../../shared/domain';
import { conflict, validationFailure, type FieldIssue } from '../../shared/errors';
import { formatYears, unitNameInSentence } from '../../shared/format';
import { foldText, formatIsoDateVi } from '../../shared/text';
import { organizationNameKey } from '../../shared/names';
import type { HistoryCause } from '../../shared/records';
import { closestFirst, nameCloseness, searchCloseness } from '../../shared/closeness';
import { formedByReorganization, inPlace, notInTrash } from '../db/predicates';
import { moveToTrash, recordChange, requireLive, restoreFromTrash, trashPage, type RecordSpec, type Snapshot } from '../records';
import { among, perConnection, rowInsert } from '../db/prepared';
import { timestamp, todayIso, type Context } from '../context';
import {
  certifications,
  communes,
  contacts,
  lifecycleParticipants,
  organizations,
  sectors,
  sizeClasses,
  statisticsKindSectorCounts,
  yearlyFigures,
} from '../db/schema';
import type { HandlersFor } from '../handlerTypes';
import { getAlliance } from './alliance';
import { readMinimumMembers } from './lookups';
import { foundByOldAddress, nearSearch, organizationSearchText, searchMatchExpression, searchRowCondition } from './search';
import { addUnionMember, endUnionMembership, membersOfUnion, removeUnionMember, unionsOfMember } from './unions';
import { atomically } from '../db/atomic';
import { refuseUnconfirmed, type SimilarNames } from './duplicates';
import { searchIndex, searchIndexMatches } from '../db/derived';

type OrganizationRow = typeof organizations.$inferSelect;
type OrganizationUpdate = z.output<typeof organizationUpdateInput>;

/** "xã Vĩnh An", as it reads inside a sentence. */
function communeInSentence(ctx: Context, communeCode: string): string {
  const commune = ctx.places.commune(communeCode);
  return commune ? unitNameInSentence(commune.fullName) : '';
}

/** Joined the alliance, and neither left it nor ended by `today` (`membershipEndsOn`). */
function isMemberOn(row: Pick<OrganizationRow, 'memberSince' | 'memberUntil' | 'endedOn'>, today: string): boolean {
  const endsOn = membershipEndsOn(row);
  return row.memberSince !== null && (endsOn === null || endsOn > today);
}

/** The same rule as `isMemberOn`, in SQL. */
function memberCondition(today: string): SQL {
  return and(
    isNotNull(organizations.memberSince),
    or(isNull(organizations.memberUntil), sql`${organizations.memberUntil} > ${today}`),
    or(isNull(organizations.endedOn), sql`${organizations.endedOn} > ${today}`),
  ) as SQL;
}

/**
 * The province's full name when it is not the alliance's, null when it is: `inHomeProvince` for a
 * row already read (before the alliance's record is saved, every province is this one).
 */
export function otherProvinceName(ctx: Context, provinceCode: string, homeProvinceCode: string | undefined): string | null {
  const home = homeProvinceCode ?? provinceCode;
  return home === provinceCode ? null : (ctx.places.province(provinceCode)?.fullName ?? provinceCode);
}

/** `homeProvinceCode`: the alliance's, read once by a caller mapping a page of rows. */
function toOrganization(ctx: Context, row: OrganizationRow, today = todayIso(ctx), homeProvinceCode = getAlliance(ctx)?.provinceCode): Organization {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    shortName: row.shortName,
    registrationNo: row.registrationNo,
    provinceCode: row.provinceCode,
    communeCode: row.communeCode,
    communeName: ctx.places.commune(row.communeCode)?.fullName ?? '',
    street: row.street,
    sectorCode: row.sectorCode,
    foundedOn: row.foundedOn,
    isMember: isMemberOn(row, today),
    status: row.status,
    endedOn: row.endedOn,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    otherProvinceName: otherProvinceName(ctx, row.provinceCode, homeProvinceCode),
  };
}

/** A row of the register's list: `toOrganization`, how to reach it and `latest` (its latest figures). */
function toListRow(ctx: Context, row: OrganizationRow, today: string, homeProvinceCode: string | undefined, latest: LatestFigures | null): OrganizationListRow {
  return {
    ...toOrganization(ctx, row, today, homeProvinceCode),
    phone: row.phone,
    email: row.email,
    representative: row.representative,
    latestFigures: latest,
  };
}

/**
 * The members and revenue of the latest year each of `ids` has either for, by organization (none
 * for one without): a year the office has begun typing with other figures only (workers, say)
 * does not hide the year before. Both are of one year, never mixed. Asked only for the rows of a
 * page: per organization, its few years walked by the primary key (organization, year) find the
 * latest, and one seek of `yearly_figures_statistics` reads that year's figures; finding the latest
 * year of the whole register, to sort by it, would read every figure row.
 */
function latestFiguresOf(ctx: Context, ids: readonly number[]): Map<number, LatestFigures> {
  if (ids.length === 0) return new Map();
  const latest = alias(yearlyFigures, 'latest');
  const rows = ctx.db.all<LatestFigures & { organizationId: number }>(
    sql`SELECT ${yearlyFigures.organizationId} AS organizationId, ${yearlyFigures.year} AS year,
        ${yearlyFigures.membersOfficial} AS membersOfficial, ${yearlyFigures.revenue} AS revenue
      FROM json_each(${JSON.stringify(ids)}) page
      JOIN ${yearlyFigures} ON ${yearlyFigures.organizationId} = page.value
        AND ${yearlyFigures.year} = (
          SELECT max(${latest.year}) FROM ${yearlyFigures} AS ${latest}
          WHERE ${latest.organizationId} = page.value AND (${latest.membersOfficial} IS NOT NULL OR ${latest.revenue} IS NOT NULL))`,
  );
  return new Map(rows.map(({ organizationId, ...figures }) => [organizationId, figures]));
}

/**
 * What the audit trail keeps of an organization: every field of Lịch sử thay đổi except contacts,
 * which are recorded on their own when they change.
 */
export function organizationSnapshot(row: OrganizationRow): Snapshot {
  return {
    kind: row.kind,
    name: row.name,
    shortName: row.shortName,
    registrationNo: row.registrationNo,
    communeCode: row.communeCode,
    street: row.street,
    oldAddress: row.oldAddress,
    foundedOn: row.foundedOn,
    sectorCode: row.sectorCode,
    phone: row.phone,
    email: row.email,
    website: row.website,
    representative: row.representative,
    charterCapital: row.charterCapital,
    sizeClass: row.sizeClass,
    memberSince: row.memberSince,
    memberUntil: row.memberUntil,
    highTech: row.highTech,
    valueChain: row.valueChain,
    status: row.status,
    endedOn: row.endedOn,
  };
}

/** Organizations as the record machinery handles them: audit trail, trash and history. */
export const organizationRecords: RecordSpec<typeof organizations> = {
  kind: 'organization',
  table: organizations,
  noun: 'tổ chức',
  snapshot: (_ctx, row) => organizationSnapshot(row),
  checkRestore: (ctx, row) => {
    if (!row.registrationNo) return;
    const holder = ctx.db
      .select()
      .from(organizations)
      .where(and(eq(organizations.registrationNo, row.registrationNo), notInTrash(organizations)))
      .get();
    if (holder) {
      const place = communeInSentence(ctx, holder.communeCode);
      throw conflict(
        `Không khôi phục được ${row.name}: mã số HTX ${row.registrationNo} nay đã ghi cho ${holder.name}${place ? ` (${place})` : ''}. ` +
          'Hãy sửa mã số ở hồ sơ đang dùng nếu nhập nhầm, rồi khôi phục lại.',
        holder.id,
      );
    }
  },
  nameOf: (ctx, field, value) => {
    if (typeof value !== 'string') return undefined;
    if (field === 'communeCode') return ctx.places.commune(value)?.fullName;
    if (field === 'sectorCode') return ctx.db.select({ name: sectors.name }).from(sectors).where(eq(sectors.code, value)).get()?.name;
    if (field === 'sizeClass') return ctx.db.select({ name: sizeClasses.name }).from(sizeClasses).where(eq(sizeClasses.code, value)).get()?.name;
    return undefined;
  },
};

/** The organization's row, or a plain message when it does not exist or is in the trash. */
export function requireOrganization(ctx: Context, id: number): OrganizationRow {
  return requireLive(ctx, organizationRecords, id);
}

// ---------------------------------------------------------------------------------------------
// Listing

const kindOrder = sql.join(
  organizationKinds.map((kind, index) => sql`WHEN ${kind} THEN ${index}`),
  sql` `,
);
const statusOrder = sql.join(
  organizationStatuses.map((status, index) => sql`WHEN ${status} THEN ${index}`),
  sql` `,
);

/**
 * The organization's commune's place in Vietnamese alphabetical order, from the `communes` table
 * (one primary-key lookup a row); a commune not in it goes last.
 */
const communeOrder: SQL = sql`coalesce((SELECT ${communes.sortOrder} FROM ${communes} WHERE ${communes.code} = ${organizations.communeCode}), ${2 ** 31})`;

type ListInput = z.output<typeof organizationListInput>;

/**
 * The filters other than search, each a condition on an indexed column of `organizations`, or an
 * EXISTS on an index of the related table keyed by organization (yearly figures by (organization,
 * year), certifications by (kind, organization)), so none of them reads a table whole. The first is
 * always "not in the trash".
 */
function filterConditions(ctx: Context, input: ListInput, today: string): SQL[] {
  const conditions: (SQL | undefined)[] = [notInTrash(organizations)];
  const kinds = [...(input.kinds ?? []), ...(input.kind ? [input.kind] : [])];
  if (kinds.length) conditions.push(inArray(organizations.kind, kinds));
  if (input.sectorCodes?.length) conditions.push(inArray(organizations.sectorCode, input.sectorCodes));
  if (input.communeCodes?.length) conditions.push(inArray(organizations.communeCode, input.communeCodes));
  if (input.statuses?.length) conditions.push(inArray(organizations.status, input.statuses));
  if (input.membership === 'member') conditions.push(memberCondition(today));
  if (input.membership === 'nonMember') conditions.push(sql`NOT (${memberCondition(today)})`);
  if (input.place) conditions.push(inPlace(organizations, input.place));
  if (input.classification && input.classificationYear !== undefined) {
    const classified = (condition: SQL) =>
      exists(
        ctx.db
          .select({ one: sql`1` })
          .from(yearlyFigures)
          .where(
            and(
              eq(yearlyFigures.organizationId, organizations.id),
              eq(yearlyFigures.year, input.classificationYear ?? 0),
              condition,
            ),
          ),
      );
    conditions.push(
      input.classification === 'unclassified'
        ? sql`NOT ${classified(isNotNull(yearlyFigures.classification))}`
        : classified(eq(yearlyFigures.classification, input.classification)),
    );
  }
  if (input.certificationKind) {
    conditions.push(
      exists(
        ctx.db
          .select({ one: sql`1` })
          .from(certifications)
          .where(
            and(
              eq(certifications.kindCode, input.certificationKind),
              eq(certifications.organizationId, organizations.id),
              input.certificationValid
                ? or(isNull(certifications.expiresOn), sql`${certifications.expiresOn} >= ${today}`)
                : undefined,
            ),
          ),
      ),
    );
  }
  return conditions.filter((condition): condition is SQL => condition !== undefined);
}

/** Whether the only filters are kind, sector, commune and province: all are in `organizations_statistics`. */
function filtersOnlyByPlace(input: ListInput): boolean {
  return !input.statuses?.length && !input.membership && !(input.classification && input.classificationYear !== undefined) && !input.certificationKind;
}

function listOrder(sort: ListInput['sort']): SQL[] {
  const direct = (expression: AnyColumn | SQLWrapper) =>
    sort.direction === 'asc' ? asc(expression) : desc(expression);
  const byName = [asc(organizations.nameFolded), asc(organizations.id)];
  switch (sort.by) {
    case 'name':
      return [direct(organizations.nameFolded), direct(organizations.id)];
    // Unknown dates and numbers go last whichever the direction.
    case 'foundedOn':
      return [sql`${organizations.foundedOn} IS NULL`, direct(organizations.foundedOn), ...byName];
    case 'registrationNo':
      return [sql`${organizations.registrationNo} IS NULL`, direct(organizations.registrationNo), ...byName];
    case 'commune':
      return [direct(communeOrder), ...byName];
    case 'kind':
      return [direct(sql`CASE ${organizations.kind} ${kindOrder} END`), ...byName];
    case 'status':
      return [direct(sql`CASE ${organizations.status} ${statusOrder} END`), ...byName];
  }
}

/**
 * How far the register counts the matches of a search. A search that matches more (a first letter,
 * "htx") says "more than 1,000" (`totalCapped`) instead of counting tens of thousands of rows on
 * every key press; a person narrows it by typing on. Filters without a search are always counted
 * exactly.
 */
export const SEARCH_COUNT_CAP = 1000;

/**
 * A search with fewer exact matches than this in the register also offers names found with one
 * typed word forgiven (`nearSearch`), after them: few enough matches that a typo is the likely reason.
 */
export const NEAR_MATCH_BELOW = 20;

/**
 * At most this many of those names, the closest first (a screenful; the participant picker offers
 * as many): they stand in for a typo, which a person corrects to see every match, rather than
 * burying the exact matches under hundreds of guesses.
 */
export const NEAR_MATCH_LIMIT = 20;

/**
 * A search matching more than the cap ranks by closeness only its first this many rows by name
 * (two pages of the register, five of the participant picker), the rest following by name.
 */
export const RANKED_PAST_CAP = 100;

/** The `value` of a query's one row. */
function countOf(ctx: Context, query: SQL): number {
  return ctx.db.get<{ value: number } | undefined>(query)?.value ?? 0;
}

/**
 * The names found with one typed word forgiven (`nearSearch`) that the filters keep and the exact
 * search did not find, each read with its own forgiven word: those that read closer to what was
 * typed than `closerThan` (the closest exact match's distance), the closest first, at most
 * `NEAR_MATCH_LIMIT`. A name no closer than one found as typed is no reason to think it mistyped:
 * "dong thap" finds "Liên hiệp HTX Thủy sản Đồng Tháp", so "Đồng Thái" is not offered beside it.
 */
function nearMatchIds(ctx: Context, query: string, filters: SQL[], order: SQL[], exact: ReadonlySet<number>, closerThan: number): number[] {
  const near = nearSearch(ctx.db.$client, query);
  if (near === undefined) return [];
  const candidates = ctx.db
    .select({ id: searchIndex.id })
    .from(searchIndex)
    .where(searchIndexMatches(near.expression))
    .limit(SEARCH_COUNT_CAP)
    .all()
    .map((row) => row.id)
    .filter((id) => !exact.has(id));
  if (candidates.length === 0) return [];
  const rows = ctx.db.all<{ id: number; nameFolded: string; searchText: string }>(
    sql`SELECT ${organizations.id} AS id, ${organizations.nameFolded} AS nameFolded, ${organizations.searchText} AS searchText
      FROM ${organizations} WHERE ${and(...filters, among(organizations.id, candidates))} ORDER BY ${sql.join(order, sql`, `)}`,
  );
  const readings = near.readings.map((reading) => ({ word: reading.word, closeness: nameCloseness(reading.words) }));
  const read = rows.map((row) => {
    const words = new Set(row.searchText.split(' '));
    // The search found it through one of these words, whole.
    const distance = Math.min(...readings.filter((reading) => words.has(reading.word)).map((reading) => reading.closeness(row.nameFolded)));
    return { id: row.id, distance };
  });
  return closestFirst(
    read.filter((row) => row.distance < closerThan),
    (row) => row.distance,
  )
    .slice(0, NEAR_MATCH_LIMIT)
    .map((row) => row.id);
}

/**
 * One page of the register and how many rows match. The plan is chosen by how many rows the search
 * matches (counted from the search index, up to the cap), since no single SQLite plan is fast for
 * both a search matching 20 rows and one matching 70,000:
 * - no search: the count comes from the derived counters (no filter), from `organizations_statistics`
 *   (filters on kind, sector, commune, province only) or from the filters' own indexes;
 * - a search matching at most the cap: the index's matches (ids) are joined to the filters and read
 *   in the list's order, id and name only, which counts them too. In the default order (by name,
 *   A to Z) the names closest to what was typed come first (`searchCloseness`: "vinh hoa moi" puts
 *   "HTX Nông nghiệp Vĩnh Hòa Mới" before "HTX Môi trường Vĩnh Hòa Hưng"), then by name; a person
 *   who chose an order gets that order. When they are few, a few names found with a typo forgiven
 *   follow (`nearMatchIds`), counted with them;
 * - a broader search: the list is walked in its order (by name, through `organizations_name_search`,
 *   which holds the search text) and each row checked with `searchRowCondition`, the same rule, so
 *   the first page is found after a few hundred rows; the count stops at the cap. In the default
 *   order the first `RANKED_PAST_CAP` rows by name are ranked by closeness as above, and the rest
 *   follow by name: ranking every match would read and sort thousands of rows on every key press,
 *   for a search a person narrows by typing on.
 */
export function listOrganizations(ctx: Context, input: ListInput): Page<OrganizationListRow> {
  const today = todayIso(ctx);
  const filters = filterConditions(ctx, input, today);
  const onlyTrash = filters.length === 1;
  const query = input.query ?? '';
  const match = searchMatchExpression(query);
  const order = listOrder(input.sort);
  const byName = input.sort.by === 'name';
  const offset = (input.page - 1) * input.pageSize;

  let total: number;
  let totalCapped = false;
  /** The page's ids in order, when they are found before the rows are read. */
  let pageIds: number[] | undefined;
  let nearIds: number[] = [];
  let where: SQL | undefined;
  if (match === undefined) {
    where = and(...filters);
    if (onlyTrash) {
      total = countOf(ctx, sql`SELECT coalesce(sum(${statisticsKindSectorCounts.live}), 0) AS value FROM ${statisticsKindSectorCounts}`);
    } else {
      // The planner reads the partial covering index only when told to; it counts 100,000 entries
      // in a few milliseconds where reading the table takes tens.
      const counted = filtersOnlyByPlace(input) ? sql`${organizations} INDEXED BY organizations_statistics` : sql`${organizations}`;
      total = countOf(ctx, sql`SELECT count(*) AS value FROM ${counted} WHERE ${where}`);
    }
  } else {
    // The index's matches, up to one more than the cap: an FTS5 lookup of a long number ("9100001")
    // costs milliseconds, so it is made once.
    const matched = ctx.db
      .select({ id: searchIndex.id })
      .from(searchIndex)
      .where(searchIndexMatches(match))
      .limit(SEARCH_COUNT_CAP + 1)
      .all()
      .map((row) => row.id);
    const closenessFirst = byName && input.sort.direction === 'asc';
    if (matched.length <= SEARCH_COUNT_CAP) {
      // The index holds no row in the trash; `searchCondition` would say the same, at a second lookup.
      const found = ctx.db.all<{ id: number; nameFolded: string }>(
        sql`SELECT ${organizations.id} AS id, ${organizations.nameFolded} AS nameFolded FROM ${organizations}
          WHERE ${and(...filters, among(organizations.id, matched))} ORDER BY ${sql.join(order, sql`, `)}`,
      );
      const closeness = searchCloseness(query);
      const ids = (closenessFirst ? closestFirst(found, (row) => closeness(row.nameFolded)) : found).map((row) => row.id);
      // Judged on the whole register, not on what the filters keep: a filter that leaves no match
      // is no sign of a typo, and a name found as typed anywhere is a sign of none.
      if (matched.length < NEAR_MATCH_BELOW) {
        const everywhere = onlyTrash
          ? found
          : ctx.db.all<{ nameFolded: string }>(
              sql`SELECT ${organizations.nameFolded} AS nameFolded FROM ${organizations} WHERE ${among(organizations.id, matched)}`,
            );
        const closest = Math.min(Infinity, ...everywhere.map((row) => closeness(row.nameFolded)));
        // Nothing reads closer than a name as typed: the typo pass is not even looked up.
        if (closest > 0) nearIds = nearMatchIds(ctx, query, filters, order, new Set(matched), closest);
      }
      ids.push(...nearIds);
      total = ids.length;
      pageIds = ids.slice(offset, offset + input.pageSize);
    } else {
      where = and(...filters, searchRowCondition(query));
      /** The list's rows from `start` in name order, found in the covering index (then only those rows are read). */
      const walk = (limit: number, start: number) =>
        ctx.db
          .all<{ id: number; nameFolded: string }>(
            sql`SELECT ${organizations.id} AS id, ${organizations.nameFolded} AS nameFolded FROM ${organizations} INDEXED BY organizations_name_search
              WHERE ${where} ORDER BY ${sql.join(order, sql`, `)} LIMIT ${limit} OFFSET ${start}`,
          );
      const counted = onlyTrash
        ? SEARCH_COUNT_CAP + 1
        : countOf(ctx, sql`SELECT count(*) AS value FROM (SELECT 1 FROM ${organizations} WHERE ${where} LIMIT ${SEARCH_COUNT_CAP + 1})`);
      totalCapped = counted > SEARCH_COUNT_CAP;
      total = Math.min(counted, SEARCH_COUNT_CAP);
      if (closenessFirst && offset < RANKED_PAST_CAP) {
        // The first rows by name are ranked as a search matching fewer, the rest follow by name:
        // ranking every match would read and sort thousands of rows on every key press.
        const closeness = searchCloseness(query);
        const ranked = closestFirst(walk(RANKED_PAST_CAP, 0), (row) => closeness(row.nameFolded)).map((row) => row.id);
        const shown = ranked.slice(offset, offset + input.pageSize);
        const after = shown.length < input.pageSize ? walk(input.pageSize - shown.length, Math.max(offset, ranked.length)) : [];
        pageIds = [...shown, ...after.map((row) => row.id)];
      } else if (byName) {
        pageIds = walk(input.pageSize, offset).map((row) => row.id);
      }
    }
  }

  let rows: OrganizationRow[];
  if (pageIds) {
    const byId = new Map(
      (pageIds.length ? ctx.db.select().from(organizations).where(among(organizations.id, pageIds)).all() : []).map((row) => [row.id, row]),
    );
    rows = pageIds.map((id) => byId.get(id)).filter((row): row is OrganizationRow => row !== undefined);
  } else {
    rows = ctx.db.select().from(organizations).where(where).orderBy(...order).limit(input.pageSize).offset(offset).all();
  }
  const near = new Set(nearIds);
  const home = getAlliance(ctx)?.provinceCode;
  const latest = latestFiguresOf(ctx, rows.map((row) => row.id));
  const page: Page<OrganizationListRow> = {
    rows: rows.map((row) => {
      const listed = toListRow(ctx, row, today, home, latest.get(row.id) ?? null);
      const byOldAddress = match !== undefined && foundByOldAddress(query, { ...row, communeName: ctx.places.commune(row.communeCode)?.name ?? '' });
      return {
        ...listed,
        ...(near.has(row.id) ? { nearMatch: true as const } : {}),
        ...(byOldAddress ? { matchedOldAddress: row.oldAddress } : {}),
      };
    }),
    total,
  };
  if (totalCapped) page.totalCapped = true;
  return page;
}

// ---------------------------------------------------------------------------------------------
// One organization

export function contactsOf(ctx: Context, organizationId: number): OrganizationContact[] {
  return ctx.db
    .select({ id: contacts.id, name: contacts.name, role: contacts.role, phone: contacts.phone, email: contacts.email })
    .from(contacts)
    .where(eq(contacts.organizationId, organizationId))
    .orderBy(asc(contacts.id))
    .all();
}

const endedStatuses: readonly OrganizationStatus[] = ['dissolved', 'bankrupt', 'reorganized'];

/**
 * Whether the organization has ended, by the status its lifecycle events leave it in: dissolved,
 * bankrupt, or reorganized into others (split, consolidated, merged, converted). Not a suspension.
 */
export function hasEnded(row: Pick<OrganizationRow, 'status'>): boolean {
  return endedStatuses.includes(row.status);
}

/** What looks wrong but never stops a save: fewer members than the `minimum_members` setting. */
function warningsFor(ctx: Context, row: OrganizationRow, currentMembers: number): string[] {
  if (hasEnded(row)) return [];
  const minimum = readMinimumMembers(ctx)[row.kind];
  if (minimum <= 0) return [];
  const kindName = organizationKindNames[row.kind];
  const warnings: string[] = [];
  const latest = ctx.db
    .select({ year: yearlyFigures.year, membersOfficial: yearlyFigures.membersOfficial })
    .from(yearlyFigures)
    .where(eq(yearlyFigures.organizationId, row.id))
    .orderBy(desc(yearlyFigures.year))
    .limit(1)
    .get();
  if (latest?.membersOfficial != null && latest.membersOfficial < minimum) {
    warnings.push(
      `${kindName} có ${latest.membersOfficial} thành viên chính thức (số liệu năm ${latest.year}), ít hơn mức tối thiểu ${minimum} (theo cài đặt).`,
    );
  }
  if (row.kind === 'lhhtx' && currentMembers < minimum) {
    warnings.push(`${kindName} có ${currentMembers} hợp tác xã thành viên, ít hơn mức tối thiểu ${minimum} (theo cài đặt).`);
  }
  return warnings;
}

export function getOrganizationDetail(ctx: Context, id: number): OrganizationDetail {
  const row = requireOrganization(ctx, id);
  const today = todayIso(ctx);
  const members = membersOfUnion(ctx, id);
  const currentMembers = members.filter((link) => link.leftOn === null || link.leftOn > today).length;
  return {
    ...toOrganization(ctx, row, today),
    oldAddress: row.oldAddress,
    phone: row.phone,
    email: row.email,
    website: row.website,
    representative: row.representative,
    charterCapital: row.charterCapital,
    sizeClass: row.sizeClass,
    memberSince: row.memberSince,
    memberUntil: row.memberUntil,
    highTech: row.highTech,
    valueChain: row.valueChain,
    contacts: contactsOf(ctx, id),
    unions: unionsOfMember(ctx, id),
    members,
    warnings: warningsFor(ctx, row, currentMembers),
    hasHistory: hasHistory(ctx, id),
  };
}

// ---------------------------------------------------------------------------------------------
// Creating and changing

/** Every column an insert writes, each named once: the compiler checks none is missing. */
const insertedColumns: Record<keyof Omit<OrganizationRow, 'id'>, true> = {
  kind: true,
  name: true,
  shortName: true,
  registrationNo: true,
  provinceCode: true,
  communeCode: true,
  street: true,
  oldAddress: true,
  foundedOn: true,
  sectorCode: true,
  phone: true,
  email: true,
  website: true,
  representative: true,
  charterCapital: true,
  sizeClass: true,
  memberSince: true,
  memberUntil: true,
  highTech: true,
  valueChain: true,
  nameFolded: true,
  nameKey: true,
  searchText: true,
  status: true,
  endedOn: true,
  createdAt: true,
  updatedAt: true,
  deletedAt: true,
};

/** What a possible duplicate is read with: its name, and what tells it apart from others of that name (`similarDetail`). */
const similarColumns = {
  id: organizations.id,
  name: organizations.name,
  communeCode: organizations.communeCode,
  street: organizations.street,
  registrationNo: organizations.registrationNo,
  status: organizations.status,
};

/** What every save runs, prepared once per connection: an import saves up to 100,000 in a row. */
const savingQueries = perConnection((db) => {
  const liveOther = and(notInTrash(organizations), ne(organizations.id, sql.placeholder('excludeId')));
  return {
    sector: db.select({ code: sectors.code }).from(sectors).where(eq(sectors.code, sql.placeholder('code'))).prepare(),
    sizeClass: db.select({ code: sizeClasses.code }).from(sizeClasses).where(eq(sizeClasses.code, sql.placeholder('code'))).prepare(),
    holderOfNumber: db
      .select(similarColumns)
      .from(organizations)
      .where(and(eq(organizations.registrationNo, sql.placeholder('registrationNo')), liveOther))
      .prepare(),
    sameNameInCommune: db
      .select(similarColumns)
      .from(organizations)
      .where(and(eq(organizations.communeCode, sql.placeholder('communeCode')), eq(organizations.nameKey, sql.placeholder('nameKey')), liveOther))
      .orderBy(asc(organizations.nameFolded), asc(organizations.id))
      .prepare(),
    figureYearsBefore: db
      .select({ year: yearlyFigures.year })
      .from(yearlyFigures)
      .where(and(eq(yearlyFigures.organizationId, sql.placeholder('organizationId')), lt(yearlyFigures.year, sql.placeholder('year'))))
      .orderBy(asc(yearlyFigures.year))
      .prepare(),
    // No RETURNING: SQLite took ten times as long for an insert that returns its row (0.37 against
    // 0.04 ms a row, 30 % of an import's commit); the new row is made of what was written instead.
    insert: rowInsert(db, organizations, insertedColumns),
  };
});

/**
 * Why a founding day cannot be taken, or null: a day after today is a slip (2030 for 2003), and
 * would keep the organization out of every year's statistics until then. A person's save and an
 * import's preview both ask this.
 */
export function foundingDayRefusal(ctx: Context, foundedOn: string | null): string | null {
  const today = todayIso(ctx);
  return foundedOn !== null && foundedOn > today ? `Ngày thành lập không được sau hôm nay (${formatIsoDateVi(today)}).` : null;
}

/** The organization as saved, for what its save compares a founding day with. */
type StoredFounding = Pick<OrganizationRow, 'id' | 'name' | 'foundedOn' | 'endedOn' | 'memberSince'>;

/**
 * Why a founding day and a joining day cannot be taken together with what the organization has,
 * or none: a founding day after a year it has figures of (each year's statistics and the year
 * grid would lose them without a word, by the rule `yearOutsideLifeReason` says for one year and
 * the figures form, the grid and an import refuse such a year by), and joining the alliance before
 * the founding. Only a day that changes is asked, so that a record kept so before stays editable;
 * `stored` is null for a new organization. One rule for the form and an import's rows.
 */
export function foundingIssues(
  ctx: Context,
  stored: StoredFounding | null,
  after: Pick<ParsedOrganizationInput, 'name' | 'foundedOn' | 'memberSince'>,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const { foundedOn, memberSince } = after;
  const foundingMoved = foundedOn !== (stored?.foundedOn ?? null);
  const first = yearsLived({ foundedOn, endedOn: null }).first;
  if (stored && foundingMoved && foundedOn !== null && first !== null) {
    const years = savingQueries(ctx.db)
      .figureYearsBefore.all({ organizationId: stored.id, year: first })
      .map((row) => row.year);
    if (years.length) {
      issues.push({
        path: 'foundedOn',
        message:
          `${stored.name} đã có số liệu hằng năm của năm ${formatYears(years)}, trước ngày thành lập ${formatIsoDateVi(foundedOn)}: ` +
          'các số liệu đó sẽ không còn được tính vào thống kê của năm nào. Nếu ngày thành lập mới đúng, hãy xóa số liệu các năm đó ở thẻ Số liệu hằng năm trước; nếu không, hãy kiểm tra lại ngày thành lập.',
      });
    }
  }
  const joiningMoved = memberSince !== (stored?.memberSince ?? null);
  const joinedBefore = (foundingMoved || joiningMoved) && foundedOn !== null && memberSince !== null && memberSince < foundedOn;
  // One formed by a conversion keeps the membership of the one it was before (`conversionCarriedFields`).
  if (joinedBefore && !(stored && ctx.db.get<{ formed: number }>(sql`SELECT ${formedByReorganization(sql`${stored.id}`)} AS formed`).formed === 1)) {
    issues.push({
      path: 'memberSince',
      message: `Ngày gia nhập Liên minh (${formatIsoDateVi(memberSince)}) không được trước ngày thành lập (${formatIsoDateVi(foundedOn)}).`,
    });
  }
  return issues;
}

/**
 * Checks what the schema cannot: the commune exists, lookup codes exist, a founding day typed has
 * come (`foundingDayRefusal`; one the save keeps is not questioned: a merger recorded ahead, before
 * lifecycle events dated after today were refused, set its successor's, and the record stays
 * editable), and agrees with the figures and the membership (`foundingIssues`). A commune of another
 * province is taken: such a cooperative is recorded with its place and kept out of this province's
 * statistics (`inHomeProvince`).
 */
function checkReferences(ctx: Context, input: ParsedOrganizationInput, stored: StoredFounding | null): Commune {
  const issues: FieldIssue[] = [];
  const lateFounding = stored && input.foundedOn === stored.foundedOn ? null : foundingDayRefusal(ctx, input.foundedOn);
  if (lateFounding) issues.push({ path: 'foundedOn', message: lateFounding });
  else issues.push(...foundingIssues(ctx, stored, input));
  const commune = ctx.places.commune(input.communeCode);
  if (!commune) {
    issues.push({ path: 'communeCode', message: 'Xã, phường đã chọn không có trong danh sách 3.321 xã, phường hiện hành.' });
  }
  const queries = savingQueries(ctx.db);
  if (input.sectorCode && !queries.sector.get({ code: input.sectorCode })) {
    issues.push({ path: 'sectorCode', message: 'Lĩnh vực hoạt động đã chọn không có trong danh mục; hãy chọn lại từ danh sách.' });
  }
  if (input.sizeClass && !queries.sizeClass.get({ code: input.sizeClass })) {
    issues.push({ path: 'sizeClass', message: 'Quy mô đã chọn không có trong danh mục; hãy chọn lại từ danh sách.' });
  }
  if (issues.length || !commune) throw validationFailure(issues);
  return commune;
}

/**
 * What tells an organization of nearly the same name apart from others in its commune, beside its
 * name in a refusal's list: its address, its Mã số HTX, and its status unless it is working —
 * two «HTX Nông nghiệp Mỹ Hòa» would otherwise read alike.
 */
function similarDetail(ctx: Context, row: { communeCode: string; street: string; registrationNo: string | null; status: OrganizationStatus }): string {
  const commune = ctx.places.commune(row.communeCode)?.fullName ?? '';
  return [
    row.street === '' ? commune : `${row.street}, ${commune}`,
    row.registrationNo === null ? 'chưa có Mã số HTX' : `Mã số HTX ${row.registrationNo}`,
    ...(row.status === 'active' ? [] : [organizationStatusWords[row.status]]),
  ].join(', ');
}

/** Refuses a taken Mã số HTX, and a near-identical name in the same commune unless every such one is confirmed (`refuseUnconfirmed`). */
function refuseDuplicates(
  ctx: Context,
  input: ParsedOrganizationInput,
  { excludeId, checkName }: { excludeId?: number; checkName: boolean },
): void {
  const queries = savingQueries(ctx.db);
  // Ids start at 1: 0 excludes nobody.
  const notSelf = excludeId ?? 0;
  if (input.registrationNo) {
    const existing = queries.holderOfNumber.get({ registrationNo: input.registrationNo, excludeId: notSelf });
    if (existing) {
      const place = communeInSentence(ctx, existing.communeCode);
      throw conflict(
        `Mã số HTX ${input.registrationNo} đã có: ${existing.name}${place ? ` (${place})` : ''}.`,
        existing.id,
      );
    }
  }
  if (!checkName) return;
  const similar = queries.sameNameInCommune.all({ communeCode: input.communeCode, nameKey: organizationNameKey(input.name), excludeId: notSelf });
  refuseUnconfirmed(
    similar.map((row) => ({ id: row.id, name: row.name, detail: similarDetail(ctx, row) })),
    input.confirmedSimilarIds,
    {
      noun: 'tổ chức',
      message: (counted, named) => `Đã có ${counted} tên gần giống ở ${communeInSentence(ctx, input.communeCode)}: ${named}. Nếu đúng là tổ chức khác, hãy xác nhận để lưu.`,
    },
  );
}

/** The stored columns for what a person typed, with the folded companions search and matching use. */
function columnsFor(input: ParsedOrganizationInput, commune: Commune) {
  const registrationNo = input.registrationNo === '' ? null : input.registrationNo;
  return {
    kind: input.kind,
    name: input.name,
    shortName: input.shortName,
    registrationNo,
    provinceCode: commune.provinceCode,
    communeCode: commune.code,
    street: input.street,
    oldAddress: input.oldAddress,
    foundedOn: input.foundedOn,
    sectorCode: input.sectorCode,
    phone: input.phone,
    email: input.email,
    website: input.website,
    representative: input.representative,
    charterCapital: input.charterCapital,
    sizeClass: input.sizeClass,
    memberSince: input.memberSince,
    memberUntil: input.memberUntil,
    highTech: input.highTech,
    valueChain: input.valueChain,
    nameFolded: foldText(input.name),
    nameKey: organizationNameKey(input.name),
    searchText: organizationSearchText({
      name: input.name,
      shortName: input.shortName,
      registrationNo,
      communeName: commune.name,
      oldAddress: input.oldAddress,
    }),
  };
}

/**
 * Validates, refuses duplicates, inserts and records the audit row, in one transaction. Exported
 * for the lifecycle service, which creates successor organizations inside its own transaction
 * (drizzle nests it as a savepoint).
 */
export function insertOrganization(ctx: Context, input: ParsedOrganizationInput): Organization {
  return atomically(ctx.db, () => {
    const row = writeOrganizationRow(ctx, input);
    recordChange(ctx, 'organization', row.id, 'create', null, organizationSnapshot(row));
    return toOrganization(ctx, row);
  });
}

/**
 * A new organization's row, written after every check of a person's save, without its audit
 * entry: an import writes those of many at once from the rows, in SQL (`createdRecording` in
 * the import's kinds), holding what `insertOrganization` records.
 */
export function writeOrganizationRow(ctx: Context, input: ParsedOrganizationInput, similarNames: SimilarNames = 'ask'): OrganizationRow {
  const commune = checkReferences(ctx, input, null);
  return atomically(ctx.db, () => {
    refuseDuplicates(ctx, input, { checkName: similarNames === 'ask' });
    const now = timestamp(ctx);
    // A new organization is active until a lifecycle event says otherwise.
    const values = { ...columnsFor(input, commune), status: 'active' as const, endedOn: null, createdAt: now, updatedAt: now, deletedAt: null };
    const { lastInsertRowid } = savingQueries(ctx.db).insert(values);
    // Every column was written just now, none left to its default: the row is what was written,
    // and an import of 100,000 need not read each back.
    return { id: Number(lastInsertRowid), ...values };
  });
}

/**
 * Whether an organization has a past its kind belongs to: yearly figures or lifecycle events. Each
 * year's statistics count it by its kind, so changing the kind of such a one would count it as the
 * new kind in every year before; a change of kind is then recorded as a «Chuyển đổi», dated.
 */
function hasHistory(ctx: Context, id: number): boolean {
  const figures = ctx.db.select({ one: sql`1` }).from(yearlyFigures).where(eq(yearlyFigures.organizationId, id));
  const events = ctx.db.select({ one: sql`1` }).from(lifecycleParticipants).where(eq(lifecycleParticipants.organizationId, id));
  return ctx.db.get<{ found: number }>(sql`SELECT (${exists(figures)} OR ${exists(events)}) AS found`).found === 1;
}

/**
 * Why `before` may not become of `kind`: it has a past (`hasHistory`), so the change is a
 * «Chuyển đổi»; null when it may. One rule for the form and an import's «Cập nhật», which says it
 * at the row's kind cell before anything is written.
 */
export function kindChangeRefusal(ctx: Context, before: Pick<OrganizationRow, 'id' | 'name' | 'kind'>, kind: OrganizationRow['kind']): string | null {
  if (kind === before.kind || !hasHistory(ctx, before.id)) return null;
  return (
    `${before.name} đã có số liệu hằng năm hoặc quá trình hoạt động là ${organizationKindNames[before.kind].toLowerCase()}; ` +
    `đổi loại hình thành ${organizationKindNames[kind].toLowerCase()} sẽ tính lại cả các năm trước theo loại hình mới. ` +
    'Nếu tổ chức đã chuyển đổi (chẳng hạn tổ hợp tác đăng ký thành hợp tác xã), hãy ghi sự kiện «Chuyển đổi» ở thẻ Quá trình hoạt động của tổ chức, với ngày chuyển đổi.'
  );
}

/**
 * Why an organization cannot be a party to what happens on `day`: it had ended (dissolved,
 * bankrupt, reorganized) by then; null while it existed. One rule for offers, agreements and
 * events' participants.
 */
export function endedRefusal(organization: { name: string; endedOn: string | null }, day: string): string | null {
  const { name, endedOn } = organization;
  return endedOn !== null && endedOn <= day ? `${name} đã chấm dứt hoạt động từ ngày ${formatIsoDateVi(endedOn)}.` : null;
}

export function updateOrganization(ctx: Context, { id, ...input }: OrganizationUpdate, similarNames: SimilarNames = 'ask'): Organization {
  return atomically(ctx.db, () => {
    const before = requireOrganization(ctx, id);
    const kindRefused = kindChangeRefusal(ctx, before, input.kind);
    if (kindRefused) throw validationFailure([{ path: 'kind', message: kindRefused }]);
    const commune = checkReferences(ctx, input, before);
    const columns = columnsFor(input, commune);
    // A pair of similar names confirmed once is not questioned again on every later save.
    const checkName = similarNames === 'ask' && (columns.nameKey !== before.nameKey || columns.communeCode !== before.communeCode);
    refuseDuplicates(ctx, input, { excludeId: id, checkName });
    const now = timestamp(ctx);
    const after = ctx.db
      .update(organizations)
      .set({ ...columns, updatedAt: now })
      .where(eq(organizations.id, id))
      .returning()
      .get();
    recordChange(ctx, 'organization', id, 'update', organizationSnapshot(before), organizationSnapshot(after));
    return toOrganization(ctx, after);
  });
}

/** Moves an organization to the trash (Thùng rác); its links and figures stay for a restore. */
export function deleteOrganization(ctx: Context, id: number): null {
  return moveToTrash(ctx, organizationRecords, id);
}

export function restoreOrganization(ctx: Context, id: number): Organization {
  return toOrganization(ctx, restoreFromTrash(ctx, organizationRecords, id));
}

/** Thùng rác: deleted organizations, most recently deleted first. */
export function listTrash(ctx: Context, input: z.output<typeof organizationTrashInput>): Page<DeletedOrganization> {
  const { rows, total } = trashPage(ctx, organizationRecords, input);
  const today = todayIso(ctx);
  return { rows: rows.map((row) => ({ ...toOrganization(ctx, row, today), deletedAt: row.deletedAt })), total };
}

/**
 * The organizations what is being typed may already be: of its Mã số HTX, or of its name in its
 * commune — also in the trash, said so (`inTrash`), to be restored rather than entered again; a
 * save does not question those (a new record may be meant), so this is the only word of them.
 */
export function findDuplicates(ctx: Context, input: z.output<typeof duplicateCheckInput>): DuplicateCandidate[] {
  const notSelf = input.excludeId === undefined ? undefined : ne(organizations.id, input.excludeId);
  const columns = { ...similarColumns, deletedAt: organizations.deletedAt };
  const ofNumber = (registrationNo: string) => eq(organizations.registrationNo, registrationNo);
  const byNumber = input.registrationNo
    ? [
        ...ctx.db.select(columns).from(organizations).where(and(ofNumber(input.registrationNo), notInTrash(organizations), notSelf)).all(),
        // The trash apart: the Mã số HTX index holds only the live, the trash's index the deleted (a few).
        ...ctx.db.select(columns).from(organizations).where(and(isNotNull(organizations.deletedAt), ofNumber(input.registrationNo), notSelf)).all(),
      ]
    : [];
  const byName = ctx.db
    .select(columns)
    .from(organizations)
    .where(and(eq(organizations.communeCode, input.communeCode), eq(organizations.nameKey, organizationNameKey(input.name)), notSelf))
    .orderBy(sql`${organizations.deletedAt} IS NOT NULL`, asc(organizations.nameFolded))
    .limit(20)
    .all();
  const candidates = [
    ...byNumber.map((row) => ({ ...row, reason: 'registrationNo' as const })),
    ...byName.filter((row) => !byNumber.some((other) => other.id === row.id)).map((row) => ({ ...row, reason: 'sameName' as const })),
  ];
  return candidates.map((row) => ({
    id: row.id,
    name: row.name,
    detail: similarDetail(ctx, row),
    reason: row.reason,
    ...(row.deletedAt === null ? {} : { inTrash: true as const }),
  }));
}

/** Replaces the contact people of an organization. */
/** `cause`: what made the app set them by itself (a conversion carrying them over), for the history. */
export function setContacts(ctx: Context, input: z.output<typeof contactsSetInput>, cause?: HistoryCause): OrganizationContact[] {
  return atomically(ctx.db, () => {
    requireOrganization(ctx, input.organizationId);
    const before = contactsOf(ctx, input.organizationId);
    ctx.db.delete(contacts).where(eq(contacts.organizationId, input.organizationId)).run();
    if (input.contacts.length) {
      ctx.db
        .insert(contacts)
        .values(input.contacts.map((contact) => ({ ...contact, organizationId: input.organizationId })))
        .run();
    }
    const after = contactsOf(ctx, input.organizationId);
    const withoutIds = (list: OrganizationContact[]) => list.map(({ id: _id, ...contact }) => contact);
    recordChange(ctx, 'organization', input.organizationId, 'update', { contacts: withoutIds(before) }, { contacts: withoutIds(after) }, cause);
    return after;
  });
}

export const organizationHandlers: HandlersFor<typeof organizationContract> = {
  'organizations:list': (ctx, input) => listOrganizations(ctx, input),
  'organizations:get': (ctx, { id }) => getOrganizationDetail(ctx, id),
  'organizations:create': (ctx, input) => insertOrganization(ctx, input),
  'organizations:update': (ctx, input) => updateOrganization(ctx, input),
  'organizations:delete': (ctx, { id }) => deleteOrganization(ctx, id),
  'organizations:restore': (ctx, { id }) => restoreOrganization(ctx, id),
  'organizations:trash': (ctx, input) => listTrash(ctx, input),
  'organizations:checkDuplicates': (ctx, input) => findDuplicates(ctx, input),
  'contacts:set': (ctx, input) => setContacts(ctx, input),
  'unions:addMember': (ctx, input) => addUnionMember(ctx, input),
  'unions:endMembership': (ctx, input) => endUnionMembership(ctx, input),
  'unions:removeMember': (ctx, { linkId }) => removeUnionMember(ctx, linkId),
};
