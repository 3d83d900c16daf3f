/**
 * What each kind of import does with a row: turn its cells into the contract's input (validated by
 * the contract's own schema, so the import accepts exactly what the forms accept), find the stored
 * record it may be, and create, fill in or take back records through the services, which keep
 * their own rules, folded columns and audit rows.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { and, eq, gt, sql } from 'drizzle-orm';
import { notInTrash } from '../../db/predicates';
import type { z } from 'zod';
import { figureFields, figuresSaveInput, type FigureField } from '../../../shared/contracts/figures';
import type { ImportMatch, ImportProblem } from '../../../shared/contracts/imports';
import { organizationInput, type ParsedOrganizationInput } from '../../../shared/contracts/organizations';
import { partnerInput, type ParsedPartnerInput } from '../../../shared/contracts/partners';
import { productInput } from '../../../shared/contracts/products';
import { partnerKinds, type Classification, type ImportKind, type OrganizationKind, type PartnerKind } from '../../../shared/domain';
import { conflict } from '../../../shared/errors';
import { foldText, organizationNameKey, partnerNameKey } from '../../../shared/text';
import { recordChange } from '../../records';
import { type Context } from '../../context';
import type { Db } from '../../db/open';
import { jsonPlaceholder, perConnection, placeholdersFor } from '../../db/prepared';
import { auditLog, importChanges, organizations, partners, products, sectors, sizeClasses, yearlyFigures } from '../../db/schema';
import { deleteFigures, saveFigures } from '../../services/figures';
import { insertOrganization, organizationSnapshot, requireOrganization, updateOrganization } from '../../services/organizations';
import { createPartner, updatePartner } from '../../services/partners';
import { deleteProduct, saveProduct } from '../../services/products';
import { cellRef, type FieldValue, type MappedColumn, type ReadRow } from './cells';
import { readPlace, type PlaceReading } from './places';

/** What every row of one import shares: the database, the office's province, lookups read once. */
export interface ImportScope {
  ctx: Context;
  homeProvinceCode: string;
  /** Figures: the year chosen for a file without a "Năm" column. */
  year: number | null;
  columns: readonly MappedColumn[];
  sectorByName: Map<string, string>;
  sizeClassByName: Map<string, string>;
  statements: Statements;
  /** A list repeats the same few hundred addresses: each is read once. */
  places: Map<string, PlaceReading>;
}

const PLACE_CACHE_LIMIT = 20_000;

function placeOfRow(scope: ImportScope, read: ReadRow): PlaceReading {
  const [commune, address] = [text(read, 'commune'), text(read, 'address')];
  const key = `${commune}\u0000${address}`;
  let place = scope.places.get(key);
  if (!place) {
    place = readPlace(scope.ctx.places, scope.homeProvinceCode, commune, address);
    if (scope.places.size < PLACE_CACHE_LIMIT) scope.places.set(key, place);
  }
  return place;
}

interface FoundOrganization {
  id: number;
  name: string;
  communeCode: string;
}

/** The import's own record of what it wrote, for undo. */
function recordChangeQuery(ctx: Context) {
  return ctx.db
    .insert(importChanges)
    .values({ ...placeholdersFor({ batchId: true, entity: true, entityId: true, action: true }), before: jsonPlaceholder('before') })
    .prepare();
}

/** Built once per import: a preview looks up, and a commit records, each of up to 100,000 rows. */
interface Statements {
  organizationByNumber: BetterSqlite3.Statement<[string], FoundOrganization>;
  organizationByName: BetterSqlite3.Statement<[string, string], FoundOrganization>;
  recordChange: ReturnType<typeof recordChangeQuery>;
}

function prepareStatements(ctx: Context): Statements {
  const columns = 'SELECT id, name, commune_code AS communeCode FROM organizations';
  return {
    organizationByNumber: ctx.db.$client.prepare<[string], FoundOrganization>(`${columns} WHERE registration_no = ? AND deleted_at IS NULL`),
    // The index on (commune_code, name_key) holds equal keys in id order, so the first row found is
    // the oldest; saying ORDER BY id made each of these lookups five times slower.
    organizationByName: ctx.db.$client.prepare<[string, string], FoundOrganization>(`${columns} WHERE commune_code = ? AND name_key = ? AND deleted_at IS NULL`),
    recordChange: recordChangeQuery(ctx),
  };
}

export function importScope(ctx: Context, homeProvinceCode: string, year: number | null, columns: readonly MappedColumn[]): ImportScope {
  const byName = (rows: { code: string; name: string }[]) =>
    new Map(rows.flatMap(({ code, name }): [string, string][] => [[foldText(name), code], [foldText(code), code]]));
  return {
    ctx,
    homeProvinceCode,
    year,
    columns,
    sectorByName: byName(ctx.db.select({ code: sectors.code, name: sectors.name }).from(sectors).all()),
    sizeClassByName: byName(ctx.db.select({ code: sizeClasses.code, name: sizeClasses.name }).from(sizeClasses).all()),
    statements: prepareStatements(ctx),
    places: new Map(),
  };
}

/** A row ready to write, or why it is not. */
export interface PreparedRow {
  problems: ImportProblem[];
  /** The contract's parsed input; for an ambiguous place, with the first candidate until one is chosen. */
  input: unknown;
  place: PlaceReading | null;
  /** The fields the row had a value for: an update fills only these. */
  present: ReadonlySet<string>;
}

/** What the import wrote, for undo: `before` holds the changed stored values of an update. */
export interface WrittenChange {
  entity: string;
  entityId: number;
  action: 'create' | 'update';
  before: Record<string, unknown> | null;
}

export interface KindAdapter {
  prepare(scope: ImportScope, read: ReadRow, rowNumber: number): PreparedRow;
  /** The stored record the row is, by its stable key first, then by its name in the same place. */
  match(scope: ImportScope, row: PreparedRow): ImportMatch | null;
  /** Keys two rows of the same file share when they are the same record. */
  fileKeys(row: PreparedRow): string[];
  create(scope: ImportScope, row: PreparedRow, communeCode: string | null): WrittenChange;
  /** Fills in the record's blanks and changes from the row's non-blank values; null when nothing changed. */
  update(scope: ImportScope, id: number, row: PreparedRow, communeCode: string | null): WrittenChange | null;
  /** The record's name when it was changed after `at` (then the undo is refused), else null. */
  changedSince(ctx: Context, change: StoredChange, at: string): string | null;
  undo(ctx: Context, change: StoredChange): void;
}

export interface StoredChange {
  entityId: number;
  action: 'create' | 'update';
  before: unknown;
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

/** The contract's issues, each at the cell of its field (a field without a column: at the row). */
function issuesAt(scope: ImportScope, error: z.ZodError, rowNumber: number, fieldOfPath: (path: string) => string): ImportProblem[] {
  return error.issues.map((issue) => {
    const path = String(issue.path[0] ?? '');
    return { cell: cellRef(scope.columns, fieldOfPath(path), rowNumber), message: issue.message };
  });
}

function placeProblem(scope: ImportScope, place: PlaceReading, read: ReadRow, rowNumber: number): ImportProblem | null {
  if (place.kind !== 'unknown') return null;
  const written = [text(read, 'commune'), text(read, 'address')].filter(Boolean).join(', ');
  const cell = cellRef(scope.columns, read.values.has('commune') ? 'commune' : 'address', rowNumber);
  return {
    cell,
    message: written
      ? `Không xác định được xã, phường từ «${written}»; hãy ghi tên xã, phường hiện nay (sau 01/07/2025).`
      : 'Chưa có địa chỉ: cần tên xã, phường để biết tổ chức ở đâu.',
  };
}

function communeCodesOf(place: PlaceReading | null): string[] {
  if (!place) return [];
  if (place.kind === 'mapped') return [place.commune.code];
  if (place.kind === 'ambiguous') return place.candidates.map((commune) => commune.code);
  return [];
}

function communeNameOf(scope: ImportScope, code: string): string {
  return scope.ctx.places.commune(code)?.fullName ?? '';
}

/** Columns of `before` whose value the update changed, with their stored values. */
function changedColumns<T extends Record<string, unknown>>(before: T, after: T): Partial<T> | null {
  const changed = Object.fromEntries(Object.entries(before).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(after[key])));
  return Object.keys(changed).length ? (changed as Partial<T>) : null;
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
  references: referencesByTable(db),
}));

/** Whether the audit trail has a change to the entity after `at` (a later edit, figures added…). */
function auditedSince(ctx: Context, entity: string, entityId: number, at: string): boolean {
  return undoQueries(ctx.db).auditedAfter.get({ entity, entityId, at }) !== undefined;
}

/**
 * For each table, a query per foreign key of another table that points at it (a union
 * membership, an event's participant, an agreement's party…), read from the schema so that a
 * table added later is counted too.
 */
function referencesByTable(db: Db): Map<string, BetterSqlite3.Statement<[number]>[]> {
  const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const byTable = new Map<string, BetterSqlite3.Statement<[number]>[]>();
  const tables = db.$client.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all();
  for (const { name } of tables) {
    for (const key of db.$client.pragma(`foreign_key_list(${quoted(name)})`) as { table: string; from: string }[]) {
      const queries = byTable.get(key.table) ?? [];
      queries.push(db.$client.prepare<[number]>(`SELECT 1 FROM ${quoted(name)} WHERE ${quoted(key.from)} = ? LIMIT 1`));
      byTable.set(key.table, queries);
    }
  }
  return byTable;
}

/** Whether any row of another table refers to the record: such a record is not removed by an undo, the reference would go with it. */
function referencedElsewhere(ctx: Context, table: string, id: number): boolean {
  return (undoQueries(ctx.db).references.get(table) ?? []).some((query) => query.get(id) !== undefined);
}

// ---------------------------------------------------------------------------------------------
// Organizations

const kindWords: [RegExp, OrganizationKind][] = [
  [/^(lien hiep hop tac xa|lien hiep htx|lh ?htx)\b/, 'lhhtx'],
  [/^(quy tin dung nhan dan|qtdnd|quy tin dung)\b/, 'qtdnd'],
  [/^(to hop tac|tht)\b/, 'tht'],
  [/^(hop tac xa|htx)\b/, 'htx'],
];

function kindOfText(value: string): OrganizationKind | undefined {
  const folded = foldText(value).replace(/[.()]/g, ' ').trim();
  return kindWords.find(([pattern]) => pattern.test(folded))?.[1];
}

/** The organization input the register form would send, from the row's values. */
function organizationCandidate(scope: ImportScope, read: ReadRow, place: PlaceReading, rowNumber: number, problems: ImportProblem[]) {
  const kindText = text(read, 'kind');
  let kind = kindText ? kindOfText(kindText) : kindOfText(text(read, 'name'));
  if (kindText && !kind) {
    problems.push({ cell: cellRef(scope.columns, 'kind', rowNumber), message: `Loại hình «${kindText}» không rõ; ghi HTX, Liên hiệp HTX, Tổ hợp tác hoặc Quỹ tín dụng nhân dân.` });
  }
  // A list of cooperatives seldom says so on every row: a name without a kind word is an HTX.
  kind ??= 'htx';
  const lookup = (key: 'sectorCode' | 'sizeClass', names: Map<string, string>, label: string) => {
    const written = text(read, key);
    if (!written) return null;
    const code = names.get(foldText(written));
    if (!code) problems.push({ cell: cellRef(scope.columns, key, rowNumber), message: `${label} «${written}» không có trong danh mục.` });
    return code ?? null;
  };
  const commune = place.kind === 'mapped' ? place.commune.code : place.kind === 'ambiguous' ? (place.candidates[0]?.code ?? '') : '';
  return {
    kind,
    name: text(read, 'name'),
    shortName: text(read, 'shortName'),
    registrationNo: text(read, 'registrationNo'),
    communeCode: commune,
    street: text(read, 'street') || place.street,
    oldAddress: place.oldAddress,
    foundedOn: read.values.get('foundedOn') ?? null,
    sectorCode: lookup('sectorCode', scope.sectorByName, 'Lĩnh vực hoạt động'),
    phone: text(read, 'phone'),
    email: text(read, 'email'),
    website: text(read, 'website'),
    representative: text(read, 'representative'),
    charterCapital: read.values.get('charterCapital') ?? null,
    sizeClass: lookup('sizeClass', scope.sizeClassByName, 'Quy mô'),
    memberSince: read.values.get('memberSince') ?? null,
    memberUntil: null,
    highTech: read.values.get('highTech') === true,
    valueChain: read.values.get('valueChain') === true,
  };
}

/** Which column an issue of the organization input belongs to. */
function organizationColumnOf(path: string): string {
  if (path === 'communeCode') return 'address';
  return path;
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
    confirmSimilarName: true,
  };
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === '' || value === false;
}

function organizationRow(ctx: Context, id: number): OrganizationRow | undefined {
  return undoQueries(ctx.db).organization.get({ id });
}

/** The live organization with this Mã số HTX, or of this name key in one of these communes. */
function findOrganization(scope: ImportScope, registrationNo: string, name: string, communeCodes: readonly string[]): ImportMatch | null {
  if (registrationNo) {
    const byNumber = scope.statements.organizationByNumber.get(registrationNo);
    if (byNumber) return { reason: 'registrationNo', id: byNumber.id, name: byNumber.name, place: communeNameOf(scope, byNumber.communeCode), row: null };
  }
  const key = organizationNameKey(name);
  if (!key) return null;
  for (const communeCode of communeCodes) {
    const byName = scope.statements.organizationByName.get(communeCode, key);
    if (byName) return { reason: 'sameName', id: byName.id, name: byName.name, place: communeNameOf(scope, byName.communeCode), row: null };
  }
  return null;
}

const organizationsAdapter: KindAdapter = {
  prepare(scope, read, rowNumber) {
    const problems = [...read.problems];
    const place = placeOfRow(scope, read);
    const unknownPlace = placeProblem(scope, place, read, rowNumber);
    if (unknownPlace) problems.push(unknownPlace);
    const parsed = organizationInput.safeParse(organizationCandidate(scope, read, place, rowNumber, problems));
    if (!parsed.success) {
      const issues = issuesAt(scope, parsed.error, rowNumber, organizationColumnOf);
      // An unknown place is already said once, in the person's words.
      problems.push(...(unknownPlace ? issues.filter((issue) => issue.cell !== unknownPlace.cell) : issues));
    }
    return { problems, input: parsed.success ? parsed.data : null, place, present: new Set(read.values.keys()) };
  },
  match(scope, row) {
    const input = row.input as ParsedOrganizationInput;
    return findOrganization(scope, input.registrationNo, input.name, communeCodesOf(row.place));
  },
  fileKeys(row) {
    const input = row.input as ParsedOrganizationInput;
    const key = organizationNameKey(input.name);
    return [...(input.registrationNo ? [`no:${input.registrationNo}`] : []), ...communeCodesOf(row.place).map((code) => `name:${code}:${key}`)];
  },
  create(scope, row, communeCode) {
    const input = row.input as ParsedOrganizationInput;
    // The person saw the similar names in the preview and chose to add this one.
    const created = insertOrganization(scope.ctx, { ...input, communeCode: communeCode ?? input.communeCode, confirmSimilarName: true });
    return { entity: 'organization', entityId: created.id, action: 'create', before: null };
  },
  update(scope, id, row, communeCode) {
    const stored = requireOrganization(scope.ctx, id);
    const incoming = { ...(row.input as ParsedOrganizationInput), communeCode: communeCode ?? (row.input as ParsedOrganizationInput).communeCode };
    const merged = organizationInputOf(stored);
    for (const field of organizationInputFields(row.present)) {
      // A blank never overwrites a stored value.
      if (!isBlank(incoming[field])) Object.assign(merged, { [field]: incoming[field] });
    }
    updateOrganization(scope.ctx, { id, ...merged });
    const after = organizationRow(scope.ctx, id);
    const before = after ? changedColumns(organizationSnapshot(stored), organizationSnapshot(after)) : null;
    return before ? { entity: 'organization', entityId: id, action: 'update', before } : null;
  },
  changedSince(ctx, change, at) {
    const row = organizationRow(ctx, change.entityId);
    if (!row) return null;
    if (auditedSince(ctx, 'organization', change.entityId, at)) return row.name;
    if (change.action === 'create' && referencedElsewhere(ctx, 'organizations', row.id)) return row.name;
    return null;
  },
  undo(ctx, change) {
    const row = organizationRow(ctx, change.entityId);
    if (!row) return;
    if (change.action === 'create') {
      // Nothing was attached to it since (changedSince checked the audit trail): removing it is
      // exact, and leaves no copy in Thùng rác to be mistaken for a real record.
      undoQueries(ctx.db).deleteOrganization.run({ id: row.id });
      recordChange(ctx, 'organization', row.id, 'delete', organizationSnapshot(row), null);
      return;
    }
    const restored = { ...organizationInputOf(row), ...(isRecord(change.before) ? change.before : {}) };
    updateOrganization(ctx, { id: row.id, ...restored, registrationNo: restored.registrationNo || '' });
  },
};

// ---------------------------------------------------------------------------------------------
// Figures and products: rows of an organization already in the register

/** Finds the organization a row of figures or products is about, or says why it cannot. */
function organizationOfRow(scope: ImportScope, read: ReadRow, rowNumber: number, problems: ImportProblem[]): { id: number; name: string } | null {
  const registrationNo = text(read, 'registrationNo').replace(/\s/g, '');
  const name = text(read, 'organizationName');
  const place = placeOfRow(scope, read);
  const communeCodes = communeCodesOf(place);
  const found = findOrganization(scope, registrationNo, name, communeCodes);
  if (found?.id != null) return { id: found.id, name: found.name };
  if (!registrationNo && !name) {
    problems.push({ cell: `Dòng ${rowNumber}`, message: 'Không có mã số HTX hay tên tổ chức: không biết số liệu này của ai.' });
    return null;
  }
  const key = registrationNo ? cellRef(scope.columns, 'registrationNo', rowNumber) : cellRef(scope.columns, 'organizationName', rowNumber);
  problems.push({
    cell: key,
    message: `Không tìm thấy «${[name, registrationNo].filter(Boolean).join(', ')}» trong danh sách Thành viên${
      communeCodes.length ? ` ở ${communeCodes.map((code) => communeNameOf(scope, code)).join(' hoặc ')}` : ''
    }; hãy nhập tổ chức trước, hoặc ghi đúng mã số HTX.`,
  });
  return null;
}

const figureValuesSchema = figuresSaveInput.omit({ organizationId: true });
type FigureValues = z.output<typeof figureValuesSchema>;

const classificationWords: Record<string, Classification | null> = {
  tot: 'good',
  kha: 'fair',
  'trung binh': 'average',
  tb: 'average',
  yeu: 'weak',
  'chua xep loai': null,
  'khong xep loai': null,
};

interface FiguresRowInput {
  organizationId: number;
  organizationName: string;
  values: FigureValues;
}

function figuresOf(ctx: Context, organizationId: number, year: number) {
  return ctx.db
    .select()
    .from(yearlyFigures)
    .where(and(eq(yearlyFigures.organizationId, organizationId), eq(yearlyFigures.year, year)))
    .get();
}

function figureValuesBefore(row: typeof yearlyFigures.$inferSelect | undefined): Record<FigureField, unknown> {
  return Object.fromEntries(figureFields.map((field) => [field, row ? row[field] : null])) as Record<FigureField, unknown>;
}

const figuresAdapter: KindAdapter = {
  prepare(scope, read, rowNumber) {
    const problems = [...read.problems];
    const organization = organizationOfRow(scope, read, rowNumber, problems);
    const year = numberOf(read, 'year') ?? scope.year;
    if (year === null) problems.push({ cell: `Dòng ${rowNumber}`, message: 'Không có năm của số liệu: ghép cột Năm, hoặc chọn năm ở bước đầu.' });
    const classificationText = text(read, 'classification');
    let classification: Classification | null | undefined;
    if (classificationText) {
      const folded = foldText(classificationText);
      // Own keys only: a cell reading "constructor" is not Object's constructor.
      if (Object.hasOwn(classificationWords, folded)) classification = classificationWords[folded];
      else problems.push({ cell: cellRef(scope.columns, 'classification', rowNumber), message: `Xếp loại «${classificationText}» không rõ; ghi Tốt, Khá, Trung bình, Yếu hoặc Chưa xếp loại.` });
    }
    const candidate: Record<string, FieldValue | undefined> = { year: year ?? 0, classification };
    for (const field of figureFields) if (field !== 'classification' && read.values.has(field)) candidate[field] = read.values.get(field);
    const parsed = figureValuesSchema.safeParse(candidate);
    if (!parsed.success) problems.push(...issuesAt(scope, parsed.error, rowNumber, (path) => path));
    const input: FiguresRowInput | null = organization && parsed.success ? { organizationId: organization.id, organizationName: organization.name, values: parsed.data } : null;
    return { problems, input, place: null, present: new Set(read.values.keys()) };
  },
  match(scope, row) {
    const input = row.input as FiguresRowInput;
    const stored = figuresOf(scope.ctx, input.organizationId, input.values.year);
    return stored ? { reason: 'existing', id: input.organizationId, name: input.organizationName, place: `năm ${input.values.year}`, row: null } : null;
  },
  fileKeys(row) {
    const input = row.input as FiguresRowInput;
    return [`figures:${input.organizationId}:${input.values.year}`];
  },
  create(scope, row) {
    const input = row.input as FiguresRowInput;
    if (figuresOf(scope.ctx, input.organizationId, input.values.year)) {
      throw conflict(`${input.organizationName} đã có số liệu năm ${input.values.year}; hãy chọn Cập nhật cho dòng này.`, input.organizationId);
    }
    saveFigures(scope.ctx, { organizationId: input.organizationId, ...input.values });
    return { entity: 'figures', entityId: input.organizationId, action: 'create', before: { year: input.values.year } };
  },
  update(scope, id, row) {
    const input = row.input as FiguresRowInput;
    const stored = figuresOf(scope.ctx, id, input.values.year);
    const patch = Object.fromEntries(figureFields.filter((field) => row.present.has(field) && input.values[field] != null).map((field) => [field, input.values[field]]));
    saveFigures(scope.ctx, { organizationId: id, year: input.values.year, ...patch });
    const before = changedColumns(figureValuesBefore(stored), figureValuesBefore(figuresOf(scope.ctx, id, input.values.year)));
    if (!before) return null;
    return { entity: 'figures', entityId: id, action: stored ? 'update' : 'create', before: { year: input.values.year, ...(stored ? before : {}) } };
  },
  changedSince(ctx, change, at) {
    const year = isRecord(change.before) && typeof change.before.year === 'number' ? change.before.year : null;
    if (year === null) return null;
    const stored = figuresOf(ctx, change.entityId, year);
    if (stored && stored.updatedAt > at) return `số liệu năm ${year} của ${organizationRow(ctx, change.entityId)?.name ?? ''}`;
    return null;
  },
  undo(ctx, change) {
    const before = isRecord(change.before) ? change.before : {};
    const year = typeof before.year === 'number' ? before.year : null;
    if (year === null || !figuresOf(ctx, change.entityId, year)) return;
    if (change.action === 'create') deleteFigures(ctx, change.entityId, year);
    else saveFigures(ctx, { organizationId: change.entityId, ...before, year });
  },
};

const productValuesSchema = productInput.omit({ organizationId: true, id: true });
type ProductValues = z.output<typeof productValuesSchema>;
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

const productsAdapter: KindAdapter = {
  prepare(scope, read, rowNumber) {
    const problems = [...read.problems];
    const organization = organizationOfRow(scope, read, rowNumber, problems);
    const parsed = productValuesSchema.safeParse({
      name: text(read, 'name'),
      productGroup: text(read, 'productGroup'),
      unit: text(read, 'unit'),
      volume: read.values.get('volume') ?? null,
      price: read.values.get('price') ?? null,
      note: text(read, 'note'),
    });
    if (!parsed.success) problems.push(...issuesAt(scope, parsed.error, rowNumber, (path) => path));
    const input: ProductRowInput | null = organization && parsed.success ? { organizationId: organization.id, organizationName: organization.name, values: parsed.data } : null;
    return { problems, input, place: null, present: new Set(read.values.keys()) };
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
  create(scope, row) {
    const input = row.input as ProductRowInput;
    const saved = saveProduct(scope.ctx, { organizationId: input.organizationId, ...input.values });
    return { entity: 'product', entityId: saved.id, action: 'create', before: null };
  },
  update(scope, id, row) {
    const input = row.input as ProductRowInput;
    const stored = scope.ctx.db.select().from(products).where(eq(products.id, id)).get();
    if (!stored) return null;
    const merged = productValuesOf(stored);
    for (const field of Object.keys(merged) as (keyof ProductValues)[]) {
      if (row.present.has(field) && !isBlank(input.values[field])) Object.assign(merged, { [field]: input.values[field] });
    }
    const before = changedColumns(productValuesOf(stored), merged);
    if (!before) return null;
    saveProduct(scope.ctx, { id, organizationId: stored.organizationId, ...merged });
    return { entity: 'product', entityId: id, action: 'update', before };
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

const partnerKindWords: Record<string, PartnerKind> = {
  'doanh nghiep': 'enterprise',
  'cong ty': 'enterprise',
  'cho dau moi': 'wholesale_market',
  'cho truyen thong': 'retail_outlet',
  'cua hang': 'retail_outlet',
  'diem ban': 'retail_outlet',
  'san thuong mai dien tu': 'online_channel',
  'san tmdt': 'online_channel',
  'thuong mai dien tu': 'online_channel',
  'don vi van chuyen': 'logistics',
  'van chuyen': 'logistics',
  logistics: 'logistics',
  'lien minh htx tinh ban': 'alliance',
  'lien minh htx': 'alliance',
  'lien minh hop tac xa': 'alliance',
  'co quan nha nuoc': 'state_agency',
};

function partnerKindOf(kindText: string, name: string): PartnerKind | undefined {
  if (kindText) {
    const folded = foldText(kindText);
    return (Object.hasOwn(partnerKindWords, folded) ? partnerKindWords[folded] : undefined) ?? partnerKinds.find((kind) => kind === kindText);
  }
  const folded = foldText(name);
  if (/^(cong ty|cty|ctcp|doanh nghiep|dntn)\b/.test(folded)) return 'enterprise';
  if (/^cho dau moi\b/.test(folded)) return 'wholesale_market';
  if (/^lien minh\b/.test(folded)) return 'alliance';
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
    confirmSimilarName: true,
  };
}

function partnerRow(ctx: Context, id: number): PartnerRow | undefined {
  return ctx.db.select().from(partners).where(eq(partners.id, id)).get();
}

const partnerTextFields = ['shortName', 'address', 'contactName', 'contactRole', 'phone', 'email', 'website', 'buys', 'qualityRequirements', 'note'] as const;

const partnersAdapter: KindAdapter = {
  prepare(scope, read, rowNumber) {
    const problems = [...read.problems];
    const provinceText = text(read, 'province');
    const province = provinceText ? scope.ctx.places.findProvince(provinceText) : undefined;
    if (provinceText && !province) {
      problems.push({ cell: cellRef(scope.columns, 'province', rowNumber), message: `Không có tỉnh, thành phố «${provinceText}» trong 34 tỉnh, thành phố hiện nay.` });
    }
    const kindText = text(read, 'kind');
    const kind = partnerKindOf(kindText, text(read, 'name'));
    if (!kind) {
      problems.push({
        cell: cellRef(scope.columns, 'kind', rowNumber),
        message: kindText ? `Loại đối tác «${kindText}» không rõ.` : 'Chưa rõ loại đối tác (Doanh nghiệp, Chợ đầu mối, Sàn thương mại điện tử…).',
      });
    }
    const candidate = {
      kind: kind ?? 'enterprise',
      name: text(read, 'name'),
      taxCode: text(read, 'taxCode'),
      provinceCode: province?.code ?? '',
      ...Object.fromEntries(partnerTextFields.map((field) => [field, text(read, field)])),
    };
    const parsed = partnerInput.safeParse(candidate);
    if (!parsed.success) {
      const issues = issuesAt(scope, parsed.error, rowNumber, (path) => (path === 'provinceCode' ? 'province' : path));
      problems.push(...issues.filter((issue) => !(provinceText && !province && issue.cell === cellRef(scope.columns, 'province', rowNumber))));
    }
    return { problems, input: parsed.success ? parsed.data : null, place: null, present: new Set(read.values.keys()) };
  },
  match(scope, row) {
    const input = row.input as ParsedPartnerInput;
    const { db } = scope.ctx;
    const provinceName = (code: string) => scope.ctx.places.province(code)?.fullName ?? '';
    if (input.taxCode) {
      const byNumber = db.select().from(partners).where(and(eq(partners.taxCode, input.taxCode), notInTrash(partners))).get();
      if (byNumber) return { reason: 'registrationNo', id: byNumber.id, name: byNumber.name, place: provinceName(byNumber.provinceCode), row: null };
    }
    const byName = db
      .select()
      .from(partners)
      .where(and(eq(partners.provinceCode, input.provinceCode), eq(partners.nameKey, partnerNameKey(input.name)), notInTrash(partners)))
      .get();
    return byName ? { reason: 'sameName', id: byName.id, name: byName.name, place: provinceName(byName.provinceCode), row: null } : null;
  },
  fileKeys(row) {
    const input = row.input as ParsedPartnerInput;
    return [...(input.taxCode ? [`tax:${input.taxCode}`] : []), `name:${input.provinceCode}:${partnerNameKey(input.name)}`];
  },
  create(scope, row) {
    const created = createPartner(scope.ctx, { ...(row.input as ParsedPartnerInput), confirmSimilarName: true });
    return { entity: 'partner', entityId: created.id, action: 'create', before: null };
  },
  update(scope, id, row) {
    const stored = partnerRow(scope.ctx, id);
    if (!stored || stored.deletedAt) return null;
    const incoming = row.input as ParsedPartnerInput;
    const merged = partnerInputOf(stored);
    const fields = new Set<keyof ParsedPartnerInput>([...row.present].map((key) => (key === 'province' ? 'provinceCode' : (key as keyof ParsedPartnerInput))));
    for (const field of fields) if (!isBlank(incoming[field])) Object.assign(merged, { [field]: incoming[field] });
    const before = changedColumns(partnerInputOf(stored) as unknown as Record<string, unknown>, merged as unknown as Record<string, unknown>);
    if (!before) return null;
    updatePartner(scope.ctx, { id, ...merged });
    return { entity: 'partner', entityId: id, action: 'update', before };
  },
  changedSince(ctx, change, at) {
    const row = partnerRow(ctx, change.entityId);
    if (!row) return null;
    const changed = auditedSince(ctx, 'partner', row.id, at) || (change.action === 'create' && referencedElsewhere(ctx, 'partners', row.id));
    return changed ? row.name : null;
  },
  undo(ctx, change) {
    const row = partnerRow(ctx, change.entityId);
    if (!row) return;
    if (change.action === 'create') {
      ctx.db.delete(partners).where(eq(partners.id, row.id)).run();
      ctx.db.insert(auditLog).values({ entity: 'partner', entityId: row.id, action: 'delete', at: ctx.clock().toISOString(), before: { name: row.name }, after: null }).run();
      return;
    }
    updatePartner(ctx, { id: row.id, ...partnerInputOf(row), ...(isRecord(change.before) ? change.before : {}) });
  },
};

export const kindAdapters: Record<ImportKind, KindAdapter> = {
  organizations: organizationsAdapter,
  figures: figuresAdapter,
  partners: partnersAdapter,
  products: productsAdapter,
};

