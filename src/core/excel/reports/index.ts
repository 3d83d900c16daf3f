/**
 * The reports to the national alliance and the list export: for each, its layout, its period, its
 * file name and its data, handed to the one writer.
 */
import type { z } from 'zod';
import type { listExportInput, RegisterColumn, reportRunInput, ReportInfo, ReportKind, ReportPeriodKind } from '../../../shared/contracts/reports';
import { todayIso, type Context } from '../../context';
import type { LayoutColumn, LayoutSheet } from '../write/layout';
import type { ReportToWrite, SheetData } from '../write/writer';
import { agreementsTables } from './agreements';
import { periodBetween, periodOfYear, periodUntil, reportFrame } from './frame';
import { layoutOf, type LayoutName } from './layouts';
import { agreementTable, eventTable, partnerTable, planTable } from './lists';
import { registerTable } from './register';
import { registerStatisticsPeriod, registerStatisticsTables } from './registerStatistics';
import { tradePromotionTables } from './tradePromotion';
import { connectionTable, demandTable, offerTable, programmeResultsTables, supplyBulletinTable } from './supply';
import { getProgramme } from '../../services/programmes';

/** "Chương trình «Kết nối cung – cầu 2026» (số 15/CTr-LMHTX)", as the report's period line names it. */
function programmeName(ctx: Context, id: number): string {
  const programme = getProgramme(ctx, id);
  return `Chương trình «${programme.name}»${programme.decisionNo ? ` (số ${programme.decisionNo})` : ''}`;
}
import { planResultsTables } from './planResults';
import { getPlan } from '../../services/plans';
import { formatIsoDateVi } from '../../../shared/text';
import { getAlliance } from '../../services/alliance';

const periodKinds: Record<ReportKind, ReportPeriodKind> = {
  'register-statistics': 'year',
  'trade-promotion': 'range',
  agreements: 'range',
  register: 'today',
  'programme-results': 'range',
  'supply-bulletin': 'range',
};

/** The reports that can be asked for one programme of supply–demand connection. */
const byProgramme: readonly ReportKind[] = ['programme-results', 'supply-bulletin'];

export function reportCatalogue(): ReportInfo[] {
  return Object.entries(periodKinds).map(([report, period]) => {
    const layout = layoutOf(report as ReportKind);
    return {
      report: report as ReportKind,
      title: layout.title,
      period,
      sheets: layout.sheets.map((sheet) => sheet.heading ?? sheet.name),
      byProgramme: byProgramme.includes(report as ReportKind),
    };
  });
}

/** A report ready to write, and the name its file is given (ASCII, so every system keeps it intact). */
export interface PreparedReport {
  fileName: string;
  /** Builds what to write; called inside the job, since reading the data takes time. */
  build: () => ReportToWrite;
}

/** Checks what can be checked at once (the alliance's record) and prepares the report. */
export function prepareReport(ctx: Context, input: z.output<typeof reportRunInput>): PreparedReport {
  const layout = layoutOf(input.report);
  const today = todayIso(ctx);
  const { year = 0, from = today, to = today, documentNumber } = input;
  switch (input.report) {
    case 'register-statistics': {
      const frame = reportFrame(ctx, periodOfYear(year), documentNumber);
      return {
        fileName: `Bao-cao-thong-ke-HTX-${year}.xlsx`,
        // The period line says so when the year's figures are not yet reported: read in the job.
        build: () => ({ layout, frame: { ...frame, period: registerStatisticsPeriod(ctx, year) }, tables: registerStatisticsTables(ctx, year) }),
      };
    }
    case 'trade-promotion': {
      const frame = reportFrame(ctx, periodBetween(from, to), documentNumber);
      return {
        fileName: `Bao-cao-xuc-tien-thuong-mai-${from}-den-${to}.xlsx`,
        build: () => ({ layout, frame, tables: tradePromotionTables(ctx, from, to) }),
      };
    }
    case 'agreements': {
      const frame = reportFrame(ctx, periodBetween(from, to), documentNumber);
      return { fileName: `Bao-cao-thoa-thuan-${from}-den-${to}.xlsx`, build: () => ({ layout, frame, tables: agreementsTables(ctx, from, to) }) };
    }
    case 'programme-results':
    case 'supply-bulletin': {
      const programmeId = input.programmeId ?? null;
      const programme = programmeId === null ? null : programmeName(ctx, programmeId);
      const period = periodBetween(from, to);
      const frame = reportFrame(ctx, programme === null ? period : `${programme}; ${period.charAt(0).toLowerCase()}${period.slice(1)}`, documentNumber);
      if (input.report === 'supply-bulletin') {
        return {
          fileName: `Ban-tin-nguon-cung-${from}-den-${to}.xlsx`,
          build: () => ({ layout, frame, tables: { offers: supplyBulletinTable(ctx, { programmeId, from, to }) } }),
        };
      }
      return {
        fileName: `Bao-cao-ket-noi-cung-cau-${from}-den-${to}.xlsx`,
        build: () => ({ layout, frame, tables: programmeResultsTables(ctx, { programmeId, from, to }) }),
      };
    }
    case 'register': {
      const frame = reportFrame(ctx, periodUntil(today), documentNumber);
      // By name: the one order an index gives, so a register of any size streams without a sort.
      const list = { sort: { by: 'name', direction: 'asc' }, certificationValid: false, page: 1, pageSize: 1 } as const;
      return {
        fileName: `Danh-sach-to-chuc-KTTT-${today}.xlsx`,
        build: () => ({
          layout,
          frame,
          tables: { organizations: registerTable(ctx, list) },
          columns: (sheet) => shownLayoutColumns(sheet, registerReportColumns, 'name'),
        }),
      };
    }
  }
}

/**
 * The register report's columns, the register as the national alliance asks for it; the layout's
 * others (the representative, how to reach it, its latest figures) are written only by the list's
 * export, when shown.
 */
const registerReportColumns: readonly RegisterColumn[] = ['name', 'kind', 'registrationNo', 'communeName', 'street', 'sectorCode', 'foundedOn', 'isMember', 'status'];

/**
 * The columns a list export writes: STT, then, for each column shown in its order, the layout's
 * columns written for it (`listColumn`, or the same key), each once; the list's name or title comes
 * first when the request leaves it out, since a row without it says nothing.
 */
function shownLayoutColumns(sheet: LayoutSheet, shown: readonly string[], always: string): LayoutColumn[] {
  const wanted = [...new Set(shown.includes(always) ? shown : [always, ...shown])];
  const index = sheet.columns.filter((column) => column.format === 'index');
  const writtenFor = (column: LayoutColumn) => [column.listColumn ?? column.key].flat();
  const written = wanted.flatMap((listColumn) => {
    const columns = sheet.columns.filter((column) => writtenFor(column).includes(listColumn) && column.format !== 'index');
    // A layout edited wrongly fails plainly, not with a column silently missing.
    if (columns.length === 0) throw new Error(`The layout of the sheet "${sheet.name}" has no column for the list's column "${listColumn}".`);
    return columns;
  });
  return [...index, ...new Set(written)];
}

/** A list as shown: its request, its rows read through the list's own query, only the columns shown. */
export function prepareListExport(ctx: Context, input: z.output<typeof listExportInput>): PreparedReport {
  const today = todayIso(ctx);
  const frame = reportFrame(ctx, periodUntil(today));
  const exported = (layoutName: LayoutName, fileStem: string, always: string, tables: () => Record<string, SheetData>): PreparedReport => {
    const layout = layoutOf(layoutName);
    // Checked now, so a request the layout cannot write is refused before a job starts.
    for (const sheet of layout.sheets) shownLayoutColumns(sheet, input.columns, always);
    return {
      fileName: `${fileStem}-${today}.xlsx`,
      build: () => ({ layout, frame, tables: tables(), columns: (sheet) => shownLayoutColumns(sheet, input.columns, always) }),
    };
  };
  switch (input.list) {
    case 'organizations':
      return exported('register', 'Danh-sach-thanh-vien', 'name', () => ({ organizations: registerTable(ctx, input.input) }));
    case 'partners':
      return exported('partner-list', 'Danh-sach-doi-tac', 'name', () => ({ partners: partnerTable(ctx, input.input) }));
    case 'events':
      return exported('event-list', 'Danh-sach-su-kien', 'title', () => ({ events: eventTable(ctx, input.input) }));
    case 'agreements':
      return exported('agreement-list', 'Danh-sach-thoa-thuan', 'title', () => ({ agreements: agreementTable(ctx, input.input) }));
    case 'offers':
      return exported('offer-list', 'Danh-sach-nguon-cung', 'product', () => ({ offers: offerTable(ctx, input.input) }));
    case 'demands':
      return exported('demand-list', 'Danh-sach-nhu-cau', 'product', () => ({ demands: demandTable(ctx, input.input) }));
    case 'connections':
      return exported('connection-list', 'Danh-sach-ket-noi', 'product', () => ({ connections: connectionTable(ctx, input.input) }));
    case 'plans':
      return exported('plan-list', 'Danh-sach-ke-hoach', 'title', () => ({ plans: planTable(ctx, input.input) }));
  }
}

/**
 * Báo cáo kết quả thực hiện kế hoạch năm …: the plan's targets as its page shows them today; the
 * period line names the plan (its number, date and issuer) beside its year or period.
 */
export function preparePlanResults(ctx: Context, planId: number): PreparedReport {
  const plan = getPlan(ctx, planId);
  const layout = layoutOf('plan-results');
  const year = plan.periodFrom.slice(0, 4);
  const when = plan.kind === 'year' ? periodOfYear(Number(year)) : periodBetween(plan.periodFrom, plan.periodTo);
  const document = [plan.number ? `số ${plan.number}` : '', plan.issuedOn ? `ngày ${formatIsoDateVi(plan.issuedOn)}` : '', plan.issuer ? `của ${plan.issuer}` : '']
    .filter(Boolean)
    .join(' ');
  // Numbered by hand on the printed page, as a report of the Báo cáo screen left without its number.
  const frame = reportFrame(ctx, `${when} — ${plan.title}${document ? ` (${document})` : ''}`, '');
  const stem = plan.kind === 'year' ? year : `${plan.periodFrom}-den-${plan.periodTo}`;
  return {
    fileName: `${['Bao-cao-ket-qua-thuc-hien-ke-hoach', stem, asciiWords(scopeName(ctx, plan.communeCodes))].filter(Boolean).join('-')}.xlsx`,
    build: () => ({ layout, frame, tables: planResultsTables(plan.targets) }),
  };
}

/**
 * Where a plan holds, for its report's file name: the province's plan and a commune's of the same
 * year must not download to the same name. The province when it names no commune; its first
 * commune, and how many more, when it names several.
 */
function scopeName(ctx: Context, communeCodes: readonly string[]): string {
  const [first] = communeCodes;
  if (first === undefined) {
    const provinceCode = getAlliance(ctx)?.provinceCode;
    return provinceCode === undefined ? '' : (ctx.places.province(provinceCode)?.name ?? '');
  }
  const name = ctx.places.commune(first)?.fullName ?? first;
  return communeCodes.length === 1 ? name : `${name} và ${communeCodes.length - 1} xã phường khác`;
}

/** "Xã Vĩnh An" as "Xa-Vinh-An": ASCII words between hyphens, as the reports' file names are. */
function asciiWords(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
