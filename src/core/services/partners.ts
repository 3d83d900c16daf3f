/**
 * Đối tác: who buys from, sells to, carries for or works with the members. Kept like the register:
 * searched as one types, soft-deleted to the trash, every change in the audit trail.
 */
import { and, asc, count, desc, eq, ne, sql, type AnyColumn, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type DeletedPartner,
  type ParsedPartnerInput,
  type PartnerDetail,
  type PartnerDuplicateCandidate,
  type PartnerSummary,
  type PartnerTies,
  type partnerDuplicateCheckInput,
  type partnerListInput,
  type partnersContract,
  type partnerUpdateInput,
} from '../../shared/contracts/partners';
import { chasedStatuses } from '../../shared/agreements';
import { agreementListInput } from '../../shared/contracts/agreements';
import { demandListInput } from '../../shared/contracts/supply';
import { partnerKinds, supplyStatuses, type Page, type Province } from '../../shared/domain';
import { isConnectable } from '../../shared/supply';
import { conflict, validationFailure } from '../../shared/errors';
import { foldText, vietnameseCollator } from '../../shared/text';
import { partnerNameKey } from '../../shared/names';
import { timestamp, type Context } from '../context';
import { notInTrash } from '../db/predicates';
import { partners } from '../db/schema';
import { moveToTrash, recordChange, requireLive, restoreFromTrash, trashPage, type RecordSpec, type Snapshot } from '../records';
import type { HandlersFor } from '../handlerTypes';
import { listAgreements } from './agreements';
import { closenessOrder, partnerSearchText, textOrPhoneCondition } from './search';
import { among } from '../db/prepared';
import { listDemands } from './supply';
import { atomically } from '../db/atomic';
import { refuseUnconfirmed, type SimilarNames } from './duplicates';

type PartnerRow = typeof partners.$inferSelect;
type ListInput = z.output<typeof partnerListInput>;

/** "Hà Nội" as it reads in brackets after a name. */
function provinceName(ctx: Context, provinceCode: string): string {
  return ctx.places.province(provinceCode)?.name ?? provinceCode;
}

function toSummary(ctx: Context, row: PartnerRow): PartnerSummary {
  return {
    id: row.id,
    kind: row.kind,
    businessLine: row.businessLine,
    name: row.name,
    shortName: row.shortName,
    taxCode: row.taxCode,
    provinceCode: row.provinceCode,
    provinceName: ctx.places.province(row.provinceCode)?.fullName ?? '',
    contactName: row.contactName,
    phone: row.phone,
    buys: row.buys,
  };
}

/** What the audit trail keeps of a partner: every field of Lịch sử thay đổi. */
function partnerSnapshot(row: PartnerRow): Snapshot {
  return {
    kind: row.kind,
    businessLine: row.businessLine,
    name: row.name,
    shortName: row.shortName,
    taxCode: row.taxCode,
    provinceCode: row.provinceCode,
    address: row.address,
    contactName: row.contactName,
    contactRole: row.contactRole,
    phone: row.phone,
    email: row.email,
    website: row.website,
    buys: row.buys,
    qualityRequirements: row.qualityRequirements,
    note: row.note,
  };
}

/** Partners as the record machinery handles them: audit trail, trash and history. */
export const partnerRecords: RecordSpec<typeof partners> = {
  kind: 'partner',
  table: partners,
  noun: 'đối tác',
  snapshot: (_ctx, row) => partnerSnapshot(row),
  checkRestore: (ctx, row) => {
    if (!row.taxCode) return;
    const holder = ctx.db
      .select()
      .from(partners)
      .where(and(eq(partners.taxCode, row.taxCode), notInTrash(partners)))
      .get();
    if (holder) {
      throw conflict(
        `Không khôi phục được ${row.name}: mã số thuế ${row.taxCode} nay đã ghi cho ${holder.name} (${provinceName(ctx, holder.provinceCode)}). ` +
          'Hãy sửa mã số thuế ở hồ sơ đang dùng nếu nhập nhầm, rồi khôi phục lại.',
        holder.id,
      );
    }
  },
  nameOf: (ctx, field, value) => (field === 'provinceCode' && typeof value === 'string' ? ctx.places.province(value)?.fullName : undefined),
};

/** The partner's row, or a plain message when it does not exist or is in the trash. */
function requirePartner(ctx: Context, id: number): PartnerRow {
  return requireLive(ctx, partnerRecords, id);
}

// ---------------------------------------------------------------------------------------------
// Listing

const kindOrder = sql.join(
  partnerKinds.map((kind, index) => sql`WHEN ${kind} THEN ${index}`),
  sql` `,
);

/** The 34 provinces in Vietnamese alphabetical order, as a CASE (their names are not in the database). */
function provinceOrder(ctx: Context): SQL {
  const sorted = [...ctx.places.provinces].sort((a: Province, b: Province) => vietnameseCollator.compare(a.name, b.name));
  return sql`CASE ${partners.provinceCode} ${sql.join(
    sorted.map((province, index) => sql`WHEN ${province.code} THEN ${index}`),
    sql` `,
  )} ELSE ${sorted.length} END`;
}

function listOrder(ctx: Context, sort: ListInput['sort']): SQL[] {
  const direct = (expression: AnyColumn | SQLWrapper) => (sort.direction === 'asc' ? asc(expression) : desc(expression));
  const byName = [asc(partners.nameFolded), asc(partners.id)];
  switch (sort.by) {
    case 'name':
      return [direct(partners.nameFolded), direct(partners.id)];
    case 'kind':
      return [direct(sql`CASE ${partners.kind} ${kindOrder} END`), ...byName];
    case 'province':
      return [direct(provinceOrder(ctx)), ...byName];
    // Partners without a tax code go last whichever the direction.
    case 'taxCode':
      return [sql`${partners.taxCode} IS NULL`, direct(partners.taxCode), ...byName];
  }
}

/**
 * Names that fold alike ("Đại Phát", "Dai Phat") come out of SQL in the order of their ids; put each
 * such run in Vietnamese alphabetical order (đ after d), as a person expects to read it.
 */
function collateTies(rows: PartnerRow[]): PartnerRow[] {
  const result: PartnerRow[] = [];
  let run: PartnerRow[] = [];
  const flush = () => {
    result.push(...run.sort((a, b) => vietnameseCollator.compare(a.name, b.name)));
    run = [];
  };
  for (const row of rows) {
    if (run.length > 0 && run[0]?.nameFolded !== row.nameFolded) flush();
    run.push(row);
  }
  flush();
  return result;
}

/**
 * One page of partners. A province office keeps hundreds of partners, not the register's tens of
 * thousands (4,600 in the national demo), so search reads each row's folded text with the register's
 * rule instead of keeping a search index of its own: each typed word may be found in any field (the
 * province and the address among them), a word of digits also in the partner's phone («an giang
 * 0973», «minh phat 0973»), and a phone number typed whole is looked for there however either was
 * written (`textOrPhoneCondition`). In the default order (by name, A to Z) the names closest to what
 * was typed come first, as in the register (`searchCloseness`): «cty cp phu gia» puts «Công ty Cổ
 * phần Đầu tư Phú Gia» before «Công ty Cổ phần Chế biến Nông sản Đại Phúc An Giang».
 * Every match is ranked, page after page, by SQLite (`closenessOrder`), which keeps only the page:
 * «cong ty» matches thousands of the national demo's partners.
 */
export function listPartners(ctx: Context, input: ListInput): Page<PartnerSummary> {
  const where = and(
    notInTrash(partners),
    input.kind ? eq(partners.kind, input.kind) : undefined,
    input.provinceCode ? eq(partners.provinceCode, input.provinceCode) : undefined,
    textOrPhoneCondition(partners.searchText, partners.phone, input.search),
  );
  const total = ctx.db.select({ value: count() }).from(partners).where(where).get()?.value ?? 0;
  const order = listOrder(ctx, input.sort);
  const offset = (input.page - 1) * input.pageSize;
  let rows: PartnerRow[];
  if (input.search.trim() !== '' && input.sort.by === 'name' && input.sort.direction === 'asc') {
    // The page's ids only: SQLite sorts what it selects of every match, and a whole row is long.
    const pageIds = ctx.db
      .select({ id: partners.id })
      .from(partners)
      .where(where)
      .orderBy(closenessOrder(input.search, partners.nameFolded), ...order)
      .limit(input.pageSize)
      .offset(offset)
      .all()
      .map((row) => row.id);
    const byId = new Map((pageIds.length ? ctx.db.select().from(partners).where(among(partners.id, pageIds)).all() : []).map((row) => [row.id, row]));
    rows = pageIds.flatMap((id) => byId.get(id) ?? []);
  } else {
    rows = ctx.db.select().from(partners).where(where).orderBy(...order).limit(input.pageSize).offset(offset).all();
  }
  return { rows: collateTies(rows).map((row) => toSummary(ctx, row)), total };
}

export function getPartner(ctx: Context, id: number): PartnerDetail {
  const row = requirePartner(ctx, id);
  return {
    ...toSummary(ctx, row),
    address: row.address,
    contactRole: row.contactRole,
    email: row.email,
    website: row.website,
    qualityRequirements: row.qualityRequirements,
    note: row.note,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

// ---------------------------------------------------------------------------------------------
// Creating and changing

/** The schema checks the province code's form; this checks it is one of the 34. */
function checkProvince(ctx: Context, provinceCode: string): void {
  if (!ctx.places.province(provinceCode)) {
    throw validationFailure([{ path: 'provinceCode', message: 'Tỉnh, thành phố đã chọn không có trong danh sách 34 tỉnh, thành phố hiện hành.' }]);
  }
}

/**
 * Refuses a tax code another partner holds, and a near-identical name in the same province unless
 * every such partner is confirmed (`refuseUnconfirmed`), each listed with its tax code — two of one
 * name told apart — and its address.
 */
function refuseDuplicates(
  ctx: Context,
  input: ParsedPartnerInput,
  { excludeId, checkName }: { excludeId?: number; checkName: boolean },
): void {
  const notSelf = excludeId === undefined ? undefined : ne(partners.id, excludeId);
  if (input.taxCode) {
    const existing = ctx.db
      .select()
      .from(partners)
      .where(and(eq(partners.taxCode, input.taxCode), notInTrash(partners), notSelf))
      .get();
    if (existing) {
      throw conflict(
        `Mã số thuế ${input.taxCode} đã có: ${existing.name} (${provinceName(ctx, existing.provinceCode)}).`,
        existing.id,
      );
    }
  }
  if (!checkName) return;
  const similar = ctx.db
    .select({ id: partners.id, name: partners.name, taxCode: partners.taxCode, address: partners.address, provinceCode: partners.provinceCode })
    .from(partners)
    .where(and(eq(partners.provinceCode, input.provinceCode), eq(partners.nameKey, partnerNameKey(input.name)), notInTrash(partners), notSelf))
    .orderBy(asc(partners.nameFolded), asc(partners.id))
    .all();
  const where = provinceName(ctx, input.provinceCode);
  refuseUnconfirmed(
    similar.map((row) => ({ id: row.id, name: row.name, detail: similarDetail(ctx, row) })),
    input.confirmedSimilarIds,
    { noun: 'đối tác', message: (counted, named) => `Đã có ${counted} tên gần giống ở ${where}: ${named}. Nếu đúng là đối tác khác, hãy xác nhận để lưu.` },
  );
}

/** What tells a partner of nearly the same name apart from others, beside its name in a list of them: its address (else its province) and tax code. */
function similarDetail(ctx: Context, row: { address: string; provinceCode: string; taxCode: string | null }): string {
  return [row.address === '' ? provinceName(ctx, row.provinceCode) : row.address, row.taxCode === null ? 'chưa có mã số thuế' : `mã số thuế ${row.taxCode}`].join(', ');
}

/** The stored columns for what a person typed, with the folded companions search and matching use. */
function columnsFor(ctx: Context, input: ParsedPartnerInput) {
  const taxCode = input.taxCode === '' ? null : input.taxCode;
  return {
    kind: input.kind,
    businessLine: input.businessLine,
    name: input.name,
    shortName: input.shortName,
    taxCode,
    provinceCode: input.provinceCode,
    address: input.address,
    contactName: input.contactName,
    contactRole: input.contactRole,
    phone: input.phone,
    email: input.email,
    website: input.website,
    buys: input.buys,
    qualityRequirements: input.qualityRequirements,
    note: input.note,
    nameFolded: foldText(input.name),
    nameKey: partnerNameKey(input.name),
    searchText: partnerSearchText({ ...input, taxCode, provinceName: ctx.places.province(input.provinceCode)?.fullName ?? '' }),
  };
}

/** `similarNames`: `chosen` for an import, whose preview showed the partners of the name (see `SimilarNames`). */
export function createPartner(ctx: Context, input: ParsedPartnerInput, similarNames: SimilarNames = 'ask'): PartnerSummary {
  checkProvince(ctx, input.provinceCode);
  return atomically(ctx.db, () => {
    refuseDuplicates(ctx, input, { checkName: similarNames === 'ask' });
    const now = timestamp(ctx);
    const row = ctx.db
      .insert(partners)
      .values({ ...columnsFor(ctx, input), createdAt: now, updatedAt: now })
      .returning()
      .get();
    recordChange(ctx, 'partner', row.id, 'create', null, partnerSnapshot(row));
    return toSummary(ctx, row);
  });
}

export function updatePartner(ctx: Context, { id, ...input }: z.output<typeof partnerUpdateInput>, similarNames: SimilarNames = 'ask'): PartnerSummary {
  checkProvince(ctx, input.provinceCode);
  return atomically(ctx.db, () => {
    const before = requirePartner(ctx, id);
    const columns = columnsFor(ctx, input);
    // A pair of similar names confirmed once is not questioned again on every later save.
    const checkName = similarNames === 'ask' && (columns.nameKey !== before.nameKey || columns.provinceCode !== before.provinceCode);
    refuseDuplicates(ctx, input, { excludeId: id, checkName });
    const now = timestamp(ctx);
    const after = ctx.db
      .update(partners)
      .set({ ...columns, updatedAt: now })
      .where(eq(partners.id, id))
      .returning()
      .get();
    recordChange(ctx, 'partner', id, 'update', partnerSnapshot(before), partnerSnapshot(after));
    return toSummary(ctx, after);
  });
}

/**
 * What a partner still has under way, for the confirmation before it goes to the trash: its
 * agreements signed or being carried out, and its demands not yet met — counted by the lists' own
 * filters. Moving it is still allowed (the trash restores it); the person is told first.
 */
export function partnerTies(ctx: Context, id: number): PartnerTies {
  requirePartner(ctx, id);
  const counterpart = { kind: 'partner', id } as const;
  const agreementsInForce = listAgreements(ctx, agreementListInput.parse({ counterpart, statuses: chasedStatuses, pageSize: 1 })).total;
  const openDemands = listDemands(ctx, demandListInput.parse({ buyer: counterpart, statuses: supplyStatuses.filter(isConnectable), pageSize: 1 })).total;
  return { agreementsInForce, openDemands };
}

/**
 * Moves a partner to the trash (Thùng rác); its event participations and agreements stay for a
 * restore. Its agreements stay listed, its demands leave the supply lists until it is restored.
 */
export function deletePartner(ctx: Context, id: number): null {
  return moveToTrash(ctx, partnerRecords, id);
}

export function restorePartner(ctx: Context, id: number): PartnerSummary {
  return toSummary(ctx, restoreFromTrash(ctx, partnerRecords, id));
}

/** Thùng rác: deleted partners, most recently deleted first. */
export function listPartnerTrash(ctx: Context, input: { page: number; pageSize: number }): Page<DeletedPartner> {
  const { rows, total } = trashPage(ctx, partnerRecords, input);
  return { rows: rows.map((row) => ({ ...toSummary(ctx, row), deletedAt: row.deletedAt })), total };
}

export function findPartnerDuplicates(ctx: Context, input: z.output<typeof partnerDuplicateCheckInput>): PartnerDuplicateCandidate[] {
  const live = [notInTrash(partners), input.excludeId === undefined ? undefined : ne(partners.id, input.excludeId)];
  const columns = { id: partners.id, name: partners.name, provinceCode: partners.provinceCode, address: partners.address, taxCode: partners.taxCode };
  const byTaxCode = input.taxCode
    ? ctx.db.select(columns).from(partners).where(and(eq(partners.taxCode, input.taxCode), ...live)).all()
    : [];
  const byName = ctx.db
    .select(columns)
    .from(partners)
    .where(and(eq(partners.provinceCode, input.provinceCode), eq(partners.nameKey, partnerNameKey(input.name)), ...live))
    .orderBy(asc(partners.nameFolded))
    .limit(20)
    .all();
  const candidates = [
    ...byTaxCode.map((row) => ({ ...row, reason: 'taxCode' as const })),
    ...byName.filter((row) => !byTaxCode.some((other) => other.id === row.id)).map((row) => ({ ...row, reason: 'sameName' as const })),
  ];
  return candidates.map((row) => ({ id: row.id, name: row.name, detail: similarDetail(ctx, row), reason: row.reason }));
}

export const partnersHandlers: HandlersFor<typeof partnersContract> = {
  'partners:list': (ctx, input) => listPartners(ctx, input),
  'partners:get': (ctx, { id }) => getPartner(ctx, id),
  'partners:create': (ctx, input) => createPartner(ctx, input),
  'partners:update': (ctx, input) => updatePartner(ctx, input),
  'partners:delete': (ctx, { id }) => deletePartner(ctx, id),
  'partners:restore': (ctx, { id }) => restorePartner(ctx, id),
  'partners:trash': (ctx, input) => listPartnerTrash(ctx, input),
  'partners:checkDuplicates': (ctx, input) => findPartnerDuplicates(ctx, input),
  'partners:ties': (ctx, { id }) => partnerTies(ctx, id),
};
