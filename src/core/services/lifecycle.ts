/**
 * Quá trình hoạt động: lifecycle events and the status they imply. An organization's status,
 * end date and (when not typed) founding date always follow from all its events in date order:
 * `recomputeLifecycle` derives them after every change, so they can never drift from the events.
 */
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import {
  conversionCarriedFields,
  type ConversionCarriedField,
  type ConversionCarryOver,
  type LifecycleEvent,
  type LifecycleParticipant,
  type lifecycleContract,
  type lifecycleRecordInput,
  type OrganizationLifecycleEvent,
  type RecordedLifecycleEvent,
} from '../../shared/contracts/lifecycle';
import type { Certification } from '../../shared/contracts/products';
import { lifecycleRoles, yearsLived } from '../../shared/domain';
import { organizationEndingNames, organizationKindNames, type OrganizationContact, type ParsedOrganizationInput } from '../../shared/contracts/organizations';
import type { LifecycleEventKind, LifecycleRole, OrganizationStatus } from '../../shared/domain';
import { AppFailure, conflict, notFound, validationFailure, type FieldIssue } from '../../shared/errors';
import { foldText, formatIsoDateVi, vietnameseCollator } from '../../shared/text';
import { organizationNameKey } from '../../shared/names';
import type { HistoryCause, HistoryChange, HistoryValue, RecordHistory } from '../../shared/records';
import { formatYears } from '../../shared/format';
import { goneMessage, recordChange } from '../records';
import { timestamp, todayIso, type Context } from '../context';
import { auditLog, lifecycleEvents, lifecycleParticipants, organizations, yearlyFigures } from '../db/schema';
import type { HandlersFor } from '../handlerTypes';
import { contactsOf, insertOrganization, requireOrganization, setContacts } from './organizations';
import { listProducts, saveCertification, saveProduct } from './products';
import { organizationSearchText } from './search';
import { atomically } from '../db/atomic';

type OrganizationRow = typeof organizations.$inferSelect;
type EventRow = typeof lifecycleEvents.$inferSelect;

const kindLabels: Record<LifecycleEventKind, string> = {
  founding: 'Thành lập',
  renaming: 'Đổi tên',
  suspension: 'Tạm ngừng',
  resumption: 'Hoạt động trở lại',
  split: 'Chia',
  separation: 'Tách',
  consolidation: 'Hợp nhất',
  merger: 'Sáp nhập',
  conversion: 'Chuyển đổi',
  dissolution: 'Giải thể',
  bankruptcy: 'Phá sản',
};

interface CountRule {
  min: number;
  max: number;
  message: string;
}

/** Who takes part in each kind of event; a missing entry means the kind has no such participant. */
interface KindRule {
  /** What to say when the subject is missing. */
  subject?: string;
  predecessors?: CountRule;
  successors?: CountRule;
}

const kindRules: Record<LifecycleEventKind, KindRule> = {
  founding: { subject: 'Chưa chọn tổ chức được thành lập.' },
  renaming: { subject: 'Chưa chọn tổ chức đổi tên.' },
  suspension: { subject: 'Chưa chọn tổ chức tạm ngừng hoạt động.' },
  resumption: { subject: 'Chưa chọn tổ chức hoạt động trở lại.' },
  split: {
    predecessors: { min: 1, max: 1, message: 'Chia: cần chọn đúng một tổ chức bị chia.' },
    successors: { min: 2, max: Infinity, message: 'Chia: cần ít nhất hai tổ chức được chia ra (chọn tổ chức có sẵn hoặc thêm mới).' },
  },
  separation: {
    subject: 'Chưa chọn tổ chức bị tách (tổ chức này vẫn tiếp tục hoạt động).',
    successors: { min: 1, max: Infinity, message: 'Tách: cần ít nhất một tổ chức được tách ra (chọn tổ chức có sẵn hoặc thêm mới).' },
  },
  consolidation: {
    predecessors: { min: 2, max: Infinity, message: 'Hợp nhất: cần chọn ít nhất hai tổ chức hợp nhất với nhau.' },
    successors: { min: 1, max: 1, message: 'Hợp nhất: cần đúng một tổ chức mới hình thành sau hợp nhất.' },
  },
  merger: {
    subject: 'Chưa chọn tổ chức nhận sáp nhập.',
    predecessors: { min: 1, max: Infinity, message: 'Sáp nhập: cần chọn ít nhất một tổ chức bị sáp nhập.' },
  },
  conversion: {
    predecessors: { min: 1, max: 1, message: 'Chuyển đổi: cần chọn đúng một tổ chức chuyển đổi.' },
    successors: { min: 1, max: 1, message: 'Chuyển đổi: cần đúng một tổ chức sau chuyển đổi (thêm mới hoặc chọn tổ chức có sẵn).' },
  },
  dissolution: { subject: 'Chưa chọn tổ chức giải thể.' },
  bankruptcy: { subject: 'Chưa chọn tổ chức phá sản.' },
};

/** The status an event leaves a participant in when it ends its existence, else null. */
function endingOf(kind: LifecycleEventKind, role: LifecycleRole): OrganizationStatus | null {
  if (role === 'predecessor') return 'reorganized';
  if (role === 'subject' && kind === 'dissolution') return 'dissolved';
  if (role === 'subject' && kind === 'bankruptcy') return 'bankrupt';
  return null;
}

interface HistoryItem {
  eventId: number;
  kind: LifecycleEventKind;
  date: string;
  role: LifecycleRole;
}

/** One organization's events in the order they happened (same day: the order they were recorded). */
function historyOf(ctx: Context, organizationId: number): HistoryItem[] {
  return ctx.db
    .select({ eventId: lifecycleEvents.id, kind: lifecycleEvents.kind, date: lifecycleEvents.date, role: lifecycleParticipants.role })
    .from(lifecycleParticipants)
    .innerJoin(lifecycleEvents, eq(lifecycleEvents.id, lifecycleParticipants.eventId))
    .where(eq(lifecycleParticipants.organizationId, organizationId))
    .orderBy(asc(lifecycleEvents.date), asc(lifecycleEvents.id))
    .all();
}

interface LifecycleState {
  status: OrganizationStatus;
  endedOn: string | null;
  /** The first founding or succession, which gives the founding date when none was typed. */
  startedOn: string | null;
}

function replay(history: readonly HistoryItem[]): LifecycleState {
  const state: LifecycleState = { status: 'active', endedOn: null, startedOn: null };
  for (const item of history) {
    if (item.role === 'successor' || (item.kind === 'founding' && item.role === 'subject')) state.startedOn ??= item.date;
    const ending = endingOf(item.kind, item.role);
    if (ending) {
      state.status = ending;
      state.endedOn = item.date;
    } else if (item.role === 'subject' && item.kind === 'suspension') {
      state.status = 'suspended';
    } else if (item.role === 'subject' && item.kind === 'resumption') {
      state.status = 'active';
    }
  }
  return state;
}

/**
 * Brings status, end date and — where none was typed — founding date of each organization in line
 * with all its events, and leaves an audit row for what changed, naming the event whose recording
 * or removal (`cause`) made the app change them.
 */
function recomputeLifecycle(ctx: Context, organizationIds: readonly number[], cause: HistoryCause, foundingUndone: ReadonlySet<number> = new Set()): void {
  for (const id of new Set(organizationIds)) {
    const row = ctx.db.select().from(organizations).where(eq(organizations.id, id)).get();
    if (!row) continue;
    const state = replay(historyOf(ctx, id));
    const current = { status: row.status, endedOn: row.endedOn, foundedOn: row.foundedOn };
    // A founding day a deleted event filled in goes with it, to the one other events give, if any.
    const foundedOn = foundingUndone.has(id) ? state.startedOn : (row.foundedOn ?? state.startedOn);
    const next = { status: state.status, endedOn: state.endedOn, foundedOn };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((key) => current[key] !== next[key]);
    if (changed.length === 0) continue;
    const at = timestamp(ctx);
    ctx.db.update(organizations).set({ ...next, updatedAt: at }).where(eq(organizations.id, id)).run();
    const pick = (values: typeof next) => Object.fromEntries(changed.map((key) => [key, values[key]]));
    recordChange(ctx, 'organization', id, 'update', pick(current), pick(next), cause);
  }
}

/** Sets a new name and everything derived from it, so search and duplicate checks see it. */
function setName(ctx: Context, row: OrganizationRow, name: string, at: string): void {
  const commune = ctx.places.commune(row.communeCode);
  ctx.db
    .update(organizations)
    .set({
      name,
      nameFolded: foldText(name),
      nameKey: organizationNameKey(name),
      searchText: organizationSearchText({
        name,
        shortName: row.shortName,
        registrationNo: row.registrationNo,
        communeName: commune?.name ?? '',
        oldAddress: row.oldAddress,
      }),
      updatedAt: at,
    })
    .where(eq(organizations.id, row.id))
    .run();
}

const rolePaths: Record<LifecycleRole, string> = {
  subject: 'subjectId',
  predecessor: 'predecessorIds',
  successor: 'successorIds',
};

/** Checks who takes part against the kind's rule, before anything is read or written. */
function checkShape(input: z.output<typeof lifecycleRecordInput>): void {
  const rule = kindRules[input.kind];
  const label = kindLabels[input.kind];
  const issues: FieldIssue[] = [];
  if (rule.subject && input.subjectId === null) issues.push({ path: 'subjectId', message: rule.subject });
  if (!rule.subject && input.subjectId !== null) {
    issues.push({ path: 'subjectId', message: `Sự kiện «${label}» không có tổ chức chính; hãy bỏ chọn.` });
  }
  const counts: [keyof KindRule & ('predecessors' | 'successors'), number, string, string][] = [
    ['predecessors', input.predecessorIds.length, 'predecessorIds', `Sự kiện «${label}» không có tổ chức tiền thân; hãy bỏ chọn.`],
    [
      'successors',
      input.successorIds.length + input.newSuccessors.length,
      'successorIds',
      `Sự kiện «${label}» không có tổ chức kế thừa; hãy bỏ chọn.`,
    ],
  ];
  for (const [key, n, path, none] of counts) {
    const countRule = rule[key];
    if (!countRule && n > 0) issues.push({ path, message: none });
    if (countRule && (n < countRule.min || n > countRule.max)) issues.push({ path, message: countRule.message });
  }
  if (input.kind === 'renaming' && input.newName === '') issues.push({ path: 'newName', message: 'Chưa nhập tên mới.' });
  if (input.kind !== 'renaming' && input.newName !== '') {
    issues.push({ path: 'newName', message: 'Chỉ sự kiện đổi tên mới có tên mới; hãy để trống.' });
  }
  // Two new organizations of one commune under one name would be one recorded twice.
  input.newSuccessors.forEach((successor, index) => {
    const key = organizationNameKey(successor.name);
    const twins = input.newSuccessors.flatMap((other, at) =>
      at !== index && other.communeCode === successor.communeCode && organizationNameKey(other.name) === key ? [String(at + 1)] : [],
    );
    if (twins.length) {
      issues.push({ path: `newSuccessors.${index}.name`, message: `Trùng tên với tổ chức mới ${twins.join(', ')} ở cùng xã, phường; mỗi tổ chức mới cần một tên riêng.` });
    }
  });
  const ids = [...(input.subjectId === null ? [] : [input.subjectId]), ...input.predecessorIds, ...input.successorIds];
  if (new Set(ids).size !== ids.length) {
    issues.push({ path: 'predecessorIds', message: 'Mỗi tổ chức chỉ được chọn một lần trong một sự kiện.' });
  }
  if (issues.length) throw validationFailure(issues);
}

/**
 * The years an organization has figures of that it would not exist in, ending on `endedOn`: its
 * year of ending and those after, by the statistics' rule (`yearsLived`, as `existsAtYearEnd`
 * counts) — they would drop out of every year's statistics without a word, as a founding day moved
 * later would drop the years before it (`foundingIssues`).
 */
function yearsWithFiguresAfter(ctx: Context, organizationId: number, endedOn: string): number[] {
  const { last } = yearsLived({ foundedOn: null, endedOn });
  if (last === null) return [];
  return ctx.db
    .select({ year: yearlyFigures.year })
    .from(yearlyFigures)
    .where(and(eq(yearlyFigures.organizationId, organizationId), gt(yearlyFigures.year, last)))
    .orderBy(asc(yearlyFigures.year))
    .all()
    .map((row) => row.year);
}

/**
 * Checks each existing participant against its own history: no part in an event before it was
 * founded or after it ended, no ending before events it still has or years of figures it has
 * (`yearsWithFiguresAfter`), suspension only when active,
 * resumption only when suspended.
 */
function checkHistory(ctx: Context, kind: LifecycleEventKind, date: string, participants: [OrganizationRow, LifecycleRole][]): void {
  const issues: FieldIssue[] = [];
  for (const [row, role] of participants) {
    const path = rolePaths[role];
    const history = historyOf(ctx, row.id);
    const before = replay(history.filter((item) => item.date <= date));
    if (before.endedOn !== null) {
      issues.push({
        path,
        message: `${row.name} đã chấm dứt hoạt động (${organizationEndingNames[before.status] ?? ''}) từ ngày ${formatIsoDateVi(before.endedOn)}; không thể ghi thêm sự kiện từ ngày đó trở đi.`,
      });
      continue;
    }
    // An organization takes part only in what happens once it exists; the event that founds it
    // (its founding, or a succession naming it) sets that date instead.
    const foundedByThis = role === 'successor' || (kind === 'founding' && role === 'subject');
    if (!foundedByThis && row.foundedOn !== null && row.foundedOn > date) {
      issues.push({
        path,
        message: `${row.name} thành lập ngày ${formatIsoDateVi(row.foundedOn)}, sau ngày ${formatIsoDateVi(date)} của sự kiện này; hãy kiểm tra lại ngày.`,
      });
      continue;
    }
    const later = history.find((item) => item.date > date);
    if (endingOf(kind, role) && later) {
      issues.push({
        path,
        message: `${row.name} còn sự kiện «${kindLabels[later.kind]}» ngày ${formatIsoDateVi(later.date)}, sau ngày này; hãy xóa sự kiện đó trước.`,
      });
    }
    const figuresAfter = endingOf(kind, role) ? yearsWithFiguresAfter(ctx, row.id, date) : [];
    if (figuresAfter.length) {
      issues.push({
        path,
        message:
          `${row.name} đã có số liệu hằng năm của năm ${formatYears(figuresAfter)}, nhưng sự kiện này chấm dứt hoạt động của tổ chức từ ngày ${formatIsoDateVi(date)}. ` +
          'Thống kê mỗi năm chỉ tính các tổ chức còn hoạt động đến ngày 31/12, nên các số liệu đó sẽ không còn được tính vào thống kê của năm nào. ' +
          'Nếu ngày này đúng, hãy xóa số liệu các năm đó ở thẻ Số liệu hằng năm trước; nếu không, hãy kiểm tra lại ngày.',
      });
    }
    if (role === 'subject' && kind === 'suspension' && before.status === 'suspended') {
      issues.push({ path, message: `${row.name} đang tạm ngừng hoạt động vào ngày ${formatIsoDateVi(date)}.` });
    }
    if (role === 'subject' && kind === 'resumption' && before.status !== 'suspended') {
      issues.push({
        path,
        message: `${row.name} không tạm ngừng hoạt động vào ngày ${formatIsoDateVi(date)}; hãy ghi sự kiện tạm ngừng trước.`,
      });
    }
  }
  if (issues.length) throw validationFailure(issues);
}

/** What the audit trail keeps of an event; a renaming keeps the name it replaced here. */
interface EventRecord {
  kind: LifecycleEventKind;
  date: string;
  decisionNo: string;
  note: string;
  oldName: string | null;
  newName: string | null;
  participants: { organizationId: number; role: LifecycleRole }[];
}

function participantsOf(ctx: Context, eventIds: number[]): Map<number, LifecycleParticipant[]> {
  const byEvent = new Map<number, LifecycleParticipant[]>();
  if (eventIds.length === 0) return byEvent;
  const rows = ctx.db
    .select({
      eventId: lifecycleParticipants.eventId,
      organizationId: organizations.id,
      name: organizations.name,
      kind: organizations.kind,
      role: lifecycleParticipants.role,
      deletedAt: organizations.deletedAt,
    })
    .from(lifecycleParticipants)
    .innerJoin(organizations, eq(organizations.id, lifecycleParticipants.organizationId))
    .where(inArray(lifecycleParticipants.eventId, eventIds))
    .all();
  rows.sort(
    (a, b) => lifecycleRoles.indexOf(a.role) - lifecycleRoles.indexOf(b.role) || vietnameseCollator.compare(a.name, b.name),
  );
  for (const { eventId, deletedAt, ...participant } of rows) {
    const list = byEvent.get(eventId) ?? [];
    list.push(deletedAt === null ? participant : { ...participant, inTrash: true });
    byEvent.set(eventId, list);
  }
  return byEvent;
}

function toEvents(ctx: Context, rows: EventRow[]): LifecycleEvent[] {
  const ids = rows.map((row) => row.id);
  const participants = participantsOf(ctx, ids);
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    date: row.date,
    decisionNo: row.decisionNo,
    note: row.note,
    oldName: row.oldName,
    newName: row.newName,
    participants: participants.get(row.id) ?? [],
    createdAt: row.createdAt,
  }));
}

/**
 * Creates a successor born of the event; its field errors point into `newSuccessors`. It may
 * carry the name of an organization this event ends (`ending`: a split's, consolidation's or
 * conversion's forebear), whose name is free from then on. A near-identical name of any other —
 * one that carries on, as the one a separation leaves, or one unrelated — is questioned, saying
 * which new organization it is about, to be confirmed as for a person's new organization.
 */
function createSuccessor(
  ctx: Context,
  input: z.output<typeof lifecycleRecordInput>['newSuccessors'][number],
  index: number,
  ending: ReadonlySet<number>,
): number {
  try {
    // The name of one the event ends is taken as confirmed, as if the person had seen it.
    return insertOrganization(ctx, { ...input, confirmedSimilarIds: [...input.confirmedSimilarIds, ...ending] }).id;
  } catch (error) {
    if (!(error instanceof AppFailure)) throw error;
    const failure = error.error;
    if (failure.kind === 'validation') {
      throw validationFailure(failure.issues.map((issue) => ({ ...issue, path: `newSuccessors.${index}.${issue.path}` })));
    }
    if (failure.kind !== 'conflict') throw error;
    throw conflict(`Tổ chức mới thứ ${String(index + 1)} («${input.name}»): ${failure.message}`, failure.existingId, failure.similar);
  }
}

/**
 * A conversion changes the kind, nothing else (a THT that registers as an HTX): one that keeps it
 * is a renaming, or no event at all.
 */
function checkConversion(input: z.output<typeof lifecycleRecordInput>, existing: readonly [OrganizationRow, LifecycleRole][]): void {
  const converted = existing.find(([, role]) => role === 'predecessor')?.[0];
  if (input.kind !== 'conversion' || !converted) return;
  const successor = existing.find(([, role]) => role === 'successor')?.[0];
  const [kind, path] = successor ? [successor.kind, 'successorIds'] : [input.newSuccessors[0]?.kind, 'newSuccessors.0.kind'];
  if (kind !== converted.kind) return;
  throw validationFailure([
    {
      path,
      message: `Tổ chức sau chuyển đổi vẫn là ${organizationKindNames[kind].toLowerCase()}, như ${converted.name}; chuyển đổi là đổi loại hình (chẳng hạn tổ hợp tác thành hợp tác xã). Chỉ đổi tên thì ghi sự kiện «Đổi tên».`,
    },
  ]);
}

type CarriedValues = Pick<OrganizationRow, ConversionCarriedField>;

/** What a conversion fills in of the organization after it, and what that one keeps of its own. */
interface Fill {
  values: Partial<CarriedValues>;
  fields: ConversionCarriedField[];
  kept: ConversionCarriedField[];
}

const isBlank = (value: unknown) => value === '' || value === null;

/**
 * The fields (`conversionCarriedFields`) of the organization after a conversion that the one
 * converted fills: those it lacks and the converted one has — nothing stored is overwritten. The
 * address only within one commune: a street or an old address names a place of its commune.
 * `kept`: those both have and tell apart, which stay as they are.
 */
function fillFrom(into: CarriedValues & Pick<OrganizationRow, 'communeCode'>, from: OrganizationRow): Fill {
  const fill: Fill = { values: {}, fields: [], kept: [] };
  for (const field of conversionCarriedFields) {
    if ((field === 'street' || field === 'oldAddress') && into.communeCode !== from.communeCode) continue;
    if (isBlank(from[field])) continue;
    if (isBlank(into[field])) {
      fill.values = { ...fill.values, [field]: from[field] };
      fill.fields.push(field);
    } else if (into[field] !== from[field]) {
      fill.kept.push(field);
    }
  }
  return fill;
}

/**
 * The organization a conversion forms, as the person described it, with what they left blank taken
 * from the one converted (`fillFrom`), its short name and flags too: the same people, place and
 * business under a new kind. Not its Mã số HTX (the new kind is registered anew), founding day (the
 * conversion's), yearly figures (those years were the old kind's) nor union links.
 */
function convertedInput(input: ParsedOrganizationInput, from: OrganizationRow): { input: ParsedOrganizationInput; fill: Fill } {
  const fill = fillFrom(input, from);
  const converted = {
    ...input,
    ...fill.values,
    shortName: input.shortName === '' ? from.shortName : input.shortName,
    highTech: input.highTech || from.highTech,
    valueChain: input.valueChain || from.valueChain,
  };
  // What the person typed is theirs to have chosen, not something kept back.
  return { input: converted, fill: { ...fill, kept: [] } };
}

/**
 * Fills what an organization already in the register lacks from the one converted into it
 * (`fillFrom`), in its history as carried over by the conversion (`cause`). Its name, short name
 * and flags are its own: a «no» stored cannot be told from one never said.
 */
function fillExisting(ctx: Context, into: OrganizationRow, from: OrganizationRow, cause: HistoryCause): Fill {
  const fill = fillFrom(into, from);
  if (fill.fields.length === 0) return fill;
  const after = { ...into, ...fill.values };
  ctx.db
    .update(organizations)
    .set({
      ...fill.values,
      searchText: organizationSearchText({
        name: after.name,
        shortName: after.shortName,
        registrationNo: after.registrationNo,
        communeName: ctx.places.commune(after.communeCode)?.name ?? '',
        oldAddress: after.oldAddress,
      }),
      updatedAt: timestamp(ctx),
    })
    .where(eq(organizations.id, into.id))
    .run();
  const pick = (row: OrganizationRow) => Object.fromEntries(fill.fields.map((field) => [field, row[field]]));
  recordChange(ctx, 'organization', into.id, 'update', pick(into), pick(after), cause);
  return fill;
}

/**
 * The contact people, products and certificates of a converted organization that the one after the
 * conversion lacks, copied to it, each in its history as carried over by the conversion (`cause`),
 * no edit of a person's: they are the same people making the same goods, and a certificate stays
 * as it was issued, until its expiry. A person, a product (by name) or a certificate of the
 * organization (by kind and number) it has already is left as it has it.
 */
function carryOver(ctx: Context, fromId: number, toId: number, cause: HistoryCause): Pick<ConversionCarryOver, 'contacts' | 'products' | 'certifications'> {
  const withoutId = ({ id: _id, ...person }: OrganizationContact) => person;
  const own = contactsOf(ctx, toId).map(withoutId);
  const ownPeople = new Set(own.map((person) => foldText(person.name)));
  const people = contactsOf(ctx, fromId)
    .map(withoutId)
    .filter((person) => !ownPeople.has(foldText(person.name)));
  if (people.length) setContacts(ctx, { organizationId: toId, contacts: [...own, ...people] }, cause);

  const theirs = listProducts(ctx, toId);
  const ownProducts = new Set(theirs.products.map((product) => foldText(product.name)));
  const certificateKey = (certificate: Certification) => `${certificate.kindCode}|${foldText(certificate.number)}`;
  const ownCertificates = new Set(theirs.generalCertifications.map(certificateKey));
  const { products, generalCertifications } = listProducts(ctx, fromId);
  let certifications = 0;
  const copy = (certificate: Certification, productId: number | null) => {
    const { id: _id, organizationId: _from, kindName: _name, productId: _product, ...values } = certificate;
    saveCertification(ctx, { ...values, organizationId: toId, productId }, cause);
    certifications += 1;
  };
  const missing = products.filter((product) => !ownProducts.has(foldText(product.name)));
  for (const { id: _id, organizationId: _from, certifications: certificates, ...product } of missing) {
    const copied = saveProduct(ctx, { ...product, organizationId: toId }, cause);
    for (const certificate of certificates) copy(certificate, copied.id);
  }
  for (const certificate of generalCertifications.filter((one) => !ownCertificates.has(certificateKey(one)))) copy(certificate, null);
  return { contacts: people.length, products: missing.length, certifications };
}

export function recordEvent(ctx: Context, input: z.output<typeof lifecycleRecordInput>): RecordedLifecycleEvent {
  checkShape(input);
  // Every event takes effect as it is recorded (status, end date, successors): one dated ahead
  // would end an organization today, months before its decision does.
  const today = todayIso(ctx);
  if (input.date > today) {
    throw validationFailure([
      { path: 'date', message: `Ngày của sự kiện không được sau hôm nay (${formatIsoDateVi(today)}); hãy ghi nhận khi quyết định có hiệu lực.` },
    ]);
  }
  return atomically(ctx.db, () => {
    const existing: [OrganizationRow, LifecycleRole][] = [
      ...(input.subjectId === null ? [] : [input.subjectId]).map((id): [OrganizationRow, LifecycleRole] => [requireOrganization(ctx, id), 'subject']),
      ...input.predecessorIds.map((id): [OrganizationRow, LifecycleRole] => [requireOrganization(ctx, id), 'predecessor']),
      ...input.successorIds.map((id): [OrganizationRow, LifecycleRole] => [requireOrganization(ctx, id), 'successor']),
    ];
    checkHistory(ctx, input.kind, input.date, existing);
    checkConversion(input, existing);
    const converted = input.kind === 'conversion' ? existing.find(([, role]) => role === 'predecessor')?.[0] : undefined;
    const subject = existing.find(([, role]) => role === 'subject')?.[0];
    if (input.kind === 'renaming' && subject?.name === input.newName) {
      throw validationFailure([{ path: 'newName', message: `Tên mới trùng với tên hiện tại «${subject.name}».` }]);
    }

    const cause: HistoryCause = { lifecycle: 'recorded', kind: input.kind, date: input.date };
    let carriedOver: ConversionCarryOver | null = null;
    /** What the organization after the conversion took over says so in its history, naming both. */
    const carried = (from: OrganizationRow, into: { name: string }): HistoryCause => ({ lifecycle: 'carriedOver', kind: input.kind, date: input.date, from: from.name, into: into.name });
    /** What `into`, the organization after the conversion, took over (`fill`, then `carryOver`). */
    const reportCarry = (from: OrganizationRow, into: { id: number; name: string }, fill: Fill) => {
      carriedOver = { name: into.name, from: from.name, fields: fill.fields, kept: fill.kept, ...carryOver(ctx, from.id, into.id, carried(from, into)) };
    };
    const participants = [
      ...existing.map(([row, role]) => ({ organizationId: row.id, role })),
      ...input.newSuccessors.map((successor, index) => {
        const formed = converted ? convertedInput(successor, converted) : null;
        const organizationId = createSuccessor(ctx, formed?.input ?? successor, index, new Set(input.predecessorIds));
        if (converted && formed) reportCarry(converted, { id: organizationId, name: successor.name }, formed.fill);
        return { organizationId, role: 'successor' as const };
      }),
    ];
    const into = converted ? existing.find(([, role]) => role === 'successor')?.[0] : undefined;
    if (converted && into) reportCarry(converted, into, fillExisting(ctx, into, converted, carried(converted, into)));
    const at = timestamp(ctx);
    const oldName = input.kind === 'renaming' && subject ? subject.name : null;
    const event = ctx.db
      .insert(lifecycleEvents)
      .values({
        kind: input.kind,
        date: input.date,
        decisionNo: input.decisionNo,
        oldName,
        newName: input.kind === 'renaming' ? input.newName : null,
        note: input.note,
        createdAt: at,
      })
      .returning()
      .get();
    ctx.db
      .insert(lifecycleParticipants)
      .values(participants.map((participant) => ({ eventId: event.id, ...participant })))
      .run();

    if (subject && oldName !== null) setName(ctx, subject, input.newName, at);
    const record: EventRecord = {
      kind: event.kind,
      date: event.date,
      decisionNo: event.decisionNo,
      note: event.note,
      oldName,
      newName: event.newName,
      participants,
    };
    recordChange(ctx, 'lifecycle_event', event.id, 'create', null, record);
    for (const { organizationId, role } of participants) {
      const lifecycle = { eventId: event.id, kind: event.kind, date: event.date, decisionNo: event.decisionNo, role };
      const renamed = oldName !== null && role === 'subject';
      recordChange(ctx, 'organization', organizationId, 'update', renamed ? { lifecycle: null, name: oldName } : { lifecycle: null }, renamed ? { lifecycle, name: input.newName } : { lifecycle });
    }
    recomputeLifecycle(
      ctx,
      participants.map((participant) => participant.organizationId),
      cause,
    );
    const [view] = toEvents(ctx, [event]);
    if (!view) throw new Error(`lifecycle event ${event.id} vanished inside its own transaction`);
    return { ...view, carriedOver };
  });
}

export function listEvents(ctx: Context, organizationId: number): OrganizationLifecycleEvent[] {
  const row = ctx.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, organizationId)).get();
  if (!row) throw notFound(goneMessage('tổ chức'));
  const own = ctx.db
    .select({ event: lifecycleEvents, role: lifecycleParticipants.role })
    .from(lifecycleParticipants)
    .innerJoin(lifecycleEvents, eq(lifecycleEvents.id, lifecycleParticipants.eventId))
    .where(eq(lifecycleParticipants.organizationId, organizationId))
    .orderBy(asc(lifecycleEvents.date), asc(lifecycleEvents.id))
    .all();
  const events = toEvents(
    ctx,
    own.map(({ event }) => event),
  );
  return events.map((event, index) => ({ ...event, role: own[index]?.role ?? 'subject' }));
}

export function deleteEvent(ctx: Context, eventId: number): null {
  return atomically(ctx.db, () => {
    const event = ctx.db.select().from(lifecycleEvents).where(eq(lifecycleEvents.id, eventId)).get();
    if (!event) throw notFound(goneMessage('sự kiện'));
    const [view] = toEvents(ctx, [event]);
    if (!view) throw new Error(`lifecycle event ${eventId} has no view`);
    const at = timestamp(ctx);

    const subject = view.participants.find((participant) => participant.role === 'subject');
    let restoredName: string | null = null;
    if (event.kind === 'renaming' && subject) {
      // Names form a chain: undoing one in the middle would leave the next renaming's old name wrong.
      const later = historyOf(ctx, subject.organizationId).find(
        (item) => item.kind === 'renaming' && (item.date > event.date || (item.date === event.date && item.eventId > event.id)),
      );
      if (later) {
        throw conflict(`${subject.name} còn lần đổi tên sau (ngày ${formatIsoDateVi(later.date)}); hãy xóa lần đổi tên đó trước.`);
      }
      const row = requireOrganization(ctx, subject.organizationId);
      // Only undo the name if nobody has changed it since; a later hand edit wins.
      if (view.oldName && row.name === event.newName) {
        setName(ctx, row, view.oldName, at);
        restoredName = view.oldName;
      }
    }

    // The founding days the event filled in: recomputing takes them back, with an entry in each one's history.
    const founded = view.participants
      .filter((participant) => participant.role === 'successor' || (event.kind === 'founding' && participant.role === 'subject'))
      .map((participant) => participant.organizationId);
    const foundingUndone = new Set(
      ctx.db
        .select({ id: organizations.id })
        .from(organizations)
        .where(and(inArray(organizations.id, founded), eq(organizations.foundedOn, event.date)))
        .all()
        .map((row) => row.id),
    );
    ctx.db.delete(lifecycleEvents).where(eq(lifecycleEvents.id, eventId)).run();

    recordChange(ctx, 'lifecycle_event', eventId, 'delete', view, null);
    for (const { organizationId, role } of view.participants) {
      const lifecycle = { eventId, kind: event.kind, date: event.date, decisionNo: event.decisionNo, role };
      const renamed = restoredName !== null && role === 'subject';
      recordChange(ctx, 'organization', organizationId, 'update', renamed ? { lifecycle, name: event.newName } : { lifecycle }, renamed ? { lifecycle: null, name: restoredName } : { lifecycle: null });
    }
    recomputeLifecycle(
      ctx,
      view.participants.map((participant) => participant.organizationId),
      { lifecycle: 'removed', kind: event.kind, date: event.date },
      foundingUndone,
    );
    return null;
  });
}

/** The event a lifecycle line of an organization's audit trail names (`{ eventId, kind, date, decisionNo, role }`). */
function eventIdOf(value: HistoryValue): number | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof value.eventId === 'number' ? value.eventId : undefined;
}

/** The participants, by name and role, of the events given: as they take part now, or as a deleted one's deletion recorded them. */
function participantsByEvent(ctx: Context, eventIds: number[]): Map<number, Pick<LifecycleParticipant, 'organizationId' | 'name' | 'role'>[]> {
  const found: Map<number, Pick<LifecycleParticipant, 'organizationId' | 'name' | 'role'>[]> = participantsOf(ctx, eventIds);
  const gone = eventIds.filter((id) => !found.has(id));
  if (gone.length === 0) return found;
  const deletions = ctx.db
    .select({ eventId: auditLog.entityId, before: auditLog.before })
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'lifecycle_event'), inArray(auditLog.entityId, gone), eq(auditLog.action, 'delete')))
    .all();
  for (const { eventId, before } of deletions) {
    const participants = (before as Partial<LifecycleEvent> | null)?.participants;
    if (Array.isArray(participants)) found.set(eventId, participants);
  }
  return found;
}

/**
 * An organization's Lịch sử thay đổi with, on each of its lifecycle lines, the other organizations
 * of that event and their roles (`counterparts`), so that the line can say which side it was on:
 * «Sáp nhập vào HTX B» in A's history, «Nhận sáp nhập HTX A» in B's. The line keeps the event's id
 * and the organization's own role; the others are read from the event, or, for one deleted since,
 * from what its deletion recorded.
 */
export function withLifecycleCounterparts(ctx: Context, organizationId: number, history: RecordHistory): RecordHistory {
  const isLifecycle = (change: HistoryChange) => change.field === 'lifecycle';
  const eventIds = [
    ...new Set(
      history.entries
        .flatMap((entry) => entry.changes.filter(isLifecycle))
        .flatMap((change) => [eventIdOf(change.before), eventIdOf(change.after)])
        .filter((id) => id !== undefined),
    ),
  ];
  if (eventIds.length === 0) return history;
  const participants = participantsByEvent(ctx, eventIds);
  const withOthers = (value: HistoryValue): HistoryValue => {
    const others = participants.get(eventIdOf(value) ?? 0)?.filter((participant) => participant.organizationId !== organizationId);
    if (!others?.length || typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    return { ...value, counterparts: others.map(({ name, role }) => ({ name, role })) };
  };
  return {
    ...history,
    entries: history.entries.map((entry) => ({
      ...entry,
      changes: entry.changes.map((change) => (isLifecycle(change) ? { ...change, before: withOthers(change.before), after: withOthers(change.after) } : change)),
    })),
  };
}

export const lifecycleHandlers: HandlersFor<typeof lifecycleContract> = {
  'lifecycle:record': (ctx, input) => recordEvent(ctx, input),
  'lifecycle:list': (ctx, { organizationId }) => listEvents(ctx, organizationId),
  'lifecycle:delete': (ctx, { eventId }) => deleteEvent(ctx, eventId),
};
