/**
 * Trade-promotion events (sự kiện xúc tiến thương mại) and their participants (Thành phần tham
 * dự): member organizations and partners, each with a role and an attendance status. Attendance is
 * mostly ticked after the event from a paper sign-in sheet, so it is set in bulk, and a pasted sheet
 * is read line by line against the participants' names. Events go to the trash when deleted; every
 * change leaves an audit row on the event.
 */
import { and, asc, count, desc, eq, gt, gte, inArray, lt, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type AttendanceMarked,
  type CounterpartEvent,
  type DeletedEvent,
  type EventDetail,
  type EventParticipant,
  type EventSummary,
  type ParsedEventInput,
  type ParticipantKind,
  type ParticipantChange,
  type ParticipantsAdded,
  type ParticipantState,
  type SignInCandidate,
  type SignInLine,
  type SignInNewcomer,
  type attendanceInput,
  type eventListInput,
  type eventsContract,
  type eventUpdateInput,
  type participantAddInput,
  type participantUpdateInput,
  type signInMatchInput,
} from '../../shared/contracts/events';
import { DEFAULT_PARTICIPANT_ROLE, type Page, type ParticipantRole, type ParticipantStatus } from '../../shared/domain';
import { notFound, validationFailure, type FieldIssue } from '../../shared/errors';
import { cleanText, foldText, formatIsoDateVi, vietnameseCollator } from '../../shared/text';
import { closestFirst, nameCloseness, searchCloseness } from '../../shared/closeness';
import { nameWords, organizationNameKey, partnerNameKey } from '../../shared/names';
import { timestamp, todayIso, type Context } from '../context';
import { cameToEvent, countedParticipant, notInTrash } from '../db/predicates';
import { eventParticipants, events, organizations, partners } from '../db/schema';
import { eventLookupIssue, eventLookupNames, getEventLookups, isOnlineKind, requireEventLookup, saveEventLookup } from './eventLookups';
import { moveToTrash, recordChange, requireLive, restoreFromTrash, trashPage, type RecordSpec, type Snapshot } from '../records';
import type { HandlersFor } from '../handlerTypes';
import { endedRefusal } from './organizations';
import { closenessOrder, foldedTextCondition, nearReadings, searchCondition, textOrPhoneCondition } from './search';
import { atomically } from '../db/atomic';
import { refuseUnconfirmed, titledInSentence } from './duplicates';
import { looksLikeUnit, placeAfterByname, readSignInSheet, spellsOut, type UnitNaming } from './signInSheet';
import { among } from '../db/prepared';

type EventRow = typeof events.$inferSelect;
type ParticipantRow = typeof eventParticipants.$inferSelect;
type ListInput = z.output<typeof eventListInput>;

function provinceName(ctx: Context, code: string | null): string {
  return code === null ? '' : (ctx.places.province(code)?.fullName ?? '');
}

/** Events as the record machinery handles them: audit trail, trash and history. */
export const eventRecords: RecordSpec<typeof events> = {
  kind: 'event',
  table: events,
  noun: 'sự kiện',
  snapshot: (_ctx, row) => eventSnapshot(row),
  nameOf: (ctx, field, value) => {
    if (typeof value !== 'string') return undefined;
    if (field === 'provinceCode') return provinceName(ctx, value);
    return field === 'kind' ? eventLookupNames(ctx, 'kinds').get(value) : undefined;
  },
};

/** The event's row, or a plain message when it does not exist or is in the trash. */
function requireEvent(ctx: Context, id: number): EventRow {
  return requireLive(ctx, eventRecords, id);
}

interface ParticipantCounts {
  organizationCount: number;
  partnerCount: number;
  attendedCount: number;
}

/**
 * Participant counts of the given events, read in one grouped query; who came by the one rule the
 * reports count by (`cameToEvent`), so that a Có mặt stored before the event began is not one.
 */
function countsOf(ctx: Context, eventIds: number[]): Map<number, ParticipantCounts> {
  if (eventIds.length === 0) return new Map();
  const rows = ctx.db
    .select({
      eventId: eventParticipants.eventId,
      organizationCount: sql<number>`count(${eventParticipants.organizationId})`,
      partnerCount: sql<number>`count(${eventParticipants.partnerId})`,
      attendedCount: sql<number>`sum(${cameToEvent(eventParticipants, events, todayIso(ctx))})`,
    })
    .from(eventParticipants)
    .innerJoin(events, eq(events.id, eventParticipants.eventId))
    .where(and(inArray(eventParticipants.eventId, eventIds), countedParticipant(eventParticipants)))
    .groupBy(eventParticipants.eventId)
    .all();
  return new Map(rows.map(({ eventId, ...counts }) => [eventId, counts]));
}

const noParticipants: ParticipantCounts = { organizationCount: 0, partnerCount: 0, attendedCount: 0 };

function toSummary(ctx: Context, row: EventRow, counts: ParticipantCounts = noParticipants): EventSummary {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    startsOn: row.startsOn,
    startsAt: row.startsAt,
    endsOn: row.endsOn,
    venue: row.venue,
    provinceCode: row.provinceCode,
    provinceName: provinceName(ctx, row.provinceCode),
    organizer: row.organizer,
    budget: row.budget,
    ...counts,
  };
}

function summaryOf(ctx: Context, row: EventRow): EventSummary {
  return toSummary(ctx, row, countsOf(ctx, [row.id]).get(row.id));
}

/** What the audit trail keeps of an event: every field of Lịch sử thay đổi. */
function eventSnapshot(row: EventRow): Snapshot {
  return {
    kind: row.kind,
    title: row.title,
    startsOn: row.startsOn,
    startsAt: row.startsAt,
    endsOn: row.endsOn,
    venue: row.venue,
    provinceCode: row.provinceCode,
    organizer: row.organizer,
    coOrganizers: row.coOrganizers,
    budget: row.budget,
    description: row.description,
    outcome: row.outcome,
  };
}

// ---------------------------------------------------------------------------------------------
// Listing

function filterConditions(ctx: Context, input: ListInput): SQL[] {
  const today = todayIso(ctx);
  const conditions: (SQL | undefined)[] = [notInTrash(events), foldedTextCondition(events.searchText, input.search)];
  if (input.kind) conditions.push(eq(events.kind, input.kind));
  if (input.provinceCode) conditions.push(eq(events.provinceCode, input.provinceCode));
  // An event belongs to a period when it overlaps it: a fair of 28/12 to 02/01 is in both years.
  if (input.year !== undefined) {
    conditions.push(lte(events.startsOn, `${input.year}-12-31`), gte(events.endsOn, `${input.year}-01-01`));
  }
  if (input.from) conditions.push(gte(events.endsOn, input.from));
  if (input.to) conditions.push(lte(events.startsOn, input.to));
  if (input.when === 'upcoming') conditions.push(gte(events.endsOn, today));
  if (input.when === 'past') conditions.push(lt(events.endsOn, today));
  return conditions.filter((condition): condition is SQL => condition !== undefined);
}

/** One page of events, newest first unless asked otherwise. */
export function listEvents(ctx: Context, input: ListInput): Page<EventSummary> {
  const where = and(...filterConditions(ctx, input));
  const direction = input.sort.direction === 'asc' ? asc : desc;
  const order =
    input.sort.by === 'title'
      ? [direction(events.titleFolded), direction(events.startsOn), direction(events.id)]
      : [direction(events.startsOn), direction(events.titleFolded), direction(events.id)];
  const total = ctx.db.select({ value: count() }).from(events).where(where).get()?.value ?? 0;
  const ids = ctx.db
    .select({ id: events.id })
    .from(events)
    .where(where)
    .orderBy(...order)
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all()
    .map((row) => row.id);
  if (ids.length === 0) return { rows: [], total };
  const byId = new Map(ctx.db.select().from(events).where(inArray(events.id, ids)).all().map((row) => [row.id, row]));
  const counts = countsOf(ctx, ids);
  const rows = ids
    .map((id) => byId.get(id))
    .filter((row): row is EventRow => row !== undefined)
    .map((row) => toSummary(ctx, row, counts.get(row.id)));
  return { rows, total };
}

// ---------------------------------------------------------------------------------------------
// One event

/** Participants with the names and kinds of who they are, organizations first, then partners. */
function participantsOf(ctx: Context, where: SQL): EventParticipant[] {
  const rows = ctx.db
    .select({
      participant: eventParticipants,
      organizationName: organizations.name,
      organizationKind: organizations.kind,
      communeCode: organizations.communeCode,
      partnerName: partners.name,
      partnerKind: partners.kind,
      partnerProvinceCode: partners.provinceCode,
      organizationStatus: organizations.status,
      endedOn: organizations.endedOn,
      eventStartsOn: events.startsOn,
      inTrash: sql<number>`coalesce(${organizations.deletedAt}, ${partners.deletedAt}) IS NOT NULL`,
    })
    .from(eventParticipants)
    .innerJoin(events, eq(events.id, eventParticipants.eventId))
    .leftJoin(organizations, eq(organizations.id, eventParticipants.organizationId))
    .leftJoin(partners, eq(partners.id, eventParticipants.partnerId))
    .where(where)
    .all();
  const list = rows.map(({ participant, inTrash, organizationStatus, endedOn, eventStartsOn, ...joined }): EventParticipant => {
    const isOrganization = participant.organizationId !== null;
    const name = (isOrganization ? joined.organizationName : joined.partnerName) ?? '';
    return {
      id: participant.id,
      kind: isOrganization ? 'organization' : 'partner',
      counterpartId: participant.organizationId ?? participant.partnerId ?? 0,
      name,
      organizationKind: isOrganization ? joined.organizationKind : null,
      partnerKind: isOrganization ? null : joined.partnerKind,
      place: isOrganization
        ? (ctx.places.commune(joined.communeCode ?? '')?.fullName ?? '')
        : provinceName(ctx, joined.partnerProvinceCode),
      role: participant.role,
      status: participant.status,
      representative: participant.representative,
      note: participant.note,
      inTrash: Boolean(inTrash),
      ended:
        endedOn === null || organizationStatus === null
          ? null
          : { status: organizationStatus, endedOn, beforeEvent: endedRefusal({ name, endedOn }, eventStartsOn) !== null },
    };
  });
  return list.sort(
    (a, b) => (a.kind === b.kind ? 0 : a.kind === 'organization' ? -1 : 1) || vietnameseCollator.compare(a.name, b.name),
  );
}

export function getEvent(ctx: Context, id: number): EventDetail {
  const row = requireEvent(ctx, id);
  return {
    ...summaryOf(ctx, row),
    notYetHeld: row.startsOn > todayIso(ctx),
    coOrganizers: row.coOrganizers,
    description: row.description,
    outcome: row.outcome,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    participants: participantsOf(ctx, eq(eventParticipants.eventId, id)),
  };
}

/**
 * The kind must be in the lookup and in use (or the one the event already has: `keptKind`); the
 * province must be one of the 34, and is required unless the kind is held online, which has none.
 */
function columnsFor(ctx: Context, input: ParsedEventInput, keptKind?: string) {
  requireEventLookup(ctx, 'kinds', input.kind, 'kind', keptKind);
  const online = isOnlineKind(ctx, input.kind);
  const provinceCode = online ? null : input.provinceCode;
  if (!online && provinceCode === null) {
    throw validationFailure([{ path: 'provinceCode', message: 'Chưa chọn tỉnh, thành phố nơi tổ chức sự kiện.' }]);
  }
  if (provinceCode !== null && !ctx.places.province(provinceCode)) {
    throw validationFailure([{ path: 'provinceCode', message: `Không có tỉnh, thành phố mã ${provinceCode}.` }]);
  }
  return {
    kind: input.kind,
    title: input.title,
    titleFolded: foldText(input.title),
    searchText: foldText([input.title, input.venue, input.organizer, input.coOrganizers].join(' ')),
    startsOn: input.startsOn,
    startsAt: input.startsAt,
    endsOn: input.endsOn ?? input.startsOn,
    venue: input.venue,
    provinceCode,
    organizer: input.organizer,
    coOrganizers: input.coOrganizers,
    budget: input.budget,
    description: input.description,
    outcome: input.outcome,
  };
}

/**
 * Refuses, as a conflict naming them, a save that may enter again an event already there: those of
 * the same kind, starting the same day, of the same name written with or without diacritics
 * (`titleFolded`), each told apart by where it is held. The person may confirm it is another than
 * each («Vẫn lưu», `refuseUnconfirmed`), as for an offer or a partner.
 */
function refuseDuplicateEvent(ctx: Context, columns: Pick<EventRow, 'kind' | 'startsOn' | 'titleFolded'>, confirmedIds: readonly number[], excludeId?: number): void {
  const found = ctx.db
    .select({ id: events.id, title: events.title, venue: events.venue, provinceCode: events.provinceCode })
    .from(events)
    .where(
      and(
        eq(events.kind, columns.kind),
        eq(events.startsOn, columns.startsOn),
        eq(events.titleFolded, columns.titleFolded),
        notInTrash(events),
        excludeId === undefined ? undefined : ne(events.id, excludeId),
      ),
    )
    .orderBy(asc(events.id))
    .all();
  if (found.length === 0) return;
  const kind = eventLookupNames(ctx, 'kinds').get(columns.kind) ?? columns.kind;
  refuseUnconfirmed(
    found.map((row) => ({ id: row.id, name: row.title, detail: [row.venue, provinceName(ctx, row.provinceCode)].filter((part) => part !== '').join(', ') || 'chưa ghi địa điểm' })),
    confirmedIds,
    {
      noun: 'sự kiện',
      message: (counted, named) =>
        `Có thể trùng với ${counted} đã ghi cùng loại (${kind}), bắt đầu cùng ngày ${formatIsoDateVi(columns.startsOn)}: ${named}. Nếu đúng là sự kiện khác, hãy xác nhận để lưu.`,
      inSentence: titledInSentence,
    },
  );
}

export function createEvent(ctx: Context, input: ParsedEventInput): EventSummary {
  const columns = columnsFor(ctx, input);
  return atomically(ctx.db, () => {
    refuseDuplicateEvent(ctx, columns, input.confirmedSimilarIds);
    const now = timestamp(ctx);
    const row = ctx.db
      .insert(events)
      .values({ ...columns, createdAt: now, updatedAt: now })
      .returning()
      .get();
    recordChange(ctx, 'event', row.id, 'create', null, eventSnapshot(row));
    return toSummary(ctx, row);
  });
}

/**
 * Refuses moving an event to a later day past the end of member organizations taking part, by the
 * rule that admits them (`endedRefusal`), naming them all. Only those the move involves anew: one
 * that had ended by the day already stored (entered before the rule, or ended since by an
 * earlier-dated decision) does not stop the event from being saved.
 */
function refuseEndedByMove(ctx: Context, before: EventRow, startsOn: string): void {
  if (startsOn <= before.startsOn) return;
  const refusals = ctx.db
    .select({ name: organizations.name, endedOn: organizations.endedOn })
    .from(eventParticipants)
    .innerJoin(organizations, eq(organizations.id, eventParticipants.organizationId))
    .where(and(eq(eventParticipants.eventId, before.id), gt(organizations.endedOn, before.startsOn)))
    .orderBy(organizations.nameFolded)
    .all()
    .map((unit) => endedRefusal(unit, startsOn))
    .filter((refusal) => refusal !== null);
  if (refusals.length === 0) return;
  const them = refusals.length > 1 ? 'các đơn vị này' : 'đơn vị này';
  throw validationFailure([
    {
      path: 'startsOn',
      message: `Thành phần tham dự có đơn vị không còn hoạt động vào ngày ${formatIsoDateVi(startsOn)}: ${refusals.join(' ')} Hãy giữ ngày cũ, hoặc bỏ ${them} khỏi thành phần tham dự trước khi đổi ngày.`,
    },
  ]);
}

export function updateEvent(ctx: Context, { id, ...input }: z.output<typeof eventUpdateInput>): EventSummary {
  return atomically(ctx.db, () => {
    const before = requireEvent(ctx, id);
    const columns = columnsFor(ctx, input, before.kind);
    refuseEndedByMove(ctx, before, columns.startsOn);
    // A pair confirmed once, or an event left as it was, is not asked about again.
    const moved = columns.kind !== before.kind || columns.startsOn !== before.startsOn || columns.titleFolded !== before.titleFolded;
    if (moved) refuseDuplicateEvent(ctx, columns, input.confirmedSimilarIds, id);
    const now = timestamp(ctx);
    const after = ctx.db
      .update(events)
      .set({ ...columns, updatedAt: now })
      .where(eq(events.id, id))
      .returning()
      .get();
    recordChange(ctx, 'event', id, 'update', eventSnapshot(before), eventSnapshot(after));
    return summaryOf(ctx, after);
  });
}

/** Moves an event to the trash; its participants stay for a restore. */
export function deleteEvent(ctx: Context, id: number): null {
  return moveToTrash(ctx, eventRecords, id);
}

export function restoreEvent(ctx: Context, id: number): EventSummary {
  return summaryOf(ctx, restoreFromTrash(ctx, eventRecords, id));
}

/** Thùng rác: deleted events, most recently deleted first. */
export function listEventTrash(ctx: Context, input: { page: number; pageSize: number }): Page<DeletedEvent> {
  const { rows, total } = trashPage(ctx, eventRecords, input);
  const counts = countsOf(
    ctx,
    rows.map((row) => row.id),
  );
  return { rows: rows.map((row) => ({ ...toSummary(ctx, row, counts.get(row.id)), deletedAt: row.deletedAt })), total };
}

// ---------------------------------------------------------------------------------------------
// Participants

function stateOf(row: Pick<ParticipantRow, 'role' | 'status' | 'representative' | 'note'>): ParticipantState {
  return { role: row.role, status: row.status, representative: row.representative, note: row.note };
}

/** Records participant changes on their event, in the same transaction as the change. */
function auditParticipants(ctx: Context, eventId: number, changes: ParticipantChange[]): void {
  if (changes.length === 0) return;
  recordChange(
    ctx,
    'event',
    eventId,
    'update',
    { participants: changes.map(({ name, before }) => ({ name, state: before && { ...before } })) },
    { participants: changes.map(({ name, after }) => ({ name, state: after && { ...after } })) },
  );
}

/** The participant with its event, or a plain message when it is gone or its event is in the trash. */
function requireParticipant(ctx: Context, id: number): EventParticipant & { eventId: number } {
  const gone = 'Không tìm thấy đơn vị tham dự này; có thể đã bị bỏ khỏi thành phần tham dự. Hãy tải lại trang.';
  const row = ctx.db.select().from(eventParticipants).where(eq(eventParticipants.id, id)).get();
  if (!row) throw notFound(gone);
  requireEvent(ctx, row.eventId);
  const [participant] = participantsOf(ctx, eq(eventParticipants.id, id));
  if (!participant) throw notFound(gone);
  return { ...participant, eventId: row.eventId };
}

/** Có mặt and Vắng say what happened at the event: neither is known before its first day. */
const heldStatuses: readonly ParticipantStatus[] = ['attended', 'absent'];

/** Why attendance cannot be recorded at `event` yet: its first day is still to come; null once it has begun. */
function notYetHeldRefusal(ctx: Context, event: Pick<EventRow, 'startsOn'>): string | null {
  const today = todayIso(ctx);
  if (event.startsOn <= today) return null;
  return `Sự kiện bắt đầu ngày ${formatIsoDateVi(event.startsOn)}, hôm nay mới ${formatIsoDateVi(today)}: chưa điểm danh (Có mặt, Vắng) được. Trước ngày đó chỉ ghi Được mời hoặc Đã đăng ký.`;
}

/** A member organization or a partner to add to an event, as it joins. */
interface Joining {
  kind: ParticipantKind;
  id: number;
  role: ParticipantRole;
  status: ParticipantStatus;
  representative?: string;
}

/**
 * Why a unit chosen to join is not among the live ones: in the trash (named, for the person to
 * restore it), or gone altogether since it was chosen. Never its id, which means nothing to a person.
 */
function notJoinable(ctx: Context, item: Joining): string {
  const table = item.kind === 'organization' ? organizations : partners;
  const trashed = ctx.db.select({ name: table.name }).from(table).where(eq(table.id, item.id)).get();
  if (trashed) return `${trashed.name} đang ở Thùng rác, nên không thêm được vào thành phần tham dự; hãy khôi phục ${item.kind === 'organization' ? 'tổ chức' : 'đối tác'} này trước.`;
  return item.kind === 'organization'
    ? 'Không tìm thấy tổ chức đã chọn trong danh sách thành viên: hồ sơ đã bị xóa hẳn. Hãy chọn lại.'
    : 'Không tìm thấy đối tác đã chọn: đối tác đã bị xóa hẳn. Hãy chọn lại.';
}

/**
 * Adds units of the register to an event's participants, in the caller's transaction: each must
 * be live (else a refusal at `path`.index.id), and a member organization must not have ended by
 * the day the event begins (`endedRefusal`); a unit already taking part is skipped, whatever its
 * end: it joins nothing anew. The changes are for the caller's audit.
 */
function joinEvent(ctx: Context, event: EventRow, joining: readonly Joining[], path: string): { changes: ParticipantChange[]; skipped: number } {
  const eventId = event.id;
  /** The live units of one table among those joining, by id, with their names (and an organization's end). */
  const liveUnits = (kind: ParticipantKind, table: typeof organizations | typeof partners) => {
    const ids = joining.filter((item) => item.kind === kind).map((item) => item.id);
    const endedOn = table === organizations ? organizations.endedOn : sql<null>`NULL`;
    const rows = ids.length ? ctx.db.select({ id: table.id, name: table.name, endedOn }).from(table).where(and(inArray(table.id, ids), notInTrash(table))).all() : [];
    return new Map(rows.map((row) => [row.id, row]));
  };
  const units = { organization: liveUnits('organization', organizations), partner: liveUnits('partner', partners) };
  const present = ctx.db
    .select({ organizationId: eventParticipants.organizationId, partnerId: eventParticipants.partnerId })
    .from(eventParticipants)
    .where(eq(eventParticipants.eventId, eventId))
    .all();
  const taken = new Set(present.map((row) => (row.organizationId !== null ? `organization:${row.organizationId}` : `partner:${row.partnerId ?? 0}`)));
  const issues: FieldIssue[] = [];
  joining.forEach((item, index) => {
    const unit = units[item.kind].get(item.id);
    if (!unit) {
      issues.push({ path: `${path}.${index}.id`, message: notJoinable(ctx, item) });
      return;
    }
    const ended = taken.has(`${item.kind}:${item.id}`) ? null : endedRefusal(unit, event.startsOn);
    if (ended) issues.push({ path: `${path}.${index}.id`, message: ended });
  });
  joining.forEach((item, index) => {
    const issue = eventLookupIssue(ctx, 'roles', item.role, `${path}.${index}.role`);
    if (issue) issues.push(issue);
  });
  if (issues.length) throw validationFailure(issues);

  const changes: ParticipantChange[] = [];
  let skipped = 0;
  for (const item of joining) {
    const key = `${item.kind}:${item.id}`;
    if (taken.has(key)) {
      skipped += 1;
      continue;
    }
    taken.add(key);
    const row = ctx.db
      .insert(eventParticipants)
      .values({
        eventId,
        organizationId: item.kind === 'organization' ? item.id : null,
        partnerId: item.kind === 'partner' ? item.id : null,
        role: item.role,
        status: item.status,
        representative: item.representative ?? '',
      })
      .returning()
      .get();
    const name = units[item.kind].get(item.id)?.name ?? '';
    changes.push({ name, before: null, after: stateOf(row) });
  }
  return { changes, skipped };
}

export function addParticipants(ctx: Context, input: z.output<typeof participantAddInput>): ParticipantsAdded {
  return atomically(ctx.db, () => {
    const event = requireEvent(ctx, input.eventId);
    const early = input.participants.some((item) => heldStatuses.includes(item.status)) && notYetHeldRefusal(ctx, event);
    if (early) throw validationFailure([{ path: 'participants', message: early }]);
    const { changes, skipped } = joinEvent(ctx, event, input.participants, 'participants');
    auditParticipants(ctx, input.eventId, changes);
    return { added: changes.length, skipped };
  });
}

export function updateParticipant(ctx: Context, input: z.output<typeof participantUpdateInput>): EventParticipant {
  return atomically(ctx.db, () => {
    const before = requireParticipant(ctx, input.id);
    if (input.role !== undefined) requireEventLookup(ctx, 'roles', input.role, 'role', before.role);
    if (input.status !== undefined && input.status !== before.status && heldStatuses.includes(input.status)) {
      const event = requireEvent(ctx, before.eventId);
      const refusal = notYetHeldRefusal(ctx, event);
      if (refusal) throw validationFailure([{ path: 'status', message: refusal }]);
    }
    const patch = {
      ...(input.role === undefined ? {} : { role: input.role }),
      ...(input.status === undefined ? {} : { status: input.status }),
      ...(input.representative === undefined ? {} : { representative: input.representative }),
      ...(input.note === undefined ? {} : { note: input.note }),
    };
    if (Object.keys(patch).length) ctx.db.update(eventParticipants).set(patch).where(eq(eventParticipants.id, input.id)).run();
    const after = requireParticipant(ctx, input.id);
    const [was, is] = [stateOf(before), stateOf(after)];
    if (JSON.stringify(was) !== JSON.stringify(is)) auditParticipants(ctx, before.eventId, [{ name: before.name, before: was, after: is }]);
    const { eventId: _eventId, ...participant } = after;
    return participant;
  });
}

export function removeParticipant(ctx: Context, id: number): null {
  return atomically(ctx.db, () => {
    const before = requireParticipant(ctx, id);
    ctx.db.delete(eventParticipants).where(eq(eventParticipants.id, id)).run();
    auditParticipants(ctx, before.eventId, [{ name: before.name, before: stateOf(before), after: null }]);
    return null;
  });
}

/**
 * What a Có mặt or Vắng stored before its event began goes back to (`resetEarlyAttendance`): one
 * who came had registered; one marked absent — most often every participant a sheet did not name
 * — had been invited.
 */
const beforeAttendance: Record<'attended' | 'absent', ParticipantStatus> = { attended: 'registered', absent: 'invited' };

/**
 * Sets right the attendance stored at an event not begun yet (entered before attendance waited
 * for the first day, or the event moved later since): counted nowhere (`cameToEvent`), flagged on
 * the event's page. Once the event has begun what is stored counts, and nothing is changed.
 */
export function resetEarlyAttendance(ctx: Context, eventId: number): { reset: number } {
  return atomically(ctx.db, () => {
    const event = requireEvent(ctx, eventId);
    if (!notYetHeldRefusal(ctx, event)) return { reset: 0 };
    const changes: ParticipantChange[] = [];
    for (const before of participantsOf(ctx, eq(eventParticipants.eventId, eventId))) {
      if (before.status !== 'attended' && before.status !== 'absent') continue;
      const status = beforeAttendance[before.status];
      ctx.db.update(eventParticipants).set({ status }).where(eq(eventParticipants.id, before.id)).run();
      changes.push({ name: before.name, before: stateOf(before), after: { ...stateOf(before), status } });
    }
    auditParticipants(ctx, eventId, changes);
    return { reset: changes.length };
  });
}

/**
 * Ticks attendance once the event has begun (`notYetHeldRefusal`): some Có mặt, some Vắng, and who
 * signed for each. A participant that had ended by the event's first day, kept in place, may be
 * ticked by the person who knows it came; the sign-in sheet never ticks it for them.
 */
export function markAttendance(ctx: Context, input: z.output<typeof attendanceInput>): AttendanceMarked {
  return atomically(ctx.db, () => {
    const event = requireEvent(ctx, input.eventId);
    const both = input.attendedIds.filter((id) => input.absentIds.includes(id));
    if (both.length) {
      throw validationFailure([
        { path: 'absentIds', message: 'Một đơn vị không thể vừa có mặt vừa vắng; hãy bỏ chọn một trong hai.' },
      ]);
    }
    const current = new Map(participantsOf(ctx, eq(eventParticipants.eventId, input.eventId)).map((item) => [item.id, item]));
    const foreign = new Set([...input.attendedIds, ...input.absentIds, ...input.representatives.map((item) => item.id)].filter((id) => !current.has(id)));
    if (foreign.size) {
      throw validationFailure([
        {
          path: 'attendedIds',
          message: `${foreign.size > 1 ? `${String(foreign.size)} đơn vị` : 'Một đơn vị'} đã chọn không còn trong thành phần tham dự của sự kiện này (có thể vừa bị bỏ ở cửa sổ khác); hãy tải lại trang rồi điểm danh lại.`,
        },
      ]);
    }
    const early = input.attendedIds.length + input.absentIds.length + input.newcomers.length > 0 && notYetHeldRefusal(ctx, event);
    if (early) throw validationFailure([{ path: 'attendedIds', message: early }]);
    const representatives = new Map(input.representatives.filter((item) => item.representative !== '').map((item) => [item.id, item.representative]));
    const wanted = [
      ...input.attendedIds.map((id) => ({ id, status: 'attended' as const })),
      ...input.absentIds.map((id) => ({ id, status: 'absent' as const })),
    ];
    const changes: ParticipantChange[] = [];
    for (const { id, status } of wanted) {
      const before = current.get(id);
      if (!before) continue;
      const representative = representatives.get(id) ?? before.representative;
      if (before.status === status && before.representative === representative) continue;
      ctx.db.update(eventParticipants).set({ status, representative }).where(eq(eventParticipants.id, id)).run();
      changes.push({ name: before.name, before: stateOf(before), after: { ...stateOf(before), status, representative } });
    }
    // Who signed without having been invited takes part all the same.
    const joined = joinEvent(
      ctx,
      event,
      input.newcomers.map(({ kind, id, representative }) => ({ kind, id, role: DEFAULT_PARTICIPANT_ROLE, status: 'attended', representative })),
      'newcomers',
    );
    auditParticipants(ctx, input.eventId, [...changes, ...joined.changes]);
    return { attended: input.attendedIds.length + joined.changes.length, absent: input.absentIds.length, added: joined.changes.length };
  });
}

// ---------------------------------------------------------------------------------------------
// Reading a sign-in sheet

/**
 * A name's key as lines are compared with it, its forms worked out once: a sheet's every reading
 * of every line is compared with every participant.
 */
interface NameKey {
  key: string;
  /** Set apart by spaces, so that only whole words are found in it. */
  padded: string;
  words: string[];
}

/** The distinct non-empty keys among `keys`. */
function nameKeys(keys: readonly string[]): NameKey[] {
  return [...new Set(keys.filter((key) => key !== ''))].map((key) => ({ key, padded: ` ${key} `, words: key.split(' ') }));
}

/** The keys a unit may be written as: its name key, its short name's, its folded name. */
function keysOf(kind: ParticipantKind, name: string, shortName: string): NameKey[] {
  const nameKey = kind === 'organization' ? organizationNameKey : partnerNameKey;
  return nameKeys([nameKey(name), shortName ? nameKey(shortName) : '', foldText(name)]);
}

/** The keys a line's name may be any participant's by: as a member's name, as a partner's, folded. */
function lineKeysOf(name: string): NameKey[] {
  return nameKeys([organizationNameKey(name), partnerNameKey(name), foldText(name)]);
}

/** Whole words of `inner` inside `outer`, and enough of them to mean something (not just "htx"). */
function containsWords(outer: NameKey, inner: NameKey): boolean {
  return inner.key.length >= 5 && outer.padded.includes(inner.padded);
}

/** Whether one of two keys holds the other's words. */
function overlaps(key: NameKey, lineKey: NameKey): boolean {
  return containsWords(key, lineKey) || containsWords(lineKey, key);
}

/**
 * Whether a line's name is a participant's with one or two words left out of its middle, three
 * words or more kept: «Chợ đầu mối Phú Thọ 13» for «Chợ đầu mối nông sản Phú Thọ 13». Its first
 * and last words kept, since those are what tells two units of a kind apart.
 */
function resembles({ words }: NameKey, { words: lineWords }: NameKey): boolean {
  const leftOut = words.length - lineWords.length;
  if (lineWords.length < 3 || leftOut < 1 || leftOut > 2) return false;
  let head = 0;
  while (head < lineWords.length && lineWords[head] === words[head]) head += 1;
  let tail = 0;
  while (head + tail < lineWords.length && lineWords[lineWords.length - 1 - tail] === words[words.length - 1 - tail]) tail += 1;
  return head > 0 && tail > 0 && head + tail === lineWords.length;
}

/** The participants a line's name answers to, and how it names them; none, null. */
interface Answer {
  found: EventParticipant[];
  naming: UnitNaming | null;
}

/**
 * How a line's name names participants it overlaps (`overlaps`): within a name when it is part of
 * one, else around one, holding a name and more words.
 */
function overlapNaming(keys: readonly (readonly NameKey[])[], lineKeys: readonly NameKey[]): UnitNaming {
  return keys.some((own) => own.some((key) => lineKeys.some((lineKey) => containsWords(key, lineKey)))) ? 'within' : 'around';
}

/**
 * The words that say what kind of place the words after them name, longest first: a sheet writes
 * «THT nuôi ong Đại Thành» for the «THT nuôi ong ấp Đại Thành» invited, or the other way round.
 * Told with their tone marks, so that «bán» (Mua bán) is no «bản» nor «tô» a «tổ»; a name written
 * without any is compared folded.
 */
const placeKinds = ['tổ dân phố', 'khu dân cư', 'khu phố', 'ấp', 'thôn', 'xóm', 'khóm', 'bản', 'buôn', 'làng', 'sóc', 'phum', 'tổ', 'khu', 'kp'].map(
  (form) => form.split(' '),
);
const foldedPlaceKinds = placeKinds.map((form) => form.map(foldText));

/**
 * A name without the words that say what kind of place follows ("THT nuôi ong ấp Đại Thành" → "tht
 * nuôi ong đại thành"). Its first word is kept: a name starts with what the unit is («Tổ hợp tác…»).
 */
function withoutPlaceKinds(name: string): string {
  const words = cleanText(name)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const forms = words.some((word) => /[^a-z0-9]/.test(word)) ? placeKinds : foldedPlaceKinds;
  const kept = words.slice(0, 1);
  for (let at = 1; at < words.length; ) {
    const form = forms.find((place) => at + place.length < words.length && place.every((word, offset) => words[at + offset] === word));
    if (form) {
      at += form.length;
    } else {
      kept.push(words[at] ?? '');
      at += 1;
    }
  }
  return kept.join(' ');
}

/**
 * Each line of a pasted sign-in sheet (read by `readSignInSheet`), against the event's participants:
 * a line matches a participant when its name key (organizationNameKey, partnerNameKey for partners)
 * equals one of the participant's keys; failing that, when one holds the other's words ("Vĩnh Bình"
 * in "Hợp tác xã Nông nghiệp Vĩnh Bình"); failing that, either way with the words that say what
 * kind of place a name's place is left out of both ("Đại Thành" for "ấp Đại Thành"). One match is
 * matched, several are ambiguous; a participant whose name the line only resembles, words left out,
 * is offered as an ambiguous one, unless a unit of the register has that very name. A line that
 * names nothing is read with one mistyped word forgiven, and what that finds offered as «Gần đúng»
 * (`nearMatch`); failing that, a line that does not say what its unit is, as a participant's place
 * (`placeAnswerOf`), offered to choose. None is unmatched; a line that names no unit (title,
 * header, totals) is skipped.
 */
export function matchSignIn(ctx: Context, input: z.output<typeof signInMatchInput>): SignInLine[] {
  const event = requireEvent(ctx, input.eventId);
  const participants = participantsOf(ctx, eq(eventParticipants.eventId, input.eventId));
  const shortNames = new Map<string, string>();
  /** Each member's commune, its name folded and its full name («vinh an», «xa vinh an»). */
  const communes = new Map<number, NameKey[]>();
  const organizationIds = participants.filter((item) => item.kind === 'organization').map((item) => item.counterpartId);
  const partnerIds = participants.filter((item) => item.kind === 'partner').map((item) => item.counterpartId);
  if (organizationIds.length) {
    const rows = ctx.db
      .select({ id: organizations.id, shortName: organizations.shortName, communeCode: organizations.communeCode })
      .from(organizations)
      .where(inArray(organizations.id, organizationIds))
      .all();
    for (const row of rows) {
      shortNames.set(`organization:${row.id}`, row.shortName);
      const commune = ctx.places.commune(row.communeCode);
      if (commune) communes.set(row.id, nameKeys([foldText(commune.name), foldText(commune.fullName)]));
    }
  }
  if (partnerIds.length) {
    for (const row of ctx.db.select({ id: partners.id, shortName: partners.shortName }).from(partners).where(inArray(partners.id, partnerIds)).all()) {
      shortNames.set(`partner:${row.id}`, row.shortName);
    }
  }
  const keyed = participants.map((participant) => {
    const shortName = shortNames.get(`${participant.kind}:${participant.counterpartId}`) ?? '';
    return {
      participant,
      keys: keysOf(participant.kind, participant.name, shortName),
      placeless: keysOf(participant.kind, withoutPlaceKinds(participant.name), withoutPlaceKinds(shortName)),
      commune: participant.kind === 'organization' ? (communes.get(participant.counterpartId) ?? []) : [],
    };
  });
  const candidate = ({ id, name, status }: EventParticipant): SignInCandidate => ({ participantId: id, name, status });

  /**
   * The participants a name answers to, and how it names them: whole only by a name key; a name
   * that differs by the kind of its place is read as within one, never whole. Last, the names it
   * resembles (`resembles`, `spellsOut`): offered to choose from, never matched, since leaving words
   * out of a name is also how two units' names differ.
   */
  const answerOf = (name: string): Answer => {
    const lineKeys = lineKeysOf(name);
    const exact = keyed.filter(({ keys }) => keys.some((key) => lineKeys.some((lineKey) => lineKey.key === key.key)));
    if (exact.length) return { found: exact.map(({ participant }) => participant), naming: 'whole' };
    const contained = keyed.filter(({ keys }) => keys.some((key) => lineKeys.some((lineKey) => overlaps(key, lineKey))));
    if (contained.length) return { found: contained.map(({ participant }) => participant), naming: overlapNaming(contained.map(({ keys }) => keys), lineKeys) };
    const placelessLine = lineKeysOf(withoutPlaceKinds(name));
    const placeless = keyed.filter(({ placeless }) => placeless.some((key) => placelessLine.some((lineKey) => key.key === lineKey.key || overlaps(key, lineKey))));
    if (placeless.length) return { found: placeless.map(({ participant }) => participant), naming: overlapNaming(placeless.map((item) => item.placeless), placelessLine) };
    const resembled = keyed.filter(({ keys }) => keys.some((key) => lineKeys.some((lineKey) => resembles(key, lineKey) || spellsOut(lineKey.words, key.words))));
    return { found: resembled.map(({ participant }) => participant), naming: resembled.length ? 'resembles' : null };
  };
  /**
   * The participants a name that does not say what the unit is may be by their place, when nothing
   * else answers to it: a place after a byname («Tư Tân Phú», `placeAfterByname`) as a name would
   * be answered, else the commune it names («Chị Lan - Phú Hòa», read as «Phú Hòa» signed by Chị
   * Lan; «Anh Năm Phú Hòa»). Only ever offered: another unit may be of that place too, and the person
   * knows which.
   */
  const placeAnswerOf = (name: string): { found: EventParticipant[]; signer?: string; place: string } => {
    if (looksLikeUnit(name)) return { found: [], place: name };
    const byname = placeAfterByname(name);
    const place = byname?.place ?? name;
    const answer = byname && answering(byname.place);
    if (byname && answer?.naming) return { ...byname, found: answer.found };
    const lineKeys = lineKeysOf(place);
    const found = keyed.filter(({ commune }) => commune.some((key) => lineKeys.some((lineKey) => lineKey.key === key.key))).map(({ participant }) => participant);
    return { ...byname, found, place };
  };
  /** Each name answered once: the readings a sheet's columns are chosen by are read again as its lines. */
  const answers = new Map<string, Answer>();
  const answering = (name: string): Answer => {
    const answer = answers.get(name) ?? answerOf(name);
    answers.set(name, answer);
    return answer;
  };
  /**
   * The units of the register each name is the name of, each name looked up once: `registeredByName`
   * reads the whole register, so every reading of every line is asked in one pass, and the readings
   * a sheet without header chooses its columns by in one more.
   */
  const registered = new Map<string, SignInNewcomer[]>();
  const lookUp = (names: readonly string[]) => {
    const missing = [...new Set(names.filter((name) => !registered.has(name)))];
    for (const [name, units] of registeredByName(ctx, missing, event.startsOn)) registered.set(name, units);
  };
  /** A unit of the register is named whole: it is looked up by its name key alone. */
  const namesUnits = (names: readonly string[]): Map<string, UnitNaming> => {
    lookUp(names);
    const named = new Map<string, UnitNaming>();
    for (const name of names) {
      const naming = (registered.get(name)?.length ?? 0) > 0 ? 'whole' : answering(name).naming;
      if (naming) named.set(name, naming);
    }
    return named;
  };

  const lines = readSignInSheet(input.text, namesUnits).map((read) => ({ ...read, ...(read.skipped ? { found: [], naming: null } : answering(read.name)) }));
  // A line no participant answers to, or only resembles, may name a unit of the register that came uninvited.
  const taking = new Set(participants.map((participant) => `${participant.kind}:${participant.counterpartId}`));
  const uninvited = (name: string) => (registered.get(name) ?? []).filter((unit) => !taking.has(`${unit.kind}:${unit.id}`));
  const unanswered = lines.filter((line) => !line.skipped && (line.naming === null || line.naming === 'resembles'));
  lookUp(unanswered.map((line) => line.name));

  /**
   * A line that names nothing as written is read again with one mistyped word forgiven, as the
   * register's search forgives it (`nearReadings`: a word of four letters or more one slipped,
   * missing, extra or swapped letter from a word of the register's or of a partner's name, «Bihn»
   * read as «binh»), though never a word the register or a partner's name itself has. Each reading
   * is matched as a line is: the participants it answers to (more than resembles), else the units
   * of the register it names whole that can be added; the closest to the reading first
   * (`nameCloseness`). All are offered to choose, never matched or ticked: a forgiven letter is also
   * how two units' names differ.
   */
  const misread = [...new Set(unanswered.filter((line) => line.naming === null && uninvited(line.name).length === 0).map((line) => line.name))];
  const typos = nearReadings(ctx.db.$client, misread.map((name) => nameWords(name).join(' ')), true);
  const readingsOf = new Map(
    misread.map((name, at) => [name, (typos[at] ?? []).map((reading) => ({ name: reading.words.join(' '), closeness: nameCloseness(reading.words) }))]),
  );
  // Every reading of every such line looked up in one more pass.
  lookUp([...readingsOf.values()].flat().map((reading) => reading.name));
  /** The closest distance of each of `units`' names (folded) to any reading that found it, each unit once. */
  const closestOf = <T>(found: { unit: T; key: string; name: string; closeness: (name: string) => number }[]): T[] => {
    const distances = new Map<string, { unit: T; distance: number }>();
    for (const { unit, key, name, closeness } of found) {
      const distance = closeness(foldText(name));
      if (distance < (distances.get(key)?.distance ?? Infinity)) distances.set(key, { unit, distance });
    }
    return closestFirst([...distances.values()], (item) => item.distance).map((item) => item.unit);
  };
  const nearAnswerOf = (name: string): Pick<SignInLine, 'candidates' | 'newcomers'> => {
    const readings = readingsOf.get(name) ?? [];
    const answered = readings.flatMap((reading) => {
      const { found, naming } = answering(reading.name);
      return naming === null || naming === 'resembles' ? [] : found.map((participant) => ({ unit: participant, key: String(participant.id), name: participant.name, closeness: reading.closeness }));
    });
    if (answered.length) return { candidates: closestOf(answered).map(candidate), newcomers: [] };
    const units = readings.flatMap((reading) =>
      uninvited(reading.name)
        .filter((unit) => unit.barred === undefined)
        .map((unit) => ({ unit, key: `${unit.kind}:${unit.id}`, name: unit.name, closeness: reading.closeness })),
    );
    return { candidates: [], newcomers: closestOf(units) };
  };

  return lines.map(({ line, lineNumber, name, representative, skipped, found, naming }): SignInLine => {
    const read = { line, lineNumber, name, representative, candidates: found.map(candidate), newcomers: [] };
    if (skipped) return { ...read, result: 'skipped' };
    if (naming !== null && naming !== 'resembles') return { ...read, result: found.length === 1 ? 'matched' : 'ambiguous' };
    const newcomers = uninvited(name);
    if (newcomers.length) return { ...read, result: 'newcomer', candidates: [], newcomers };
    if (found.length) return { ...read, result: 'ambiguous' };
    const near = nearAnswerOf(name);
    if (near.candidates.length) return { ...read, ...near, result: 'ambiguous', nearMatch: true };
    if (near.newcomers.length) return { ...read, ...near, result: 'newcomer', nearMatch: true };
    const placed = placeAnswerOf(name);
    // Read as the place signed by the byname before it, as a line that parts them is read.
    const byname = placed.signer === undefined ? {} : { name: placed.place, representative: placed.signer };
    if (placed.found.length) return { ...read, ...byname, candidates: placed.found.map(candidate), result: 'ambiguous' };
    const searched = searchedUnits(ctx, name, event.startsOn).filter((unit) => !taking.has(`${unit.kind}:${unit.id}`));
    if (searched.length) return { ...read, result: 'newcomer', candidates: [], newcomers: searched, nearMatch: true };
    return { ...read, result: 'unmatched' };
  });
}

/** The most units each side's search offers for one line: a few to choose among, not a list to read. */
const SEARCHED_MOST = 5;

/**
 * The live units each side's own search finds for a line nothing else answers to: members by the
 * register's (`searchCondition`: every word written, in any order, so «HTX Nông nghiệp Nhơn Hội»
 * finds «HTX Dịch vụ nông nghiệp Nhơn Hội»), leaving out those ended by `day` (`endedRefusal`);
 * partners by the partners' list's (`textOrPhoneCondition`), so «Cty Thực phẩm Sao Mai» finds
 * «Công ty TNHH Thực phẩm Sao Mai An Giang»; neither in the trash. The closest names of both
 * first (`closenessOrder`, `searchCloseness`, the one rule). Offered as «Gần đúng», never ticked: a
 * word left out is also how two units' names differ. One indexed query a side, and only for lines
 * left unmatched.
 */
function searchedUnits(ctx: Context, name: string, day: string): SignInNewcomer[] {
  const condition = searchCondition(name);
  const members =
    condition === undefined
      ? []
      : ctx.db
          .select({ id: organizations.id, name: organizations.name, communeCode: organizations.communeCode, endedOn: organizations.endedOn })
          .from(organizations)
          .where(and(condition, notInTrash(organizations)))
          .orderBy(closenessOrder(name, organizations.nameFolded), organizations.id)
          .limit(SEARCHED_MOST * 2)
          .all()
          .filter((member) => endedRefusal(member, day) === null)
          .slice(0, SEARCHED_MOST)
          .map((member): SignInNewcomer => ({ kind: 'organization', id: member.id, name: member.name, place: ctx.places.commune(member.communeCode)?.fullName ?? '' }));
  const partnerCondition = textOrPhoneCondition(partners.searchText, partners.phone, name);
  const buyers =
    partnerCondition === undefined
      ? []
      : ctx.db
          .select({ id: partners.id, name: partners.name, provinceCode: partners.provinceCode })
          .from(partners)
          .where(and(partnerCondition, notInTrash(partners)))
          .orderBy(closenessOrder(name, partners.nameFolded), partners.id)
          .limit(SEARCHED_MOST)
          .all()
          .map((buyer): SignInNewcomer => ({ kind: 'partner', id: buyer.id, name: buyer.name, place: provinceName(ctx, buyer.provinceCode) }));
  const closeness = searchCloseness(name);
  return closestFirst([...members, ...buyers], (unit) => closeness(foldText(unit.name)));
}

/**
 * The member organizations and partners each name is the name of (by name key, as the import's
 * matching and the duplicate check compare names), read in one pass over each table whatever the
 * number of names: a sheet of 300 lines costs what one does. Those in the trash, and members ended
 * by `day` (`endedRefusal`), come barred, so that the line says at once why it adds nothing.
 */
function registeredByName(ctx: Context, names: readonly string[], day: string): Map<string, SignInNewcomer[]> {
  const found = new Map<string, SignInNewcomer[]>();
  if (names.length === 0) return found;
  const keysOf = (key: (name: string) => string) => [...new Set(names.map(key).filter((one) => one !== ''))];
  const members = ctx.db
    .select({
      id: organizations.id,
      name: organizations.name,
      nameKey: organizations.nameKey,
      communeCode: organizations.communeCode,
      status: organizations.status,
      endedOn: organizations.endedOn,
      deletedAt: organizations.deletedAt,
    })
    .from(organizations)
    .where(among(organizations.nameKey, keysOf(organizationNameKey)))
    .orderBy(organizations.name)
    .all();
  const buyers = ctx.db
    .select({ id: partners.id, name: partners.name, nameKey: partners.nameKey, provinceCode: partners.provinceCode, deletedAt: partners.deletedAt })
    .from(partners)
    .where(among(partners.nameKey, keysOf(partnerNameKey)))
    .orderBy(partners.name)
    .all();
  const trash = { reason: 'trash' } as const;
  const barOf = (member: (typeof members)[number]): SignInNewcomer['barred'] => {
    if (member.deletedAt !== null) return trash;
    return member.endedOn !== null && endedRefusal(member, day) !== null ? { reason: 'ended', status: member.status, endedOn: member.endedOn } : undefined;
  };
  for (const name of names) {
    const [memberKey, partnerKey] = [organizationNameKey(name), partnerNameKey(name)];
    found.set(name, [
      ...members
        .filter((member) => member.nameKey === memberKey)
        .map((member): SignInNewcomer => {
          const barred = barOf(member);
          return { kind: 'organization', id: member.id, name: member.name, place: ctx.places.commune(member.communeCode)?.fullName ?? '', ...(barred && { barred }) };
        }),
      ...buyers
        .filter((buyer) => buyer.nameKey === partnerKey)
        .map((buyer): SignInNewcomer => ({
          kind: 'partner',
          id: buyer.id,
          name: buyer.name,
          place: ctx.places.province(buyer.provinceCode)?.fullName ?? '',
          ...(buyer.deletedAt !== null && { barred: trash }),
        })),
    ]);
  }
  return found;
}

// ---------------------------------------------------------------------------------------------

export function eventsOfCounterpart(ctx: Context, { kind, id }: { kind: ParticipantKind; id: number }): CounterpartEvent[] {
  return ctx.db
    .select({
      eventId: events.id,
      participantId: eventParticipants.id,
      kind: events.kind,
      title: events.title,
      startsOn: events.startsOn,
      endsOn: events.endsOn,
      provinceCode: events.provinceCode,
      role: eventParticipants.role,
      status: eventParticipants.status,
    })
    .from(eventParticipants)
    .innerJoin(events, eq(events.id, eventParticipants.eventId))
    .where(
      and(
        notInTrash(events),
        kind === 'organization' ? eq(eventParticipants.organizationId, id) : eq(eventParticipants.partnerId, id),
      ),
    )
    .orderBy(desc(events.startsOn), desc(events.id))
    .all()
    .map(({ provinceCode, ...row }) => ({ ...row, provinceName: provinceName(ctx, provinceCode) }));
}

export const eventsHandlers: HandlersFor<typeof eventsContract> = {
  'events:lookups': (ctx) => getEventLookups(ctx),
  'events:saveLookup': (ctx, input) => saveEventLookup(ctx, input),
  'events:list': (ctx, input) => listEvents(ctx, input),
  'events:get': (ctx, { id }) => getEvent(ctx, id),
  'events:create': (ctx, input) => createEvent(ctx, input),
  'events:update': (ctx, input) => updateEvent(ctx, input),
  'events:delete': (ctx, { id }) => deleteEvent(ctx, id),
  'events:restore': (ctx, { id }) => restoreEvent(ctx, id),
  'events:trash': (ctx, input) => listEventTrash(ctx, input),
  'events:addParticipants': (ctx, input) => addParticipants(ctx, input),
  'events:updateParticipant': (ctx, input) => updateParticipant(ctx, input),
  'events:removeParticipant': (ctx, { id }) => removeParticipant(ctx, id),
  'events:markAttendance': (ctx, input) => markAttendance(ctx, input),
  'events:resetEarlyAttendance': (ctx, { eventId }) => resetEarlyAttendance(ctx, eventId),
  'events:matchSignIn': (ctx, input) => matchSignIn(ctx, input),
  'events:ofCounterpart': (ctx, input) => eventsOfCounterpart(ctx, input),
};
