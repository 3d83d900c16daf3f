/**
 * The one record machinery: the audit trail, the trash (Thùng rác) and Lịch sử thay đổi of every
 * kind of record — organizations, partners, events, agreements, and the offers, demands,
 * connections and programmes of supply–demand connection — driven by each kind's field
 * description in src/shared/records.ts.
 *
 * The audit trail keeps raw values (codes, ISO dates, đồng, ids, and whole sub-records such as a
 * year's figures), never text written for a screen: the screen writes and translates them. Codes
 * whose names live in the data (a commune, a sector) are named here, beside the history. A change
 * the app makes by itself (an organization's status after a lifecycle event) keeps its cause.
 */
import { and, count, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { notFound } from '../shared/errors';
import {
  recordFields,
  referenceKey,
  type HistoryAction,
  type HistoryCause,
  type HistoryChange,
  type HistoryEntry,
  type HistoryValue,
  type RecordHistory,
  type RecordKind,
} from '../shared/records';
import { atomically } from './db/atomic';
import { notInTrash } from './db/predicates';
import { BatchedInsert, jsonPlaceholder, jsonText, perConnection, placeholdersFor } from './db/prepared';
import type { Db } from './db/open';
import { auditLog } from './db/schema';
import { timestamp, type Context } from './context';

/** What the audit trail keeps of a record: its fields' raw values, by name. */
export type Snapshot = Record<string, HistoryValue>;

type TrashableTable = SQLiteTable & { id: SQLiteColumn; deletedAt: SQLiteColumn; updatedAt: SQLiteColumn };

/** How the machinery handles one kind of record. */
export interface RecordSpec<T extends TrashableTable> {
  kind: RecordKind;
  table: T;
  /** What one is called in a sentence: "tổ chức", "đối tác". */
  noun: string;
  /** Its fields' raw values, as the audit trail keeps them. */
  snapshot(ctx: Context, row: T['$inferSelect']): Snapshot;
  /** Refuses a restore that would clash with a record in use (a Mã số HTX now someone else's). */
  checkRestore?(ctx: Context, row: T['$inferSelect']): void;
  /** Names of `reference` fields' values (each code of a list), e.g. a commune code's name. */
  nameOf?(ctx: Context, field: string, value: HistoryValue): string | undefined;
}

type Row<T extends TrashableTable> = T['$inferSelect'];

function sentenceStart(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The live-row query of each table, built once per connection: an import's commit and undo ask it
 * for every row, and building drizzle's SQL each time cost more than running it.
 */
const liveRowQueries = perConnection(() => new Map<TrashableTable, { get(values: { id: number }): unknown }>());

function liveRowQuery(ctx: Context, table: TrashableTable): { get(values: { id: number }): unknown } {
  const queries = liveRowQueries(ctx.db);
  let query = queries.get(table);
  if (!query) {
    query = ctx.db
      .select()
      .from(table as SQLiteTable)
      .where(and(eq(table.id, sql.placeholder('id')), notInTrash(table)))
      .prepare();
    queries.set(table, query);
  }
  return query;
}

/** How a person knows a record: its name, title or product; a connection has none of its own. */
function labelOf(noun: string, row: Record<string, unknown>): string {
  const label = [row.name, row.title, row.product].find((value): value is string => typeof value === 'string' && value !== '');
  return label === undefined ? `${sentenceStart(noun)} này` : `${sentenceStart(noun)} «${label}»`;
}

/**
 * What to say of a record that is no more — removed for good, or by another window since the page
 * was opened — by what it was: never its id, which no one has seen.
 */
export function goneMessage(noun: string): string {
  return `Không tìm thấy ${noun} này; có thể đã bị xóa hẳn. Hãy tải lại danh sách.`;
}

/**
 * Why a record asked for by its id is not there to use: in the trash, by its name, so that a link
 * to it from another record says where it went; or gone (`goneMessage`).
 */
export function whyNotLive(ctx: Context, spec: Pick<RecordSpec<TrashableTable>, 'table' | 'noun'>, id: number): string {
  const row = ctx.db
    .select()
    .from(spec.table as SQLiteTable)
    .where(eq(spec.table.id, id))
    .get();
  if (!row || row.deletedAt === null) return goneMessage(spec.noun);
  return `${labelOf(spec.noun, row)} đang ở Thùng rác; hãy khôi phục ở mục Thùng rác nếu cần dùng lại.`;
}

/** The record, or a plain message when it is in the trash or does not exist (`whyNotLive`). */
export function requireLive<T extends TrashableTable>(ctx: Context, spec: RecordSpec<T>, id: number): Row<T> {
  const row = liveRowQuery(ctx, spec.table).get({ id }) as Row<T> | undefined;
  if (row) return row;
  throw notFound(whyNotLive(ctx, spec, id));
}

function sameValue(a: HistoryValue | undefined, b: HistoryValue | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * What the audit trail records changes of: the record kinds, and the links and events recorded
 * beside them (a union's member, a lifecycle event, the alliance's own record).
 */
export type AuditedEntity = RecordKind | 'union_member' | 'lifecycle_event' | 'alliance';

const insertAudit = perConnection((db) =>
  db
    .insert(auditLog)
    .values({
      ...placeholdersFor({ entity: true, entityId: true, action: true, at: true }),
      before: jsonPlaceholder('before'),
      after: jsonPlaceholder('after'),
      cause: jsonPlaceholder('cause'),
    })
    .prepare(),
);

/** The connections whose audit rows are being written in batches (`auditInBatches`). */
const auditBatches = new WeakMap<Db, BatchedInsert>();

/**
 * Runs `write` — the commit or undo of an import, tens of thousands of changes in one long
 * transaction — with its audit rows written a hundred to a statement, in the order recorded. The
 * audit trail is not read meanwhile (the import's checks of later changes come before it), and
 * everything is written when `write` is done; on a failure the transaction is rolled back anyway.
 */
export async function auditInBatches<T>(ctx: Context, write: () => Promise<T>): Promise<T> {
  const batch = new BatchedInsert(ctx.db, auditLog, [auditLog.entity, auditLog.entityId, auditLog.action, auditLog.at, auditLog.before, auditLog.after, auditLog.cause]);
  auditBatches.set(ctx.db, batch);
  try {
    const result = await write();
    batch.flush();
    return result;
  } finally {
    auditBatches.delete(ctx.db);
  }
}

/** Writes the audit rows `auditInBatches` holds so far: before rows written another way, which are to follow them. */
export function flushAudit(ctx: Context): void {
  auditBatches.get(ctx.db)?.flush();
}

/**
 * Records one change, in the caller's transaction: the raw values before and after, as JSON. An
 * update whose two sides say the same is not recorded; the sides of an update may hold only the
 * fields it touched. `cause` says what made the app change the record by itself.
 */
export function recordChange(
  ctx: Context,
  entity: AuditedEntity,
  id: number,
  action: HistoryAction,
  before: object | null,
  after: object | null,
  cause?: HistoryCause,
): void {
  if (action === 'update' && before && after) {
    const [was, is] = [before as Snapshot, after as Snapshot];
    const fields = new Set([...Object.keys(was), ...Object.keys(is)]);
    if ([...fields].every((field) => sameValue(was[field], is[field]))) return;
  }
  const batch = auditBatches.get(ctx.db);
  if (batch) batch.add([entity, id, action, timestamp(ctx), jsonText(before), jsonText(after), jsonText(cause ?? null)]);
  else insertAudit(ctx.db).run({ entity, entityId: id, action, at: timestamp(ctx), before: jsonText(before), after: jsonText(after), cause: jsonText(cause ?? null) });
}

/** Moves a record to the trash; what belongs to it stays, for a restore. */
export function moveToTrash<T extends TrashableTable>(ctx: Context, spec: RecordSpec<T>, id: number): null {
  return atomically(ctx.db, () => {
    const before = requireLive(ctx, spec, id);
    ctx.db
      .update(spec.table as SQLiteTable)
      .set({ deletedAt: timestamp(ctx) })
      .where(eq(spec.table.id, id))
      .run();
    recordChange(ctx, spec.kind, id, 'delete', spec.snapshot(ctx, before), null);
    return null;
  });
}

/** Takes a record out of the trash, with everything it had. */
export function restoreFromTrash<T extends TrashableTable>(ctx: Context, spec: RecordSpec<T>, id: number): Row<T> {
  return atomically(ctx.db, () => {
    const row = ctx.db
      .select()
      .from(spec.table as SQLiteTable)
      .where(and(eq(spec.table.id, id), isNotNull(spec.table.deletedAt)))
      .get() as Row<T> | undefined;
    if (!row) {
      const live = liveRowQuery(ctx, spec.table).get({ id }) as Record<string, unknown> | undefined;
      throw notFound(live ? `${labelOf(spec.noun, live)} không còn ở Thùng rác; có thể đã được khôi phục ở cửa sổ khác.` : goneMessage(spec.noun));
    }
    spec.checkRestore?.(ctx, row);
    const restored = ctx.db
      .update(spec.table as SQLiteTable)
      .set({ deletedAt: null, updatedAt: timestamp(ctx) })
      .where(eq(spec.table.id, id))
      .returning()
      .get() as Row<T>;
    recordChange(ctx, spec.kind, id, 'restore', null, spec.snapshot(ctx, restored));
    return restored;
  });
}

/** One page of a kind's trash, most recently deleted first; with `id`, that record alone if it is there. */
export function trashPage<T extends TrashableTable>(
  ctx: Context,
  spec: RecordSpec<T>,
  { page, pageSize, id }: { page: number; pageSize: number; id?: number },
): { rows: (Row<T> & { deletedAt: string })[]; total: number } {
  const inTrash = and(isNotNull(spec.table.deletedAt), id === undefined ? undefined : eq(spec.table.id, id));
  const total = ctx.db.select({ value: count() }).from(spec.table as SQLiteTable).where(inTrash).get()?.value ?? 0;
  const rows = ctx.db
    .select()
    .from(spec.table as SQLiteTable)
    .where(inTrash)
    .orderBy(desc(spec.table.deletedAt), desc(spec.table.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all() as (Row<T> & { deletedAt: string })[];
  return { rows, total };
}

function isEmpty(value: HistoryValue | undefined): boolean {
  return value === undefined || value === null || value === '' || value === false || (Array.isArray(value) && value.length === 0);
}

function fieldsOf(value: unknown): Record<string, HistoryValue> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, HistoryValue>) : null;
}

/**
 * Lịch sử thay đổi of one record, newest first. A record in the trash keeps its history: it is
 * what one reads before restoring. An entry the app made by itself says what caused it.
 */
export function recordHistory(
  ctx: Context,
  spec: Pick<RecordSpec<TrashableTable>, 'kind' | 'table' | 'noun' | 'nameOf'>,
  id: number,
): RecordHistory {
  const found = ctx.db
    .select({ id: spec.table.id })
    .from(spec.table as SQLiteTable)
    .where(eq(spec.table.id, id))
    .get();
  if (!found) throw notFound(goneMessage(spec.noun));
  const fields = recordFields[spec.kind] as Record<string, string>;
  const names: Record<string, string> = {};
  const rows = ctx.db
    .select({ at: auditLog.at, action: auditLog.action, before: auditLog.before, after: auditLog.after, cause: auditLog.cause })
    .from(auditLog)
    .where(and(eq(auditLog.entity, spec.kind), eq(auditLog.entityId, id)))
    .orderBy(desc(auditLog.id))
    .all();
  const entries = rows.map(({ at, action, before: rawBefore, after: rawAfter, cause }): HistoryEntry => {
    const changes: HistoryChange[] = [];
    // Moving to and from the trash changes no field; the action says it all.
    if (action === 'delete' || action === 'restore') return { at, action, changes };
    const [before, after] = [fieldsOf(rawBefore), fieldsOf(rawAfter)];
    for (const field of Object.keys(fields)) {
      // A field an update does not mention did not change in it.
      if (before && after && !(field in before) && !(field in after)) continue;
      const [was, is] = [before?.[field], after?.[field]];
      if (sameValue(was, is) || (isEmpty(was) && isEmpty(is))) continue;
      changes.push({ field, before: was ?? null, after: is ?? null });
    }
    nameReferences(ctx, spec, changes, names);
    return cause ? { at, action, changes, cause } : { at, action, changes };
  });
  return { entries, names };
}

/**
 * Adds to `names` the names of the `reference` values `changes` mention (`RecordHistory.names`):
 * a history's, or the changes an import's update would make (excel/import).
 */
export function nameReferences(ctx: Context, spec: Pick<RecordSpec<TrashableTable>, 'kind' | 'nameOf'>, changes: readonly HistoryChange[], names: Record<string, string>): void {
  const fields = recordFields[spec.kind] as Record<string, string>;
  for (const { field, before, after } of changes) {
    if (fields[field] !== 'reference') continue;
    // A list of codes (a programme's sales channels) has each named.
    for (const code of [before, after].flatMap((value) => (Array.isArray(value) ? value : [value]))) {
      if ((typeof code !== 'string' && typeof code !== 'number') || code === '') continue;
      const key = referenceKey(field, code);
      if (key in names) continue;
      const shown = spec.nameOf?.(ctx, field, code);
      if (shown !== undefined) names[key] = shown;
    }
  }
}
