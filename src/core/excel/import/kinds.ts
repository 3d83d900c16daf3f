/**
 * What each kind of import does with a row: turn its cells into the contract's input (validated by
 * the contract's own schema, so the import accepts exactly what the forms accept), find the stored
 * record it may be, and create, fill in or take back records through the services, which keep
 * their own rules, folded columns and audit rows.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { and, asc, desc, eq, getTableColumns, getTableName, gt, notInArray, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { notInTrash } from '../../db/predicates';
import type { z } from 'zod';
import { figureFields, figuresSaveInput, profitAboveRevenue, yearOutsideLifeReason, type FigureField } from '../../../shared/contracts/figures';
import type { ImportChanges, ImportMatch, ImportProblem } from '../../../shared/contracts/imports';
import { organizationEndingNames, organizationInput, organizationStatusWords, type ParsedOrganizationInput } from '../../../shared/contracts/organizations';
import { partnerInput, type ParsedPartnerInput } from '../../../shared/contracts/partners';
import { productValues, type VolumePeriod } from '../../../shared/contracts/products';
import { demandInput, offerInput, type ParsedDemandInput, type ParsedOfferInput } from '../../../shared/contracts/supply';
import { convertible, convertPrice, convertQuantity, endedPartyRefusal, productGroupOf } from '../../../shared/supply';
import { formatCount, formatDecimal, formatQuantity, unitNameInSentence } from '../../../shared/format';
import { type ImportKind, type OrganizationKind, type OrganizationStatus, type PartnerBusinessLine, type PartnerKind, type Province } from '../../../shared/domain';
import type { HistoryChange, HistoryValue } from '../../../shared/records';
import { conflict, type AppFailure } from '../../../shared/errors';
import { foldText, formatIsoDateVi } from '../../../shared/text';
import { expandedNameWords, hasLegalForm, organizationKindOfName, organizationNameKey, partnerNameKey } from '../../../shared/names';
import { moveToTrash, nameReferences, recordChange, type RecordSpec } from '../../records';
import { timestamp, type Context } from '../../context';
import { changeMark, type Db } from '../../db/open';
import type { ProvinceFound } from '../../adminUnits';
import { among, perConnection } from '../../db/prepared';
import {
  auditLog,
  certificationKinds,
  demandRequirements,
  importChanges,
  importPlaceAnswers,
  organizations,
  partners,
  productGroups,
  products,
  supplyDemands,
  supplyOffers,
  yearlyFigures,
} from '../../db/schema';
import {
  deleteCheckedFigures,
  deleteFigures,
  emptyFigures,
  figuresYearRefused,
  figureValueIssues,
  findFigures,
  saveFigures,
  saveFiguresOfNew,
  valuesAfter,
  yearOutsideLife,
  type CheckedFigures,
  type FigureValues as FigureValuesStored,
} from '../../services/figures';
import {
  deleteOrganization,
  endedRefusal,
  foundingDayRefusal,
  foundingIssues,
  hasEnded,
  kindChangeRefusal,
  organizationRecords,
  organizationSnapshot,
  requireOrganization,
  updateOrganization,
  writeOrganizationRow,
} from '../../services/organizations';
import { createPartner, deletePartner, partnerRecords, updatePartner } from '../../services/partners';
import { deleteProduct, saveProduct } from '../../services/products';
import { connectionIssues, createDemand, createOffer, demandRecords, offerRecords, ownProductNamed, updateDemand, updateOffer } from '../../services/supply';
import { allUnits, unitOfText, type UnitRow } from '../../services/supplyLookups';
import { cellRef, quantityUnitOfHeader, type DateWithin, type FieldValue, type MappedColumn, type ReadRow } from './cells';
import { headerKey } from './fields';
import { ChoiceReader, partnerBusinessLineLabels, partnerKindLabels, rememberedValues, writtenKey, type ValueMap } from './choices';
import { alsoOldCommunesWords, readPlace, type PlaceReading } from './places';

/** What every row of one import shares: the database, the office's province, lookups read once. */
export interface ImportScope {
  ctx: Context;
  homeProvinceCode: string;
  /** The year the list's figures go into, when it has no "Năm" column. */
  year: number | null;
  columns: readonly MappedColumn[];
  /** What the values of coded columns mean (choices.ts). */
  choices: ChoiceReader;
  /** The commune earlier imports were told for an address the app could not place alone, by its place key. */
  placeAnswers: ReadonlyMap<string, string>;
  /** The communes chosen in this import for places not found, by place key (`RowPlace.chosen`). */
  chosenPlaces: ReadonlyMap<string, string>;
  statements: Statements;
  /** The register's keys in memory, once a preview has asked for them (`RegisterKeys.refresh`). */
  registerKeys: RegisterKeys;
  /** A list repeats the same few hundred addresses: each is read once. */
  places: Map<string, RowPlace>;
  /** Offers and demands: the programme chosen for the file, if any. */
  programmeId: number | null;
  productGroups: { code: string; name: string; keywords: string }[];
  units: UnitRow[];
  certificationKinds: { code: string; name: string; hasStars: boolean }[];
  /** Demands: the buyers the list adds to the partners, by name key, each with the first row that names it. */
  newBuyers: Map<string, { row: number; partner: ParsedPartnerInput }>;
}

/** A row's place, with the key a person's answer for it is kept under. */
export type RowPlace = PlaceReading & {
  /** The address as written, folded; '' when nothing was written. */
  key: string;
  /** Placed by a person's answer for this address. */
  answered: boolean;
  /**
   * A place not found, for which the person chose this commune in this import: the row is looked
   * for and told apart from the file's other rows there (`communeCodesOf`), as one whose commune
   * was read, and stays asked about, so that the answer can change.
   */
  chosen?: string;
};

const PLACE_CACHE_LIMIT = 20_000;

/** The key an answer for an address is kept under: the address whole as written, folded. */
export function placeKeyOf(oldAddress: string): string {
  return writtenKey(oldAddress);
}

function placeOfRow(scope: ImportScope, read: ReadRow): RowPlace {
  const written = { commune: text(read, 'commune'), district: text(read, 'district'), address: text(read, 'address'), street: text(read, 'street'), province: text(read, 'province') };
  const cacheKey = `${written.commune}\u0000${written.district}\u0000${written.address}\u0000${written.street}\u0000${written.province}`;
  let place = scope.places.get(cacheKey);
  if (!place) {
    const reading = readPlace(scope.ctx.places, scope.homeProvinceCode, written);
    // An answer serves every row of the same words, and later imports, unless the words may mean
    // anywhere in an old district: then each row is answered alone.
    const key =
      reading.kind === 'ambiguous' && reading.anywhereInDistrict
        ? ''
        : placeKeyOf(reading.oldAddress || [written.street, written.address, written.commune, written.district].filter(Boolean).join(', '));
    const answer = reading.kind === 'mapped' ? undefined : scope.ctx.places.commune(scope.placeAnswers.get(key) ?? '');
    // A place not found is answered with a commune of the province the row is in; a divided one, with one of its candidates.
    const fits =
      answer !== undefined &&
      (reading.kind === 'unknown'
        ? answer.provinceCode === reading.provinceCode
        : reading.kind === 'ambiguous' && reading.candidates.some((candidate) => candidate.code === answer.code));
    // One chosen in this import, of the province the row is in, as a remembered answer must be.
    const chosen = reading.kind === 'unknown' ? scope.ctx.places.commune(scope.chosenPlaces.get(key) ?? '') : undefined;
    place = fits
      ? { kind: 'mapped', commune: answer, street: reading.street, oldAddress: reading.oldAddress, key, answered: true }
      : { ...reading, key, answered: false, ...(chosen && reading.kind === 'unknown' && chosen.provinceCode === reading.provinceCode ? { chosen: chosen.code } : {}) };
    if (scope.places.size < PLACE_CACHE_LIMIT) scope.places.set(cacheKey, place);
  }
  return place;
}

interface FoundOrganization {
  id: number;
  name: string;
  /** As stored (`organizationNameKey` of the name): a row's «Cập nhật» renames it when it writes another. */
  nameKey: string;
  kind: OrganizationKind;
  communeCode: string;
  registrationNo: string | null;
  /** Read with it so that a row matched to one working (nearly every row) asks no more (`endedMatchNote`). */
  status: OrganizationStatus;
}

/** Built once per import: a preview looks up each of up to 100,000 rows. */
interface Statements {
  organizationByNumber: BetterSqlite3.Statement<[string], FoundOrganization>;
  organizationsByName: BetterSqlite3.Statement<[string, string], FoundOrganization & { ended: 0 | 1 }>;
  /** In the Thùng rác: by Mã số HTX, else by name in a commune (`trashedProblem`). */
  trashedByNumber: BetterSqlite3.Statement<[string], FoundOrganization>;
  trashedByName: BetterSqlite3.Statement<[string, string], FoundOrganization>;
}

function prepareStatements(ctx: Context): Statements {
  const columns = 'SELECT id, name, name_key AS nameKey, kind, commune_code AS communeCode, registration_no AS registrationNo, status';
  return {
    organizationByNumber: ctx.db.$client.prepare<[string], FoundOrganization>(`${columns} FROM organizations WHERE registration_no = ? AND deleted_at IS NULL`),
    // The index on (name_key, commune_code) holds equal keys in id order, so the rows come oldest
    // first; saying ORDER BY made each of these lookups twice (ended first) to five times (id) slower.
    organizationsByName: ctx.db.$client.prepare<[string, string], FoundOrganization & { ended: 0 | 1 }>(
      `${columns}, ended_on IS NOT NULL AS ended FROM organizations WHERE commune_code = ? AND name_key = ? AND deleted_at IS NULL`,
    ),
    trashedByNumber: ctx.db.$client.prepare<[string], FoundOrganization>(`${columns} FROM organizations WHERE registration_no = ? AND deleted_at IS NOT NULL`),
    trashedByName: ctx.db.$client.prepare<[string, string], FoundOrganization>(`${columns} FROM organizations WHERE commune_code = ? AND name_key = ? AND deleted_at IS NOT NULL`),
  };
}

/**
 * The organization of this name key in this commune a row means: the oldest one not ended, else
 * the oldest ended. After a «Chuyển đổi» the THT that ended and the HTX after it often share the
 * key; a list naming it means the one that works.
 */
function organizationByName(scope: ImportScope, communeCode: string, nameKey: string): FoundOrganization | undefined {
  const found = scope.statements.organizationsByName.all(communeCode, nameKey);
  return found.find((organization) => organization.ended === 0) ?? found[0];
}

/**
 * The Mã số HTX and the (commune, name key) of every organization not in the trash, held in
 * memory while a preview checks a long list. Most rows of a list are organizations the register
 * does not have, and each would cost one or two queries that find nothing (a fifth of a 100,000-row
 * preview); a key not here is not in the register. A key found here is still looked up, for the
 * record it means (`organizationByName`) and its name. Until `refresh` reads them, every key is looked up.
 */
export class RegisterKeys {
  private numbers: Set<string> | null = null;
  private names = new Set<string>();
  /** Those of the organizations in the Thùng rác, which a row must not double. */
  private trashedNumbers = new Set<string>();
  private trashedNames = new Set<string>();
  /** The database's state the keys were read in: another connection's commits, this one's changes. */
  private readAt = '';

  constructor(private readonly ctx: Context) {}

  /** Reads the keys, again when the database changed since they were read (a save made meanwhile). */
  refresh(): void {
    const state = changeMark(this.ctx.db);
    if (this.numbers && state === this.readAt) return;
    const rows = this.ctx.db
      .select({ registrationNo: organizations.registrationNo, communeCode: organizations.communeCode, nameKey: organizations.nameKey, deletedAt: organizations.deletedAt })
      .from(organizations)
      .all();
    this.numbers = new Set();
    this.names = new Set();
    this.trashedNumbers = new Set();
    this.trashedNames = new Set();
    for (const row of rows) {
      const [numbers, names] = row.deletedAt === null ? [this.numbers, this.names] : [this.trashedNumbers, this.trashedNames];
      if (row.registrationNo) numbers.add(row.registrationNo);
      names.add(`${row.communeCode}\u0000${row.nameKey}`);
    }
    this.readAt = state;
  }

  /** False when no organization has this Mã số HTX; true when one may. */
  mayHaveNumber(registrationNo: string): boolean {
    return this.numbers?.has(registrationNo) ?? true;
  }

  /** False when no organization of this commune has this name key; true when one may. */
  mayHaveName(communeCode: string, nameKey: string): boolean {
    return this.numbers === null || this.names.has(`${communeCode}\u0000${nameKey}`);
  }

  /** As `mayHaveNumber`, of the organizations in the Thùng rác. */
  mayHaveTrashedNumber(registrationNo: string): boolean {
    return this.numbers === null || this.trashedNumbers.has(registrationNo);
  }

  /** As `mayHaveName`, of the organizations in the Thùng rác. */
  mayHaveTrashedName(communeCode: string, nameKey: string): boolean {
    return this.numbers === null || this.trashedNames.has(`${communeCode}\u0000${nameKey}`);
  }
}

export interface ScopeOptions {
  kind: ImportKind;
  homeProvinceCode: string;
  year: number | null;
  columns: readonly MappedColumn[];
  /** The person's choices for coded values in this import. */
  values: ValueMap;
  /** Offers and demands: the programme chosen for the file, if any. */
  programmeId?: number | null;
  /** A preview checking the rows again: the communes chosen so far for places not found, by place key. */
  chosenPlaces?: ReadonlyMap<string, string>;
}

export function importScope(ctx: Context, options: ScopeOptions): ImportScope {
  const remembered = new Map(ctx.db.select().from(importPlaceAnswers).all().map((row) => [row.placeKey, row.communeCode] as const));
  return {
    ctx,
    homeProvinceCode: options.homeProvinceCode,
    year: options.year,
    columns: options.columns,
    choices: new ChoiceReader(ctx, options.kind, options.values, rememberedValues(ctx, options.kind)),
    placeAnswers: remembered,
    chosenPlaces: options.chosenPlaces ?? new Map(),
    statements: prepareStatements(ctx),
    registerKeys: new RegisterKeys(ctx),
    places: new Map(),
    programmeId: options.programmeId ?? null,
    productGroups: ctx.db.select({ code: productGroups.code, name: productGroups.name, keywords: productGroups.keywords }).from(productGroups).all(),
    units: allUnits(ctx),
    certificationKinds: ctx.db.select({ code: certificationKinds.code, name: certificationKinds.name, hasStars: certificationKinds.hasStars }).from(certificationKinds).all(),
    newBuyers: new Map(),
  };
}

/** A row ready to write, or why it is not. */
export interface PreparedRow {
  problems: ImportProblem[];
  /** How loosely written cells were read; said, never a reason to refuse the row. */
  notes: ImportProblem[];
  /** The contract's parsed input; for a place still to choose, with a stand-in commune until one is chosen. */
  input: unknown;
  place: RowPlace | null;
  /** The fields the row had a value for: an update fills only these. */
  present: ReadonlySet<string>;
  /** An organizations list's own figures (members, workers…), for `ImportScope.year`. */
  figures?: FigureValues | null;
  /**
   * The row names a stored organization by one key and another by the other — a Mã số HTX and a
   * name of two organizations — so it may be another (`ImportMatch.doubtful`), or one that has
   * ended, which an old list would write over (`endedOrganizationNote`); a note says which.
   */
  doubtful?: true;
  /**
   * A row found by its stable key whose «Cập nhật» renames or moves the record (`NameOrPlaceChange`):
   * what it does, in words, and the commune the record is then in, for the note that asks about
   * another row of the file writing that name there (`movedBesideRowNote`).
   */
  rewrite?: { words: string; where: string };
}

/** What a commit writes of a row without problems, as its preview prepared it. */
export type WritableRow = Pick<PreparedRow, 'input' | 'present' | 'figures'> & Pick<ReadRow, 'datesWithin'>;

/** What the import wrote, for undo: `before` holds the changed stored values of an update, `after` what it left. */
export interface WrittenChange {
  entity: string;
  entityId: number;
  action: 'create' | 'update';
  before: Record<string, unknown> | null;
  after: unknown;
  /** Written before it, so taken back after it: the buyer a demands list added to the partners. */
  prior?: WrittenChange[];
  /** Written with it: an organizations list's figures of the organization. */
  also?: WrittenChange[];
  /** `after` is what the record's 'create' entry in the audit trail holds: kept there only (`importChanges.afterInAudit`). */
  afterInAudit?: true;
}

/**
 * A record `create` wrote whose audit entry and import changes are left to the adapter's
 * `recordCreated`, which writes those of many such records at once.
 */
export interface CreatedForLater {
  recordedLater: true;
  entityId: number;
}

export interface KindAdapter {
  prepare(scope: ImportScope, read: ReadRow, rowNumber: number): PreparedRow;
  /**
   * The stored record the row is, by its stable key first, then by its name in the same place: for
   * a place the app could not read, in the commune the person chose for it, if any (`RowPlace.chosen`).
   */
  match(scope: ImportScope, row: PreparedRow): ImportMatch | null;
  /** Keys two rows of the same file share when they are the same record. */
  fileKeys(row: PreparedRow): string[];
  /**
   * For a kind whose rows may be placed in a commune the person chooses: the key of `fileKeys` that
   * depends on the commune, for the row written in `communeCode`, adding a record or moving there
   * the stored record `updated`; null when that record is there already, where the preview keyed
   * it as stored. Asked at commit of the rows written in a commune chosen after the preview, which
   * the preview could not key them by, and of the rows written beside them.
   */
  fileKeyIn?(ctx: Context, row: WritableRow, communeCode: string, updated: number | null): string | null;
  create(scope: ImportScope, row: WritableRow, communeCode: string | null): WrittenChange | CreatedForLater;
  /**
   * Refuses (a conflict) a row to be added in `communeCode` as `create` takes it, or to move the
   * stored record `updated` there, that now meets a stored record the preview did not match it to
   * and `create` or `update` would not refuse itself: saved since the preview, or in a commune the
   * preview did not look in, it would be doubled. Asked of the rows before any is written; of a
   * «Cập nhật» only when the row is written in a commune (a kind with `fileKeyIn`).
   */
  refuseFoundSincePreview?(scope: ImportScope, row: WritableRow, communeCode: string | null, updated: number | null): void;
  /**
   * Refuses (a conflict) a row's write that the register refuses now, as the preview would have:
   * the stored record `id` its «Cập nhật» writes over (null for a row to add, or one repeating
   * another's «Cập nhật»), or the organization the row is of, changed since the preview — a past
   * gained, the Thùng rác. Asked, when the database changed since the preview, of the rows to
   * write before any is written.
   */
  refuseUpdateSincePreview?(scope: ImportScope, id: number | null, row: WritableRow): void;
  /**
   * Writes the audit entries and the import's changes of the records `create` left for later
   * (`ids`, in the order created), from their rows in SQL, as they would have been written one by
   * one. Called before anything else is written, so that both keep the order of the rows.
   */
  recordCreated?(ctx: Context, batchId: number, ids: readonly number[]): void;
  /** Fills in the record's blanks and changes from the row's non-blank values; null when nothing changed. */
  update(scope: ImportScope, id: number, row: WritableRow, communeCode: string | null): WrittenChange | null;
  /**
   * What `update` would change of the stored record `id` now, found by the merge it writes, for the
   * preview; null when the record is gone. `communeCode` as `update`'s, or undefined while the
   * person has still to choose it: the stored commune is then kept.
   */
  changes(ctx: Context, id: number, row: WritableRow, communeCode: string | null | undefined): ImportChanges | null;
  /**
   * The record's name when it was changed after `at` (then the undo is refused), else null: for
   * imports made before `after` was kept, by the audit trail.
   */
  changedSince(ctx: Context, change: StoredChange, at: string): string | null;
  /** The record as it is now, in the form of `WrittenChange.after`, and its name; undefined when it is gone. */
  snapshot(ctx: Context, change: StoredChange): { name: string; values: unknown } | undefined;
  /**
   * Whether other records point at it (an event's participant, a union's member…); the figures of
   * `ownFigureYears` were written by the import itself.
   */
  referenced?(ctx: Context, change: StoredChange, ownFigureYears: readonly number[]): boolean;
  /**
   * `snapshot` and `referenced` of many changes at once, as those would answer each: the kinds an
   * import writes by the tens of thousands read them with a few set-based queries rather than
   * several a change (`judgedOneByOne` is the rest's).
   */
  judge?(ctx: Context, changes: readonly StoredChange[], ownFigureYears: ReadonlyMap<number, readonly number[]>): ChangeJudgement[];
  /**
   * The ids among `changeIds` of `create` changes of `entity` whose record `judge` would find exactly as
   * the import left it and pointed at by nothing new, found by SQLite in one statement without
   * reading the records out: an import of 100,000 rows took seconds to read and compare them. A
   * change it leaves out is judged by `judge`; it may leave out more than `judge` would (a value
   * it cannot write as `JSON.stringify` does), never less.
   */
  createdAsLeft?(ctx: Context, changeIds: readonly number[], entity: string): Set<number>;
  /**
   * Takes back the changes `createdAsLeft` named (`changeIds`, newest first), as `undo` does each
   * with `asLeft`, in a few statements: the records removed, each with its audit entry, written
   * by SQLite from what the import left.
   */
  undoCreatedAsLeft?(ctx: Context, changeIds: readonly number[]): void;
  /**
   * Takes the change back. `pointedAt`: a record the import created that others now point at; it
   * goes to Thùng rác rather than away, so what points at it is kept. `asLeft`: the undo has just
   * found the record exactly as the import left it (`after`), so what it holds need not be read again.
   */
  undo(ctx: Context, change: StoredChange, options: { pointedAt: boolean; asLeft: boolean; removals: Removals }): void;
}

/** A record an undo meets as it is now (undefined when it is gone), and whether others point at it. */
export interface ChangeJudgement {
  now: { name: string; values: unknown } | undefined;
  referenced: boolean;
}

/** `KindAdapter.judge` of a kind without one: its `snapshot` and `referenced`, change by change. */
export function judgeChanges(adapter: KindAdapter, ctx: Context, changes: readonly StoredChange[], ownFigureYears: ReadonlyMap<number, readonly number[]>): ChangeJudgement[] {
  if (adapter.judge) return adapter.judge(ctx, changes, ownFigureYears);
  return changes.map((change) => {
    const now = adapter.snapshot(ctx, change);
    return { now, referenced: now !== undefined && change.action === 'create' && (adapter.referenced?.(ctx, change, ownFigureYears.get(change.entityId) ?? []) ?? false) };
  });
}

/**
 * What an undo removes exactly as its import created it (`asLeft`), deleted by the hundred with
 * one statement rather than row by row, each with its audit entry. The undo `flush`es before any
 * other step, so that everything still happens in the order of the changes; figures go before
 * the organizations they belong to.
 */
export class Removals {
  private organizations: { id: number; snapshot: Record<string, unknown> }[] = [];
  private figures: CheckedFigures[] = [];

  constructor(private readonly ctx: Context) {}

  organization(id: number, snapshot: Record<string, unknown>): void {
    this.organizations.push({ id, snapshot });
    if (this.organizations.length >= REMOVALS_PER_STATEMENT) this.flush();
  }

  yearOfFigures(figures: CheckedFigures): void {
    this.figures.push(figures);
    if (this.figures.length >= REMOVALS_PER_STATEMENT) this.flush();
  }

  flush(): void {
    deleteCheckedFigures(this.ctx, this.figures);
    this.figures = [];
    if (this.organizations.length === 0) return;
    this.ctx.db
      .delete(organizations)
      .where(among(organizations.id, this.organizations.map(({ id }) => id)))
      .run();
    // Its history says it was removed, with what it held.
    for (const { id, snapshot } of this.organizations) recordChange(this.ctx, 'organization', id, 'delete', snapshot, null);
    this.organizations = [];
  }
}

const REMOVALS_PER_STATEMENT = 500;

export interface StoredChange {
  entityId: number;
  action: 'create' | 'update';
  before: unknown;
  after?: unknown;
}

// ---------------------------------------------------------------------------------------------
// Shared pieces

function text(read: ReadRow, key: string): string {
  const value = read.values.get(key);
  return value === undefined || value === null ? '' : String(value);
}

function numberOf(read: ReadRow, key: string): number | null {
  const value = read.values.get(key);
  return typeof value === 'number' ? value : null;
}

/**
 * The contract's issues, each at the cell of its field (a field without a column: at the row), but
 * none at a cell whose reading already said what is wrong with it: "«1,5 tấn» không phải số" is
 * why Số lượng is missing, and saying so twice reads as two mistakes.
 */
function issuesAt(scope: ImportScope, issues: z.ZodError['issues'], read: ReadRow, rowNumber: number, fieldOfPath: (path: string) => string): ImportProblem[] {
  const misread = new Set(read.problems.map((problem) => problem.cell));
  return issues
    .map((issue) => ({ cell: cellRef(scope.columns, fieldOfPath(String(issue.path[0] ?? '')), rowNumber), message: issue.message }))
    .filter((problem) => !misread.has(problem.cell));
}

/** The columns a row's place is written in, the narrowest first. */
const placeFields = ['commune', 'address', 'district'] as const;

/**
 * A row that says nothing of its place. One whose place was written but not found is not refused:
 * the person chooses its commune in the preview (`needsPlace`).
 */
function placeProblem(scope: ImportScope, place: PlaceReading, read: ReadRow, rowNumber: number): ImportProblem | null {
  // Marks without a letter or a digit («/», «#») name no place, as a blank cell: asked for, the row
  // would have no address to keep the person's answer under (`placeKeyOf`), so the preview could
  // never be checked again in the commune chosen, and the commit would refuse it every time.
  if (place.kind !== 'unknown' || [text(read, 'commune'), text(read, 'district'), text(read, 'address')].some((written) => writtenKey(written) !== '')) return null;
  // Said at the cell the person wrote a mark in («-» read as blank, «/»), else where an address goes.
  const written = placeFields.find((field) => read.values.has(field) || read.markedBlank?.has(field));
  const field = written ?? (scope.columns.some((column) => column.field.key === 'address') ? 'address' : 'commune');
  return { cell: cellRef(scope.columns, field, rowNumber), message: 'Chưa có địa chỉ: cần tên xã, phường để biết tổ chức ở đâu.' };
}

/**
 * Why a written place was not found, at its cell: the person is asked for a commune, and should
 * know which words the app could not place. An old commune the catalogue files under another
 * province (one such, in the source of 2025) is named with where it went.
 */
function unknownPlaceNote(scope: ImportScope, place: PlaceReading, read: ReadRow, rowNumber: number): ImportProblem | null {
  if (place.kind !== 'unknown' || place.oldAddress === '') return null;
  const cell = cellRef(scope.columns, (['address', 'commune', 'district'] as const).find((field) => text(read, field) !== '') ?? 'address', rowNumber);
  const provinceName = (code: string) => unitNameInSentence(scope.ctx.places.province(code)?.fullName ?? 'tỉnh');
  const province = provinceName(place.provinceCode);
  const elsewhere = place.elsewhere.map((commune) => `${unitNameInSentence(commune.fullName)} (${provinceName(commune.provinceCode)})`);
  return {
    cell,
    message: elsewhere.length
      ? `«${place.oldAddress}»: theo danh mục đơn vị hành chính từ 01/07/2025, nơi này nay thuộc ${elsewhere.join(' hoặc ')}, không thuộc ${province}; hãy chọn xã, phường của ${province} nơi tổ chức ở.`
      : `«${place.oldAddress}»: không tìm thấy tên xã, phường nào của ${province} (tên hiện nay hoặc trước 01/07/2025); hãy chọn xã, phường nơi tổ chức ở.`,
  };
}

/**
 * What a row's place says beyond the commune it was read as, at the cell that says it: another
 * commune an old one of the same name went to (`alsoOldCommunesWords`), and, to heed, a place in
 * another province than the alliance's — not refused, since a member may be of another province
 * (a regional union's), but counted in none of this province's figures, which the person should
 * know before writing a row whose province may be a slip.
 */
function placeNotes(scope: ImportScope, place: PlaceReading, read: ReadRow, rowNumber: number): ImportProblem[] {
  const notes: ImportProblem[] = [];
  if (place.kind === 'mapped' && place.alsoOldCommunes) {
    const also = alsoOldCommunesWords(place.alsoOldCommunes, place.commune);
    if (also) notes.push({ cell: cellRef(scope.columns, place.alsoOldCommunes.inCommuneColumn ? 'commune' : 'address', rowNumber), message: also });
  }
  const provinceCode = place.kind === 'mapped' ? place.commune.provinceCode : place.kind === 'ambiguous' ? place.provinceCode : scope.homeProvinceCode;
  if (provinceCode !== scope.homeProvinceCode) {
    const field = text(read, 'province') ? 'province' : ((['address', 'commune'] as const).find((name) => text(read, name) !== '') ?? 'address');
    const [other, home] = [provinceCode, scope.homeProvinceCode].map((code) => unitNameInSentence(scope.ctx.places.province(code)?.fullName ?? ''));
    notes.push({
      cell: cellRef(scope.columns, field, rowNumber),
      message: `Địa chỉ ở ${other}, không thuộc ${home}: tổ chức được ghi là Ngoài tỉnh, không tính vào số liệu, báo cáo của ${home}. Nếu ghi nhầm tỉnh, hãy sửa trong tệp hoặc chọn «Bỏ qua» cho dòng này.`,
      heed: true,
    });
  }
  return notes;
}

/** The communes a row is looked for in, and keyed by in its file: where its place was read, or chosen. */
function communeCodesOf(place: RowPlace | null): string[] {
  if (!place) return [];
  if (place.kind === 'mapped') return [place.commune.code];
  if (place.kind === 'ambiguous') return place.candidates.map((commune) => commune.code);
  return place.chosen === undefined ? [] : [place.chosen];
}

function communeNameOf(scope: ImportScope, code: string): string {
  return scope.ctx.places.commune(code)?.fullName ?? '';
}

function provinceNameOf(scope: ImportScope, code: string): string {
  return scope.ctx.places.province(code)?.fullName ?? '';
}

/** Columns of `before` whose value the update changed, with their stored values. */
function changedColumns<T extends Record<string, unknown>>(before: T, after: T): Partial<T> | null {
  const changed = Object.fromEntries(Object.entries(before).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(after[key])));
  return Object.keys(changed).length ? (changed as Partial<T>) : null;
}

/** The fields whose value differs between a record as stored and as an update would leave it, with both values. */
function fieldChanges(before: Record<string, HistoryValue>, after: Record<string, HistoryValue>): HistoryChange[] {
  return Object.keys(changedColumns(before, after) ?? {}).map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}

/** Changes of a record of `spec`'s kind as the preview lists them, with the names of the references among them. */
function listedChanges(ctx: Context, spec: Pick<RecordSpec<typeof organizations>, 'kind' | 'nameOf'> | Pick<RecordSpec<typeof partners>, 'kind' | 'nameOf'>, fields: HistoryChange[]): ImportChanges {
  const names: Record<string, string> = {};
  nameReferences(ctx, spec, fields, names);
  return { record: spec.kind, fields, names };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What an undo asks of every record it takes back, prepared once per connection. */
const undoQueries = perConnection((db) => ({
  auditedAfter: db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.entity, sql.placeholder('entity')), eq(auditLog.entityId, sql.placeholder('entityId')), gt(auditLog.at, sql.placeholder('at'))))
    .limit(1)
    .prepare(),
  organization: db.select().from(organizations).where(eq(organizations.id, sql.placeholder('id'))).prepare(),
  deleteOrganization: db.delete(organizations).where(eq(organizations.id, sql.placeholder('id'))).prepare(),
  figureYears: db
    .select({ year: yearlyFigures.year })
    .from(yearlyFigures)
    .where(eq(yearlyFigures.organizationId, sql.placeholder('organizationId')))
    .prepare(),
  references: referencesByTable(db),
  /** The statements of `referencedElsewhere`, by table and the tables left out. */
  referenceChecks: new Map<string, BetterSqlite3.Statement<[{ id: number }], number> | null>(),
}));

/** Whether the audit trail has a change to the entity after `at` (a later edit, figures added…). */
function auditedSince(ctx: Context, entity: string, entityId: number, at: string): boolean {
  return undoQueries(ctx.db).auditedAfter.get({ entity, entityId, at }) !== undefined;
}

/**
 * For each table, the foreign keys of other tables that point at it (a union membership, an
 * event's participant, an agreement's party…), read from the schema so that a table added later is
 * counted too.
 */
interface Reference {
  from: string;
  column: string;
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

function referencesByTable(db: Db): Map<string, Reference[]> {
  const byTable = new Map<string, Reference[]>();
  const tables = db.$client.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all();
  for (const { name } of tables) {
    for (const key of db.$client.pragma(`foreign_key_list(${quoted(name)})`) as { table: string; from: string }[]) {
      byTable.set(key.table, [...(byTable.get(key.table) ?? []), { from: name, column: key.from }]);
    }
  }
  return byTable;
}

/**
 * Whether any row of another table refers to the record: such a record is not removed by an undo,
 * the reference would go with it. One statement asks every referring table at once: an undo asks
 * it of each of 100,000 records, and a dozen calls each cost more than the lookups themselves.
 */
function referencedElsewhere(ctx: Context, table: string, id: number, except: readonly string[] = []): boolean {
  const queries = undoQueries(ctx.db);
  const key = [table, ...except].join('\u0000');
  let query = queries.referenceChecks.get(key);
  if (query === undefined) {
    const checks = (queries.references.get(table) ?? [])
      .filter(({ from }) => !except.includes(from))
      .map(({ from, column }) => `EXISTS (SELECT 1 FROM ${quoted(from)} WHERE ${quoted(column)} = @id)`);
    query = checks.length ? ctx.db.$client.prepare<[{ id: number }], number>(`SELECT ${checks.join(' OR ')}`).pluck() : null;
    queries.referenceChecks.set(key, query);
  }
  return query !== null && query.get({ id }) === 1;
}

/**
 * `referencedElsewhere` of many records at once: the ids among `ids` that a row of another table
 * refers to, in one statement.
 */
function referencedAmong(ctx: Context, table: string, ids: readonly number[], except: readonly string[] = []): Set<number> {
  const checks = (undoQueries(ctx.db).references.get(table) ?? [])
    .filter(({ from }) => !except.includes(from))
    .map(({ from, column }) => `SELECT ${quoted(column)} FROM ${quoted(from)} WHERE ${quoted(column)} IN (SELECT value FROM json_each(@ids))`);
  if (checks.length === 0 || ids.length === 0) return new Set();
  return new Set(ctx.db.$client.prepare<[{ ids: string }], number>(checks.join(' UNION ')).pluck().all({ ids: JSON.stringify(ids) }));
}

/**
 * The record's values as `JSON.stringify` writes the object of `keys` (each the name of a column of
 * `table`, as drizzle reads it), in SQL over the row `row` (`r` unless said), followed by the
 * `'key', value` pairs `also` when given, and the conditions under which that text
 * is exact: a REAL or a BLOB is written otherwise by SQLite, so a row holding one is not judged
 * here. Null when a key is not a plain column.
 */
function valuesAsJson(table: SQLiteTable, keys: readonly string[], row = 'r', also?: string): { json: string; exact: string } | null {
  const columns = getTableColumns(table) as Record<string, SQLiteColumn | undefined>;
  const parts: string[] = [];
  const exact: string[] = [];
  for (const key of keys) {
    const column = columns[key];
    if (!column || !['SQLiteText', 'SQLiteInteger', 'SQLiteBoolean'].includes(column.columnType)) return null;
    const value = `${row}.${quoted(column.name)}`;
    exact.push(`typeof(${value}) IN ('null', 'integer', 'text')`);
    // drizzle reads a boolean as `Number(value) === 1`, and null as null.
    const written = column.columnType === 'SQLiteBoolean' ? `CASE WHEN ${value} IS NULL THEN NULL WHEN ${value} = 1 THEN json('true') ELSE json('false') END` : value;
    parts.push(`'${key}', ${written}`);
  }
  if (also !== undefined) parts.push(also);
  return { json: `json_object(${parts.join(', ')})`, exact: exact.join(' AND ') || '1' };
}

/**
 * The `create` changes of `entity` among `changeIds` whose record (`r`, of `table`, found by `joinOn`) holds
 * exactly what the import left, as text (`valuesAsJson` against what `changesOf` reads), and meets
 * `also`: `createdAsLeft` of the kinds that write tens of thousands of records.
 */
function createsAsLeft(ctx: Context, changeIds: readonly number[], entity: string, table: SQLiteTable, keys: readonly string[], joinOn: string, also: string[] = []): Set<number> {
  const values = valuesAsJson(table, keys);
  if (!values) return new Set();
  // Found by their ids (`+` keeps SQLite from walking every change of the entity instead).
  const query = ctx.db.$client.prepare<[{ ids: string; entity: string }], number>(
    `SELECT c.id FROM import_changes c
     LEFT JOIN audit_log a ON c.after_in_audit = 1 AND a.entity = c.entity AND a.entity_id = c.entity_id AND a.action = 'create'
     JOIN ${quoted(getTableName(table))} r ON ${joinOn}
     WHERE c.id IN (SELECT value FROM json_each(@ids)) AND +c.entity = @entity AND c.action = 'create' AND ${values.exact}
       AND ${values.json} = ${leftByImport}${also.map((condition) => ` AND ${condition}`).join('')}`,
  );
  return new Set(query.pluck().all({ ids: JSON.stringify(changeIds), entity }));
}

/**
 * The changes `changeIds` as `c`, with their record's creation `a` in the audit trail where that
 * holds what the import left (`afterInAudit`): the source of `leftByImport`.
 */
const changesAsLeft = `import_changes c
  LEFT JOIN audit_log a ON c.after_in_audit = 1 AND a.entity = c.entity AND a.entity_id = c.entity_id AND a.action = 'create'
  WHERE c.id IN (SELECT value FROM json_each(@ids))`;

/**
 * What the import left of the record of change `c` (`changesAsLeft`), in SQL: kept in the change,
 * or the values of its creation's audit entry `a`, where the year of figures written with it
 * (`createdRecording`) is not the record's but a change of its own.
 */
const leftByImport = `coalesce(c.after, CASE WHEN json_type(a.after, '$.figures') IS NULL THEN a.after ELSE json_remove(a.after, '$.figures') END)`;

/**
 * The audit entries and the import's changes of organizations an organizations list created
 * (`recordCreated`), written by SQLite from their rows (`r`) and the year of figures written with
 * each (`f`, its only one, since the organization was created just now), for the ids `@ids` in
 * their order: what `insertOrganization` records of a person's new organization, the year's
 * figures beside it, and a change of the import for each, the figures' only when one holds a
 * value. Row by row, building and binding that JSON made the commit of 87,500 organizations
 * about a second longer.
 */
const createdRecording = perConnection((db) => {
  const organization = valuesAsJson(organizations, organizationSnapshotKeys);
  const figures = valuesAsJson(yearlyFigures, figureFields, 'f');
  // A null in the patch leaves its key out: the year, then only the figures that hold a value.
  const withFigures = figures && valuesAsJson(organizations, organizationSnapshotKeys, 'r', `'figures', json_patch(json_object('year', f.year), ${figures.json})`);
  if (!organization || !figures || !withFigures) throw new Error('An organization or its figures hold a column whose value SQLite cannot write as JSON.');
  const figureColumns = getTableColumns(yearlyFigures);
  const anyFigure = `coalesce(${figureFields.map((field) => `f.${quoted(figureColumns[field].name)}`).join(', ')}) IS NOT NULL`;
  const created = 'json_each(@ids) j JOIN organizations r ON r.id = j.value LEFT JOIN yearly_figures f ON f.organization_id = r.id';
  return {
    audit: db.$client.prepare<[{ ids: string; at: string }]>(
      `INSERT INTO audit_log (entity, entity_id, action, at, before, after)
       SELECT 'organization', r.id, 'create', @at, NULL,
         CASE WHEN f.organization_id IS NULL THEN ${organization.json} ELSE ${withFigures.json} END
       FROM ${created} ORDER BY j.key`,
    ),
    // Each organization's change, then its figures': as `commit` writes a row's changes.
    changes: db.$client.prepare<[{ ids: string; batchId: number }]>(
      `INSERT INTO import_changes (batch_id, entity, entity_id, action, before, after, after_in_audit)
       SELECT @batchId, CASE p.part WHEN 0 THEN 'organization' ELSE 'figures' END, r.id, 'create',
         CASE p.part WHEN 0 THEN NULL ELSE json_object('year', f.year) END, CASE p.part WHEN 0 THEN NULL ELSE ${figures.json} END, p.part = 0
       FROM ${created} JOIN (SELECT 0 AS part UNION ALL SELECT 1) p ON p.part = 0 OR (f.organization_id IS NOT NULL AND ${anyFigure})
       ORDER BY j.key, p.part`,
    ),
  };
});

/** What the import left of the records of `changeIds` (`leftByImport`), as JSON text, by change. */
export function leftOf(ctx: Context, changeIds: readonly number[]): Map<number, string | null> {
  const query = ctx.db.$client.prepare<[{ ids: string }], [number, string | null]>(`SELECT c.id, ${leftByImport} FROM ${changesAsLeft}`);
  return new Map(query.raw().all({ ids: JSON.stringify(changeIds) }));
}

function runOnChanges(ctx: Context, statements: readonly string[], changeIds: readonly number[]): void {
  const values = { ids: JSON.stringify(changeIds), at: timestamp(ctx) };
  for (const statement of statements) ctx.db.$client.prepare(statement).run(values);
}

/**
 * The changes `changeIds` as `c`, by their ids alone: what `undoCreatedAsLeft` removes needs nothing
 * else of them (joined to the audit trail as `changesAsLeft` is, the deletes of an undo of 87,500
 * organizations took half a second longer).
 */
const changesNamed = 'import_changes c WHERE c.id IN (SELECT value FROM json_each(@ids))';

/**
 * The changes `changeIds` as `c`, each with its record `r` of `table` found by `joinOn`: the source
 * of `undoCreatedAsLeft`'s audit entries. `createdAsLeft` has just found each record holding exactly
 * what its import left, as the text `valuesAsJson` writes of it, so they are written from the
 * record, not from what the import left: reading and parsing that again (the creation's audit
 * entry, for an organization) took most of a second of an undo of 87,500 organizations.
 */
function changedRecords(table: SQLiteTable, joinOn: string): string {
  return `import_changes c JOIN ${quoted(getTableName(table))} r ON ${joinOn} WHERE c.id IN (SELECT value FROM json_each(@ids))`;
}

/**
 * The values of `keys` (columns of `table` holding integers or text) that the row `r` holds, as the
 * members `"key":value` of a JSON object, in the order of `keys`, each after a comma (`values`);
 * the same members set to null (`nulls`); and whether any holds one (`any`): the fields of a year
 * of figures an audit entry names (`figuresChange`, services/figures.ts). Joined as text, each value
 * written by SQLite as `json_object` writes it (`valuesAsJson`), rather than parsed back from JSON.
 */
function heldMembers(table: SQLiteTable, keys: readonly string[]): { values: string; nulls: string; any: string } {
  const columns = getTableColumns(table) as Record<string, SQLiteColumn | undefined>;
  const held = keys.map((key) => {
    const column = columns[key];
    if (!column || !['SQLiteText', 'SQLiteInteger'].includes(column.columnType)) throw new Error(`${key} is not a column of integers or text.`);
    return { member: `',"${key}":'`, value: `r.${quoted(column.name)}` };
  });
  const members = (written: (value: string) => string) => held.map(({ member, value }) => `CASE WHEN ${value} IS NULL THEN '' ELSE ${member} || ${written(value)} END`).join(' || ');
  return { values: members((value) => `json_quote(${value})`), nulls: members(() => `'null'`), any: `coalesce(${held.map(({ value }) => value).join(', ')}) IS NOT NULL` };
}

/** `referencedElsewhere` of the row `r` of `table`, as an SQL condition. */
function referencedSql(ctx: Context, table: string, except: readonly string[]): string {
  const checks = (undoQueries(ctx.db).references.get(table) ?? [])
    .filter(({ from }) => !except.includes(from))
    .map(({ from, column }) => `EXISTS (SELECT 1 FROM ${quoted(from)} WHERE ${quoted(column)} = r.id)`);
  return checks.length ? `(${checks.join(' OR ')})` : '0';
}

/** The keys of what the audit trail keeps of an organization (`organizationSnapshot`): its fields. */
const organizationSnapshotKeys = Object.keys(organizationSnapshot(new Proxy({}, { get: () => null }) as OrganizationRow));

// ---------------------------------------------------------------------------------------------
// Organizations

/**
 * The kind the header of a list's name column names, after «Tên»: a list of tổ hợp tác ("Tên tổ
 * hợp tác", "Tên THT") names its groups without the words, "Tổ sản xuất lúa ấp 3". A header of
 * several kinds ("Tên HTX/THT") names the first; one of none ("Tên đơn vị"), nothing.
 */
function kindOfNameColumn(scope: ImportScope): OrganizationKind | undefined {
  const header = scope.columns.find((column) => column.field.key === 'name')?.header.split(' - ').at(-1) ?? '';
  return organizationKindOfName(header.normalize('NFC').replace(/^\s*tên\s+/iu, ''));
}

/** The organization input the register form would send, from the row's values. */
function organizationCandidate(scope: ImportScope, read: ReadRow, place: PlaceReading, enterprise: EnterpriseReading | null) {
  const kindText = text(read, 'kind');
  // A list of cooperatives seldom says so on every row: a name without a kind word is of the kind
  // its column's header names ("Tên tổ hợp tác"), else an HTX. An enterprise's kind is not offered
  // as a value to choose: the row is refused (`enterpriseOf`).
  const kind = ((kindText && enterprise?.field !== 'kind' ? scope.choices.read('kind', kindText) : null) ??
    organizationKindOfName(text(read, 'name')) ??
    kindOfNameColumn(scope) ??
    'htx') as OrganizationKind;
  const coded = (key: 'sectorCode' | 'sizeClass') => {
    const written = text(read, key);
    return written ? scope.choices.read(key, written) : null;
  };
  // Until the person chooses a commune for a place the app could not read alone, the row is
  // checked with a stand-in one of the province.
  const standIn = scope.ctx.places.communesOf(scope.homeProvinceCode)[0]?.code ?? '';
  const commune = place.kind === 'mapped' ? place.commune.code : place.kind === 'ambiguous' ? (place.candidates[0]?.code ?? '') : standIn;
  return {
    kind,
    name: text(read, 'name'),
    shortName: text(read, 'shortName'),
    registrationNo: text(read, 'registrationNo'),
    communeCode: commune,
    street: text(read, 'street') || place.street,
    oldAddress: place.oldAddress,
    foundedOn: read.values.get('foundedOn') ?? null,
    sectorCode: coded('sectorCode'),
    phone: text(read, 'phone'),
    email: text(read, 'email'),
    website: text(read, 'website'),
    representative: text(read, 'representative'),
    charterCapital: read.values.get('charterCapital') ?? null,
    sizeClass: coded('sizeClass'),
    memberSince: read.values.get('memberSince') ?? null,
    memberUntil: null,
    highTech: read.values.get('highTech') === true,
    valueChain: read.values.get('valueChain') === true,
  };
}

/**
 * The figures an organizations list carries beside each organization (members, workers…), read
 * for the list's year; a negative or impossible one is a problem at its cell, so the row is not
 * taken without it.
 */
function figuresInList(scope: ImportScope, read: ReadRow, rowNumber: number, problems: ImportProblem[]): FigureValues | null {
  const present = figureFields.filter((field) => read.values.has(field));
  if (present.length === 0) return null;
  if (scope.year === null) {
    problems.push({ cell: `Dòng ${rowNumber}`, message: 'Danh sách có số liệu (thành viên, lao động…) mà chưa chọn năm của số liệu.' });
    return null;
  }
  const candidate: Record<string, FieldValue | undefined> = { year: scope.year };
  for (const field of present) {
    const value = read.values.get(field);
    candidate[field] = field === 'classification' && typeof value === 'string' ? scope.choices.read('classification', value) : value;
  }
  const parsed = figureValuesSchema.safeParse(candidate);
  if (!parsed.success) {
    problems.push(...issuesAt(scope, parsed.error.issues, read, rowNumber, (path) => path));
    return null;
  }
  return parsed.data;
}

/** The values a list row writes into its year: those it has, never a blank over a stored one. */
function figuresPatch(figures: FigureValues, present: ReadonlySet<string>): Partial<FigureValuesStored> {
  return Object.fromEntries(figureFields.filter((field) => present.has(field) && figures[field] != null).map((field) => [field, figures[field]]));
}

/**
 * Whether checking a row's figures needs the year's stored ones: the row writes one of a pair a
 * rule compares (managers and those with a degree, revenue and profit), or a profit above its own
 * revenue, which a year that already held both was asked about when they were saved.
 */
function figuresCheckedAgainstStored(figures: FigureValues, present: ReadonlySet<string>): boolean {
  const patch = figuresPatch(figures, present);
  const halfOf = (one: FigureField, other: FigureField) => (patch[one] === undefined) !== (patch[other] === undefined);
  return halfOf('managers', 'managersWithDegree') || halfOf('revenue', 'profit') || profitAboveRevenue({ revenue: patch.revenue ?? null, profit: patch.profit ?? null });
}

/**
 * Checks a row's figures as they will be once the year's stored ones are filled in (`organizationId`
 * null: nothing stored to look up). What the save would refuse is a problem at the row's cells, so
 * that the preview shows it rather than the commit stopping on it: a year figures cannot be kept
 * for, values that contradict each other ("5 managers with a degree" in a list, under 3 managers
 * stored). A profit above the revenue, which a person's save asks about, is a note to heed.
 */
function checkFiguresOfRow(
  scope: ImportScope,
  organizationId: number | null,
  figures: FigureValues,
  present: ReadonlySet<string>,
  rowNumber: number,
  problems: ImportProblem[],
  notes: ImportProblem[],
): void {
  const yearRefused = figuresYearRefused(scope.ctx, figures.year);
  if (yearRefused) {
    const yearCell = cellRef(scope.columns, 'year', rowNumber);
    const where = scope.columns.some((column) => column.field.key === 'year') ? '' : ' Hãy chọn lại năm của số liệu ở bước ghép cột.';
    problems.push({ cell: yearCell, message: `${yearRefused}${where}` });
    return;
  }
  const stored = organizationId === null ? undefined : findFigures(scope.ctx, organizationId, figures.year);
  const patch = figuresPatch(figures, present);
  const after = valuesAfter(stored ?? emptyFigures, patch);
  problems.push(...figureValueIssues(after).map((issue) => ({ cell: cellRef(scope.columns, issue.path, rowNumber), message: issue.message })));
  const note = profitAboveRevenueNote(scope, figures.year, stored, patch, after, rowNumber);
  if (note) notes.push(note);
}

/**
 * A profit above the revenue of the year the row writes into, as the year will hold them: almost
 * always a zero typed too many, yet it can be so, so the row is taken and the person told — at
 * the profit's cell, or the revenue's when the row writes only that. None when the row leaves
 * both as stored: that year was asked about when they were saved.
 */
function profitAboveRevenueNote(
  scope: ImportScope,
  year: number,
  stored: FigureValuesStored | undefined,
  patch: Partial<FigureValuesStored>,
  after: FigureValuesStored,
  rowNumber: number,
): ImportProblem | null {
  const { revenue, profit } = after;
  if (revenue === null || profit === null || !profitAboveRevenue({ revenue, profit })) return null;
  if (stored?.revenue === revenue && stored.profit === profit) return null;
  const kept = (field: 'revenue' | 'profit') => (patch[field] === undefined ? ' đã lưu' : '');
  return {
    cell: cellRef(scope.columns, patch.profit === undefined ? 'revenue' : 'profit', rowNumber),
    message: `Lợi nhuận${kept('profit')} năm ${year} (${formatCount(profit)} đồng) lớn hơn doanh thu${kept('revenue')} (${formatCount(revenue)} đồng): xem lại có gõ thừa số 0 không. Dòng vẫn được ghi nếu để nguyên.`,
    heed: true,
  };
}

/**
 * What a list row would change of the organization's year, field by field, each as Lịch sử thay
 * đổi writes a year's figures: the row's values (`figuresPatch`) over the stored ones, as `saveFigures` merges them.
 */
function figureChanges(ctx: Context, organizationId: number, figures: FigureValues, present: ReadonlySet<string>): HistoryChange[] {
  const stored = findFigures(ctx, organizationId, figures.year);
  const before = stored ?? emptyFigures;
  const after = valuesAfter(before, figuresPatch(figures, present));
  return figureFields
    .filter((field) => before[field] !== after[field])
    .map((field) => ({ field: 'figures', before: { year: figures.year, [field]: before[field] }, after: { year: figures.year, [field]: after[field] } }));
}

/** Writes the figures of a list row for the organization: fills in the year's row, never blanking a stored value. */
function writeFiguresOf(scope: ImportScope, organizationId: number, figures: FigureValues, present: ReadonlySet<string>): WrittenChange | null {
  const stored = findFigures(scope.ctx, organizationId, figures.year);
  const saved = saveFigures(scope.ctx, { organizationId, year: figures.year, ...figuresPatch(figures, present) });
  return figuresWritten(organizationId, figures.year, stored, figureValuesBefore(saved));
}

/** The import's change of a year's figures, from what was `stored` before to what it left; null when nothing changed. */
function figuresWritten(organizationId: number, year: number, stored: FigureValuesStored | undefined, after: Record<FigureField, unknown>): WrittenChange | null {
  const before = changedColumns(figureValuesBefore(stored), after);
  if (!before) return null;
  return { entity: 'figures', entityId: organizationId, action: stored ? 'update' : 'create', before: { year, ...(stored ? before : {}) }, after };
}

/** Which column an issue of the organization input belongs to. */
function organizationColumnOf(read: ReadRow): (path: string) => string {
  return (path) => {
    // The commune and the old address are read from the address as written, and so is the street
    // of a row that has none of its own.
    if (path === 'communeCode' || path === 'oldAddress' || (path === 'street' && !read.values.has('street'))) return 'address';
    return path;
  };
}

/** The input fields a row's present fields fill: the address feeds the commune, street and old address. */
function organizationInputFields(present: ReadonlySet<string>): Set<keyof ParsedOrganizationInput> {
  const fields = new Set<keyof ParsedOrganizationInput>();
  for (const key of present) {
    if (key === 'address' || key === 'commune') fields.add('communeCode').add('oldAddress').add('street');
    else fields.add(key as keyof ParsedOrganizationInput);
  }
  return fields;
}

type OrganizationRow = typeof organizations.$inferSelect;

function organizationInputOf(row: OrganizationRow): ParsedOrganizationInput {
  return {
    kind: row.kind,
    name: row.name,
    shortName: row.shortName,
    registrationNo: row.registrationNo ?? '',
    communeCode: row.communeCode,
    street: row.street,
    oldAddress: row.oldAddress,
    foundedOn: row.foundedOn,
    sectorCode: row.sectorCode,
    phone: row.phone,
    email: row.email,
    website: row.website,
    representative: row.representative,
    charterCapital: row.charterCapital,
    sizeClass: row.sizeClass,
    memberSince: row.memberSince,
    memberUntil: row.memberUntil,
    highTech: row.highTech,
    valueChain: row.valueChain,
    confirmedSimilarIds: [],
  };
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === '' || value === false;
}

/**
 * The stored name written otherwise — in capitals, «HTX NN» for «Hợp tác xã Nông nghiệp» — is the
 * same name: same key and the same kind («Liên hiệp HTX X» is not «HTX X», though their keys are).
 */
function sameOrganizationName(written: string, stored: string): boolean {
  return organizationNameKey(written) === organizationNameKey(stored) && organizationKindOfName(written) === organizationKindOfName(stored);
}

/**
 * What a row writes into the stored organization, as the form's input: the row's non-blank values
 * over the stored ones, a name that is the stored one written otherwise left as the register
 * writes it. `update` writes it; the preview lists what it changes (`changes`). `communeCode`:
 * the one chosen for the row, null for the one it was read as, undefined for the stored one kept.
 */
function organizationMerged(stored: OrganizationRow, row: WritableRow, communeCode: string | null | undefined): ParsedOrganizationInput {
  const input = row.input as ParsedOrganizationInput;
  const incoming = { ...input, communeCode: communeCode === undefined ? stored.communeCode : (communeCode ?? input.communeCode) };
  const merged = organizationInputOf(stored);
  for (const field of organizationInputFields(row.present)) {
    // A blank never overwrites a stored value.
    if (isBlank(incoming[field]) || (field === 'name' && sameOrganizationName(incoming.name, stored.name))) continue;
    if (saysStored(incoming[field], merged[field], row.datesWithin?.get(field))) continue;
    Object.assign(merged, { [field]: incoming[field] });
  }
  return merged;
}

/**
 * Whether a row's value says what the stored one says, less precisely: the same text without its
 * marks or in other capitals («Ap Tan Tien» for «Ấp Tân Tiến»), or a year or a month alone
 * (`within`) that the stored date lies in. The register's spelling and day are then kept — but a
 * register's text without marks takes the row's with them («Ấp Tân Tiến» for «Ap Tan Tien»).
 */
function saysStored(written: unknown, stored: unknown, within: DateWithin | undefined): boolean {
  if (typeof written !== 'string' || typeof stored !== 'string') return false;
  if (within) return stored.startsWith(written.slice(0, within === 'year' ? 4 : 7));
  return foldText(written) === foldText(stored) && !(withoutMarks.test(stored) && !withoutMarks.test(written));
}

/** Text written without a letter beyond ASCII: no Vietnamese marks. */
const withoutMarks = /^\p{ASCII}*$/u;

function organizationRow(ctx: Context, id: number): OrganizationRow | undefined {
  return undoQueries(ctx.db).organization.get({ id });
}

/** The live organization with this Mã số HTX, or of this name key in one of these communes. */
function findOrganization(scope: ImportScope, registrationNo: string, key: string, communeCodes: readonly string[]): ImportMatch | null {
  const found = registeredOrganization(scope, registrationNo, key, communeCodes);
  return found ? { reason: found.reason, id: found.id, name: found.name, place: communeNameOf(scope, found.communeCode), row: null } : null;
}

/** A stored organization a row names, and by which of its keys. */
type RegisteredOrganization = FoundOrganization & { reason: 'registrationNo' | 'sameName' };

function registeredOrganization(scope: ImportScope, registrationNo: string, key: string, communeCodes: readonly string[]): RegisteredOrganization | null {
  const { registerKeys } = scope;
  if (registrationNo && registerKeys.mayHaveNumber(registrationNo)) {
    const byNumber = scope.statements.organizationByNumber.get(registrationNo);
    if (byNumber) return { ...byNumber, reason: 'registrationNo' };
  }
  if (!key) return null;
  for (const communeCode of communeCodes) {
    if (!registerKeys.mayHaveName(communeCode, key)) continue;
    const byName = organizationByName(scope, communeCode, key);
    if (byName) return { ...byName, reason: 'sameName' };
  }
  return null;
}

/**
 * A row naming, by its Mã số HTX or by its name in its commune, an organization in the Thùng rác
 * and none in the register by that key: it would add a second one — or give the Mã số to another,
 * after which the one in the trash could not be restored. Refused at that cell, until the person
 * restores it (then the row updates it) or writes another.
 */
function trashedProblem(scope: ImportScope, registrationNo: string, nameKey: string, place: RowPlace, registered: () => RegisteredOrganization | null, rowNumber: number): ImportProblem | null {
  const found = trashedOrganization(scope, registrationNo, nameKey, communeCodesOf(place), () => registered()?.reason !== 'registrationNo', () => !registered());
  return found && { cell: cellRef(scope.columns, found.byNumber ? 'registrationNo' : 'name', rowNumber), message: inTrashMessage(scope, found) };
}

/**
 * The organization in the Thùng rác a row names by its Mã số HTX, else by its name in one of
 * `communeCodes`: `byNumberToo`/`byNameToo` say whether each is still to be looked for (the
 * register has none in use found so). The register's keys answer most rows without a query.
 */
function trashedOrganization(
  scope: ImportScope,
  registrationNo: string,
  nameKey: string,
  communeCodes: readonly string[],
  byNumberToo: () => boolean,
  byNameToo: () => boolean,
): (FoundOrganization & { byNumber: boolean }) | null {
  const { registerKeys, statements } = scope;
  const byNumber = registrationNo && registerKeys.mayHaveTrashedNumber(registrationNo) && byNumberToo() ? statements.trashedByNumber.get(registrationNo) : undefined;
  if (byNumber) return { ...byNumber, byNumber: true };
  const communes = nameKey ? communeCodes.filter((code) => registerKeys.mayHaveTrashedName(code, nameKey)) : [];
  const byName = communes.length && byNameToo() ? communes.map((code) => statements.trashedByName.get(code, nameKey)).find(Boolean) : undefined;
  return byName ? { ...byName, byNumber: false } : null;
}

/** An organization as a message names it: its name, with its Mã số HTX, else its commune. */
function organizationNamed(scope: ImportScope, found: Pick<FoundOrganization, 'name' | 'registrationNo' | 'communeCode'>): string {
  const which = found.registrationNo ? `mã số ${found.registrationNo}` : unitNameInSentence(communeNameOf(scope, found.communeCode));
  return `${found.name} (${which})`;
}

/**
 * A commit refused for a row whose organization was moved to the Thùng rác after the preview
 * (`KindAdapter.refuseUpdateSincePreview`): which one, and to restore it to write the row; the
 * pipeline says that nothing was written and to check the rows again (`changedSincePreview`).
 */
function trashedSincePreview(scope: ImportScope, stored: OrganizationRow): AppFailure {
  return conflict(`${organizationNamed(scope, stored)} đã được chuyển vào Thùng rác sau khi kiểm tra các dòng; nếu cần ghi dòng này, hãy khôi phục tổ chức đó trước.`, stored.id);
}

/** A row of figures, products, offers or demands whose organization was moved to the Thùng rác after the preview (`trashedSincePreview`). */
function refuseOrganizationTrashedSincePreview(scope: ImportScope, organizationId: number): void {
  const stored = organizationRow(scope.ctx, organizationId);
  if (stored?.deletedAt) throw trashedSincePreview(scope, stored);
}

/** What a row naming an organization in the Thùng rác is refused with: which one, and to restore it first. */
function inTrashMessage(scope: ImportScope, found: FoundOrganization): string {
  return `${organizationNamed(scope, found)} đang ở Thùng rác; hãy khôi phục tổ chức đó trước khi nhập dòng này.`;
}

/**
 * A row matched to an organization that has ended (`hasEnded`: dissolved, bankrupt, reorganized
 * into others), whose write the row's `action` would make (`writes`, in words): an old list would
 * write over the record of an organization that no longer exists, without a word. Said at the
 * organization's name (else its Mã số), naming it and how and when it ended — as the lifecycle
 * checks word it — and the row held back for the person to choose (`PreparedRow.doubtful`);
 * `otherwise` says what to do when the row means another. The status stays as the events say.
 */
function endedOrganizationNote(
  scope: ImportScope,
  stored: OrganizationRow,
  cell: string,
  action: 'Cập nhật' | 'Thêm mới',
  writes: string,
  otherwise: string,
): ImportProblem | null {
  if (!hasEnded(stored)) return null;
  const how = organizationEndingNames[stored.status];
  const when = stored.endedOn ? ` từ ngày ${formatIsoDateVi(stored.endedOn)}` : '';
  return {
    cell,
    message:
      `${organizationNamed(scope, stored)} đã chấm dứt hoạt động${how ? ` (${how})` : ''}${when} theo mục Quá trình hoạt động, nên danh sách này có thể đã cũ: ` +
      `«${action}» sẽ ${writes} (tình trạng của tổ chức vẫn như cũ). Nếu đúng là muốn vậy, hãy chọn «${action}» cho dòng này (dòng để «Bỏ qua» cho đến khi chọn); ${otherwise} ` +
      `Dòng này không theo lựa chọn chung cho các ${action === 'Cập nhật' ? 'dòng trùng' : 'dòng mới'}.`,
    heed: true,
  };
}

/** The cell a row of figures, products or offers names its organization at: its name, else its Mã số HTX. */
function organizationCell(scope: ImportScope, read: ReadRow, rowNumber: number): string {
  return cellRef(scope.columns, read.values.has('organizationName') ? 'organizationName' : 'registrationNo', rowNumber);
}

/**
 * A members list's row matched to an organization that has ended (`endedOrganizationNote`): «Cập nhật»
 * writes the row over its record. Not one whose Tình trạng or Ghi chú says it no longer works, as
 * the register's own list read back says it: the list knows it ended.
 */
function endedMatchNote(scope: ImportScope, read: ReadRow, registered: () => RegisteredOrganization | null, rowNumber: number): ImportProblem | null {
  const found = registered();
  // Nearly every row matches nothing, or one that works: asked first, it spares reading the row's words.
  if (!found || !hasEnded(found) || saysNotWorking(read)) return null;
  const stored = organizationRow(scope.ctx, found.id);
  if (!stored) return null;
  const otherwise =
    found.reason === 'registrationNo'
      ? 'nếu mã số trong tệp ghi nhầm, hãy sửa trong tệp.'
      : 'nếu là một tổ chức khác cùng tên, hãy chọn «Thêm mới».';
  return endedOrganizationNote(scope, stored, cellRef(scope.columns, 'name', rowNumber), 'Cập nhật', 'ghi các thông tin của dòng này vào hồ sơ của tổ chức đã chấm dứt đó', otherwise);
}

/**
 * A place the person would be asked about, for a row naming an organization the register already
 * has in one of the communes the address may mean (a list read again to update it): the register
 * says which, so the row is placed there. One found by its Mã số HTX elsewhere is still asked.
 */
function placeOfRegistered(scope: ImportScope, read: ReadRow, place: RowPlace): RowPlace {
  if (place.kind !== 'ambiguous') return place;
  const codes = communeCodesOf(place);
  const found = registeredOrganization(scope, text(read, 'registrationNo').replace(/\s/g, ''), organizationNameKey(text(read, 'name')), codes);
  const commune = found && codes.includes(found.communeCode) ? scope.ctx.places.commune(found.communeCode) : undefined;
  return commune ? { kind: 'mapped', commune, street: place.street, oldAddress: place.oldAddress, key: '', answered: false } : place;
}

/**
 * A row found by its name in a commune where the stored organization has another Mã số HTX: two
 * numbers most likely mean two organizations, and «Cập nhật» would write the row's over the stored
 * one. Said at the number's cell, naming both, for the person to choose (`PreparedRow.doubtful`).
 */
function otherNumberNote(scope: ImportScope, input: ParsedOrganizationInput, registered: () => RegisteredOrganization | null, rowNumber: number): ImportProblem | null {
  if (!input.registrationNo) return null;
  // By its name only: no organization has the row's number, or it would have been found by it.
  const found = registered();
  if (found?.reason !== 'sameName' || !found.registrationNo) return null;
  const where = unitNameInSentence(communeNameOf(scope, found.communeCode));
  return {
    cell: cellRef(scope.columns, 'registrationNo', rowNumber),
    message:
      `Mã số HTX ${input.registrationNo} khác mã số ${found.registrationNo} của «${found.name}», tên gần giống, cùng ở ${where}: hai mã số khác nhau thường là hai tổ chức khác nhau. ` +
      `Nếu là tổ chức khác, hãy chọn «Thêm mới»; nếu đúng là «${found.name}» và mã số trong tệp mới đúng, hãy chọn «Cập nhật». Dòng này không theo lựa chọn chung cho các dòng trùng.`,
    heed: true,
  };
}

/**
 * What a row found by its Mã số HTX changes that a person's save asks about (`refuseDuplicates`):
 * the organization's commune, read from the row's place, and its name (another name key).
 */
interface NameOrPlaceChange {
  found: RegisteredOrganization;
  /** The commune the organization is in once updated; null while the person is to choose it among several. */
  into: string | null;
  /** That commune in a sentence, or the ones to choose among («xã Phú Tân hoặc xã Chợ Vàm»). */
  where: string;
  moved: boolean;
  renamed: boolean;
  /** What «Cập nhật» does, in words: «chuyển «A» (Mã số HTX …) từ xã X về xã Y», «đổi tên «A» (Mã số HTX …) thành «B»». */
  words: string;
}

/**
 * The change of name or commune a row's «Cập nhật» makes to the organization its Mã số HTX names;
 * null when it makes neither, or when the commune is still the person's to choose for a place not
 * read, which the commit checks once chosen. Among several communes, the one chosen is a move.
 */
function nameOrPlaceChange(scope: ImportScope, input: ParsedOrganizationInput, nameKey: string, place: RowPlace, registered: () => RegisteredOrganization | null): NameOrPlaceChange | null {
  const codes = communeCodesOf(place);
  const into = codes.length === 1 ? (codes[0] ?? null) : null;
  if (codes.length === 0) return null;
  const found = registered();
  if (found?.reason !== 'registrationNo') return null;
  const moved = found.communeCode !== into;
  const renamed = found.nameKey !== nameKey;
  if (!moved && !renamed) return null;
  const who = `«${found.name}» (Mã số HTX ${input.registrationNo})`;
  const fromTo = `từ ${unitNameInSentence(communeNameOf(scope, found.communeCode))} về ${into === null ? 'xã, phường chọn cho dòng này' : unitNameInSentence(communeNameOf(scope, into))}`;
  const words = !renamed ? `chuyển ${who} ${fromTo}` : `đổi tên ${who} thành «${input.name}»${moved ? ` và chuyển ${fromTo}` : ''}`;
  const where = codes.map((code) => unitNameInSentence(communeNameOf(scope, code))).join(' hoặc ');
  return { found, into, where, moved, renamed, words };
}

/**
 * A row whose «Cập nhật» renames or moves the organization its Mã số HTX names so that it stands in
 * a commune beside another of its name: a person's save asks to confirm that they are two
 * (`refuseDuplicates`), and so does the import, the row being written only when the person chooses
 * «Cập nhật» for it. Said at the name's cell for a new name, else at the place's, naming both
 * (`PreparedRow.doubtful`).
 */
function besideNameNote(scope: ImportScope, change: NameOrPlaceChange, nameKey: string, present: ReadonlySet<string>, rowNumber: number): ImportProblem | null {
  const { into, moved, renamed } = change;
  const beside = into !== null && scope.registerKeys.mayHaveName(into, nameKey) ? organizationByName(scope, into, nameKey) : undefined;
  if (!beside || beside.id === change.found.id) return null;
  const where = moved ? `, nơi đã có «${beside.name}», tên gần giống` : `, tên gần giống «${beside.name}» cùng ở ${change.where}`;
  const check = !renamed ? 'xã, phường' : moved ? 'tên, xã, phường và Mã số HTX' : 'tên và Mã số HTX';
  return {
    cell: cellRef(scope.columns, renamed ? 'name' : present.has('address') ? 'address' : 'commune', rowNumber),
    message:
      `«Cập nhật» sẽ ${change.words}${where}: hai tổ chức cùng tên ở một xã, phường thường là một. ` +
      `Nếu đúng là hai tổ chức khác nhau, hãy chọn «Cập nhật» cho dòng này; nếu không, hãy xem lại ${check} của dòng này. Dòng này không theo lựa chọn chung cho các dòng trùng.`,
    heed: true,
  };
}

/**
 * A founding or joining day the row writes that the register refuses (`foundingIssues`), with
 * what the organization the row updates keeps (a blank never overwrites it): said at the row's
 * cell, as the form says it, rather than the commit stopping on it.
 */
function foundingProblems(scope: ImportScope, input: ParsedOrganizationInput, found: RegisteredOrganization | null, rowNumber: number): ImportProblem[] {
  const stored = found ? (organizationRow(scope.ctx, found.id) ?? null) : null;
  const after = {
    name: stored?.name ?? input.name,
    foundedOn: input.foundedOn ?? stored?.foundedOn ?? null,
    memberSince: input.memberSince ?? stored?.memberSince ?? null,
  };
  return foundingIssues(scope.ctx, stored, after).map((issue) => ({ cell: cellRef(scope.columns, issue.path, rowNumber), message: issue.message }));
}

/**
 * Figures of a year the organization did not exist in, as it will be once the row is written (its
 * founding day, else the stored one; the stored end): refused as the figures import and Cập nhật
 * số liệu năm refuse them (`yearOutsideLifeReason`), at the row's first figure.
 */
function figuresOutsideLife(
  scope: ImportScope,
  input: ParsedOrganizationInput,
  found: RegisteredOrganization | null,
  year: number,
  present: ReadonlySet<string>,
  rowNumber: number,
): ImportProblem | null {
  const stored = found ? (organizationRow(scope.ctx, found.id) ?? null) : null;
  const life = { name: stored?.name ?? input.name, foundedOn: input.foundedOn ?? stored?.foundedOn ?? null, endedOn: stored?.endedOn ?? null };
  const refusal = yearOutsideLifeReason(life, year);
  if (!refusal) return null;
  // A members list has no year column: the year is chosen for the file.
  const cell = cellRef(scope.columns, figureFields.find((key) => present.has(key)) ?? 'year', rowNumber);
  return { cell, message: `${refusal} Hãy xóa số liệu trên dòng này, hoặc chọn lại năm của số liệu ở bước ghép cột.` };
}

/**
 * A kind the row writes (its kind cell) over another of the organization it updates, which has a
 * past: the register refuses it (`kindChangeRefusal`), so the row is refused at that cell, as the
 * form would, rather than the commit stopping on it. Its other values are written once the cell
 * is left blank.
 */
function kindChangeProblem(scope: ImportScope, read: ReadRow, kind: OrganizationKind, found: RegisteredOrganization | null, rowNumber: number): ImportProblem | null {
  const refusal = found ? kindChangeRefusal(scope.ctx, found, kind) : null;
  if (!refusal) return null;
  return {
    cell: cellRef(scope.columns, 'kind', rowNumber),
    message: `Loại hình «${text(read, 'kind')}»: ${refusal} Dòng này không được nhập; để cập nhật các thông tin khác của tổ chức, hãy để trống ô này.`,
  };
}

/** The live organizations of the home province with this name key, one per commune. */
function namedInProvince(scope: ImportScope, nameKey: string): FoundOrganization[] {
  const found: FoundOrganization[] = [];
  for (const commune of scope.ctx.places.communesOf(scope.homeProvinceCode)) {
    if (!scope.registerKeys.mayHaveName(commune.code, nameKey)) continue;
    const organization = organizationByName(scope, commune.code, nameKey);
    if (organization) found.push(organization);
  }
  return found;
}

/** The communes of the home province, where a row naming an organization without its place looks for it. */
function communeCodesOfProvince(scope: ImportScope): string[] {
  return scope.ctx.places.communesOf(scope.homeProvinceCode).map((commune) => commune.code);
}

/** A file's key of an organization's name in a commune (`KindAdapter.fileKeys`). */
function nameInCommuneKey(communeCode: string, nameKey: string): string {
  return `name:${communeCode}:${nameKey}`;
}

/** Whether the stored organization `id` is in `communeCode` under `nameKey` already: an update leaves it where and as it is. */
function unmovedUnrenamed(ctx: Context, id: number, communeCode: string, nameKey: string): boolean {
  const stored = organizationRow(ctx, id);
  return stored?.communeCode === communeCode && stored.nameKey === nameKey;
}

/** The last row's name key: a preview asks for it twice in a row, for the row's keys in the file and its match. */
let lastNameKey: { row: PreparedRow; key: string } | null = null;

function nameKeyOfRow(row: PreparedRow): string {
  if (lastNameKey?.row !== row) lastNameKey = { row, key: organizationNameKey((row.input as ParsedOrganizationInput).name) };
  return lastNameKey.key;
}

/** Where a row says it is an enterprise's: its kind cell, or its name; with the problem said at that cell. */
interface EnterpriseReading {
  field: 'kind' | 'name';
  problem: ImportProblem;
}

/**
 * An enterprise in a list of members ("Cty CP Nông sản Xanh", Loại hình "Doanh nghiệp"): the
 * register keeps collective organizations only, and taken as an HTX it would count as one.
 */
function enterpriseOf(scope: ImportScope, read: ReadRow, rowNumber: number): EnterpriseReading | null {
  const kindText = text(read, 'kind');
  const name = text(read, 'name');
  const [field, said] = kindText && hasLegalForm(kindText) ? (['kind', `Loại hình «${kindText}»`] as const) : hasLegalForm(name) ? (['name', `«${name}»`] as const) : [null, ''];
  if (field === null) return null;
  return {
    field,
    problem: {
      cell: cellRef(scope.columns, field, rowNumber),
      message: `${said} là doanh nghiệp, không phải tổ chức kinh tế tập thể (hợp tác xã, liên hiệp hợp tác xã, tổ hợp tác, quỹ tín dụng nhân dân); doanh nghiệp được nhập ở danh sách Đối tác.`,
    },
  };
}

/** A Tình trạng cell that says the organization works as usual. */
const workingStatus = /^(?:dang |con |van )?hoat dong(?: (?:binh thuong|tot|on dinh|(?:co )?hieu qua))?$/;
/** One that says it does not: a suspension, dissolution, bankruptcy or merger, each an event with its date. */
const notWorkingStatus = /\b(?:ngung|giai the|pha san|khong (?:con )?hoat dong|dung hoat dong|sap nhap|hop nhat|chia|tach|thu hoi|to chuc lai)\b/;

/**
 * A members list's Tình trạng column, checked and never stored: the register's status follows the
 * dated events of Quá trình hoạt động. A row whose status says the organization no longer works
 * as usual is refused at that cell — imported as working, it would be counted as one — unless it
 * is an organization whose events already say so (the register's own list, exported and read
 * back); other words are said to be left aside.
 */
function statusOfRow(scope: ImportScope, read: ReadRow, rowNumber: number, registered: () => RegisteredOrganization | null, problems: ImportProblem[], notes: ImportProblem[]): void {
  const written = text(read, 'status');
  if (!written) return;
  const folded = foldText(written);
  const working = workingStatus.test(folded);
  const cell = cellRef(scope.columns, 'status', rowNumber);
  const found = registered();
  const stored = found ? organizationRow(scope.ctx, found.id) : undefined;
  if (stored && stored.status !== 'active') {
    // The list says it works where the register's events say otherwise: said, never changed.
    if (working) {
      const since = stored.endedOn ? ` từ ${formatIsoDateVi(stored.endedOn)}` : '';
      notes.push({
        cell,
        message: `Tình trạng «${written}»: trong dữ liệu, tổ chức ${organizationStatusWords[stored.status]}${since} theo mục Quá trình hoạt động; danh sách không đổi tình trạng này. Nếu tổ chức đã hoạt động trở lại, hãy ghi sự kiện đó ở trang của tổ chức.`,
        heed: true,
      });
    }
    return;
  }
  if (working) return;
  if (notWorkingStatus.test(folded)) {
    problems.push({
      cell,
      message: `Tình trạng «${written}»: việc tạm ngừng, giải thể, phá sản hay sáp nhập được ghi bằng sự kiện có ngày ở trang của tổ chức (mục Quá trình hoạt động), không từ danh sách. Hãy để trống ô này để nhập dòng, rồi ghi sự kiện đó.`,
    });
  } else notes.push({ cell, message: `Tình trạng «${written}» không được lưu: tình trạng của tổ chức đi theo các sự kiện ở mục Quá trình hoạt động.` });
}

/** A remark that says the organization stopped working: ended, suspended, or doing neither any more. */
const notWorkingRemark = /\b(?:giai the|pha san|tam ngung|(?:ngung|dung) (?:hoat dong|sxkd|san xuat|kinh doanh)|khong (?:con )?hoat dong|bo hoat dong)\b/;

/**
 * A members list's Ghi chú column, read and never stored (the register keeps no remark), and a
 * remark in brackets after the name («HTX Tân Lập (đã giải thể)»), which offices write when the list
 * has no such column: one that says the organization stopped working is said at its cell, since the
 * row is imported as working, unless the register's events already say it ended or is suspended.
 * The name is stored as written, brackets and all: the note says so, for the person to mend the file.
 */
function remarkOfRow(scope: ImportScope, read: ReadRow, rowNumber: number, registered: () => RegisteredOrganization | null, notes: ImportProblem[]): void {
  const remark = text(read, 'remark');
  const name = text(read, 'name');
  const inName = Array.from(name.matchAll(/\(([^()]*)\)/g), (match) => match[1] ?? '').find((words) => notWorkingRemark.test(foldText(words)));
  const said = remark && notWorkingRemark.test(foldText(remark)) ? 'remark' : inName !== undefined ? 'name' : null;
  if (said === null) return;
  const found = registered();
  if (found && organizationRow(scope.ctx, found.id)?.status !== 'active') return;
  const advice = 'Nếu tổ chức đã giải thể hay tạm ngừng, hãy chọn «Bỏ qua» cho dòng này, hoặc sau khi nhập ghi sự kiện có ngày ở mục Quá trình hoạt động của tổ chức.';
  notes.push({
    cell: cellRef(scope.columns, said, rowNumber),
    message:
      said === 'remark'
        ? `Ghi chú «${remark}»: dòng vẫn được ghi là tổ chức đang hoạt động. ${advice}`
        : `Tên «${name}» có ghi «(${inName ?? ''})»: dòng vẫn được ghi là tổ chức đang hoạt động, với tên đúng như trong ô. ${advice} Nếu tổ chức còn hoạt động, hãy bỏ phần trong ngoặc khỏi tên trong tệp.`,
    heed: true,
  });
}

/** A members list's row whose Tình trạng, Ghi chú or remark after the name says the organization no longer works (`statusOfRow`, `remarkOfRow`). */
function saysNotWorking(read: ReadRow): boolean {
  const status = foldText(text(read, 'status'));
  if (status && !workingStatus.test(status) && notWorkingStatus.test(status)) return true;
  const remarks = [text(read, 'remark'), ...Array.from(text(read, 'name').matchAll(/\(([^()]*)\)/g), (match) => match[1] ?? '')];
  return remarks.some((remark) => remark !== '' && notWorkingRemark.test(foldText(remark)));
}

/**
 * A date written as a year or a month alone, said as the «Cập nhật» of the organization found
 * writes it (`saysStored`) in place of the reader's note: the stored day kept when it lies within,
 * else the first day of what was written.
 */
function datesWithinSaid(scope: ImportScope, read: ReadRow, found: RegisteredOrganization | null, rowNumber: number, notes: ImportProblem[]): void {
  const stored = found ? organizationRow(scope.ctx, found.id) : undefined;
  if (!stored || !read.datesWithin) return;
  for (const [key, within] of read.datesWithin) {
    const written = read.values.get(key);
    const storedDate = key === 'foundedOn' ? stored.foundedOn : key === 'memberSince' ? stored.memberSince : null;
    // Its column's, or the founding year's read in its stead (`fallbackFor`).
    const column = scope.columns.find((one) => (one.field.fallbackFor ?? one.field.key) === key && notes.some((note) => note.cell === `${one.letter}${rowNumber}`));
    const cell = `${column?.letter ?? ''}${rowNumber}`;
    const at = notes.findIndex((note) => note.cell === cell);
    if (typeof written !== 'string' || storedDate === null || !column || at < 0) continue;
    const period = within === 'year' ? `năm ${written.slice(0, 4)}` : `tháng ${written.slice(5, 7)}/${written.slice(0, 4)}`;
    const said = saysStored(written, storedDate, within)
      ? `như ngày đã lưu (${formatIsoDateVi(storedDate)}): giữ nguyên ngày đã lưu`
      : `khác ngày đã lưu (${formatIsoDateVi(storedDate)}): «Cập nhật» ghi là ${formatIsoDateVi(written)}`;
    notes[at] = { cell, message: `${column.field.label}: chỉ ghi ${period}, ${said}.` };
  }
}

/** Fields read only to be checked against the row, never stored. */
const checkedOnly = new Set(['status', 'remark']);

const organizationsAdapter: KindAdapter = {
  prepare(scope, read, rowNumber) {
    const problems = [...read.problems];
    // Read once: the kind cell's words and the name's are not read again for the candidate.
    const enterprise = enterpriseOf(scope, read, rowNumber);
    if (enterprise) problems.push(enterprise.problem);
    const place = placeOfRegistered(scope, read, placeOfRow(scope, read));
    const unknownPlace = placeProblem(scope, place, read, rowNumber);
    if (unknownPlace) problems.push(unknownPlace);
    const notes = [...read.notes];
    const notFound = unknownPlaceNote(scope, place, read, rowNumber);
    if (notFound) notes.push(notFound);
    const alsoDistrict = place.kind === 'ambiguous' ? place.alsoOldDistrict : null;
    if (alsoDistrict) {
      notes.push({
        cell: cellRef(scope.columns, 'address', rowNumber),
        message: `«${alsoDistrict.name}» là tên ${alsoDistrict.commune} hiện nay, cũng là tên ${alsoDistrict.district} trước 01/07/2025: hãy chọn xã, phường nơi tổ chức ở.`,
      });
    }
    // A province cell that names none is not passed over: the place would be looked for in the alliance's.
    provinceInCell(scope, read, rowNumber, 'province', problems, notes);
    notes.push(...placeNotes(scope, place, read, rowNumber));
    const parsed = organizationInput.safeParse(organizationCandidate(scope, read, place, enterprise));
    // The organization the row names, as its match will find it: looked up once, if asked for.
    let found: RegisteredOrganization | null | undefined;
    const nameKey = parsed.success ? organizationNameKey(parsed.data.name) : '';
    const registered = () => {
      if (found === undefined) found = parsed.success ? registeredOrganization(scope, parsed.data.registrationNo, nameKey, communeCodesOf(place)) : null;
      return found;
    };
    statusOfRow(scope, read, rowNumber, registered, problems, notes);
    remarkOfRow(scope, read, rowNumber, registered, notes);
    if (!parsed.success) {
      const issues = issuesAt(scope, parsed.error.issues, read, rowNumber, organizationColumnOf(read));
      // An unknown place is already said once, in the person's words.
      problems.push(...(unknownPlace ? issues.filter((issue) => issue.cell !== unknownPlace.cell) : issues));
    }
    // As on a person's save, said here rather than refused at the commit: a day after today, unless
    // it is the one the organization the row updates already has (a merger recorded ahead gave it,
    // before lifecycle events dated after today were refused).
    const lateFounding = parsed.success ? foundingDayRefusal(scope.ctx, parsed.data.foundedOn) : null;
    const foundId = lateFounding ? (registered()?.id ?? null) : null;
    const kept = foundId !== null && organizationRow(scope.ctx, foundId)?.foundedOn === parsed.data?.foundedOn;
    if (lateFounding && !kept) problems.push({ cell: cellRef(scope.columns, 'foundedOn', rowNumber), message: lateFounding });
    else if (parsed.success && (parsed.data.foundedOn !== null || parsed.data.memberSince !== null)) {
      problems.push(...foundingProblems(scope, parsed.data, registered(), rowNumber));
    }
    if (parsed.success && read.datesWithin) datesWithinSaid(scope, read, registered(), rowNumber, notes);
    const present = new Set([...read.values.keys()].filter((key) => !checkedOnly.has(key)));
    const kindChange = parsed.success && present.has('kind') ? kindChangeProblem(scope, read, parsed.data.kind, registered(), rowNumber) : null;
    if (kindChange) problems.push(kindChange);
    const figures = figuresInList(scope, read, rowNumber, problems);
    if (figures) {
      // Stored figures seldom matter (`figuresCheckedAgainstStored`): only then is the organization
      // the row will update looked up, as its match will find it.
      const organizationId = figuresCheckedAgainstStored(figures, present) ? (registered()?.id ?? null) : null;
      checkFiguresOfRow(scope, organizationId, figures, present, rowNumber, problems, notes);
      const outsideLife = parsed.success ? figuresOutsideLife(scope, parsed.data, registered(), figures.year, present, rowNumber) : null;
      if (outsideLife) problems.push(outsideLife);
    }
    const trashed = parsed.success ? trashedProblem(scope, parsed.data.registrationNo, nameKey, place, registered, rowNumber) : null;
    if (trashed) problems.push(trashed);
    const otherNumber = parsed.success ? otherNumberNote(scope, parsed.data, registered, rowNumber) : null;
    if (otherNumber) notes.push(otherNumber);
    const ended = parsed.success ? endedMatchNote(scope, read, registered, rowNumber) : null;
    if (ended) notes.push(ended);
    const change = parsed.success ? nameOrPlaceChange(scope, parsed.data, nameKey, place, registered) : null;
    const beside = change ? besideNameNote(scope, change, nameKey, present, rowNumber) : null;
    if (beside) notes.push(beside);
    return {
      problems,
      notes,
      input: parsed.success ? parsed.data : null,
      place,
      present,
      figures,
      ...(otherNumber || beside || ended ? { doubtful: true as const } : {}),
      ...(change ? { rewrite: { words: change.words, where: change.where } } : {}),
    };
  },
  match(scope, row) {
    const input = row.input as ParsedOrganizationInput;
    return findOrganization(scope, input.registrationNo, nameKeyOfRow(row), communeCodesOf(row.place));
  },
  fileKeys(row) {
    const input = row.input as ParsedOrganizationInput;
    const key = nameKeyOfRow(row);
    return [...(input.registrationNo ? [`no:${input.registrationNo}`] : []), ...communeCodesOf(row.place).map((code) => nameInCommuneKey(code, key))];
  },
  fileKeyIn(ctx, row, communeCode, updated) {
    const nameKey = organizationNameKey((row.input as ParsedOrganizationInput).name);
    return updated !== null && unmovedUnrenamed(ctx, updated, communeCode, nameKey) ? null : nameInCommuneKey(communeCode, nameKey);
  },
  refuseFoundSincePreview(scope, row, communeCode, updated) {
    // A Mã số HTX saved since, `create` refuses itself; a name it takes as the person's choice.
    const input = row.input as ParsedOrganizationInput;
    const into = communeCode ?? input.communeCode;
    const nameKey = organizationNameKey(input.name);
    // One updated where it is under its name is not questioned again, as a person's save does not question it.
    if (updated !== null && unmovedUnrenamed(scope.ctx, updated, into, nameKey)) return;
    const found = organizationByName(scope, into, nameKey);
    if (found) throw conflict(`Đã có tổ chức cùng tên ở ${unitNameInSentence(communeNameOf(scope, found.communeCode))}: ${found.name}.`, found.id);
  },
  refuseUpdateSincePreview(scope, id, row) {
    const stored = id === null ? undefined : organizationRow(scope.ctx, id);
    if (!stored) return;
    // Moved to the Thùng rác since the preview: said so, rather than that it is not found.
    if (stored.deletedAt) throw trashedSincePreview(scope, stored);
    // A past gained since the preview (`kindChangeProblem`): the kind can no longer change.
    const merged = organizationMerged(stored, row, undefined);
    // Figures gained since the preview (`foundingProblems`): the founding day can no longer move past them.
    const refusal = kindChangeRefusal(scope.ctx, stored, merged.kind) ?? foundingIssues(scope.ctx, stored, merged)[0]?.message;
    if (refusal) throw conflict(refusal, stored.id);
  },
  create(scope, row, communeCode) {
    const input = row.input as ParsedOrganizationInput;
    // The person saw the similar names in the preview and chose to add this one.
    const created = writeOrganizationRow(scope.ctx, { ...input, communeCode: communeCode ?? input.communeCode }, 'chosen');
    if (row.figures) saveFiguresOfNew(scope.ctx, { organizationId: created.id, year: row.figures.year, ...figuresPatch(row.figures, row.present) });
    return { recordedLater: true, entityId: created.id };
  },
  recordCreated(ctx, batchId, ids) {
    const { audit, changes } = createdRecording(ctx.db);
    const created = JSON.stringify(ids);
    audit.run({ ids: created, at: timestamp(ctx) });
    changes.run({ ids: created, batchId });
  },
  update(scope, id, row, communeCode) {
    const stored = requireOrganization(scope.ctx, id);
    updateOrganization(scope.ctx, { id, ...organizationMerged(stored, row, communeCode) }, 'chosen');
    const after = organizationRow(scope.ctx, id);
    const before = after ? changedColumns(organizationSnapshot(stored), organizationSnapshot(after)) : null;
    const figures = row.figures ? writeFiguresOf(scope, id, row.figures, row.present) : null;
    const change: WrittenChange | null = before ? { entity: 'organization', entityId: id, action: 'update', before, after: after ? organizationSnapshot(after) : null } : null;
    if (!figures) return change;
    // Only the figures changed: they are the change, the organization is untouched.
    return change ? { ...change, also: [figures] } : figures;
  },
  changes(ctx, id, row, communeCode) {
    const stored = organizationRow(ctx, id);
    if (!stored || stored.deletedAt) return null;
    const merged = organizationMerged(stored, row, communeCode);
    // The row as `updateOrganization` leaves it: the input's columns, an empty Mã số HTX as none.
    const after = organizationSnapshot({ ...stored, ...merged, registrationNo: merged.registrationNo || null });
    const figures = row.figures ? figureChanges(ctx, id, row.figures, row.present) : [];
    return listedChanges(ctx, organizationRecords, [...fieldChanges(organizationSnapshot(stored), after), ...figures]);
  },
  snapshot(ctx, change) {
    const row = organizationRow(ctx, change.entityId);
    return row && !row.deletedAt ? { name: row.name, values: organizationSnapshot(row) } : undefined;
  },
  judge(ctx, changes, ownFigureYears) {
    const ids = changes.map((change) => change.entityId);
    const rows = new Map(ctx.db.select().from(organizations).where(among(organizations.id, ids)).all().map((row) => [row.id, row]));
    // As `referenced`: what other tables point at, and figures of a year the import did not write.
    const pointedAt = referencedAmong(ctx, 'organizations', ids, ['yearly_figures']);
    const years = ctx.db
      .select({ organizationId: yearlyFigures.organizationId, year: yearlyFigures.year })
      .from(yearlyFigures)
      .where(among(yearlyFigures.organizationId, ids))
      .all();
    for (const { organizationId, year } of years) if (!(ownFigureYears.get(organizationId) ?? []).includes(year)) pointedAt.add(organizationId);
    return changes.map((change) => {
      const row = rows.get(change.entityId);
      const now = row && !row.deletedAt ? { name: row.name, values: organizationSnapshot(row) } : undefined;
      return { now, referenced: now !== undefined && change.action === 'create' && pointedAt.has(change.entityId) };
    });
  },
  createdAsLeft(ctx, changeIds, entity) {
    return createsAsLeft(ctx, changeIds, entity, organizations, organizationSnapshotKeys, 'r.id = c.entity_id AND r.deleted_at IS NULL', [
      // As `judge`: nothing points at it, and it has no figures of a year the import did not write.
      `NOT ${referencedSql(ctx, 'organizations', ['yearly_figures'])}`,
      `NOT EXISTS (SELECT 1 FROM yearly_figures f WHERE f.organization_id = r.id AND f.year NOT IN (
         SELECT json_extract(own.before, '$.year') FROM import_changes own
         WHERE own.batch_id = c.batch_id AND own.entity = 'figures' AND own.entity_id = r.id AND json_type(own.before, '$.year') IN ('integer', 'real')))`,
    ]);
  },
  undoCreatedAsLeft(ctx, changeIds) {
    const held = valuesAsJson(organizations, organizationSnapshotKeys);
    if (!held) throw new Error('An organization holds a column whose value SQLite cannot write as JSON.');
    runOnChanges(
      ctx,
      [
        // Its history says it was removed, with what it held: what the import left, as `undo` writes it.
        `INSERT INTO audit_log (entity, entity_id, action, at, before, after)
         SELECT 'organization', c.entity_id, 'delete', @at, ${held.json}, NULL FROM ${changedRecords(organizations, 'r.id = c.entity_id')} ORDER BY c.id DESC`,
        `DELETE FROM organizations WHERE id IN (SELECT c.entity_id FROM ${changesNamed})`,
      ],
      changeIds,
    );
  },
  referenced(ctx, change, ownFigureYears) {
    // Figures the import wrote with it are its own; any other year's were added since.
    if (referencedElsewhere(ctx, 'organizations', change.entityId, ['yearly_figures'])) return true;
    return undoQueries(ctx.db)
      .figureYears.all({ organizationId: change.entityId })
      .some(({ year }) => !ownFigureYears.includes(year));
  },
  changedSince(ctx, change, at) {
    const row = organizationRow(ctx, change.entityId);
    if (!row) return null;
    if (auditedSince(ctx, 'organization', change.entityId, at)) return row.name;
    if (change.action === 'create' && referencedElsewhere(ctx, 'organizations', row.id)) return row.name;
    return null;
  },
  undo(ctx, change, { pointedAt, asLeft, removals }) {
    if (change.action === 'create' && asLeft && isRecord(change.after)) {
      // As created, untouched and pointed at by nothing: removed.
      removals.organization(change.entityId, change.after);
      return;
    }
    const row = organizationRow(ctx, change.entityId);
    if (!row) return;
    if (change.action === 'create' && pointedAt) {
      if (!row.deletedAt) deleteOrganization(ctx, row.id);
      return;
    }
    if (change.action === 'create') {
      // Nothing was attached to it since (changedSince checked the audit trail): removing it is
      // exact, and leaves no copy in Thùng rác to be mistaken for a real record.
      undoQueries(ctx.db).deleteOrganization.run({ id: row.id });
      recordChange(ctx, 'organization', row.id, 'delete', organizationSnapshot(row), null);
      return;
    }
    const restored = { ...organizationInputOf(row), ...(isRecord(change.before) ? change.before : {}) };
    // What it was before the import, as it was then: nothing to ask about.
    updateOrganization(ctx, { id: row.id, ...restored, registrationNo: restored.registrationNo || '' }, 'chosen');
  },
};

// ---------------------------------------------------------------------------------------------
// Figures and products: rows of an organization already in the register

/**
 * Finds the organization a row of figures or products is about, or says why it cannot. One found
 * by its Mã số HTX whose name the row writes as another's is `doubtful`, said in a note.
 */
function organizationOfRow(
  scope: ImportScope,
  read: ReadRow,
  rowNumber: number,
  problems: ImportProblem[],
  notes: ImportProblem[],
): { id: number; name: string; doubtful?: true } | null {
  const registrationNo = text(read, 'registrationNo').replace(/\s/g, '');
  const name = text(read, 'organizationName');
  const place = placeOfRow(scope, read);
  const communeCodes = communeCodesOf(place);
  const nameKey = organizationNameKey(name);
  const found = findOrganization(scope, registrationNo, nameKey, communeCodes);
  if (found?.id != null) {
    if (found.reason !== 'registrationNo' || !otherOrganizationName(nameKey, organizationNameKey(found.name))) return { id: found.id, name: found.name };
    notes.push({
      cell: cellRef(scope.columns, 'organizationName', rowNumber),
      message:
        `Mã số HTX ${registrationNo} là của «${found.name}», còn tên trên dòng là «${name}»: có thể là hai tổ chức khác nhau. ` +
        `Nếu đúng là «${found.name}», hãy chọn việc cần làm cho dòng này (dòng để «Bỏ qua» cho đến khi chọn); nếu không, hãy sửa mã số trong tệp.`,
      heed: true,
    });
    return { id: found.id, name: found.name, doubtful: true };
  }
  if (!registrationNo && !name) {
    problems.push({ cell: `Dòng ${rowNumber}`, message: 'Không có mã số HTX hay tên tổ chức: không biết số liệu này của ai.' });
    return null;
  }
  if (communeCodes.length === 0 && nameKey) {
    // A list of the office's own members often names them without an address: the name is
    // enough when one organization of the province bears it.
    const named = namedInProvince(scope, nameKey);
    if (named.length === 1 && named[0]) return { id: named[0].id, name: named[0].name };
    if (named.length > 1) {
      problems.push({
        cell: cellRef(scope.columns, 'organizationName', rowNumber),
        message: `Có ${named.length} tổ chức tên «${name}» (${named.map((organization) => `${organization.name}, ${communeNameOf(scope, organization.communeCode)}`).join('; ')}): hãy ghi thêm mã số HTX, địa chỉ hoặc xã, phường để biết là tổ chức nào.`,
      });
      return null;
    }
  }
  const key = registrationNo ? cellRef(scope.columns, 'registrationNo', rowNumber) : cellRef(scope.columns, 'organizationName', rowNumber);
  // Not found in use, it may be in the Thùng rác: said so, rather than that it is nowhere.
  const trashed = trashedOrganization(scope, registrationNo, nameKey, communeCodes, () => true, () => true);
  if (trashed) {
    problems.push({ cell: trashed.byNumber ? cellRef(scope.columns, 'registrationNo', rowNumber) : cellRef(scope.columns, 'organizationName', rowNumber), message: inTrashMessage(scope, trashed) });
    return null;
  }
  problems.push({
    cell: key,
    message: `Không tìm thấy «${[name, registrationNo].filter(Boolean).join(', ')}» trong danh sách Thành viên${
      communeCodes.length ? ` ở ${communeCodes.map((code) => unitNameInSentence(communeNameOf(scope, code))).join(' hoặc ')}` : ''
    }; hãy nhập tổ chức trước, hoặc ghi đúng mã số HTX.`,
  });
  return null;
}

/**
 * A written name that puts other words in place of some of the stored one's (`organizationNameKey`):
 * «HTX Chăn nuôi Hợp Lực» for «HTX Nông nghiệp Hợp Lực» is another name. A shorter form («HTX Hợp
 * Lực») or the name with more said after it («HTX Nông nghiệp Hợp Lực xã Mỹ Thới», as lists often
 * add the place) is not: the Mã số found it, and flagging such rows would leave a list's updates
 * skipped row after row. No name written says nothing.
 */
function otherOrganizationName(writtenKey: string, storedKey: string): boolean {
  if (writtenKey === '') return false;
  const [written, stored] = [new Set(writtenKey.split(' ')), new Set(storedKey.split(' '))];
  return [...written].some((word) => !stored.has(word)) && [...stored].some((word) => !written.has(word));
}

const figureValuesSchema = figuresSaveInput.omit({ organizationId: true });
type FigureValues = z.output<typeof figureValuesSchema>;
type FiguresStoredRow = typeof yearlyFigures.$inferSelect;

interface FiguresRowInput {
  organizationId: number;
  organizationName: string;
  values: FigureValues;
}

function figureValuesBefore(row: FigureValuesStored | undefined): Record<FigureField, unknown> {
  return Object.fromEntries(figureFields.map((field) => [field, row ? row[field] : null])) as Record<FigureField, unknown>;
}

function yearOfChange(change: StoredChange): number | null {
  return isRecord(change.before) && typeof change.before.year === 'number' ? change.before.year : null;
}

function figuresName(ctx: Context, organizationId: number, year: number): string {
  return `số liệu năm ${year} của ${organizationRow(ctx, organizationId)?.name ?? ''}`;
}

/** A year's figures as an undo compares them, named only when asked: of 100,000 compared, the few that differ are named. */
function figuresNow(ctx: Context, organizationId: number, year: number | null, stored: FiguresStoredRow | undefined): ChangeJudgement['now'] {
  if (!stored || year === null) return undefined;
  return {
    get name() {
      return figuresName(ctx, organizationId, year);
    },
    values: figureValuesBefore(stored),
  };
}

const figuresAdapter: KindAdapter = {
  prepare(scope, read, rowNumber) {
    const problems = [...read.problems];
    const notes = [...read.notes];
    const organization = organizationOfRow(scope, read, rowNumber, problems, notes);
    const year = numberOf(read, 'year') ?? scope.year;
    if (year === null) problems.push({ cell: `Dòng ${rowNumber}`, message: 'Không có năm của số liệu: ghép cột Năm, hoặc chọn năm ở bước đầu.' });
    const classificationText = text(read, 'classification');
    const classification = classificationText ? scope.choices.read('classification', classificationText) : undefined;
    const candidate: Record<string, FieldValue | undefined> = { year: year ?? 0, classification };
    for (const field of figureFields) if (field !== 'classification' && read.values.has(field)) candidate[field] = read.values.get(field);
    const parsed = figureValuesSchema.safeParse(candidate);
    if (!parsed.success) problems.push(...issuesAt(scope, parsed.error.issues, read, rowNumber, (path) => path));
    const present = new Set(read.values.keys());
    if (year !== null && parsed.success) checkFiguresOfRow(scope, organization?.id ?? null, parsed.data, present, rowNumber, problems, notes);
    // As Cập nhật số liệu năm and the statistics would never show them: a year the organization did not exist in.
    const outsideLife = organization && year !== null ? yearOutsideLife(scope.ctx, organization.id, year) : null;
    if (outsideLife) problems.push({ cell: cellRef(scope.columns, 'year', rowNumber), message: outsideLife });
    const input: FiguresRowInput | null = organization && parsed.success ? { organizationId: organization.id, organizationName: organization.name, values: parsed.data } : null;
    return { problems, notes, input, place: null, present, ...(organization?.doubtful ? { doubtful: organization.doubtful } : {}) };
  },
  match(scope, row) {
    const input = row.input as FiguresRowInput;
    const stored = findFigures(scope.ctx, input.organizationId, input.values.year);
    return stored ? { reason: 'existing', id: input.organizationId, name: input.organizationName, place: `năm ${input.values.year}`, row: null } : null;
  },
  fileKeys(row) {
    const input = row.input as FiguresRowInput;
    return [`figures:${input.organizationId}:${input.values.year}`];
  },
  create(scope, row) {
    const input = row.input as FiguresRowInput;
    if (findFigures(scope.ctx, input.organizationId, input.values.year)) {
      throw conflict(`${input.organizationName} đã có số liệu năm ${input.values.year}; hãy chọn Cập nhật cho dòng này.`, input.organizationId);
    }
    saveFigures(scope.ctx, { organizationId: input.organizationId, ...input.values });
    const after = figureValuesBefore(findFigures(scope.ctx, input.organizationId, input.values.year));
    return { entity: 'figures', entityId: input.organizationId, action: 'create', before: { year: input.values.year }, after };
  },
  refuseUpdateSincePreview(scope, _id, row) {
    refuseOrganizationTrashedSincePreview(scope, (row.input as FiguresRowInput).organizationId);
  },
  update(scope, id, row) {
    const input = row.input as FiguresRowInput;
    return writeFiguresOf(scope, id, input.values, row.present);
  },
  changes(ctx, id, row) {
    const input = row.input as FiguresRowInput;
    return listedChanges(ctx, organizationRecords, figureChanges(ctx, id, input.values, row.present));
  },
  changedSince(ctx, change, at) {
    const year = yearOfChange(change);
    if (year === null) return null;
    const stored = findFigures(ctx, change.entityId, year);
    if (stored && stored.updatedAt > at) return figuresName(ctx, change.entityId, year);
    return null;
  },
  snapshot(ctx, change) {
    const year = yearOfChange(change);
    return figuresNow(ctx, change.entityId, year, year === null ? undefined : findFigures(ctx, change.entityId, year));
  },
  judge(ctx, changes) {
    const rows = ctx.db
      .select()
      .from(yearlyFigures)
      .where(among(yearlyFigures.organizationId, [...new Set(changes.map((change) => change.entityId))]))
      .all();
    const stored = new Map(rows.map((row) => [`${row.organizationId}:${row.year}`, row]));
    return changes.map((change) => {
      const year = yearOfChange(change);
      return { now: figuresNow(ctx, change.entityId, year, stored.get(`${change.entityId}:${String(year)}`)), referenced: false };
    });
  },
  createdAsLeft(ctx, changeIds, entity) {
    return createsAsLeft(
      ctx,
      changeIds,
      entity,
      yearlyFigures,
      figureFields,
      // The year as `yearOfChange` reads it: a number.
      `json_type(c.before, '$.year') IN ('integer', 'real') AND r.organization_id = c.entity_id AND r.year = json_extract(c.before, '$.year')`,
    );
  },
  undoCreatedAsLeft(ctx, changeIds) {
    const year = `json_extract(c.before, '$.year')`;
    const held = heldMembers(yearlyFigures, figureFields);
    runOnChanges(
      ctx,
      [
        // The audit entry of `deleteCheckedFigures` (services/figures.ts), on the organization: the
        // year and the fields that held a value, before and after; none when none did.
        `INSERT INTO audit_log (entity, entity_id, action, at, before, after)
         SELECT 'organization', c.entity_id, 'update', @at, '{"figures":{"year":' || ${year} || ${held.values} || '}}', '{"figures":{"year":' || ${year} || ${held.nulls} || '}}'
         FROM ${changedRecords(yearlyFigures, `r.organization_id = c.entity_id AND r.year = ${year}`)} AND ${held.any} ORDER BY c.id DESC`,
        `DELETE FROM yearly_figures WHERE (organization_id, year) IN (SELECT c.entity_id, ${year} FROM ${changesNamed})`,
      ],
      changeIds,
    );
  },
  undo(ctx, change, { asLeft, removals }) {
    const before = isRecord(change.before) ? change.before : {};
    const year = typeof before.year === 'number' ? before.year : null;
    if (year === null) return;
    if (change.action === 'create' && asLeft && isRecord(change.after)) {
      removals.yearOfFigures({ organizationId: change.entityId, year, stored: change.after as FigureValuesStored });
      return;
    }
    if (!findFigures(ctx, change.entityId, year)) return;
    if (change.action === 'create') deleteFigures(ctx, change.entityId, year);
    else saveFigures(ctx, { organizationId: change.entityId, ...before, year });
  },
};

type ProductValues = z.output<typeof productValues>;
type ProductRow = typeof products.$inferSelect;

interface ProductRowInput {
  organizationId: number;
  organizationName: string;
  values: ProductValues;
}

function productOf(ctx: Context, organizationId: number, name: string): ProductRow | undefined {
  return ctx.db
    .select()
    .from(products)
    .where(and(eq(products.organizationId, organizationId), eq(products.nameFolded, foldText(name))))
    .get();
}

function productValuesOf(row: ProductRow): ProductValues {
  return { name: row.name, productGroup: row.productGroup, unit: row.unit, volume: row.volume, volumePeriod: row.volumePeriod, price: row.price, note: row.note };
}

/**
 * What a row writes into the stored product: its non-blank values of the columns it has over the
 * stored ones. The row found it by its name folded, so the name it writes is the stored one written
 * otherwise («gao st25»): the register's spelling stays. `update` writes it; the preview lists what it changes.
 */
function productMerged(stored: ProductRow, row: WritableRow): ProductValues {
  const input = row.input as ProductRowInput;
  const merged = productValuesOf(stored);
  for (const field of Object.keys(merged) as (keyof ProductValues)[]) {
    if (field !== 'name' && row.present.has(field) && !isBlank(input.values[field])) Object.assign(merged, { [field]: input.values[field] });
  }
  return merged;
}

/** A product as the organization's history keeps it (`saveProduct`): its row but for the folded name. */
function productHistoryValue(row: ProductRow, values: ProductValues): HistoryValue {
  return { id: row.id, organizationId: row.organizationId, ...values };
}

/** Periods a product's volume is written per, folded ("120 tấn/năm", "2 tấn/vụ"); null for those it is not counted per. */
const volumePeriodWords = new Map<string, VolumePeriod | null>([
  ...['nam', '1 nam', 'mot nam'].map((word) => [word, 'year'] as const),
  ...['vu', '1 vu', 'mot vu', 'mua vu', 'mua'].map((word) => [word, 'season'] as const),
  ...['thang', 'quy', 'tuan', 'ngay'].map((word) => [word, null] as const),
]);

/** A unit written with the period after it ("tấn/năm", "/vụ"), apart; `otherPeriod` one a volume is not counted per ("tháng"). */
interface UnitPerPeriod {
  unit: string;
  period: VolumePeriod | null;
  otherPeriod: string | null;
}

function unitPerPeriod(written: string): UnitPerPeriod {
  const at = written.lastIndexOf('/');
  const periodText = written.slice(at + 1).trim();
  const period = at < 0 ? undefined : volumePeriodWords.get(foldText(periodText).replace(/\.$/, ''));
  // Not a period after the slash: the slash is the unit's own.
  if (period === undefined) return { unit: written.trim(), period: null, otherPeriod: null };
  return { unit: written.slice(0, at).trim(), period, otherPeriod: period === null ? periodText : null };
}

/** What a product's row says of how it is sold: its unit, the period of its volume, its price in đồng for its unit. */
interface ProductSale {
  unit: string;
  volumePeriod: VolumePeriod | undefined;
  price: FieldValue | null;
  /** Fields filled from another column's cell (the unit from Sản lượng's or Giá bán's, the period): present for an update. */
  alsoPresent: string[];
}

/**
 * A product's unit — its Đơn vị tính, or the unit its Sản lượng or Giá bán cell wrote ("50 tấn",
 * "25.000 đ/kg") —, the period its volume is counted per ("120 tấn/năm", "2 tấn/vụ", or "tấn/năm"
 * in Đơn vị tính), and its price, for its unit. Each is said in a note; what cannot be read so (two
 * units, a period a volume is not counted per, a price range, a price written for another unit —
 * "25.000 đ/kg" of rice sold by the tấn, refused with the 25.000.000 đồng/tấn to write) is a problem at its cell.
 */
function productSaleOfRow(scope: ImportScope, read: ReadRow, rowNumber: number, problems: ImportProblem[], notes: ImportProblem[]): ProductSale {
  const cell = (field: string) => cellRef(scope.columns, field, rowNumber);
  const unitColumnText = text(read, 'unit');
  const volumeText = read.units?.get('volume') ?? '';
  const [column, inCell] = [unitPerPeriod(unitColumnText), unitPerPeriod(volumeText)];
  // What the cell does not say, the volume column's header may ("Sản lượng (tấn/vụ)", "Sản lượng/vụ").
  const inHeader = unitPerPeriod(headerUnitOf(scope, 'volume') ?? '');
  inHeader.period ??= periodOfHeader(scope.columns.find((mapped) => mapped.field.key === 'volume')?.header ?? '');
  const cellSaysPeriod = inCell.period !== null || inCell.otherPeriod !== null;
  const inVolume: UnitPerPeriod = {
    unit: inCell.unit || inHeader.unit,
    period: cellSaysPeriod ? inCell.period : inHeader.period,
    // A header per month ("Sản lượng (tấn/tháng)") is refused as a cell's would be, never read as per year.
    otherPeriod: cellSaysPeriod ? inCell.otherPeriod : inHeader.otherPeriod,
  };
  const alsoPresent: string[] = [];
  const volume = read.values.get('volume');
  const before = problems.length;
  for (const [field, written] of [['unit', column], ['volume', inVolume]] as const) {
    if (written.otherPeriod !== null) {
      problems.push({
        cell: cell(field),
        message: `Sản lượng ghi theo «${written.otherPeriod}»; sản lượng của sản phẩm tính theo năm hoặc theo vụ, hãy quy ra sản lượng một năm hoặc một vụ.`,
      });
    }
  }
  if (inCell.unit && volumePeriodWords.has(foldText(inCell.unit))) {
    const written = typeof volume === 'number' ? formatQuantity(volume, volumeText) : volumeText;
    problems.push({ cell: cell('volume'), message: `Sản lượng «${written}» không ghi khối lượng hay số lượng sản phẩm; hãy ghi sản lượng với đơn vị, ví dụ «120 tấn/năm».` });
  }
  /** Two units written alike, or two spellings of one unit of the list ("tấn", "T"). */
  const same = (a: string, b: string) => {
    if (foldText(a) === foldText(b)) return true;
    const known = unitOfText(scope.units, a);
    return known !== undefined && known.code === unitOfText(scope.units, b)?.code;
  };
  const volumeSays = inCell.unit || inCell.period ? 'Sản lượng' : 'Tiêu đề cột sản lượng';
  if (column.unit && inVolume.unit && !same(column.unit, inVolume.unit)) {
    problems.push({ cell: cell('volume'), message: `${volumeSays} ghi đơn vị «${inVolume.unit}», còn cột Đơn vị tính ghi «${column.unit}»; hãy để một đơn vị.` });
  }
  if (column.period && inVolume.period && column.period !== inVolume.period) {
    problems.push({ cell: cell('volume'), message: `${volumeSays} ghi theo ${periodWord(inVolume.period)}, còn cột Đơn vị tính ghi theo ${periodWord(column.period)}; hãy để một cách tính.` });
  }
  let unit = column.unit || inVolume.unit;
  const volumePeriod = (column.period ?? inVolume.period) || undefined;
  if (column.period) notes.push({ cell: cell('unit'), message: `Đơn vị tính: «${unitColumnText}» ghi nhận là đơn vị «${column.unit}», sản lượng một ${periodWord(column.period)}.` });
  // A volume refused is not said as read too.
  if (problems.length === before && typeof volume === 'number' && (inCell.period || (inCell.unit && !column.unit))) {
    notes.push({ cell: cell('volume'), message: `Sản lượng: ghi nhận là ${formatQuantity(volume, unit)}${volumePeriod ? ` mỗi ${periodWord(volumePeriod)}` : ''}.` });
  }
  if (!column.unit && inVolume.unit) alsoPresent.push('unit');
  if (column.period || inVolume.period) alsoPresent.push('volumePeriod');

  let price = read.values.get('price') ?? null;
  if (read.upperEnds?.has('price')) {
    // A ceiling alone ("đến 15.000") is an upper end without a price.
    const [written, kept] = price === null ? ['giá cao nhất', 'giá cao nhất'] : ['một khoảng giá', 'khoảng giá'];
    problems.push({ cell: cell('price'), message: `Giá bán ghi ${written}; sản phẩm có một giá bán, hãy ghi một giá (${kept} ghi ở Nguồn cung).` });
    price = null;
  }
  const writtenFor = read.units?.get('price');
  if (typeof price === 'number' && writtenFor) {
    if (!unit) {
      // The price names what the product is sold by.
      unit = writtenFor;
      alsoPresent.push('unit');
      notes.push({ cell: cell('price'), message: `Đơn vị tính: ghi nhận là «${unit}», theo giá bán ${formatDecimal(price)} đồng/${writtenFor}.` });
    } else if (!same(writtenFor, unit)) {
      // Refused as an offer's price is (`priceRefusal`), with the figure per the product's unit to write.
      const ownUnit = unitOfText(scope.units, unit);
      const refusal = ownUnit
        ? priceRefusal(scope, { for: writtenFor, lower: price, upper: null }, ownUnit, 'Giá bán', 'sản lượng')
        : `Giá bán ghi theo ${writtenFor}, còn sản phẩm tính bằng ${unit}; hãy ghi giá theo ${unit}.`;
      if (refusal !== null) {
        problems.push({ cell: cell('price'), message: refusal });
        price = null;
      }
    }
  }
  // In whole đồng, as every stored price is.
  return { unit, volumePeriod, price: typeof price === 'number' ? Math.round(price) : price, alsoPresent };
}

/** The period a volume column's header names outside its brackets: "Sản lượng/vụ", "Sản lượng mỗi năm"; null when none. */
function periodOfHeader(header: string): VolumePeriod | null {
  const words = headerKey(header);
  if (/(?:^| )(?:mua )?vu$/.test(words)) return 'season';
  return /(?:^| )nam$/.test(words) ? 'year' : null;
}

function periodWord(period: VolumePeriod): string {
  return period === 'year' ? 'năm' : 'vụ';
}

/**
 * The group of a product whose row writes none, read from its name as an offer's is
 * (`productGroupOf`: «Gạo ST25», «Nếp» are of Lúa gạo); null when the row writes one, the name says
 * none, or the stored product has one: the person's stays. A list with a Nhóm sản phẩm column has
 * it said at the name of each row that left it blank. A list without one has every group read so:
 * the preview says that once above the rows (a note on nearly every row hid those worth reading),
 * and only the row of a new product whose name gives no group, written without one, is said.
 */
function productGroupOfName(scope: ImportScope, read: ReadRow, rowNumber: number, organizationId: number, notes: ImportProblem[]): string | null {
  const name = text(read, 'name');
  if (text(read, 'productGroup') || !name) return null;
  const stored = productOf(scope.ctx, organizationId, name);
  if (stored?.productGroup) return null;
  const code = productGroupOf(name, scope.productGroups);
  const group = scope.productGroups.find((candidate) => candidate.code === code);
  const groupColumn = scope.columns.some((column) => column.field.key === 'productGroup');
  const cell = cellRef(scope.columns, 'name', rowNumber);
  if (group && groupColumn) notes.push({ cell, message: `Nhóm sản phẩm: ghi nhận là ${group.name}, theo tên sản phẩm.` });
  if (!group && !groupColumn && !stored) {
    notes.push({
      cell,
      message: `Nhóm sản phẩm: tên «${name}» không cho biết thuộc nhóm nào, sản phẩm được ghi không có nhóm. Nếu cần, hãy thêm cột Nhóm sản phẩm, hoặc thêm từ khóa cho nhóm ở Kết nối cung – cầu → Danh mục.`,
    });
  }
  return group?.name ?? null;
}

/**
 * A products list's row of an organization that has ended (`endedOrganizationNote`): its «Thêm mới»
 * adds the product to the record of one that no longer exists, its «Cập nhật» writes over one it had.
 */
function endedProductNote(scope: ImportScope, input: ProductRowInput, cell: string): ImportProblem | null {
  const stored = organizationRow(scope.ctx, input.organizationId);
  if (!stored || !hasEnded(stored)) return null;
  const product = productOf(scope.ctx, input.organizationId, input.values.name);
  const otherwise = 'nếu là một tổ chức khác, hãy sửa mã số hoặc tên tổ chức trong tệp.';
  return product
    ? endedOrganizationNote(scope, stored, cell, 'Cập nhật', `ghi các thông tin của dòng này vào sản phẩm «${product.name}» của tổ chức đã chấm dứt đó`, otherwise)
    : endedOrganizationNote(scope, stored, cell, 'Thêm mới', `thêm sản phẩm «${input.values.name}» vào hồ sơ của tổ chức đã chấm dứt đó`, otherwise);
}

const productsAdapter: KindAdapter = {
  prepare(scope, read, rowNumber) {
    const problems = [...read.problems];
    const notes = [...read.notes];
    const organization = organizationOfRow(scope, read, rowNumber, problems, notes);
    const groupFromName = organization ? productGroupOfName(scope, read, rowNumber, organization.id, notes) : null;
    const sale = productSaleOfRow(scope, read, rowNumber, problems, notes);
    const parsed = productValues.safeParse({
      name: text(read, 'name'),
      productGroup: groupFromName ?? text(read, 'productGroup'),
      unit: sale.unit,
      volume: read.values.get('volume') ?? null,
      volumePeriod: sale.volumePeriod,
      price: sale.price,
      note: text(read, 'note'),
    });
    // A volume without its unit is said at the unit's column, else at the volume's cell.
    const unitMapped = scope.columns.some((column) => column.field.key === 'unit');
    if (!parsed.success) problems.push(...issuesAt(scope, parsed.error.issues, read, rowNumber, (path) => (path === 'unit' && !unitMapped ? 'volume' : path)));
    const input: ProductRowInput | null = organization && parsed.success ? { organizationId: organization.id, organizationName: organization.name, values: parsed.data } : null;
    const present = new Set([...read.values.keys(), ...sale.alsoPresent, ...(groupFromName ? ['productGroup'] : [])]);
    // Of an organization that has ended: an old list would add to its record unseen (a product has no day to refuse it by).
    const ended = input ? endedProductNote(scope, input, organizationCell(scope, read, rowNumber)) : null;
    if (ended) notes.push(ended);
    return { problems, notes, input, place: null, present, ...(organization?.doubtful || ended ? { doubtful: true as const } : {}) };
  },
  match(scope, row) {
    const input = row.input as ProductRowInput;
    const stored = productOf(scope.ctx, input.organizationId, input.values.name);
    return stored ? { reason: 'existing', id: stored.id, name: stored.name, place: input.organizationName, row: null } : null;
  },
  fileKeys(row) {
    const input = row.input as ProductRowInput;
    return [`product:${input.organizationId}:${foldText(input.values.name)}`];
  },
  refuseUpdateSincePreview(scope, _id, row) {
    refuseOrganizationTrashedSincePreview(scope, (row.input as ProductRowInput).organizationId);
  },
  create(scope, row) {
    const input = row.input as ProductRowInput;
    const saved = saveProduct(scope.ctx, { organizationId: input.organizationId, ...input.values });
    const stored = scope.ctx.db.select().from(products).where(eq(products.id, saved.id)).get();
    return { entity: 'product', entityId: saved.id, action: 'create', before: null, after: stored ? productValuesOf(stored) : null };
  },
  update(scope, id, row) {
    const stored = scope.ctx.db.select().from(products).where(eq(products.id, id)).get();
    if (!stored) return null;
    const merged = productMerged(stored, row);
    const before = changedColumns(productValuesOf(stored), merged);
    if (!before) return null;
    saveProduct(scope.ctx, { id, organizationId: stored.organizationId, ...merged });
    const after = scope.ctx.db.select().from(products).where(eq(products.id, id)).get();
    return { entity: 'product', entityId: id, action: 'update', before, after: after ? productValuesOf(after) : null };
  },
  changes(ctx, id, row) {
    const stored = ctx.db.select().from(products).where(eq(products.id, id)).get();
    if (!stored) return null;
    const [was, merged] = [productValuesOf(stored), productMerged(stored, row)];
    // One change of the organization's «Sản phẩm», as `saveProduct` records it in its history.
    const fields = changedColumns(was, merged) ? [{ field: 'product', before: productHistoryValue(stored, was), after: productHistoryValue(stored, merged) }] : [];
    return listedChanges(ctx, organizationRecords, fields);
  },
  snapshot(ctx, change) {
    const stored = ctx.db.select().from(products).where(eq(products.id, change.entityId)).get();
    return stored ? { name: `sản phẩm ${stored.name}`, values: productValuesOf(stored) } : undefined;
  },
  changedSince(ctx, change, at) {
    const stored = ctx.db.select().from(products).where(eq(products.id, change.entityId)).get();
    if (!stored) return null;
    const later = ctx.db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'organization'), eq(auditLog.entityId, stored.organizationId), gt(auditLog.at, at)))
      .all()
      .some(({ after }) => isRecord(after) && isRecord(after.product) && after.product.id === stored.id);
    return later ? `sản phẩm ${stored.name}` : null;
  },
  undo(ctx, change) {
    const stored = ctx.db.select().from(products).where(eq(products.id, change.entityId)).get();
    if (!stored) return;
    if (change.action === 'create') deleteProduct(ctx, stored.id);
    else saveProduct(ctx, { id: stored.id, organizationId: stored.organizationId, ...productValuesOf(stored), ...(isRecord(change.before) ? change.before : {}) });
  },
};

// ---------------------------------------------------------------------------------------------
// Partners

/**
 * The kind a partner's name says, when no kind is written: "Công ty …", "Tập đoàn …", "Hộ kinh
 * doanh …", "Cơ sở …", "(Chuỗi) siêu thị …", "Nhà hàng …", "Khách sạn …", "Vựa …" (a depot buying from
 * farms), "Chợ đầu mối …", "Chợ …", "Cửa hàng …", "Đại lý …", "Sàn thương mại điện tử …", "Liên
 * minh …", "Sở …", "UBND …". A name that says none ("Ngân hàng …", "Co.opmart …") is asked about.
 */
function partnerKindOf(name: string): PartnerKind | undefined {
  const folded = foldText(name);
  // A household business or a workshop buys and sells as an enterprise does, and a commercial bank
  // (lending to members under an agreement) is one: of the partners' kinds, theirs.
  if (hasLegalForm(name) || /^(?:(?:chuoi )?sieu thi|tap doan|doanh nghiep|nha may|xi nghiep|ho kinh doanh|hkd|co so|nha hang|khach san|vua|ngan hang)\b/.test(folded)) return 'enterprise';
  if (/^cho dau moi\b/.test(folded)) return 'wholesale_market';
  if (/^(?:cho|cua hang|diem ban|dai ly)\b/.test(folded)) return 'retail_outlet';
  if (/^san (?:thuong mai dien tu|tmdt)\b/.test(folded)) return 'online_channel';
  if (/^lien minh\b/.test(folded)) return 'alliance';
  if (/^(?:so|ubnd|uy ban nhan dan|chi cuc|trung tam (?:khuyen nong|xuc tien))\b/.test(folded)) return 'state_agency';
  return undefined;
}

/**
 * The line an enterprise's name says, when no line is written: a supermarket by its word («Siêu
 * thị …», «Chuỗi siêu thị …») or by the name of a well-known chain («Co.opmart», «WinMart», «Bách
 * hóa Xanh», «Lotte Mart», «MM Mega Market», «Aeon», «Big C», «GO!»). Only chains: a name's other
 * words say too little of a line to read one from them.
 */
function partnerBusinessLineOf(name: string): PartnerBusinessLine | undefined {
  const words = writtenKey(name);
  if (/^(?:chuoi )?sieu thi\b|\b(?:co ?op ?mart|win ?mart|bach hoa xanh|lotte mart|mm mega market|mega market|aeon|big c)\b/.test(words)) return 'supermarket';
  // «GO!» with its mark: folded, «go» is also «gỗ» (a timber works).
  if (/(?:^|\s)go!(?=\s|$)/i.test(name)) return 'supermarket';
  return undefined;
}

type PartnerRow = typeof partners.$inferSelect;

function partnerInputOf(row: PartnerRow): ParsedPartnerInput {
  return {
    kind: row.kind,
    businessLine: row.businessLine,
    name: row.name,
    shortName: row.shortName,
    taxCode: row.taxCode ?? '',
    provinceCode: row.provinceCode,
    address: row.address,
    contactName: row.contactName,
    contactRole: row.contactRole,
    phone: row.phone,
    email: row.email,
    website: row.website,
    buys: row.buys,
    qualityRequirements: row.qualityRequirements,
    note: row.note,
    confirmedSimilarIds: [],
  };
}

/**
 * The stored name written otherwise — in capitals, «Cty CP» or «CTCP» for «Công ty cổ phần» — is
 * the same name: the same words once every short form is written out. Another legal form («Công
 * ty TNHH …» for «Công ty cổ phần …») is another name, though the two share a key (`partnerNameKey`).
 */
function samePartnerName(written: string, stored: string): boolean {
  return expandedNameWords(written).join(' ') === expandedNameWords(stored).join(' ');
}

/**
 * What a row writes into the stored partner: its non-blank values over the stored ones, a name that
 * is the stored one written otherwise left as the register writes it. `update` writes it; the preview lists what it changes.
 */
function partnerMerged(stored: PartnerRow, row: WritableRow): ParsedPartnerInput {
  const incoming = row.input as ParsedPartnerInput;
  const merged = partnerInputOf(stored);
  const fields = new Set<keyof ParsedPartnerInput>([...row.present].map((key) => (key === 'province' ? 'provinceCode' : (key as keyof ParsedPartnerInput))));
  for (const field of fields) {
    if (isBlank(incoming[field]) || (field === 'name' && samePartnerName(incoming.name, stored.name))) continue;
    Object.assign(merged, { [field]: incoming[field] });
  }
  // A line read from the name (no line written) fills a stored enterprise's blank one, never replaces one.
  if (!fields.has('businessLine') && incoming.businessLine && merged.kind === 'enterprise' && merged.businessLine === null) merged.businessLine = incoming.businessLine;
  return merged;
}

/** The live partner a row is, as the preview matches it: by its tax code, else by its name in its province. */
function storedPartnerOf(ctx: Context, input: ParsedPartnerInput): { reason: 'registrationNo' | 'sameName'; partner: PartnerRow } | null {
  const byNumber = partnerOfTaxCode(ctx, input.taxCode);
  if (byNumber) return { reason: 'registrationNo', partner: byNumber };
  const byName = ctx.db
    .select()
    .from(partners)
    .where(and(eq(partners.provinceCode, input.provinceCode), eq(partners.nameKey, partnerNameKey(input.name)), notInTrash(partners)))
    .get();
  return byName ? { reason: 'sameName', partner: byName } : null;
}

/**
 * Whether the kind and the line a partner's name gives are what the row writes, so that the
 * preview says each only then: into a new partner, or into the stored one the row updates where
 * its merge takes it (`partnerMerged`: a blank line filled); never when that partner keeps its own.
 * Asked only of rows whose name gives one.
 */
function nameReadingsWritten(ctx: Context, input: ParsedPartnerInput, present: ReadonlySet<string>): { kind: boolean; line: boolean } {
  const stored = storedPartnerOf(ctx, input)?.partner;
  if (!stored) return { kind: true, line: true };
  const merged = partnerMerged(stored, { input, present });
  return { kind: merged.kind !== stored.kind, line: merged.businessLine !== stored.businessLine };
}

/** The live partner with this tax code; none for no tax code. */
function partnerOfTaxCode(ctx: Context, taxCode: string): PartnerRow | undefined {
  if (!taxCode) return undefined;
  return ctx.db.select().from(partners).where(and(eq(partners.taxCode, taxCode), notInTrash(partners))).get();
}

function partnerRow(ctx: Context, id: number): PartnerRow | undefined {
  return ctx.db.select().from(partners).where(eq(partners.id, id)).get();
}

const partnerTextFields = ['shortName', 'address', 'contactName', 'contactRole', 'phone', 'email', 'website', 'buys', 'qualityRequirements', 'note'] as const;

/**
 * A partner's province read from its address, for a row without one of its own: the province the
 * address names ("…, Đồng Tháp", "Q. 1, TP.HCM"), else the home province when the address names a
 * place in it ("Châu Đốc"); undefined when it names neither. Initials at its end are not read as a
 * province ("…, CM" may be huyện Chợ Mới as well as Cà Mau).
 */
function provinceOfAddress(scope: ImportScope, address: string): ProvinceFound | undefined {
  const { places } = scope.ctx;
  const reading = places.readAddress({ address }, scope.homeProvinceCode);
  const named = places.findProvinceAnyTime(places.splitAddress(address).at(-1) ?? '');
  if (named && !named.shortForm && named.province.code === reading.provinceCode) return named;
  const province = places.province(reading.provinceCode);
  if (!province || (reading.provinceCode === scope.homeProvinceCode && reading.match.kind === 'unknown')) return undefined;
  return { province, formerName: null, shortForm: false };
}

/**
 * The province a cell of `field` names (a partner's, a demand's delivery, an organization's),
 * with a note at the cell when it was read from initials or from a province merged since 1 July
 * 2025, and a problem there when it names none; undefined when the cell is blank or names none.
 */
function provinceInCell(scope: ImportScope, read: ReadRow, rowNumber: number, field: string, problems: ImportProblem[], notes: ImportProblem[]): Province | undefined {
  const written = text(read, field);
  if (!written) return undefined;
  const cell = cellRef(scope.columns, field, rowNumber);
  const found = scope.ctx.places.findProvinceAnyTime(written);
  if (!found) {
    problems.push({ cell, message: unknownProvince(scope, written) });
    return undefined;
  }
  const said = provinceNote(written, found);
  if (said) notes.push({ cell, message: said });
  return found.province;
}

/** A partner's province read from its address (`provinceOfAddress`), said at the address's cell, or why not. */
function provinceOfAddressCell(scope: ImportScope, address: string, rowNumber: number, problems: ImportProblem[], notes: ImportProblem[]): Province | undefined {
  const cell = cellRef(scope.columns, 'address', rowNumber);
  const found = provinceOfAddress(scope, address);
  if (!found) {
    problems.push({ cell, message: `Địa chỉ «${address}» không cho biết tỉnh, thành phố nào; hãy ghi tỉnh, thành phố ở cuối địa chỉ, hoặc ghép một cột Tỉnh, thành phố.` });
    return undefined;
  }
  notes.push({ cell, message: provinceNote(address, found) ?? `Tỉnh, thành phố đọc từ địa chỉ: ${found.province.fullName}.` });
  return found.province;
}

/** Why a province cell was not read: initials several provinces have, or no province's name. */
function unknownProvince(scope: ImportScope, written: string): string {
  const named = scope.ctx.places.provincesOfInitials(written).map(({ fullName, former }) => `${unitNameInSentence(fullName)}${former ? ' (trước 01/07/2025)' : ''}`);
  if (named.length < 2) return `Không có tỉnh, thành phố «${written}» trong 34 tỉnh, thành phố hiện nay hay 63 tỉnh, thành phố trước 01/07/2025.`;
  return `«${written}» có thể là ${named.slice(0, -1).join(', ')} hoặc ${named.at(-1) ?? ''}; hãy ghi tên tỉnh, thành phố.`;
}

/**
 * What the preview says of a province read from a cell as other than its name of today: by its
 * initials ("AG"), or merged into another since 1 July 2025; null when the cell named it as it is.
 */
function provinceNote(written: string, found: ProvinceFound): string | null {
  const now = unitNameInSentence(found.province.fullName);
  if (found.shortForm) return found.formerName ? `«${written}» là ${unitNameInSentence(found.formerName)}, nay thuộc ${now} (từ 01/07/2025).` : `«${written}» ghi nhận là ${now}.`;
  return found.formerName ? `${found.formerName} nay thuộc ${now} (từ 01/07/2025).` : null;
}

/**
 * A partner row that writes neither a province nor an address, at the cell to fill: the province
 * column's, else the address column's (a list with neither is refused before its rows are read).
 */
function partnerProvinceMissing(scope: ImportScope, rowNumber: number): ImportProblem {
  if (scope.columns.some((column) => column.field.key === 'province')) {
    return { cell: cellRef(scope.columns, 'province', rowNumber), message: 'Chưa ghi tỉnh, thành phố của đối tác: hãy ghi vào ô này.' };
  }
  return {
    cell: cellRef(scope.columns, 'address', rowNumber),
    message: 'Chưa ghi địa chỉ của đối tác: hãy ghi địa chỉ có tỉnh, thành phố ở cuối (ví dụ «…, Đồng Tháp»), hoặc thêm cột Tỉnh, thành phố vào danh sách.',
  };
}

/** An adapter whose `create` records each record as it writes it: a demands list's buyer is a change of the demand's row (`prior`). */
type RecordingAdapter = Omit<KindAdapter, 'create'> & { create(scope: ImportScope, row: WritableRow, communeCode: string | null): WrittenChange };

const partnersAdapter: RecordingAdapter = {
  prepare(scope, read, rowNumber) {
    const problems = [...read.problems];
    const notes = [...read.notes];
    const address = text(read, 'address');
    /** Read from its own cell, else from the address, each said at its cell. */
    const provinceWritten = text(read, 'province') !== '';
    // A row with neither, of a partner stored with its tax code, updates it and keeps its province:
    // only a new partner needs one.
    const stored = provinceWritten || address ? undefined : partnerOfTaxCode(scope.ctx, text(read, 'taxCode').replace(/\s/g, ''));
    const province = provinceWritten
      ? provinceInCell(scope, read, rowNumber, 'province', problems, notes)
      : address
        ? provinceOfAddressCell(scope, address, rowNumber, problems, notes)
        : stored && scope.ctx.places.province(stored.provinceCode);
    if (!provinceWritten && !address && !stored) problems.push(partnerProvinceMissing(scope, rowNumber));
    const kindText = text(read, 'kind');
    // A kind written but not read is asked about, never replaced by what the name suggests.
    const kindOfName = kindText ? undefined : partnerKindOf(text(read, 'name'));
    const kind = kindText ? (scope.choices.read('kind', kindText) as PartnerKind | null) : kindOfName;
    const lineText = text(read, 'businessLine');
    // Like the kind: a line written, even one mapped to blank, is never replaced by the name's.
    const lineOfName = lineText || kind !== 'enterprise' ? undefined : partnerBusinessLineOf(text(read, 'name'));
    const businessLine = lineText ? (scope.choices.read('businessLine', lineText) as PartnerBusinessLine | null) : (lineOfName ?? null);
    if (!kind) {
      // A cooperative is a member, of this province or another, never a partner.
      const collective = organizationKindOfName(kindText || text(read, 'name'));
      const said = kindText ? `Loại «${kindText}»` : `«${text(read, 'name')}»`;
      problems.push({
        cell: cellRef(scope.columns, kindText ? 'kind' : 'name', rowNumber),
        message: collective
          ? `${said} là tổ chức kinh tế tập thể (hợp tác xã, liên hiệp hợp tác xã, tổ hợp tác, quỹ tín dụng nhân dân), không phải đối tác; tổ chức kinh tế tập thể, kể cả của tỉnh khác, được nhập ở danh sách Thành viên.`
          : kindText
            ? `Loại đối tác «${kindText}» không rõ.`
            : 'Tên không cho biết loại đối tác: hãy ghép một cột Loại đối tác và ghi loại (Doanh nghiệp, Chợ đầu mối, Cơ quan nhà nước…).',
      });
    }
    const candidate = {
      kind: kind ?? 'enterprise',
      businessLine,
      name: text(read, 'name'),
      taxCode: text(read, 'taxCode'),
      provinceCode: province?.code ?? '',
      ...Object.fromEntries(partnerTextFields.map((field) => [field, text(read, field)])),
    };
    const parsed = partnerInput.safeParse(candidate);
    if (!parsed.success) {
      // A province not read is already said, at its cell and in the import's words.
      const unsaid = parsed.error.issues.filter((issue) => province !== undefined || issue.path[0] !== 'provinceCode');
      problems.push(...issuesAt(scope, unsaid, read, rowNumber, (path) => (path === 'provinceCode' ? 'province' : path)));
    }
    const present = new Set(read.values.keys());
    // A row the contract refuses matches nothing: the kind its name gave is still said, for the person mending the file.
    const written = parsed.success && (kindOfName || lineOfName) ? nameReadingsWritten(scope.ctx, parsed.data, present) : { kind: true, line: false };
    const nameCell = cellRef(scope.columns, 'name', rowNumber);
    if (kindOfName && written.kind) notes.push({ cell: nameCell, message: `Loại đối tác đọc từ tên: ${partnerKindLabels[kindOfName]}.` });
    if (lineOfName && written.line) notes.push({ cell: nameCell, message: `Ngành kinh doanh đọc từ tên: ${partnerBusinessLineLabels[lineOfName]}.` });
    return { problems, notes, input: parsed.success ? parsed.data : null, place: null, present };
  },
  match(scope, row) {
    const found = storedPartnerOf(scope.ctx, row.input as ParsedPartnerInput);
    return found ? { reason: found.reason, id: found.partner.id, name: found.partner.name, place: provinceNameOf(scope, found.partner.provinceCode), row: null } : null;
  },
  fileKeys(row) {
    const input = row.input as ParsedPartnerInput;
    return [...(input.taxCode ? [`tax:${input.taxCode}`] : []), `name:${input.provinceCode}:${partnerNameKey(input.name)}`];
  },
  refuseFoundSincePreview(scope, row) {
    // Saved since the preview, found as the preview would have matched it: a partner of the row's
    // tax code, which `create` would refuse midway, or of its name in its province, which it would double.
    const input = row.input as ParsedPartnerInput;
    const found = storedPartnerOf(scope.ctx, input);
    if (!found) return;
    const { partner } = found;
    const where = unitNameInSentence(provinceNameOf(scope, partner.provinceCode));
    throw conflict(
      found.reason === 'registrationNo' ? `Mã số thuế ${input.taxCode} đã có: ${partner.name} (${where}).` : `Đã có đối tác cùng tên ở ${where}: ${partner.name}.`,
      partner.id,
    );
  },
  create(scope, row) {
    const created = createPartner(scope.ctx, row.input as ParsedPartnerInput, 'chosen');
    const stored = partnerRow(scope.ctx, created.id);
    return { entity: 'partner', entityId: created.id, action: 'create', before: null, after: stored ? partnerInputOf(stored) : null };
  },
  update(scope, id, row) {
    const stored = partnerRow(scope.ctx, id);
    if (!stored || stored.deletedAt) return null;
    const merged = partnerMerged(stored, row);
    const before = changedColumns(partnerInputOf(stored) as unknown as Record<string, unknown>, merged as unknown as Record<string, unknown>);
    if (!before) return null;
    updatePartner(scope.ctx, { id, ...merged }, 'chosen');
    const after = partnerRow(scope.ctx, id);
    return { entity: 'partner', entityId: id, action: 'update', before, after: after ? partnerInputOf(after) : null };
  },
  changes(ctx, id, row) {
    const stored = partnerRow(ctx, id);
    if (!stored || stored.deletedAt) return null;
    return listedChanges(ctx, partnerRecords, fieldChanges(partnerInputOf(stored), partnerMerged(stored, row)));
  },
  snapshot(ctx, change) {
    const row = partnerRow(ctx, change.entityId);
    return row && !row.deletedAt ? { name: row.name, values: partnerInputOf(row) } : undefined;
  },
  referenced(ctx, change) {
    return referencedElsewhere(ctx, 'partners', change.entityId);
  },
  changedSince(ctx, change, at) {
    const row = partnerRow(ctx, change.entityId);
    if (!row) return null;
    const changed = auditedSince(ctx, 'partner', row.id, at) || (change.action === 'create' && this.referenced?.(ctx, change, []) === true);
    return changed ? row.name : null;
  },
  undo(ctx, change, { pointedAt }) {
    const row = partnerRow(ctx, change.entityId);
    if (!row) return;
    if (change.action === 'create' && pointedAt) {
      if (!row.deletedAt) deletePartner(ctx, row.id);
      return;
    }
    if (change.action === 'create') {
      ctx.db.delete(partners).where(eq(partners.id, row.id)).run();
      ctx.db.insert(auditLog).values({ entity: 'partner', entityId: row.id, action: 'delete', at: ctx.clock().toISOString(), before: { name: row.name }, after: null }).run();
      return;
    }
    updatePartner(ctx, { id: row.id, ...partnerInputOf(row), ...(isRecord(change.before) ? change.before : {}) }, 'chosen');
  },
};

/**
 * A partner a demands list added as the buyer of its rows. The demands of that same list point at
 * it by design, and an undo takes them back first: only other records pointing at it count as a
 * change since. One still pointing at it when its turn comes (a demand kept, or connected since
 * and sent to the trash) sends it to the trash instead of away.
 */
export const addedBuyersAdapter: KindAdapter = {
  ...partnersAdapter,
  referenced: (ctx, change) => referencedElsewhere(ctx, 'partners', change.entityId, ['supply_demands']) || demandedBeyondItsList(ctx, change.entityId),
  undo(ctx, change, options) {
    partnersAdapter.undo(ctx, change, { ...options, pointedAt: options.pointedAt || referencedElsewhere(ctx, 'partners', change.entityId) });
  },
};

/** Whether a demand other than those of the list that added the partner names it as the buyer. */
function demandedBeyondItsList(ctx: Context, partnerId: number): boolean {
  const added = ctx.db
    .select({ batchId: importChanges.batchId })
    .from(importChanges)
    .where(and(eq(importChanges.entity, 'partner'), eq(importChanges.action, 'create'), eq(importChanges.entityId, partnerId)))
    .orderBy(desc(importChanges.id))
    .limit(1)
    .get();
  const ownDemands = ctx.db
    .select({ id: importChanges.entityId })
    .from(importChanges)
    .where(and(eq(importChanges.batchId, added?.batchId ?? 0), eq(importChanges.entity, 'demand'), eq(importChanges.action, 'create')));
  const other = ctx.db
    .select({ id: supplyDemands.id })
    .from(supplyDemands)
    .where(and(eq(supplyDemands.partnerId, partnerId), notInArray(supplyDemands.id, ownDemands)))
    .limit(1)
    .get();
  return other !== undefined;
}

// ---------------------------------------------------------------------------------------------
// Offers and demands: the lists of what members have to sell and what buyers ask for

/** The product group named in the row, or recognised from the product's words; a problem when neither. */
function productGroupOfRow(scope: ImportScope, read: ReadRow, rowNumber: number, problems: ImportProblem[]): string {
  const written = text(read, 'productGroup');
  const product = text(read, 'product');
  if (written) {
    const folded = foldText(written);
    const named = scope.productGroups.find((group) => foldText(group.name) === folded || group.code === folded) ?? null;
    const found = named?.code ?? productGroupOf(written, scope.productGroups);
    if (found) return found;
    problems.push({
      cell: cellRef(scope.columns, 'productGroup', rowNumber),
      message: `Nhóm sản phẩm «${written}» không có trong danh mục; ghi một nhóm có sẵn (${scope.productGroups.map((group) => group.name).join(', ')}).`,
    });
    return '';
  }
  const found = product ? productGroupOf(product, scope.productGroups) : null;
  if (found) return found;
  if (product) {
    problems.push({
      cell: cellRef(scope.columns, 'product', rowNumber),
      message: `Chưa rõ «${product}» thuộc nhóm sản phẩm nào; hãy thêm cột Nhóm sản phẩm, hoặc thêm từ khóa cho nhóm ở Kết nối cung – cầu → Danh mục.`,
    });
  }
  return '';
}

const unknownUnit = (written: string) =>
  `Đơn vị tính «${written}» không có trong danh mục; ghi tấn, kg, quả, lít… hoặc thêm đơn vị ở Kết nối cung – cầu → Danh mục.`;

/** Whether a quantity column's header names a unit of the list ("Sản lượng (tấn)", "(tấn/năm)"); other words in its brackets ("(dự kiến)") name none. */
export function headerNamesUnit(units: readonly UnitRow[], header: string | null): boolean {
  const written = header === null ? null : quantityUnitOfHeader(header);
  return written !== null && unitOfText(units, unitPerPeriod(written).unit) !== undefined;
}

/** The unit a quantity column's header names, as written ("tấn", "tấn/năm"). */
function headerUnitOf(scope: ImportScope, fieldKey: string): string | undefined {
  return scope.columns.find((column) => column.field.key === fieldKey)?.headerUnit ?? undefined;
}

/**
 * Why a price a cell wrote (`lower`, or its range or ceiling to `upper`) for the unit named
 * `writtenFor` ("kg" of "7.500 đ/kg") is not taken for `unit`, the one `measured` (the quantity, the
 * volume) is in: written for another unit it is refused as the forms refuse it — never converted
 * behind the person's back — with the figure per `unit` to write, by the units' own ratio
 * (`convertPrice`), or saying the two do not convert; a unit Danh mục does not know is said so.
 * Null when it is taken as written: for `unit` itself, or without `unit` (its own problem is said).
 */
function priceRefusal(
  scope: ImportScope,
  written: { for: string; lower: number | null; upper: number | null },
  unit: UnitRow | undefined,
  label: string,
  measured: string,
): string | null {
  const priceUnit = unitOfText(scope.units, written.for);
  if (!priceUnit) return `${label}: ${unknownUnit(written.for)}`;
  if (!unit || priceUnit.code === unit.code) return null;
  if (!convertible(unit, priceUnit)) {
    return `${label} ghi theo ${priceUnit.name}, còn ${measured} tính bằng ${unit.name}, hai đơn vị không đổi ra nhau được; hãy ghi giá theo ${unit.name}.`;
  }
  const amounts = [written.lower, written.upper].filter((amount) => amount !== null);
  const figures = (per: UnitRow, shown: number[]) => `${written.lower === null ? 'đến ' : ''}${shown.map((amount) => formatDecimal(amount)).join(' – ')} đồng/${per.name}`;
  const stated = amounts.map((amount) => convertPrice(amount, priceUnit, unit) ?? amount);
  return `${label} ghi theo ${priceUnit.name}, còn ${measured} tính bằng ${unit.name}: ${figures(priceUnit, amounts)} là ${figures(unit, stated)}. Hãy ghi ${figures(unit, stated)}.`;
}

/** An offer's or a demand's unit and prices, as `unitAndPricesOfRow` reads them. */
interface UnitAndPrices {
  unitCode: string;
  /** The quantity, when the row wrote it as a rate over its window ("500 kg/tháng"): the whole of the window. */
  quantity?: number;
  priceMin: FieldValue | null;
  priceMax: FieldValue | null;
}

/**
 * How many of a period (folded: "nam", "quy", "thang", "tuan", "ngay") the window from `from` to
 * `until` holds, whole: 01/03–31/05 holds 3 tháng; null when it does not hold a whole number of
 * them (15/03–15/05 is not whole months), or for a period of no fixed length ("vụ").
 */
function wholePeriodsIn(period: string, from: string, until: string): number | null {
  const [fromYear, fromMonth, fromDay] = from.split('-').map(Number) as [number, number, number];
  const [untilYear, untilMonth, untilDay] = until.split('-').map(Number) as [number, number, number];
  const days = (Date.UTC(untilYear, untilMonth - 1, untilDay) - Date.UTC(fromYear, fromMonth - 1, fromDay)) / 86_400_000 + 1;
  if (days < 1) return null;
  if (period === 'ngay') return days;
  if (period === 'tuan') return days % 7 === 0 ? days / 7 : null;
  const wholeMonths = fromDay === 1 && untilDay === new Date(Date.UTC(untilYear, untilMonth, 0)).getUTCDate();
  const months = untilYear * 12 + untilMonth - (fromYear * 12 + fromMonth) + 1;
  if (!wholeMonths) return null;
  if (period === 'thang') return months;
  if (period === 'quy') return (fromMonth - 1) % 3 === 0 && months % 3 === 0 ? months / 3 : null;
  if (period === 'nam') return fromMonth === 1 && months % 12 === 0 ? months / 12 : null;
  return null;
}

/**
 * The unit of an offer's or a demand's row — its Đơn vị tính, or the unit its Số lượng cell
 * wrote ("1,5 tấn") — and its prices in đồng for that unit. A price written for another unit
 * ("7.500 đ/kg" for a quantity in tấn) is refused as the forms refuse it (`readWithUnit`): with
 * the figure per the row's unit, for the person to write, never converted for them. One range in
 * Giá từ ("12.000 – 15.000") gives Giá đến too. Each is said in a note, and what cannot be read
 * so is a problem at its cell, its field marked questioned.
 */
function unitAndPricesOfRow(
  scope: ImportScope,
  read: ReadRow,
  rowNumber: number,
  problems: ImportProblem[],
  notes: ImportProblem[],
  questioned: Set<string>,
  window: { from: string; until: string },
): UnitAndPrices {
  const refuse = (field: string, path: string, message: string) => {
    problems.push({ cell: cellRef(scope.columns, field, rowNumber), message });
    questioned.add(path);
  };
  let columnText = text(read, 'unit');
  // A unit the cell writes is the quantity's own; one its header names, every row's.
  let cellText = read.units?.get('quantity') ?? headerUnitOf(scope, 'quantity') ?? '';
  const written = read.values.get('quantity');
  let quantity = typeof written === 'number' ? written : undefined;
  // "500 kg/tháng": an offer's or a demand's quantity is the whole of its window, not a rate. Over
  // a window of whole months (days, weeks, quarters, years) it is the rate times their number, said;
  // over any other, or per "vụ", it is asked for.
  const perTime = (
    [
      ['unit', unitPerPeriod(columnText)],
      ['quantity', unitPerPeriod(cellText)],
    ] as const
  ).find(([, per]) => per.period !== null || per.otherPeriod !== null);
  let overWindow = false;
  if (perTime) {
    const [field, per] = perTime;
    const said = per.otherPeriod ?? (per.period === 'season' ? 'vụ' : 'năm');
    const [from, until] = [read.values.get(window.from), read.values.get(window.until)].map((value) => (typeof value === 'string' ? value : ''));
    const count = quantity !== undefined && per.period !== 'season' && from && until ? wholePeriodsIn(foldText(said), from, until) : null;
    if (quantity === undefined || count === null || !from || !until) {
      refuse(field, 'unitCode', `Số lượng ghi theo «${said}»; số lượng của dòng là tổng số trong khoảng từ ngày đến ngày của dòng, hãy ghi tổng số đó với đơn vị, ví dụ «2 tấn».`);
    } else {
      const rate = quantity;
      // To the digits a person reads: 0,1 tấn a month over 3 months is 0,3 tấn, not 0,30000000000000004.
      quantity = Number((rate * count).toPrecision(12));
      if (field === 'unit') columnText = per.unit;
      else cellText = per.unit;
      overWindow = true;
      const unitSaid = per.unit || columnText;
      notes.push({
        cell: cellRef(scope.columns, field, rowNumber),
        message: `Số lượng: ${formatQuantity(rate, unitSaid)}/${said} trong ${formatCount(count)} ${said} (${formatIsoDateVi(from)} – ${formatIsoDateVi(until)}) ghi nhận là ${formatQuantity(quantity, unitSaid)}.`,
      });
    }
  }
  const refused = questioned.has('unitCode');
  const columnUnit = columnText && !refused ? unitOfText(scope.units, columnText) : undefined;
  const cellUnit = cellText && !refused ? unitOfText(scope.units, cellText) : undefined;
  if (columnText && !columnUnit && !refused) refuse('unit', 'unitCode', unknownUnit(columnText));
  if (cellText && !cellUnit && !refused) refuse('quantity', 'unitCode', `Số lượng: ${unknownUnit(cellText)}`);
  if (columnUnit && cellUnit && columnUnit.code !== cellUnit.code) {
    // As the forms say it (`readWithUnit`): the figure in the row's unit, for the person to write —
    // never converted for them — or that the two are of other kinds.
    const inCell = read.units?.has('quantity') && quantity !== undefined ? quantity : null;
    const converted = inCell === null ? null : convertQuantity(inCell, cellUnit, columnUnit);
    const kinds = convertible(cellUnit, columnUnit) ? '' : ', hai đơn vị khác loại không đổi ra nhau được';
    refuse(
      'quantity',
      'unitCode',
      inCell !== null && converted !== null
        ? `Số lượng ghi ${formatQuantity(inCell, cellUnit.name)}, còn cột Đơn vị tính ghi «${columnText}»: ${formatQuantity(inCell, cellUnit.name)} là ${formatQuantity(converted, columnUnit.name)}. Hãy ghi ${formatDecimal(converted)}, hoặc sửa Đơn vị tính thành ${cellUnit.name}.`
        : `${read.units?.has('quantity') ? 'Số lượng' : 'Tiêu đề cột số lượng'} ghi đơn vị «${cellText}», còn cột Đơn vị tính ghi «${columnText}»${kinds}; hãy để một đơn vị.`,
    );
  }
  const unit = questioned.has('unitCode') ? undefined : (columnUnit ?? cellUnit);
  if (unit && !columnText && !overWindow && read.units?.has('quantity') && quantity !== undefined) {
    notes.push({ cell: cellRef(scope.columns, 'quantity', rowNumber), message: `Số lượng: ghi nhận là ${formatQuantity(quantity, unit.name)} (đơn vị ghi cùng ô).` });
  }

  const priceMin = read.values.get('priceMin') ?? null;
  // A ceiling alone in Giá đến's own column ("đến 15.000") is its price.
  const ownMax = read.values.get('priceMax') ?? read.upperEnds?.get('priceMax') ?? null;
  // Giá từ's range, or its ceiling alone ("đến 15.000": Giá từ stays empty).
  const upper = read.upperEnds?.get('priceMin');
  if (upper !== undefined && ownMax !== null) {
    refuse('priceMax', 'priceMax', `Giá từ đã ghi ${priceMin === null ? 'giá cao nhất' : 'một khoảng giá'}, cột Giá đến lại có giá riêng; hãy ghi giá đến ở một chỗ.`);
  }
  /**
   * Whether the price a cell wrote (`lower`, or its range or ceiling to `upper`) for the unit
   * `writtenFor` is taken for the row's: written for none or for it; else refused at its cell
   * (`priceRefusal`).
   */
  const takenFor = (field: 'priceMin' | 'priceMax', writtenFor: string | undefined, label: string, lower: number | null, upper: number | null): boolean => {
    if (!writtenFor) return true;
    const refusal = priceRefusal(scope, { for: writtenFor, lower, upper }, unit, label, 'số lượng');
    if (refusal !== null) refuse(field, field, refusal);
    return refusal === null;
  };
  const minNumber = typeof priceMin === 'number' ? priceMin : null;
  const minTaken = minNumber !== null || upper !== undefined ? takenFor('priceMin', read.units?.get('priceMin'), 'Giá từ', minNumber, ownMax === null ? (upper ?? null) : null) : true;
  // In whole đồng, as every stored price is.
  const statedMin = minTaken ? (minNumber === null ? priceMin : Math.round(minNumber)) : null;
  const perUnit = unit ? `/${unit.name}` : '';
  if (upper !== undefined) {
    // Giá đến read from Giá từ's range is for Giá từ's unit.
    const statedMax = minTaken && ownMax === null ? Math.round(upper) : null;
    if (statedMax !== null && statedMin !== null) {
      notes.push({
        cell: cellRef(scope.columns, 'priceMin', rowNumber),
        message: `Giá từ: ghi một khoảng giá, ghi nhận là từ ${formatCount(Number(statedMin))} đến ${formatCount(statedMax)} đồng${perUnit}.`,
      });
    } else if (statedMax !== null && priceMin === null) {
      notes.push({ cell: cellRef(scope.columns, 'priceMin', rowNumber), message: `Giá từ: ghi giá cao nhất, ghi nhận là Giá đến ${formatCount(statedMax)} đồng${perUnit}.` });
    }
    return { unitCode: unit?.code ?? '', ...(overWindow ? { quantity } : {}), priceMin: statedMin, priceMax: statedMax };
  }
  const maxTaken = typeof ownMax === 'number' ? takenFor('priceMax', read.units?.get('priceMax'), 'Giá đến', ownMax, null) : true;
  const statedMax = typeof ownMax === 'number' ? (maxTaken ? Math.round(ownMax) : null) : ownMax;
  return { unitCode: unit?.code ?? '', ...(overWindow ? { quantity } : {}), priceMin: statedMin, priceMax: statedMax };
}

/** Reads a value; when reading it raised a problem, its field is marked as already questioned. */
function questionedIf<T>(questioned: Set<string>, path: string, problems: ImportProblem[], read: () => T): T {
  const before = problems.length;
  const value = read();
  if (problems.length > before) questioned.add(path);
  return value;
}

/** The contract's issues of a row, but those of a value already questioned in the person's words. */
function unquestionedIssues(scope: ImportScope, error: z.ZodError, read: ReadRow, rowNumber: number, questioned: ReadonlySet<string>): ImportProblem[] {
  const unquestioned = error.issues.filter((issue) => !questioned.has(String(issue.path[0] ?? '')));
  return issuesAt(scope, unquestioned, read, rowNumber, supplyColumnOf);
}

/** Which column an issue of an offer's or a demand's input belongs to. */
function supplyColumnOf(path: string): string {
  if (path === 'productGroupCode') return 'productGroup';
  if (path === 'unitCode') return 'unit';
  if (path === 'organizationId') return 'organizationName';
  if (path === 'buyer') return 'buyerName';
  if (path === 'deliveryProvinceCode') return 'deliveryProvince';
  return path;
}

/** A price is one thing written in two fields: Giá từ and Giá đến. */
const priceFields = ['priceMin', 'priceMax'] as const;

/**
 * The fields a row of offers or demands has values for: its columns', with the unit its Số lượng
 * cell wrote, and both prices when it writes any, a ceiling alone ("đến 15.000") too: the row's
 * price replaces the stored one whole (`mergedInput`).
 */
function supplyPresent(read: ReadRow): Set<string> {
  const present = new Set(read.values.keys());
  if (read.units?.has('quantity')) present.add('unit');
  if (priceFields.some((field) => present.has(field) || read.upperEnds?.has(field))) for (const field of priceFields) present.add(field);
  return present;
}

/** The fields a row's present columns fill, in the input's terms. */
function supplyInputFields(present: ReadonlySet<string>): Set<string> {
  const renamed: Record<string, string> = { productGroup: 'productGroupCode', unit: 'unitCode', deliveryProvince: 'deliveryProvinceCode' };
  return new Set([...present].map((key) => renamed[key] ?? key));
}

type OfferRow = typeof supplyOffers.$inferSelect;

function offerInputOf(row: OfferRow): ParsedOfferInput {
  return {
    organizationId: row.organizationId,
    productId: row.productId,
    product: row.product,
    addToProducts: false,
    productGroupCode: row.productGroupCode,
    quantity: row.quantity,
    unitCode: row.unitCode,
    availableFrom: row.availableFrom,
    availableUntil: row.availableUntil,
    priceMin: row.priceMin,
    priceMax: row.priceMax,
    communeCode: row.communeCode,
    packaging: row.packaging,
    deliveryTerms: row.deliveryTerms,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    note: row.note,
    programmeId: row.programmeId,
    confirmedSimilarIds: [],
  };
}

function offerRow(ctx: Context, id: number): OfferRow | undefined {
  return ctx.db.select().from(supplyOffers).where(eq(supplyOffers.id, id)).get();
}

/** What an import leaves of an offer, to know at undo whether it was changed since. */
function offerAfter(ctx: Context, id: number): ParsedOfferInput | null {
  const row = offerRow(ctx, id);
  return row ? offerInputOf(row) : null;
}

/**
 * Fills the stored input with the row's non-blank values of the columns it has. A price it writes
 * is written whole, the end it leaves blank as none: a ceiling alone over a stored 10.000–12.000
 * kept as 10.000–15.000 would be a price nobody wrote.
 */
function mergedInput<T extends object>(stored: T, incoming: T, present: ReadonlySet<string>): T {
  const merged = { ...stored };
  const written = (field: string) => (priceFields as readonly string[]).includes(field) || !isBlank((incoming as Record<string, unknown>)[field]);
  for (const field of supplyInputFields(present)) {
    if (field in incoming && written(field)) Object.assign(merged, { [field]: (incoming as Record<string, unknown>)[field] });
  }
  return merged;
}

/**
 * What a row writes into the stored offer (`mergedInput`). The row found it by its product's name
 * folded, so the name it writes is the stored one written otherwise: the register's spelling
 * stays. `update` writes it; the preview lists what it changes.
 */
function offerMerged(stored: OfferRow, row: WritableRow): ParsedOfferInput {
  const was = offerInputOf(stored);
  return { ...mergedInput(was, row.input as ParsedOfferInput, row.present), product: was.product };
}

/** The stored offer a row is (its match): the same organization's, of the same product, from the same day. */
function storedOfferOf(ctx: Context, input: ParsedOfferInput): { id: number; product: string; organization: string } | undefined {
  return ctx.db
    .select({ id: supplyOffers.id, product: supplyOffers.product, organization: organizations.name })
    .from(supplyOffers)
    .innerJoin(organizations, eq(organizations.id, supplyOffers.organizationId))
    .where(
      and(
        eq(supplyOffers.organizationId, input.organizationId),
        eq(supplyOffers.productFolded, foldText(input.product)),
        eq(supplyOffers.availableFrom, input.availableFrom),
        notInTrash(supplyOffers),
      ),
    )
    .get();
}

/**
 * Why the save of an offer or a demand of a member organization from `firstDay` refuses it for the
 * organization's end, by the services' rule (`endedPartyRefusal`, in `endedRefusal`'s words): the
 * preview refuses the row at the organization's cell, rather than the commit stopping on it. A row
 * updating a stored record of the same party and first day (`storedSameDay`) is not refused, as
 * the save does not refuse it.
 */
function endedPartyProblem(scope: ImportScope, organizationId: number, firstDay: string, storedSameDay: boolean): string | null {
  const organization = organizationRow(scope.ctx, organizationId);
  const ended = organization ? endedRefusal(organization, firstDay) : null;
  if (!organization || !ended) return null;
  return endedPartyRefusal(organization.endedOn, firstDay, storedSameDay ? { sameParty: true, firstDay } : null) === 'party' ? ended : null;
}

/**
 * What the update of a stored offer or demand that has connections would refuse (`connectionIssues`:
 * another unit, a quantity under what is connected), at the row's cells.
 */
function connectionProblems(scope: ImportScope, rowNumber: number, side: 'offer' | 'demand', stored: OfferRow | DemandRow, merged: { unitCode: string; quantity: number }): ImportProblem[] {
  return connectionIssues(scope.ctx, side, stored, merged, true).map((issue) => ({ cell: cellRef(scope.columns, supplyColumnOf(issue.path), rowNumber), message: issue.message }));
}

const offersAdapter: KindAdapter = {
  prepare(scope, read, rowNumber) {
    const problems = [...read.problems];
    const questioned = new Set<string>();
    const notes = [...read.notes];
    const organization = organizationOfRow(scope, read, rowNumber, problems, notes);
    if (!organization) questioned.add('organizationId').add('communeCode');
    // The offer is of the organization's product it names (`createOffer` links them): its certificates count.
    const ownProduct = organization ? ownProductNamed(scope.ctx, organization.id, text(read, 'product')) : undefined;
    if (ownProduct) {
      notes.push({ cell: cellRef(scope.columns, 'product', rowNumber), message: `Sản phẩm: ${ownProduct.name} (đã có trong hồ sơ của tổ chức, nguồn cung gắn với sản phẩm này).` });
    }
    const productGroupCode = questionedIf(questioned, 'productGroupCode', problems, () => productGroupOfRow(scope, read, rowNumber, problems));
    const { unitCode, quantity, priceMin, priceMax } = unitAndPricesOfRow(scope, read, rowNumber, problems, notes, questioned, { from: 'availableFrom', until: 'availableUntil' });
    const communeCode = organization ? (organizationRow(scope.ctx, organization.id)?.communeCode ?? '') : '';
    const parsed = offerInput.safeParse({
      organizationId: organization?.id ?? 0,
      product: text(read, 'product'),
      productGroupCode,
      quantity: quantity ?? read.values.get('quantity') ?? null,
      unitCode,
      availableFrom: read.values.get('availableFrom') ?? null,
      availableUntil: read.values.get('availableUntil') ?? null,
      priceMin,
      priceMax,
      communeCode,
      packaging: text(read, 'packaging'),
      deliveryTerms: text(read, 'deliveryTerms'),
      contactName: text(read, 'contactName'),
      contactPhone: text(read, 'contactPhone'),
      note: text(read, 'note'),
      programmeId: scope.programmeId,
    });
    if (!parsed.success) problems.push(...unquestionedIssues(scope, parsed.error, read, rowNumber, questioned));
    const present = supplyPresent(read);
    if (parsed.success) {
      // What the save of the offer would refuse, said at its cells rather than stopping the commit.
      const stored = storedOfferOf(scope.ctx, parsed.data);
      const ended = endedPartyProblem(scope, parsed.data.organizationId, parsed.data.availableFrom, stored !== undefined);
      if (ended) problems.push({ cell: organizationCell(scope, read, rowNumber), message: ended });
      const row = stored && offerRow(scope.ctx, stored.id);
      if (row) problems.push(...connectionProblems(scope, rowNumber, 'offer', row, offerMerged(row, { input: parsed.data, present })));
    }
    return { problems, notes, input: parsed.success ? parsed.data : null, place: null, present, ...(organization?.doubtful ? { doubtful: organization.doubtful } : {}) };
  },
  match(scope, row) {
    const stored = storedOfferOf(scope.ctx, row.input as ParsedOfferInput);
    return stored ? { reason: 'existing', id: stored.id, name: stored.product, place: stored.organization, row: null } : null;
  },
  fileKeys(row) {
    const input = row.input as ParsedOfferInput;
    return [`offer:${input.organizationId}:${foldText(input.product)}:${input.availableFrom}`];
  },
  refuseUpdateSincePreview(scope, _id, row) {
    refuseOrganizationTrashedSincePreview(scope, (row.input as ParsedOfferInput).organizationId);
  },
  create(scope, row) {
    const created = createOffer(scope.ctx, row.input as ParsedOfferInput);
    return { entity: 'offer', entityId: created.id, action: 'create', before: null, after: offerAfter(scope.ctx, created.id) };
  },
  update(scope, id, row) {
    const stored = offerRow(scope.ctx, id);
    if (!stored || stored.deletedAt) return null;
    const merged = offerMerged(stored, row);
    const before = changedColumns(offerInputOf(stored) as unknown as Record<string, unknown>, merged as unknown as Record<string, unknown>);
    if (!before) return null;
    updateOffer(scope.ctx, { id, ...merged });
    return { entity: 'offer', entityId: id, action: 'update', before, after: offerAfter(scope.ctx, id) };
  },
  changes(ctx, id, row) {
    const stored = offerRow(ctx, id);
    if (!stored || stored.deletedAt) return null;
    // The merged input's fields are the row's columns: the offer as `updateOffer` leaves it, in the history's terms.
    const after = offerRecords.snapshot(ctx, { ...stored, ...offerMerged(stored, row) });
    return listedChanges(ctx, offerRecords, fieldChanges(offerRecords.snapshot(ctx, stored), after));
  },
  changedSince(ctx, change, at) {
    const row = offerRow(ctx, change.entityId);
    if (!row) return null;
    const changed = auditedSince(ctx, 'offer', row.id, at) || (change.action === 'create' && referencedElsewhere(ctx, 'supply_offers', row.id));
    return changed ? `nguồn cung ${row.product}` : null;
  },
  snapshot(ctx, change) {
    const row = offerRow(ctx, change.entityId);
    return row ? { name: `nguồn cung ${row.product}`, values: offerInputOf(row) } : undefined;
  },
  referenced: (ctx, change) => referencedElsewhere(ctx, 'supply_offers', change.entityId),
  undo(ctx, change, { pointedAt }) {
    const row = offerRow(ctx, change.entityId);
    if (!row) return;
    // Connected since: to the trash, so that its connections keep what they point at.
    if (change.action === 'create' && pointedAt) {
      if (!row.deletedAt) moveToTrash(ctx, offerRecords, row.id);
      return;
    }
    if (change.action === 'create') {
      const before = offerRecords.snapshot(ctx, row);
      ctx.db.delete(supplyOffers).where(eq(supplyOffers.id, row.id)).run();
      recordChange(ctx, 'offer', row.id, 'delete', before, null);
      return;
    }
    updateOffer(ctx, { id: row.id, ...offerInputOf(row), ...(isRecord(change.before) ? change.before : {}) });
  },
};

type DemandRow = typeof supplyDemands.$inferSelect;

/** A buyer a row of a demands list names that is found: a partner, or a member of the register. */
interface FoundBuyer {
  kind: 'partner' | 'organization';
  id: number;
  provinceCode: string;
}

/**
 * A buyer a demands list names that is not among the partners yet, as the partner the commit adds
 * (once, for every row that names it); the preview says so at the buyer's cell.
 */
interface NewBuyer {
  kind: 'new';
  partner: ParsedPartnerInput;
  provinceCode: string;
}

/** A demand row's input as its preview prepared it: the buyer still to add, if any, beside the contract's input. */
type DemandRowInput = ParsedDemandInput & { newBuyer: ParsedPartnerInput | null };

/** The partner or member a tax code names, else the one partner of that name; undefined when none is, or several are. */
function knownBuyer(scope: ImportScope, taxCode: string, name: string): FoundBuyer | { several: PartnerRow[] } | undefined {
  const { db } = scope.ctx;
  if (taxCode) {
    const partner = db.select().from(partners).where(and(eq(partners.taxCode, taxCode), notInTrash(partners))).get();
    if (partner) return { kind: 'partner', id: partner.id, provinceCode: partner.provinceCode };
    const member = scope.statements.organizationByNumber.get(taxCode);
    if (member) return { kind: 'organization', id: member.id, provinceCode: organizationRow(scope.ctx, member.id)?.provinceCode ?? scope.homeProvinceCode };
  }
  const key = partnerNameKey(name);
  const byName = key ? db.select().from(partners).where(and(eq(partners.nameKey, key), notInTrash(partners))).limit(5).all() : [];
  if (byName.length === 1 && byName[0]) return { kind: 'partner', id: byName[0].id, provinceCode: byName[0].provinceCode };
  return byName.length > 1 ? { several: byName } : undefined;
}

/**
 * The buyer a demand row names: a partner or a member by its tax code, a partner by its name, a
 * member by its name in the province (a cooperative buying for its members). A buyer whose name
 * says an enterprise, a market, an outlet… and that is not among the partners is added as one
 * (`NewBuyer`), in the province of its address, else of the delivery, else the office's own — said
 * at its cell. Null, with the reason at its cell, when the row names no buyer the list can use.
 */
function buyerOfRow(
  scope: ImportScope,
  read: ReadRow,
  rowNumber: number,
  delivery: Province | undefined,
  problems: ImportProblem[],
  notes: ImportProblem[],
): FoundBuyer | NewBuyer | null {
  const taxCode = text(read, 'buyerTaxCode').replace(/\s/g, '');
  const name = text(read, 'buyerName');
  const known = knownBuyer(scope, taxCode, name);
  if (known && !('several' in known)) return known;
  const cell = cellRef(scope.columns, taxCode ? 'buyerTaxCode' : 'buyerName', rowNumber);
  const address = text(read, 'buyerAddress');
  const ofAddress = address ? provinceOfAddress(scope, address)?.province : undefined;
  if (known) {
    // Partners of the same name in several provinces: the one where the row's address is.
    const there = known.several.filter((partner) => partner.provinceCode === ofAddress?.code);
    if (there.length === 1 && there[0]) return { kind: 'partner', id: there[0].id, provinceCode: there[0].provinceCode };
    const places = known.several.map((partner) => scope.ctx.places.province(partner.provinceCode)?.name ?? '').join(', ');
    problems.push({ cell, message: `Có ${known.several.length} đối tác tên «${name}» (${places}); hãy ghi mã số thuế hoặc địa chỉ để biết là đối tác nào.` });
    return null;
  }
  // A member in the Thùng rác named by its Mã số HTX in the tax code's column: said so, as the other lists say it.
  const trashedByNumber = taxCode ? trashedOrganization(scope, taxCode, '', [], () => true, () => false) : null;
  if (trashedByNumber) {
    problems.push({ cell: cellRef(scope.columns, 'buyerTaxCode', rowNumber), message: inTrashMessage(scope, trashedByNumber) });
    return null;
  }
  if (!name) {
    if (taxCode) problems.push({ cell, message: `Không tìm thấy mã số thuế ${taxCode} trong danh sách Đối tác hay Thành viên; hãy ghi tên bên có nhu cầu, hoặc đúng mã số thuế.` });
    return null;
  }
  const nameCell = cellRef(scope.columns, 'buyerName', rowNumber);
  const nameKey = partnerNameKey(name);
  const named = scope.newBuyers.get(nameKey);
  if (named) {
    notes.push({ cell: nameCell, message: `Chưa có trong danh sách Đối tác: cùng đối tác «${named.partner.name}» như dòng ${named.row}, được thêm một lần.` });
    return { kind: 'new', partner: named.partner, provinceCode: named.partner.provinceCode };
  }
  const kindText = text(read, 'buyerKind');
  if (organizationKindOfName(name) || organizationKindOfName(kindText)) {
    // A cooperative is a member, never added as a partner.
    const memberKey = organizationNameKey(name);
    const members = namedInProvince(scope, memberKey);
    if (members.length === 1 && members[0]) return { kind: 'organization', id: members[0].id, provinceCode: scope.homeProvinceCode };
    // None of its name in use: one in the Thùng rác is said to be there, rather than nowhere.
    const trashed = members.length === 0 ? trashedOrganization(scope, '', memberKey, communeCodesOfProvince(scope), () => false, () => true) : null;
    if (trashed) {
      problems.push({ cell: nameCell, message: inTrashMessage(scope, trashed) });
      return null;
    }
    problems.push({
      cell: nameCell,
      message: members.length
        ? `Có ${members.length} tổ chức tên «${name}» (${members.map((organization) => communeNameOf(scope, organization.communeCode)).join('; ')}); hãy ghi mã số HTX ở cột Mã số thuế để biết là tổ chức nào.`
        : `Không tìm thấy «${name}» trong danh sách Thành viên; hãy nhập tổ chức trước, hoặc ghi đúng mã số HTX ở cột Mã số thuế.`,
    });
    return null;
  }
  // A kind written but not read is asked about, never replaced by what the name suggests.
  const kind = kindText ? (scope.choices.read('buyerKind', kindText) as PartnerKind | null) : partnerKindOf(name);
  if (!kind) {
    problems.push(
      kindText
        ? { cell: cellRef(scope.columns, 'buyerKind', rowNumber), message: `Loại đối tác «${kindText}» không rõ; hãy chọn loại ở bước Ghép giá trị.` }
        : {
            cell,
            message: `Không tìm thấy «${[name, taxCode].filter(Boolean).join(', ')}» trong danh sách Đối tác, và tên không cho biết loại đối tác để thêm mới; hãy ghép một cột Loại đối tác, thêm đối tác trước (Đối tác → Thêm đối tác, hoặc nhập danh sách đối tác), hoặc ghi đúng mã số thuế.`,
          },
    );
    return null;
  }
  const province = ofAddress ?? delivery ?? scope.ctx.places.province(scope.homeProvinceCode);
  const parsed = partnerInput.safeParse({
    kind,
    name,
    taxCode,
    provinceCode: province?.code ?? '',
    address,
    contactName: text(read, 'contactName'),
    phone: text(read, 'contactPhone'),
  });
  if (!parsed.success) {
    const cellOf: Record<string, string> = { name: 'buyerName', taxCode: 'buyerTaxCode', address: 'buyerAddress', phone: 'contactPhone' };
    problems.push(...issuesAt(scope, parsed.error.issues, read, rowNumber, (path) => cellOf[path] ?? path));
    return null;
  }
  scope.newBuyers.set(nameKey, { row: rowNumber, partner: parsed.data });
  const whence = ofAddress ? 'đọc từ địa chỉ' : delivery ? 'theo tỉnh giao hàng' : 'tỉnh của Liên minh, vì dòng không ghi địa chỉ';
  notes.push({
    cell: nameCell,
    message: `Chưa có trong danh sách Đối tác: sẽ thêm đối tác «${name}» (${partnerKindLabels[kind]}, ${unitNameInSentence(province?.fullName ?? '')} — ${whence}), mục Mặt hàng cần mua ghi các sản phẩm của đối tác trong danh sách.`,
  });
  return { kind: 'new', partner: parsed.data, provinceCode: parsed.data.provinceCode };
}

/** The longest Mặt hàng cần mua a partner keeps (`partnerInput`). */
const BUYS_MAX = 1000;

/**
 * A product of a valid row added to the Mặt hàng cần mua of the buyer the list adds: every row of
 * that buyer shares its input, and the row that writes it first writes them all. Each product
 * once, as first written, while they fit.
 */
function addToBuys(buyer: ParsedPartnerInput, product: string): void {
  const listed = buyer.buys ? buyer.buys.split(', ') : [];
  if (listed.some((item) => foldText(item) === foldText(product))) return;
  const buys = [...listed, product].join(', ');
  if (buys.length <= BUYS_MAX) buyer.buys = buys;
}

/**
 * The demand as written, its buyer added to the partners first when the row named one not there
 * yet (`prior`); a later row of the list naming the same buyer finds it added.
 */
function demandToWrite(scope: ImportScope, { newBuyer, ...input }: DemandRowInput): { input: ParsedDemandInput; prior: WrittenChange[] } {
  if (!newBuyer) return { input, prior: [] };
  const known = knownBuyer(scope, newBuyer.taxCode, newBuyer.name);
  if (known && !('several' in known)) return { input: { ...input, buyer: { kind: known.kind, id: known.id } }, prior: [] };
  const added = partnersAdapter.create(scope, { input: newBuyer, present: new Set(), figures: null }, null);
  return { input: { ...input, buyer: { kind: 'partner', id: added.entityId } }, prior: [added] };
}

/** "VietGAP, OCOP 3 sao": each certificate asked for, by the lookup's names. */
function requirementsOfRow(scope: ImportScope, read: ReadRow, rowNumber: number, problems: ImportProblem[]): { kindCode: string; minStars: number | null }[] {
  const written = text(read, 'requirements');
  if (!written) return [];
  const compact = (value: string) => foldText(value).replace(/[^a-z0-9]/g, '');
  const found: { kindCode: string; minStars: number | null }[] = [];
  for (const part of written.split(/[,;+/]| và /u).map((piece) => piece.trim()).filter(Boolean)) {
    const kind = scope.certificationKinds.find((candidate) => compact(part).includes(compact(candidate.name)) || compact(part).includes(candidate.code.replace(/_/g, '')));
    if (!kind) {
      problems.push({
        cell: cellRef(scope.columns, 'requirements', rowNumber),
        message: `Chứng nhận «${part}» không có trong danh mục; ghi ${scope.certificationKinds.map((candidate) => candidate.name).join(', ')}.`,
      });
      continue;
    }
    const stars = /(\d)\s*sao/u.exec(foldText(part));
    if (!found.some((requirement) => requirement.kindCode === kind.code)) found.push({ kindCode: kind.code, minStars: kind.hasStars && stars ? Number(stars[1]) : null });
  }
  return found;
}

function demandInputOf(ctx: Context, row: DemandRow): ParsedDemandInput {
  return {
    buyer: row.partnerId !== null ? { kind: 'partner', id: row.partnerId } : { kind: 'organization', id: row.organizationId ?? 0 },
    product: row.product,
    productGroupCode: row.productGroupCode,
    quantity: row.quantity,
    unitCode: row.unitCode,
    neededFrom: row.neededFrom,
    neededUntil: row.neededUntil,
    priceMin: row.priceMin,
    priceMax: row.priceMax,
    deliveryProvinceCode: row.deliveryProvinceCode,
    deliveryPlace: row.deliveryPlace,
    requirements: ctx.db
      .select({ kindCode: demandRequirements.kindCode, minStars: demandRequirements.minStars })
      .from(demandRequirements)
      .where(eq(demandRequirements.demandId, row.id))
      .orderBy(asc(demandRequirements.kindCode))
      .all(),
    qualityNote: row.qualityNote,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    note: row.note,
    programmeId: row.programmeId,
    confirmedSimilarIds: [],
  };
}

function demandRow(ctx: Context, id: number): DemandRow | undefined {
  return ctx.db.select().from(supplyDemands).where(eq(supplyDemands.id, id)).get();
}

/** What an import leaves of a demand, to know at undo whether it was changed since. */
function demandAfter(ctx: Context, id: number): ParsedDemandInput | null {
  const row = demandRow(ctx, id);
  return row ? demandInputOf(ctx, row) : null;
}

/**
 * What a row writes into the stored demand (`mergedInput`): the certificates it asks for, when it
 * names any, in the order they are read back (`demandInputOf`), so that the same ones written in
 * another order change nothing. The row found it by its product's name folded: the register's
 * spelling stays. `update` writes it; the preview lists what it changes.
 */
function demandMerged(was: ParsedDemandInput, incoming: ParsedDemandInput, present: ReadonlySet<string>): ParsedDemandInput {
  const requirements = incoming.requirements.length ? [...incoming.requirements].sort((a, b) => (a.kindCode < b.kindCode ? -1 : a.kindCode > b.kindCode ? 1 : 0)) : was.requirements;
  return { ...mergedInput(was, { ...incoming, requirements }, present), product: was.product };
}

/** The certificates a demand asks for as its history keeps them (`demandRecords`): with their kind's name, in the catalogue's order. */
function requirementsKept(ctx: Context, requirements: ParsedDemandInput['requirements']): HistoryValue {
  const kinds = new Map(ctx.db.select().from(certificationKinds).all().map((kind) => [kind.code, kind]));
  return requirements
    .map(({ kindCode, minStars }) => ({ kindCode, kindName: kinds.get(kindCode)?.name ?? kindCode, minStars, order: kinds.get(kindCode)?.sortOrder ?? 0 }))
    .sort((a, b) => a.order - b.order)
    .map(({ kindCode, kindName, minStars }) => ({ kindCode, kindName, minStars }));
}

/** The stored demand a row is (its match): the same buyer's, of the same product, from the same day. */
function storedDemandOf(ctx: Context, input: DemandRowInput) {
  // A buyer not among the partners yet has no demand stored.
  if (input.newBuyer) return undefined;
  const buyer = input.buyer.kind === 'partner' ? eq(supplyDemands.partnerId, input.buyer.id) : eq(supplyDemands.organizationId, input.buyer.id);
  return ctx.db
    .select({ id: supplyDemands.id, product: supplyDemands.product, partner: partners.name, organization: organizations.name })
    .from(supplyDemands)
    .leftJoin(partners, eq(partners.id, supplyDemands.partnerId))
    .leftJoin(organizations, eq(organizations.id, supplyDemands.organizationId))
    .where(and(buyer, eq(supplyDemands.productFolded, foldText(input.product)), eq(supplyDemands.neededFrom, input.neededFrom), notInTrash(supplyDemands)))
    .get();
}

const demandsAdapter: KindAdapter = {
  prepare(scope, read, rowNumber) {
    const problems = [...read.problems];
    const questioned = new Set<string>();
    const notes = [...read.notes];
    const province = provinceInCell(scope, read, rowNumber, 'deliveryProvince', problems, notes);
    const buyer = buyerOfRow(scope, read, rowNumber, province, problems, notes);
    if (!buyer) questioned.add('buyer');
    const productGroupCode = questionedIf(questioned, 'productGroupCode', problems, () => productGroupOfRow(scope, read, rowNumber, problems));
    const { unitCode, quantity, priceMin, priceMax } = unitAndPricesOfRow(scope, read, rowNumber, problems, notes, questioned, { from: 'neededFrom', until: 'neededUntil' });
    const parsed = demandInput.safeParse({
      // A buyer still to add, or none found, stands in as a partner's id until the commit.
      buyer: buyer && buyer.kind !== 'new' ? { kind: buyer.kind, id: buyer.id } : { kind: 'partner', id: 1 },
      product: text(read, 'product'),
      productGroupCode,
      quantity: quantity ?? read.values.get('quantity') ?? null,
      unitCode,
      neededFrom: read.values.get('neededFrom') ?? null,
      neededUntil: read.values.get('neededUntil') ?? null,
      priceMin,
      priceMax,
      // Delivered where asked, else to the buyer's own province.
      deliveryProvinceCode: province?.code ?? buyer?.provinceCode ?? scope.homeProvinceCode,
      deliveryPlace: text(read, 'deliveryPlace'),
      requirements: questionedIf(questioned, 'requirements', problems, () => requirementsOfRow(scope, read, rowNumber, problems)),
      qualityNote: text(read, 'qualityNote'),
      contactName: text(read, 'contactName'),
      contactPhone: text(read, 'contactPhone'),
      note: text(read, 'note'),
      programmeId: scope.programmeId,
    });
    if (!parsed.success) problems.push(...unquestionedIssues(scope, parsed.error, read, rowNumber, questioned));
    const input: DemandRowInput | null = parsed.success && buyer ? { ...parsed.data, newBuyer: buyer.kind === 'new' ? buyer.partner : null } : null;
    const present = supplyPresent(read);
    if (input && parsed.success) {
      // What the save of the demand would refuse, said at its cells rather than stopping the commit.
      const stored = storedDemandOf(scope.ctx, input);
      // A partner has no lifecycle: only a member buying for its own ends.
      const ended = input.buyer.kind === 'organization' ? endedPartyProblem(scope, input.buyer.id, input.neededFrom, stored !== undefined) : null;
      if (ended) problems.push({ cell: cellRef(scope.columns, read.values.has('buyerName') ? 'buyerName' : 'buyerTaxCode', rowNumber), message: ended });
      const row = stored && demandRow(scope.ctx, stored.id);
      if (row) problems.push(...connectionProblems(scope, rowNumber, 'demand', row, demandMerged(demandInputOf(scope.ctx, row), parsed.data, present)));
    }
    if (input?.newBuyer && problems.length === 0) addToBuys(input.newBuyer, input.product);
    return { problems, notes, input, place: null, present };
  },
  match(scope, row) {
    const stored = storedDemandOf(scope.ctx, row.input as DemandRowInput);
    return stored ? { reason: 'existing', id: stored.id, name: stored.product, place: stored.partner ?? stored.organization ?? '', row: null } : null;
  },
  fileKeys(row) {
    const { newBuyer, buyer, product, neededFrom } = row.input as DemandRowInput;
    const whose = newBuyer ? `new:${partnerNameKey(newBuyer.name)}` : `${buyer.kind}:${buyer.id}`;
    return [`demand:${whose}:${foldText(product)}:${neededFrom}`];
  },
  refuseUpdateSincePreview(scope, _id, row) {
    const { newBuyer, buyer } = row.input as DemandRowInput;
    if (!newBuyer && buyer.kind === 'organization') refuseOrganizationTrashedSincePreview(scope, buyer.id);
  },
  create(scope, row) {
    const { input, prior } = demandToWrite(scope, row.input as DemandRowInput);
    const created = createDemand(scope.ctx, input);
    return { entity: 'demand', entityId: created.id, action: 'create', before: null, after: demandAfter(scope.ctx, created.id), prior };
  },
  update(scope, id, row) {
    const stored = demandRow(scope.ctx, id);
    if (!stored || stored.deletedAt) return null;
    const was = demandInputOf(scope.ctx, stored);
    const { input: incoming, prior } = demandToWrite(scope, row.input as DemandRowInput);
    const merged = demandMerged(was, incoming, row.present);
    const before = changedColumns(was as unknown as Record<string, unknown>, merged as unknown as Record<string, unknown>);
    if (!before) return null;
    updateDemand(scope.ctx, { id, ...merged });
    return { entity: 'demand', entityId: id, action: 'update', before, after: demandAfter(scope.ctx, id), prior };
  },
  changes(ctx, id, row) {
    const stored = demandRow(ctx, id);
    if (!stored || stored.deletedAt) return null;
    // A row matched to a stored demand names a buyer already among the partners or members: none to add.
    const { newBuyer: _newBuyer, ...incoming } = row.input as DemandRowInput;
    const merged = demandMerged(demandInputOf(ctx, stored), incoming, row.present);
    // The merged input's fields are the row's columns but for the buyer, which the update keeps, and the certificates, kept apart.
    const after = { ...demandRecords.snapshot(ctx, { ...stored, ...merged }), requirements: requirementsKept(ctx, merged.requirements) };
    return listedChanges(ctx, demandRecords, fieldChanges(demandRecords.snapshot(ctx, stored), after));
  },
  changedSince(ctx, change, at) {
    const row = demandRow(ctx, change.entityId);
    if (!row) return null;
    const changed = auditedSince(ctx, 'demand', row.id, at) || (change.action === 'create' && referencedElsewhere(ctx, 'supply_demands', row.id));
    return changed ? `nhu cầu ${row.product}` : null;
  },
  snapshot(ctx, change) {
    const row = demandRow(ctx, change.entityId);
    return row ? { name: `nhu cầu ${row.product}`, values: demandInputOf(ctx, row) } : undefined;
  },
  referenced: (ctx, change) => referencedElsewhere(ctx, 'supply_demands', change.entityId),
  undo(ctx, change, { pointedAt }) {
    const row = demandRow(ctx, change.entityId);
    if (!row) return;
    // Connected since: to the trash, so that its connections keep what they point at.
    if (change.action === 'create' && pointedAt) {
      if (!row.deletedAt) moveToTrash(ctx, demandRecords, row.id);
      return;
    }
    if (change.action === 'create') {
      // Read before the delete takes its certificate requirements with it.
      const before = demandRecords.snapshot(ctx, row);
      ctx.db.delete(supplyDemands).where(eq(supplyDemands.id, row.id)).run();
      recordChange(ctx, 'demand', row.id, 'delete', before, null);
      return;
    }
    updateDemand(ctx, { id: row.id, ...demandInputOf(ctx, row), ...(isRecord(change.before) ? change.before : {}) });
  },
};

export const kindAdapters: Record<ImportKind, KindAdapter> = {
  organizations: organizationsAdapter,
  figures: figuresAdapter,
  partners: partnersAdapter,
  products: productsAdapter,
  offers: offersAdapter,
  demands: demandsAdapter,
};

