/**
 * Kế hoạch and chỉ tiêu: plans with their targets, each target's actual computed live from the
 * data by its measure (core/plans/measures.ts) — or typed, with a note, for what no measure covers —
 * against its value and the year before, its status by the one rule of shared/plans.ts, and the
 * drill-down to what counts. Plans go through the one record machinery (audit, trash, history).
 */
import { and, asc, count, desc, eq, gte, inArray, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { AgreementAttachment } from '../../shared/contracts/agreements';
import type { TargetAtRisk } from '../../shared/contracts/attention';
import type { FileChunk } from '../../shared/contracts/files';
import type { FiguresPending } from '../../shared/contracts/statistics';
import type {
  DeletedPlan,
  ParsedPlanInput,
  ParsedTargetInput,
  PlanDetail,
  PlanInForce,
  PlanSummary,
  TargetDrillDown,
  TargetProgress,
  copyPlanInput,
  drillDownInput,
  planListInput,
  plansContract,
  planUpdateInput,
  typedActualInput,
} from '../../shared/contracts/plans';
import { classifications, type Classification, type OrganizationKind, type Page } from '../../shared/domain';
import { conflict, notFound, validationFailure, type FieldIssue } from '../../shared/errors';
import {
  cumulativeMetrics,
  defaultEffectiveClassifications,
  effectiveClassificationsSchema,
  elapsedShare,
  lastQuarterStarts,
  targetStatus,
  typedCumulativeByDefault,
  yearsBefore,
  type Measure,
} from '../../shared/plans';
import { foldText } from '../../shared/text';
import { attachedFilePath, forgetKeptFile, keepStagedFile, removeAttachedFile, type AttachmentPlace } from '../attachments';
import { timestamp, todayIso, type Context } from '../context';
import { atomically } from '../db/atomic';
import { refuseUnconfirmed, titledInSentence } from './duplicates';
import { changeMark, type Db } from '../db/open';
import { notInTrash } from '../db/predicates';
import { planAttachments, plans, planTargets, settings } from '../db/schema';
import { readChunk } from '../files';
import type { HandlersFor } from '../handlerTypes';
import { countedRows, hasNotCounted, measureValues, notCountedRows, type MeasureWindow } from '../plans/measures';
import { reportedYear } from './figureYear';
import { moveToTrash, recordChange, requireLive, restoreFromTrash, trashPage, type RecordSpec, type Snapshot } from '../records';

type PlanRow = typeof plans.$inferSelect;
type TargetRow = typeof planTargets.$inferSelect;

/** Scans of signed plans live in `<data folder>/ke-hoach/<plan id>/`. */
const ATTACHMENTS_FOLDER = 'ke-hoach';

const EFFECTIVE_SETTING = 'plans_effective_classifications';

// ---------------------------------------------------------------------------------------------
// The office's definition of "operating effectively"

/** The classifications that count as operating effectively; Tốt, Khá, Trung bình unless set. */
export function effectiveClassifications(ctx: Context): Classification[] {
  const row = ctx.db.select({ value: settings.value }).from(settings).where(eq(settings.key, EFFECTIVE_SETTING)).get();
  const parsed = effectiveClassificationsSchema.safeParse(row?.value);
  const chosen = parsed.success ? parsed.data : defaultEffectiveClassifications;
  // In the order of the scale, however it was stored.
  return classifications.filter((classification) => chosen.includes(classification));
}

function setEffectiveClassifications(ctx: Context, chosen: Classification[]): Classification[] {
  const value = classifications.filter((classification) => chosen.includes(classification));
  ctx.db
    .insert(settings)
    .values({ key: EFFECTIVE_SETTING, value, note: 'Các mức xếp loại được coi là hoạt động hiệu quả khi tính chỉ tiêu kế hoạch.' })
    .onConflictDoUpdate({ target: settings.key, set: { value } })
    .run();
  return value;
}

// ---------------------------------------------------------------------------------------------
// The record machinery

function targetsOf(ctx: Context, planId: number): TargetRow[] {
  return ctx.db.select().from(planTargets).where(eq(planTargets.planId, planId)).orderBy(asc(planTargets.position), asc(planTargets.id)).all();
}

function targetValue(row: TargetRow): Snapshot {
  return {
    title: row.title,
    comparison: row.comparison,
    value: row.value,
    unit: row.unit,
    unitLabel: row.unitLabel,
    measure: row.measure,
    denominator: row.denominator,
    comment: row.comment,
    typedActual: row.typedActual,
    typedNote: row.typedNote,
    typedBy: row.typedBy,
    typedCumulative: row.typedCumulative,
  };
}

function snapshotOf(ctx: Context, row: PlanRow): Snapshot {
  return {
    kind: row.kind,
    number: row.number,
    title: row.title,
    issuedOn: row.issuedOn,
    issuer: row.issuer,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    communeCodes: row.communeCodes,
    organizationKinds: row.organizationKinds,
    sectorGroup: row.sectorGroup,
    status: row.status,
    note: row.note,
    targets: targetsOf(ctx, row.id).map(targetValue),
  };
}

export const planRecords: RecordSpec<typeof plans> = {
  kind: 'plan',
  table: plans,
  noun: 'kế hoạch',
  snapshot: snapshotOf,
  nameOf: (ctx, field, value) => (field === 'communeCodes' && typeof value === 'string' ? ctx.places.commune(value)?.fullName : undefined),
  // An issued year plan comes back only while no other of its year and scope is issued (`checkSameYear`).
  checkRestore: (ctx, row) => {
    const issued = row.status === 'issued' ? sameYearPlans(ctx, row, row.id).find((other) => other.status === 'issued') : undefined;
    if (issued) {
      throw conflict(
        `Năm ${row.periodFrom.slice(0, 4)} đã có kế hoạch năm cùng phạm vi đã ban hành: ${namedPlan(issued)}; không khôi phục được kế hoạch này. Hãy chuyển kế hoạch kia sang «Đã hủy bỏ» trước.`,
        issued.id,
      );
    }
  },
};

function requirePlan(ctx: Context, id: number): PlanRow {
  return requireLive(ctx, planRecords, id);
}

function touch(ctx: Context, planId: number): void {
  ctx.db.update(plans).set({ updatedAt: timestamp(ctx) }).where(eq(plans.id, planId)).run();
}

// ---------------------------------------------------------------------------------------------
// Progress

function inForce(row: Pick<PlanRow, 'status' | 'periodFrom' | 'periodTo'>, today: string): boolean {
  return row.status === 'issued' && row.periodFrom <= today && today <= row.periodTo;
}

/** Years the period spans: 1 for a year plan; what "the year before" moves back by. */
function yearsSpanned(row: Pick<PlanRow, 'periodFrom' | 'periodTo'>): number {
  return Number(row.periodTo.slice(0, 4)) - Number(row.periodFrom.slice(0, 4)) + 1;
}

interface PlanWindows {
  asOf: string;
  elapsed: number;
  figuresPending: FiguresPending | null;
  current: MeasureWindow;
  previous: MeasureWindow;
}

function windowsOf(ctx: Context, row: PlanRow): PlanWindows {
  const today = todayIso(ctx);
  const asOf = today > row.periodTo ? row.periodTo : today;
  const effective = effectiveClassifications(ctx);
  const back = yearsSpanned(row);
  const communeCodes = row.communeCodes;
  const previousTo = yearsBefore(row.periodTo, back);
  const previousAsOf = previousTo > today ? today : previousTo;
  const figures = reportedYear(ctx, Number(asOf.slice(0, 4)));
  const figureYear = figures.year ?? Number(asOf.slice(0, 4));
  return {
    asOf,
    elapsed: elapsedShare(row.periodFrom, row.periodTo, today),
    figuresPending: figures.pending,
    current: { communeCodes, from: row.periodFrom, asOf, figureYear, effective },
    // The year before in full (or as far as it has gone), as reports set "thực hiện năm trước"
    // beside. Its yearly figures are those of the year before the current window's, as the
    // report's footnote says: read as of its own end they would be the current ones again
    // whenever the newest year is not yet reported, and «Năm trước» would repeat «Thực hiện».
    previous: { communeCodes, from: yearsBefore(row.periodFrom, back), asOf: previousAsOf, figureYear: figureYear - back, effective },
  };
}

/** A share in %, one decimal kept; null when there is nothing to take a share of. */
function share(numerator: number, denominator: number): number | null {
  return denominator > 0 ? Math.round((numerator / denominator) * 1000) / 10 : null;
}

/**
 * The actual of a target from its measures' values: a share in % of its denominator, or the value;
 * null when a measure has no value (yearly figures of a year that has none).
 */
function actualOf(target: TargetRow, values: ReadonlyMap<Measure, number | null>) {
  if (target.measure === null) return { actual: target.typedActual, numerator: null, denominatorValue: null };
  const numerator = values.get(target.measure) ?? null;
  if (target.unit !== 'percent' || target.denominator === null) return { actual: numerator, numerator: null, denominatorValue: null };
  const denominatorValue = values.get(target.denominator) ?? null;
  if (numerator === null || denominatorValue === null) return { actual: null, numerator: null, denominatorValue: null };
  return { actual: share(numerator, denominatorValue), numerator, denominatorValue };
}

/** Every measure of the targets in a window, read together (see `measureValues`). */
function valuesIn(ctx: Context, targets: readonly TargetRow[], window: MeasureWindow): Map<Measure, number | null> {
  const measures = targets.flatMap((target) => [target.measure, target.unit === 'percent' ? target.denominator : null]).filter((measure): measure is Measure => measure !== null);
  const values = measureValues(ctx, measures, window);
  return new Map(measures.map((measure, index) => [measure, values[index] ?? null]));
}

/** Where a target stands today: its actual and its status, which the year before has no part in. */
function standingOf(target: TargetRow, windows: PlanWindows, current: ReadonlyMap<Measure, number | null>) {
  const measure = target.measure;
  const now = actualOf(target, current);
  const cumulative = measure === null ? target.typedCumulative : target.unit !== 'percent' && cumulativeMetrics.includes(measure.metric);
  return { now, cumulative, status: targetStatus({ comparison: target.comparison, value: target.value, actual: now.actual, cumulative, elapsed: windows.elapsed }) };
}

function progressOf(target: TargetRow, windows: PlanWindows, current: ReadonlyMap<Measure, number | null>, previous: ReadonlyMap<Measure, number | null>): TargetProgress {
  const measure = target.measure;
  const { now, cumulative, status } = standingOf(target, windows, current);
  const before = measure ? actualOf(target, previous).actual : null;
  return {
    id: target.id,
    position: target.position,
    title: target.title,
    comparison: target.comparison,
    value: target.value,
    unit: target.unit,
    unitLabel: target.unitLabel,
    measure,
    denominator: target.denominator,
    comment: target.comment,
    cumulative,
    actual: now.actual,
    numerator: now.numerator,
    denominatorValue: now.denominatorValue,
    previous: before,
    percentOfTarget: now.actual !== null && target.value > 0 ? Math.round((now.actual / target.value) * 1000) / 10 : null,
    status,
    typed: measure ? null : { note: target.typedNote, by: target.typedBy, at: target.typedAt },
  };
}

interface PlanProgress {
  asOf: string;
  elapsed: number;
  figureYear: number;
  figuresPending: FiguresPending | null;
  targets: TargetProgress[];
}

/** A plan's targets measured in its period so far: what its status today is worked out from. */
interface Measured {
  windows: PlanWindows;
  targets: TargetRow[];
  current: Map<Measure, number | null>;
  /** Worked out when first asked: Cần chú ý needs only the statuses, not the year before. */
  progress?: PlanProgress;
}

/**
 * The last plan measured on a connection, with the plan, the day and the state of the data it
 * holds for: Tổng quan asks for the plan in force and Cần chú ý for its targets at risk, one after
 * the other, and each took a tenth of a second at national scale. Read only.
 */
const lastMeasured = new WeakMap<Db, { key: string; measured: Measured }>();

function measuredNow(ctx: Context, row: PlanRow): Measured {
  const key = `${String(row.id)}:${todayIso(ctx)}:${changeMark(ctx.db)}`;
  const kept = lastMeasured.get(ctx.db);
  if (kept?.key === key) return kept.measured;
  const windows = windowsOf(ctx, row);
  const targets = targetsOf(ctx, row.id);
  const measured = { windows, targets, current: valuesIn(ctx, targets, windows.current) };
  lastMeasured.set(ctx.db, { key, measured });
  return measured;
}

/** Every target of a plan with its actual as of today, and the year before's. */
export function planProgress(ctx: Context, row: PlanRow): PlanProgress {
  const measured = measuredNow(ctx, row);
  if (measured.progress) return measured.progress;
  const { windows, targets, current } = measured;
  const previous = valuesIn(ctx, targets, windows.previous);
  measured.progress = {
    asOf: windows.asOf,
    elapsed: windows.elapsed,
    figureYear: windows.current.figureYear,
    figuresPending: windows.figuresPending,
    targets: targets.map((target) => progressOf(target, windows, current, previous)),
  };
  return measured.progress;
}

// ---------------------------------------------------------------------------------------------
// Reading

function summaryOf(ctx: Context, row: PlanRow, targetCount?: number): PlanSummary {
  return {
    id: row.id,
    kind: row.kind,
    number: row.number,
    title: row.title,
    issuedOn: row.issuedOn,
    issuer: row.issuer,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    status: row.status,
    inForce: inForce(row, todayIso(ctx)),
    targetCount: targetCount ?? ctx.db.select({ n: count() }).from(planTargets).where(eq(planTargets.planId, row.id)).get()?.n ?? 0,
  };
}

export function getPlan(ctx: Context, id: number): PlanDetail {
  const row = requirePlan(ctx, id);
  const progress = planProgress(ctx, row);
  return {
    ...summaryOf(ctx, row, progress.targets.length),
    communeCodes: row.communeCodes,
    communeNames: row.communeCodes.map((code) => ctx.places.commune(code)?.fullName ?? code),
    organizationKinds: row.organizationKinds as OrganizationKind[],
    sectorGroup: row.sectorGroup,
    note: row.note,
    copiedFromId: row.copiedFromId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    asOf: progress.asOf,
    elapsed: progress.elapsed,
    figureYear: progress.figureYear,
    figuresPending: progress.figuresPending,
    effectiveClassifications: effectiveClassifications(ctx),
    targets: progress.targets,
    attachments: ctx.db
      .select({
        id: planAttachments.id,
        fileName: planAttachments.fileName,
        size: planAttachments.size,
        mediaType: planAttachments.mediaType,
        addedAt: planAttachments.addedAt,
      })
      .from(planAttachments)
      .where(eq(planAttachments.planId, id))
      .orderBy(asc(planAttachments.id))
      .all(),
  };
}

function listConditions(input: z.output<typeof planListInput>): SQL | undefined {
  const words = foldText(input.search).split(' ').filter(Boolean);
  return and(
    notInTrash(plans),
    input.year === undefined ? undefined : and(lte(plans.periodFrom, `${input.year}-12-31`), gte(plans.periodTo, `${input.year}-01-01`)),
    ...words.map((word) => {
      const pattern = `%${word.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
      return or(sql`${plans.titleFolded} LIKE ${pattern} ESCAPE '\\'`, sql`lower(${plans.number}) LIKE ${pattern} ESCAPE '\\'`);
    }),
  );
}

function targetCounts(ctx: Context, planIds: number[]): Map<number, number> {
  if (planIds.length === 0) return new Map();
  return new Map(
    ctx.db
      .select({ planId: planTargets.planId, n: count() })
      .from(planTargets)
      .where(inArray(planTargets.planId, planIds))
      .groupBy(planTargets.planId)
      .all()
      .map((row) => [row.planId, row.n]),
  );
}

/** Newest period first. */
export function listPlans(ctx: Context, input: z.output<typeof planListInput>): Page<PlanSummary> {
  const where = listConditions(input);
  const total = ctx.db.select({ n: count() }).from(plans).where(where).get()?.n ?? 0;
  const rows = ctx.db
    .select()
    .from(plans)
    .where(where)
    .orderBy(desc(plans.periodTo), desc(plans.periodFrom), desc(plans.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  const counts = targetCounts(ctx, rows.map((row) => row.id));
  return { total, rows: rows.map((row) => summaryOf(ctx, row, counts.get(row.id) ?? 0)) };
}

/**
 * How far a plan's scope is narrowed (to communes, to kinds of organization, to a sector): 0 for
 * the whole province, every kind, every sector.
 */
const narrowings = sql<number>`(${plans.communeCodes} <> '[]') + (${plans.organizationKinds} <> '[]') + (${plans.sectorGroup} IS NOT NULL)`;

/**
 * The plan in force today; of several, the one whose period ends first (this year's plan before a
 * programme of several years), then the widest (the province's before a commune's: two issued year
 * plans of one year and one scope are refused, see `checkSameYear`), then the latest issued.
 */
export function planInForce(ctx: Context): PlanInForce | null {
  const today = todayIso(ctx);
  const row = ctx.db
    .select()
    .from(plans)
    .where(and(notInTrash(plans), eq(plans.status, 'issued'), lte(plans.periodFrom, today), gte(plans.periodTo, today)))
    .orderBy(asc(plans.periodTo), asc(narrowings), desc(plans.issuedOn), desc(plans.id))
    .get();
  if (!row) return null;
  const progress = planProgress(ctx, row);
  return { id: row.id, title: row.title, number: row.number, periodFrom: row.periodFrom, periodTo: row.periodTo, elapsed: progress.elapsed, targets: progress.targets };
}

/**
 * Cần chú ý: the targets at risk of plans issued and in the last quarter of their period (its last
 * three months), soonest ending first.
 */
export function targetsAtRisk(ctx: Context): TargetAtRisk[] {
  const today = todayIso(ctx);
  return ctx.db
    .select()
    .from(plans)
    .where(and(notInTrash(plans), eq(plans.status, 'issued'), lte(plans.periodFrom, today), gte(plans.periodTo, today)))
    .orderBy(asc(plans.periodTo), asc(plans.id))
    .all()
    .filter((row) => today >= lastQuarterStarts(row.periodTo))
    .flatMap((row) => {
      const { windows, targets, current } = measuredNow(ctx, row);
      return targets
        .map((target) => ({ target, ...standingOf(target, windows, current) }))
        .filter(({ status }) => status === 'at_risk')
        .map(({ target, now }) => ({
          planId: row.id,
          planTitle: row.title,
          periodTo: row.periodTo,
          targetId: target.id,
          title: target.title,
          actual: now.actual,
          value: target.value,
          unit: target.unit,
          unitLabel: target.unitLabel,
        }));
    });
}

// ---------------------------------------------------------------------------------------------
// Writing

function checkCommunes(ctx: Context, input: ParsedPlanInput): void {
  const issues: FieldIssue[] = [];
  input.communeCodes.forEach((code, index) => {
    if (!ctx.places.commune(code)) issues.push({ path: `communeCodes.${index}`, message: `Mã xã, phường ${code} không có trong danh mục hiện hành.` });
  });
  if (issues.length) throw validationFailure(issues);
}

function planColumns(input: ParsedPlanInput) {
  return {
    kind: input.kind,
    number: input.number,
    title: input.title,
    titleFolded: foldText(input.title),
    issuedOn: input.issuedOn,
    issuer: input.issuer,
    periodFrom: input.periodFrom,
    periodTo: input.periodTo,
    communeCodes: [...new Set(input.communeCodes)],
    organizationKinds: input.organizationKinds,
    sectorGroup: input.sectorGroup,
    status: input.status,
    note: input.note,
  };
}

function targetColumns(target: ParsedTargetInput, position: number) {
  return {
    position,
    title: target.title,
    comparison: target.comparison,
    value: target.value,
    unit: target.unit,
    unitLabel: target.unitLabel,
    measure: target.measure,
    denominator: target.unit === 'percent' ? target.denominator : null,
    typedCumulative: target.measure === null && (target.typedCumulative ?? typedCumulativeByDefault(target.unit)),
    comment: target.comment,
  };
}

/** Targets are matched to the stored ones by id, so a typed actual stays with its target. */
function writeTargets(ctx: Context, planId: number, targets: ParsedTargetInput[], stored: TargetRow[]): void {
  const issues: FieldIssue[] = [];
  targets.forEach((target, index) => {
    if (target.id !== undefined && !stored.some((row) => row.id === target.id)) {
      issues.push({ path: `targets.${index}.id`, message: `Chỉ tiêu thứ ${index + 1} không thuộc kế hoạch này; hãy tải lại trang.` });
    }
  });
  if (issues.length) throw validationFailure(issues);
  const kept = new Set(targets.map((target) => target.id).filter((targetId) => targetId !== undefined));
  const dropped = stored.filter((row) => !kept.has(row.id)).map((row) => row.id);
  if (dropped.length) ctx.db.delete(planTargets).where(inArray(planTargets.id, dropped)).run();
  targets.forEach((target, index) => {
    const columns = targetColumns(target, index + 1);
    if (target.id === undefined) ctx.db.insert(planTargets).values({ ...columns, planId }).run();
    else ctx.db.update(planTargets).set(columns).where(eq(planTargets.id, target.id)).run();
  });
}

/** What tells two year plans apart: the year and what they cover, as typed or as stored. */
type PlanScope = Pick<PlanRow, 'kind' | 'periodFrom' | 'sectorGroup'> & { communeCodes: readonly string[]; organizationKinds: readonly string[] };

/** The communes, kinds and sector a plan covers, in one comparable text, whatever their order. */
function scopeKey(plan: { communeCodes: readonly string[]; organizationKinds: readonly string[]; sectorGroup: string | null }): string {
  return JSON.stringify([[...new Set(plan.communeCodes)].sort(), [...plan.organizationKinds].sort(), plan.sectorGroup]);
}

/**
 * The other year plans, not cancelled, of the same year over the same scope, issued first. A
 * province has one year plan a year (and a commune its own): another is a copy made twice, or the
 * same plan typed again. Programmes may overlap: each has its own subject.
 */
function sameYearPlans(ctx: Context, plan: PlanScope, excludeId: number | null): PlanRow[] {
  if (plan.kind !== 'year') return [];
  const year = plan.periodFrom.slice(0, 4);
  const key = scopeKey(plan);
  return ctx.db
    .select()
    .from(plans)
    .where(
      and(
        notInTrash(plans),
        eq(plans.kind, 'year'),
        ne(plans.status, 'cancelled'),
        gte(plans.periodFrom, `${year}-01-01`),
        lte(plans.periodFrom, `${year}-12-31`),
        excludeId === null ? undefined : ne(plans.id, excludeId),
      ),
    )
    .orderBy(desc(eq(plans.status, 'issued')), asc(plans.id))
    .all()
    .filter((row) => scopeKey(row) === key);
}

/** «Kế hoạch … năm 2027» (số 12/KH-LMHTX). */
function namedPlan(row: PlanRow): string {
  return row.number ? `«${row.title}» (số ${row.number})` : `«${row.title}»`;
}

/**
 * A second year plan of one year and one scope: issuing it is refused while the other is issued —
 * Tổng quan, Cần chú ý and the reports follow one plan, and two would leave them to pick one — and
 * saving it otherwise asks the person to confirm it is another plan than each of them
 * (`refuseUnconfirmed`). An edit asks again only when it moves the plan to another year, kind or
 * scope, or issues it.
 */
function checkSameYear(ctx: Context, input: ParsedPlanInput, before: PlanRow | null): void {
  const moved = before === null || before.kind !== input.kind || before.periodFrom.slice(0, 4) !== input.periodFrom.slice(0, 4) || scopeKey(before) !== scopeKey(input);
  const issuing = input.status === 'issued' && (moved || before.status !== 'issued');
  if (!moved && !issuing) return;
  const others = sameYearPlans(ctx, input, before?.id ?? null);
  const year = input.periodFrom.slice(0, 4);
  const issued = others.find((row) => row.status === 'issued');
  if (issuing && issued) {
    throw validationFailure([
      {
        path: 'status',
        message: `Năm ${year} đã có kế hoạch năm cùng phạm vi đã ban hành: ${namedPlan(issued)}. Mỗi năm chỉ ban hành một kế hoạch năm cho một phạm vi; hãy để kế hoạch này ở dạng dự thảo, hoặc chuyển kế hoạch kia sang «Đã hủy bỏ» trước.`,
      },
    ]);
  }
  if (!moved) return;
  refuseUnconfirmed(
    others.map((row) => ({
      id: row.id,
      name: row.title,
      detail: [...(row.number ? [`số ${row.number}`] : []), row.status === 'issued' ? 'đã ban hành' : 'đang dự thảo'].join(', '),
    })),
    input.confirmedSimilarIds,
    {
      noun: 'kế hoạch',
      message: (counted, named) => `Năm ${year} đã có ${counted} năm cùng phạm vi (địa bàn, loại hình, lĩnh vực): ${named}. Nếu đây đúng là một kế hoạch khác, hãy xác nhận để lưu.`,
      inSentence: titledInSentence,
    },
  );
}

export function createPlan(ctx: Context, input: ParsedPlanInput, copiedFromId: number | null = null): PlanSummary {
  checkCommunes(ctx, input);
  return atomically(ctx.db, () => {
    checkSameYear(ctx, input, null);
    const now = timestamp(ctx);
    const row = ctx.db
      .insert(plans)
      .values({ ...planColumns(input), copiedFromId, createdAt: now, updatedAt: now })
      .returning()
      .get();
    writeTargets(ctx, row.id, input.targets, []);
    recordChange(ctx, 'plan', row.id, 'create', null, snapshotOf(ctx, row));
    return summaryOf(ctx, row);
  });
}

export function updatePlan(ctx: Context, { id, ...input }: z.output<typeof planUpdateInput>): PlanSummary {
  checkCommunes(ctx, input);
  return atomically(ctx.db, () => {
    const before = requirePlan(ctx, id);
    checkSameYear(ctx, input, before);
    const was = snapshotOf(ctx, before);
    const after = ctx.db
      .update(plans)
      .set({ ...planColumns(input), updatedAt: timestamp(ctx) })
      .where(eq(plans.id, id))
      .returning()
      .get();
    writeTargets(ctx, id, input.targets, targetsOf(ctx, id));
    recordChange(ctx, 'plan', id, 'update', was, snapshotOf(ctx, after));
    return summaryOf(ctx, after);
  });
}

/** A 4-digit year in the text, as a whole word. */
function replaceYear(text: string, from: number, to: number): string {
  return text.replace(new RegExp(`(^|\\D)${from}(?!\\d)`, 'g'), `$1${to}`);
}

/**
 * A copy of a plan for another year: its scope and targets with their values (to be adjusted), the
 * period moved by whole years, the year in its title changed, as a draft without number or date.
 */
export function copyPlan(ctx: Context, input: z.output<typeof copyPlanInput>): PlanSummary {
  const source = requirePlan(ctx, input.id);
  const fromYear = Number(source.periodFrom.slice(0, 4));
  const shift = fromYear - input.year;
  if (shift === 0) throw validationFailure([{ path: 'year', message: `Kế hoạch này đã là của năm ${input.year}; hãy chọn năm khác để sao chép.` }]);
  const targets = targetsOf(ctx, source.id).map((target) => ({
    title: replaceYear(target.title, fromYear, input.year),
    comparison: target.comparison,
    value: target.value,
    unit: target.unit,
    unitLabel: target.unitLabel,
    measure: target.measure,
    denominator: target.denominator,
    typedCumulative: target.typedCumulative,
    comment: '',
  }));
  return createPlan(
    ctx,
    {
      kind: source.kind,
      number: '',
      title: replaceYear(source.title, fromYear, input.year),
      issuedOn: null,
      issuer: source.issuer,
      periodFrom: yearsBefore(source.periodFrom, shift),
      periodTo: yearsBefore(source.periodTo, shift),
      communeCodes: source.communeCodes,
      organizationKinds: source.organizationKinds as OrganizationKind[],
      sectorGroup: source.sectorGroup,
      status: 'draft',
      note: '',
      targets,
      confirmedSimilarIds: input.confirmedSimilarIds,
    },
    source.id,
  );
}

function requireTarget(ctx: Context, targetId: number): { target: TargetRow; plan: PlanRow } {
  const found = ctx.db
    .select({ target: planTargets, plan: plans })
    .from(planTargets)
    .innerJoin(plans, eq(plans.id, planTargets.planId))
    .where(and(eq(planTargets.id, targetId), notInTrash(plans)))
    .get();
  if (!found) throw notFound('Không tìm thấy chỉ tiêu này; có thể kế hoạch đã được sửa hoặc bị xóa. Hãy tải lại trang.');
  return found;
}

export function typeActual(ctx: Context, input: z.output<typeof typedActualInput>): null {
  return atomically(ctx.db, () => {
    const { target, plan } = requireTarget(ctx, input.targetId);
    if (target.measure !== null) {
      throw validationFailure([
        { path: 'actual', message: `Chỉ tiêu «${target.title}» được tính từ dữ liệu của phần mềm; không nhập tay số thực hiện.` },
      ]);
    }
    const was = snapshotOf(ctx, plan);
    ctx.db
      .update(planTargets)
      .set({ typedActual: input.actual, typedNote: input.note, typedBy: input.by, typedAt: timestamp(ctx) })
      .where(eq(planTargets.id, target.id))
      .run();
    touch(ctx, plan.id);
    recordChange(ctx, 'plan', plan.id, 'update', was, snapshotOf(ctx, plan));
    return null;
  });
}

export function drillDown(ctx: Context, input: z.output<typeof drillDownInput>): TargetDrillDown {
  const { target, plan } = requireTarget(ctx, input.targetId);
  if (target.measure === null) return { counted: { rows: [], total: 0 }, notCounted: null };
  const { current } = windowsOf(ctx, plan);
  const page = { page: input.page, pageSize: input.pageSize };
  const withNotCounted = target.unit === 'percent' && hasNotCounted(target.measure, target.denominator);
  return {
    counted: input.side === 'counted' ? countedRows(ctx, target.measure, current, page) : { rows: [], total: 0 },
    notCounted:
      withNotCounted && target.denominator
        ? input.side === 'notCounted'
          ? notCountedRows(ctx, target.measure, target.denominator, current, page)
          : { rows: [], total: 0 }
        : null,
  };
}

export function deletePlan(ctx: Context, id: number): null {
  return moveToTrash(ctx, planRecords, id);
}

export function restorePlan(ctx: Context, id: number): PlanSummary {
  return summaryOf(ctx, restoreFromTrash(ctx, planRecords, id));
}

export function listPlanTrash(ctx: Context, input: { page: number; pageSize: number }): Page<DeletedPlan> {
  const { rows, total } = trashPage(ctx, planRecords, input);
  return { total, rows: rows.map((row) => ({ ...summaryOf(ctx, row), deletedAt: row.deletedAt })) };
}

// ---------------------------------------------------------------------------------------------
// The signed document

type AttachmentRow = typeof planAttachments.$inferSelect;

function placeOf(planId: number): AttachmentPlace {
  return { folder: ATTACHMENTS_FOLDER, ownerId: planId, noun: 'kế hoạch' };
}

export function addPlanAttachment(ctx: Context, input: { planId: number; fileId: string }): AgreementAttachment {
  const plan = requirePlan(ctx, input.planId);
  const kept = keepStagedFile(ctx, input.fileId, placeOf(plan.id));
  try {
    return atomically(ctx.db, () => {
      const row = ctx.db
        .insert(planAttachments)
        .values({ planId: plan.id, fileName: kept.fileName, storedName: kept.storedName, size: kept.size, mediaType: kept.mediaType, addedAt: timestamp(ctx) })
        .returning()
        .get();
      touch(ctx, plan.id);
      recordChange(ctx, 'plan', plan.id, 'update', { attachment: null }, { attachment: kept.fileName });
      return { id: row.id, fileName: row.fileName, size: row.size, mediaType: row.mediaType, addedAt: row.addedAt };
    });
  } catch (error) {
    forgetKeptFile(kept);
    throw error;
  }
}

function requireAttachment(ctx: Context, id: number): AttachmentRow {
  const row = ctx.db
    .select({ attachment: planAttachments })
    .from(planAttachments)
    .innerJoin(plans, eq(plans.id, planAttachments.planId))
    .where(and(eq(planAttachments.id, id), notInTrash(plans)))
    .get();
  if (!row) throw notFound('Không tìm thấy tệp đính kèm này; có thể đã bị xóa. Hãy tải lại trang.');
  return row.attachment;
}

function removePlanAttachment(ctx: Context, id: number): null {
  const row = requireAttachment(ctx, id);
  atomically(ctx.db, () => {
    ctx.db.delete(planAttachments).where(eq(planAttachments.id, id)).run();
    touch(ctx, row.planId);
    recordChange(ctx, 'plan', row.planId, 'update', { attachment: row.fileName }, { attachment: null });
  });
  removeAttachedFile(ctx, row.storedName, placeOf(row.planId));
  return null;
}

function readPlanAttachment(ctx: Context, input: { attachmentId: number; offset: number }): FileChunk {
  const row = requireAttachment(ctx, input.attachmentId);
  return readChunk(attachedFilePath(ctx, row, placeOf(row.planId)), row.fileName, input.offset);
}

async function openPlanAttachment(ctx: Context, attachmentId: number): Promise<{ opened: boolean }> {
  const row = requireAttachment(ctx, attachmentId);
  const path = attachedFilePath(ctx, row, placeOf(row.planId));
  if (!ctx.desktop) return { opened: false };
  await ctx.desktop.openPath(path);
  return { opened: true };
}

export const plansHandlers: HandlersFor<typeof plansContract> = {
  'plans:list': (ctx, input) => listPlans(ctx, input),
  'plans:get': (ctx, { id }) => getPlan(ctx, id),
  'plans:create': (ctx, input) => createPlan(ctx, input),
  'plans:update': (ctx, input) => updatePlan(ctx, input),
  'plans:delete': (ctx, { id }) => deletePlan(ctx, id),
  'plans:restore': (ctx, { id }) => restorePlan(ctx, id),
  'plans:trash': (ctx, input) => listPlanTrash(ctx, input),
  'plans:copy': (ctx, input) => copyPlan(ctx, input),
  'plans:typeActual': (ctx, input) => typeActual(ctx, input),
  'plans:drillDown': (ctx, input) => drillDown(ctx, input),
  'plans:inForce': (ctx) => planInForce(ctx),
  'plans:effectiveDefinition': (ctx) => effectiveClassifications(ctx),
  'plans:setEffectiveDefinition': (ctx, { classifications: chosen }) => setEffectiveClassifications(ctx, chosen),
  'plans:addAttachment': (ctx, input) => addPlanAttachment(ctx, input),
  'plans:removeAttachment': (ctx, { id }) => removePlanAttachment(ctx, id),
  'plans:readAttachment': (ctx, input) => readPlanAttachment(ctx, input),
  'plans:openAttachment': (ctx, { attachmentId }) => openPlanAttachment(ctx, attachmentId),
};
