/** Số liệu hằng năm: one row of yearly figures per organization per year, and the year grid. */
import { z } from 'zod';
import { classifications, organizationKinds, yearsLived } from '../domain';
import type { Classification, Organization, OrganizationKind, Page } from '../domain';
import { formatIsoDateVi } from '../text';
import { channel, code, pageInput, searchText } from './define';
import { placeFilter } from './organizations';

export interface YearlyFigures {
  organizationId: number;
  year: number;
  /** Thành viên chính thức. */
  membersOfficial: number | null;
  /** Thành viên liên kết. */
  membersAssociate: number | null;
  /** Lao động thường xuyên. */
  workers: number | null;
  /** Doanh thu, đồng. */
  revenue: number | null;
  /** Lợi nhuận, đồng; negative for a loss. */
  profit: number | null;
  /** Thu nhập bình quân của người lao động, đồng per person per month. */
  averageIncome: number | null;
  /** Tổng tài sản, đồng. */
  totalAssets: number | null;
  /** Cán bộ quản lý. */
  managers: number | null;
  /** Of the managers, how many hold a college degree or higher. */
  managersWithDegree: number | null;
  /** Xếp loại; null is Chưa xếp loại. */
  classification: Classification | null;
  /** Điểm xếp loại, out of 100. */
  score: number | null;
  updatedAt: string;
}

/** The figures a person enters, in the order the screens show them. */
export const figureFields = [
  'membersOfficial',
  'membersAssociate',
  'workers',
  'revenue',
  'profit',
  'averageIncome',
  'totalAssets',
  'managers',
  'managersWithDegree',
  'classification',
  'score',
] as const satisfies readonly (keyof YearlyFigures)[];
export type FigureField = (typeof figureFields)[number];

/**
 * Profit above revenue in one year: almost always a zero typed too many, yet it can be so (income
 * besides the revenue), so a person is asked before it is saved and it is never refused.
 */
export function profitAboveRevenue({ revenue, profit }: Pick<YearlyFigures, 'revenue' | 'profit'>): boolean {
  return revenue !== null && profit !== null && profit > revenue;
}

/**
 * The least amount in đồng a figure of money typed as a bare number is taken as (a sum of the year
 * from a million, an income a month from 100.000 đồng — as the Excel import doubts a sum under
 * them): offices copy these figures from paper reports written in triệu or nghìn đồng, so «1.200»
 * typed for a revenue of 1,2 tỷ, or «-50» for a loss of 50 triệu, would be stored as 1.200 and -50
 * đồng. Less is refused with what to type, never changed: written with its multiple («1.200
 * triệu») or with đồng («1.200 đ»), the person has said which it is, and it is taken.
 */
export const leastBareAmount = { revenue: 1_000_000, profit: 1_000_000, totalAssets: 1_000_000, averageIncome: 100_000 } as const satisfies Partial<Record<FigureField, number>>;

/**
 * A bare amount `value` of `field` too small to be meant in đồng: the multiple (1.000 or 1.000.000)
 * it was most likely written in, for the message; null when it is likely (0, a count, a large sum).
 */
export function doubtfulBareAmount(field: string, value: number): 1_000 | 1_000_000 | null {
  const least: number | undefined = Object.hasOwn(leastBareAmount, field) ? leastBareAmount[field as keyof typeof leastBareAmount] : undefined;
  const amount = Math.abs(value);
  if (least === undefined || amount === 0 || amount >= least) return null;
  // An income of «3.800» was written in nghìn; a sum of the year, or «4» of income, in triệu.
  return field === 'averageIncome' && amount * 1_000 >= least ? 1_000 : 1_000_000;
}

/**
 * Why the organization can have no figures for the year, by the rule `yearsLived` says: it was
 * founded after the year or had ended by its last day. Null when it existed in the year. The backend
 * refuses a save or an import's row with it (`yearOutsideLife`), and the figures form says it at
 * Năm before anything is sent or asked.
 */
export function yearOutsideLifeReason(organization: Pick<Organization, 'name' | 'foundedOn' | 'endedOn'>, year: number): string | null {
  const { name, foundedOn, endedOn } = organization;
  const { first, last } = yearsLived(organization);
  if (endedOn !== null && last !== null && year > last) return `${name} đã chấm dứt hoạt động từ ngày ${formatIsoDateVi(endedOn)}, nên không có số liệu năm ${year}.`;
  if (foundedOn !== null && first !== null && year < first) return `${name} thành lập ngày ${formatIsoDateVi(foundedOn)}, nên không có số liệu năm ${year}.`;
  return null;
}

/** The numeric ones: every figure but the classification. */
export const numericFigureFields = figureFields.filter(
  (field): field is Exclude<FigureField, 'classification'> => field !== 'classification',
);

/** One organization on the year grid (Cập nhật số liệu năm), with last year's figures beside. */
export interface FiguresGridRow {
  organizationId: number;
  name: string;
  kind: OrganizationKind;
  communeName: string;
  /** The province's full name when it is not the alliance's (Ngoài tỉnh), null when it is. */
  otherProvinceName: string | null;
  figures: YearlyFigures | null;
  previous: YearlyFigures | null;
}

/**
 * A field of a PATCH: absent leaves the stored value, null clears it. (optionalCount in define.ts
 * turns absent into null, which would clear, so the figures build their own.)
 */
function patchCount(label: string) {
  return z
    .number({ error: `${label} phải là một số.` })
    .int({ error: `${label} phải là số nguyên.` })
    .min(0, { error: `${label} không được âm.` })
    .max(Number.MAX_SAFE_INTEGER, { error: `${label} lớn quá mức cho phép.` })
    .nullable()
    .optional();
}

const organizationId = z.number({ error: 'Chưa chọn tổ chức.' }).int().positive({ error: 'Chưa chọn tổ chức.' });
/** The first year figures are kept for. */
export const FIRST_FIGURES_YEAR = 2000;

/**
 * Why figures cannot be kept for `year` when it is `thisYear`, or null: a year before the first
 * figures are kept for, or one not begun (a year's figures are its totals, and the statistics of
 * a year to come would count them). The backend asks it by its clock for a save and an import's
 * row, the figures form by the computer's before sending.
 */
export function figuresYearRefusal(year: number, thisYear: number): string | null {
  if (year > thisYear) return `Năm ${year} chưa bắt đầu, nên chưa có số liệu; chỉ nhập được số liệu đến năm ${thisYear}.`;
  if (year < FIRST_FIGURES_YEAR) return `Số liệu hằng năm chỉ lưu từ năm ${FIRST_FIGURES_YEAR}, không nhận năm ${year}.`;
  return null;
}

/** The upper bound (this year) depends on the clock, so the service checks the range (`figuresYearRefusal`). */
const year = z.number({ error: 'Năm phải là một số.' }).int({ error: 'Năm phải là số nguyên.' });

export const figuresSaveInput = z.object({
  organizationId,
  year,
  membersOfficial: patchCount('Số thành viên chính thức'),
  membersAssociate: patchCount('Số thành viên liên kết'),
  workers: patchCount('Số lao động thường xuyên'),
  revenue: patchCount('Doanh thu'),
  profit: z
    .number({ error: 'Lợi nhuận phải là một số.' })
    .int({ error: 'Lợi nhuận phải là số nguyên (đồng).' })
    .min(Number.MIN_SAFE_INTEGER, { error: 'Lợi nhuận vượt quá mức cho phép.' })
    .max(Number.MAX_SAFE_INTEGER, { error: 'Lợi nhuận vượt quá mức cho phép.' })
    .nullable()
    .optional(),
  averageIncome: patchCount('Thu nhập bình quân'),
  totalAssets: patchCount('Tổng tài sản'),
  managers: patchCount('Số cán bộ quản lý'),
  managersWithDegree: patchCount('Số cán bộ quản lý có trình độ cao đẳng trở lên'),
  classification: z.enum(classifications, { error: 'Xếp loại phải là Tốt, Khá, Trung bình hoặc Yếu.' }).nullable().optional(),
  score: z
    .number({ error: 'Điểm xếp loại phải là một số.' })
    .int({ error: 'Điểm xếp loại phải là số nguyên.' })
    .min(0, { error: 'Điểm xếp loại phải từ 0 đến 100.' })
    .max(100, { error: 'Điểm xếp loại phải từ 0 đến 100.' })
    .nullable()
    .optional(),
});
export type FiguresSaveInput = z.input<typeof figuresSaveInput>;

export const figuresGridInput = z.object({
  year,
  query: searchText().optional(),
  kind: z.enum(organizationKinds).optional(),
  communeCode: code('xã, phường', 5).optional(),
  place: placeFilter.optional(),
  ...pageInput,
});
export type FiguresGridInput = z.input<typeof figuresGridInput>;

export const figuresContract = {
  /** Every year of one organization, year ascending. */
  'figures:list': channel<YearlyFigures[]>()(z.object({ organizationId })),
  /** Creates or updates one year; only the fields present change. */
  'figures:save': channel<YearlyFigures>()(figuresSaveInput),
  'figures:delete': channel<null>()(z.object({ organizationId, year })),
  /** The organizations that exist in the year (its statistics count them), by name, with that year's and the previous year's figures. */
  'figures:grid': channel<Page<FiguresGridRow>>()(figuresGridInput),
};
