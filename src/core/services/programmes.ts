/**
 * Chương trình kết nối cung – cầu: the programme's decision, period, working group and channels,
 * the events held under it, and its results over a period — computed from its connections and the
 * deliveries recorded on the agreements they became, per product group and base unit (never added
 * across units), with value, who took part, by channel and by commune.
 */
import { and, asc, count, countDistinct, desc, eq, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { deliveredValueOf, roundQuantity } from '../../shared/agreements';
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
import type { Page } from '../../shared/domain';
import { notFound, validationFailure } from '../../shared/errors';
import { baseOf, convertQuantity } from '../../shared/supply';
import { foldText, vietnameseCollator } from '../../shared/text';
import type { AdminUnits } from '../adminUnits';
import { timestamp, todayIso, type Context } from '../context';
import { atomically } from '../db/atomic';
import { buyerNotInTrash, notInTrash, sellerNotInTrash, subqueries } from '../db/predicates';
import { among } from '../db/prepared';
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
import { moveToTrash, recordChange, requireLive, restoreFromTrash, trashPage, whyNotLive, type RecordSpec, type Snapshot } from '../records';
import { unitOfText, unitsByCode, type UnitRow } from './supplyLookups';

type ProgrammeRow = typeof programmes.$inferSelect;

function requireProgramme(ctx: Context, id: number): ProgrammeRow {
  return requireLive(ctx, programmeRecords, id);
}

/**
 * How many of `table`'s records belong to the programme of the row read, of those its list shows:
 * not in the trash, nor of a side in the trash (`listOffers`, `listDemands`). A subquery per
 * programme, counted from the table's index on the programme alone. Its columns are written
 * qualified, so they name the outer `programmes` row even in a one-table select, where drizzle
 * leaves the select's own columns unqualified.
 */
function countInProgramme(table: typeof supplyOffers | typeof supplyDemands | typeof supplyConnections, listed?: SQL): SQL<number> {
  const counted = subqueries
    .select({ count: count() })
    .from(table)
    .where(and(eq(table.programmeId, programmes.id), notInTrash(table), listed));
  return sql<number>`${counted}`;
}

function summaries(ctx: Context, where: SQL | undefined): ProgrammeSummary[] {
  return ctx.db
    .select({
      id: programmes.id,
      name: programmes.name,
      decisionNo: programmes.decisionNo,
      startsOn: programmes.startsOn,
      endsOn: programmes.endsOn,
      offers: countInProgramme(supplyOffers, sellerNotInTrash(supplyOffers)),
      demands: countInProgramme(supplyDemands, buyerNotInTrash(supplyDemands)),
      connections: countInProgramme(supplyConnections),
    })
    .from(programmes)
    .where(where)
    .orderBy(desc(programmes.startsOn), desc(programmes.id))
    .all();
}

function summaryOf(ctx: Context, id: number): ProgrammeSummary {
  const [found] = summaries(ctx, eq(programmes.id, id));
  if (!found) throw notFound(whyNotLive(ctx, programmeRecords, id));
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

/** The working group in the order it was written, and the channels in the lookup's order. */
function workingGroupAndChannels(ctx: Context, id: number) {
  return {
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
  };
}

export function getProgramme(ctx: Context, id: number): ProgrammeDetail {
  const row = requireProgramme(ctx, id);
  return {
    ...summaryOf(ctx, id),
    description: row.description,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    ...workingGroupAndChannels(ctx, id),
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
    ...workingGroupAndChannels(ctx, row.id),
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

/** A running total of quantities per base unit. */
class Volumes {
  private readonly byUnit = new Map<string, { connected: number; delivered: number }>();

  add(unitCode: string, side: 'connected' | 'delivered', quantity: number): void {
    let total = this.byUnit.get(unitCode);
    if (!total) {
      total = { connected: 0, delivered: 0 };
      this.byUnit.set(unitCode, total);
    }
    total[side] = roundQuantity(total[side] + quantity);
  }

  list(names: Map<string, UnitRow>): UnitVolume[] {
    return [...this.byUnit]
      .map(([unitCode, total]) => ({ unitCode, unitName: unitNameOf(names, unitCode), ...total }))
      .sort((a, b) => unitOrder(names, a.unitCode) - unitOrder(names, b.unitCode) || vietnameseCollator.compare(a.unitName, b.unitName));
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

const ranks = new WeakMap<AdminUnits, Map<string, number>>();

/**
 * Each commune's place among all communes' full names in Vietnamese order (communes of one name
 * share it), worked out once: a busy year's results sort thousands of communes, and comparing
 * names through the collator each time cost more than adding them up.
 */
function communeRanks(places: AdminUnits): Map<string, number> {
  let found = ranks.get(places);
  if (!found) {
    const sorted = places.provinces.flatMap((province) => places.communesOf(province.code)).sort((a, b) => vietnameseCollator.compare(a.fullName, b.fullName));
    found = new Map();
    let rank = 0;
    for (const [index, commune] of sorted.entries()) {
      const before = sorted[index - 1];
      if (before && vietnameseCollator.compare(before.fullName, commune.fullName) !== 0) rank += 1;
      found.set(commune.code, rank);
    }
    ranks.set(places, found);
  }
  return found;
}

/** Where an offer's goods count in the results: its product group and its commune. */
interface OfferFacts {
  groupCode: string;
  communeCode: string;
}

/** The figures of one product group in one base unit, of one channel, or of one commune. */
type ChannelEntry = Omit<ChannelResult, 'volumes'> & { volumes: Volumes };
type CommuneEntry = Omit<CommuneResult, 'volumes' | 'organizations'> & { volumes: Volumes; sellers: Set<number> };

/**
 * The results being added up: every connection and delivery goes into the totals, its product
 * group's row in its base unit, its channel's and its commune's.
 */
class Tally {
  readonly totals = new Volumes();
  private readonly groups = new Map<string, GroupVolume>();
  private readonly channels = new Map<string, ChannelEntry>();
  private readonly communes = new Map<string, CommuneEntry>();

  constructor(
    private readonly ctx: Context,
    private readonly units: Map<string, UnitRow>,
    private readonly groupNames: Map<string, { name: string; sortOrder: number }>,
    private readonly channelNames: Map<string, { name: string; sortOrder: number }>,
  ) {}

  group(groupCode: string, unitCode: string): GroupVolume {
    const key = `${groupCode}\u0000${unitCode}`;
    let entry = this.groups.get(key);
    if (!entry) {
      entry = {
        productGroupCode: groupCode,
        productGroupName: this.groupNames.get(groupCode)?.name ?? groupCode,
        unitCode,
        unitName: unitNameOf(this.units, unitCode),
        connected: 0,
        delivered: 0,
        connections: 0,
        connectedValue: 0,
        deliveredValue: 0,
      };
      this.groups.set(key, entry);
    }
    return entry;
  }

  channel(channelCode: string): ChannelEntry {
    let entry = this.channels.get(channelCode);
    if (!entry) {
      const name = this.channelNames.get(channelCode)?.name ?? channelCode;
      entry = { channelCode, channelName: name, connections: 0, connectedValue: 0, deliveredValue: 0, volumes: new Volumes() };
      this.channels.set(channelCode, entry);
    }
    return entry;
  }

  commune(communeCode: string): CommuneEntry {
    let entry = this.communes.get(communeCode);
    if (!entry) {
      const commune = this.ctx.places.commune(communeCode);
      entry = {
        communeCode,
        communeName: commune?.fullName ?? communeCode,
        provinceName: commune ? (this.ctx.places.province(commune.provinceCode)?.fullName ?? '') : '',
        connections: 0,
        connectedValue: 0,
        volumes: new Volumes(),
        sellers: new Set(),
      };
      this.communes.set(communeCode, entry);
    }
    return entry;
  }

  byGroup(): GroupVolume[] {
    const order = (code: string) => this.groupNames.get(code)?.sortOrder ?? Number.MAX_SAFE_INTEGER;
    return [...this.groups.values()].sort(
      (a, b) => order(a.productGroupCode) - order(b.productGroupCode) || unitOrder(this.units, a.unitCode) - unitOrder(this.units, b.unitCode),
    );
  }

  byChannel(): ChannelResult[] {
    const order = (code: string) => this.channelNames.get(code)?.sortOrder ?? Number.MAX_SAFE_INTEGER;
    return [...this.channels.values()]
      .sort((a, b) => order(a.channelCode) - order(b.channelCode))
      .map(({ volumes, ...channel }) => ({ ...channel, volumes: volumes.list(this.units) }));
  }

  byCommune(): CommuneResult[] {
    const rank = communeRanks(this.ctx.places);
    const byName = (a: CommuneEntry, b: CommuneEntry) => {
      const [first, second] = [rank.get(a.communeCode), rank.get(b.communeCode)];
      return first !== undefined && second !== undefined ? first - second : vietnameseCollator.compare(a.communeName, b.communeName);
    };
    return [...this.communes.values()]
      .sort((a, b) => b.connections - a.connections || byName(a, b))
      .map(({ volumes, sellers, ...commune }) => ({ ...commune, organizations: sellers.size, volumes: volumes.list(this.units) }));
  }
}

/**
 * What a programme (or, without one, every connection) achieved from `from` to `to`: connections
 * made in the period, and deliveries recorded in it (up to today) on the agreements they became.
 *
 * A busy programme's year holds thousands of connections, so each is read once with only what the
 * figures need, and the seller's kind and the buyer are read once per organization and per demand
 * afterwards, not once per connection (rows of tables of 100,000 organizations and 50,000
 * demands, scattered, were most of the time).
 */
export function programmeResults(ctx: Context, asked: z.output<typeof resultsInput>): ProgrammeResults {
  if (asked.programmeId !== null) requireProgramme(ctx, asked.programmeId);
  const today = todayIso(ctx);
  const input = { programmeId: asked.programmeId, from: asked.from ?? `${today.slice(0, 4)}-01-01`, to: asked.to ?? `${today.slice(0, 4)}-12-31` };
  const asOf = input.to < today ? input.to : today;
  const inProgramme = input.programmeId === null ? undefined : eq(supplyConnections.programmeId, input.programmeId);
  const all = unitsByCode(ctx);
  const tally = new Tally(
    ctx,
    all,
    new Map(ctx.db.select({ code: productGroups.code, name: productGroups.name, sortOrder: productGroups.sortOrder }).from(productGroups).all().map((group) => [group.code, group])),
    new Map(ctx.db.select({ code: salesChannels.code, name: salesChannels.name, sortOrder: salesChannels.sortOrder }).from(salesChannels).all().map((channel) => [channel.code, channel])),
  );

  const connections = ctx.db
    .select({
      offerId: supplyConnections.offerId,
      sellerId: supplyOffers.organizationId,
      demandId: supplyConnections.demandId,
      groupCode: supplyOffers.productGroupCode,
      communeCode: supplyOffers.communeCode,
      channelCode: supplyConnections.channelCode,
      baseQuantity: supplyConnections.baseQuantity,
      baseUnitCode: supplyConnections.baseUnitCode,
      value: supplyConnections.value,
    })
    .from(supplyConnections)
    .innerJoin(supplyOffers, eq(supplyOffers.id, supplyConnections.offerId))
    .where(and(notInTrash(supplyConnections), inProgramme, gte(supplyConnections.connectedOn, input.from), lte(supplyConnections.connectedOn, input.to)))
    .all();
  // The product group and commune of each offer, for the deliveries on its connections below.
  const offers = new Map<number, OfferFacts>();
  const sellerIds = new Set<number>();
  const demandIds = new Set<number>();
  let connectedValue = 0;
  for (const connection of connections) {
    const value = connection.value ?? 0;
    const quantity = connection.baseQuantity;
    const unitCode = connection.baseUnitCode;
    connectedValue += value;
    sellerIds.add(connection.sellerId);
    demandIds.add(connection.demandId);
    offers.set(connection.offerId, connection);
    tally.totals.add(unitCode, 'connected', quantity);
    const group = tally.group(connection.groupCode, unitCode);
    group.connected = roundQuantity(group.connected + quantity);
    group.connections += 1;
    group.connectedValue += value;
    const channel = tally.channel(connection.channelCode);
    channel.connections += 1;
    channel.connectedValue += value;
    channel.volumes.add(unitCode, 'connected', quantity);
    const commune = tally.commune(connection.communeCode);
    commune.connections += 1;
    commune.connectedValue += value;
    commune.sellers.add(connection.sellerId);
    commune.volumes.add(unitCode, 'connected', quantity);
  }
  const byId = (ids: Set<number>) => [...ids].sort((a, b) => a - b);
  const sellerKinds = new Map(
    ctx.db
      .select({ kind: organizations.kind, n: count() })
      .from(organizations)
      .where(among(organizations.id, byId(sellerIds)))
      .groupBy(organizations.kind)
      .all()
      .map((row) => [row.kind, row.n]),
  );
  const buyers = ctx.db
    .select({ partners: countDistinct(supplyDemands.partnerId), members: countDistinct(supplyDemands.organizationId) })
    .from(supplyDemands)
    .where(among(supplyDemands.id, byId(demandIds)))
    .get() ?? { partners: 0, members: 0 };

  const deliveredValue = tallyDeliveries(ctx, tally, all, offers, { inProgramme, from: input.from, asOf });

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
  const htx = sellerKinds.get('htx') ?? 0;
  const tht = sellerKinds.get('tht') ?? 0;
  return {
    programmeId: input.programmeId,
    from: input.from,
    to: input.to,
    asOf,
    connections: connections.length,
    connectedValue,
    deliveredValue,
    sellers: { htx, tht, other: sellerIds.size - htx - tht, total: sellerIds.size },
    partners: buyers.partners,
    buyingMembers: buyers.members,
    events: eventCount,
    totals: tally.totals.list(all),
    byGroup: tally.byGroup(),
    byChannel: tally.byChannel(),
    byCommune: tally.byCommune(),
  };
}

/** What was delivered on a commitment by some day, as `deliveredValueOf` reads it. */
interface DeliveredSums {
  delivered: number;
  valuedQuantity: number;
  valuedValue: number;
}

const nothingDelivered: DeliveredSums = { delivered: 0, valuedQuantity: 0, valuedValue: 0 };

/**
 * What was delivered on each of `commitmentIds` before `day`, for the value the period's own
 * deliveries add to it. Summed by SQLite from the deliveries' index on the commitment and the day,
 * which holds the quantity and value too.
 */
function deliveredBefore(ctx: Context, commitmentIds: number[], day: string): Map<number, DeliveredSums> {
  if (commitmentIds.length === 0) return new Map();
  const d = agreementDeliveries;
  return new Map(
    ctx.db
      .select({
        commitmentId: d.commitmentId,
        delivered: sql<number>`sum(${d.quantity})`,
        valuedQuantity: sql<number>`coalesce(sum(CASE WHEN ${d.value} IS NOT NULL THEN ${d.quantity} END), 0)`,
        valuedValue: sql<number>`coalesce(sum(${d.value}), 0)`,
      })
      .from(d)
      .where(and(among(d.commitmentId, commitmentIds), lt(d.deliveredOn, day)))
      .groupBy(d.commitmentId)
      .all()
      .map(({ commitmentId, ...sums }) => [commitmentId, sums]),
  );
}

/** `deliveredValueOf` of a commitment with `sums` delivered on it, summed as the agreement rules sum them (rounded once); 0 for none. */
function valueDelivered(commitment: { quantity: number; value: number | null }, sums: DeliveredSums): number {
  return (
    deliveredValueOf({
      ...commitment,
      delivered: roundQuantity(sums.delivered),
      valuedQuantity: roundQuantity(sums.valuedQuantity),
      valuedValue: sums.valuedValue,
    }) ?? 0
  );
}

/**
 * Adds the deliveries recorded from `from` to `asOf` on the agreements the connections became:
 * each commitment's deliveries summed first, as the agreement rules sum them (rounded once), then
 * stated in the base unit of the commitment's unit. Their value is the agreements' own
 * (`deliveredValueOf`: a delivery's value where written, else its share of the commitment's value):
 * what was delivered by `asOf` less what was by the day before `from`, so that the agreements
 * report and these results say the same of one delivery, and the periods add up. Returns the value
 * delivered.
 */
function tallyDeliveries(
  ctx: Context,
  tally: Tally,
  all: Map<string, UnitRow>,
  offers: Map<number, OfferFacts>,
  period: { inProgramme: SQL | undefined; from: string; asOf: string },
): number {
  const deliveries = ctx.db
    .select({
      commitmentId: agreementDeliveries.commitmentId,
      quantity: agreementDeliveries.quantity,
      value: agreementDeliveries.value,
      commitmentUnit: agreementCommitments.unit,
      committed: agreementCommitments.quantity,
      committedValue: agreementCommitments.value,
      signedOn: agreements.signedOn,
      offerId: supplyConnections.offerId,
      channelCode: supplyConnections.channelCode,
    })
    .from(supplyConnections)
    .innerJoin(agreementCommitments, eq(agreementCommitments.id, supplyConnections.commitmentId))
    .innerJoin(agreements, and(eq(agreements.id, agreementCommitments.agreementId), notInTrash(agreements)))
    .innerJoin(agreementDeliveries, eq(agreementDeliveries.commitmentId, agreementCommitments.id))
    .where(and(notInTrash(supplyConnections), period.inProgramme, gte(agreementDeliveries.deliveredOn, period.from), lte(agreementDeliveries.deliveredOn, period.asOf)))
    .all();
  // Most were connected in the period and their offers are known; the others' are read here.
  const unknown = [...new Set(deliveries.map((delivery) => delivery.offerId).filter((id) => !offers.has(id)))].sort((a, b) => a - b);
  if (unknown.length) {
    for (const offer of ctx.db
      .select({ offerId: supplyOffers.id, groupCode: supplyOffers.productGroupCode, communeCode: supplyOffers.communeCode })
      .from(supplyOffers)
      .where(among(supplyOffers.id, unknown))
      .all()) {
      offers.set(offer.offerId, offer);
    }
  }
  const byCommitment = Map.groupBy(deliveries, (delivery) => delivery.commitmentId);
  // What came before the period counts only for a commitment with a value of its own (without one
  // it is worth the values written), and only one signed before the period began has anything
  // delivered then: no delivery is dated before its agreement's signing (agreements.ts).
  const earlier = [...byCommitment.values()].flatMap(([first]) =>
    first && first.committedValue !== null && (first.signedOn === null || first.signedOn < period.from) ? [first.commitmentId] : [],
  );
  const before = deliveredBefore(ctx, earlier.sort((a, b) => a - b), period.from);
  const unitOf = writtenUnits(all);
  let deliveredValue = 0;
  for (const own of byCommitment.values()) {
    const first = own[0];
    const goods = first && offers.get(first.offerId);
    if (!first || !goods) continue;
    const { written, base } = unitOf(first.commitmentUnit);
    const inPeriod = { ...nothingDelivered };
    for (const delivery of own) {
      inPeriod.delivered += delivery.quantity;
      if (delivery.value !== null) {
        inPeriod.valuedQuantity += delivery.quantity;
        inPeriod.valuedValue += delivery.value;
      }
    }
    const atStart = before.get(first.commitmentId) ?? nothingDelivered;
    const atEnd = {
      delivered: atStart.delivered + inPeriod.delivered,
      valuedQuantity: atStart.valuedQuantity + inPeriod.valuedQuantity,
      valuedValue: atStart.valuedValue + inPeriod.valuedValue,
    };
    const commitment = { quantity: first.committed, value: first.committedValue };
    const value = valueDelivered(commitment, atEnd) - valueDelivered(commitment, atStart);
    // Every one is up to `asOf` (the query says so): summed, then rounded once, as `deliveredAsOf` does.
    const quantity = roundQuantity(inPeriod.delivered);
    const inBase =
      written && base
        ? { unitCode: base.code, quantity: convertQuantity(quantity, written, base) ?? quantity }
        : { unitCode: `${WRITTEN}${first.commitmentUnit}`, quantity };
    deliveredValue += value;
    tally.totals.add(inBase.unitCode, 'delivered', inBase.quantity);
    const group = tally.group(goods.groupCode, inBase.unitCode);
    group.delivered = roundQuantity(group.delivered + inBase.quantity);
    group.deliveredValue += value;
    const channel = tally.channel(first.channelCode);
    channel.deliveredValue += value;
    channel.volumes.add(inBase.unitCode, 'delivered', inBase.quantity);
    tally.commune(goods.communeCode).volumes.add(inBase.unitCode, 'delivered', inBase.quantity);
  }
  return deliveredValue;
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
