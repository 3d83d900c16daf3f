/**
 * Chương trình kết nối cung – cầu: the programme's decision, period, working group and channels,
 * the events held under it, and its results over a period — computed from its connections and the
 * deliveries recorded on the agreements they became, per product group and base unit (never added
 * across units), with value, who took part, by channel and by commune.
 */
import { and, asc, countDistinct, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { deliveredAsOf, roundQuantity } from '../../shared/agreements';
import type {
  ChannelResult,
  CommuneResult,
  DeletedProgramme,
  GroupVolume,
  ParsedProgrammeInput,
  ProgrammeDetail,
  ProgrammeResults,
  ProgrammeSummary,
  UnitVolume,
  programmeUpdateInput,
  programmesContract,
  resultsInput,
} from '../../shared/contracts/programmes';
import type { OrganizationKind, Page } from '../../shared/domain';
import { notFound, validationFailure } from '../../shared/errors';
import { baseOf, convertQuantity } from '../../shared/supply';
import { foldText } from '../../shared/text';
import { timestamp, todayIso, type Context } from '../context';
import { atomically } from '../db/atomic';
import { notInTrash } from '../db/predicates';
import type { HandlersFor } from '../handlerTypes';
import {
  agreementCommitments,
  agreementDeliveries,
  agreements,
  events,
  organizations,
  productGroups,
  programmeChannels,
  programmeEvents,
  programmeMembers,
  programmes,
  salesChannels,
  supplyConnections,
  supplyDemands,
  supplyOffers,
} from '../db/schema';
import { moveToTrash, recordChange, requireLive, restoreFromTrash, trashPage, type RecordSpec, type Snapshot } from '../records';
import { unitOfText, unitsByCode, type UnitRow } from './supplyLookups';

type ProgrammeRow = typeof programmes.$inferSelect;

function requireProgramme(ctx: Context, id: number): ProgrammeRow {
  return requireLive(ctx, programmeRecords, id);
}

function summaries(ctx: Context, where: SQL | undefined): ProgrammeSummary[] {
  return ctx.db
    .select({
      id: programmes.id,
      name: programmes.name,
      decisionNo: programmes.decisionNo,
      startsOn: programmes.startsOn,
      endsOn: programmes.endsOn,
      // drizzle leaves the columns of a one-table select unqualified: the counts name the table.
      offers: sql<number>`(SELECT count(*) FROM supply_offers o WHERE o.programme_id = programmes.id AND o.deleted_at IS NULL)`,
      demands: sql<number>`(SELECT count(*) FROM supply_demands d WHERE d.programme_id = programmes.id AND d.deleted_at IS NULL)`,
      connections: sql<number>`(SELECT count(*) FROM supply_connections c WHERE c.programme_id = programmes.id AND c.deleted_at IS NULL)`,
    })
    .from(programmes)
    .where(where)
    .orderBy(desc(programmes.startsOn), desc(programmes.id))
    .all();
}

function summaryOf(ctx: Context, id: number): ProgrammeSummary {
  const [found] = summaries(ctx, eq(programmes.id, id));
  if (!found) throw notFound(`Không tìm thấy chương trình số ${id}.`);
  return found;
}

export function listProgrammes(ctx: Context, { search }: { search: string }): ProgrammeSummary[] {
  const words = foldText(search).split(' ').filter(Boolean);
  const where = and(
    notInTrash(programmes),
    ...words.map((word) => sql`${programmes.nameFolded} LIKE ${`%${word.replace(/[\\%_]/g, (character) => `\\${character}`)}%`} ESCAPE '\\'`),
  );
  return summaries(ctx, where);
}

export function getProgramme(ctx: Context, id: number): ProgrammeDetail {
  const row = requireProgramme(ctx, id);
  return {
    ...summaryOf(ctx, id),
    description: row.description,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    members: ctx.db
      .select({ name: programmeMembers.name, role: programmeMembers.role, position: programmeMembers.position, phone: programmeMembers.phone })
      .from(programmeMembers)
      .where(eq(programmeMembers.programmeId, id))
      .orderBy(asc(programmeMembers.id))
      .all(),
    channelCodes: ctx.db
      .select({ code: programmeChannels.channelCode })
      .from(programmeChannels)
      .innerJoin(salesChannels, eq(salesChannels.code, programmeChannels.channelCode))
      .where(eq(programmeChannels.programmeId, id))
      .orderBy(asc(salesChannels.sortOrder))
      .all()
      .map((channel) => channel.code),
    events: ctx.db
      .select({ id: events.id, title: events.title, startsOn: events.startsOn, endsOn: events.endsOn })
      .from(programmeEvents)
      .innerJoin(events, eq(events.id, programmeEvents.eventId))
      .where(and(eq(programmeEvents.programmeId, id), notInTrash(events)))
      .orderBy(asc(events.startsOn), asc(events.id))
      .all(),
  };
}

// ---------------------------------------------------------------------------------------------
// Creating and changing

function snapshotOf(ctx: Context, row: ProgrammeRow): Snapshot {
  return {
    name: row.name,
    decisionNo: row.decisionNo,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    description: row.description,
    members: ctx.db
      .select({ name: programmeMembers.name, role: programmeMembers.role, position: programmeMembers.position, phone: programmeMembers.phone })
      .from(programmeMembers)
      .where(eq(programmeMembers.programmeId, row.id))
      .orderBy(asc(programmeMembers.id))
      .all(),
    channelCodes: ctx.db
      .select({ code: programmeChannels.channelCode })
      .from(programmeChannels)
      .innerJoin(salesChannels, eq(salesChannels.code, programmeChannels.channelCode))
      .where(eq(programmeChannels.programmeId, row.id))
      .orderBy(asc(salesChannels.sortOrder))
      .all()
      .map((channel) => channel.code),
  };
}

/** Programmes as the record machinery handles them: audit trail, trash and history. */
export const programmeRecords: RecordSpec<typeof programmes> = {
  kind: 'programme',
  table: programmes,
  noun: 'chương trình',
  snapshot: snapshotOf,
  nameOf: (ctx, field, value) =>
    field === 'channelCodes' && typeof value === 'string'
      ? ctx.db.select({ name: salesChannels.name }).from(salesChannels).where(eq(salesChannels.code, value)).get()?.name
      : undefined,
};

function checkChannels(ctx: Context, codes: string[]): void {
  if (codes.length === 0) return;
  const known = new Set(ctx.db.select({ code: salesChannels.code }).from(salesChannels).where(inArray(salesChannels.code, codes)).all().map((row) => row.code));
  const unknown = codes.filter((code) => !known.has(code));
  if (unknown.length) throw validationFailure([{ path: 'channelCodes', message: 'Kênh tiêu thụ đã chọn không còn trong danh mục; hãy chọn lại.' }]);
}

function writeParts(ctx: Context, id: number, input: ParsedProgrammeInput): void {
  ctx.db.delete(programmeMembers).where(eq(programmeMembers.programmeId, id)).run();
  if (input.members.length) ctx.db.insert(programmeMembers).values(input.members.map((member) => ({ ...member, programmeId: id }))).run();
  ctx.db.delete(programmeChannels).where(eq(programmeChannels.programmeId, id)).run();
  const channels = [...new Set(input.channelCodes)];
  if (channels.length) ctx.db.insert(programmeChannels).values(channels.map((channelCode) => ({ programmeId: id, channelCode }))).run();
}

function columnsFor(input: ParsedProgrammeInput) {
  return {
    name: input.name,
    nameFolded: foldText(input.name),
    decisionNo: input.decisionNo,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    description: input.description,
  };
}

export function createProgramme(ctx: Context, input: ParsedProgrammeInput): ProgrammeSummary {
  checkChannels(ctx, input.channelCodes);
  return atomically(ctx.db, () => {
    const now = timestamp(ctx);
    const row = ctx.db
      .insert(programmes)
      .values({ ...columnsFor(input), createdAt: now, updatedAt: now })
      .returning()
      .get();
    writeParts(ctx, row.id, input);
    recordChange(ctx, 'programme', row.id, 'create', null, snapshotOf(ctx, row));
    return summaryOf(ctx, row.id);
  });
}

export function updateProgramme(ctx: Context, { id, ...input }: z.output<typeof programmeUpdateInput>): ProgrammeSummary {
  checkChannels(ctx, input.channelCodes);
  return atomically(ctx.db, () => {
    const before = requireProgramme(ctx, id);
    const was = snapshotOf(ctx, before);
    const after = ctx.db
      .update(programmes)
      .set({ ...columnsFor(input), updatedAt: timestamp(ctx) })
      .where(eq(programmes.id, id))
      .returning()
      .get();
    writeParts(ctx, id, input);
    recordChange(ctx, 'programme', id, 'update', was, snapshotOf(ctx, after));
    return summaryOf(ctx, id);
  });
}

/** To the trash; its offers, demands and connections stay, no longer shown under it. */
export function deleteProgramme(ctx: Context, id: number): null {
  return moveToTrash(ctx, programmeRecords, id);
}

export function restoreProgramme(ctx: Context, id: number): ProgrammeSummary {
  return atomically(ctx.db, () => summaryOf(ctx, restoreFromTrash(ctx, programmeRecords, id).id));
}

export function programmeTrash(ctx: Context, page: { page: number; pageSize: number }): Page<DeletedProgramme> {
  const { rows, total } = trashPage(ctx, programmeRecords, page);
  const byId = new Map(summaries(ctx, inArray(programmes.id, rows.map((row) => row.id))).map((summary) => [summary.id, summary]));
  return {
    rows: rows.flatMap((row) => {
      const summary = byId.get(row.id);
      return summary ? [{ ...summary, deletedAt: row.deletedAt }] : [];
    }),
    total,
  };
}

/** An event held under a programme, as its history keeps it: which, with its title and day as they were. */
function heldEvent(eventId: number, event: { title: string; startsOn: string }): Snapshot {
  return { id: eventId, title: event.title, startsOn: event.startsOn };
}

function requireEvent(ctx: Context, eventId: number): { title: string; startsOn: string } {
  const event = ctx.db
    .select({ title: events.title, startsOn: events.startsOn })
    .from(events)
    .where(and(eq(events.id, eventId), notInTrash(events)))
    .get();
  if (!event) throw validationFailure([{ path: 'eventId', message: 'Sự kiện đã chọn không còn; có thể đã bị xóa. Hãy chọn lại.' }]);
  return event;
}

export function addProgrammeEvent(ctx: Context, { programmeId, eventId }: { programmeId: number; eventId: number }): null {
  return atomically(ctx.db, () => {
    requireProgramme(ctx, programmeId);
    const event = requireEvent(ctx, eventId);
    const added = ctx.db.insert(programmeEvents).values({ programmeId, eventId }).onConflictDoNothing().run();
    if (added.changes > 0) {
      recordChange(ctx, 'programme', programmeId, 'update', { event: null }, { event: heldEvent(eventId, event) });
    }
    return null;
  });
}

export function removeProgrammeEvent(ctx: Context, { programmeId, eventId }: { programmeId: number; eventId: number }): null {
  return atomically(ctx.db, () => {
    requireProgramme(ctx, programmeId);
    const event = ctx.db.select({ title: events.title, startsOn: events.startsOn }).from(events).where(eq(events.id, eventId)).get();
    const removed = ctx.db
      .delete(programmeEvents)
      .where(and(eq(programmeEvents.programmeId, programmeId), eq(programmeEvents.eventId, eventId)))
      .run();
    if (removed.changes > 0 && event) {
      recordChange(ctx, 'programme', programmeId, 'update', { event: heldEvent(eventId, event) }, { event: null });
    }
    return null;
  });
}

// ---------------------------------------------------------------------------------------------
// Results

interface ConnectionFact {
  offerOrganizationId: number;
  sellerKind: OrganizationKind;
  partnerId: number | null;
  buyerOrganizationId: number | null;
  groupCode: string;
  communeCode: string;
  channelCode: string;
  baseQuantity: number;
  baseUnitCode: string;
  value: number | null;
}

interface DeliveryFact {
  commitmentId: number;
  quantity: number;
  value: number | null;
  deliveredOn: string;
  commitmentUnit: string;
  unitCode: string;
  price: number | null;
  groupCode: string;
  communeCode: string;
  channelCode: string;
}

/** A running total of quantities per base unit. */
class Volumes {
  private readonly byUnit = new Map<string, { connected: number; delivered: number }>();

  add(unitCode: string, connected: number, delivered: number): void {
    const total = this.byUnit.get(unitCode) ?? { connected: 0, delivered: 0 };
    total.connected = roundQuantity(total.connected + connected);
    total.delivered = roundQuantity(total.delivered + delivered);
    this.byUnit.set(unitCode, total);
  }

  list(names: Map<string, UnitRow>): UnitVolume[] {
    return [...this.byUnit]
      .map(([unitCode, total]) => ({ unitCode, unitName: unitNameOf(names, unitCode), ...total }))
      .sort((a, b) => unitOrder(names, a.unitCode) - unitOrder(names, b.unitCode) || a.unitName.localeCompare(b.unitName, 'vi'));
  }
}

/** Deliveries on an agreement in a unit the lookup does not know keep that unit as written. */
const WRITTEN = 'written:';

function unitNameOf(names: Map<string, UnitRow>, unitCode: string): string {
  return unitCode.startsWith(WRITTEN) ? unitCode.slice(WRITTEN.length) : (names.get(unitCode)?.name ?? unitCode);
}

function unitOrder(names: Map<string, UnitRow>, unitCode: string): number {
  return names.get(unitCode)?.sortOrder ?? Number.MAX_SAFE_INTEGER;
}

/** What a unit written freely on an agreement is in the lookup: itself and its base unit, if known. */
interface WrittenUnit {
  written: UnitRow | undefined;
  base: UnitRow | undefined;
}

/**
 * Resolves each unit text once: deliveries of a year repeat a handful of spellings thousands of
 * times, and matching one folds every unit's names and aliases.
 */
function writtenUnits(all: Map<string, UnitRow>): (text: string) => WrittenUnit {
  const known = new Map<string, WrittenUnit>();
  return (text) => {
    let found = known.get(text);
    if (!found) {
      const written = unitOfText(all.values(), text);
      found = { written, base: written ? all.get(baseOf(written)) : undefined };
      known.set(text, found);
    }
    return found;
  };
}

/** A delivery in the base unit of its commitment's unit, and its value (given, or at the connection's price). */
function deliveredInBase(all: Map<string, UnitRow>, unitOf: (text: string) => WrittenUnit, delivery: DeliveryFact): { unitCode: string; quantity: number; value: number } {
  const { written, base } = unitOf(delivery.commitmentUnit);
  const connectionUnit = all.get(delivery.unitCode);
  const inConnectionUnit = written && connectionUnit ? convertQuantity(delivery.quantity, written, connectionUnit) : null;
  const value = delivery.value ?? (delivery.price !== null && inConnectionUnit !== null ? Math.round(inConnectionUnit * delivery.price) : 0);
  if (!written || !base) return { unitCode: `${WRITTEN}${delivery.commitmentUnit}`, quantity: delivery.quantity, value };
  return { unitCode: base.code, quantity: convertQuantity(delivery.quantity, written, base) ?? delivery.quantity, value };
}

/**
 * What a programme (or, without one, every connection) achieved from `from` to `to`: connections
 * made in the period, and deliveries recorded in it (up to today) on the agreements they became.
 */
export function programmeResults(ctx: Context, asked: z.output<typeof resultsInput>): ProgrammeResults {
  if (asked.programmeId !== null) requireProgramme(ctx, asked.programmeId);
  const today = todayIso(ctx);
  const input = { programmeId: asked.programmeId, from: asked.from ?? `${today.slice(0, 4)}-01-01`, to: asked.to ?? `${today.slice(0, 4)}-12-31` };
  const asOf = input.to < today ? input.to : today;
  const inProgramme = input.programmeId === null ? undefined : eq(supplyConnections.programmeId, input.programmeId);
  const connections: ConnectionFact[] = ctx.db
    .select({
      offerOrganizationId: supplyOffers.organizationId,
      sellerKind: organizations.kind,
      partnerId: supplyDemands.partnerId,
      buyerOrganizationId: supplyDemands.organizationId,
      groupCode: supplyOffers.productGroupCode,
      communeCode: supplyOffers.communeCode,
      channelCode: supplyConnections.channelCode,
      baseQuantity: supplyConnections.baseQuantity,
      baseUnitCode: supplyConnections.baseUnitCode,
      value: supplyConnections.value,
    })
    .from(supplyConnections)
    .innerJoin(supplyOffers, eq(supplyOffers.id, supplyConnections.offerId))
    .innerJoin(organizations, eq(organizations.id, supplyOffers.organizationId))
    .innerJoin(supplyDemands, eq(supplyDemands.id, supplyConnections.demandId))
    .where(and(notInTrash(supplyConnections), inProgramme, gte(supplyConnections.connectedOn, input.from), lte(supplyConnections.connectedOn, input.to)))
    .all();
  const deliveries: DeliveryFact[] = ctx.db
    .select({
      commitmentId: agreementDeliveries.commitmentId,
      quantity: agreementDeliveries.quantity,
      value: agreementDeliveries.value,
      deliveredOn: agreementDeliveries.deliveredOn,
      commitmentUnit: agreementCommitments.unit,
      unitCode: supplyConnections.unitCode,
      price: supplyConnections.price,
      groupCode: supplyOffers.productGroupCode,
      communeCode: supplyOffers.communeCode,
      channelCode: supplyConnections.channelCode,
    })
    .from(supplyConnections)
    .innerJoin(agreementCommitments, eq(agreementCommitments.id, supplyConnections.commitmentId))
    .innerJoin(agreements, and(eq(agreements.id, agreementCommitments.agreementId), notInTrash(agreements)))
    .innerJoin(agreementDeliveries, eq(agreementDeliveries.commitmentId, agreementCommitments.id))
    .innerJoin(supplyOffers, eq(supplyOffers.id, supplyConnections.offerId))
    .where(and(notInTrash(supplyConnections), inProgramme, gte(agreementDeliveries.deliveredOn, input.from), lte(agreementDeliveries.deliveredOn, asOf)))
    .all();

  const all = unitsByCode(ctx);
  const unitOf = writtenUnits(all);
  const groups = new Map(ctx.db.select().from(productGroups).all().map((group) => [group.code, group]));
  const channels = new Map(ctx.db.select().from(salesChannels).all().map((channel) => [channel.code, channel]));

  const totals = new Volumes();
  const byGroup = new Map<string, GroupVolume>();
  const groupEntry = (groupCode: string, unitCode: string): GroupVolume => {
    const key = `${groupCode}\u0000${unitCode}`;
    let entry = byGroup.get(key);
    if (!entry) {
      entry = {
        productGroupCode: groupCode,
        productGroupName: groups.get(groupCode)?.name ?? groupCode,
        unitCode,
        unitName: unitNameOf(all, unitCode),
        connected: 0,
        delivered: 0,
        connections: 0,
        connectedValue: 0,
        deliveredValue: 0,
      };
      byGroup.set(key, entry);
    }
    return entry;
  };
  const byChannel = new Map<string, Omit<ChannelResult, 'volumes'> & { volumes: Volumes }>();
  const channelEntry = (channelCode: string) => {
    let entry = byChannel.get(channelCode);
    if (!entry) {
      entry = { channelCode, channelName: channels.get(channelCode)?.name ?? channelCode, connections: 0, connectedValue: 0, deliveredValue: 0, volumes: new Volumes() };
      byChannel.set(channelCode, entry);
    }
    return entry;
  };
  const byCommune = new Map<string, Omit<CommuneResult, 'volumes' | 'organizations'> & { volumes: Volumes; sellers: Set<number> }>();
  const communeEntry = (communeCode: string) => {
    let entry = byCommune.get(communeCode);
    if (!entry) {
      const commune = ctx.places.commune(communeCode);
      entry = {
        communeCode,
        communeName: commune?.fullName ?? communeCode,
        provinceName: commune ? (ctx.places.province(commune.provinceCode)?.fullName ?? '') : '',
        connections: 0,
        connectedValue: 0,
        volumes: new Volumes(),
        sellers: new Set(),
      };
      byCommune.set(communeCode, entry);
    }
    return entry;
  };

  const sellers = new Map<number, OrganizationKind>();
  const partners = new Set<number>();
  const buyingMembers = new Set<number>();
  let connectedValue = 0;
  for (const connection of connections) {
    const value = connection.value ?? 0;
    connectedValue += value;
    sellers.set(connection.offerOrganizationId, connection.sellerKind);
    if (connection.partnerId !== null) partners.add(connection.partnerId);
    if (connection.buyerOrganizationId !== null) buyingMembers.add(connection.buyerOrganizationId);
    totals.add(connection.baseUnitCode, connection.baseQuantity, 0);
    const group = groupEntry(connection.groupCode, connection.baseUnitCode);
    group.connected = roundQuantity(group.connected + connection.baseQuantity);
    group.connections += 1;
    group.connectedValue += value;
    const channel = channelEntry(connection.channelCode);
    channel.connections += 1;
    channel.connectedValue += value;
    channel.volumes.add(connection.baseUnitCode, connection.baseQuantity, 0);
    const commune = communeEntry(connection.communeCode);
    commune.connections += 1;
    commune.connectedValue += value;
    commune.sellers.add(connection.offerOrganizationId);
    commune.volumes.add(connection.baseUnitCode, connection.baseQuantity, 0);
  }
  let deliveredValue = 0;
  // Summed per commitment first, as the agreement rules sum deliveries (rounded once).
  for (const own of Map.groupBy(deliveries, (delivery) => delivery.commitmentId).values()) {
    const first = own[0];
    if (!first) continue;
    const quantity = deliveredAsOf(own, asOf);
    const value = own.reduce((sum, delivery) => sum + deliveredInBase(all, unitOf, delivery).value, 0);
    const inBase = deliveredInBase(all, unitOf, { ...first, quantity, value: 0 });
    deliveredValue += value;
    totals.add(inBase.unitCode, 0, inBase.quantity);
    const group = groupEntry(first.groupCode, inBase.unitCode);
    group.delivered = roundQuantity(group.delivered + inBase.quantity);
    group.deliveredValue += value;
    const channel = channelEntry(first.channelCode);
    channel.deliveredValue += value;
    channel.volumes.add(inBase.unitCode, 0, inBase.quantity);
    communeEntry(first.communeCode).volumes.add(inBase.unitCode, 0, inBase.quantity);
  }

  const kinds = [...sellers.values()];
  const eventCount =
    ctx.db
      .select({ n: countDistinct(events.id) })
      .from(programmeEvents)
      .innerJoin(events, eq(events.id, programmeEvents.eventId))
      .innerJoin(programmes, and(eq(programmes.id, programmeEvents.programmeId), notInTrash(programmes)))
      .where(
        and(
          notInTrash(events),
          gte(events.startsOn, input.from),
          lte(events.startsOn, input.to),
          input.programmeId === null ? undefined : eq(programmeEvents.programmeId, input.programmeId),
        ),
      )
      .get()?.n ?? 0;
  const groupOrder = (code: string) => groups.get(code)?.sortOrder ?? Number.MAX_SAFE_INTEGER;
  const channelOrder = (code: string) => channels.get(code)?.sortOrder ?? Number.MAX_SAFE_INTEGER;
  return {
    programmeId: input.programmeId,
    from: input.from,
    to: input.to,
    asOf,
    connections: connections.length,
    connectedValue,
    deliveredValue,
    sellers: {
      htx: kinds.filter((kind) => kind === 'htx').length,
      tht: kinds.filter((kind) => kind === 'tht').length,
      other: kinds.filter((kind) => kind !== 'htx' && kind !== 'tht').length,
      total: kinds.length,
    },
    partners: partners.size,
    buyingMembers: buyingMembers.size,
    events: eventCount,
    totals: totals.list(all),
    byGroup: [...byGroup.values()].sort(
      (a, b) => groupOrder(a.productGroupCode) - groupOrder(b.productGroupCode) || unitOrder(all, a.unitCode) - unitOrder(all, b.unitCode),
    ),
    byChannel: [...byChannel.values()]
      .sort((a, b) => channelOrder(a.channelCode) - channelOrder(b.channelCode))
      .map(({ volumes, ...channel }) => ({ ...channel, volumes: volumes.list(all) })),
    byCommune: [...byCommune.values()]
      .sort((a, b) => b.connections - a.connections || a.communeName.localeCompare(b.communeName, 'vi'))
      .map(({ volumes, sellers: own, ...commune }) => ({ ...commune, organizations: own.size, volumes: volumes.list(all) })),
  };
}

export const programmesHandlers: HandlersFor<typeof programmesContract> = {
  'programmes:list': (ctx, input) => listProgrammes(ctx, input),
  'programmes:get': (ctx, { id }) => getProgramme(ctx, id),
  'programmes:create': (ctx, input) => createProgramme(ctx, input),
  'programmes:update': (ctx, input) => updateProgramme(ctx, input),
  'programmes:delete': (ctx, { id }) => deleteProgramme(ctx, id),
  'programmes:restore': (ctx, { id }) => restoreProgramme(ctx, id),
  'programmes:trash': (ctx, input) => programmeTrash(ctx, input),
  'programmes:addEvent': (ctx, input) => addProgrammeEvent(ctx, input),
  'programmes:removeEvent': (ctx, input) => removeProgrammeEvent(ctx, input),
  'programmes:results': (ctx, input) => programmeResults(ctx, input),
};
