/**
 * The lookups of supply–demand connection that an office may change: product groups with the
 * keywords that recognise freely written products, units with their exact conversions, and sales
 * channels. Seeded by a migration; what is in use is protected: a group, unit or channel that
 * offers, demands or connections use cannot be deleted, and a unit in use cannot change how it
 * converts (the quantities already converted with it would no longer add up).
 */
import { asc, count, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  ProductGroup,
  productGroupInput,
  SalesChannel,
  salesChannelInput,
  SupplyLookupUse,
  SupplyLookups,
  Unit,
  unitInput,
} from '../../shared/contracts/supply';
import { conflict, notFound, validationFailure, type FieldIssue } from '../../shared/errors';
import { formatQuantity } from '../../shared/format';
import { keywordsOf, spellingsOf, type UnitFacts } from '../../shared/supply';
import { cleanText, foldText } from '../../shared/text';
import type { Context } from '../context';
import { atomically } from '../db/atomic';
import { productGroups, programmeChannels, salesChannels, supplyConnections, supplyDemands, supplyOffers, units } from '../db/schema';
import { codeFor, nextSortOrder, refuseSameName } from './lookupRows';

export type UnitRow = typeof units.$inferSelect;

/** How many offers and demands use each product group. */
function groupUse(ctx: Context): Map<string, number> {
  const used = new Map<string, number>();
  for (const table of [supplyOffers, supplyDemands]) {
    for (const row of ctx.db.select({ code: table.productGroupCode, n: count() }).from(table).groupBy(table.productGroupCode).all()) {
      used.set(row.code, (used.get(row.code) ?? 0) + row.n);
    }
  }
  return used;
}

function unitUse(ctx: Context): Map<string, number> {
  const used = new Map<string, number>();
  const add = (code: string, n: number) => used.set(code, (used.get(code) ?? 0) + n);
  for (const table of [supplyOffers, supplyDemands, supplyConnections]) {
    for (const row of ctx.db.select({ code: table.unitCode, n: count() }).from(table).groupBy(table.unitCode).all()) add(row.code, row.n);
  }
  return used;
}

function channelUse(ctx: Context): Map<string, number> {
  const used = new Map<string, number>();
  const add = (code: string, n: number) => used.set(code, (used.get(code) ?? 0) + n);
  for (const row of ctx.db.select({ code: supplyConnections.channelCode, n: count() }).from(supplyConnections).groupBy(supplyConnections.channelCode).all()) {
    add(row.code, row.n);
  }
  for (const row of ctx.db.select({ code: programmeChannels.channelCode, n: count() }).from(programmeChannels).groupBy(programmeChannels.channelCode).all()) {
    add(row.code, row.n);
  }
  return used;
}

export function getSupplyLookups(ctx: Context): SupplyLookups {
  return {
    productGroups: ctx.db
      .select()
      .from(productGroups)
      .orderBy(asc(productGroups.sortOrder), asc(productGroups.code))
      .all()
      .map((row) => ({ code: row.code, name: row.name, keywords: row.keywords })),
    units: allUnits(ctx).map(toUnit),
    channels: ctx.db
      .select()
      .from(salesChannels)
      .orderBy(asc(salesChannels.sortOrder), asc(salesChannels.code))
      .all()
      .map((row) => ({ code: row.code, name: row.name })),
  };
}

export function getSupplyLookupUse(ctx: Context): SupplyLookupUse {
  return { productGroups: Object.fromEntries(groupUse(ctx)), units: Object.fromEntries(unitUse(ctx)), channels: Object.fromEntries(channelUse(ctx)) };
}

export function allUnits(ctx: Context): UnitRow[] {
  return ctx.db.select().from(units).orderBy(asc(units.sortOrder), asc(units.code)).all();
}

/** The units by code, read once for a piece of work that converts many quantities. */
export function unitsByCode(ctx: Context): Map<string, UnitRow> {
  return new Map(allUnits(ctx).map((row) => [row.code, row]));
}

/** What is said of a unit that is not in the lookup (deleted meanwhile), at `path`. */
export function unknownUnit(code: string, path: string): FieldIssue {
  return { path, message: `Đơn vị tính «${code}» không có trong danh mục; hãy chọn lại.` };
}

export function requireUnit(ctx: Context, code: string, path: string): UnitRow {
  const row = ctx.db.select().from(units).where(eq(units.code, code)).get();
  if (!row) throw validationFailure([unknownUnit(code, path)]);
  return row;
}

// One reading of a written unit for the backend and the forms (a price typed «12.000đ/kg»).
export { unitOfText } from '../../shared/supply';

/** "1 tấn = 1.000 kg", for messages. */
export function conversionText(unit: UnitFacts & { name: string }, base: { name: string }): string {
  return `1 ${base.name} = ${formatQuantity(unit.perBase, unit.name)}`;
}

// ---------------------------------------------------------------------------------------------
// Product groups

export function saveProductGroup(ctx: Context, input: z.output<typeof productGroupInput>): ProductGroup {
  return atomically(ctx.db, () => {
    const rows = ctx.db.select().from(productGroups).all();
    refuseSameName(rows, input.name, input.code, 'nhóm sản phẩm');
    // Kept as the office wrote them, one comma between: they are read folded.
    const keywords = input.keywords
      .split(/[,;\n]/)
      .map(cleanText)
      .filter(Boolean)
      .join(', ');
    if (input.code !== undefined) {
      if (!rows.some((row) => row.code === input.code)) throw notFound('Không tìm thấy nhóm sản phẩm này; có thể đã bị xóa. Hãy tải lại trang.');
      const updated = ctx.db.update(productGroups).set({ name: input.name, keywords }).where(eq(productGroups.code, input.code)).returning().get();
      return { code: updated.code, name: updated.name, keywords: updated.keywords };
    }
    const code = codeFor(input.name, (candidate) => rows.some((row) => row.code === candidate));
    const created = ctx.db.insert(productGroups).values({ code, name: input.name, keywords, sortOrder: nextSortOrder(ctx, productGroups) }).returning().get();
    return { code: created.code, name: created.name, keywords: created.keywords };
  });
}

export function deleteProductGroup(ctx: Context, code: string): null {
  return atomically(ctx.db, () => {
    const row = ctx.db.select().from(productGroups).where(eq(productGroups.code, code)).get();
    if (!row) throw notFound('Không tìm thấy nhóm sản phẩm này; có thể đã bị xóa.');
    const used = groupUse(ctx).get(code) ?? 0;
    if (used > 0) throw conflict(`Nhóm «${row.name}» đang được dùng cho ${used} nguồn cung, nhu cầu; không xóa được. Có thể đổi tên nhóm.`);
    ctx.db.delete(productGroups).where(eq(productGroups.code, code)).run();
    return null;
  });
}

// ---------------------------------------------------------------------------------------------
// Units

function toUnit(row: UnitRow): Unit {
  return { code: row.code, name: row.name, aliases: row.aliases, baseCode: row.baseCode, perBase: row.perBase };
}

export function saveUnit(ctx: Context, input: z.output<typeof unitInput>): Unit {
  return atomically(ctx.db, () => {
    const all = allUnits(ctx);
    refuseSameName(all, input.name, input.code, 'đơn vị tính');
    const aliases = input.aliases
      .split(/[,;\n]/)
      .map(cleanText)
      .filter(Boolean)
      .join(', ');
    const clash = all.find((unit) => unit.code !== input.code && [foldText(input.name), ...keywordsOf(aliases)].some((spelling) => spellingsOf(unit).includes(spelling)));
    if (clash) {
      throw validationFailure([{ path: 'aliases', message: `Cách viết này đã thuộc đơn vị «${clash.name}»; một cách viết chỉ chỉ một đơn vị.` }]);
    }
    if (input.baseCode !== null) {
      const base = all.find((unit) => unit.code === input.baseCode);
      if (!base || base.code === input.code) throw validationFailure([{ path: 'baseCode', message: 'Đơn vị quy đổi sang không có trong danh mục; hãy chọn lại.' }]);
      if (base.baseCode !== null) {
        throw validationFailure([{ path: 'baseCode', message: `«${base.name}» tự nó quy đổi sang đơn vị khác; hãy chọn đơn vị gốc của nó.` }]);
      }
    }
    if (input.code === undefined) {
      const code = codeFor(input.name, (candidate) => all.some((unit) => unit.code === candidate));
      const created = ctx.db
        .insert(units)
        .values({ code, name: input.name, aliases, baseCode: input.baseCode, perBase: input.perBase, sortOrder: nextSortOrder(ctx, units) })
        .returning()
        .get();
      return toUnit(created);
    }
    const stored = all.find((unit) => unit.code === input.code);
    if (!stored) throw notFound('Không tìm thấy đơn vị tính này; có thể đã bị xóa. Hãy tải lại trang.');
    const conversionChanged = stored.baseCode !== input.baseCode || stored.perBase !== input.perBase;
    if (conversionChanged) {
      const used = unitUse(ctx).get(stored.code) ?? 0;
      if (used > 0) {
        throw validationFailure([
          { path: 'perBase', message: `Đơn vị «${stored.name}» đã dùng cho ${used} nguồn cung, nhu cầu, kết nối; không đổi cách quy đổi được (số lượng đã ghi sẽ sai).` },
        ]);
      }
      const dependants = all.filter((unit) => unit.baseCode === stored.code);
      if (input.baseCode !== null && dependants.length) {
        throw validationFailure([
          { path: 'baseCode', message: `«${stored.name}» là đơn vị gốc của ${dependants.map((unit) => unit.name).join(', ')}; không cho nó quy đổi sang đơn vị khác được.` },
        ]);
      }
    }
    const updated = ctx.db
      .update(units)
      .set({ name: input.name, aliases, baseCode: input.baseCode, perBase: input.perBase })
      .where(eq(units.code, stored.code))
      .returning()
      .get();
    return toUnit(updated);
  });
}

export function deleteUnit(ctx: Context, code: string): null {
  return atomically(ctx.db, () => {
    const row = ctx.db.select().from(units).where(eq(units.code, code)).get();
    if (!row) throw notFound('Không tìm thấy đơn vị tính này; có thể đã bị xóa.');
    const used = unitUse(ctx).get(code) ?? 0;
    if (used > 0) throw conflict(`Đơn vị «${row.name}» đang được dùng cho ${used} nguồn cung, nhu cầu, kết nối; không xóa được.`);
    const dependants = ctx.db.select({ name: units.name }).from(units).where(eq(units.baseCode, code)).all();
    if (dependants.length) {
      throw conflict(`«${row.name}» là đơn vị gốc của ${dependants.map((unit) => unit.name).join(', ')}; hãy sửa các đơn vị đó trước.`);
    }
    ctx.db.delete(units).where(eq(units.code, code)).run();
    return null;
  });
}

// ---------------------------------------------------------------------------------------------
// Sales channels

export function saveSalesChannel(ctx: Context, input: z.output<typeof salesChannelInput>): SalesChannel {
  return atomically(ctx.db, () => {
    const rows = ctx.db.select().from(salesChannels).all();
    refuseSameName(rows, input.name, input.code, 'kênh tiêu thụ');
    if (input.code !== undefined) {
      if (!rows.some((row) => row.code === input.code)) throw notFound('Không tìm thấy kênh tiêu thụ này; có thể đã bị xóa. Hãy tải lại trang.');
      const updated = ctx.db.update(salesChannels).set({ name: input.name }).where(eq(salesChannels.code, input.code)).returning().get();
      return { code: updated.code, name: updated.name };
    }
    const code = codeFor(input.name, (candidate) => rows.some((row) => row.code === candidate));
    const created = ctx.db.insert(salesChannels).values({ code, name: input.name, sortOrder: nextSortOrder(ctx, salesChannels) }).returning().get();
    return { code: created.code, name: created.name };
  });
}

export function deleteSalesChannel(ctx: Context, code: string): null {
  return atomically(ctx.db, () => {
    const row = ctx.db.select().from(salesChannels).where(eq(salesChannels.code, code)).get();
    if (!row) throw notFound('Không tìm thấy kênh tiêu thụ này; có thể đã bị xóa.');
    const used = channelUse(ctx).get(code) ?? 0;
    if (used > 0) throw conflict(`Kênh «${row.name}» đang được dùng cho ${used} kết nối, chương trình; không xóa được. Có thể đổi tên kênh.`);
    ctx.db.delete(salesChannels).where(eq(salesChannels.code, code)).run();
    return null;
  });
}

/** The product group's row, or a plain message at `path`. */
export function requireProductGroup(ctx: Context, code: string, path: string): typeof productGroups.$inferSelect {
  const row = ctx.db.select().from(productGroups).where(eq(productGroups.code, code)).get();
  if (!row) throw validationFailure([{ path, message: `Nhóm sản phẩm «${code}» không có trong danh mục; hãy chọn lại.` }]);
  return row;
}

/** What is said of a sales channel that is not in the lookup (deleted meanwhile), at `path`. */
export function unknownSalesChannel(code: string, path: string): FieldIssue {
  return { path, message: `Kênh tiêu thụ «${code}» không có trong danh mục; hãy chọn lại.` };
}
