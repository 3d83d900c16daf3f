/** Số liệu hằng năm: one organization's yearly figures, saved field by field, and the year grid. */
import { and, asc, eq, sql } from 'drizzle-orm';
import { perConnection, placeholdersFor, rowInsert } from '../db/prepared';
import { existsAtYearEnd, inPlace, yearEnd } from '../db/predicates';
import { alias } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import {
  figureFields,
  figuresYearRefusal,
  type FigureField,
  type figuresContract,
  type figuresGridInput,
  type figuresSaveInput,
  type FiguresGridRow,
  type YearlyFigures,
  yearOutsideLifeReason,
} from '../../shared/contracts/figures';
import type { Page } from '../../shared/domain';
import { notFound, validationFailure, type FieldIssue } from '../../shared/errors';
import { recordChange } from '../records';
import { timestamp, type Context } from '../context';
import { organizations, yearlyFigures } from '../db/schema';
import type { HandlersFor } from '../handlerTypes';
import { otherProvinceName, requireOrganization } from './organizations';
import { getAlliance } from './alliance';
import { searchCondition } from './search';
import { atomically } from '../db/atomic';

type FiguresRow = typeof yearlyFigures.$inferSelect;


export type FigureValues = Pick<YearlyFigures, FigureField>;


export const emptyFigures: FigureValues = Object.fromEntries(figureFields.map((field) => [field, null])) as unknown as FigureValues;

function toFigures(row: FiguresRow): YearlyFigures {
  return { ...row };
}

/** Built once per connection: an import saves, reads back and undoes the figures of every row. */
const figureQueries = perConnection((db) => {
  const ofYear = and(eq(yearlyFigures.organizationId, sql.placeholder('organizationId')), eq(yearlyFigures.year, sql.placeholder('year')));
  const figureColumns = Object.fromEntries(figureFields.map((field) => [field, true])) as Record<FigureField, true>;
  const values = placeholdersFor(figureColumns);
  return {
    find: db.select().from(yearlyFigures).where(ofYear).prepare(),
    /** The first year of a new organization's figures: nothing to update, half the values to bind. */
    insert: rowInsert(db, yearlyFigures, { organizationId: true, year: true, ...figureColumns, updatedAt: true }),
    save: db
      .insert(yearlyFigures)
      .values({ organizationId: sql.placeholder('organizationId'), year: sql.placeholder('year'), ...values, updatedAt: sql.placeholder('updatedAt') })
      .onConflictDoUpdate({
        target: [yearlyFigures.organizationId, yearlyFigures.year],
        // An update's SET takes SQL, not a bare placeholder: each value is the placeholder as SQL.
        set: Object.fromEntries([...figureFields, 'updatedAt'].map((field) => [field, sql`${sql.placeholder(field)}`])),
      })
      .prepare(),
    delete: db.delete(yearlyFigures).where(ofYear).prepare(),
    /** What tells the years the organization existed in (`yearsLived`), and its name to say so. */
    life: db
      .select({ name: organizations.name, foundedOn: organizations.foundedOn, endedOn: organizations.endedOn })
      .from(organizations)
      .where(eq(organizations.id, sql.placeholder('organizationId')))
      .prepare(),
  };
});

/** The organization's figures of the year, if it has any. */
export function findFigures(ctx: Context, organizationId: number, year: number): FiguresRow | undefined {
  return figureQueries(ctx.db).find.get({ organizationId, year });
}

export function listFigures(ctx: Context, organizationId: number): YearlyFigures[] {
  requireOrganization(ctx, organizationId);
  return ctx.db
    .select()
    .from(yearlyFigures)
    .where(eq(yearlyFigures.organizationId, organizationId))
    .orderBy(asc(yearlyFigures.year))
    .all()
    .map(toFigures);
}

/**
 * Why figures cannot be kept for the year by the app's clock (`figuresYearRefusal`), or null; an
 * import asks it of each row's year before its save would.
 */
export function figuresYearRefused(ctx: Context, year: number): string | null {
  return figuresYearRefusal(year, ctx.clock().getFullYear());
}

function checkYear(ctx: Context, year: number): void {
  const refusal = figuresYearRefused(ctx, year);
  if (refusal) throw validationFailure([{ path: 'year', message: refusal }]);
}

/** What the audit trail keeps of a change to one year, before and after: the year and only the fields that changed. */
function figuresChange(year: number, before: FigureValues, after: FigureValues): { before: FiguresRecorded; after: FiguresRecorded } {
  const changed = figureFields.filter((field) => before[field] !== after[field]);
  const pick = (values: FigureValues) => ({ year, ...Object.fromEntries(changed.map((field) => [field, values[field]])) });
  return { before: { figures: pick(before) }, after: { figures: pick(after) } };
}

/** A year's figures as an organization's audit entry holds them (`figuresChange`). */
interface FiguresRecorded {
  figures: { year: number } & Partial<FigureValues>;
}

/** The audit entry of a change to one year, on the organization so that it shows in its history. */
function auditFigures(ctx: Context, organizationId: number, year: number, before: FigureValues, after: FigureValues): void {
  const change = figuresChange(year, before, after);
  recordChange(ctx, 'organization', organizationId, 'update', change.before, change.after);
}

/** The stored values after a save of `input` over `before`: absent leaves a value, null clears it. */
export function valuesAfter(before: FigureValues, input: Partial<FigureValues>): FigureValues {
  const after: FigureValues = { ...before };
  for (const field of figureFields) {
    const value = input[field];
    if (value !== undefined) Object.assign(after, { [field]: value });
  }
  return after;
}

/** Values of one year that contradict each other, as a save would refuse them; an import asks it of each row. */
export function figureValueIssues(after: FigureValues): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (after.managersWithDegree !== null && after.managers !== null && after.managersWithDegree > after.managers) {
    issues.push({
      path: 'managersWithDegree',
      message: `Số cán bộ quản lý có trình độ cao đẳng trở lên (${after.managersWithDegree}) không được lớn hơn số cán bộ quản lý (${after.managers}).`,
    });
  }
  return issues;
}

function checkValues(after: FigureValues): void {
  const issues = figureValueIssues(after);
  if (issues.length) throw validationFailure(issues);
}

function writeFigures(ctx: Context, organizationId: number, year: number, before: FigureValues, after: FigureValues): void {
  figureQueries(ctx.db).save.run({ ...after, organizationId, year, updatedAt: timestamp(ctx) });
  auditFigures(ctx, organizationId, year, before, after);
}

export function saveFigures(ctx: Context, input: z.output<typeof figuresSaveInput>): YearlyFigures {
  checkYear(ctx, input.year);
  return atomically(ctx.db, () => {
    requireOrganization(ctx, input.organizationId);
    const existing = findFigures(ctx, input.organizationId, input.year);
    const before: FigureValues = existing ?? emptyFigures;
    const after = valuesAfter(before, input);
    checkValues(after);
    if (existing && figureFields.every((field) => before[field] === after[field])) return toFigures(existing);
    // Read back rather than RETURNING, which made each save several times slower (see organizations.ts).
    writeFigures(ctx, input.organizationId, input.year, before, after);
    const row = findFigures(ctx, input.organizationId, input.year);
    if (!row) throw new Error(`The figures of organization ${input.organizationId} for ${input.year} were not saved.`);
    return toFigures(row);
  });
}

/**
 * `saveFigures` for an organization being created in the caller's transaction with its first year
 * (an import's row with its figures): it has none yet, so nothing is read, neither before nor
 * after; the same checks. The year is recorded in the organization's creation, not in an entry of
 * its own (the import writes those entries from the rows: `createdRecording`). Gives
 * the values stored.
 */
export function saveFiguresOfNew(ctx: Context, input: z.output<typeof figuresSaveInput>): FigureValues {
  checkYear(ctx, input.year);
  const after = valuesAfter(emptyFigures, input);
  checkValues(after);
  figureQueries(ctx.db).insert({ ...after, organizationId: input.organizationId, year: input.year, updatedAt: timestamp(ctx) });
  return after;
}

export function deleteFigures(ctx: Context, organizationId: number, year: number): null {
  return atomically(ctx.db, () => {
    const organization = requireOrganization(ctx, organizationId);
    const existing = findFigures(ctx, organizationId, year);
    if (!existing) throw notFound(`${organization.name} chưa có số liệu năm ${year}.`);
    figureQueries(ctx.db).delete.run({ organizationId, year });
    auditFigures(ctx, organizationId, year, existing, emptyFigures);
    return null;
  });
}

/** A year's figures a caller has just found stored as `stored` (an undo that compared them with what its import left). */
export interface CheckedFigures {
  organizationId: number;
  year: number;
  stored: FigureValues;
}

/**
 * `deleteFigures` of many years a caller has just checked (`CheckedFigures`): one statement
 * deletes them all, each with the audit entry of a delete, without reading anything again.
 */
export function deleteCheckedFigures(ctx: Context, checked: readonly CheckedFigures[]): void {
  if (checked.length === 0) return;
  atomically(ctx.db, () => {
    const keys = JSON.stringify(checked.map(({ organizationId, year }) => [organizationId, year]));
    ctx.db
      .delete(yearlyFigures)
      .where(sql`(${yearlyFigures.organizationId}, ${yearlyFigures.year}) IN (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(${keys}))`)
      .run();
    for (const { organizationId, year, stored } of checked) auditFigures(ctx, organizationId, year, stored, emptyFigures);
  });
}

/**
 * Why the organization can have no figures for the year, by the rule Cập nhật số liệu năm and the
 * statistics count it by (`yearsLived`, which the screen's «Thêm năm» starts from too): it was
 * founded after the year or had ended by its last day — in the words of `yearOutsideLifeReason`, which
 * the figures form says before sending. An import refuses such a row, and a person's save such a
 * year (`enterFigures`), whose figures nobody would find. Null when it existed in the year.
 */
export function yearOutsideLife(ctx: Context, organizationId: number, year: number): string | null {
  const organization = figureQueries(ctx.db).life.get({ organizationId });
  return organization ? yearOutsideLifeReason(organization, year) : null;
}

export function figuresGrid(ctx: Context, input: z.output<typeof figuresGridInput>): Page<FiguresGridRow> {
  // Those the year's statistics count (`existsAtYearEnd`), the only ones whose figures of it count.
  const conditions = [existsAtYearEnd(organizations, yearEnd(input.year))];
  const search = searchCondition(input.query ?? '');
  if (search) conditions.push(search);
  if (input.kind) conditions.push(eq(organizations.kind, input.kind));
  if (input.communeCode) conditions.push(eq(organizations.communeCode, input.communeCode));
  if (input.place) conditions.push(inPlace(organizations, input.place));
  const where = and(...conditions);

  // Without a search, the count is read from the index that holds the founding and ending days of
  // the organizations not in the trash, with their commune, kind and province, rather than from
  // the rows — which the planner must be told, and the query builder cannot say: 110 → 7 ms for
  // 100,000 organizations.
  const counted = search ? organizations : sql`${organizations} INDEXED BY ${sql.identifier('organizations_statistics')}`;
  const total = ctx.db.get<{ n: number } | undefined>(sql`SELECT count(*) AS n FROM ${counted} WHERE ${where}`)?.n ?? 0;
  const current = alias(yearlyFigures, 'current_figures');
  const previous = alias(yearlyFigures, 'previous_figures');
  const rows = ctx.db
    .select({
      id: organizations.id,
      name: organizations.name,
      kind: organizations.kind,
      communeCode: organizations.communeCode,
      provinceCode: organizations.provinceCode,
      figures: current,
      previous,
    })
    .from(organizations)
    .leftJoin(current, and(eq(current.organizationId, organizations.id), eq(current.year, input.year)))
    .leftJoin(previous, and(eq(previous.organizationId, organizations.id), eq(previous.year, input.year - 1)))
    .where(where)
    .orderBy(asc(organizations.nameFolded), asc(organizations.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  const homeProvinceCode = getAlliance(ctx)?.provinceCode;
  return {
    rows: rows.map((row) => ({
      organizationId: row.id,
      name: row.name,
      kind: row.kind,
      communeName: ctx.places.commune(row.communeCode)?.fullName ?? '',
      otherProvinceName: otherProvinceName(ctx, row.provinceCode, homeProvinceCode),
      figures: row.figures ? toFigures(row.figures) : null,
      previous: row.previous ? toFigures(row.previous) : null,
    })),
    total,
  };
}

/**
 * A person's save of a year (Số liệu hằng năm, Cập nhật số liệu năm): `saveFigures`, refused for a
 * year the organization did not exist in, as an import's row is (`yearOutsideLife`): nobody would
 * find its figures. `saveFigures` itself does not ask: an import's undo writes back the values it
 * found stored, also of an organization that has ended since; and an import's write must not stop
 * its whole commit (a list of figures refuses such a row in its preview).
 */
function enterFigures(ctx: Context, input: z.output<typeof figuresSaveInput>): YearlyFigures {
  const outsideLife = yearOutsideLife(ctx, input.organizationId, input.year);
  if (outsideLife) throw validationFailure([{ path: 'year', message: outsideLife }]);
  return saveFigures(ctx, input);
}

export const figuresHandlers: HandlersFor<typeof figuresContract> = {
  'figures:list': (ctx, { organizationId }) => listFigures(ctx, organizationId),
  'figures:save': (ctx, input) => enterFigures(ctx, input),
  'figures:delete': (ctx, { organizationId, year }) => deleteFigures(ctx, organizationId, year),
  'figures:grid': (ctx, input) => figuresGrid(ctx, input),
};
