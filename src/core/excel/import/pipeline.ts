/**
 * The import's steps as jobs: analyse a file (sheets, header, proposed mapping), preview every row
 * (read, check, match), commit the chosen actions in one transaction, and undo a whole batch. A
 * preview keeps each row compact — its cells, and its problems and match only when it has them —
 * so a file of 100,000 rows stays a few tens of megabytes; the contract's input is rebuilt from
 * the cells at commit rather than kept for every row.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { and, count, desc, eq, lt } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type {
  ImportAction,
  ImportAnalysis,
  ImportAwaitingPlaces,
  ImportBatch,
  ImportCounts,
  ImportChanges,
  ImportMatch,
  ImportPlace,
  ImportPreview,
  ImportPreviewRow,
  ImportProblem,
  ImportSummary,
  ImportChoiceOption,
  ImportColumn,
  ImportLaterChange,
  ImportUndoCheck,
  ImportUndoResult,
  ImportValueChoice,
  LegacyFont,
  PreviewFilter,
  UndoMode,
  importCommitInput,
  importPreviewInput,
} from '../../../shared/contracts/imports';
import { chosenImportAction, unfedFields } from '../../../shared/contracts/imports';
import type { ImportKind, Page } from '../../../shared/domain';
import { AppFailure, conflict, notFound, validationFailure } from '../../../shared/errors';
import { formatMoney, unitNameInSentence } from '../../../shared/format';
import { foldText, formatIsoDateVi } from '../../../shared/text';
import type { z } from 'zod';
import { timestamp, type Context } from '../../context';
import { changeMark } from '../../db/open';
import { figureFields } from '../../../shared/contracts/figures';
import { importBatchPlaceAnswers, importBatches, importChanges, importMappings, importPlaceAnswers, organizations, programmes, yearlyFigures } from '../../db/schema';
import { stagedFile } from '../../files';
import { JobKind, type JobControl } from '../../jobs';
import { loadInBulk, type BulkLoadOptions, type BulkRebuildStep } from '../../db/derived';
import { notInTrash } from '../../db/predicates';
import { inLongTransaction, stepper } from '../../longTransaction';
import { backUpBeforeCommit, type BackupUnderCheck } from '../../backup/backups';
import { BatchedInsert, jsonText } from '../../db/prepared';
import { auditInBatches, flushAudit, goneMessage } from '../../records';
import { getAlliance } from '../../services/alliance';
import { asYearHeading, columnLetter, detectHeader, detectLegacyEncoding, parseDateCell } from '../read';
import { openReader, type Reader } from '../read/thread';
import { importProblem } from '../read/problems';
import type { CellValue, DetectedHeader, MergedRange, OpenedSource, SheetHead, SourceRow } from '../read/types';
import { cellRef, headerSaysAYear, priceUnitOfHeader, quantityUnitOfHeader, readRow, scaleOfHeader, shownCell, type MappedColumn, type ReadRow } from './cells';
import { fieldOfHeader, fieldsOf, headerKey, headerSignature, isKnownHeader } from './fields';
import { filledCells, isFooterRow, isNumbering, isSectionHeading, isTotalsRow, RunningSums } from './rows';
import { rememberValues, writtenKey, type ValueMap } from './choices';
import { yearsOfTitle, type YearRound } from './periods';
import { notInDistrictWords } from './places';
import { allUnits } from '../../services/supplyLookups';
import {
  addedBuyersAdapter,
  headerNamesUnit,
  importScope,
  judgeChanges,
  kindAdapters,
  leftOf,
  Removals,
  type ChangeJudgement,
  type ImportScope,
  type KindAdapter,
  type PreparedRow,
  type StoredChange,
  type WritableRow,
} from './kinds';

/** Rows read to find the header: title rows and a multi-row header fit well within it. */
const HEAD_ROWS = 40;
/**
 * The widest table imported: column IV, Excel 2003's last, far past any list an office keeps.
 * Rows are read only this wide, so a sheet with a stray value in column XFD of every row costs no
 * more than one without.
 */
const MAX_IMPORT_COLUMNS = 256;
const SAMPLE_ROWS = 5;

interface AnalysisState {
  analysis: ImportAnalysis;
  path: string;
  source: OpenedSource;
  /** Ranges merged down over several rows of the table, by their first row: filled in as rows are read (`MergedDown`). */
  mergedDown: MergedRange[];
}

/** One row of a preview, compact: what a row without problems or matches does not need is absent. */
interface StoredRow {
  row: number;
  cells: CellValue[];
  problems?: ImportProblem[];
  match?: ImportMatch;
  /** The commune the row's place was read as, or the communes an old address went to. */
  communeCodes?: string[];
  notes?: ImportProblem[];
  /** For a place the person is asked about (or answered before): the address as written, folded. */
  placeKey?: string;
  /** The app could not read the place: any commune of this province (the row's, else the alliance's) may be chosen. */
  needsPlaceIn?: string;
  /**
   * For such a place, the commune chosen for it in this import that the row was matched in (rows
   * checked again, `ImportPreviewInput.placeAnswers`): the preview looked there, and in no other.
   */
  matchedInCommune?: string;
  /** Why the person is asked to choose among `communeCodes`, when it is not that an old commune went to several. */
  placeReason?: string;
  /** Placed by an answer remembered from an earlier import. */
  answered?: true;
  /**
   * The row may be another organization than the one it names (`PreparedRow.doubtful`), or holds an
   * amount likely not meant (`ReadRow.doubtful`): skipped unless the person chooses.
   */
  doubtful?: true;
  /**
   * A row without problems: what the preview made of it, written as it is by the commit. The
   * preview read it with the same scope the commit has (the preview's values, columns, year and
   * remembered places) and the contract's schema, so reading and checking it again at commit could
   * only give the same; the services still make every check of a person's save when it is written.
   */
  prepared?: WritableRow;
}

interface PreviewState {
  analysis: AnalysisState;
  columns: MappedColumn[];
  year: number | null;
  /** The person's choices for coded values, as given to this preview. */
  values: ValueMap;
  valueChoices: ImportValueChoice[];
  choiceOptions: Record<string, ImportChoiceOption[]>;
  /** Offers and demands: the programme they are imported into. */
  programmeId: number | null;
  rows: StoredRow[];
  /** Rows with cells read into Unicode by their pre-Unicode font, by font. */
  legacyFontRows: Map<string, number>;
  /** About how many bytes the rows hold, so that finished previews can be let go by size (jobs.ts). */
  bytes: number;
  /** Where the database stood (`changeMark`) when the rows began to be matched: the same at the commit, no record can have come since. */
  registerMark: string;
}

interface CommitState {
  preview: PreviewState;
  summary: ImportSummary;
  /** Rows not written, with why. */
  failures: Map<number, string>;
}

export const ANALYZE_JOB = new JobKind<AnalysisState>('imports:analyze');
export const PREVIEW_JOB = new JobKind<PreviewState>('imports:preview', (state) => state.bytes);
export const COMMIT_JOB = new JobKind<CommitState>('imports:commit', (state) => state.preview.bytes);
export const UNDO_JOB = new JobKind<ImportUndoResult>('imports:undo');

function homeProvince(ctx: Context): string {
  const alliance = getAlliance(ctx);
  if (!alliance) throw validationFailure([{ path: 'file', message: 'Chưa khai báo Liên minh và tỉnh của Liên minh (Cài đặt); hãy khai báo trước khi nhập.' }]);
  return alliance.provinceCode;
}

// ---------------------------------------------------------------------------------------------
// Analysis

function textsOf(rows: readonly SourceRow[]): string[] {
  return rows.flatMap((row) => row.cells.filter((cell): cell is string => typeof cell === 'string'));
}

/** The sheet's header, or a message saying why there is none. */
function headerOf(kind: ImportKind, sheet: string, head: Pick<SheetHead, 'rows' | 'merges'>): DetectedHeader {
  if (head.rows.every((row) => row.cells.every((cell) => shownCell(cell) === ''))) {
    throw importProblem(`Trang tính «${sheet}» trống: không có dòng nào có chữ hay số. Hãy chọn trang tính khác.`);
  }
  const header = detectHeader(head, (folded) => isKnownHeader(kind, folded));
  const beyond = header?.columns.findLast((column) => column.index >= MAX_IMPORT_COLUMNS);
  if (beyond) {
    throw importProblem(
      `Dòng tiêu đề của trang tính «${sheet}» có chữ (hoặc ô gộp) tới cột ${beyond.letter}, ngoài cột ${columnLetter(MAX_IMPORT_COLUMNS - 1)} (cột thứ ${MAX_IMPORT_COLUMNS}): ` +
        `HTX Desk nhập bảng có tối đa ${MAX_IMPORT_COLUMNS} cột. Hãy xóa các cột thừa bên phải bảng rồi nhập lại.`,
    );
  }
  if (!header) {
    // A header typed in a pre-Unicode font ("Tªn HTX", "§Þa chØ") names nothing the importer knows:
    // the person is told why and how to convert, rather than to look for a header that is there.
    const legacy = detectLegacyEncoding(textsOf(head.rows));
    if (legacy) {
      throw importProblem(
        `Không đọc được dòng tiêu đề trong trang tính «${sheet}»: chữ trong tệp có vẻ được gõ bằng phông cũ ${legacyFontName(legacy)} (ví dụ «${legacy === 'tcvn3' ? 'Tªn HTX' : 'Teân HTX'}» thay cho «Tên HTX»). ` +
          `Hãy chuyển mã sang Unicode rồi chọn lại tệp: chọn cả bảng và chép (Ctrl+C), mở Unikey → Công cụ chuyển mã, chọn nguồn ${legacyFontName(legacy)}, đích Unicode, bấm «Chuyển mã», rồi dán lại vào trang tính (Ctrl+V) và lưu tệp.`,
      );
    }
    throw importProblem(
      `Không tìm thấy dòng tiêu đề trong trang tính «${sheet}»: không cột nào có tên quen thuộc như “Tên HTX”, “Mã số thuế”, “Địa chỉ”. ` +
        'Hãy kiểm tra đã chọn đúng trang tính và đúng loại dữ liệu, hoặc thêm một dòng tiêu đề vào bảng.',
    );
  }
  return header;
}

/** A legacy font as Unikey's converter names it. */
function legacyFontName(font: LegacyFont): string {
  return font === 'tcvn3' ? 'TCVN3 (ABC)' : 'VNI Windows';
}

export async function analyze(ctx: Context, input: { fileId: string; kind: ImportKind; sheet?: string | undefined }, control: JobControl): Promise<AnalysisState> {
  const { path, fileName } = stagedFile(ctx, input.fileId);
  control.report(0, null, 'reading');
  // The file is read in a worker thread with a memory ceiling (read/thread.ts).
  const reader = openReader({ signal: control.signal });
  try {
    return await analyzeWith(ctx, reader, { ...input, path, fileName }, control);
  } finally {
    reader.close();
  }
}

async function analyzeWith(
  ctx: Context,
  reader: Reader,
  input: { path: string; fileName: string; kind: ImportKind; sheet?: string | undefined },
  control: JobControl,
): Promise<AnalysisState> {
  const { path, fileName } = input;
  const source = await reader.openSource(path, fileName);
  // Without a sheet named, the first visible one with a header is taken: workbooks often open
  // with a notes or cover sheet.
  const candidates = input.sheet !== undefined ? [input.sheet] : source.sheets.filter((sheet) => !sheet.hidden && !sheet.empty).map((sheet) => sheet.name);
  let found: { sheet: string; head: SheetHead; header: DetectedHeader } | null = null;
  let firstFailure: AppFailure | null = null;
  const headerless = new Set<string>();
  for (const sheet of candidates) {
    try {
      const head = await reader.readHead(path, source, sheet, HEAD_ROWS);
      // The header is found among the head's rows and the merges that touch them.
      const lastHeadRow = head.rows.at(-1)?.rowNumber ?? 0;
      found = { sheet, head, header: headerOf(input.kind, sheet, { rows: head.rows, merges: head.merges.filter((merge) => merge.top <= lastHeadRow) }) };
      break;
    } catch (error) {
      if (!(error instanceof AppFailure)) throw error;
      firstFailure ??= error;
      headerless.add(sheet);
    }
    control.throwIfCancelled();
  }
  if (!found) throw firstFailure ?? importProblem(`Tệp «${fileName}» không có trang tính nào có dữ liệu.`);
  const { sheet, head, header } = found;
  const signature = headerSignature(header.columns.map((column) => column.header));
  const remembered = ctx.db
    .select({ mapping: importMappings.mapping })
    .from(importMappings)
    .where(and(eq(importMappings.kind, input.kind), eq(importMappings.headerSignature, signature)))
    .get();
  const rememberedFields = (remembered?.mapping ?? {}) as Record<string, string | null>;
  const knownFields = new Set(fieldsOf(input.kind).map((field) => field.key));
  const firstHeaderRow = header.headerRows[0] ?? header.dataStartRow;
  const titleRows = head.rows.filter((row) => row.rowNumber < firstHeaderRow);
  const headerRows = head.rows.filter((row) => row.rowNumber >= firstHeaderRow && row.rowNumber < header.dataStartRow);
  // Figures are of a year gone by, or this one; offers and demands are also planned for the next.
  const thisYear = Number(timestamp(ctx).slice(0, 4));
  const latestYear = input.kind === 'offers' || input.kind === 'demands' ? thisYear + 1 : thisYear;
  const namedYear = yearNamed(textsOf(titleRows), textsOf(headerRows.map((row) => ({ ...row, cells: row.cells.map(asYearHeading) }))), latestYear);
  // A title naming several years ("2024–2025") says no one year: the person is asked which.
  const titleYears = yearsOfTitle(textsOf(titleRows), namedYear);
  const detectedYear = titleYears ? null : namedYear;
  const taken = new Set<string>();
  const units = allUnits(ctx);
  const hiddenColumns = new Set(head.hiddenColumns);
  const proposals = header.columns.map((column) => {
    const key = headerKey(column.header);
    // Own keys only: a header reading "constructor" is not Object's constructor.
    // What the person decided last time, else what the header's words say: a column the app could
    // not read then (a field added since) is proposed now, and said to be new.
    const decided = Object.hasOwn(rememberedFields, key) && (rememberedFields[key] === null || knownFields.has(rememberedFields[key] ?? ''));
    const proposed = decided ? (rememberedFields[key] ?? null) : fieldOfHeader(input.kind, column.header);
    // A figure of another year than the list's ("Doanh thu - Năm 2023" in a list of 2024) would be
    // stored as the list's year: such a column is left for the person to map, never proposed.
    const otherYear = proposed !== null && isYearlyField(input.kind, proposed) && !ofYear(column.header, detectedYear);
    return { column, decided, hidden: hiddenColumns.has(column.index), proposed: proposed && !otherYear && knownFields.has(proposed) ? proposed : null };
  });
  // Two columns may look like one field ("Địa chỉ" and "Địa chỉ cũ"): the first keeps it. The shown
  // columns go first: one hidden in the workbook (last year's "Số thành viên" beside this year's)
  // is proposed only for a field no shown column names.
  const fieldOf = new Map<number, string>();
  for (const { column, proposed } of [...proposals.filter((one) => !one.hidden), ...proposals.filter((one) => one.hidden)]) {
    if (proposed === null || taken.has(proposed)) continue;
    taken.add(proposed);
    fieldOf.set(column.index, proposed);
  }
  const columns = proposals.map(({ column, decided, hidden }) => {
    const field = fieldOf.get(column.index) ?? null;
    return { ...column, field, proposedAnew: remembered !== undefined && !decided && field !== null, namesUnit: headerNamesUnit(units, column.header), hidden };
  });
  const mergedDown = head.merges
    .filter((merge) => merge.bottom > merge.top && merge.top >= header.dataStartRow)
    .sort((a, b) => a.top - b.top || a.left - b.left);
  const dataRows = head.rows.filter((row) => row.rowNumber >= header.dataStartRow);
  // The first rows shown as the preview will read them.
  const samples = new MergedDown(mergedDown);
  for (const row of dataRows) samples.fill(row);
  const analysis: ImportAnalysis = {
    kind: input.kind,
    fileName,
    format: source.format,
    sheets: source.sheets.map(({ name, hidden, empty }) => ({ name, hidden, empty, headerless: headerless.has(name) })),
    sheet,
    headerRows: header.headerRows,
    dataStartRow: header.dataStartRow,
    columns,
    fields: fieldsOf(input.kind).map(({ key, required, fedAlsoBy, unitAfter }) => ({ key, required, fedAlsoBy: fedAlsoBy ?? null, unitAfter: unitAfter === true })),
    rememberedMapping: remembered !== undefined,
    legacyFont: detectLegacyEncoding(textsOf(head.rows)),
    legacyFontsRead: [...new Set(head.rows.flatMap((row) => row.legacyFonts ?? []))].sort(),
    namedAsWorkbook: source.namedAsWorkbook === true,
    codePageRead: source.format === 'csv' && source.encoding === 'windows-1258' ? 'Windows-1258' : null,
    sampleRows: dataRows.slice(0, SAMPLE_ROWS).map((row) => ({ row: row.rowNumber, cells: columns.map((column) => shownCell(row.cells[column.index])) })),
    detectedYear,
    titleYears,
  };
  return { analysis, path, source, mergedDown };
}

/** What the preview says of a row the workbook hides. */
const HIDDEN_ROW_NOTE = 'Dòng đang ẩn trong tệp Excel (ẩn dòng hoặc bị lọc): vẫn được nhập như các dòng khác. Nếu không muốn nhập dòng này, hãy chọn «Bỏ qua».';

/** What the preview says of a row whose mapped cells `cells` are struck through. */
function struckNote(cells: readonly string[]): string {
  return `Ô ${cells.join(', ')} bị gạch ngang trong tệp Excel (thường để đánh dấu dòng đã bỏ): dòng vẫn được nhập như các dòng khác. Nếu không muốn nhập dòng này, hãy chọn «Bỏ qua».`;
}

/**
 * What the preview says of a row matched to the stored record an earlier row `earlierRow` matched
 * (named beside it, in its match): skipped unless the person says otherwise, and how to have this
 * row's values written instead.
 */
function sameRecordNote(rowNumber: number, earlierRow: number): ImportProblem {
  return {
    cell: String(rowNumber),
    message:
      `Cùng một hồ sơ với dòng ${earlierRow}: dòng này được bỏ qua, để hồ sơ không bị cập nhật hai lần. ` +
      `Nếu dòng này đúng hơn, hãy chọn «Bỏ qua» ở dòng ${earlierRow} và «Cập nhật» ở dòng này.`,
    heed: true,
  };
}

/**
 * A row found by its stable key (an organization by its Mã số HTX) whose «Cập nhật» renames or moves
 * the record (`PreparedRow.rewrite`) to a name an earlier row of the file writes in that commune:
 * it would leave two organizations of one name there, which a person's save asks to confirm.
 * Written only when the person chooses it.
 */
function movedBesideRowNote(rowNumber: number, earlier: StoredRow, rewrite: NonNullable<PreparedRow['rewrite']>, nameIndex: number): ImportProblem {
  return {
    cell: String(rowNumber),
    message:
      `Dòng ${earlier.row} («${shownCell(earlier.cells[nameIndex])}») cùng tên với dòng này, cùng ở ${rewrite.where}: «Cập nhật» dòng này sẽ ${rewrite.words}, ` +
      'ghi cả hai dòng thì ở đó sẽ có hai tổ chức cùng tên. Nếu đúng là hai tổ chức khác nhau, hãy chọn «Cập nhật» cho dòng này; nếu không, hãy xem lại hai dòng. Dòng này không theo lựa chọn chung cho các dòng trùng.',
    heed: true,
  };
}

/**
 * A row's notes but those of a cell refused: how a cell was read («khoảng 2 tỷ» ghi nhận là 2)
 * is not said beside why its value is not taken. Notes that ask for a decision stand.
 */
function notesBesideProblems(notes: ImportProblem[], problems: readonly ImportProblem[]): ImportProblem[] {
  if (problems.length === 0) return notes;
  const refused = new Set(problems.map((problem) => problem.cell));
  return notes.filter((note) => note.heed || !refused.has(note.cell));
}

/** What the preview says of a cell filled from a range merged down, at that cell. */
function mergedNote(column: MappedColumn, cell: FilledCell): string {
  return `${column.field.label}: ô gộp từ dòng ${cell.top} đến dòng ${cell.bottom}, ghi nhận «${shownCell(cell.value)}» như ở dòng ${cell.top}.`;
}

/** A cell a range merged down filled, and the range. */
interface FilledCell {
  index: number;
  top: number;
  bottom: number;
  value: CellValue;
}

/**
 * Fills the cells of a range merged down over several rows with what its first row holds: a list
 * merges an organization's name over its products, or a commune over its cooperatives, and the
 * person sees that value on every one of those rows. Rows are given in order, each once.
 */
class MergedDown {
  private next = 0;
  /** The ranges under way, by column index. */
  private readonly open = new Map<number, Omit<FilledCell, 'index'>>();

  constructor(private readonly ranges: readonly MergedRange[]) {}

  /** Fills `row`'s blank cells that a range covers; the cells filled. */
  fill(row: SourceRow): FilledCell[] {
    for (let range = this.ranges[this.next]; range !== undefined && range.top <= row.rowNumber; range = this.ranges[++this.next]) {
      // A range whose first row the file does not give has nothing to fill with.
      if (range.top === row.rowNumber) this.open.set(range.left - 1, { top: range.top, bottom: range.bottom, value: row.cells[range.left - 1] ?? null });
    }
    const filled: FilledCell[] = [];
    for (const [index, range] of this.open) {
      if (range.bottom < row.rowNumber) this.open.delete(index);
      else if (range.top < row.rowNumber && range.value !== null && shownCell(row.cells[index]) === '') {
        while (row.cells.length < index) row.cells.push(null);
        row.cells[index] = range.value;
        filled.push({ index, ...range });
      }
    }
    return filled;
  }
}

/**
 * Where a list says a year, strongest first: "năm 2024" in its title; a date its figures are as of
 * in its title ("Số liệu đến 31/12/2024"); a year its headers name ("Số thành viên (năm 2024)",
 * "Năm 2023" | "Năm 2024"); any other date above the table.
 */
const enum YearSource {
  TitleYear,
  TitleAsOf,
  Header,
  OtherDate,
}

/** A date in digits or in words, folded: "15/01/2025", "15 tháng 01 năm 2025". */
const dateText = String.raw`(?:\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|[\s\d.…_]*thang[\s\d.…_]*nam\s*\d{4})`;
/**
 * Another document a line names, with its number and date: "Kèm theo Công văn số 123/LMHTX ngày
 * 15/01/2025" dates the letter that sends the list, not the list. What the line says besides
 * ("… về tình hình HTX năm 2024") is kept.
 */
const documentReference = new RegExp(
  String.raw`\bso\s*:?\s*\d+\s*\/\S*(?:\s*ngay\s*${dateText})?|(?:kem theo|cong van|quyet dinh|ke hoach|thong bao|van ban|to trinh|nghi quyet|bao cao)[^()\d]*?ngay\s*${dateText}`,
  'g',
);
/**
 * A year and the words before it that say what it is (folded text): "đến", "tại" (the figures are
 * as of it), a date in words ("ngày 15 tháng 01 năm 2025", blanks as dots too), a date in digits, a
 * month, a founding, "năm". A year said no way at all ("DS HTX 2024") is not taken.
 */
const yearMention =
  /(?<![a-z])((?:tinh den|den het|den|tai|thoi diem)(?: ngay)?\s*)?(ngay[\s\d.…_]*thang[\s\d.…_]*nam\s*|\d{1,2}\s*thang\s*\d{1,2}\s*nam\s*|\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*|thang\s*\d{1,2}\s*(?:[/.-]|nam)\s*|thanh lap(?: tu)?(?: nam)?\s*|nam\s*)?((?:19|20)\d{2})(?!\d)/g;

/**
 * The year a list's title or headers name: "DANH SÁCH HTX NĂM 2024", "Số liệu đến 31/12/2024",
 * "Số thành viên (năm 2024)". A "năm" of the title wins over any date ("DANH SÁCH HTX NĂM 2024"
 * sent with a letter of 15/01/2025 is the list of 2024); a date in words not "đến" it ("An Giang,
 * ngày 15 tháng 01 năm 2025") is when the list was signed, and a founding year ("thành lập năm
 * 2015") is no list's year, so neither counts. Among years said the same way the latest wins;
 * never a year after `latest`.
 */
function yearNamed(titleTexts: readonly string[], headerTexts: readonly string[], latest: number): number | null {
  let best: { source: YearSource; year: number } | null = null;
  for (const [texts, inTitle] of [
    [titleTexts, true],
    [headerTexts, false],
  ] as const) {
    for (const text of texts) {
      for (const match of foldText(text).replace(documentReference, ' ').matchAll(yearMention)) {
        const source = yearSourceOf(match[1] !== undefined, match[2] ?? '', inTitle);
        const year = Number(match[3]);
        if (source === null || year > latest) continue;
        if (!best || source < best.source || (source === best.source && year > best.year)) best = { source, year };
      }
    }
  }
  return best?.year ?? null;
}

/** How strongly a year said this way names the list's year; null: it does not. */
function yearSourceOf(asOf: boolean, said: string, inTitle: boolean): YearSource | null {
  if (said.startsWith('thanh lap')) return null;
  if (asOf || said.startsWith('thang')) return inTitle ? YearSource.TitleAsOf : YearSource.Header;
  if (said.startsWith('nam')) return inTitle ? YearSource.TitleYear : YearSource.Header;
  if (/^\d+\s*[/.-]/.test(said)) return YearSource.OtherDate;
  return null;
}

/**
 * What the preview says of a row whose own Năm cell names another year than the list's title or
 * headers (`detectedYear`): its figures go into the year the row says, which a person who read
 * «NĂM 2026» above the table would not expect of a slip in one cell.
 */
function otherYearNote(listYear: number | null, read: ReadRow, columns: readonly MappedColumn[], rowNumber: number): ImportProblem | null {
  const rowYear = read.values.get('year');
  if (listYear === null || typeof rowYear !== 'number' || rowYear === listYear) return null;
  return {
    cell: cellRef(columns, 'year', rowNumber),
    message: `Năm: dòng ghi năm ${rowYear}, khác năm ${listYear} ở tiêu đề danh sách; số liệu của dòng được ghi vào năm ${rowYear}. Nếu là năm ${listYear}, hãy sửa ô Năm trong tệp.`,
    heed: true,
  };
}

/** The one year a column's header names ("Doanh thu (triệu đồng) - Năm 2023"), or null. */
function yearOfHeader(header: string): number | null {
  const years = new Set(Array.from(foldText(header).matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)/g), (match) => Number(match[1])));
  return years.size === 1 ? ([...years][0] ?? null) : null;
}

/** Whether a column's figures are of this year: its header names no year, or this one. */
function ofYear(header: string, year: number | null): boolean {
  const named = yearOfHeader(header);
  return named === null || named === year;
}

/** A field whose values are of one year: the figures of an organizations or figures list. */
function isYearlyField(kind: ImportKind, key: string): boolean {
  return (kind === 'organizations' || kind === 'figures') && (figureFields as readonly string[]).includes(key);
}

// ---------------------------------------------------------------------------------------------
// Preview

/** The mapping as columns, refusing one that leaves a required field without a column. */
function mappedColumns(analysis: ImportAnalysis, mapping: z.output<typeof importPreviewInput>['mapping'], year: number | null): MappedColumn[] {
  const fields = fieldsOf(analysis.kind);
  const columns: MappedColumn[] = [];
  for (const { column, field: key } of mapping) {
    const field = fields.find((candidate) => candidate.key === key);
    const source = analysis.columns.find((candidate) => candidate.index === column);
    if (!field || !source) throw validationFailure([{ path: 'mapping', message: 'Cách ghép cột không khớp với tệp; hãy làm lại bước ghép cột.' }]);
    columns.push({
      field,
      index: column,
      letter: source.letter,
      header: source.header,
      scale: scaleOfHeader(source.header),
      headerUnit: field.price ? priceUnitOfHeader(source.header) : field.unitAfter && source.namesUnit ? quantityUnitOfHeader(source.header) : null,
      perYear: field.perMonth === true && headerSaysAYear(source.header),
    });
  }
  const has = (key: string) => columns.some((column) => column.field.key === key);
  const unfed = new Set(unfedFields(analysis.fields, analysis.columns, new Map(mapping.map(({ column, field }) => [column, field]))).map((field) => field.key));
  const missing = fields.filter((field) => unfed.has(field.key));
  if ((analysis.kind === 'figures' || analysis.kind === 'products' || analysis.kind === 'offers') && !has('registrationNo') && !has('organizationName')) {
    missing.push(...fields.filter((field) => field.key === 'organizationName'));
  }
  if (analysis.kind === 'figures' && !has('year') && year === null) missing.push(...fields.filter((field) => field.key === 'year'));
  if (analysis.kind === 'organizations' && year === null && columns.some((column) => (figureFields as readonly string[]).includes(column.field.key))) {
    throw validationFailure([{ path: 'year', message: 'Danh sách có số liệu (thành viên, lao động…): hãy chọn năm của số liệu.' }]);
  }
  if (missing.length) {
    throw validationFailure([{ path: 'mapping', message: `Chưa ghép cột cho: ${missing.map((field) => field.label).join(', ')}.` }]);
  }
  // A column of one year's figures read into another year would store, say, 2023's revenue as
  // 2024's: the person picks the column of the year chosen, or the year of the column.
  const otherYear = has('year') ? undefined : columns.find((column) => isYearlyField(analysis.kind, column.field.key) && !ofYear(column.header, year));
  if (otherYear && year !== null) {
    const named = yearOfHeader(otherYear.header) ?? year;
    throw validationFailure([
      {
        path: 'mapping',
        message: `Cột ${otherYear.letter} «${otherYear.header}» là số liệu năm ${named}, nhưng năm của số liệu đang chọn là ${year}: hãy ghép cột «${otherYear.field.label}» của năm ${year}, hoặc chọn năm ${named}.`,
      },
    ]);
  }
  return columns;
}

function hasAnyValue(row: SourceRow, columns: readonly MappedColumn[]): boolean {
  return columns.some((column) => shownCell(row.cells[column.index]) !== '' || row.formulaCells?.includes(column.index) || row.errorCells?.includes(column.index));
}

/** The last row the sheet says it has ("A1:O100001" → 100001), for a progress total. */
function lastRowOf(dimension: string | null | undefined): number | null {
  const match = /:[A-Z]+(\d+)$/.exec(dimension ?? '');
  return match ? Number(match[1]) : null;
}

/** What `readRow` reads cells by (`readOptions`). */
type ReadOptions = Parameters<typeof readRow>[2];

/** How cells are read: the workbook's date system, this year, and what "Quanh năm" means (`YearRound`). */
function readOptions(ctx: Context, source: OpenedSource, programmeId: number | null, year: number | null): ReadOptions {
  const programme =
    programmeId === null
      ? undefined
      : ctx.db
          .select({ name: programmes.name, from: programmes.startsOn, until: programmes.endsOn })
          .from(programmes)
          .where(and(eq(programmes.id, programmeId), notInTrash(programmes)))
          .get();
  const yearRound: YearRound | null = programme
    ? { said: `thời gian của chương trình «${programme.name}»`, from: programme.from, until: programme.until }
    : year === null
      ? null
      : { said: `cả năm ${year}, năm của danh sách`, from: `${year}-01-01`, until: `${year}-12-31` };
  return { date1904: source.date1904 === true, thisYear: Number(timestamp(ctx).slice(0, 4)), yearRound, untyped: source.format === 'csv' };
}

/** The person's choices for coded values, by field and written key. */
function valueMapOf(values: readonly { field: string; written: string; value: string | null }[] | undefined): ValueMap {
  const map: ValueMap = new Map();
  for (const { field, written, value } of values ?? []) {
    let byField = map.get(field);
    if (!byField) map.set(field, (byField = new Map<string, string | null>()));
    byField.set(writtenKey(written), value);
  }
  return map;
}

export async function preview(ctx: Context, analysisState: AnalysisState, input: z.output<typeof importPreviewInput>, control: JobControl): Promise<PreviewState> {
  const reader = openReader({ signal: control.signal });
  try {
    return await previewWith(ctx, reader, analysisState, input, control);
  } finally {
    reader.close();
  }
}

async function previewWith(
  ctx: Context,
  reader: Reader,
  analysisState: AnalysisState,
  input: z.output<typeof importPreviewInput>,
  control: JobControl,
): Promise<PreviewState> {
  const { analysis, path, source } = analysisState;
  const registerMark = changeMark(ctx.db);
  const year = input.year ?? analysis.detectedYear;
  const columns = mappedColumns(analysis, input.mapping, year);
  const values = valueMapOf(input.values);
  const programmeId = input.programmeId ?? null;
  const placeAnswers = new Map(input.placeAnswers.map((answer) => [answer.placeKey, answer.communeCode]));
  const scope = importScope(ctx, { kind: analysis.kind, homeProvinceCode: homeProvince(ctx), year, columns, values, programmeId, chosenPlaces: placeAnswers });
  const options = readOptions(ctx, source, programmeId, year);
  const adapter = kindAdapters[analysis.kind];
  const sheetInfo = source.sheets.find((sheet) => sheet.name === analysis.sheet);
  const lastRow = lastRowOf(sheetInfo?.dimension);
  const expected = lastRow === null ? null : Math.max(0, lastRow - analysis.dataStartRow + 1);
  const rows: StoredRow[] = [];
  const legacyFontRows = new Map<string, number>();
  /** The first stored row of each key; its name is read only when a later row shares the key. */
  const firstRowOfKey = new Map<string, StoredRow>();
  let seen = 0;
  let held = 0;
  let bytes = { read: 0, total: 0 };
  control.report(0, expected, 'reading');
  let batches = 0;
  /** The row the footer (place and date, signatures) starts at, once met below a row of data. */
  let footerRow: number | null = null;
  const nameIndex = nameColumnIndex(columns);
  /** The fields present in rows, one set for each combination: a list's rows mostly share one. */
  const presentSets = new Map<string, ReadonlySet<string>>();
  let lastPresent: ReadonlySet<string> | null = null;
  const mergedDown = new MergedDown(analysisState.mergedDown);
  const sums = new RunningSums();
  for await (const batch of reader.readRows(path, source, analysis.sheet, {
    fromRow: analysis.dataStartRow,
    // The table ends at its last header: cells right of it are neither mapped nor written back.
    columns: Math.max(0, ...analysis.columns.map((column) => column.index + 1)),
    signal: control.signal,
    onProgress: (read, total) => (bytes = { read, total }),
  })) {
    // A short list is matched query by query; a long one, from its second batch, against the
    // register's keys read once (and again if a save changes the database meanwhile).
    if (batches++ > 0) scope.registerKeys.refresh();
    for (const sourceRow of batch) {
      seen += 1;
      const filled = mergedDown.fill(sourceRow);
      // Subtotals and totals ("Cộng", "Cộng huyện…", "TỔNG CỘNG (12 HTX)") may stand after every
      // section: each is passed over and the rows under it are read on.
      if (!hasAnyValue(sourceRow, columns)) continue;
      if (isTotalsRow(sourceRow) || sums.isSumRow(sourceRow)) {
        sums.total();
        continue;
      }
      if (isFooterRow(sourceRow)) {
        if (rows.length > 0) footerRow ??= sourceRow.rowNumber;
        continue;
      }
      if (footerRow !== null) {
        // Under the footer are its lines and the signers' names, not organizations. A row that
        // looks like one is shown, refused with why, so that nothing is left out unsaid.
        if (looksLikeData(sourceRow, columns, nameIndex)) {
          const stored: StoredRow = { row: sourceRow.rowNumber, cells: sourceRow.cells, problems: [afterFooterProblem(sourceRow.rowNumber, footerRow)] };
          rows.push(stored);
          held += storedBytes(stored);
        }
        continue;
      }
      if (isSectionHeading(sourceRow)) {
        sums.heading();
        continue;
      }
      sums.add(sourceRow);
      // A second table on the sheet begins with its own header row: shown, refused with why.
      if (isRepeatedHeader(analysis.kind, sourceRow, columns)) {
        const stored: StoredRow = { row: sourceRow.rowNumber, cells: sourceRow.cells, problems: [repeatedHeaderProblem(sourceRow.rowNumber)] };
        rows.push(stored);
        held += storedBytes(stored);
        continue;
      }
      for (const font of sourceRow.legacyFonts ?? []) legacyFontRows.set(font, (legacyFontRows.get(font) ?? 0) + 1);
      const read = readRow(sourceRow, columns, options);
      const yearNote = otherYearNote(analysis.detectedYear, read, columns, sourceRow.rowNumber);
      if (yearNote) read.notes.push(yearNote);
      for (const cell of filled) {
        const column = columns.find((mapped) => mapped.index === cell.index);
        if (column) read.notes.push({ cell: `${column.letter}${sourceRow.rowNumber}`, message: mergedNote(column, cell) });
      }
      // A row hidden in the workbook, often by a filter, is read like the others: the person who
      // saw only the shown rows in Excel may not mean to import it, so it is said.
      if (sourceRow.hidden) read.notes.unshift({ cell: String(sourceRow.rowNumber), message: HIDDEN_ROW_NOTE, heed: true });
      // So is one whose cells are struck through: offices strike out a record rather than delete it.
      const struck = columns.filter((column) => sourceRow.struckCells?.includes(column.index)).map((column) => `${column.letter}${sourceRow.rowNumber}`);
      if (struck[0] !== undefined) read.notes.unshift({ cell: struck[0], message: struckNote(struck), heed: true });
      const prepared = adapter.prepare(scope, read, sourceRow.rowNumber);
      const legacyCells = legacyFontProblems(sourceRow, columns);
      const stored: StoredRow = { row: sourceRow.rowNumber, cells: sourceRow.cells };
      const place = prepared.place;
      if (place?.kind === 'mapped') stored.communeCodes = [place.commune.code];
      if (place?.kind === 'ambiguous') stored.communeCodes = place.candidates.map((commune) => commune.code);
      if (place && (place.kind !== 'mapped' || place.answered) && place.key) stored.placeKey = place.key;
      if (place?.kind === 'unknown') stored.needsPlaceIn = place.provinceCode;
      if (place?.kind === 'ambiguous' && place.notInDistrict) stored.placeReason = notInDistrictWords(place.notInDistrict, place.provinceCode);
      if (place?.answered) stored.answered = true;
      const notes = notesBesideProblems(prepared.notes, prepared.problems);
      if (notes.length) stored.notes = notes;
      if (prepared.problems.length || legacyCells.length) stored.problems = [...prepared.problems, ...legacyCells];
      else {
        // Most rows have the fields the row before had: the set kept for those is taken without a key made.
        let present: ReadonlySet<string> | undefined = lastPresent !== null && sameMembers(lastPresent, prepared.present) ? lastPresent : undefined;
        if (!present) {
          const presentKey = [...prepared.present].join('\u0000');
          present = presentSets.get(presentKey);
          if (!present) presentSets.set(presentKey, (present = prepared.present));
          lastPresent = present;
        }
        stored.prepared = { input: prepared.input, present, figures: prepared.figures, ...(read.datesWithin ? { datesWithin: read.datesWithin } : {}) };
        // Each key looked up once: the first row that had it, or this row from now on.
        let earlier: StoredRow | undefined;
        for (const key of adapter.fileKeys(prepared)) {
          const found = firstRowOfKey.get(key);
          if (found) earlier ??= found;
          else firstRowOfKey.set(key, stored);
        }
        // A place the app could not read, answered in this import: the row was checked, keyed and is
        // matched in the commune chosen, as it would be written there (`RowPlace.chosen`).
        if (place?.kind === 'unknown' && place.chosen !== undefined) stored.matchedInCommune = place.chosen;
        const found = adapter.match(scope, prepared);
        // A stored organization or partner an earlier row matched too (by its Mã số, or one row by
        // it and one by the name): the row repeats that row, rather than updating the record a
        // second time with the later row silently winning. (A match by the row's whole key — a
        // year's figures, a product… — is found by `fileKeys` alone; for figures `id` is the organization's.)
        const recordKey = found && found.id !== null && found.reason !== 'existing' ? `record:${String(found.id)}` : null;
        const sameRecord = recordKey === null ? undefined : firstRowOfKey.get(recordKey);
        if (recordKey !== null && !sameRecord) firstRowOfKey.set(recordKey, stored);
        // A record found by the row's whole key is the earlier row's too: the row repeats it.
        const repeated = sameRecord ?? (earlier && (!found || found.reason === 'existing') ? earlier : undefined);
        // Found by its number, renamed or moved to a name an earlier row of the file writes in that commune: two would be.
        const besideRow = !repeated && prepared.rewrite ? earlier : undefined;
        const doubtful = prepared.doubtful ?? (besideRow ? true : undefined);
        const match = repeated
          ? { reason: 'inFile' as const, id: null, name: found?.name ?? shownCell(repeated.cells[nameIndex]), place: '', row: repeated.row }
          : found && doubtful
            ? { ...found, doubtful }
            : found;
        if (match) stored.match = match;
        // An amount likely not meant holds the row back too, though the match is not in doubt.
        if (doubtful || read.doubtful) stored.doubtful = true;
        if (sameRecord) stored.notes = [sameRecordNote(sourceRow.rowNumber, sameRecord.row), ...(stored.notes ?? [])];
        if (besideRow && prepared.rewrite) stored.notes = [movedBesideRowNote(sourceRow.rowNumber, besideRow, prepared.rewrite, nameIndex), ...(stored.notes ?? [])];
      }
      rows.push(stored);
      held += storedBytes(stored);
    }
    // A CSV does not say how many rows it has: the bytes read so far tell.
    const total = expected ?? (bytes.read > 0 ? Math.max(seen, Math.round((seen * bytes.total) / bytes.read)) : null);
    control.report(seen, total, 'validating');
    control.throwIfCancelled();
  }
  if (rows.length === 0) {
    throw importProblem(`Trang tính «${analysis.sheet}» không có dòng dữ liệu nào dưới dòng tiêu đề (dòng ${String(analysis.headerRows.at(-1) ?? analysis.dataStartRow - 1)}).`);
  }
  return { analysis: analysisState, columns, year, values, valueChoices: scope.choices.choices(), choiceOptions: scope.choices.optionsFor(), programmeId, rows, legacyFontRows, bytes: held, registerMark };
}

/** The column of the name a row is known by (an organization's, a partner's), or -1. */
function nameColumnIndex(columns: readonly MappedColumn[]): number {
  return columns.find((column) => column.field.key === 'name' || column.field.key === 'organizationName')?.index ?? -1;
}

function sameMembers(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const member of a) if (!b.has(member)) return false;
  return true;
}

/**
 * A rough count of the bytes a stored row holds in V8 — objects and arrays of 8-byte slots, text
 * at up to two bytes a character — generous rather than exact: it only decides when to let go.
 */
function storedBytes(row: StoredRow): number {
  let bytes = 96 + 8 * row.cells.length;
  for (const cell of row.cells) {
    if (typeof cell === 'string') bytes += 24 + 2 * cell.length;
    else if (cell !== null && typeof cell === 'object') bytes += 64;
  }
  for (const problem of row.problems ?? []) bytes += 96 + 2 * (problem.cell.length + problem.message.length);
  if (row.match) bytes += 160;
  if (row.communeCodes) bytes += 32 + 24 * row.communeCodes.length;
  // The contract's input: an object of a few dozen fields, its texts mostly the cells' own.
  if (row.prepared) bytes += 64 + 16 * Object.keys(row.prepared.input ?? {}).length + (row.prepared.figures ? 160 : 0);
  return bytes;
}

/**
 * A row under the footer that looks like an organization's rather than a signer's name: a name
 * with a row number before it, or with two more cells of the table beside it.
 */
function looksLikeData(row: SourceRow, columns: readonly MappedColumn[], nameIndex: number): boolean {
  const filled = filledCells(row);
  if (nameIndex >= 0 && !filled.some((cell) => cell.index === nameIndex)) return false;
  const mapped = filled.filter((cell) => columns.some((column) => column.index === cell.index));
  const [first] = filled;
  return mapped.length >= 3 || (first !== undefined && first.index !== nameIndex && typeof first.value === 'number' && isNumbering(first.value));
}

/**
 * A header row again under the table's ("Tên THT", "Địa chỉ", "Điện thoại" of a second table on the
 * sheet): its mapped cells, two at least, are each a header naming its column's field. Only a row
 * with a cell that is its column's header as written is looked at closer: data rows cost one comparison a cell.
 */
function isRepeatedHeader(kind: ImportKind, row: SourceRow, columns: readonly MappedColumn[]): boolean {
  const headerAgain = (column: MappedColumn) => {
    const cell = row.cells[column.index];
    return typeof cell === 'string' && column.header !== '' && cell.trim() === column.header;
  };
  if (!columns.some(headerAgain)) return false;
  let named = 0;
  for (const column of columns) {
    const value = row.cells[column.index];
    if (value === null || value === undefined || shownCell(value) === '') continue;
    if (typeof value !== 'string' || fieldOfHeader(kind, value) !== column.field.key) return false;
    named += 1;
  }
  return named >= 2;
}

function repeatedHeaderProblem(row: number): ImportProblem {
  return { cell: String(row), message: `Dòng ${row} là dòng tiêu đề lặp lại (như dòng tiêu đề của bảng), không phải dữ liệu: bỏ qua.` };
}

function afterFooterProblem(row: number, footerRow: number): ImportProblem {
  return {
    cell: String(row),
    message:
      `Dòng ${row} nằm dưới phần cuối bảng (ngày tháng, chức danh, chữ ký) bắt đầu từ dòng ${footerRow}, nên không được nhập. ` +
      'Nếu đây là một dòng dữ liệu, hãy chuyển nó lên trên phần cuối bảng rồi nhập lại tệp.',
  };
}

/**
 * Cells typed in a pre-Unicode font in a file otherwise in Unicode ("Hîp t¸c x· N«ng nghiÖp"):
 * stored as they are they would be gibberish in the register, so each is refused at its cell. One
 * stray symbol ("25°C") is not a font: two at least are asked for.
 */
function legacyFontProblems(row: SourceRow, columns: readonly MappedColumn[]): ImportProblem[] {
  const problems: ImportProblem[] = [];
  for (const column of columns) {
    const value = row.cells[column.index];
    if (typeof value !== 'string') continue;
    const font = detectLegacyEncoding([value]);
    if (!font || (value.match(/[\u00a1-\u00ff]/g)?.length ?? 0) < 2) continue;
    problems.push({
      cell: `${column.letter}${row.rowNumber}`,
      message: `${column.field.label}: «${value.trim()}» có vẻ gõ bằng phông cũ ${legacyFontName(font)}, nhập vào sẽ sai dấu. Hãy chuyển mã ô này sang Unicode (ví dụ bằng Unikey: Công cụ chuyển mã) rồi nhập lại tệp.`,
    });
  }
  return problems;
}

/**
 * A cell as the preview shows it: a date column's serial numbers as dd/mm/yyyy; an amount its
 * header's multiple scales as written and as stored («1,5 → 1.500.000 ₫»), read as the row was,
 * so that no number of a column in millions is written in đồng unseen. (A price is said by the
 * line above the rows: it is stated for the row's unit after it is read.)
 */
function shownValue(column: MappedColumn, row: StoredRow, options: ReadOptions | null): string {
  const value = row.cells[column.index];
  if (column.field.type === 'date' && typeof value === 'number') {
    const parsed = parseDateCell(value);
    if (parsed && 'iso' in parsed) return formatIsoDateVi(parsed.iso);
  }
  const shown = shownCell(value);
  if (options === null || !scaledByHeader(column) || column.field.price || shown === '') return shown;
  const amount = readRow({ rowNumber: row.row, cells: row.cells }, [column], options).values.get(column.field.key);
  return typeof amount === 'number' ? `${shown} → ${formatMoney(amount)}` : shown;
}

/** An amount column whose header names a multiple of the đồng ("Vốn điều lệ (triệu đồng)"): its bare numbers are stored multiplied. */
function scaledByHeader(column: MappedColumn): boolean {
  return column.field.type === 'money' && column.scale !== 1;
}

/** A mapped column as the preview names it, with the unit its header names when the app reads its numbers in it. */
function previewColumn(column: MappedColumn): ImportPreview['columns'][number] {
  const { letter, header, field } = column;
  if (scaledByHeader(column)) return { letter, header, field: field.key, multiple: column.scale };
  if (field.unitAfter && column.headerUnit !== null) return { letter, header, field: field.key, unit: column.headerUnit };
  return { letter, header, field: field.key };
}

function defaultActionOf(row: StoredRow): ImportAction {
  // A row that may be another organization than the one it names is written only when the person says so.
  if (row.problems || row.doubtful) return 'skip';
  if (!row.match) return 'create';
  // Only a stable key is taken as the same record without the person saying so.
  return row.match.reason === 'registrationNo' || row.match.reason === 'existing' ? 'update' : 'skip';
}

/**
 * What Cập nhật would change of the stored record the row matches, read when its page is shown, so
 * as the commit would write it now: with the commune the row was read as (`communeCode` null), the
 * one the person chose for it, or, while the person has still to choose one (undefined), the stored
 * commune kept (the choice stands beside it).
 */
function updateChangesOf(ctx: Context, adapter: KindAdapter, row: StoredRow, communeCode: string | null | undefined): ImportChanges | null {
  const id = row.match?.id;
  if (id == null || !row.prepared) return null;
  return adapter.changes(ctx, id, row.prepared, communeCode);
}

/**
 * A commune as the preview names it: with its province when that is not the alliance's
 * (`homeProvinceCode`: a cooperative of another province). Each name `written` as its place needs:
 * as it is in an option, `unitNameInSentence` in a sentence.
 */
function placeOf(ctx: Context, code: string, homeProvinceCode: string | undefined, written: (fullName: string) => string = (fullName) => fullName): ImportPlace {
  const commune = ctx.places.commune(code);
  if (!commune) return { code, name: code };
  const elsewhere = commune.provinceCode === homeProvinceCode ? null : ctx.places.province(commune.provinceCode);
  return { code, name: elsewhere ? `${written(commune.fullName)} (${written(elsewhere.fullName)})` : written(commune.fullName) };
}

function countsOf(rows: readonly StoredRow[]): ImportCounts {
  const counts: ImportCounts = { rows: rows.length, valid: 0, invalid: 0, matched: 0, fresh: 0, ambiguous: 0, unplaced: 0, noted: 0 };
  for (const row of rows) {
    if (row.problems) counts.invalid += 1;
    else {
      counts.valid += 1;
      if (row.match) counts.matched += 1;
      else counts.fresh += 1;
      if ((row.communeCodes?.length ?? 0) > 1) counts.ambiguous += 1;
      if (row.needsPlaceIn !== undefined) counts.unplaced += 1;
      if (row.notes) counts.noted += 1;
    }
  }
  return counts;
}

function passes(row: StoredRow, filter: PreviewFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'problems':
      return row.problems !== undefined;
    case 'notes':
      return !row.problems && row.notes !== undefined;
    case 'matches':
      return !row.problems && row.match !== undefined;
    case 'new':
      return !row.problems && row.match === undefined;
    case 'ambiguous':
      return !row.problems && ((row.communeCodes?.length ?? 0) > 1 || row.needsPlaceIn !== undefined);
  }
}

export function previewPage(
  ctx: Context,
  state: PreviewState,
  input: { filter: PreviewFilter; page: number; pageSize: number; placeAnswers: CommitChoices['placeAnswers']; decisions: CommitChoices['decisions'] },
): ImportPreview {
  const matching = input.filter === 'all' ? state.rows : state.rows.filter((row) => passes(row, input.filter));
  const decisions = new Map(input.decisions.map((decision) => [decision.row, decision]));
  const placeAnswers = new Map(input.placeAnswers.map((answer) => [answer.placeKey, answer.communeCode]));
  const slice = matching.slice((input.page - 1) * input.pageSize, input.page * input.pageSize);
  const home = getAlliance(ctx)?.provinceCode;
  const adapter = kindAdapters[state.analysis.analysis.kind];
  const options = state.columns.some(scaledByHeader) ? readOptions(ctx, state.analysis.source, state.programmeId, state.year) : null;
  const rows: ImportPreviewRow[] = slice.map((row) => {
    const codes = row.communeCodes ?? [];
    return {
      row: row.row,
      status: row.problems ? 'invalid' : 'valid',
      values: state.columns.map((column) => shownValue(column, row, options)),
      problems: row.problems ?? [],
      match: row.match ?? null,
      commune: codes.length === 1 && codes[0] ? placeOf(ctx, codes[0], home) : null,
      communeChoices: codes.length > 1 ? codes.map((code) => placeOf(ctx, code, home)) : [],
      needsPlace: row.needsPlaceIn !== undefined,
      placeProvinceCode: row.needsPlaceIn ?? null,
      placeReason: row.placeReason ?? null,
      placeKey: row.placeKey ?? null,
      placeRemembered: row.answered === true,
      notes: row.notes ?? [],
      ...(row.doubtful ? { doubtful: true as const } : {}),
      defaultAction: defaultActionOf(row),
      changes: updateChangesOf(ctx, adapter, row, asksForPlace(row) ? (chosenPlace(ctx, row, decisions.get(row.row), placeAnswers) ?? undefined) : null),
    };
  });
  const page: Page<ImportPreviewRow> = { rows, total: matching.length };
  return {
    kind: state.analysis.analysis.kind,
    fileName: state.analysis.analysis.fileName,
    columns: state.columns.map(previewColumn),
    counts: countsOf(state.rows),
    page,
    year: state.year,
    valueChoices: state.valueChoices,
    choiceOptions: state.choiceOptions,
    legacyFontsRead: [...state.legacyFontRows].map(([font, count]) => ({ font, rows: count })).sort((a, b) => a.font.localeCompare(b.font)),
  };
}

// ---------------------------------------------------------------------------------------------
// Commit

/**
 * A failure of one row's write, said with the row, so the person knows which to fix. A row the
 * preview found no record for that now meets one with its key was met by a record saved since the
 * preview (by another person, or another window): the register changed, so the rows are to be
 * checked again, which a second «Ghi» alone would not do.
 */
function atRow(row: StoredRow, error: unknown): unknown {
  if (!(error instanceof AppFailure)) return error;
  const { message } = error.error;
  if (error.error.kind === 'conflict' && row.match === undefined) {
    return changedSincePreview(row, error, 'Hồ sơ đó được lưu sau khi kiểm tra, nên dòng này không còn là hồ sơ mới. ');
  }
  // A person's form offers to open the record that holds the number; the import says what to do instead.
  const instead = error.error.kind === 'conflict' ? ' Hãy chọn «Cập nhật» hoặc «Bỏ qua» cho dòng này.' : '';
  return new AppFailure({ ...error.error, message: `Dòng ${row.row}: ${message}${instead}` });
}

/**
 * A row's write the register refuses because it changed since the preview (a record saved since,
 * a past gained since), `why` said after the refusal: the rows are to be checked again, which a
 * second «Ghi» alone would not do.
 */
function changedSincePreview(row: StoredRow, error: unknown, why = ''): unknown {
  if (!(error instanceof AppFailure)) return error;
  return new AppFailure({
    ...error.error,
    message:
      `Chưa ghi gì vào dữ liệu: dữ liệu đã thay đổi từ lúc kiểm tra các dòng. Dòng ${row.row}: ${error.error.message} ${why}` +
      'Hãy bấm «Kiểm tra lại các dòng» (các xã, phường đã chọn và các dòng bỏ qua được giữ nguyên), xem lại các dòng rồi ghi lại.',
  });
}

function problemsText(problems: readonly ImportProblem[]): string {
  return problems.map((problem) => `${problem.cell}: ${problem.message}`).join('; ');
}

/** Creations left for later (`KindAdapter.recordCreated`) recorded at once: a few milliseconds of SQL, between two answers to the window. */
const RECORDED_AT_ONCE = 2_000;

/** What an import of each kind writes (or its undo removes) by the tens of thousands: their indexes wait (`loadInBulk`). */
function bulkOptions(kind: ImportKind): BulkLoadOptions {
  if (kind === 'organizations') return { indexedTables: [organizations, yearlyFigures] };
  if (kind === 'figures') return { indexedTables: [yearlyFigures] };
  return {};
}

/**
 * The person's mapping as kept for the next file with these headers: each imported column's field,
 * and null for a column left out although its header names a field. A column whose header names
 * none is not kept, so that a field the app learns later is proposed for it.
 */
function rememberedMapping(kind: ImportKind, columns: readonly ImportColumn[], mapped: readonly MappedColumn[]): Record<string, string | null> {
  return Object.fromEntries(
    columns.flatMap((column) => {
      const field = mapped.find((candidate) => candidate.index === column.index)?.field.key ?? null;
      return field !== null || fieldOfHeader(kind, column.header) !== null ? [[headerKey(column.header), field]] : [];
    }),
  );
}

/** A step of the rebuild after a bulk commit or undo: said, with a turn for the window's questions and a cancel. */
function rebuildStep(control: JobControl): BulkRebuildStep {
  return async (done, total) => {
    control.report(done, total, 'rebuilding');
    await nextTurn();
    control.throwIfCancelled();
  };
}

type CommitChoices = Pick<z.output<typeof importCommitInput>, 'decisions' | 'bulk' | 'bulkTurns' | 'placeAnswers'>;
type RowDecision = CommitChoices['decisions'][number];

/** What is done with a row without problems, by the rule the preview shows it by (`chosenImportAction`). */
function chosenAction(row: StoredRow, decision: RowDecision | undefined, choices: CommitChoices): ImportAction {
  return chosenImportAction(row, decision, choices, defaultActionOf(row));
}

/** A row the person is asked the commune of: an old address that went to several, or a place the app could not read. */
function asksForPlace(row: StoredRow): boolean {
  return (row.communeCodes?.length ?? 0) > 1 || row.needsPlaceIn !== undefined;
}

/** The commune chosen for a row `asksForPlace` of, for the row or its address; null while none that fits is. */
function chosenPlace(ctx: Context, row: StoredRow, decision: RowDecision | undefined, placeAnswers: ReadonlyMap<string, string>): string | null {
  const chosen = decision?.communeCode ?? (row.placeKey ? placeAnswers.get(row.placeKey) : undefined);
  if (chosen === undefined) return null;
  const fits = row.needsPlaceIn !== undefined ? ctx.places.commune(chosen)?.provinceCode === row.needsPlaceIn : (row.communeCodes ?? []).includes(chosen);
  return fits ? chosen : null;
}

/**
 * The rows that would be written but for their commune, still to choose: asked before the commit,
 * so that the person leaves them out knowingly or goes back to choose.
 */
export function awaitingPlaces(ctx: Context, state: PreviewState, input: CommitChoices): ImportAwaitingPlaces {
  const decisions = new Map(input.decisions.map((decision) => [decision.row, decision]));
  const placeAnswers = new Map(input.placeAnswers.map((answer) => [answer.placeKey, answer.communeCode]));
  const rows: number[] = [];
  let othersWritten = 0;
  for (const row of state.rows) {
    const decision = decisions.get(row.row);
    if (row.problems || chosenAction(row, decision, input) === 'skip') continue;
    if (asksForPlace(row) && chosenPlace(ctx, row, decision, placeAnswers) === null) rows.push(row.row);
    else othersWritten += 1;
  }
  return { sheet: state.analysis.analysis.sheet, count: rows.length, rows: rows.slice(0, AWAITING_ROWS_NAMED), othersWritten };
}

/** Rows named in the question before a commit: enough to find them, short enough to read. */
const AWAITING_ROWS_NAMED = 10;

/**
 * Refuses the commit, before anything is written, when a row to be added now meets a record its
 * kind's `create` would take as the person's choice, which would be doubled: an organization of
 * its name in its commune, a partner of its tax code or of its name in its province. Asked, row by
 * row before the rows are written, each with one index lookup (a bulk load sets that index aside):
 * of the rows the preview found no record for when the database changed since it (`registerMoved`:
 * saved since, by a person, another window, another import), and of those whose «Cập nhật» moves
 * their organization into the commune their place was read as; and always of a row placed in a
 * commune the person chose for a place the app could not read, but the one the preview matched it
 * in (`StoredRow.matchedInCommune`): the preview never looked there, for a row added or one whose
 * «Cập nhật» moves its organization there (the preview asks about that one, as a person's save
 * does: `movedBesideNameNote` in the kinds). So, when the database changed, is a row to write
 * that the register would now refuse (`refuseUpdateSincePreview`: a record it updates that gained
 * a past, an organization it updates or is of that was moved to the Thùng rác).
 */
async function refuseFoundSincePreview(
  scope: ImportScope,
  adapter: KindAdapter,
  state: PreviewState,
  input: CommitChoices,
  registerMoved: boolean,
  control: JobControl,
  pause: () => Promise<void>,
): Promise<void> {
  if (!adapter.refuseFoundSincePreview && !adapter.refuseUpdateSincePreview) return;
  const decisions = new Map(input.decisions.map((decision) => [decision.row, decision]));
  const placeAnswers = new Map(input.placeAnswers.map((answer) => [answer.placeKey, answer.communeCode]));
  const writtenIn = rowsWritten(scope.ctx, state, input);
  for (const row of state.rows) {
    await pause();
    control.throwIfCancelled();
    if (row.problems || !row.prepared || (!registerMoved && row.needsPlaceIn === undefined)) continue;
    const decision = decisions.get(row.row);
    const action = chosenAction(row, decision, input);
    if (action !== 'skip' && registerMoved) {
      try {
        // A row to add, or repeating another's «Cập nhật», names no record of its own; the organization it is of, it may.
        adapter.refuseUpdateSincePreview?.(scope, action === 'update' ? (row.match?.id ?? null) : null, row.prepared);
      } catch (error) {
        throw changedSincePreview(row, error);
      }
    }
    // A «Cập nhật» moves its record into the commune the row is written in: for a repeat, the record
    // the row it repeats matched, or adds (not stored yet, so any organization of its name there is another).
    const target = action === 'update' ? updatedRecord(state.rows, row, writtenIn) : null;
    if (action === 'skip' || (action === 'update' && target === null)) continue;
    const updated = target?.updated ?? null;
    // Read, an update's commune is the one its place was read as: without one, the record stays where it is.
    const communeCode = asksForPlace(row) ? chosenPlace(scope.ctx, row, decision, placeAnswers) : updated !== null ? (row.communeCodes?.[0] ?? null) : null;
    // Left without its commune, the row is not written.
    if ((asksForPlace(row) || updated !== null) && communeCode === null) continue;
    const unlooked = row.needsPlaceIn !== undefined && communeCode !== row.matchedInCommune;
    if (unlooked) {
      try {
        adapter.refuseFoundSincePreview?.(scope, row.prepared, communeCode, updated);
      } catch (error) {
        throw inChosenCommune(row, error);
      }
      continue;
    }
    // A row the preview asked about was chosen knowing what is there; another moved where a record
    // of its name was saved since would not have been asked about.
    if (!registerMoved || (updated === null ? row.match : row.doubtful)) continue;
    try {
      adapter.refuseFoundSincePreview?.(scope, row.prepared, communeCode, updated);
    } catch (error) {
      throw updated === null ? atRow(row, error) : changedSincePreview(row, error);
    }
  }
}

/**
 * A record found where the person placed a row the app could not place, which the preview never
 * looked at: checked again with that commune, the row is matched to it for the person to choose.
 */
function inChosenCommune(row: StoredRow, error: unknown): unknown {
  if (!(error instanceof AppFailure)) return error;
  return new AppFailure({
    ...error.error,
    message:
      `Chưa ghi gì vào dữ liệu. Dòng ${row.row}: ${error.error.message} Xã, phường của dòng này được chọn sau khi kiểm tra các dòng, nên chưa được đối chiếu với các tổ chức ở đó. ` +
      'Hãy bấm «Kiểm tra lại các dòng» (các xã, phường đã chọn và các dòng bỏ qua được giữ nguyên), xem lại dòng này rồi ghi lại.',
  });
}

/**
 * Refuses the commit, before anything is written, when a row written in a commune the person chose
 * for a place the app could not read, which the preview did not key it by
 * (`StoredRow.matchedInCommune`), and another row written there leave two organizations of one
 * name there (the same `KindAdapter.fileKeyIn`), each added, or moved or renamed there by its
 * «Cập nhật» — a repeat's too, chosen for «Cập nhật» of the record the row it repeats writes: the
 * preview, checking them again, would take the later for a repeat of the earlier (`fileKeys`), or,
 * the later found by its Mã số, ask about it (`movedBesideRowNote`), skipped unless the person
 * chooses; written now, both would be. One rule with a record found where the preview never looked
 * (`inChosenCommune`): the rows are checked again, which keeps the preview's own check the only one
 * that says which is a repeat.
 */
function refuseRepeatedInChosenCommune(ctx: Context, adapter: KindAdapter, state: PreviewState, input: CommitChoices, homeProvinceCode: string): void {
  if (!adapter.fileKeyIn) return;
  const writtenIn = rowsWritten(ctx, state, input);
  const unlooked = new Set<number>();
  const communes = new Set<string>();
  for (const row of state.rows) {
    if (row.needsPlaceIn === undefined) continue;
    const written = writtenIn(row);
    if (written === null || written.communeCode === row.matchedInCommune) continue;
    unlooked.add(row.row);
    communes.add(written.communeCode);
  }
  if (communes.size === 0) return;
  const firstOfKey = new Map<string, WrittenIn>();
  for (const row of state.rows) {
    // Only the rows written where one was placed by hand: the others the preview told apart.
    const written = writtenIn(row);
    if (written === null || !communes.has(written.communeCode) || !row.prepared) continue;
    const key = adapter.fileKeyIn(ctx, row.prepared, written.communeCode, written.updated);
    if (key === null) continue;
    const earlier = firstOfKey.get(key);
    if (!earlier) firstOfKey.set(key, written);
    // A repeat written where the row it repeats writes its record is that record, not a second one.
    else if (earlier.record !== written.record && (unlooked.has(row.row) || unlooked.has(earlier.row.row))) {
      throw repeatedInChosenCommune(ctx, state, earlier, written, unlooked, homeProvinceCode);
    }
  }
}

/**
 * How the commit writes each row with the person's choices: the commune it is written in and what
 * it adds or updates; null for a row not written (or not in a commune).
 */
function rowsWritten(ctx: Context, state: PreviewState, input: CommitChoices): (row: StoredRow) => WrittenIn | null {
  const decisions = new Map(input.decisions.map((decision) => [decision.row, decision]));
  const placeAnswers = new Map(input.placeAnswers.map((answer) => [answer.placeKey, answer.communeCode]));
  const writtenIn = (row: StoredRow): WrittenIn | null => {
    if (row.problems || !row.prepared) return null;
    const decision = decisions.get(row.row);
    const action = chosenAction(row, decision, input);
    if (action === 'skip') return null;
    const target = action === 'update' ? updatedRecord(state.rows, row, writtenIn) : { updated: null, record: `row:${String(row.row)}` };
    if (target === null) return null;
    const communeCode = asksForPlace(row) ? chosenPlace(ctx, row, decision, placeAnswers) : (row.communeCodes?.[0] ?? null);
    const how = action === 'create' ? 'adds' : row.match?.id == null ? 'repeats' : 'updates';
    return communeCode === null ? null : { row, communeCode, how, ...target };
  };
  return writtenIn;
}

/** A row as the commit writes it, in a commune (`rowsWritten`). */
interface WrittenIn {
  row: StoredRow;
  communeCode: string;
  /** Added, «Cập nhật» of the record it matched, or «Cập nhật» of the one an earlier row of the file is (a repeat). */
  how: 'adds' | 'updates' | 'repeats';
  /** The stored record it updates; null when it adds one, or updates one an earlier row adds. */
  updated: number | null;
  /** Which record it writes: a stored one's id, or the row that adds it. */
  record: string;
}

/**
 * The record a row's «Cập nhật» writes over, as the commit finds it (`writtenOf`): the stored one it
 * matched, or, for a repeat, the one the row it repeats matched or adds; null when that row is not
 * written and matched none, so that there is nothing to update.
 */
function updatedRecord(rows: readonly StoredRow[], row: StoredRow, writtenIn: (row: StoredRow) => WrittenIn | null): Pick<WrittenIn, 'updated' | 'record'> | null {
  if (row.match?.id != null) return { updated: row.match.id, record: String(row.match.id) };
  const earlier = row.match?.row == null ? undefined : rowNumbered(rows, row.match.row);
  if (earlier?.match?.id != null) return { updated: earlier.match.id, record: String(earlier.match.id) };
  const written = earlier ? writtenIn(earlier) : null;
  return written && { updated: written.updated, record: written.record };
}

/** The row of the file numbered `rowNumber`: rows are kept in the file's order. */
function rowNumbered(rows: readonly StoredRow[], rowNumber: number): StoredRow | undefined {
  let [low, high] = [0, rows.length - 1];
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const row = rows[middle];
    if (!row) return undefined;
    if (row.row === rowNumber) return row;
    if (row.row < rowNumber) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}

function repeatedInChosenCommune(ctx: Context, state: PreviewState, earlier: WrittenIn, later: WrittenIn, unlooked: ReadonlySet<number>, homeProvinceCode: string): AppFailure {
  const nameIndex = nameColumnIndex(state.columns);
  const [first, second] = [earlier.row, later.row];
  const placed = [first, second].filter((row) => unlooked.has(row.row)).map((row) => `dòng ${row.row}`);
  const recheck = 'Hãy bấm «Kiểm tra lại các dòng» (các xã, phường đã chọn và các dòng bỏ qua được giữ nguyên)';
  return conflict(
    `Chưa ghi gì vào dữ liệu. Dòng ${second.row} («${shownCell(second.cells[nameIndex])}») cùng tên với dòng ${first.row} («${shownCell(first.cells[nameIndex])}»), ` +
      `cùng ở ${placeOf(ctx, later.communeCode, homeProvinceCode, unitNameInSentence).name}: ` +
      (earlier.how === 'adds' && later.how === 'adds' ? 'ghi cả hai dòng sẽ thêm hai lần một tổ chức. ' : 'ghi cả hai dòng thì ở đó sẽ có hai tổ chức cùng tên. ') +
      `Xã, phường của ${placed.join(' và ')} được chọn sau khi kiểm tra các dòng, nên hai dòng chưa được đối chiếu với nhau. ` +
      // Checked again, a row added there is a repeat of the earlier, and one moved there is asked about; a repeat stays one of the row it repeats.
      (later.how === 'repeats'
        ? `${recheck}, xem lại hai dòng (dòng ${second.row} là trùng dòng ${String(second.match?.row ?? '')}, được chọn «Cập nhật») rồi ghi lại.`
        : `${recheck}: dòng ${second.row} sẽ hiện ` +
          (later.how === 'adds' ? `là trùng dòng ${first.row}` : `kèm lời nhắc cùng tên với dòng ${first.row}`) +
          ', để «Bỏ qua» trừ khi chọn khác; xem lại rồi ghi lại.'),
  );
}

/**
 * Writes the chosen rows in one transaction of its own (`inLongTransaction`): the window keeps its
 * progress bar and its Hủy, which rolls everything back, and nothing is seen until all is written.
 */
export async function commit(ctx: Context, state: PreviewState, input: z.output<typeof importCommitInput>, control: JobControl): Promise<CommitState> {
  const { analysis } = state.analysis;
  const adapter = kindAdapters[analysis.kind];
  const decisions = new Map(input.decisions.map((decision) => [decision.row, decision]));
  const placeAnswers = new Map(input.placeAnswers.map((answer) => [answer.placeKey, answer.communeCode]));
  const provinceCode = homeProvince(ctx);
  const failures = new Map<number, string>();
  const summary: ImportSummary = { batchId: null, created: 0, updated: 0, skipped: 0, failed: 0, partnersAdded: 0, unchanged: 0 };
  refuseRepeatedInChosenCommune(ctx, adapter, state, input, provinceCode);
  const backup = backUpBeforeCommit(ctx, 'beforeImport', control);
  control.report(0, state.rows.length, 'saving');

  try {
    await inLongTransaction(ctx, async ({ ctx: tx, pause }) => {
      const scope = importScope(tx, { kind: analysis.kind, homeProvinceCode: provinceCode, year: state.year, columns: state.columns, values: state.values, programmeId: state.programmeId });
      // Read on the window's connection, once this one holds the write lock: whatever was committed
      // or written since the preview is in it. Most commits follow their preview with nothing between.
      await refuseFoundSincePreview(scope, adapter, state, input, changeMark(ctx.db) !== state.registerMark, control, pause);
      const usedAnswers = new Map<string, string>();
      const startedAt = timestamp(tx);
      const batch = tx.db
        .insert(importBatches)
        .values({ kind: analysis.kind, fileName: analysis.fileName, sheetName: analysis.sheet, createdAt: startedAt })
        .returning({ id: importBatches.id })
        .get();
      /**
       * The record each row is, for a later row of the file that is the same one: the stored one it
       * matched, written or not, else the one it became when written.
       */
      const writtenOf = new Map<number, number>();
      /** The import's own record of what it wrote, for undo. */
      const changes = new BatchedInsert(tx.db, importChanges, [
        importChanges.batchId,
        importChanges.entity,
        importChanges.entityId,
        importChanges.action,
        importChanges.before,
        importChanges.after,
        importChanges.afterInAudit,
      ]);
      /** Records the kind's `create` left for later (`CreatedForLater`), in the order created. */
      let createdForLater: number[] = [];
      /** Writes what those records' audit entries and changes follow first, then them. */
      const recordCreated = () => {
        if (createdForLater.length === 0) return;
        flushAudit(tx);
        changes.flush();
        adapter.recordCreated?.(tx, batch.id, createdForLater);
        createdForLater = [];
      };
      await loadInBulk(
        tx.db.$client,
        state.rows.length,
        () =>
          auditInBatches(tx, async () => {
            for (const [index, row] of state.rows.entries()) {
              await pause();
              control.throwIfCancelled();
              control.report(index, state.rows.length, 'saving');
              if (row.problems) {
                failures.set(row.row, problemsText(row.problems));
                continue;
              }
              if (row.match?.id != null) writtenOf.set(row.row, row.match.id);
              const decision = decisions.get(row.row);
              const action = chosenAction(row, decision, input);
              if (action === 'skip') {
                summary.skipped += 1;
                continue;
              }
              const choices = row.communeCodes ?? [];
              let communeCode: string | null = null;
              const { needsPlaceIn } = row;
              if (asksForPlace(row)) {
                communeCode = chosenPlace(tx, row, decision, placeAnswers);
                if (communeCode === null) {
                  failures.set(
                    row.row,
                    needsPlaceIn !== undefined
                      ? `Không đọc được xã, phường từ địa chỉ; chưa chọn xã, phường của ${unitNameInSentence(tx.places.province(needsPlaceIn)?.fullName ?? 'tỉnh')}.`
                      : row.placeReason !== undefined
                        ? `${row.placeReason} Chưa chọn xã, phường.`
                        : `Địa chỉ cũ nay thuộc một trong ${choices.map((code) => placeOf(tx, code, provinceCode, unitNameInSentence).name).join(', ')}; chưa chọn xã, phường.`,
                  );
                  continue;
                }
                if (row.placeKey) usedAnswers.set(row.placeKey, communeCode);
              }
              const target = row.match?.id ?? (row.match?.row != null ? writtenOf.get(row.match.row) : undefined);
              if (action === 'update' && target === undefined) {
                failures.set(row.row, `Dòng ${String(row.match?.row ?? '')} (cùng một hồ sơ) không được thêm, nên không có gì để cập nhật.`);
                continue;
              }
              try {
                const { prepared } = row;
                if (!prepared) throw new Error(`Row ${row.row} has neither problems nor what the preview made of it.`);
                const updating = action === 'update' && target !== undefined;
                // Whatever is written other than a creation left for later follows those before it.
                if (updating || !adapter.recordCreated) recordCreated();
                const change = updating ? adapter.update(scope, target, prepared, communeCode) : adapter.create(scope, prepared, communeCode);
                if (!change) {
                  // Chosen for Cập nhật, its record already held all it says: said so, not left unexplained among the skipped.
                  summary.skipped += 1;
                  summary.unchanged += 1;
                  continue;
                }
                writtenOf.set(row.row, change.entityId);
                if ('recordedLater' in change) {
                  createdForLater.push(change.entityId);
                  if (createdForLater.length >= RECORDED_AT_ONCE) recordCreated();
                  summary.created += 1;
                  continue;
                }
                for (const written of [...(change.prior ?? []), change, ...(change.also ?? [])]) {
                  if (written !== change && written.entity === 'partner' && written.action === 'create') summary.partnersAdded += 1;
                  const inAudit = written.afterInAudit === true;
                  changes.add([batch.id, written.entity, written.entityId, written.action, jsonText(written.before), inAudit ? null : jsonText(written.after), inAudit ? 1 : 0]);
                }
                // Counted as what the person chose: a «Cập nhật» of an organization whose list writes
                // its first figures of the year (a figures record created) is an update, not an addition.
                if (updating) summary.updated += 1;
                else summary.created += 1;
              } catch (error) {
                throw atRow(row, error);
              }
            }
            recordCreated();
            changes.flush();
          }),
        rebuildStep(control),
        bulkOptions(analysis.kind),
      );
      summary.failed = failures.size;
      if (summary.created + summary.updated === 0) {
        // An import that wrote nothing has nothing to undo: it is not listed among the imports.
        tx.db.delete(importBatches).where(eq(importBatches.id, batch.id)).run();
      } else {
        summary.batchId = batch.id;
        // Stamped at the end: whatever changes a record after this is a change made after the import.
        tx.db
          .update(importBatches)
          .set({ created: summary.created, updated: summary.updated, skipped: summary.skipped, failed: summary.failed, createdAt: timestamp(tx) })
          .where(eq(importBatches.id, batch.id))
          .run();
      }
      const mapping = rememberedMapping(analysis.kind, analysis.columns, state.columns);
      tx.db
        .insert(importMappings)
        .values({ kind: analysis.kind, headerSignature: headerSignature(analysis.columns.map((column) => column.header)), mapping, updatedAt: startedAt })
        .onConflictDoUpdate({ target: [importMappings.kind, importMappings.headerSignature], set: { mapping, updatedAt: startedAt } })
        .run();
      // The values and the places the person settled are proposed again next time.
      rememberValues(tx, analysis.kind, state.valueChoices, startedAt);
      for (const [placeKey, communeCode] of usedAnswers) {
        tx.db
          .insert(importPlaceAnswers)
          .values({ placeKey, communeCode, updatedAt: startedAt })
          .onConflictDoUpdate({ target: importPlaceAnswers.placeKey, set: { communeCode, updatedAt: startedAt } })
          .run();
        // Kept with the import, for its undo (`takeBackPlaceAnswers`); one that wrote nothing has none.
        if (summary.batchId !== null) tx.db.insert(importBatchPlaceAnswers).values({ batchId: batch.id, placeKey, communeCode }).run();
      }
      // The backup was made meanwhile: nothing is committed without a sound one.
      await backup.checked();
    });
  } finally {
    // The job ends with its backup: checked and in place, or refused.
    await backup.settled;
  }
  control.report(state.rows.length, state.rows.length, 'saving');
  return { preview: state, summary, failures };
}

// ---------------------------------------------------------------------------------------------
// Failed rows

/** Cells as written back: dates as dd/mm/yyyy text, so the person sees what they typed. */
function cellOut(value: CellValue | undefined): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'object') return formatIsoDateVi(value.date);
  return value;
}

export function failedRowsFileName(state: PreviewState): string {
  return `${state.analysis.analysis.fileName.replace(/\.[^.]+$/, '')} - dong loi.xlsx`;
}

/**
 * The rows not imported, with their original columns and the reason beside each, written to
 * `path`; after a commit, those it did not write, after a preview, those with problems.
 */
export async function writeFailedRows(path: string, state: PreviewState, failures: Map<number, string> | null, control: JobControl): Promise<void> {
  const { analysis } = state.analysis;
  const reasons = failures ?? new Map(state.rows.filter((row) => row.problems).map((row) => [row.row, problemsText(row.problems ?? [])]));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true });
  const sheet = workbook.addWorksheet('Dòng lỗi');
  const width = Math.max(0, ...analysis.columns.map((column) => column.index + 1));
  const header: (string | null)[] = Array.from({ length: width }, () => null);
  for (const column of analysis.columns) header[column.index] = column.header;
  const headerRow = sheet.addRow(['Dòng', ...header, 'Lý do']);
  headerRow.font = { bold: true };
  headerRow.commit();
  let written = 0;
  control.report(0, reasons.size, 'writing');
  for (const row of state.rows) {
    const reason = reasons.get(row.row);
    if (reason === undefined) continue;
    const cells = Array.from({ length: width }, (_, index) => cellOut(row.cells[index]));
    sheet.addRow([row.row, ...cells, reason]).commit();
    written += 1;
    if (written % 1000 === 0) {
      control.report(written, reasons.size, 'writing');
      // 50,000 refused rows take seconds to write: the window keeps its answers meanwhile.
      await nextTurn();
      control.throwIfCancelled();
    }
  }
  sheet.getColumn(width + 2).width = 80;
  sheet.commit();
  await workbook.commit();
  control.report(written, reasons.size, 'writing');
}

// ---------------------------------------------------------------------------------------------
// Batches and undo

type BatchRow = typeof importBatches.$inferSelect;

function toBatch(row: BatchRow): ImportBatch {
  return { ...row };
}

export function listBatches(ctx: Context, input: { page: number; pageSize: number }): Page<ImportBatch> {
  const total = ctx.db.select({ value: count() }).from(importBatches).get()?.value ?? 0;
  const rows = ctx.db
    .select()
    .from(importBatches)
    .orderBy(desc(importBatches.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  return { rows: rows.map(toBatch), total };
}

/**
 * A change as the undo reads it: `after` as the text it was stored as (`JSON.stringify` of what
 * the import left), compared as text with the record now and parsed only when a change is taken
 * back; read (`readAfters`) only for the changes SQLite did not find as left by itself.
 */
type ChangeRow = Omit<typeof importChanges.$inferSelect, 'batchId' | 'after' | 'afterInAudit'> & { after: string | null };

/** The years of figures the import wrote, by organization. */
function ownFigureYears(changes: readonly ChangeRow[]): Map<number, number[]> {
  const years = new Map<number, number[]>();
  for (const change of changes) {
    const year = change.entity === 'figures' && typeof change.before === 'object' && change.before !== null ? (change.before as { year?: unknown }).year : undefined;
    if (typeof year === 'number') years.set(change.entityId, [...(years.get(change.entityId) ?? []), year]);
  }
  return years;
}

/** The record a change wrote: its entity and id, and for figures the year. */
function recordKey(change: ChangeRow): string {
  const year = change.entity === 'figures' && typeof change.before === 'object' && change.before !== null ? (change.before as { year?: unknown }).year : undefined;
  return `${change.entity}:${change.entityId}:${typeof year === 'number' ? year : ''}`;
}

interface LaterChanges {
  /** By change: the record changed since, named. */
  found: Map<number, ImportLaterChange>;
  /** The changes whose record is exactly as the import left it, and pointed at by nothing new. */
  asLeft: Set<number>;
  /** Those of `asLeft` that SQLite found so by itself (`createdAsLeft`): their records are taken back by it too (`undoCreatedAsLeft`). */
  exact: Set<number>;
}

/**
 * The records of an import that were changed since it: ones that differ from what the import left
 * (a hand edit, a later import not undone), and ones it created that other records now point at
 * (an event's participant, a union's member). A later import that was undone leaves no trace here,
 * so undoing the later one first makes the earlier one undoable again. Imports made before the
 * import kept what it left are judged by the audit trail instead.
 */
async function laterChanges(ctx: Context, batch: BatchRow, changes: readonly ChangeRow[], pause: () => Promise<void>): Promise<LaterChanges> {
  const found = new Map<number, ImportLaterChange>();
  const asLeft = new Set<number>();
  const figureYears = ownFigureYears(changes);
  /** The verdict on the newest change of each record the import wrote (`recordKey`), once it is found as left or changed since. */
  const newest = new Map<string, 'asLeft' | ImportLaterChange>();
  // Most of an import's records are found as it left them by SQLite itself; only the others are read.
  const exact = new Set<number>();
  for (let start = 0; start < changes.length; start += EXACT_PAGE) {
    const page = changes.slice(start, start + EXACT_PAGE);
    for (const entity of new Set(page.map((change) => change.entity))) {
      await pause();
      const ids = page.filter((change) => change.entity === entity && change.action === 'create').map((change) => change.id);
      for (const id of adapterOf(batch, entity).createdAsLeft?.(ctx, ids, entity) ?? []) exact.add(id);
    }
  }
  await readAfters(
    ctx,
    changes.filter((change) => !exact.has(change.id)),
    pause,
  );
  // 100,000 changes take seconds to look at: a page at a time, the window keeps its answers meanwhile.
  for (let start = 0; start < changes.length; start += JUDGED_PAGE) {
    await pause();
    const page = changes.slice(start, start + JUDGED_PAGE).filter((change) => {
      if (exact.has(change.id)) asLeft.add(change.id);
      return !exact.has(change.id);
    });
    const judgements = new Map<number, ChangeJudgement>();
    for (const entity of new Set(page.map((change) => change.entity))) {
      // Imports made before the import kept what it left are judged by the audit trail instead (below).
      const kept = page.filter((change) => change.entity === entity && change.after !== null);
      const judged = judgeChanges(adapterOf(batch, entity), ctx, kept.map((change) => storedOf(change)), figureYears);
      for (const [index, change] of kept.entries()) judgements.set(change.id, judged[index] ?? { now: undefined, referenced: false });
    }
    // In the order of the changes, newest first, as the person is told of them.
    for (const change of page) {
      const judged = judgements.get(change.id);
      // A record the import wrote more than once (created, then filled in by a later row of the
      // list) is judged by its newest change: undone first, that gives it back what the older
      // left. A creation others now point at is still named.
      const key = recordKey(change);
      const newer = newest.get(key);
      if (newer !== undefined) {
        const pointedAt = judged?.referenced === true && judged.now !== undefined ? { entity: change.entity, id: change.entityId, name: judged.now.name } : null;
        if (newer !== 'asLeft') found.set(change.id, newer);
        else if (pointedAt) found.set(change.id, pointedAt);
        else asLeft.add(change.id);
        continue;
      }
      let name: string | null;
      if (!judged) name = adapterOf(batch, change.entity).changedSince(ctx, storedOf(change), batch.createdAt);
      else {
        const { now, referenced } = judged;
        const differs = now !== undefined && JSON.stringify(now.values) !== change.after;
        name = now !== undefined && (differs || referenced) ? now.name : null;
        if (now !== undefined && !differs && !referenced) asLeft.add(change.id);
      }
      if (name !== null) found.set(change.id, { entity: change.entity, id: change.entityId, name });
      if (name !== null || asLeft.has(change.id)) newest.set(key, name !== null ? { entity: change.entity, id: change.entityId, name } : 'asLeft');
    }
  }
  // An organization the import created goes with its figures (ON DELETE CASCADE): when a person
  // changed them since, it is kept or named with them, never removed from under them.
  const figuresChanged = new Map<number, ImportLaterChange>();
  for (const change of changes) {
    const later = found.get(change.id);
    if (later && change.entity === 'figures') figuresChanged.set(change.entityId, later);
  }
  for (const change of changes) {
    const later = change.entity === 'organization' && change.action === 'create' ? figuresChanged.get(change.entityId) : undefined;
    if (!later || found.has(change.id)) continue;
    found.set(change.id, later);
    asLeft.delete(change.id);
    exact.delete(change.id);
  }
  return { found, asLeft, exact };
}

/**
 * An organization kept as it is (`keepChanged`) keeps everything its import wrote with it: the
 * year of figures written along the organization is a change of its own, left as the import
 * changed it rather than taken from under the record the person is told is kept.
 */
function keepFiguresWithOrganizations(changes: readonly ChangeRow[], { found, asLeft, exact }: LaterChanges): void {
  const keptOrganizations = new Map<number, ImportLaterChange>();
  for (const change of changes) {
    const later = found.get(change.id);
    if (later && change.entity === 'organization') keptOrganizations.set(change.entityId, later);
  }
  for (const change of changes) {
    const kept = change.entity === 'figures' ? keptOrganizations.get(change.entityId) : undefined;
    if (!kept || found.has(change.id)) continue;
    found.set(change.id, kept);
    asLeft.delete(change.id);
    exact.delete(change.id);
  }
}

/** Changes found as left (`createdAsLeft`) or taken back (`undoCreatedAsLeft`) per step: a few statements, short enough between two answers to the window. */
const EXACT_PAGE = 2_000;

/** Changes judged at once by `laterChanges`: a few set-based reads each, short enough between two answers to the window. */
const JUDGED_PAGE = 1_000;

/** The adapter that takes back a change of the batch: an organizations list's figures are the figures', a demands list's partners its added buyers'. */
function adapterOf(batch: BatchRow, entity: string): KindAdapter {
  if (entity === 'figures') return kindAdapters.figures;
  if (entity === 'partner' && batch.kind === 'demands') return addedBuyersAdapter;
  return kindAdapters[batch.kind];
}

/** The change as its adapter takes it; what the import left (`after`) only when `withAfter`, it is long to parse. */
function storedOf(change: ChangeRow, { withAfter = false } = {}): StoredChange {
  return { entityId: change.entityId, action: change.action, before: change.before, after: withAfter && change.after !== null ? (JSON.parse(change.after) as unknown) : null };
}

function batchOf(ctx: Context, batchId: number): BatchRow {
  const batch = ctx.db.select().from(importBatches).where(eq(importBatches.id, batchId)).get();
  if (!batch) throw notFound(goneMessage('lần nhập'));
  if (batch.undoneAt) throw conflict(`Lần nhập tệp «${batch.fileName}» đã được hoàn tác trước đó.`);
  return batch;
}

/** Changes read per step: an import of 100,000 rows recorded twice as many, too many to read and parse in one go. */
const CHANGES_PAGE = 5_000;

/**
 * The import's changes, newest first, read a page at a time with a `pause` between pages. Read as
 * SQLite's arrays, `before` parsed only where there is one: drizzle's objects of 175,000 changes
 * took half a second of the undo.
 */
async function changesOf(ctx: Context, batchId: number, pause: () => Promise<void>): Promise<ChangeRow[]> {
  const changes: ChangeRow[] = [];
  let below = Number.MAX_SAFE_INTEGER;
  for (;;) {
    // `values()`: the columns as SQLite gives them, in this order, `before` still its JSON text.
    const page = ctx.db
      .select({ id: importChanges.id, entity: importChanges.entity, entityId: importChanges.entityId, action: importChanges.action, before: importChanges.before })
      .from(importChanges)
      .where(and(eq(importChanges.batchId, batchId), lt(importChanges.id, below)))
      .orderBy(desc(importChanges.id))
      .limit(CHANGES_PAGE)
      .values() as [number, string, number, ChangeRow['action'], string | null][];
    for (const [id, entity, entityId, action, before] of page) changes.push({ id, entity, entityId, action, before: before === null ? null : (JSON.parse(before) as unknown), after: null });
    const last = page.at(-1);
    if (page.length < CHANGES_PAGE || !last) return changes;
    below = last[0];
    await pause();
  }
}

/** Reads what the import left (`ChangeRow.after`) of `changes`, a page at a time with a `pause` between pages. */
async function readAfters(ctx: Context, changes: readonly ChangeRow[], pause: () => Promise<void>): Promise<void> {
  for (let start = 0; start < changes.length; start += CHANGES_PAGE) {
    await pause();
    const page = changes.slice(start, start + CHANGES_PAGE);
    const afters = leftOf(ctx, page.map((change) => change.id));
    for (const change of page) change.after = afters.get(change.id) ?? null;
  }
}

/** What an undo of the import would meet: the records changed since, each once. */
export async function undoCheck(ctx: Context, batchId: number): Promise<ImportUndoCheck> {
  const batch = batchOf(ctx, batchId);
  const pause = stepper();
  const { found: later } = await laterChanges(ctx, batch, await changesOf(ctx, batchId, pause), pause);
  const unique = new Map([...later.values()].map((change) => [`${change.entity}:${change.id}:${change.name}`, change]));
  return { batchId, changedLater: [...unique.values()] };
}

/**
 * Takes back a whole import in one long transaction (`inLongTransaction`, as the commit): what it
 * created is removed, what it changed gets its stored values back. Records changed since the import
 * (see `laterChanges`) are the person's to decide (`mode`): `strict` refuses, naming them;
 * `withLater` takes their later changes back too (a created record others now point at goes to
 * Thùng rác instead, so nothing that points at it is lost); `keepChanged` leaves them as they are
 * and says which.
 */
export async function undoBatch(ctx: Context, batchId: number, mode: UndoMode, control: JobControl): Promise<ImportUndoResult> {
  const backup = backUpBeforeCommit(ctx, 'beforeUndo', control);
  control.report(0, null, 'undoing');
  try {
    return await undoInTransaction(ctx, batchId, mode, control, backup);
  } finally {
    // The job ends with its backup: checked and in place, or refused.
    await backup.settled;
  }
}

/**
 * Takes back the communes the import remembered for places (`importPlaceAnswers`), so that the
 * next import does not place rows by an answer undone: each place is given the answer of the
 * latest earlier import not undone that saved one, or none. A place a later import answered
 * since, or whose answer is no longer this import's, keeps its answer.
 */
function takeBackPlaceAnswers(ctx: Context, batchId: number): void {
  const client = ctx.db.$client;
  const saved = client
    .prepare<{ batch: number }, { placeKey: string }>(
      `SELECT m.place_key AS placeKey FROM import_batch_place_answers m
       JOIN import_place_answers a ON a.place_key = m.place_key AND a.commune_code = m.commune_code
       WHERE m.batch_id = @batch AND NOT EXISTS (
         SELECT 1 FROM import_batch_place_answers l JOIN import_batches b ON b.id = l.batch_id
         WHERE l.place_key = m.place_key AND l.batch_id > @batch AND b.undone_at IS NULL)`,
    )
    .all({ batch: batchId });
  const earlier = client.prepare<[string, number], { communeCode: string; batchId: number }>(
    `SELECT e.commune_code AS communeCode, e.batch_id AS batchId FROM import_batch_place_answers e JOIN import_batches b ON b.id = e.batch_id
     WHERE e.place_key = ? AND e.batch_id < ? AND b.undone_at IS NULL ORDER BY e.batch_id DESC LIMIT 1`,
  );
  const at = timestamp(ctx);
  for (const { placeKey } of saved) {
    const before = earlier.get(placeKey, batchId);
    if (before) ctx.db.update(importPlaceAnswers).set({ communeCode: before.communeCode, updatedAt: at }).where(eq(importPlaceAnswers.placeKey, placeKey)).run();
    else ctx.db.delete(importPlaceAnswers).where(eq(importPlaceAnswers.placeKey, placeKey)).run();
  }
}

/** `undoBatch`'s transaction, which commits only once its backup, made meanwhile, is checked and in place. */
async function undoInTransaction(ctx: Context, batchId: number, mode: UndoMode, control: JobControl, backup: BackupUnderCheck): Promise<ImportUndoResult> {
  return inLongTransaction(ctx, async ({ ctx: tx, pause }) => {
    const batch = batchOf(tx, batchId);
    const changes = await changesOf(tx, batchId, pause);
    control.report(0, changes.length, 'validating');
    await pause();
    const { found: later, asLeft, exact } = await laterChanges(tx, batch, changes, pause);
    if (mode === 'keepChanged') keepFiguresWithOrganizations(changes, { found: later, asLeft, exact });
    if (later.size && mode === 'strict') {
      const names = [...new Set([...later.values()].map((change) => change.name))];
      const more = names.length > 5 ? ` và ${names.length - 5} hồ sơ khác` : '';
      throw conflict(
        `Lần nhập tệp «${batch.fileName}»: ${names.slice(0, 5).join('; ')}${more} đã được sửa hoặc có thêm dữ liệu sau lần nhập này. ` +
          'Hãy chọn hoàn tác cả những thay đổi đó, hoặc hoàn tác phần còn lại và giữ nguyên các hồ sơ này.',
      );
    }
    const kept: ImportLaterChange[] = [];
    const figureYears = ownFigureYears(changes);
    const removals = new Removals(tx);
    /** Takes back the changes of `run`, from `first` on in `changes`, one by one through their adapters. */
    const undoOneByOne = (run: readonly ChangeRow[], first: number) =>
      auditInBatches(tx, async () => {
        for (const [index, change] of run.entries()) {
          await pause();
          control.throwIfCancelled();
          control.report(first + index, changes.length, 'undoing');
          const adapter = adapterOf(batch, change.entity);
          const stored = storedOf(change, { withAfter: true });
          const changedLater = later.get(change.id);
          if (changedLater && mode === 'keepChanged') {
            kept.push(changedLater);
            continue;
          }
          const pointedAt = changedLater !== undefined && change.action === 'create' && (adapter.referenced?.(tx, stored, figureYears.get(change.entityId) ?? []) ?? false);
          const left = asLeft.has(change.id);
          // Only a record as its import created it waits in `removals`: anything else is done after what came before it.
          if (!(left && change.action === 'create')) removals.flush();
          adapter.undo(tx, stored, { pointedAt, asLeft: left, removals });
        }
        removals.flush();
      });
    /**
     * Takes back the changes of `run`, all found by SQLite as their import created them, a page
     * at a time with SQLite alone: each page's figures first, then the organizations they belong to.
     */
    const undoExact = async (run: readonly ChangeRow[], first: number) => {
      for (let start = 0; start < run.length; start += EXACT_PAGE) {
        await pause();
        control.throwIfCancelled();
        control.report(first + start, changes.length, 'undoing');
        const page = run.slice(start, start + EXACT_PAGE);
        const entities = [...new Set(page.map((change) => change.entity))].sort((a, b) => Number(b === 'figures') - Number(a === 'figures'));
        for (const entity of entities) {
          const ids = page.filter((change) => change.entity === entity).map((change) => change.id);
          const adapter = adapterOf(batch, entity);
          if (!adapter.undoCreatedAsLeft) throw new Error(`The ${entity} changes found as left have no undo of their own.`);
          adapter.undoCreatedAsLeft(tx, ids);
        }
      }
    };
    await loadInBulk(
      tx.db.$client,
      changes.length,
      // The changes since the import were read above: nothing reads the audit trail from here. In
      // the order of the changes, each run of those SQLite found as left taken back by it alone.
      async () => {
        for (let start = 0; start < changes.length; ) {
          const byItself = exact.has(changes[start]?.id ?? 0);
          let end = start;
          while (end < changes.length && exact.has(changes[end]?.id ?? 0) === byItself) end += 1;
          const run = changes.slice(start, end);
          await (byItself ? undoExact(run, start) : undoOneByOne(run, start));
          start = end;
        }
      },
      rebuildStep(control),
      bulkOptions(batch.kind),
    );
    // The backup was made meanwhile: nothing is committed without a sound one.
    await backup.checked();
    control.report(changes.length, changes.length, 'undoing');
    takeBackPlaceAnswers(tx, batchId);
    const undone = tx.db.update(importBatches).set({ undoneAt: timestamp(tx) }).where(eq(importBatches.id, batchId)).returning().get();
    return { batch: toBatch(undone), kept: [...new Map(kept.map((change) => [`${change.entity}:${change.id}`, change])).values()] };
  });
}
