/**
 * What a report layout (resources/report-layouts/<report>.json) may say, checked when it is
 * loaded. The national form has changed over the years, so the titles, the columns, their headers
 * (one path per column: ["Số thành viên", "Chính thức"] makes two header rows, merged where
 * neighbours share a level), widths, number formats, totals and the words shown for coded values
 * are data; the writer (`writeReport`) only interprets them.
 */
import { z } from 'zod';

/**
 * How a column's values are written:
 * - `index`: the item's number (STT), counted by the writer; a row whose value here is null
 *   continues the item above (another unit of it) and is left unnumbered;
 * - `text`: text, wrapped; coded values read through `labels`; never a formula;
 * - `count`, `money`: whole numbers with thousands separators (money in đồng);
 * - `quantity`: up to three decimals, always beside a column naming its unit;
 * - `percent`: a share given as 0..100, shown with one decimal and a % sign;
 * - `date`: an ISO date written as a real Excel date, shown dd/mm/yyyy.
 */
export const columnFormats = ['index', 'text', 'count', 'money', 'quantity', 'percent', 'date'] as const;
export type ColumnFormat = (typeof columnFormats)[number];

export const layoutColumn = z.object({
  key: z.string().min(1),
  /** The header from the top row down; a path shorter than the deepest is merged downwards. */
  header: z.array(z.string().min(1)).min(1),
  /** In Excel's character widths. */
  width: z.number().positive().max(100),
  format: z.enum(columnFormats),
  /**
   * `sum`: the totals row adds the column up; `given`: the data supplies the total (an average, a
   * count without repeats); `none`: blank. The caption fills the columns before the first total.
   */
  total: z.enum(['sum', 'given', 'none']).default('none'),
  /** Words shown for coded values ("htx" → "HTX"), as on the screens. */
  labels: z.record(z.string(), z.string()).optional(),
  /**
   * In a list's layout, the list's column (see contracts/reports.ts) this one is written for, when
   * a column on screen shows several values (Thời gian: from and to); absent: the column `key`.
   * Several: written once when any of them is shown (the year that dates both the members and
   * the revenue beside it).
   */
  listColumn: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
});
export type LayoutColumn = z.output<typeof layoutColumn>;

export const layoutSheet = z.object({
  /** The sheet's tab name (at most 31 characters, Excel's limit). */
  name: z.string().min(1).max(31),
  /** Which table of the report's data fills it. */
  table: z.string().min(1),
  /** A heading line under the report's title, naming what this table counts (when there are several). */
  heading: z.string().min(1).optional(),
  columns: z.array(layoutColumn).min(2),
  /** Caption of the totals row; absent: no totals row. */
  totalsLabel: z.string().optional(),
  /** A line under the table (a note on how a figure is counted). */
  note: z.string().optional(),
});
export type LayoutSheet = z.output<typeof layoutSheet>;

export const reportLayout = z.object({
  /** The title, centred above the table, in capitals as administrative documents write it. */
  title: z.string().min(1),
  orientation: z.enum(['portrait', 'landscape']),
  /** The title of the person who signs ("CHỦ TỊCH"). */
  signerTitle: z.string().min(1),
  /** Nơi nhận, bottom left: who receives a copy ("- Liên minh Hợp tác xã Việt Nam;"). */
  recipients: z.array(z.string().min(1)).default([]),
  sheets: z.array(layoutSheet).min(1),
});
export type ReportLayout = z.output<typeof reportLayout>;
