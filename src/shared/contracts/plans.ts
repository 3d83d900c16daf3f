/** Kế hoạch and chỉ tiêu: plans, their targets, the actuals the app computes and their drill-down. */
import { z } from 'zod';
import { organizationKinds, sectorGroups, type Classification, type OrganizationKind, type Page, type SectorGroup } from '../domain';
import {
  comparisons,
  effectiveClassificationsSchema,
  measureSchema,
  planKinds,
  planStatuses,
  targetUnits,
  type Comparison,
  type Measure,
  type PlanKind,
  type PlanStatus,
  type TargetStatus,
  type TargetUnit,
  moneyMetrics,
  volumeMetrics,
} from '../plans';
import { formatIsoDateVi } from '../text';
import type { AgreementAttachment } from './agreements';
import { channel, code, confirmedSimilarIds, isoDate, none, optionalIsoDate, optionalText, pageInput, requiredText } from './define';
import { fileId, type FileChunk } from './files';
import type { FiguresPending } from './statistics';

const id = z.number({ error: 'Chưa chọn.' }).int().positive();

const targetValue = (label: string) =>
  z
    .number({ error: `${label} phải là một số.` })
    .min(0, { error: `${label} không được âm.` })
    .max(1e15, { error: `${label} lớn quá mức cho phép.` });

export const targetInput = z
  .object({
    /** The target being edited; absent for a new one. */
    id: id.optional(),
    title: requiredText('Nội dung chỉ tiêu', 500),
    comparison: z.enum(comparisons, { error: 'Chưa chọn so sánh (ít nhất, tối đa, đúng bằng).' }),
    value: targetValue('Giá trị chỉ tiêu'),
    unit: z.enum(targetUnits, { error: 'Chưa chọn đơn vị của chỉ tiêu.' }),
    unitLabel: optionalText('Đơn vị tính', 30),
    /** Null: no measure covers it; its actual is typed. */
    measure: measureSchema.nullable().default(null),
    denominator: measureSchema.nullable().default(null),
    /**
     * For a typed target (no measure): whether its actual builds up over the period; unsaid, as
     * `typedCumulativeByDefault` says for its unit. A measured target's follows from its metric.
     */
    typedCumulative: z.boolean().optional(),
    comment: optionalText('Nhận xét', 1000),
  })
  .superRefine((value, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: path.split('.'), message });
    if (value.unit === 'percent' && value.value > 100) issue('value', 'Tỷ lệ không được quá 100%.');
    if (value.unit === 'percent' && value.measure !== null && value.denominator === null) {
      issue('denominator', 'Chỉ tiêu tỷ lệ (%) cần chọn mẫu số: tỷ lệ trên tổng số nào.');
    }
    if (value.unit !== 'percent' && value.denominator !== null) issue('denominator', 'Chỉ chỉ tiêu tỷ lệ (%) mới có mẫu số.');
    const volume = value.measure !== null && volumeMetrics.includes(value.measure.metric);
    // A volume's unit label is its unit's name, which the form fills: a missing unit is said of the volume's unit.
    if (value.unit === 'quantity' && value.unitLabel === '' && !volume) issue('unitLabel', 'Chỉ tiêu theo khối lượng cần ghi đơn vị tính (tấn, lít, hộp…).');
    // A volume is in one unit: the target's, chosen from the units the office converts between.
    if (value.measure && volume) {
      if (value.unit !== 'quantity') issue('unit', 'Sản lượng kết nối, đã giao là chỉ tiêu theo khối lượng: hãy chọn đơn vị «Khối lượng».');
      if (value.measure.unitCode === null) issue('measure.unitCode', 'Chưa chọn đơn vị tính của sản lượng (tấn, kg, lít…).');
    }
    // Revenue, income and agreements' value are in đồng: the target is read, judged and reported as money.
    if (value.measure && moneyMetrics.includes(value.measure.metric) && value.unit !== 'money') {
      issue('unit', 'Doanh thu, thu nhập bình quân, giá trị thỏa thuận là chỉ tiêu bằng tiền: hãy chọn đơn vị «Số tiền (đồng)».');
    }
    if (value.denominator && volumeMetrics.includes(value.denominator.metric)) {
      issue('denominator', 'Mẫu số của tỷ lệ là số tổ chức, sự kiện hoặc thỏa thuận, không phải sản lượng.');
    }
  });
export type TargetInput = z.input<typeof targetInput>;
export type ParsedTargetInput = z.output<typeof targetInput>;

const planFields = {
  kind: z.enum(planKinds, { error: 'Chưa chọn loại kế hoạch.' }),
  number: optionalText('Số văn bản', 100),
  title: requiredText('Tên kế hoạch', 500),
  issuedOn: optionalIsoDate('Ngày ban hành'),
  issuer: optionalText('Cơ quan ban hành', 300),
  periodFrom: isoDate('Từ ngày'),
  periodTo: isoDate('Đến ngày'),
  communeCodes: z.array(code('xã, phường', 5)).max(200, { error: 'Một kế hoạch ghi tối đa 200 xã, phường.' }).default([]),
  organizationKinds: z.array(z.enum(organizationKinds)).max(organizationKinds.length).default([]),
  sectorGroup: z.enum(sectorGroups).nullable().default(null),
  status: z.enum(planStatuses, { error: 'Chưa chọn tình trạng của kế hoạch.' }),
  note: optionalText('Ghi chú', 2000),
  targets: z.array(targetInput).max(100, { error: 'Một kế hoạch ghi tối đa 100 chỉ tiêu.' }),
  /** The year plans of the same year and scope (communes, kinds, sector) the person was shown. */
  confirmedSimilarIds,
};

type PlanShape = z.output<z.ZodObject<typeof planFields>>;

function planRules(value: PlanShape, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (value.periodTo < value.periodFrom) issue('periodTo', `Đến ngày không được trước Từ ngày (${formatIsoDateVi(value.periodFrom)}).`);
  if (value.kind === 'year' && value.periodFrom.slice(0, 4) !== value.periodTo.slice(0, 4)) {
    issue('periodTo', 'Kế hoạch năm bắt đầu và kết thúc trong cùng một năm; kế hoạch nhiều năm hãy chọn loại «Chương trình, đề án».');
  }
}

export const planInput = z.object(planFields).superRefine(planRules);
export type PlanInput = z.input<typeof planInput>;
export type ParsedPlanInput = z.output<typeof planInput>;

export const planUpdateInput = z.object({ id, ...planFields }).superRefine(planRules);
export type PlanUpdateInput = z.input<typeof planUpdateInput>;

export const planListInput = z.object({
  search: z.string().max(200).optional().default(''),
  year: z.number().int().min(1900).max(2200).optional(),
  ...pageInput,
});
export type PlanListInput = z.input<typeof planListInput>;

export interface PlanSummary {
  id: number;
  kind: PlanKind;
  number: string;
  title: string;
  issuedOn: string | null;
  issuer: string;
  periodFrom: string;
  periodTo: string;
  status: PlanStatus;
  /** Issued, and today falls in its period. */
  inForce: boolean;
  targetCount: number;
}

export interface DeletedPlan extends PlanSummary {
  deletedAt: string;
}

/** A target with its actual as computed today (or typed), and where it stands. */
export interface TargetProgress {
  id: number;
  position: number;
  title: string;
  comparison: Comparison;
  value: number;
  unit: TargetUnit;
  unitLabel: string;
  measure: Measure | null;
  denominator: Measure | null;
  comment: string;
  /**
   * Whether it builds up over the period, so that while the period runs it is judged against the
   * share of the period gone: by its metric, or as the person said of a typed one.
   */
  cumulative: boolean;
  /** Computed live from the data; for a target no measure covers, the typed one (or null). */
  actual: number | null;
  /** For a share: the numerator and the denominator the percentage was computed from. */
  numerator: number | null;
  denominatorValue: number | null;
  /** The same measure over the year (or period) before. */
  previous: number | null;
  /** Actual as a percentage of the target's value; null when the value is 0 or the actual unknown. */
  percentOfTarget: number | null;
  status: TargetStatus;
  /** Whether the actual was typed, with who typed it, when, and the note. */
  typed: { note: string; by: string; at: string | null } | null;
}

export interface PlanDetail extends PlanSummary {
  communeCodes: string[];
  /** Names of the communes, in the order of `communeCodes`. */
  communeNames: string[];
  organizationKinds: OrganizationKind[];
  sectorGroup: SectorGroup | null;
  note: string;
  copiedFromId: number | null;
  createdAt: string;
  updatedAt: string;
  /** The day the actuals are taken on: today, or the period's last day once it is over. */
  asOf: string;
  /** 0..1: the share of the period gone, the pace that "on track" is measured against. */
  elapsed: number;
  /**
   * The year whose yearly figures the figures' measures read: the newest up to `asOf`'s whose figures
   * are reported (core/services/figureYear.ts).
   */
  figureYear: number;
  /** A newer year whose figures are being entered, read once enough have reported them. */
  figuresPending: FiguresPending | null;
  /** What counts as operating effectively, as set in Cài đặt. */
  effectiveClassifications: Classification[];
  targets: TargetProgress[];
  attachments: AgreementAttachment[];
}

/** One row of a drill-down: an organization, an event or an agreement, with its figure when it has one. */
export interface DrillRow {
  /** An offer stands for a connection made of it (a connection has no page of its own). */
  kind: 'organization' | 'event' | 'agreement' | 'offer';
  id: number;
  name: string;
  /** Commune of an organization, kind and date of an event, number of an agreement, buyer and day of a connection. */
  detail: string;
  /** The figure it adds (members, revenue, agreement value …); null for a plain count. */
  value: number | null;
}

export interface TargetDrillDown {
  /** What counts (the numerator of a share). */
  counted: Page<DrillRow>;
  /** For a share over organizations: those in the denominator that do not count. */
  notCounted: Page<DrillRow> | null;
}

export const drillDownInput = z.object({
  targetId: id,
  /** The counted, or (for a share) those of the denominator that do not count. */
  side: z.enum(['counted', 'notCounted']).default('counted'),
  ...pageInput,
});

/** The plan in force today with its targets' progress, for Tổng quan. */
export type PlanInForce = Pick<PlanDetail, 'id' | 'title' | 'number' | 'periodFrom' | 'periodTo' | 'elapsed' | 'targets'>;

export const typedActualInput = z.object({
  targetId: id,
  actual: z.number({ error: 'Số thực hiện phải là một số.' }).min(0, { error: 'Số thực hiện không được âm.' }).max(1e15).nullable(),
  note: optionalText('Ghi chú', 1000),
  by: requiredText('Người nhập', 200),
});

export const copyPlanInput = z.object({
  id,
  /** The year the copy is for: its period moves by whole years to land there. */
  year: z.number({ error: 'Năm phải là một số.' }).int().min(1900).max(2200),
  /** The year plans of that year and the same scope the person was shown, for the copy. */
  confirmedSimilarIds,
});

export const plansContract = {
  'plans:list': channel<Page<PlanSummary>>()(planListInput),
  'plans:get': channel<PlanDetail>()(z.object({ id })),
  'plans:create': channel<PlanSummary>()(planInput),
  'plans:update': channel<PlanSummary>()(planUpdateInput),
  'plans:delete': channel<null>()(z.object({ id })),
  'plans:restore': channel<PlanSummary>()(z.object({ id })),
  'plans:trash': channel<Page<DeletedPlan>>()(z.object({ ...pageInput })),
  /** A copy of a plan for another year: same targets and values (to adjust), period moved, a draft. */
  'plans:copy': channel<PlanSummary>()(copyPlanInput),
  /** Types the actual of a target no measure covers. */
  'plans:typeActual': channel<null>()(typedActualInput),
  'plans:drillDown': channel<TargetDrillDown>()(drillDownInput),
  /** The plan in force today (issued, today in its period; of several, the one ending first, then the widest), or null. */
  'plans:inForce': channel<PlanInForce | null>()(none),
  'plans:effectiveDefinition': channel<Classification[]>()(none),
  'plans:setEffectiveDefinition': channel<Classification[]>()(z.object({ classifications: effectiveClassificationsSchema })),
  'plans:addAttachment': channel<AgreementAttachment>()(z.object({ planId: id, fileId })),
  'plans:removeAttachment': channel<null>()(z.object({ id })),
  'plans:readAttachment': channel<FileChunk>()(z.object({ attachmentId: id, offset: z.number().int().min(0).default(0) })),
  'plans:openAttachment': channel<{ opened: boolean }>()(z.object({ attachmentId: id })),
};
