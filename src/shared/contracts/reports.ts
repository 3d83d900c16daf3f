/**
 * Xuất Excel and Báo cáo: a list exported as it is shown, and the reports to the national
 * alliance, each written as a workbook by a job (see contracts/jobs.ts) and then read back as a
 * staged file (see contracts/files.ts).
 */
import { z } from 'zod';
import { agreementListInput } from './agreements';
import { channel, isoDate, listOf, none } from './define';
import { eventListInput } from './events';
import { organizationListInput } from './organizations';
import { partnerListInput } from './partners';
import { planListInput } from './plans';
import { connectionListInput, demandListInput, offerListInput } from './supply';

/** The reports to the national alliance, one layout each in resources/report-layouts/<report>.json. */
export const reportKinds = ['register-statistics', 'trade-promotion', 'agreements', 'register', 'programme-results', 'supply-bulletin'] as const;
export type ReportKind = (typeof reportKinds)[number];

/** What a report is asked for: a year, a period from–to, or the register as it stands today. */
export type ReportPeriodKind = 'year' | 'range' | 'today';

export interface ReportInfo {
  report: ReportKind;
  /** The layout's title, as printed on the report. */
  title: string;
  period: ReportPeriodKind;
  /** The sheets' headings, so the page can say what the workbook holds. */
  sheets: string[];
  /** It can be asked for one programme of supply–demand connection (or for all). */
  byProgramme: boolean;
}

/**
 * The columns of each list that Xuất Excel can write, named as the list names them and in the
 * order the list shows them. A list's layout (resources/report-layouts) says which of its columns
 * each one fills (`listColumn`); the list's name or title is always written.
 */
export const registerColumns = [
  'name',
  'kind',
  'registrationNo',
  'communeName',
  'street',
  'sectorCode',
  'foundedOn',
  'representative',
  'phone',
  'email',
  'membersOfficial',
  'revenue',
  'isMember',
  'status',
] as const;
export type RegisterColumn = (typeof registerColumns)[number];
export const partnerListColumns = ['name', 'kind', 'province', 'contact', 'phone', 'buys'] as const;
export type PartnerListColumn = (typeof partnerListColumns)[number];
export const eventListColumns = ['dates', 'title', 'kind', 'place', 'participants'] as const;
export type EventListColumn = (typeof eventListColumns)[number];
export const agreementListColumns = ['number', 'title', 'kind', 'signedOn', 'parties', 'value', 'fulfilment', 'status'] as const;
/** The plans list's columns (Kế hoạch, chỉ tiêu), in the order shown. */
export const planListColumns = ['period', 'title', 'kind', 'issuer', 'status'] as const;
export type AgreementListColumn = (typeof agreementListColumns)[number];
export const offerListColumns = ['product', 'organization', 'quantity', 'window', 'price', 'place', 'status'] as const;
export type OfferListColumn = (typeof offerListColumns)[number];
export const demandListColumns = ['product', 'buyer', 'quantity', 'period', 'price', 'place', 'status'] as const;
export type DemandListColumn = (typeof demandListColumns)[number];
export const connectionListColumns = ['connectedOn', 'product', 'seller', 'buyer', 'quantity', 'value', 'channel', 'agreement'] as const;
export type ConnectionListColumn = (typeof connectionListColumns)[number];

const year = z
  .number({ error: 'Năm báo cáo phải là một số.' })
  .int({ error: 'Năm báo cáo phải là số nguyên.' })
  .min(1900, { error: 'Năm báo cáo không hợp lệ.' })
  .max(2200, { error: 'Năm báo cáo không hợp lệ.' });

export const reportRunInput = z
  .object({
    report: z.enum(reportKinds, { error: 'Chưa chọn báo cáo.' }),
    /** For a report by year (thống kê). */
    year: year.optional(),
    /** For a report over a period (xúc tiến thương mại, thỏa thuận). */
    from: isoDate('Từ ngày').optional(),
    to: isoDate('Đến ngày').optional(),
    /** For the results of supply–demand connection and the supply bulletin: one programme; absent, all. */
    programmeId: z.number().int().positive().optional(),
    /**
     * Số văn bản: the number the office gives the report in its register of outgoing documents,
     * written before "/BC-…"; blank leaves dots to fill in by hand once it is numbered.
     */
    documentNumber: z
      .string({ error: 'Số văn bản: cần nhập chữ hoặc số.' })
      .optional()
      .transform((value) => (value ?? '').trim())
      .pipe(
        z
          .string()
          .max(12, { error: 'Số văn bản dài quá 12 ký tự (chỉ ghi phần số, ví dụ 125).' })
          .regex(/^[0-9A-Za-zĐđ.-]*$/, { error: 'Số văn bản chỉ ghi phần số trước «/BC-…», ví dụ 125 — không gồm dấu «/» hay khoảng trắng.' }),
      ),
  })
  .superRefine((value, ctx) => {
    if (value.report === 'register-statistics' && value.year === undefined) {
      ctx.addIssue({ code: 'custom', path: ['year'], message: 'Chọn năm báo cáo.' });
    }
    if (value.report === 'trade-promotion' || value.report === 'agreements' || value.report === 'programme-results' || value.report === 'supply-bulletin') {
      if (value.from === undefined) ctx.addIssue({ code: 'custom', path: ['from'], message: 'Chọn ngày đầu kỳ báo cáo (Từ ngày).' });
      if (value.to === undefined) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Chọn ngày cuối kỳ báo cáo (Đến ngày).' });
      if (value.from !== undefined && value.to !== undefined && value.to < value.from) {
        ctx.addIssue({ code: 'custom', path: ['to'], message: 'Đến ngày không được trước Từ ngày.' });
      }
    }
  });
export type ReportRunInput = z.input<typeof reportRunInput>;

/** The columns shown, in their order (the name or title may be left out: it is always written). */
function shownColumns<const Column extends string>(columns: readonly [Column, ...Column[]]) {
  return listOf(z.enum(columns, { error: 'Cột này không có trong danh sách.' }), columns.length, 'cột');
}

/**
 * One list as it is shown: which list, its request as the list sends it (search, filters, sort;
 * its paging is ignored) and the columns shown.
 */
export const listExportInput = z.discriminatedUnion(
  'list',
  [
    z.object({ list: z.literal('organizations'), input: organizationListInput, columns: shownColumns(registerColumns) }),
    z.object({ list: z.literal('partners'), input: partnerListInput, columns: shownColumns(partnerListColumns) }),
    z.object({ list: z.literal('events'), input: eventListInput, columns: shownColumns(eventListColumns) }),
    z.object({ list: z.literal('agreements'), input: agreementListInput, columns: shownColumns(agreementListColumns) }),
    z.object({ list: z.literal('offers'), input: offerListInput, columns: shownColumns(offerListColumns) }),
    z.object({ list: z.literal('demands'), input: demandListInput, columns: shownColumns(demandListColumns) }),
    z.object({ list: z.literal('connections'), input: connectionListInput, columns: shownColumns(connectionListColumns) }),
    z.object({ list: z.literal('plans'), input: planListInput, columns: shownColumns(planListColumns) }),
  ],
  { error: 'Chưa chọn danh sách để xuất Excel.' },
);
export type ListExportInput = z.input<typeof listExportInput>;

/** A workbook made by a job, staged for reading with 'files:read'. */
export interface StagedReport {
  fileId: string;
  fileName: string;
}

const jobId = z.uuid({ error: 'Mã công việc không hợp lệ.' });

export const reportsContract = {
  /** The reports there are, for the Báo cáo page. */
  'reports:layouts': channel<ReportInfo[]>()(none),
  /** Starts writing a report; follow it with 'jobs:status'. */
  'reports:run': channel<{ jobId: string }>()(reportRunInput),
  /** Starts exporting a list (Thành viên, Đối tác, Sự kiện, Thỏa thuận) as it is shown. */
  'reports:exportList': channel<{ jobId: string }>()(listExportInput),
  /** Starts the year-end report of a plan: Báo cáo kết quả thực hiện kế hoạch. */
  'reports:planResults': channel<{ jobId: string }>()(z.object({ planId: z.number({ error: 'Chưa chọn kế hoạch.' }).int().positive() })),
  /** The workbook of a finished workbook job: a report, a list export, an import's failed rows. */
  'reports:file': channel<StagedReport>()(z.object({ jobId })),
};
