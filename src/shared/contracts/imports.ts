/**
 * Nhập từ Excel: the lists an office already keeps (.xlsx, .xls, .csv) brought into the register in
 * steps — analyse the file, map its columns, preview every row with its problems and matches,
 * commit in one transaction, undo a whole import. Reading and previewing run as jobs (see
 * contracts/jobs.ts) so a file of 100,000 rows shows progress and can be cancelled.
 */
import { z } from 'zod';
import { importKinds, type ImportKind, type Page } from '../domain';
import type { HistoryChange, RecordKind } from '../records';
import { channel, listOf, pageInput } from './define';
import { FIRST_FIGURES_YEAR } from './figures';
import { fileId } from './files';

const jobId = z.uuid({ error: 'Mã công việc không hợp lệ; hãy làm lại từ bước chọn tệp.' });
const kind = z.enum(importKinds, { error: 'Chưa chọn loại dữ liệu cần nhập.' });

/** What a row does to the register: nothing, fill in an existing record, or add a new one. */
export const importActions = ['skip', 'update', 'create'] as const;
export type ImportAction = (typeof importActions)[number];
const action = z.enum(importActions, { error: 'Việc cần làm với dòng phải là Bỏ qua, Cập nhật hoặc Thêm mới.' });

export type LegacyFont = 'tcvn3' | 'vni';

/** A field a column can be mapped to; the screen names it with `excel.field.<kind>.<key>`. */
export interface ImportFieldInfo {
  key: string;
  required: boolean;
  /** Another field whose column feeds this one when it has none: an address by a commune column, a partner's province by an address column. */
  fedAlsoBy: string | null;
  /** A quantity, whose column's header may name the unit ("Số lượng (tấn)"). */
  unitAfter: boolean;
}

export interface ImportColumn {
  /** 0-based (0 = column A). */
  index: number;
  letter: string;
  /** The header as written; several header rows are joined with ' - '. */
  header: string;
  /** The field proposed for it (from the remembered mapping, else from the header's words); null: not imported. */
  field: string | null;
  /**
   * The list's mapping was remembered, but not for this column: the app could not read its header
   * then (a field added since) and proposes a field for it now, which the person should look at.
   */
  proposedAnew: boolean;
  /** The header ends with words in brackets, as a quantity's naming its unit does ("Số lượng (tấn)"). */
  namesUnit: boolean;
  /** Hidden in the workbook: proposed only for a field no shown column names, and marked. */
  hidden: boolean;
}

/**
 * The required fields a mapping (column index → field) feeds from no column: one may be fed by
 * another field's column (`fedAlsoBy`), and a unit by a quantity column whose header names it
 * ("Số lượng (tấn)").
 */
export function unfedFields(fields: readonly ImportFieldInfo[], columns: readonly ImportColumn[], mapping: ReadonlyMap<number, string>): ImportFieldInfo[] {
  const mapped = new Set(mapping.values());
  const unitInHeader = columns.some((column) => column.namesUnit && fields.some((field) => field.unitAfter && field.key === mapping.get(column.index)));
  return fields.filter(
    (field) => field.required && !mapped.has(field.key) && !(field.fedAlsoBy !== null && mapped.has(field.fedAlsoBy)) && !(field.key === 'unit' && unitInHeader),
  );
}

export interface ImportAnalysis {
  kind: ImportKind;
  fileName: string;
  /** 'html': the first table of a web page (portals export lists as a page named .xls). */
  format: 'xlsx' | 'xls' | 'csv' | 'html';
  /** The file is named as a workbook (.xlsx, .xls) but holds text — a CSV or a web page (`format`) — and was read as that. */
  namedAsWorkbook: boolean;
  /**
   * Every sheet of the workbook; `empty` when it holds no cell, `headerless` when the analysis
   * looked in it for this list's header and found none (an instructions or cover sheet).
   */
  sheets: { name: string; hidden: boolean; empty: boolean; headerless: boolean }[];
  sheet: string;
  /** Rows as Excel numbers them, e.g. [4, 5] for a two-row merged header. */
  headerRows: number[];
  dataStartRow: number;
  columns: ImportColumn[];
  fields: ImportFieldInfo[];
  /** The proposal came from a mapping saved at an earlier import of a file with these headers. */
  rememberedMapping: boolean;
  /** Text that looks typed in a pre-Unicode Vietnamese font in a Unicode one; the file should be converted before importing. */
  legacyFont: LegacyFont | null;
  /** The pre-Unicode fonts (".VnTime", "VNI-Times") of the first rows whose cells were read into Unicode by their font. */
  legacyFontsRead: string[];
  /** A CSV saved in a Vietnamese code page rather than Unicode, and read from it: 'Windows-1258'. */
  codePageRead: 'Windows-1258' | null;
  /** The first data rows as shown text, one string per column. */
  sampleRows: { row: number; cells: string[] }[];
  /**
   * The year the list names in its title or headers ("Danh sách HTX năm 2024", "Số thành viên
   * (31/12/2024)"): the year its figures are imported into unless the person picks another.
   */
  detectedYear: number | null;
  /**
   * The years a title names together ("Số liệu năm 2024–2025", "giai đoạn 2021 - 2025"), when no
   * other says the one year of the list: `detectedYear` is then null, and the person is asked.
   */
  titleYears: { first: number; last: number } | null;
}

export const importAnalyzeInput = z.object({
  fileId,
  kind,
  /** The sheet to read; the first visible one when absent. */
  sheet: z.string().max(200).optional(),
});

/** Which source column feeds which field; a field is fed by at most one column. */
const mappingInput = listOf(z.object({ column: z.number().int().min(0).max(16_383), field: z.string().min(1).max(50) }), 500, 'cột ghép')
  .refine((entries) => new Set(entries.map((entry) => entry.field)).size === entries.length, {
    error: 'Mỗi trường chỉ ghép với một cột; hãy bỏ bớt cột ghép trùng.',
  });

/** A lookup value a coded column's value can be mapped to. */
export interface ImportChoiceOption {
  value: string;
  label: string;
}

/**
 * A value written in a coded column that is not one of the lookup's own words ("HTX DVNN",
 * "Tiểu thủ công nghiệp"), with what it is read as: chosen by the person, remembered from an
 * earlier import, suggested by the app, or blank ("để trống").
 */
export interface ImportValueChoice {
  field: string;
  written: string;
  /** How many rows carry it. */
  rows: number;
  /** A lookup value, or null: left blank. */
  value: string | null;
  source: 'chosen' | 'remembered' | 'suggested' | 'blank';
  /** Lookup values that say some of it, best first. */
  suggestions: string[];
}

export const importValueInput = z.object({
  field: z.string().min(1).max(50),
  written: z.string().max(500),
  value: z.string().max(100).nullable(),
});

/** The communes the person chose for addresses (`ImportPreviewRow.placeKey`), each for every row with it. */
const placeAnswersInput = z
  .array(z.object({ placeKey: z.string().max(1000), communeCode: z.string().regex(/^\d{5}$/, { error: 'Chưa chọn xã, phường.' }) }))
  .max(100_000)
  .optional()
  .default([]);

export const importPreviewInput = z.object({
  analysisJobId: jobId,
  mapping: mappingInput,
  /** The year the list's figures are of, when it has no "Năm" column. */
  year: z
    .number({ error: 'Năm phải là một số.' })
    .int({ error: 'Năm phải là số nguyên.' })
    .min(FIRST_FIGURES_YEAR, { error: `Năm của số liệu phải từ ${FIRST_FIGURES_YEAR}.` })
    .max(2100)
    .optional(),
  /** What the person chose for values of coded columns (see `ImportValueChoice`). */
  values: z.array(importValueInput).max(5000).optional(),
  /** For offers and demands: the programme (chương trình kết nối) they belong to. */
  programmeId: z.number().int().positive().optional(),
  /**
   * Rows checked again (`Kiểm tra lại các dòng`): the communes the person chose for places the app
   * could not read, which the rows are matched in as the commit would write them.
   */
  placeAnswers: placeAnswersInput,
});
export type ImportPreviewInput = z.input<typeof importPreviewInput>;

/** One problem of a row, at a cell: "C12: Ngày thành lập 31/02/2024 không phải một ngày có thật". */
export interface ImportProblem {
  /** "C12", or "12" when the problem is of the row as a whole. */
  cell: string;
  message: string;
  /**
   * A note that asks the person to decide about a row written as it stands (the list says the
   * organization stopped working, or works where the register says it ended): shown apart from the
   * notes that say how a cell was read.
   */
  heed?: true;
}

/** An existing record (or an earlier row of the same file) the row may be. */
export interface ImportMatch {
  /** registrationNo: same Mã số HTX / mã số thuế; sameName: same name key in the same commune (province
   *  for partners); existing: yearly figures of that organization and year already stored, or a
   *  product of that name already kept; inFile: an earlier row of this file is the same, or
   *  matched the same stored record (the row is then skipped unless the person chooses otherwise). */
  reason: 'registrationNo' | 'sameName' | 'existing' | 'inFile';
  /** The stored record (organization, partner, product; for figures, the organization); null for inFile. */
  id: number | null;
  name: string;
  /** Where it is: the commune (organizations), the province (partners), the year (figures). */
  place: string;
  /** For inFile: the earlier row's number. */
  row: number | null;
  /**
   * The row names the record by one key and another by the other — a Mã số HTX beside the name of
   * another organization — so it may be another: a note of the row says what differs. The row is
   * then `ImportPreviewRow.doubtful`.
   */
  doubtful?: true;
}

/**
 * What updating the stored record of a row's match would change: computed by the merge the update
 * writes, so that what is listed is what is written.
 */
export interface ImportChanges {
  /** The kind of record whose fields they are (an organization for its year's figures too). */
  record: RecordKind;
  /**
   * Each field that would change, with its stored value and the new one, raw as Lịch sử thay đổi
   * keeps them (the screen writes them as it writes a history); a year's figures, one field each.
   * Empty when the update would change nothing.
   */
  fields: HistoryChange[];
  /** Names of the references among them (a commune, a sector), as `RecordHistory.names`. */
  names: Record<string, string>;
}

export interface ImportPlace {
  code: string;
  name: string;
}

export type ImportRowStatus = 'valid' | 'invalid';

export interface ImportPreviewRow {
  row: number;
  status: ImportRowStatus;
  /**
   * Shown text of the mapped columns, in the order of `ImportPreview.columns`; an amount a column's
   * `multiple` scales as written and as stored: «1,5 → 1.500.000 ₫».
   */
  values: string[];
  problems: ImportProblem[];
  match: ImportMatch | null;
  /** The current commune the row's address was read as (organizations); null when not known. */
  commune: ImportPlace | null;
  /** An old address that went to several communes: the person chooses one of these. */
  communeChoices: ImportPlace[];
  /** A place the app could not read: the person chooses any commune of `placeProvinceCode`. */
  needsPlace: boolean;
  /** The province whose communes are offered for a place the app could not read: the row's, else the alliance's. */
  placeProvinceCode: string | null;
  /**
   * Why the person is asked among `communeChoices`, when it is not that an old commune went to
   * several: "Không có xã Vĩnh Trường trong huyện Châu Thành (cũ); …". Null otherwise.
   */
  placeReason: string | null;
  /** The address as written, when the person is asked for its commune: one answer serves every row with it. */
  placeKey: string | null;
  /** The commune was chosen by a person for this address at an earlier import. */
  placeRemembered: boolean;
  /** How cells written loosely were read ("5/6/19" as 05/06/2019). */
  notes: ImportProblem[];
  /**
   * The row may be another organization than the one it names (a Mã số HTX beside another's name),
   * whether or not a stored record matches it (a year of figures not stored yet), or holds an amount
   * its note says is likely not meant: like an inFile row, it is in neither bulk group and skipped
   * unless the person chooses for it.
   */
  doubtful?: true;
  /** What the import does with the row unless told otherwise. */
  defaultAction: ImportAction;
  /**
   * What choosing Cập nhật would change of the stored record the row matches; null when the row
   * matches none stored (or only an earlier row of the file) or has problems.
   */
  changes: ImportChanges | null;
}

export interface ImportCounts {
  rows: number;
  valid: number;
  invalid: number;
  /** Valid rows matching a stored record or an earlier row. */
  matched: number;
  /** Valid rows that match nothing. */
  fresh: number;
  /** Valid rows whose old address needs a commune chosen among those it went to. */
  ambiguous: number;
  /** Valid rows whose place the app could not read: any commune may be chosen. */
  unplaced: number;
  /** Valid rows with a note: something read otherwise than written, or worth a look before writing. */
  noted: number;
}

export const previewFilters = ['all', 'problems', 'notes', 'matches', 'new', 'ambiguous'] as const;
export type PreviewFilter = (typeof previewFilters)[number];

export interface ImportPreview {
  kind: ImportKind;
  fileName: string;
  /** Mapped columns: their letter, header and field, in the order of each row's `values`. */
  columns: {
    letter: string;
    header: string;
    field: string;
    /**
     * How many đồng one unit written in an amount column is, when its header names a multiple
     * ("Vốn điều lệ (triệu đồng)": 1,000,000): each bare number is stored multiplied by it.
     */
    multiple?: number;
    /** The unit a quantity column's header names ("tấn" of "Sản lượng (tấn)"): a number written without one is of it. */
    unit?: string;
  }[];
  counts: ImportCounts;
  page: Page<ImportPreviewRow>;
  /** The year the figures in the list go into (organizations with figure columns, figures without a "Năm" column). */
  year: number | null;
  /** Values of coded columns the person maps (see `ImportValueChoice`), in the order first met. */
  valueChoices: ImportValueChoice[];
  /** The lookup values of each coded field mapped. */
  choiceOptions: Record<string, ImportChoiceOption[]>;
  /** Each pre-Unicode font whose cells were read into Unicode by their font, with how many rows had such cells. */
  legacyFontsRead: { font: string; rows: number }[];
}

/** Where a choice stands among the person's choices (1, 2, 3…): of a row's own and a bulk one, the later wins (`chosenImportAction`). */
const turn = z.number().int().min(1);

export const importDecision = z.object({
  row: z.number().int().min(1),
  action: action.optional(),
  /** When `action` was chosen; without it, before any bulk choice that has a turn. */
  actionTurn: turn.optional(),
  /** For an old address that went to several communes: the one chosen. */
  communeCode: z.string().regex(/^\d{5}$/, { error: 'Chưa chọn xã, phường cho địa chỉ cũ.' }).optional(),
});
export type ImportDecision = z.input<typeof importDecision>;

export const importPreviewResultInput = z.object({
  jobId,
  filter: z.enum(previewFilters).default('all'),
  ...pageInput,
  /**
   * The communes the person chose so far, for addresses and for single rows (`importDecision`'s
   * `communeCode`), as the commit takes them: a «Cập nhật» lists the move to the one chosen.
   */
  placeAnswers: placeAnswersInput,
  decisions: z.array(importDecision).max(200_000).optional().default([]),
});

export const importCommitInput = z.object({
  previewJobId: jobId,
  /** What the person chose for single rows; it wins over `bulk` chosen before it. */
  decisions: listOf(importDecision, 200_000, 'dòng đã quyết định'),
  /** What to do with every matched / unmatched row, but those chosen one by one after it. */
  bulk: z
    .object({ matched: action.optional(), fresh: action.optional() })
    .optional()
    .default({}),
  /** When each of `bulk` was chosen, counted with the rows' `actionTurn`. */
  bulkTurns: z
    .object({ matched: turn.optional(), fresh: turn.optional() })
    .optional()
    .default({}),
  /** The commune chosen for an address (`ImportPreviewRow.placeKey`): every row with it goes there. */
  placeAnswers: placeAnswersInput,
});
export type ImportCommitInput = z.input<typeof importCommitInput>;

/**
 * What is done with a row without problems, as the preview shows it and the commit writes it: the
 * latest of the row's own choice and the bulk choice for its group, else the default. A bulk choice
 * made after a row's own thus replaces it on every page, not only on the one shown. A row repeating
 * an earlier one of the file (`inFile`) is in neither group: «Dòng trùng: Cập nhật» for all would
 * let the later row win again, which its note says it does not; nor is a `doubtful` row, which may
 * be another organization than the one it names, matched or new (its year of figures not stored).
 */
export function chosenImportAction(
  row: Pick<ImportPreviewRow, 'doubtful'> & { match?: Pick<ImportMatch, 'reason'> | null | undefined },
  own: Pick<ImportDecision, 'action' | 'actionTurn'> | undefined,
  choices: Pick<ImportCommitInput, 'bulk' | 'bulkTurns'>,
  defaultAction: ImportAction,
): ImportAction {
  const { match } = row;
  const group = row.doubtful || match?.reason === 'inFile' ? null : match ? 'matched' : 'fresh';
  if (group === null) return own?.action ?? defaultAction;
  const forGroup = choices.bulk?.[group];
  if (own?.action === undefined) return forGroup ?? defaultAction;
  return forGroup !== undefined && (choices.bulkTurns?.[group] ?? 0) > (own.actionTurn ?? 0) ? forGroup : own.action;
}

/** The rows a commit would leave out for want of a commune still to choose, asked about before it. */
export interface ImportAwaitingPlaces {
  /** The sheet the rows are of. */
  sheet: string;
  count: number;
  /** The first few of them, by row number in the sheet. */
  rows: number[];
  /** The other rows the commit would write with these choices; none: only these would be, so nothing can be written yet. */
  othersWritten: number;
}

export interface ImportSummary {
  batchId: number | null;
  created: number;
  updated: number;
  skipped: number;
  /** Rows with problems, or whose old address was left without a commune. */
  failed: number;
  /** Partners added along the rows: the buyers a demands list names that were not among them. */
  partnersAdded: number;
  /** Of `skipped`, the rows chosen for Cập nhật whose record already held everything they say: nothing changed. */
  unchanged: number;
}

/** A record an import wrote that was changed after it (by hand, or by a later import). */
export interface ImportLaterChange {
  entity: string;
  id: number;
  name: string;
}

/** Before an undo: what was changed since the import, which an undo would have to take back too. */
export interface ImportUndoCheck {
  batchId: number;
  changedLater: ImportLaterChange[];
}

/**
 * How an undo treats records changed since the import: `strict` refuses when there are any;
 * `withLater` takes those later changes back too; `keepChanged` leaves those records as they are
 * and undoes the rest.
 */
export const undoModes = ['strict', 'withLater', 'keepChanged'] as const;
export type UndoMode = (typeof undoModes)[number];

export interface ImportUndoResult {
  batch: ImportBatch;
  /** The records left as they are (`keepChanged`). */
  kept: ImportLaterChange[];
}

export interface ImportBatch {
  id: number;
  kind: ImportKind;
  fileName: string;
  sheetName: string;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  createdAt: string;
  undoneAt: string | null;
}

export const importsContract = {
  /** Opens the file, finds the header and proposes a mapping: a job whose result is `imports:analysis`. */
  'imports:analyze': channel<{ jobId: string }>()(importAnalyzeInput),
  'imports:analysis': channel<ImportAnalysis>()(z.object({ jobId })),
  /** Reads every row, checks it and matches it against the register: a job. */
  'imports:preview': channel<{ jobId: string }>()(importPreviewInput),
  'imports:previewResult': channel<ImportPreview>()(importPreviewResultInput),
  /** Writes the rows in one transaction, all or nothing: a job. */
  /** The rows the commit with these choices would leave out, their commune still to choose. */
  'imports:awaitingPlaces': channel<ImportAwaitingPlaces>()(importCommitInput),
  'imports:commit': channel<{ jobId: string }>()(importCommitInput),
  'imports:commitResult': channel<ImportSummary>()(z.object({ jobId })),
  /** Starts writing the rows that were not imported, with the reason beside each: a workbook job, collected with 'reports:file'. */
  'imports:failedRows': channel<{ jobId: string }>()(z.object({ jobId })),
  'imports:batches': channel<Page<ImportBatch>>()(z.object({ ...pageInput })),
  /** Takes a whole import back, all or nothing: deletes what it created, puts back what it changed. A job. */
  /** The records of an import changed since, which an undo would meet. */
  'imports:undoCheck': channel<ImportUndoCheck>()(z.object({ batchId: z.number().int().positive() })),
  'imports:undo': channel<{ jobId: string }>()(
    z.object({ batchId: z.number().int().positive(), mode: z.enum(undoModes, { error: 'Cách hoàn tác không hợp lệ.' }).optional().default('strict') }),
  ),
  'imports:undoResult': channel<ImportUndoResult>()(z.object({ jobId })),
};
