/**
 * The reports to the national alliance and the list export: for each, its layout, its period, its
 * file name and its data, handed to the one writer.
 */
import type { z } from 'zod';
import type { organizationsExportInput, reportRunInput, ReportInfo, ReportKind, ReportPeriodKind } from '../../../shared/contracts/reports';
import { todayIso, type Context } from '../../context';
import type { LayoutColumn, LayoutSheet } from '../write/layout';
import type { ReportToWrite } from '../write/writer';
import { agreementsTables } from './agreements';
import { periodBetween, periodOfYear, periodUntil, reportFrame } from './frame';
import { layoutOf } from './layouts';
import { registerTable } from './register';
import { registerStatisticsTables } from './registerStatistics';
import { tradePromotionTables } from './tradePromotion';

const periodKinds: Record<ReportKind, ReportPeriodKind> = {
  'register-statistics': 'year',
  'trade-promotion': 'range',
  agreements: 'range',
  register: 'today',
};

export function reportCatalogue(): ReportInfo[] {
  return Object.entries(periodKinds).map(([report, period]) => {
    const layout = layoutOf(report as ReportKind);
    return { report: report as ReportKind, title: layout.title, period, sheets: layout.sheets.map((sheet) => sheet.heading ?? sheet.name) };
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
  const { year = 0, from = today, to = today } = input;
  switch (input.report) {
    case 'register-statistics': {
      const frame = reportFrame(ctx, periodOfYear(year));
      return { fileName: `Bao-cao-thong-ke-HTX-${year}.xlsx`, build: () => ({ layout, frame, tables: registerStatisticsTables(ctx, year) }) };
    }
    case 'trade-promotion': {
      const frame = reportFrame(ctx, periodBetween(from, to));
      return {
        fileName: `Bao-cao-xuc-tien-thuong-mai-${from}-den-${to}.xlsx`,
        build: () => ({ layout, frame, tables: tradePromotionTables(ctx, from, to) }),
      };
    }
    case 'agreements': {
      const frame = reportFrame(ctx, periodBetween(from, to));
      return { fileName: `Bao-cao-thoa-thuan-${from}-den-${to}.xlsx`, build: () => ({ layout, frame, tables: agreementsTables(ctx, from, to) }) };
    }
    case 'register': {
      const frame = reportFrame(ctx, periodUntil(today));
      // By name: the one order an index gives, so a register of any size streams without a sort.
      const list = { sort: { by: 'name', direction: 'asc' }, certificationValid: false, page: 1, pageSize: 1 } as const;
      return { fileName: `Danh-sach-to-chuc-KTTT-${today}.xlsx`, build: () => ({ layout, frame, tables: { organizations: registerTable(ctx, list) } }) };
    }
  }
}

/** The register list as shown: its request, and only the columns shown, in their order. */
export function prepareOrganizationsExport(ctx: Context, input: z.output<typeof organizationsExportInput>): PreparedReport {
  const layout = layoutOf('register');
  const today = todayIso(ctx);
  const frame = reportFrame(ctx, periodUntil(today));
  const columns = (sheet: LayoutSheet): LayoutColumn[] => {
    const wanted = new Set<string>(['index', 'name', ...input.columns]);
    const byKey = new Map(sheet.columns.map((column) => [column.key, column]));
    return ['index', 'name', ...input.columns.filter((key) => key !== 'name')]
      .filter((key) => wanted.has(key))
      .map((key) => byKey.get(key))
      .filter((column): column is LayoutColumn => column !== undefined);
  };
  return {
    fileName: `Danh-sach-thanh-vien-${today}.xlsx`,
    build: () => ({ layout, frame, tables: { organizations: registerTable(ctx, input.list) }, columns }),
  };
}
