/**
 * Agreements (thỏa thuận ký kết): their parties and commitments, the deliveries logged against
 * each commitment, follow-up notes, termination, and scans attached in the data folder. Status and
 * fulfilment are never stored: they follow from dates and deliveries on the day they are read, by
 * the rules of shared/agreements.ts (restated in SQL by `agreementStatusSql` so that lists filter by
 * status in the database). Every change leaves an audit row on the agreement.
 */
import { and, asc, count, desc, eq, exists, inArray, lt, notExists, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { deliveredBy, deliveredQuantityBy, followUpClosedBy, isSigned, notInTrash, notTerminatedBy, signedBetween, subqueries, terminatedBy } from '../db/predicates';
import { among } from '../db/prepared';
import type { z } from 'zod';
import {
  agreementStatus,
  commitmentDueDay,
  commitmentFulfilment,
  deliveredAfterTermination,
  deliveredAsOf,
  fulfilmentOf,
  isCommitmentOverdue,
  needsClosing,
  QUANTITY_DECIMALS,
  reopensFollowUp,
  roundQuantity,
  totalsPerUnit,
  unitKey,
} from '../../shared/agreements';
import {
  type AgreementAttachment,
  type AgreementCommitment,
  type AgreementDelivery,
  type DeliveryUnit,
  type AgreementDetail,
  type AgreementNote,
  type AgreementNumberUse,
  type AgreementParty,
  type AgreementSummary,
  type CounterpartAgreements,
  type DeletedAgreement,
  type PartyFulfilment,
  type ParsedAgreementInput,
  type agreementListInput,
  type agreementsContract,
  type agreementUpdateInput,
  type closeInput,
  type counterpartInput,
  type deliveryInput,
  type deliveryUpdateInput,
  type noteInput,
  type terminateInput,
} from '../../shared/contracts/agreements';
import type { FileChunk } from '../../shared/contracts/files';
import { convertible, convertQuantity } from '../../shared/supply';
import type { AgreementStatus, Page } from '../../shared/domain';
import { notFound, validationFailure, type FieldIssue } from '../../shared/errors';
import { formatQuantity } from '../../shared/format';
import { foldText, formatIsoDateVi } from '../../shared/text';
import { timestamp, todayIso, type Context } from '../context';
import {
  agreementAttachments,
  agreementCommitments,
  agreementDeliveries,
  agreementNotes,
  agreementParties,
  agreements,
  agreementSearch,
  events,
  organizations,
  partners,
} from '../db/schema';
import { readChunk } from '../files';
import { attachedFilePath, forgetKeptFile, keepStagedFile, removeAttachedFile, type AttachmentPlace } from '../attachments';
import type { HandlersFor } from '../handlerTypes';
import { getAlliance } from './alliance';
import { agreementIdsNeedingClosing } from './attention';
import { allUnits, unitOfText, type UnitRow } from './supplyLookups';
import { endedRefusal, organizationRecords } from './organizations';
import { partnerRecords } from './partners';
import { containsText } from './search';
import { atomically } from '../db/atomic';
import { refuseUnconfirmed, titledInSentence } from './duplicates';
import { moveToTrash, recordChange, requireLive, restoreFromTrash, trashPage, whyNotLive, type RecordSpec, type Snapshot } from '../records';

type AgreementRow = typeof agreements.$inferSelect;
type CommitmentRow = typeof agreementCommitments.$inferSelect;
type DeliveryRow = typeof agreementDeliveries.$inferSelect;
type ListInput = z.output<typeof agreementListInput>;

/** Attachments live in `<data folder>/dinh-kem/<agreement id>/`. */
const ATTACHMENTS_FOLDER = 'dinh-kem';

function requireAgreement(ctx: Context, id: number): AgreementRow {
  return requireLive(ctx, agreementRecords, id);
}

/** How the agreement is named in a message: its number if it has one, else its title. */
function nameOf(row: AgreementRow): string {
  return row.number ? `số ${row.number}` : `«${row.title}»`;
}

// ---------------------------------------------------------------------------------------------
// Status in SQL

/**
 * `agreementStatus` (shared/agreements.ts) as a CASE over the `agreements` row in the query, for
 * filtering and paging in the database. The two must say the same; tests compare them day by day.
 */
export function agreementStatusSql(today: string): SQL {
  const forAgreement = eq(agreementCommitments.agreementId, agreements.id);
  // What was delivered on the commitment read by `short` up to today, rounded as every quantity sum is.
  const delivered = sql`round(${deliveredQuantityBy(agreementCommitments.id, today)}, ${QUANTITY_DECIMALS})`;
  const committed = subqueries.select({ one: sql`1` }).from(agreementCommitments).where(forAgreement);
  const short = subqueries
    .select({ one: sql`1` })
    .from(agreementCommitments)
    .where(and(forAgreement, lt(delivered, agreementCommitments.quantity)));
  const anyDelivered = subqueries
    .select({ one: sql`1` })
    .from(agreementCommitments)
    .innerJoin(agreementDeliveries, eq(agreementDeliveries.commitmentId, agreementCommitments.id))
    .where(and(forAgreement, deliveredBy(agreementDeliveries, today)));
  return sql`(CASE
    WHEN ${terminatedBy(agreements, today)} THEN 'terminated'
    WHEN NOT ${isSigned(agreements)} THEN 'draft'
    WHEN ${exists(committed)} AND ${notExists(short)} THEN 'fulfilled'
    WHEN ${agreements.validUntil} IS NOT NULL AND ${agreements.validUntil} < ${today} THEN 'expired'
    WHEN ${exists(anyDelivered)} THEN 'in_progress'
    ELSE 'signed' END)`;
}

// ---------------------------------------------------------------------------------------------
// Reading agreements with their parties, commitments and progress

function allianceName(ctx: Context): string {
  return getAlliance(ctx)?.name ?? 'Liên minh Hợp tác xã';
}

/** The parties of the given agreements, with their names as they are now, in the order the person gave them. */
function partiesOf(ctx: Context, agreementIds: number[]): Map<number, AgreementParty[]> {
  const byAgreement = new Map<number, AgreementParty[]>();
  if (agreementIds.length === 0) return byAgreement;
  const alliance = allianceName(ctx);
  const rows = ctx.db
    .select({
      party: agreementParties,
      organizationName: organizations.name,
      partnerName: partners.name,
      deletedAt: sql<string | null>`coalesce(${organizations.deletedAt}, ${partners.deletedAt})`,
      organizationStatus: organizations.status,
      endedOn: organizations.endedOn,
    })
    .from(agreementParties)
    .leftJoin(organizations, eq(organizations.id, agreementParties.organizationId))
    .leftJoin(partners, eq(partners.id, agreementParties.partnerId))
    .where(inArray(agreementParties.agreementId, agreementIds))
    .orderBy(asc(agreementParties.position), asc(agreementParties.id))
    .all();
  for (const { party, organizationName, partnerName, deletedAt, organizationStatus, endedOn } of rows) {
    const list = byAgreement.get(party.agreementId) ?? [];
    list.push({
      id: party.id,
      kind: party.kind,
      counterpartId: party.organizationId ?? party.partnerId,
      name: party.kind === 'alliance' ? alliance : ((party.kind === 'organization' ? organizationName : partnerName) ?? ''),
      role: party.role,
      inTrash: deletedAt !== null,
      ended: organizationStatus === null || endedOn === null ? null : { status: organizationStatus, endedOn },
    });
    byAgreement.set(party.agreementId, list);
  }
  return byAgreement;
}

interface Progress {
  commitments: (CommitmentRow & { delivered: number })[];
  deliveries: DeliveryRow[];
}

/** Commitments of the given agreements with what each has delivered as of `today`. */
function progressOf(ctx: Context, agreementIds: number[], today: string): Map<number, Progress> {
  const byAgreement = new Map<number, Progress>(agreementIds.map((id) => [id, { commitments: [], deliveries: [] }]));
  if (agreementIds.length === 0) return byAgreement;
  const commitments = ctx.db
    .select()
    .from(agreementCommitments)
    .where(inArray(agreementCommitments.agreementId, agreementIds))
    .orderBy(asc(agreementCommitments.id))
    .all();
  const deliveries = commitments.length
    ? ctx.db
        .select()
        .from(agreementDeliveries)
        .where(inArray(agreementDeliveries.commitmentId, commitments.map((commitment) => commitment.id)))
        .orderBy(desc(agreementDeliveries.deliveredOn), desc(agreementDeliveries.id))
        .all()
    : [];
  const agreementOf = new Map(commitments.map((commitment) => [commitment.id, commitment.agreementId]));
  for (const commitment of commitments) {
    const own = deliveries.filter((delivery) => delivery.commitmentId === commitment.id);
    byAgreement.get(commitment.agreementId)?.commitments.push({ ...commitment, delivered: deliveredAsOf(own, today) });
  }
  for (const delivery of deliveries) {
    const agreementId = agreementOf.get(delivery.commitmentId);
    if (agreementId !== undefined) byAgreement.get(agreementId)?.deliveries.push(delivery);
  }
  return byAgreement;
}

function statusOf(row: AgreementRow, progress: Progress, today: string): AgreementStatus {
  return agreementStatus({ ...row, commitments: progress.commitments }, today);
}

/** Titles of the given events that are not in the trash. */
function eventTitles(ctx: Context, eventIds: number[]): Map<number, string> {
  if (eventIds.length === 0) return new Map();
  return new Map(
    ctx.db
      .select({ id: events.id, title: events.title })
      .from(events)
      .where(and(inArray(events.id, eventIds), notInTrash(events)))
      .all()
      .map((row) => [row.id, row.title]),
  );
}

function summariesOf(ctx: Context, rows: AgreementRow[], today: string): AgreementSummary[] {
  const ids = rows.map((row) => row.id);
  const parties = partiesOf(ctx, ids);
  const progress = progressOf(ctx, ids, today);
  const titles = eventTitles(ctx, rows.map((row) => row.eventId).filter((id): id is number => id !== null));
  return rows.map((row) => {
    const own = progress.get(row.id) ?? { commitments: [], deliveries: [] };
    const values = own.commitments.map((commitment) => commitment.value).filter((value): value is number => value !== null);
    const fulfilment = fulfilmentOf(own.commitments);
    const status = statusOf(row, own, today);
    return {
      id: row.id,
      kind: row.kind,
      number: row.number,
      title: row.title,
      signedOn: row.signedOn,
      eventId: row.eventId,
      eventTitle: row.eventId === null ? null : (titles.get(row.eventId) ?? null),
      validFrom: row.validFrom,
      validUntil: row.validUntil,
      terminatedOn: row.terminatedOn,
      parties: parties.get(row.id) ?? [],
      totalValue: values.length ? values.reduce((sum, value) => sum + value, 0) : null,
      fulfilment: fulfilment?.percent ?? null,
      fulfilmentBasis: fulfilment?.basis ?? null,
      fulfilmentUnvalued: fulfilment?.unvalued ?? 0,
      fulfilmentUnvaluedShort: fulfilment?.unvaluedShort ?? 0,
      status,
      closedOn: row.closedOn,
      needsClosing: needsClosing({ status, closedOn: row.closedOn, commitments: own.commitments }, today),
    };
  });
}

function summaryOf(ctx: Context, row: AgreementRow): AgreementSummary {
  const [summary] = summariesOf(ctx, [row], todayIso(ctx));
  if (!summary) throw new Error('A summary of one row is one summary.');
  return summary;
}

export function getAgreement(ctx: Context, id: number): AgreementDetail {
  const row = requireAgreement(ctx, id);
  const today = todayIso(ctx);
  const summary = summaryOf(ctx, row);
  const progress = progressOf(ctx, [id], today).get(id) ?? { commitments: [], deliveries: [] };
  const units = allUnits(ctx);
  const commitments = progress.commitments.map(
    (commitment): AgreementCommitment => ({
      id: commitment.id,
      product: commitment.product,
      quantity: commitment.quantity,
      unit: commitment.unit,
      value: commitment.value,
      startsOn: commitment.startsOn,
      dueOn: commitment.dueOn,
      delivered: commitment.delivered,
      fulfilment: commitmentFulfilment(commitment),
      dueDay: commitmentDueDay(commitment, row),
      overdue: isCommitmentOverdue(commitment, { status: summary.status, validUntil: row.validUntil }, today),
      supplierPartyId: commitment.supplierPartyId,
      receiverPartyId: commitment.receiverPartyId,
      deliveryUnits: deliveryUnitsOf(units, commitment.unit),
    }),
  );
  const byCommitment = new Map(progress.commitments.map((commitment) => [commitment.id, commitment]));
  return {
    ...summary,
    terminationReason: row.terminationReason,
    closingReason: row.closingReason,
    partyFulfilment: partyFulfilment(summary.parties, progress.commitments),
    note: row.note,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    commitments,
    deliveries: progress.deliveries.map((delivery) => toDelivery(delivery, byCommitment.get(delivery.commitmentId))),
    unitTotals: totalsPerUnit(progress.commitments),
    attachments: ctx.db
      .select({
        id: agreementAttachments.id,
        fileName: agreementAttachments.fileName,
        size: agreementAttachments.size,
        mediaType: agreementAttachments.mediaType,
        addedAt: agreementAttachments.addedAt,
      })
      .from(agreementAttachments)
      .where(eq(agreementAttachments.agreementId, id))
      .orderBy(asc(agreementAttachments.id))
      .all(),
    notes: ctx.db
      .select({ id: agreementNotes.id, notedOn: agreementNotes.notedOn, text: agreementNotes.text })
      .from(agreementNotes)
      .where(eq(agreementNotes.agreementId, id))
      .orderBy(desc(agreementNotes.notedOn), desc(agreementNotes.id))
      .all(),
  };
}

/** Each party's part: the commitments it supplies and those it receives, weighed as everywhere. */
function partyFulfilment(parties: AgreementParty[], commitments: Progress['commitments']): PartyFulfilment[] {
  return parties
    .map((party) => {
      const supplied = commitments.filter((commitment) => commitment.supplierPartyId === party.id);
      const received = commitments.filter((commitment) => commitment.receiverPartyId === party.id);
      return {
        partyId: party.id,
        supplied: fulfilmentOf(supplied),
        suppliedCount: supplied.length,
        received: fulfilmentOf(received),
        receivedCount: received.length,
      };
    })
    .filter((party) => party.suppliedCount > 0 || party.receivedCount > 0);
}

/**
 * The units a delivery on a commitment in `unit` (written freely) may be written in: its own, as
 * Danh mục names it, then the others Danh mục converts it to exactly, in Danh mục's order.
 */
function deliveryUnitsOf(all: readonly UnitRow[], unit: string): DeliveryUnit[] {
  const own = unitOfText(all, unit);
  if (!own) return [];
  return [own, ...all.filter((other) => other.code !== own.code && convertible(other, own))].map(({ code, name, baseCode, perBase }) => ({
    code,
    name,
    baseCode,
    perBase,
  }));
}

function toDelivery(row: DeliveryRow, commitment: Pick<CommitmentRow, 'product' | 'unit'> | undefined): AgreementDelivery {
  return {
    id: row.id,
    commitmentId: row.commitmentId,
    product: commitment?.product ?? '',
    unit: commitment?.unit ?? '',
    deliveredOn: row.deliveredOn,
    quantity: row.quantity,
    written: row.writtenQuantity !== null && row.writtenUnit !== null ? { quantity: row.writtenQuantity, unit: row.writtenUnit } : null,
    value: row.value,
    note: row.note,
  };
}

// ---------------------------------------------------------------------------------------------
// Listing

/**
 * Every word of the search must be found in the title, the number, a party's name or a committed
 * product (folded, so case and diacritics do not matter): in the agreement's search text, which
 * holds them all (`agreement_search`, kept by triggers in derived.ts). The alliance is a party
 * without a name of its own there: its name is the one in Cài đặt today.
 */
function searchCondition(ctx: Context, search: string): SQL | undefined {
  const words = foldText(search).split(' ').filter(Boolean);
  if (words.length === 0) return undefined;
  const alliance = foldText(allianceName(ctx));
  return and(
    ...words.map((word) =>
      or(
        exists(subqueries.select({ one: sql`1` }).from(agreementSearch).where(and(eq(agreementSearch.agreementId, agreements.id), containsText(agreementSearch.searchText, word)))),
        alliance.includes(word)
          ? inArray(agreements.id, subqueries.select({ agreementId: agreementParties.agreementId }).from(agreementParties).where(eq(agreementParties.kind, 'alliance')))
          : undefined,
      ),
    ),
  );
}

function counterpartCondition(counterpart: ListInput['counterpart']): SQL | undefined {
  if (!counterpart) return undefined;
  const column = counterpart.kind === 'organization' ? agreementParties.organizationId : agreementParties.partnerId;
  return exists(subqueries.select({ one: sql`1` }).from(agreementParties).where(and(eq(agreementParties.agreementId, agreements.id), eq(column, counterpart.id))));
}

function listConditions(ctx: Context, input: Omit<ListInput, 'page' | 'pageSize'>, today: string): SQL | undefined {
  return and(
    notInTrash(agreements),
    input.kind ? eq(agreements.kind, input.kind) : undefined,
    input.eventId === undefined ? undefined : eq(agreements.eventId, input.eventId),
    input.year === undefined ? undefined : signedBetween(agreements, `${input.year}-01-01`, `${input.year}-12-31`),
    counterpartCondition(input.counterpart),
    input.statuses?.length ? and(statusesMayHold(input.statuses, today), inArray(agreementStatusSql(today), input.statuses)) : undefined,
    followUpCondition(ctx, input.followUp, today),
    searchCondition(ctx, input.search),
  );
}

/** Still followed after it ran out, as Cần chú ý lists it, or its follow-up closed by a person. */
function followUpCondition(ctx: Context, followUp: ListInput['followUp'], today: string): SQL | undefined {
  if (followUp === undefined) return undefined;
  return followUp === 'closed' ? followUpClosedBy(agreements, today) : among(agreements.id, agreementIdsNeedingClosing(ctx, today));
}

/**
 * What the dates of an agreement must say for it to have one of `statuses` on `today`, read before
 * `agreementStatusSql`, which reads its commitments and deliveries: at national scale that cost a
 * tenth of a second over every agreement, and most are ruled out by their dates alone. Compared as
 * values (`+`), so that the list is still read in its order and stops at its page.
 */
function statusesMayHold(statuses: readonly AgreementStatus[], today: string): SQL | undefined {
  const asValue = (column: SQLWrapper) => sql`+${column}`;
  const [signedOn, validUntil, terminatedOn] = [asValue(agreements.signedOn), asValue(agreements.validUntil), asValue(agreements.terminatedOn)];
  const notTerminated = notTerminatedBy({ terminatedOn }, today);
  const standing = sql`(${signedOn} IS NOT NULL AND ${notTerminated})`;
  const running = sql`(${standing} AND (${validUntil} IS NULL OR ${validUntil} >= ${today}))`;
  const mayHold: Record<AgreementStatus, SQL> = {
    terminated: terminatedBy({ terminatedOn }, today),
    draft: sql`(${signedOn} IS NULL AND ${notTerminated})`,
    fulfilled: standing,
    expired: sql`(${standing} AND ${validUntil} IS NOT NULL AND ${validUntil} < ${today})`,
    in_progress: running,
    signed: running,
  };
  return or(...statuses.map((status) => mayHold[status]));
}

/** Newest signing first; drafts, not signed yet, come before all of them. */
const listOrder = [sql`${agreements.signedOn} IS NOT NULL`, desc(agreements.signedOn), desc(agreements.id)];

export function listAgreements(ctx: Context, input: ListInput): Page<AgreementSummary> {
  const today = todayIso(ctx);
  const where = listConditions(ctx, input, today);
  const total = ctx.db.select({ value: count() }).from(agreements).where(where).get()?.value ?? 0;
  const rows = ctx.db
    .select()
    .from(agreements)
    .where(where)
    .orderBy(...listOrder)
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  return { rows: summariesOf(ctx, rows, today), total };
}

/** Every agreement matching, unpaged: those of one event are a handful. */
function allAgreements(ctx: Context, input: Pick<ListInput, 'eventId'>): AgreementSummary[] {
  const today = todayIso(ctx);
  const rows = ctx.db
    .select()
    .from(agreements)
    .where(listConditions(ctx, { search: '', ...input }, today))
    .orderBy(...listOrder)
    .all();
  return summariesOf(ctx, rows, today);
}

/**
 * The agreements of one member organization or partner, with its part in each — the commitments
 * it supplies and those it receives — and in all of them: over its signed agreements that were not
 * terminated, by the same rule as one agreement's fulfilment.
 */
function counterpartAgreements(ctx: Context, counterpart: z.output<typeof counterpartInput>): CounterpartAgreements {
  const today = todayIso(ctx);
  const rows = ctx.db
    .select()
    .from(agreements)
    .where(listConditions(ctx, { search: '', counterpart }, today))
    .orderBy(...listOrder)
    .all();
  const summaries = summariesOf(ctx, rows, today);
  const progress = progressOf(ctx, rows.map((row) => row.id), today);
  const supplied: Progress['commitments'] = [];
  const received: Progress['commitments'] = [];
  const list = summaries.map((summary) => {
    const own = summary.parties.filter((party) => party.kind === counterpart.kind && party.counterpartId === counterpart.id).map((party) => party.id);
    const commitments = progress.get(summary.id)?.commitments ?? [];
    const supplies = commitments.filter((commitment) => commitment.supplierPartyId !== null && own.includes(commitment.supplierPartyId));
    const receives = commitments.filter((commitment) => commitment.receiverPartyId !== null && own.includes(commitment.receiverPartyId));
    if (summary.status !== 'draft' && summary.status !== 'terminated') {
      supplied.push(...supplies);
      received.push(...receives);
    }
    return { ...summary, supplied: fulfilmentOf(supplies), received: fulfilmentOf(receives) };
  });
  return {
    agreements: list,
    supplied: fulfilmentOf(supplied),
    suppliedCount: supplied.length,
    received: fulfilmentOf(received),
    receivedCount: received.length,
  };
}

// ---------------------------------------------------------------------------------------------
// Creating and changing

/** A party as the audit trail keeps it: who (with the name it had then) and in what role. */
function partyValue(party: AgreementParty): Snapshot {
  return { kind: party.kind, id: party.counterpartId, name: party.name, role: party.role };
}

/** A side of a commitment as the audit trail keeps it: who, with the name it had then. */
function sideValue(parties: AgreementParty[], partyId: number | null): Snapshot | null {
  const party = parties.find((candidate) => candidate.id === partyId);
  return party ? { kind: party.kind, id: party.counterpartId, name: party.name } : null;
}

/** A commitment as the audit trail keeps it; its id tells which one an edit changed. */
function commitmentValue(commitment: CommitmentRow, parties: AgreementParty[]): Snapshot {
  const { id, product, quantity, unit, value, startsOn, dueOn } = commitment;
  return {
    id,
    product,
    quantity,
    unit,
    value,
    startsOn,
    dueOn,
    supplier: sideValue(parties, commitment.supplierPartyId),
    receiver: sideValue(parties, commitment.receiverPartyId),
  };
}

function deliveryValue(
  delivery: Pick<DeliveryRow, 'deliveredOn' | 'quantity' | 'writtenQuantity' | 'writtenUnit' | 'value' | 'note'>,
  commitment: Pick<CommitmentRow, 'product' | 'unit'>,
): Snapshot {
  const { deliveredOn, quantity, writtenQuantity, writtenUnit, value, note } = delivery;
  return { deliveredOn, quantity, unit: commitment.unit, writtenQuantity, writtenUnit, product: commitment.product, value, note };
}

function followUpValue(note: { notedOn: string; text: string }): Snapshot {
  return { notedOn: note.notedOn, text: note.text };
}

function snapshotOf(ctx: Context, row: AgreementRow): Snapshot {
  const parties = partiesOf(ctx, [row.id]).get(row.id) ?? [];
  const commitments = ctx.db.select().from(agreementCommitments).where(eq(agreementCommitments.agreementId, row.id)).orderBy(asc(agreementCommitments.id)).all();
  const event = row.eventId === null ? undefined : ctx.db.select({ title: events.title }).from(events).where(eq(events.id, row.eventId)).get();
  return {
    kind: row.kind,
    number: row.number,
    title: row.title,
    signedOn: row.signedOn,
    event: row.eventId === null ? null : { id: row.eventId, title: event?.title ?? '' },
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    note: row.note,
    parties: parties.map(partyValue),
    commitments: commitments.map((commitment) => commitmentValue(commitment, parties)),
    terminatedOn: row.terminatedOn,
    terminationReason: row.terminationReason,
    closedOn: row.closedOn,
    closingReason: row.closingReason,
  };
}

/** Agreements as the record machinery handles them: audit trail, trash and history. */
export const agreementRecords: RecordSpec<typeof agreements> = {
  kind: 'agreement',
  table: agreements,
  noun: 'thỏa thuận',
  snapshot: snapshotOf,
};

function audit(ctx: Context, id: number, action: 'create' | 'update', before: Snapshot | null, after: Snapshot | null): void {
  recordChange(ctx, 'agreement', id, action, before, after);
}

/** A number as it is compared: "01/2026/HĐLK", "01/2026/hdlk" and "01 / 2026 / HĐLK" are one number. */
function numberKey(number: string): string {
  return foldText(number).replace(/\s/g, '');
}

/**
 * The agreements not in the trash, other than `excludeId`, that have this number. Agreements
 * number in the thousands at most, so their numbers are folded here rather than kept folded.
 */
export function agreementsWithNumber(ctx: Context, number: string, excludeId?: number): AgreementNumberUse[] {
  const key = numberKey(number);
  if (key === '') return [];
  return ctx.db
    .select({ id: agreements.id, number: agreements.number, title: agreements.title, signedOn: agreements.signedOn })
    .from(agreements)
    .where(and(notInTrash(agreements), sql`${agreements.number} <> ''`))
    .orderBy(desc(agreements.id))
    .all()
    .filter((row) => row.id !== excludeId && numberKey(row.number) === key);
}

/**
 * Refuses a number other agreements have, unless the person confirmed this one is another of each
 * (`refuseUnconfirmed`; two partners may each number their contracts "01/HĐ"). The message names
 * the agreements it would duplicate, so a second save of the same agreement (Enter pressed twice)
 * is caught.
 */
function refuseSameNumber(ctx: Context, input: ParsedAgreementInput, excludeId?: number): void {
  refuseUnconfirmed(
    agreementsWithNumber(ctx, input.number, excludeId).map((row) => ({
      id: row.id,
      name: row.title,
      detail: row.signedOn ? `ký ngày ${formatIsoDateVi(row.signedOn)}` : 'chưa ký',
    })),
    input.confirmedSimilarIds,
    {
      noun: 'thỏa thuận',
      message: (counted, named) => `Số thỏa thuận ${input.number} đã dùng cho ${counted} ${named}. Nếu đây là một thỏa thuận khác mang cùng số, hãy xác nhận để lưu.`,
      inSentence: titledInSentence,
    },
  );
}

/**
 * The day an agreement is dated by, for whether its parties still existed: its signing day, else
 * the day it takes effect, else — a draft without either — today.
 */
function datedOn(signedOn: string | null, validFrom: string | null, today: string): string {
  return signedOn ?? validFrom ?? today;
}

/** What an agreement's parties are checked against when it is edited: its stored day and member organizations. */
interface StoredParties {
  datedOn: string;
  organizationIds: ReadonlySet<number>;
}

function storedParties(ctx: Context, row: AgreementRow): StoredParties {
  const parties = ctx.db
    .select({ organizationId: agreementParties.organizationId })
    .from(agreementParties)
    .where(and(eq(agreementParties.agreementId, row.id), eq(agreementParties.kind, 'organization')))
    .all();
  return {
    datedOn: datedOn(row.signedOn, row.validFrom, todayIso(ctx)),
    organizationIds: new Set(parties.map((party) => party.organizationId ?? 0)),
  };
}

/**
 * Checks what the schema cannot: the event and the parties exist, the signing day has come, and no
 * member organization had ended by the day the agreement is dated (`datedOn`, `endedRefusal`).
 * Editing, only a party the change involves anew is refused: one added, or one the new date passes
 * the end of. A party already stored as ended by the stored date (entered before the rule, or
 * ended since by an earlier-dated decision) lets the agreement be saved as it stands.
 */
function checkReferences(ctx: Context, input: ParsedAgreementInput, stored?: StoredParties): void {
  const issues: FieldIssue[] = [];
  const today = todayIso(ctx);
  if (!input.draft && input.signedOn && input.signedOn > today) {
    issues.push({ path: 'signedOn', message: `Ngày ký không được sau hôm nay (${formatIsoDateVi(today)}).` });
  }
  if (input.eventId !== null) {
    const event = ctx.db.select({ id: events.id }).from(events).where(and(eq(events.id, input.eventId), notInTrash(events))).get();
    if (!event) issues.push({ path: 'eventId', message: 'Sự kiện đã chọn không còn; có thể đã bị xóa. Hãy chọn lại.' });
  }
  const day = datedOn(input.draft ? null : input.signedOn, input.validFrom, today);
  input.parties.forEach((party, index) => {
    if (party.id === null) return;
    const found =
      party.kind === 'organization'
        ? ctx.db.select({ name: organizations.name, endedOn: organizations.endedOn }).from(organizations).where(and(eq(organizations.id, party.id), notInTrash(organizations))).get()
        : ctx.db.select({ name: partners.name, endedOn: sql<null>`NULL` }).from(partners).where(and(eq(partners.id, party.id), notInTrash(partners))).get();
    if (!found) {
      // In the trash, by its name: a signed agreement's party is restored, not swapped for another.
      const spec = party.kind === 'organization' ? organizationRecords : partnerRecords;
      issues.push({ path: `parties.${index}.id`, message: `Bên thứ ${index + 1}: ${whyNotLive(ctx, spec, party.id)}` });
      return;
    }
    const endedAlready = party.kind === 'organization' && stored?.organizationIds.has(party.id) === true && endedRefusal(found, stored.datedOn) !== null;
    const ended = endedAlready ? null : endedRefusal(found, day);
    if (ended) issues.push({ path: `parties.${index}.id`, message: `Bên thứ ${index + 1}: ${ended}` });
  });
  if (issues.length) throw validationFailure(issues);
}

function columnsFor(input: ParsedAgreementInput) {
  return {
    kind: input.kind,
    number: input.number,
    title: input.title,
    titleFolded: foldText(input.title),
    signedOn: input.draft ? null : input.signedOn,
    eventId: input.eventId,
    validFrom: input.validFrom,
    validUntil: input.validUntil,
    note: input.note,
  };
}

/**
 * Writes the parties as the input lists them and answers their row ids in that order. A party
 * being edited keeps its row (matched by `partyId`), so that the commitments naming it keep it; a
 * party left out is removed, and a commitment that named it names no one.
 */
function writeParties(ctx: Context, agreementId: number, input: ParsedAgreementInput): number[] {
  const kept = new Set(input.parties.map((party) => party.partyId).filter((partyId) => partyId !== undefined));
  const stored = ctx.db.select({ id: agreementParties.id }).from(agreementParties).where(eq(agreementParties.agreementId, agreementId)).all();
  const dropped = stored.map((row) => row.id).filter((partyId) => !kept.has(partyId));
  // A commitment that named a dropped party names no one: a trigger sees to it (db/derived.ts).
  if (dropped.length) ctx.db.delete(agreementParties).where(inArray(agreementParties.id, dropped)).run();
  return input.parties.map((party, position) => {
    const columns = {
      kind: party.kind,
      organizationId: party.kind === 'organization' ? party.id : null,
      partnerId: party.kind === 'partner' ? party.id : null,
      role: party.role,
      position,
    };
    if (party.partyId !== undefined) {
      ctx.db.update(agreementParties).set(columns).where(eq(agreementParties.id, party.partyId)).run();
      return party.partyId;
    }
    return ctx.db.insert(agreementParties).values({ agreementId, ...columns }).returning({ id: agreementParties.id }).get().id;
  });
}

/** A commitment's columns, its sides named by the rows of the parties at the positions given. */
function commitmentColumns(commitment: ParsedAgreementInput['commitments'][number], partyIds: number[]) {
  const partyAt = (position: number | null) => (position === null ? null : (partyIds[position] ?? null));
  return {
    product: commitment.product,
    productFolded: foldText(commitment.product),
    quantity: commitment.quantity,
    unit: commitment.unit,
    value: commitment.value,
    startsOn: commitment.startsOn,
    dueOn: commitment.dueOn,
    supplierPartyId: partyAt(commitment.supplierParty),
    receiverPartyId: partyAt(commitment.receiverParty),
  };
}

export function createAgreement(ctx: Context, input: ParsedAgreementInput): AgreementSummary {
  checkReferences(ctx, input);
  checkOwnParties(ctx, null, input);
  return atomically(ctx.db, () => {
    refuseSameNumber(ctx, input);
    const now = timestamp(ctx);
    const row = ctx.db
      .insert(agreements)
      .values({ ...columnsFor(input), createdAt: now, updatedAt: now })
      .returning()
      .get();
    const partyIds = writeParties(ctx, row.id, input);
    if (input.commitments.length) {
      ctx.db
        .insert(agreementCommitments)
        .values(input.commitments.map((commitment) => ({ ...commitmentColumns(commitment, partyIds), agreementId: row.id })))
        .run();
    }
    audit(ctx, row.id, 'create', null, snapshotOf(ctx, row));
    return summaryOf(ctx, row);
  });
}

/**
 * Commitments are matched to the stored ones by id, so their deliveries stay with them. A
 * commitment with deliveries cannot be dropped or change its unit (its deliveries are counted in
 * it), and the signing date cannot move past a delivery or back to a draft.
 */
function checkAgainstDeliveries(ctx: Context, input: ParsedAgreementInput, stored: CommitmentRow[]): void {
  const issues: FieldIssue[] = [];
  const deliveries = stored.length
    ? ctx.db.select().from(agreementDeliveries).where(inArray(agreementDeliveries.commitmentId, stored.map((commitment) => commitment.id))).all()
    : [];
  const deliveredTo = (commitmentId: number) => deliveries.filter((delivery) => delivery.commitmentId === commitmentId);
  input.commitments.forEach((commitment, index) => {
    if (commitment.id === undefined) return;
    const own = stored.find((row) => row.id === commitment.id);
    const delivered = roundQuantity(deliveredTo(commitment.id).reduce((sum, delivery) => sum + delivery.quantity, 0));
    if (!own) {
      issues.push({ path: `commitments.${index}.id`, message: `Cam kết thứ ${index + 1} không thuộc thỏa thuận này; hãy tải lại trang.` });
    } else if (delivered > 0 && unitKey(own.unit) !== unitKey(commitment.unit)) {
      issues.push({
        path: `commitments.${index}.unit`,
        message: `Cam kết «${own.product}» đã có giao hàng tính bằng ${own.unit}; không đổi đơn vị được.`,
      });
    } else if (!input.confirmBelowDelivered && commitment.quantity !== own.quantity && commitment.quantity < delivered) {
      // Cut below what was delivered, the rest reads as delivered over: only once the person was told.
      issues.push({
        path: `commitments.${index}.quantity`,
        message: `Cam kết «${own.product}» đã giao ${formatQuantity(delivered, own.unit)}; số lượng cam kết ${formatQuantity(commitment.quantity, own.unit)} ít hơn số đã giao. Hãy tải lại trang để xem các lần giao hàng rồi lưu lại.`,
      });
    }
  });
  for (const row of stored) {
    const own = deliveredTo(row.id);
    if (own.length && !input.commitments.some((commitment) => commitment.id === row.id)) {
      issues.push({
        path: 'commitments',
        message: `Cam kết «${row.product}» đã có ${own.length} lần giao hàng; hãy xóa các lần giao hàng đó trước khi bỏ cam kết.`,
      });
    }
  }
  const earliest = deliveries.map((delivery) => delivery.deliveredOn).sort()[0];
  if (earliest !== undefined) {
    if (input.draft) {
      issues.push({ path: 'signedOn', message: 'Thỏa thuận đã có giao hàng nên không chuyển về bản dự thảo được.' });
    } else if (input.signedOn && input.signedOn > earliest) {
      issues.push({ path: 'signedOn', message: `Đã có giao hàng ngày ${formatIsoDateVi(earliest)}; ngày ký không được sau ngày đó.` });
    }
  }
  if (issues.length) throw validationFailure(issues);
}

/** A party being edited must be one of this agreement's. */
function checkOwnParties(ctx: Context, agreementId: number | null, input: ParsedAgreementInput): void {
  const own = new Set(
    agreementId === null
      ? []
      : ctx.db.select({ id: agreementParties.id }).from(agreementParties).where(eq(agreementParties.agreementId, agreementId)).all().map((row) => row.id),
  );
  const issues: FieldIssue[] = input.parties.flatMap((party, index) =>
    party.partyId === undefined || own.has(party.partyId)
      ? []
      : [{ path: `parties.${index}.partyId`, message: `Bên thứ ${index + 1} không thuộc thỏa thuận này; hãy tải lại trang.` }],
  );
  if (issues.length) throw validationFailure(issues);
}

/** The closing taken back by an edit that makes the agreement run again (`reopensFollowUp`); the audit row keeps it. */
function followUpAfterEdit(before: AgreementRow, input: ParsedAgreementInput): Partial<AgreementRow> {
  return reopensFollowUp(before, input.validUntil) ? { closedOn: null, closingReason: '' } : {};
}

export function updateAgreement(ctx: Context, { id, ...input }: z.output<typeof agreementUpdateInput>): AgreementSummary {
  return atomically(ctx.db, () => {
    const before = requireAgreement(ctx, id);
    checkReferences(ctx, input, storedParties(ctx, before));
    checkOwnParties(ctx, id, input);
    // An agreement keeps the number it has; only a change to one another agreement has is asked about.
    if (numberKey(before.number) !== numberKey(input.number)) refuseSameNumber(ctx, input, id);
    const stored = ctx.db.select().from(agreementCommitments).where(eq(agreementCommitments.agreementId, id)).all();
    checkAgainstDeliveries(ctx, input, stored);
    const was = snapshotOf(ctx, before);
    const after = ctx.db
      .update(agreements)
      .set({ ...columnsFor(input), ...followUpAfterEdit(before, input), updatedAt: timestamp(ctx) })
      .where(eq(agreements.id, id))
      .returning()
      .get();
    const partyIds = writeParties(ctx, id, input);
    const kept = new Set(input.commitments.map((commitment) => commitment.id).filter((commitmentId) => commitmentId !== undefined));
    const dropped = stored.filter((row) => !kept.has(row.id)).map((row) => row.id);
    if (dropped.length) ctx.db.delete(agreementCommitments).where(inArray(agreementCommitments.id, dropped)).run();
    for (const commitment of input.commitments) {
      if (commitment.id === undefined) {
        ctx.db.insert(agreementCommitments).values({ ...commitmentColumns(commitment, partyIds), agreementId: id }).run();
      } else {
        ctx.db.update(agreementCommitments).set(commitmentColumns(commitment, partyIds)).where(eq(agreementCommitments.id, commitment.id)).run();
      }
    }
    audit(ctx, id, 'update', was, snapshotOf(ctx, after));
    return summaryOf(ctx, after);
  });
}

/** Moves an agreement to the trash; its deliveries, notes and attached files stay for a restore. */
export function deleteAgreement(ctx: Context, id: number): null {
  return moveToTrash(ctx, agreementRecords, id);
}

export function restoreAgreement(ctx: Context, id: number): AgreementSummary {
  return summaryOf(ctx, restoreFromTrash(ctx, agreementRecords, id));
}

/** Thùng rác: deleted agreements, most recently deleted first. */
export function listAgreementTrash(ctx: Context, input: { page: number; pageSize: number }): Page<DeletedAgreement> {
  const { rows, total } = trashPage(ctx, agreementRecords, input);
  const summaries = summariesOf(ctx, rows, todayIso(ctx));
  return { rows: summaries.map((summary, index) => ({ ...summary, deletedAt: rows[index]?.deletedAt ?? '' })), total };
}

export function terminateAgreement(ctx: Context, input: z.output<typeof terminateInput>): AgreementSummary {
  return atomically(ctx.db, () => {
    const before = requireAgreement(ctx, input.id);
    if (before.signedOn === null) {
      throw validationFailure([
        { path: 'terminatedOn', message: 'Bản dự thảo chưa ký nên không cần chấm dứt; nếu không dùng nữa, hãy xóa thỏa thuận.' },
      ]);
    }
    if (input.terminatedOn < before.signedOn) {
      throw validationFailure([
        { path: 'terminatedOn', message: `Ngày chấm dứt không được trước ngày ký (${formatIsoDateVi(before.signedOn)}).` },
      ]);
    }
    const later = ctx.db
      .select({ deliveredOn: agreementDeliveries.deliveredOn })
      .from(agreementDeliveries)
      .innerJoin(agreementCommitments, eq(agreementCommitments.id, agreementDeliveries.commitmentId))
      .where(and(eq(agreementCommitments.agreementId, input.id), sql`${agreementDeliveries.deliveredOn} > ${input.terminatedOn}`))
      .orderBy(desc(agreementDeliveries.deliveredOn))
      .get();
    if (later) {
      throw validationFailure([
        { path: 'terminatedOn', message: `Đã có giao hàng ngày ${formatIsoDateVi(later.deliveredOn)}; ngày chấm dứt không được trước ngày đó.` },
      ]);
    }
    const was = snapshotOf(ctx, before);
    const after = ctx.db
      .update(agreements)
      .set({ terminatedOn: input.terminatedOn, terminationReason: input.reason, updatedAt: timestamp(ctx) })
      .where(eq(agreements.id, input.id))
      .returning()
      .get();
    audit(ctx, input.id, 'update', was, snapshotOf(ctx, after));
    return summaryOf(ctx, after);
  });
}

/**
 * Kết thúc theo dõi: an agreement that ran out with commitments unfinished leaves Cần chú ý, from
 * the day given, for the reason given. Only such an agreement is closed: one still in force is
 * terminated instead, and one fulfilled owes nothing.
 */
export function closeAgreement(ctx: Context, input: z.output<typeof closeInput>): AgreementSummary {
  return atomically(ctx.db, () => {
    const before = requireAgreement(ctx, input.id);
    const today = todayIso(ctx);
    const summary = summaryOf(ctx, before);
    const name = `Thỏa thuận ${nameOf(before)}`;
    const inForce = before.validUntil
      ? `${name} chưa hết hiệu lực (${formatIsoDateVi(before.validUntil)}); nếu các bên thôi thực hiện, hãy dùng «Chấm dứt».`
      : `${name} không có ngày hết hiệu lực; nếu các bên thôi thực hiện, hãy dùng «Chấm dứt».`;
    const refused: Record<AgreementStatus, string | null> = {
      draft: `${name} còn là bản dự thảo (chưa ký); không có gì để theo dõi.`,
      signed: inForce,
      in_progress: inForce,
      fulfilled: `${name} đã hoàn thành; không cần kết thúc theo dõi.`,
      terminated: `${name} đã chấm dứt; không cần kết thúc theo dõi.`,
      expired: summary.needsClosing ? null : `${name} không còn cam kết nào chưa hoàn thành.`,
    };
    const message =
      before.closedOn !== null ? `${name} đã kết thúc theo dõi từ ngày ${formatIsoDateVi(before.closedOn)}.` : refused[summary.status];
    if (message) throw validationFailure([{ path: 'id', message }]);
    if (input.closedOn > today) {
      throw validationFailure([{ path: 'closedOn', message: `Ngày kết thúc theo dõi không được sau hôm nay (${formatIsoDateVi(today)}).` }]);
    }
    if (before.validUntil !== null && input.closedOn <= before.validUntil) {
      throw validationFailure([
        { path: 'closedOn', message: `Ngày kết thúc theo dõi phải sau ngày hết hiệu lực (${formatIsoDateVi(before.validUntil)}).` },
      ]);
    }
    const was = snapshotOf(ctx, before);
    const after = ctx.db
      .update(agreements)
      .set({ closedOn: input.closedOn, closingReason: input.reason, updatedAt: timestamp(ctx) })
      .where(eq(agreements.id, input.id))
      .returning()
      .get();
    audit(ctx, input.id, 'update', was, snapshotOf(ctx, after));
    return summaryOf(ctx, after);
  });
}

/** Takes a closed follow-up back: the agreement is chased again until closed anew. */
export function reopenAgreement(ctx: Context, id: number): AgreementSummary {
  return atomically(ctx.db, () => {
    const before = requireAgreement(ctx, id);
    if (before.closedOn === null) {
      throw validationFailure([{ path: 'id', message: `Thỏa thuận ${nameOf(before)} vẫn đang được theo dõi.` }]);
    }
    const was = snapshotOf(ctx, before);
    const after = ctx.db
      .update(agreements)
      .set({ closedOn: null, closingReason: '', updatedAt: timestamp(ctx) })
      .where(eq(agreements.id, id))
      .returning()
      .get();
    audit(ctx, id, 'update', was, snapshotOf(ctx, after));
    return summaryOf(ctx, after);
  });
}

// ---------------------------------------------------------------------------------------------
// Deliveries

/** The commitment with its agreement, or a plain message when either is gone. */
function requireCommitment(ctx: Context, commitmentId: number): { commitment: CommitmentRow; agreement: AgreementRow } {
  const found = ctx.db
    .select({ commitment: agreementCommitments, agreement: agreements })
    .from(agreementCommitments)
    .innerJoin(agreements, eq(agreements.id, agreementCommitments.agreementId))
    .where(and(eq(agreementCommitments.id, commitmentId), notInTrash(agreements)))
    .get();
  if (!found) throw notFound('Không tìm thấy cam kết này; có thể thỏa thuận đã được sửa hoặc bị xóa. Hãy tải lại trang.');
  return found;
}

/** A delivery is dated between the signing (or today, at the latest) and any termination. */
function checkDeliveryDate(ctx: Context, agreement: AgreementRow, deliveredOn: string): void {
  const today = todayIso(ctx);
  let message: string | null;
  if (agreement.signedOn === null) {
    message = `Thỏa thuận ${nameOf(agreement)} còn là bản dự thảo (chưa ký); chưa ghi nhận giao hàng được.`;
  } else if (deliveredOn < agreement.signedOn) {
    message = `Ngày giao hàng không được trước ngày ký thỏa thuận (${formatIsoDateVi(agreement.signedOn)}).`;
  } else if (deliveredOn > today) {
    message = `Ngày giao hàng không được sau hôm nay (${formatIsoDateVi(today)}); chỉ ghi nhận hàng đã giao.`;
  } else {
    message = deliveredAfterTermination(agreement.terminatedOn, deliveredOn);
  }
  if (message) throw validationFailure([{ path: 'deliveredOn', message }]);
}

/**
 * A delivery's columns, its quantity in the commitment's unit: one written in another unit that
 * Danh mục converts exactly (500 kg of a commitment in tấn) is stored converted and kept as
 * written; a unit that does not convert is refused, naming the unit to write.
 */
function deliveryColumns(ctx: Context, commitment: CommitmentRow, input: Omit<z.output<typeof deliveryInput>, 'commitmentId'>) {
  const { unit, quantity, ...rest } = input;
  const all = allUnits(ctx);
  const [from, to] = [unitOfText(all, unit), unitOfText(all, commitment.unit)];
  if (unit === '' || unitKey(unit) === unitKey(commitment.unit) || (from && from.code === to?.code)) {
    return { ...rest, quantity, writtenQuantity: null, writtenUnit: null };
  }
  const converted = from && to ? convertQuantity(quantity, from, to) : null;
  const refuse = (message: string) => validationFailure([{ path: 'unit', message }]);
  if (converted === null) {
    throw refuse(
      `Cam kết «${commitment.product}» tính bằng ${commitment.unit}; «${unit}» không quy đổi được sang ${commitment.unit}. Hãy ghi số lượng theo ${commitment.unit}${to ? ' hoặc một đơn vị cùng loại' : ''}.`,
    );
  }
  if (converted <= 0) throw refuse(`${formatQuantity(quantity, unit)} quá nhỏ để ghi theo ${commitment.unit}.`);
  return { ...rest, quantity: converted, writtenQuantity: quantity, writtenUnit: from?.name ?? unit };
}

function touch(ctx: Context, agreementId: number): void {
  ctx.db.update(agreements).set({ updatedAt: timestamp(ctx) }).where(eq(agreements.id, agreementId)).run();
}

export function addDelivery(ctx: Context, input: z.output<typeof deliveryInput>): AgreementDelivery {
  return atomically(ctx.db, () => {
    const { commitment, agreement } = requireCommitment(ctx, input.commitmentId);
    checkDeliveryDate(ctx, agreement, input.deliveredOn);
    const row = ctx.db
      .insert(agreementDeliveries)
      .values({ commitmentId: commitment.id, ...deliveryColumns(ctx, commitment, input), createdAt: timestamp(ctx) })
      .returning()
      .get();
    touch(ctx, agreement.id);
    audit(ctx, agreement.id, 'update', { delivery: null }, { delivery: deliveryValue(row, commitment) });
    return toDelivery(row, commitment);
  });
}

function requireDelivery(ctx: Context, id: number): DeliveryRow {
  const row = ctx.db.select().from(agreementDeliveries).where(eq(agreementDeliveries.id, id)).get();
  if (!row) throw notFound('Không tìm thấy lần giao hàng này; có thể đã bị xóa. Hãy tải lại trang.');
  return row;
}

export function updateDelivery(ctx: Context, { id, ...input }: z.output<typeof deliveryUpdateInput>): AgreementDelivery {
  return atomically(ctx.db, () => {
    const before = requireDelivery(ctx, id);
    const { commitment, agreement } = requireCommitment(ctx, before.commitmentId);
    checkDeliveryDate(ctx, agreement, input.deliveredOn);
    const after = ctx.db.update(agreementDeliveries).set(deliveryColumns(ctx, commitment, input)).where(eq(agreementDeliveries.id, id)).returning().get();
    touch(ctx, agreement.id);
    audit(ctx, agreement.id, 'update', { delivery: deliveryValue(before, commitment) }, { delivery: deliveryValue(after, commitment) });
    return toDelivery(after, commitment);
  });
}

export function removeDelivery(ctx: Context, id: number): null {
  return atomically(ctx.db, () => {
    const before = requireDelivery(ctx, id);
    const { commitment, agreement } = requireCommitment(ctx, before.commitmentId);
    ctx.db.delete(agreementDeliveries).where(eq(agreementDeliveries.id, id)).run();
    touch(ctx, agreement.id);
    audit(ctx, agreement.id, 'update', { delivery: deliveryValue(before, commitment) }, { delivery: null });
    return null;
  });
}

// ---------------------------------------------------------------------------------------------
// Follow-up notes

export function addNote(ctx: Context, input: z.output<typeof noteInput>): AgreementNote {
  return atomically(ctx.db, () => {
    requireAgreement(ctx, input.agreementId);
    const today = todayIso(ctx);
    if (input.notedOn > today) {
      throw validationFailure([{ path: 'notedOn', message: `Ngày ghi không được sau hôm nay (${formatIsoDateVi(today)}).` }]);
    }
    const row = ctx.db
      .insert(agreementNotes)
      .values({ ...input, createdAt: timestamp(ctx) })
      .returning()
      .get();
    touch(ctx, input.agreementId);
    audit(ctx, input.agreementId, 'update', { followUp: null }, { followUp: followUpValue(row) });
    return { id: row.id, notedOn: row.notedOn, text: row.text };
  });
}

export function removeNote(ctx: Context, id: number): null {
  return atomically(ctx.db, () => {
    const row = ctx.db.select().from(agreementNotes).where(eq(agreementNotes.id, id)).get();
    if (!row) throw notFound('Không tìm thấy ghi chú theo dõi này; có thể đã bị xóa. Hãy tải lại trang.');
    requireAgreement(ctx, row.agreementId);
    ctx.db.delete(agreementNotes).where(eq(agreementNotes.id, id)).run();
    touch(ctx, row.agreementId);
    audit(ctx, row.agreementId, 'update', { followUp: followUpValue(row) }, { followUp: null });
    return null;
  });
}

// ---------------------------------------------------------------------------------------------
// Attachments

type AttachmentRow = typeof agreementAttachments.$inferSelect;

function placeOf(agreementId: number): AttachmentPlace {
  return { folder: ATTACHMENTS_FOLDER, ownerId: agreementId, noun: 'thỏa thuận' };
}

function toAttachment(row: AttachmentRow): AgreementAttachment {
  return { id: row.id, fileName: row.fileName, size: row.size, mediaType: row.mediaType, addedAt: row.addedAt };
}

/** Moves an uploaded file into the agreement's folder and records it. */
export function addAttachment(ctx: Context, input: { agreementId: number; fileId: string }): AgreementAttachment {
  const agreement = requireAgreement(ctx, input.agreementId);
  const kept = keepStagedFile(ctx, input.fileId, placeOf(agreement.id));
  try {
    return atomically(ctx.db, () => {
      const row = ctx.db
        .insert(agreementAttachments)
        .values({
          agreementId: agreement.id,
          fileName: kept.fileName,
          storedName: kept.storedName,
          size: kept.size,
          mediaType: kept.mediaType,
          addedAt: timestamp(ctx),
        })
        .returning()
        .get();
      touch(ctx, agreement.id);
      audit(ctx, agreement.id, 'update', { attachment: null }, { attachment: kept.fileName });
      return toAttachment(row);
    });
  } catch (error) {
    forgetKeptFile(kept);
    throw error;
  }
}

function requireAttachment(ctx: Context, id: number): AttachmentRow {
  const row = ctx.db
    .select({ attachment: agreementAttachments })
    .from(agreementAttachments)
    .innerJoin(agreements, eq(agreements.id, agreementAttachments.agreementId))
    .where(and(eq(agreementAttachments.id, id), notInTrash(agreements)))
    .get();
  if (!row) throw notFound('Không tìm thấy tệp đính kèm này; có thể đã bị xóa. Hãy tải lại trang.');
  return row.attachment;
}

/** Removes the attachment's row, and its file where an attachment's file must be (see removeAttachedFile). */
export function removeAttachment(ctx: Context, id: number): null {
  const row = requireAttachment(ctx, id);
  atomically(ctx.db, () => {
    ctx.db.delete(agreementAttachments).where(eq(agreementAttachments.id, id)).run();
    touch(ctx, row.agreementId);
    audit(ctx, row.agreementId, 'update', { attachment: row.fileName }, { attachment: null });
  });
  removeAttachedFile(ctx, row.storedName, placeOf(row.agreementId));
  return null;
}

/** The checked path of an attachment's file, or a message saying why it cannot be given. */
function attachmentFile(ctx: Context, id: number): { row: AttachmentRow; path: string } {
  const row = requireAttachment(ctx, id);
  return { row, path: attachedFilePath(ctx, row, placeOf(row.agreementId)) };
}

export function readAttachment(ctx: Context, input: { attachmentId: number; offset: number }): FileChunk {
  const { row, path } = attachmentFile(ctx, input.attachmentId);
  return readChunk(path, row.fileName, input.offset);
}

/** In the desktop app, the system's viewer opens the file; the window falls back to reading it. */
export async function openAttachment(ctx: Context, attachmentId: number): Promise<{ opened: boolean }> {
  const { path } = attachmentFile(ctx, attachmentId);
  if (!ctx.desktop) return { opened: false };
  await ctx.desktop.openPath(path);
  return { opened: true };
}

export const agreementsHandlers: HandlersFor<typeof agreementsContract> = {
  'agreements:list': (ctx, input) => listAgreements(ctx, input),
  'agreements:get': (ctx, { id }) => getAgreement(ctx, id),
  'agreements:create': (ctx, input) => createAgreement(ctx, input),
  'agreements:update': (ctx, input) => updateAgreement(ctx, input),
  'agreements:delete': (ctx, { id }) => deleteAgreement(ctx, id),
  'agreements:restore': (ctx, { id }) => restoreAgreement(ctx, id),
  'agreements:trash': (ctx, input) => listAgreementTrash(ctx, input),
  'agreements:checkNumber': (ctx, { number, excludeId }) => agreementsWithNumber(ctx, number, excludeId),
  'agreements:ofEvent': (ctx, { eventId }) => allAgreements(ctx, { eventId }),
  'agreements:ofCounterpart': (ctx, counterpart) => counterpartAgreements(ctx, counterpart),
  'agreements:addDelivery': (ctx, input) => addDelivery(ctx, input),
  'agreements:updateDelivery': (ctx, input) => updateDelivery(ctx, input),
  'agreements:removeDelivery': (ctx, { id }) => removeDelivery(ctx, id),
  'agreements:terminate': (ctx, input) => terminateAgreement(ctx, input),
  'agreements:close': (ctx, input) => closeAgreement(ctx, input),
  'agreements:reopen': (ctx, { id }) => reopenAgreement(ctx, id),
  'agreements:addNote': (ctx, input) => addNote(ctx, input),
  'agreements:removeNote': (ctx, { id }) => removeNote(ctx, id),
  'agreements:addAttachment': (ctx, input) => addAttachment(ctx, input),
  'agreements:removeAttachment': (ctx, { id }) => removeAttachment(ctx, id),
  'agreements:readAttachment': (ctx, input) => readAttachment(ctx, input),
  'agreements:openAttachment': (ctx, { attachmentId }) => openAttachment(ctx, attachmentId),
};
