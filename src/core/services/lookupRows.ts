/**
 * What every lookup the office edits shares (supply's product groups, units and channels; event
 * kinds and participant roles): a code made from the name, the next place in the list, and a
 * refusal of a name the list already has.
 */
import { sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { validationFailure } from '../../shared/errors';
import { foldText } from '../../shared/text';
import type { Context } from '../context';

/** A code for a new lookup row, from its name: "Rau củ quả" → "rau_cu_qua", made unique. */
export function codeFor(name: string, taken: (code: string) => boolean): string {
  const stem =
    foldText(name)
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 30) || 'muc';
  let candidate = stem;
  for (let suffix = 2; taken(candidate); suffix += 1) candidate = `${stem}_${suffix}`;
  return candidate;
}

/** After the last row of the list. */
export function nextSortOrder(ctx: Context, table: SQLiteTable & { sortOrder: SQLiteColumn }): number {
  return (ctx.db.select({ value: sql<number | null>`max(${table.sortOrder})` }).from(table).get()?.value ?? 0) + 10;
}

/** Refuses a name another row of the lookup has (folded: "Trái cây" and "trai cay" are one). */
export function refuseSameName(rows: { code: string; name: string }[], name: string, code: string | undefined, what: string): void {
  const same = rows.find((row) => row.code !== code && foldText(row.name) === foldText(name));
  if (same) throw validationFailure([{ path: 'name', message: `Đã có ${what} «${same.name}»; hãy đặt tên khác.` }]);
}
