/**
 * Loại sự kiện and Vai trò of participants: lookups the office edits (Sự kiện → Danh mục), seeded
 * by a migration with the kinds and roles the app had as fixed lists. A row is added, renamed, or
 * retired: a retired one is no longer offered for new events and participants, while the events
 * and participants that have it keep it and show its name. Nothing is deleted, so no record ever
 * names a row that is gone.
 */
import { asc, count, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { EventKindRow, EventLookupRow, EventLookups, EventLookupTable, eventLookupInput } from '../../shared/contracts/events';
import { notFound, validationFailure, type FieldIssue } from '../../shared/errors';
import type { Context } from '../context';
import { atomically } from '../db/atomic';
import { eventKinds, eventParticipants, events, participantRoles } from '../db/schema';
import { codeFor, nextSortOrder, refuseSameName } from './lookupRows';

const lookups = {
  kinds: { table: eventKinds, usedBy: events.kind, from: events, what: 'loại sự kiện', What: 'Loại sự kiện' },
  roles: { table: participantRoles, usedBy: eventParticipants.role, from: eventParticipants, what: 'vai trò', What: 'Vai trò' },
} as const;

function rowsOf(ctx: Context, which: EventLookupTable): EventLookupRow[] {
  const { table, usedBy, from } = lookups[which];
  const used = new Map(
    ctx.db
      .select({ code: usedBy, n: count() })
      .from(from)
      .groupBy(usedBy)
      .all()
      .map((row) => [row.code, row.n]),
  );
  return ctx.db
    .select()
    .from(table)
    .orderBy(asc(table.sortOrder), asc(table.code))
    .all()
    .map((row) => ({ code: row.code, name: row.name, retired: row.retired, used: used.get(row.code) ?? 0 }));
}

function kindRows(ctx: Context): EventKindRow[] {
  const online = new Set(ctx.db.select({ code: eventKinds.code }).from(eventKinds).where(eq(eventKinds.online, true)).all().map((row) => row.code));
  return rowsOf(ctx, 'kinds').map((row) => ({ ...row, online: online.has(row.code) }));
}

export function getEventLookups(ctx: Context): EventLookups {
  return { kinds: kindRows(ctx), roles: rowsOf(ctx, 'roles') };
}

/** Whether events of this kind are held online, in no province. */
export function isOnlineKind(ctx: Context, code: string): boolean {
  return ctx.db.select({ online: eventKinds.online }).from(eventKinds).where(eq(eventKinds.code, code)).get()?.online ?? false;
}

export function saveEventLookup(ctx: Context, input: z.output<typeof eventLookupInput>): EventLookupRow {
  const { table, what } = lookups[input.table];
  return atomically(ctx.db, () => {
    const rows = ctx.db.select().from(table).all();
    refuseSameName(rows, input.name, input.code, what);
    let code = input.code;
    if (code === undefined) {
      code = codeFor(input.name, (candidate) => rows.some((row) => row.code === candidate));
      ctx.db.insert(table).values({ code, name: input.name, sortOrder: nextSortOrder(ctx, table), retired: input.retired }).run();
    } else {
      if (!rows.some((row) => row.code === input.code)) throw notFound(`Không tìm thấy ${what} này; hãy tải lại trang.`);
      ctx.db.update(table).set({ name: input.name, retired: input.retired }).where(eq(table.code, code)).run();
    }
    if (input.table === 'kinds' && input.online !== undefined) ctx.db.update(eventKinds).set({ online: input.online }).where(eq(eventKinds.code, code)).run();
    const saved = (input.table === 'kinds' ? kindRows(ctx) : rowsOf(ctx, input.table)).find((row) => row.code === code);
    if (!saved) throw notFound(`Không tìm thấy ${what} này; hãy tải lại trang.`);
    return saved;
  });
}

/**
 * What is wrong with giving a record this kind or role: not in the list, or retired — unless the
 * record already has it (`kept`): an old event keeps its retired kind through an edit.
 */
export function eventLookupIssue(ctx: Context, which: EventLookupTable, code: string, path: string, kept?: string): FieldIssue | null {
  const { table, what, What } = lookups[which];
  const row = ctx.db.select().from(table).where(eq(table.code, code)).get();
  if (!row) return { path, message: `${What} «${code}» không có trong danh mục; hãy chọn lại.` };
  if (row.retired && code !== kept) {
    return { path, message: `${What} «${row.name}» đã ngừng dùng; hãy chọn ${what} khác, hoặc dùng lại nó trong Danh mục sự kiện.` };
  }
  return null;
}

export function requireEventLookup(ctx: Context, which: EventLookupTable, code: string, path: string, kept?: string): void {
  const issue = eventLookupIssue(ctx, which, code, path, kept);
  if (issue) throw validationFailure([issue]);
}

/** Names by code, retired ones included: what reports and exports write. */
export function eventLookupNames(ctx: Context, which: EventLookupTable): Map<string, string> {
  const { table } = lookups[which];
  return new Map(ctx.db.select({ code: table.code, name: table.name }).from(table).all().map((row) => [row.code, row.name]));
}
