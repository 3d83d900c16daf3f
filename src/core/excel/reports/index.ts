/**
 * The reports to the national alliance and the list export: for each, its layout, its period, its
 * file name and its data, handed to the one writer.
 */
import type { z } from 'zod';
import type { listExportInput, reportRunInput, ReportInfo, ReportKind, ReportPeriodKind } from '../../../shared/contracts/reports';
import { todayIso, type Context } from '../../context';
import type { LayoutColumn, LayoutSheet } from '../write/layout';
import type { ReportToWrite, SheetData } from '../write/writer';
import { agreementsTables } from './agreements';
import { periodBetween, periodOfYear, periodUntil, reportFrame } from './frame';
import { layoutOf, type LayoutName } from './layouts';
import { agreementTable, eventTable, partnerTable } from './lists';
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
  const { year = 0, from = today, to = today, documentNumber } = input;
  switch (input.report) {
    case 'register-statistics': {
      const frame = reportFrame(ctx, periodOfYear(year), documentNumber);
      return { fileName: `Bao-cao-thong-ke-HTX-${year}.xlsx`, build: () => ({ layout, frame, tables: registerStatisticsTables(ctx, year) }) };
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
    case 'register': {
      const frame = reportFrame(ctx, periodUntil(today), documentNumber);
      // By name: the one order an index gives, so a register of any size streams without a sort.
      const list = { sort: { by: 'name', direction: 'asc' }, certificationValid: false, page: 1, pageSize: 1 } as const;
      return { fileName: `Danh-sach-to-chuc-KTTT-${today}.xlsx`, build: () => ({ layout, frame, tables: { organizations: registerTable(ctx, list) } }) };
    }
  }
}

/**
 * The columns a list export writes: STT, then, for each column shown in its order, the layout's
 * columns written for it (`listColumn`, or the same key); the list's name or title comes first when
 * the request leaves it out, since a row without it says nothing.
 */
function shownLayoutColumns(sheet: LayoutSheet, shown: readonly string[], always: string): LayoutColumn[] {
  const wanted = [...new Set(shown.includes(always) ? shown : [always, ...shown])];
  const index = sheet.columns.filter((column) => column.format === 'index');
  return [
    ...index,
    ...wanted.flatMap((listColumn) => {
      const written = sheet.columns.filter((column) => (column.listColumn ?? column.key) === listColumn && column.format !== 'index');
      // A layout edited wrongly fails plainly, not with a column silently missing.
      if (written.length === 0) throw new Error(`The layout of the sheet "${sheet.name}" has no column for the list's column "${listColumn}".`);
      return written;
    }),
  ];
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
  }
}
