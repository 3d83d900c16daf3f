/**
 * Offers (nguồn cung) of member organizations and demands (nhu cầu) of partners and of members
 * that buy: listed, searched and filtered by status in the database, created and changed with
 * their references checked, withdrawn, moved to the trash and restored, each change in the audit
 * trail. Status and what remains follow from dates, withdrawal and connections on the day they are
 * read (shared/supply.ts), restated in SQL by `supplyStatusSql` for filtering and paging.
 *
 * The connections of an offer or demand are read here too (`connectionSummaries`), with what was
 * delivered against each on the agreement it became.
 */
import { and, asc, count, desc, eq, gte, inArray, isNull, lte, ne, notExists, or, sql, type AnyColumn, type SQL, type SQLWrapper } from 'drizzle-orm';
import { alias, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import { QUANTITY_DECIMALS, QUANTITY_ENTRY_DECIMALS, deliveredAsOf } from '../../shared/agreements';
import type { OfferWithoutBuyer, UnservedDemand } from '../../shared/contracts/attention';
import { addDays, daysBetween } from '../../shared/dates';
import type {
  ConnectionSummary,
  DemandDetail,
  DemandRequirement,
  DemandSummary,
  OfferDetail,
  OfferSummary,
  ParsedDemandInput,
  ParsedOfferInput,
  SupplyParty,
  SupplySummaryBase,
  ValidCertificate,
  demandListInput,
  demandUpdateInput,
  offerListInput,
  offerUpdateInput,
  withdrawInput,
} from '../../shared/contracts/supply';
import type { OrganizationKind, Page } from '../../shared/domain';
import { conflict, notFound, validationFailure, type FieldIssue } from '../../shared/errors';
import { formatDate, formatQuantity } from '../../shared/format';
import { convertQuantity, endedPartyRefusal, productNamed, productsNamed, remainingQuantity, supplyStatus } from '../../shared/supply';
import { foldText } from '../../shared/text';
import { timestamp, todayIso, type Context } from '../context';
import { atomically } from '../db/atomic';
import { refuseUnconfirmed } from './duplicates';
import { buyerNotInTrash, notInTrash, notWithdrawnBy, sellerNotInTrash, subqueries, supplyOpenOn, validOn } from '../db/predicates';
import {
  agreementCommitments,
  agreementDeliveries,
  agreements,
  certificationKinds,
  certifications,
  demandRequirements,
  organizations,
  partners,
  productGroups,
  products,
  programmes,
  salesChannels,
  supplyConnections,
  supplyDemands,
  supplyOffers,
  units,
} from '../db/schema';
import { endedRefusal } from './organizations';
import { saveProduct } from './products';
import { foldedTextCondition } from './search';
import { requireProductGroup, requireUnit, unitOfText, unitsByCode, type UnitRow } from './supplyLookups';
import { moveToTrash, recordChange, requireLive, restoreFromTrash, trashPage, whyNotLive, type RecordSpec, type Snapshot } from '../records';

type OfferRow = typeof supplyOffers.$inferSelect;
type DemandRow = typeof supplyDemands.$inferSelect;

// ---------------------------------------------------------------------------------------------
// Status in SQL

/**
 * Connected so far to the offer (or demand) whose id is `id` (by default the row of the query), in
 * its own unit: what its live connections took of it; with `by`, only those made by that day (a
 * bulletin of a past period reads what was left then).
 */
export function connectedQuantity(side: 'offer' | 'demand', id: SQLWrapper = side === 'offer' ? supplyOffers.id : supplyDemands.id, by?: string): SQL<number> {
  const [key, quantity] = side === 'offer' ? [supplyConnections.offerId, supplyConnections.offerQuantity] : [supplyConnections.demandId, supplyConnections.demandQuantity];
  const taken = subqueries
    .select({ quantity: sql<number>`coalesce(sum(${quantity}), 0)` })
    .from(supplyConnections)
    .where(and(eq(key, id), notInTrash(supplyConnections), by === undefined ? undefined : lte(supplyConnections.connectedOn, by)));
  return sql<number>`(${taken})`;
}

/**
 * `supplyStatus` (shared/supply.ts) as a CASE over the row in the query, for filtering and paging
 * in the database. The two must say the same; tests compare them.
 */
export function supplyStatusSql(side: 'offer' | 'demand', today: string): SQL<string> {
  const table = side === 'offer' ? supplyOffers : supplyDemands;
  const until = side === 'offer' ? supplyOffers.availableUntil : supplyDemands.neededUntil;
  const connected = connectedQuantity(side);
  // Expired: its window ran out while it was still open (its party's end closes only what was).
  return sql<string>`(CASE
    WHEN NOT ${notWithdrawnBy(table, today)} THEN 'withdrawn'
    WHEN round(round(${table.quantity} - ${connected}, ${QUANTITY_DECIMALS}), ${QUANTITY_ENTRY_DECIMALS}) <= 0 THEN 'fully_connected'
    WHEN ${until} IS NOT NULL AND ${until} < ${today} AND ${supplyOpenOn(table, until)} THEN 'expired'
    WHEN NOT ${supplyOpenOn(table, today)} THEN 'withdrawn'
    WHEN ${connected} > 0 THEN 'partly_connected'
    ELSE 'open' END)`;
}

// ---------------------------------------------------------------------------------------------
// Reading

function programmeJoin(programmeId: AnyColumn) {
  return and(eq(programmes.id, programmeId), notInTrash(programmes));
}

function placeName(ctx: Context, communeCode: string): string {
  const commune = ctx.places.commune(communeCode);
  if (!commune) return '';
  const province = ctx.places.province(commune.provinceCode);
  return [commune.fullName, province?.fullName].filter(Boolean).join(', ');
}

/**
 * The group's and the unit's names of an offer or a demand. Their tables are joined LEFT: joined
 * INNER, SQLite's planner may start from the thirty product groups and sort every offer for a
 * page of 25 — 700 ms at national scale once `PRAGMA optimize` has gathered statistics, against
 * under 1 ms walking the offers in the list's order. Every row has both (foreign keys, NOT NULL),
 * so the rows read are the same.
 */
const lookupNames = {
  groupName: sql<string>`${productGroups.name}`,
  unitName: sql<string>`${units.name}`,
};

const offerColumns = {
  offer: supplyOffers,
  organizationName: organizations.name,
  organizationKind: organizations.kind,
  sellerEndedOn: organizations.endedOn,
  ...lookupNames,
  programmeName: programmes.name,
  connected: connectedQuantity('offer'),
};

function offerQuery(ctx: Context) {
  return ctx.db
    .select(offerColumns)
    .from(supplyOffers)
    .innerJoin(organizations, eq(organizations.id, supplyOffers.organizationId))
    .leftJoin(productGroups, eq(productGroups.code, supplyOffers.productGroupCode))
    .leftJoin(units, eq(units.code, supplyOffers.unitCode))
    .leftJoin(programmes, programmeJoin(supplyOffers.programmeId));
}

/**
 * What an offer's and a demand's summaries share, from its row and what was read beside it. Its
 * status reads its member organization's end, seller's or buyer's, as `partyEndedOn` (`supplyStatus`).
 */
function summaryBase(
  row: OfferRow | DemandRow,
  read: { groupName: string; unitName: string; programmeName: string | null; connected: number },
  until: string | null,
  today: string,
  partyEndedOn: string | null,
): SupplySummaryBase {
  const facts = { quantity: row.quantity, connected: read.connected, until, withdrawnOn: row.withdrawnOn, partyEndedOn };
  return {
    id: row.id,
    programmeId: read.programmeName === null ? null : row.programmeId,
    programmeName: read.programmeName,
    product: row.product,
    productGroupCode: row.productGroupCode,
    productGroupName: read.groupName,
    quantity: row.quantity,
    unitCode: row.unitCode,
    unitName: read.unitName,
    connected: read.connected,
    remaining: remainingQuantity(facts),
    priceMin: row.priceMin,
    priceMax: row.priceMax,
    status: supplyStatus(facts, today),
    withdrawnOn: row.withdrawnOn,
  };
}

type OfferRead = Awaited<ReturnType<ReturnType<typeof offerQuery>['all']>>[number];

function toOfferSummary(ctx: Context, read: OfferRead, today: string): OfferSummary {
  const { offer } = read;
  return {
    ...summaryBase(offer, read, offer.availableUntil, today, read.sellerEndedOn),
    organization: { kind: 'organization', id: offer.organizationId, name: read.organizationName, organizationKind: read.organizationKind },
    availableFrom: offer.availableFrom,
    availableUntil: offer.availableUntil,
    communeCode: offer.communeCode,
    placeName: placeName(ctx, offer.communeCode),
    provinceCode: offer.provinceCode,
  };
}

/** Records by id, as `read` returns them for those ids (in any order), in the order of `ids`. */
function inOrderOf<S extends { id: number }>(ids: readonly number[], read: (ids: number[]) => S[]): S[] {
  if (ids.length === 0) return [];
  const byId = new Map(read([...ids]).map((summary) => [summary.id, summary]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Offers by id (in the trash too), as summaries, in the order of `ids`. */
export function offerSummaries(ctx: Context, ids: readonly number[], today = todayIso(ctx)): OfferSummary[] {
  return inOrderOf(ids, (some) =>
    offerQuery(ctx)
      .where(inArray(supplyOffers.id, some))
      .all()
      .map((read) => toOfferSummary(ctx, read, today)),
  );
}

const demandColumns = {
  demand: supplyDemands,
  partnerName: partners.name,
  organizationName: organizations.name,
  organizationKind: organizations.kind,
  buyerEndedOn: organizations.endedOn,
  ...lookupNames,
  programmeName: programmes.name,
  connected: connectedQuantity('demand'),
};

function demandQuery(ctx: Context) {
  return ctx.db
    .select(demandColumns)
    .from(supplyDemands)
    .leftJoin(partners, eq(partners.id, supplyDemands.partnerId))
    .leftJoin(organizations, eq(organizations.id, supplyDemands.organizationId))
    .leftJoin(productGroups, eq(productGroups.code, supplyDemands.productGroupCode))
    .leftJoin(units, eq(units.code, supplyDemands.unitCode))
    .leftJoin(programmes, programmeJoin(supplyDemands.programmeId));
}

type DemandRead = Awaited<ReturnType<ReturnType<typeof demandQuery>['all']>>[number];

function buyerOf(demand: DemandRow, partnerName: string | null, organizationName: string | null, organizationKind: OrganizationKind | null): SupplyParty {
  return demand.partnerId !== null
    ? { kind: 'partner', id: demand.partnerId, name: partnerName ?? '', organizationKind: null }
    : { kind: 'organization', id: demand.organizationId ?? 0, name: organizationName ?? '', organizationKind };
}

function toDemandSummary(ctx: Context, read: DemandRead, today: string): DemandSummary {
  const { demand } = read;
  return {
    ...summaryBase(demand, read, demand.neededUntil, today, read.buyerEndedOn),
    buyer: buyerOf(demand, read.partnerName, read.organizationName, read.organizationKind),
    neededFrom: demand.neededFrom,
    neededUntil: demand.neededUntil,
    deliveryProvinceCode: demand.deliveryProvinceCode,
    deliveryProvinceName: ctx.places.province(demand.deliveryProvinceCode)?.fullName ?? '',
    deliveryPlace: demand.deliveryPlace,
  };
}

/** Demands by id (in the trash too), as summaries, in the order of `ids`. */
export function demandSummaries(ctx: Context, ids: readonly number[], today = todayIso(ctx)): DemandSummary[] {
  return inOrderOf(ids, (some) =>
    demandQuery(ctx)
      .where(inArray(supplyDemands.id, some))
      .all()
      .map((read) => toDemandSummary(ctx, read, today)),
  );
}

export function requireOffer(ctx: Context, id: number): OfferRow {
  return requireLive(ctx, offerRecords, id);
}

export function requireDemand(ctx: Context, id: number): DemandRow {
  return requireLive(ctx, demandRecords, id);
}

/**
 * Certificates of an organization valid on `day` (issued by then, not expired before it): those of
 * the organization as a whole and, when the offer is one of its products, those of that product.
 */
export function validCertificates(ctx: Context, organizationId: number, productId: number | null, day: string): ValidCertificate[] {
  return ctx.db
    .select({
      id: certifications.id,
      kindCode: certifications.kindCode,
      kindName: certificationKinds.name,
      stars: certifications.stars,
      number: certifications.number,
      expiresOn: certifications.expiresOn,
      productName: sql<string>`coalesce(${products.name}, '')`,
    })
    .from(certifications)
    .innerJoin(certificationKinds, eq(certificationKinds.code, certifications.kindCode))
    .leftJoin(products, eq(products.id, certifications.productId))
    .where(
      and(
        eq(certifications.organizationId, organizationId),
        productId === null ? isNull(certifications.productId) : or(isNull(certifications.productId), eq(certifications.productId, productId)),
        validOn(certifications, day),
      ),
    )
    .orderBy(asc(certificationKinds.sortOrder), asc(certifications.id))
    .all();
}

export function getOffer(ctx: Context, id: number): OfferDetail {
  const row = requireOffer(ctx, id);
  const today = todayIso(ctx);
  return {
    ...summaryOf(ctx, offerSide, id),
    sellerEndedOn: endedOnBy(ctx, row.organizationId, today),
    sellerInTrash: partyInTrash(ctx, 'offer', row.id),
    productId: row.productId,
    packaging: row.packaging,
    deliveryTerms: row.deliveryTerms,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    note: row.note,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    certificates: validCertificates(ctx, row.organizationId, row.productId, today),
    connections: connectionSummaries(ctx, 'offerId', id),
  };
}

function requirementsOf(ctx: Context, demandId: number): DemandRequirement[] {
  return ctx.db
    .select({ kindCode: demandRequirements.kindCode, kindName: certificationKinds.name, minStars: demandRequirements.minStars })
    .from(demandRequirements)
    .innerJoin(certificationKinds, eq(certificationKinds.code, demandRequirements.kindCode))
    .where(eq(demandRequirements.demandId, demandId))
    .orderBy(asc(certificationKinds.sortOrder))
    .all();
}

/**
 * Whether the offer's seller, or the demand's buyer (partner or organization), is in the trash: the
 * record is then left out of the lists, the counts and the suggestions until it is restored
 * (`sellerNotInTrash`, `buyerNotInTrash`).
 */
export function partyInTrash(ctx: Context, side: 'offer' | 'demand', id: number): boolean {
  const [table, listed] = side === 'offer' ? [supplyOffers, sellerNotInTrash(supplyOffers)] : [supplyDemands, buyerNotInTrash(supplyDemands)];
  return ctx.db.select({ id: table.id }).from(table).where(and(eq(table.id, id), listed)).get() === undefined;
}

/** The day a member organization ended (dissolved, merged…), once come by `today`; null for none (or a partner: no lifecycle). */
function endedOnBy(ctx: Context, organizationId: number | null, today: string): string | null {
  if (organizationId === null) return null;
  const endedOn = ctx.db.select({ endedOn: organizations.endedOn }).from(organizations).where(eq(organizations.id, organizationId)).get()?.endedOn ?? null;
  return endedOn !== null && endedOn <= today ? endedOn : null;
}

export function getDemand(ctx: Context, id: number): DemandDetail {
  const row = requireDemand(ctx, id);
  return {
    ...summaryOf(ctx, demandSide, id),
    buyerEndedOn: endedOnBy(ctx, row.organizationId, todayIso(ctx)),
    buyerInTrash: partyInTrash(ctx, 'demand', row.id),
    requirements: requirementsOf(ctx, id),
    qualityNote: row.qualityNote,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    note: row.note,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    connections: connectionSummaries(ctx, 'demandId', id),
  };
}

// ---------------------------------------------------------------------------------------------
// Connections as the pages read them

/**
 * The organization that offers, in a read of connections: organizations are read there a second
 * time, for a buyer that is a member, so each use has its own name.
 */
export const seller = alias(organizations, 'seller');
/** The partner that asks, in a read of connections; none when the demand is a member's. */
export const buyerPartner = alias(partners, 'buyer_partner');
/** The member organization that asks (one that buys), in a read of connections; none when the demand is a partner's. */
export const buyerOrganization = alias(organizations, 'buyer_organization');

const connectionColumns = {
  id: supplyConnections.id,
  offerId: supplyConnections.offerId,
  demandId: supplyConnections.demandId,
  programmeId: programmes.id,
  programmeName: programmes.name,
  product: supplyOffers.product,
  groupName: productGroups.name,
  sellerId: supplyOffers.organizationId,
  sellerName: seller.name,
  sellerKind: seller.kind,
  buyerPartnerId: supplyDemands.partnerId,
  buyerOrganizationId: supplyDemands.organizationId,
  buyerName: sql<string>`coalesce(${buyerPartner.name}, ${buyerOrganization.name}, '')`,
  buyerKind: buyerOrganization.kind,
  quantity: supplyConnections.quantity,
  unitCode: supplyConnections.unitCode,
  unitName: units.name,
  price: supplyConnections.price,
  value: supplyConnections.value,
  channelCode: supplyConnections.channelCode,
  channelName: salesChannels.name,
  connectedOn: supplyConnections.connectedOn,
  note: supplyConnections.note,
  agreementId: agreements.id,
  agreementTitle: agreements.title,
  // What was delivered is read only on an agreement not in the trash.
  commitmentId: sql<number | null>`CASE WHEN ${agreements.id} IS NULL THEN NULL ELSE ${supplyConnections.commitmentId} END`,
  commitmentUnit: agreementCommitments.unit,
};

/**
 * The columns and joins every read of connections shares: the connection with its offer, its
 * demand, `seller`, `buyerPartner` and `buyerOrganization`, and the names of what it refers to.
 */
function connectionQuery(ctx: Context) {
  return ctx.db
    .select(connectionColumns)
    .from(supplyConnections)
    .innerJoin(supplyOffers, eq(supplyOffers.id, supplyConnections.offerId))
    .innerJoin(supplyDemands, eq(supplyDemands.id, supplyConnections.demandId))
    .innerJoin(seller, eq(seller.id, supplyOffers.organizationId))
    .leftJoin(buyerPartner, eq(buyerPartner.id, supplyDemands.partnerId))
    .leftJoin(buyerOrganization, eq(buyerOrganization.id, supplyDemands.organizationId))
    .innerJoin(productGroups, eq(productGroups.code, supplyOffers.productGroupCode))
    .innerJoin(units, eq(units.code, supplyConnections.unitCode))
    .innerJoin(salesChannels, eq(salesChannels.code, supplyConnections.channelCode))
    .leftJoin(programmes, programmeJoin(supplyConnections.programmeId))
    .leftJoin(agreements, and(eq(agreements.id, supplyConnections.agreementId), notInTrash(agreements)))
    .leftJoin(agreementCommitments, eq(agreementCommitments.id, supplyConnections.commitmentId));
}

type ConnectionRead = Awaited<ReturnType<ReturnType<typeof connectionQuery>['all']>>[number];

/** What was delivered on each commitment up to `today`, in the commitment's unit. */
function deliveredOn(ctx: Context, commitmentIds: number[], today: string): Map<number, number> {
  if (commitmentIds.length === 0) return new Map();
  const rows = ctx.db
    .select({ commitmentId: agreementDeliveries.commitmentId, quantity: agreementDeliveries.quantity, deliveredOn: agreementDeliveries.deliveredOn })
    .from(agreementDeliveries)
    .where(inArray(agreementDeliveries.commitmentId, commitmentIds))
    .all();
  const byCommitment = Map.groupBy(rows, (row) => row.commitmentId);
  return new Map([...byCommitment].map(([commitmentId, own]) => [commitmentId, deliveredAsOf(own, today)]));
}

/**
 * A quantity delivered on a commitment (its unit written freely on the agreement) stated in the
 * connection's unit; when the agreement's unit is not one the lookup can convert, as written.
 */
export function deliveredInUnit(all: Map<string, UnitRow>, delivered: number, commitmentUnit: string, unit: UnitRow): number {
  const from = unitOfText(all.values(), commitmentUnit);
  return (from && convertQuantity(delivered, from, unit)) ?? delivered;
}

function toConnectionSummaries(ctx: Context, reads: ConnectionRead[]): ConnectionSummary[] {
  const today = todayIso(ctx);
  const delivered = deliveredOn(ctx, reads.flatMap((read) => (read.commitmentId === null ? [] : [read.commitmentId])), today);
  const all = unitsByCode(ctx);
  return reads.map((read) => {
    const unit = all.get(read.unitCode);
    const onCommitment = read.commitmentId === null ? null : (delivered.get(read.commitmentId) ?? 0);
    return {
      id: read.id,
      offerId: read.offerId,
      demandId: read.demandId,
      programmeId: read.programmeId,
      programmeName: read.programmeName,
      product: read.product,
      productGroupName: read.groupName,
      seller: { kind: 'organization', id: read.sellerId, name: read.sellerName, organizationKind: read.sellerKind },
      buyer:
        read.buyerPartnerId !== null
          ? { kind: 'partner', id: read.buyerPartnerId, name: read.buyerName, organizationKind: null }
          : { kind: 'organization', id: read.buyerOrganizationId ?? 0, name: read.buyerName, organizationKind: read.buyerKind },
      quantity: read.quantity,
      unitCode: read.unitCode,
      unitName: read.unitName,
      price: read.price,
      value: read.value,
      channelCode: read.channelCode,
      channelName: read.channelName,
      connectedOn: read.connectedOn,
      note: read.note,
      agreementId: read.agreementId,
      agreementTitle: read.agreementTitle,
      delivered: onCommitment === null || !unit ? null : deliveredInUnit(all, onCommitment, read.commitmentUnit ?? '', unit),
    };
  });
}

/** The live connections whose `key` is `id` (of an offer, a demand, an agreement, or the one connection), oldest first. */
export function connectionSummaries(ctx: Context, key: 'id' | 'offerId' | 'demandId' | 'agreementId', id: number): ConnectionSummary[] {
  const reads = connectionQuery(ctx)
    .where(and(notInTrash(supplyConnections), eq(supplyConnections[key], id)))
    .orderBy(asc(supplyConnections.connectedOn), asc(supplyConnections.id))
    .all();
  return toConnectionSummaries(ctx, reads);
}

/** Connections by id, in the trash or not, in the order of `ids`. */
export function connectionsById(ctx: Context, ids: readonly number[]): ConnectionSummary[] {
  return inOrderOf(ids, (some) =>
    toConnectionSummaries(
      ctx,
      connectionQuery(ctx)
        .where(inArray(supplyConnections.id, some))
        .orderBy(asc(supplyConnections.id))
        .all(),
    ),
  );
}

/**
 * One page of live connections meeting `where` (over the columns `connectionQuery` joins), newest
 * first. `where` reads the offer, the demand and their sides' names (`seller`, `buyerPartner`,
 * `buyerOrganization`) only when `readsSides`: every connection has its offer, demand and seller
 * (foreign keys), so the count joins them only for such a condition — for 86,000 connections, 400 ms.
 */
export function connectionPage(ctx: Context, where: SQL | undefined, page: { page: number; pageSize: number }, { readsSides }: { readsSides: boolean }): Page<ConnectionSummary> {
  const condition = and(notInTrash(supplyConnections), where);
  const counting = ctx.db.select({ value: count() }).from(supplyConnections);
  const counted = readsSides
    ? counting
        .innerJoin(supplyOffers, eq(supplyOffers.id, supplyConnections.offerId))
        .innerJoin(supplyDemands, eq(supplyDemands.id, supplyConnections.demandId))
        .innerJoin(seller, eq(seller.id, supplyOffers.organizationId))
        .leftJoin(buyerPartner, eq(buyerPartner.id, supplyDemands.partnerId))
        .leftJoin(buyerOrganization, eq(buyerOrganization.id, supplyDemands.organizationId))
    : counting;
  const total = counted.where(condition).get()?.value ?? 0;
  const reads = connectionQuery(ctx)
    .where(condition)
    .orderBy(desc(supplyConnections.connectedOn), desc(supplyConnections.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .all();
  return { rows: toConnectionSummaries(ctx, reads), total };
}

// ---------------------------------------------------------------------------------------------
// Listing

/**
 * Every word typed is found in the product or in the name of the side that offers or asks: a
 * member's as the register finds it (its name's words both ways, «HTX» and «hợp tác xã», and its
 * commune); a partner's folded name only, since its search text also holds what it buys, which
 * would find its demands for anything else.
 */
function searchOver(search: string, columns: AnyColumn[]): SQL | undefined {
  const words = foldText(search).split(' ').filter(Boolean);
  if (words.length === 0) return undefined;
  return and(...words.map((word) => or(...columns.map((column) => foldedTextCondition(column, word)))));
}

function yearOverlap(from: AnyColumn, until: AnyColumn, year: number | undefined): SQL | undefined {
  if (year === undefined) return undefined;
  return and(lte(from, `${year}-12-31`), or(isNull(until), gte(until, `${year}-01-01`)));
}

export function listOffers(ctx: Context, input: z.output<typeof offerListInput>): Page<OfferSummary> {
  const today = todayIso(ctx);
  const search = searchOver(input.search, [supplyOffers.productFolded, organizations.searchText]);
  const where = and(
    notInTrash(supplyOffers),
    sellerNotInTrash(supplyOffers),
    input.organizationId === undefined ? undefined : eq(supplyOffers.organizationId, input.organizationId),
    input.programmeId === undefined ? undefined : eq(supplyOffers.programmeId, input.programmeId),
    input.productGroupCode ? eq(supplyOffers.productGroupCode, input.productGroupCode) : undefined,
    yearOverlap(supplyOffers.availableFrom, supplyOffers.availableUntil, input.year),
    input.statuses?.length ? inArray(supplyStatusSql('offer', today), input.statuses) : undefined,
    search,
  );
  // Counted over the offers alone, unless the search reads the organization's name.
  const counted = ctx.db.select({ value: count() }).from(supplyOffers);
  const total = (search ? counted.innerJoin(organizations, eq(organizations.id, supplyOffers.organizationId)) : counted).where(where).get()?.value ?? 0;
  const rows = offerQuery(ctx)
    .where(where)
    .orderBy(desc(supplyOffers.availableFrom), desc(supplyOffers.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  return { rows: rows.map((read) => toOfferSummary(ctx, read, today)), total };
}

function buyerCondition(buyer: z.output<typeof demandListInput>['buyer']): SQL | undefined {
  if (!buyer) return undefined;
  return buyer.kind === 'partner' ? eq(supplyDemands.partnerId, buyer.id) : eq(supplyDemands.organizationId, buyer.id);
}

export function listDemands(ctx: Context, input: z.output<typeof demandListInput>): Page<DemandSummary> {
  const today = todayIso(ctx);
  const search = searchOver(input.search, [supplyDemands.productFolded, partners.nameFolded, organizations.searchText]);
  const where = and(
    notInTrash(supplyDemands),
    buyerNotInTrash(supplyDemands),
    buyerCondition(input.buyer),
    input.programmeId === undefined ? undefined : eq(supplyDemands.programmeId, input.programmeId),
    input.productGroupCode ? eq(supplyDemands.productGroupCode, input.productGroupCode) : undefined,
    yearOverlap(supplyDemands.neededFrom, supplyDemands.neededUntil, input.year),
    input.statuses?.length ? inArray(supplyStatusSql('demand', today), input.statuses) : undefined,
    search,
  );
  // Counted over the demands alone, unless the search reads the buyer's name.
  const counted = ctx.db.select({ value: count() }).from(supplyDemands);
  const total =
    (search
      ? counted.leftJoin(partners, eq(partners.id, supplyDemands.partnerId)).leftJoin(organizations, eq(organizations.id, supplyDemands.organizationId))
      : counted
    )
      .where(where)
      .get()?.value ?? 0;
  const rows = demandQuery(ctx)
    .where(where)
    .orderBy(desc(supplyDemands.neededFrom), desc(supplyDemands.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  return { rows: rows.map((read) => toDemandSummary(ctx, read, today)), total };
}

// ---------------------------------------------------------------------------------------------
// Audit trail

function unitName(ctx: Context, code: string): string {
  return ctx.db.select({ name: units.name }).from(units).where(eq(units.code, code)).get()?.name ?? code;
}

/** A quantity as the audit trail keeps it: with its unit's code, and its name as it was then. */
export function quantityValue(ctx: Context, quantity: number, unitCode: string): Snapshot {
  return { quantity, unitCode, unit: unitName(ctx, unitCode) };
}

function offerSnapshot(ctx: Context, row: OfferRow): Snapshot {
  return {
    organizationId: row.organizationId,
    programmeId: row.programmeId,
    product: row.product,
    productGroupCode: row.productGroupCode,
    quantity: quantityValue(ctx, row.quantity, row.unitCode),
    priceMin: row.priceMin,
    priceMax: row.priceMax,
    availableFrom: row.availableFrom,
    availableUntil: row.availableUntil,
    communeCode: row.communeCode,
    packaging: row.packaging,
    deliveryTerms: row.deliveryTerms,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    note: row.note,
    withdrawnOn: row.withdrawnOn,
  };
}

function demandSnapshot(ctx: Context, row: DemandRow): Snapshot {
  return {
    partnerId: row.partnerId,
    organizationId: row.organizationId,
    programmeId: row.programmeId,
    product: row.product,
    productGroupCode: row.productGroupCode,
    quantity: quantityValue(ctx, row.quantity, row.unitCode),
    priceMin: row.priceMin,
    priceMax: row.priceMax,
    neededFrom: row.neededFrom,
    neededUntil: row.neededUntil,
    deliveryProvinceCode: row.deliveryProvinceCode,
    deliveryPlace: row.deliveryPlace,
    // The certificate's name as it was, beside its code, as an organization's certificates are kept.
    requirements: requirementsOf(ctx, row.id).map(({ kindCode, kindName, minStars }) => ({ kindCode, kindName, minStars })),
    qualityNote: row.qualityNote,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    note: row.note,
    withdrawnOn: row.withdrawnOn,
  };
}

/** The names of the codes and ids an offer or a demand refers to, for its history. */
function referenceName(ctx: Context, field: string, value: string | number): string | undefined {
  const byId = (table: typeof organizations | typeof partners | typeof programmes) =>
    ctx.db.select({ name: table.name }).from(table).where(eq(table.id, Number(value))).get()?.name;
  switch (field) {
    case 'organizationId':
      return byId(organizations);
    case 'partnerId':
      return byId(partners);
    case 'programmeId':
      return byId(programmes);
    case 'productGroupCode':
      return ctx.db.select({ name: productGroups.name }).from(productGroups).where(eq(productGroups.code, String(value))).get()?.name;
    case 'communeCode':
      return placeName(ctx, String(value)) || undefined;
    case 'deliveryProvinceCode':
      return ctx.places.province(String(value))?.fullName;
    default:
      return undefined;
  }
}

/** Offers as the record machinery handles them: audit trail, trash and history. */
export const offerRecords: RecordSpec<typeof supplyOffers> = {
  kind: 'offer',
  table: supplyOffers,
  noun: 'nguồn cung',
  snapshot: offerSnapshot,
  nameOf: (ctx, field, value) => (typeof value === 'string' || typeof value === 'number' ? referenceName(ctx, field, value) : undefined),
};

/** Demands as the record machinery handles them: audit trail, trash and history. */
export const demandRecords: RecordSpec<typeof supplyDemands> = {
  kind: 'demand',
  table: supplyDemands,
  noun: 'nhu cầu',
  snapshot: demandSnapshot,
  nameOf: (ctx, field, value) => (typeof value === 'string' || typeof value === 'number' ? referenceName(ctx, field, value) : undefined),
};

// ---------------------------------------------------------------------------------------------
// Checks

function checkProgramme(ctx: Context, programmeId: number | null, issues: FieldIssue[]): void {
  if (programmeId === null) return;
  const found = ctx.db.select({ id: programmes.id }).from(programmes).where(and(eq(programmes.id, programmeId), notInTrash(programmes))).get();
  if (!found) issues.push({ path: 'programmeId', message: 'Chương trình đã chọn không còn; có thể đã bị xóa. Hãy chọn lại.' });
}

function checkLookups(ctx: Context, input: { productGroupCode: string; unitCode: string }): void {
  requireProductGroup(ctx, input.productGroupCode, 'productGroupCode');
  requireUnit(ctx, input.unitCode, 'unitCode');
}

/** Connected so far, in the row's own unit (live connections only). */
function connectedTo(ctx: Context, side: 'offer' | 'demand', id: number): { connected: number; count: number } {
  const column = side === 'offer' ? supplyConnections.offerQuantity : supplyConnections.demandQuantity;
  const key = side === 'offer' ? supplyConnections.offerId : supplyConnections.demandId;
  const row = ctx.db
    .select({ connected: sql<number>`coalesce(sum(${column}), 0)`, count: count() })
    .from(supplyConnections)
    .where(and(eq(key, id), notInTrash(supplyConnections)))
    .get();
  return { connected: row?.connected ?? 0, count: row?.count ?? 0 };
}

/**
 * What a change may not do once connections hang on a record: change its unit, the side that
 * offers or asks, or bring its quantity under what is already connected. An import's preview
 * asks it of a row updating a stored record, so that the row is refused rather than the commit.
 */
export function connectionIssues(
  ctx: Context,
  side: 'offer' | 'demand',
  stored: OfferRow | DemandRow,
  input: { unitCode: string; quantity: number },
  sameParty: boolean,
): FieldIssue[] {
  const { connected, count: connections } = connectedTo(ctx, side, stored.id);
  if (connections === 0) return [];
  const issues: FieldIssue[] = [];
  const unit = unitName(ctx, stored.unitCode);
  const what = side === 'offer' ? 'Nguồn cung' : 'Nhu cầu';
  if (input.unitCode !== stored.unitCode) {
    // Connections count against the record in its own unit, whatever unit each was made in: say so,
    // and the quantity typed in that unit when it converts (1.500 kg is 1,5 tấn).
    const all = unitsByCode(ctx);
    const [typed, own] = [all.get(input.unitCode), all.get(stored.unitCode)];
    const inOwn = typed && own ? convertQuantity(input.quantity, typed, own) : null;
    const keep = typed && inOwn !== null ? `: ${formatQuantity(input.quantity, typed.name)} là ${formatQuantity(inOwn, unit)}` : '';
    issues.push({
      path: 'unitCode',
      message: `${what} đã có ${connections} kết nối, trừ vào số lượng theo ${unit}; không đổi đơn vị tính được. Hãy giữ đơn vị ${unit}${keep}.`,
    });
  } else if (input.quantity < connected) {
    issues.push({ path: 'quantity', message: `Đã kết nối ${formatQuantity(connected, unit)}; số lượng không được nhỏ hơn.` });
  }
  if (!sameParty) {
    issues.push({
      path: side === 'offer' ? 'organizationId' : 'buyer',
      message: `${what} đã có ${connections} kết nối; không đổi ${side === 'offer' ? 'tổ chức có hàng' : 'bên có nhu cầu'} được.`,
    });
  }
  return issues;
}

function checkAgainstConnections(...args: Parameters<typeof connectionIssues>): void {
  const issues = connectionIssues(...args);
  if (issues.length) throw validationFailure(issues);
}

/**
 * How a save treats a possible duplicate. A person's save is asked about it (`askDuplicates`), and
 * says with `confirmedSimilarIds` which it is another of; an import is not asked: its preview has
 * matched the file's rows against the stored records itself, and the person confirmed what it creates.
 */
interface SaveOptions {
  askDuplicates?: boolean;
}

/**
 * Refuses, as a conflict naming them, a save that may enter again an offer or a demand already
 * there: those of the same party and product, still open (not withdrawn, expired or fully
 * connected), whose window overlaps this one's — the same goods counted twice in the suggestions
 * and the programme's figures. The person may confirm it is another than each («Vẫn lưu»,
 * `refuseUnconfirmed`).
 */
function refuseOpenDuplicate(
  ctx: Context,
  side: 'offer' | 'demand',
  candidate: { party: SQL | undefined; partyName: string; product: string; from: string; until: string | null; excludeId?: number },
  confirmedIds: readonly number[],
): void {
  const table: SupplyTable = side === 'offer' ? supplyOffers : supplyDemands;
  const [from, until] = side === 'offer' ? [supplyOffers.availableFrom, supplyOffers.availableUntil] : [supplyDemands.neededFrom, supplyDemands.neededUntil];
  const today = todayIso(ctx);
  const found = ctx.db
    .select({ id: table.id, product: table.product, quantity: table.quantity, unitName: units.name, from, until })
    .from(table)
    .innerJoin(units, eq(units.code, table.unitCode))
    .where(
      and(
        candidate.party,
        eq(table.productFolded, foldText(candidate.product)),
        notInTrash(table),
        candidate.excludeId === undefined ? undefined : ne(table.id, candidate.excludeId),
        candidate.until === null ? undefined : lte(from, candidate.until),
        or(isNull(until), gte(until, candidate.from)),
        inArray(supplyStatusSql(side, today), ['open', 'partly_connected']),
      ),
    )
    .orderBy(asc(table.id))
    .all();
  const [noun, window] = side === 'offer' ? ['nguồn cung', 'có hàng'] : ['nhu cầu', 'cần'];
  const matches = found.map((row) => ({
    id: row.id,
    name: row.product,
    detail: `${formatQuantity(row.quantity, row.unitName)}, ${window} từ ${formatDate(row.from)}${row.until === null ? '' : ` đến ${formatDate(row.until)}`}`,
  }));
  refuseUnconfirmed(matches, confirmedIds, {
    noun,
    message: (counted, named) => `Có thể trùng với ${counted} của ${candidate.partyName} đã ghi: ${named}. Nếu đúng là ${noun} khác, hãy xác nhận để lưu.`,
    inSentence: (match) => `${match.name} (${match.detail})`,
  });
}

/** Whether a change moves an offer or a demand onto another party, product or window: a pair confirmed once is not asked about again. */
function identityChanged(before: { productFolded: string }, product: string, sameParty: boolean, window: [string, string | null], was: [string, string | null]): boolean {
  return !sameParty || before.productFolded !== foldText(product) || window[0] !== was[0] || window[1] !== was[1];
}

// ---------------------------------------------------------------------------------------------
// Offers: creating and changing

/**
 * Where a save of an offer or a demand is refused for its member organization's end
 * (`endedPartyRefusal`): at the party, as `endedRefusal` says it; at the first day when a record
 * of the same party is moved onto or past the end, naming the day stored.
 */
function checkPartyEnd(
  issues: FieldIssue[],
  party: { name: string; endedOn: string | null },
  firstDay: string,
  stored: { sameParty: boolean; firstDay: string } | null,
  paths: { party: string; firstDay: string; what: string; day: string },
): void {
  const where = endedPartyRefusal(party.endedOn, firstDay, stored);
  const ended = endedRefusal(party, firstDay);
  if (where === 'party' && ended) issues.push({ path: paths.party, message: ended });
  if (where === 'firstDay' && stored) {
    const end = formatDate(party.endedOn);
    issues.push({
      path: paths.firstDay,
      message: `${party.name} đã chấm dứt hoạt động từ ngày ${end}: không ghi được ${paths.what} từ ngày đó trở đi. Hãy để ${paths.day} đã ghi (${formatDate(stored.firstDay)}), hoặc một ngày trước ${end}.`,
    });
  }
}

/**
 * The organization offering: in the register and not in the trash, not ended by the offer's first
 * day (but see `endedPartyRefusal` for one `stored` so); and the product, if one of its own.
 */
function checkOfferReferences(ctx: Context, input: ParsedOfferInput, stored: OfferRow | null): void {
  const issues: FieldIssue[] = [];
  const organization = ctx.db
    .select({ id: organizations.id, endedOn: organizations.endedOn, name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.id, input.organizationId), notInTrash(organizations)))
    .get();
  if (!organization) issues.push({ path: 'organizationId', message: 'Tổ chức đã chọn không còn trong danh sách Thành viên; hãy chọn lại.' });
  else {
    const kept = stored && { sameParty: stored.organizationId === input.organizationId, firstDay: stored.availableFrom };
    checkPartyEnd(issues, organization, input.availableFrom, kept, { party: 'organizationId', firstDay: 'availableFrom', what: 'nguồn cung có hàng', day: 'ngày có hàng' });
  }
  if (input.productId !== null) {
    const product = ctx.db.select({ organizationId: products.organizationId }).from(products).where(eq(products.id, input.productId)).get();
    if (product?.organizationId !== input.organizationId) issues.push({ path: 'productId', message: 'Sản phẩm đã chọn không thuộc tổ chức này; hãy chọn lại.' });
  }
  if (!ctx.places.commune(input.communeCode)) issues.push({ path: 'communeCode', message: 'Xã, phường đã chọn không có trong danh sách hiện hành.' });
  checkProgramme(ctx, input.programmeId, issues);
  if (issues.length) throw validationFailure(issues);
  checkLookups(ctx, input);
}

function offerColumnsFor(ctx: Context, input: ParsedOfferInput, productId: number | null) {
  return {
    programmeId: input.programmeId,
    organizationId: input.organizationId,
    productId,
    product: input.product,
    productFolded: foldText(input.product),
    productGroupCode: input.productGroupCode,
    quantity: input.quantity,
    unitCode: input.unitCode,
    availableFrom: input.availableFrom,
    availableUntil: input.availableUntil,
    priceMin: input.priceMin,
    priceMax: input.priceMax,
    communeCode: input.communeCode,
    provinceCode: ctx.places.commune(input.communeCode)?.provinceCode ?? '',
    packaging: input.packaging,
    deliveryTerms: input.deliveryTerms,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
    note: input.note,
  };
}

/** The organization's products by name, to tell which of them an offer is of (`productNamed`). */
function productNamesOf(ctx: Context, organizationId: number): { id: number; name: string }[] {
  return ctx.db.select({ id: products.id, name: products.name }).from(products).where(eq(products.organizationId, organizationId)).all();
}

/**
 * The organization's product an offer of `product` is of (`productNamed`): an offer written
 * without choosing it — an import, an offer typed — takes its certificates all the same.
 */
export function ownProductNamed(ctx: Context, organizationId: number, product: string): { id: number; name: string } | undefined {
  return productNamed(productNamesOf(ctx, organizationId), product);
}

/**
 * The offer's product: the one chosen, else the organization's product it names, as the offer form
 * takes it; else, when asked, the product typed becomes one of its products — unless several
 * bear that name, one more of them would not tell them apart. A product has
 * one price: the lowest the offer writes, the low end of its range as suggestions read an offer
 * (`priceReason`), or its ceiling when that is all it writes («đến 15.000 ₫/kg»): the price of its
 * dearest grade, still a price the organization sells at.
 */
function productFor(ctx: Context, input: ParsedOfferInput): number | null {
  if (input.productId !== null) return input.productId;
  const own = productNamesOf(ctx, input.organizationId);
  const named = productNamed(own, input.product);
  if (named) return named.id;
  if (!input.addToProducts || productsNamed(own, input.product).length > 0) return null;
  const group = requireProductGroup(ctx, input.productGroupCode, 'productGroupCode');
  return saveProduct(ctx, {
    organizationId: input.organizationId,
    name: input.product,
    productGroup: group.name,
    unit: unitName(ctx, input.unitCode),
    volume: null,
    volumePeriod: 'season',
    price: input.priceMin ?? input.priceMax,
    note: '',
  }).id;
}

/** The offer's candidate for `refuseOpenDuplicate`. */
function offerIdentity(ctx: Context, input: ParsedOfferInput, excludeId?: number) {
  const partyName = ctx.db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, input.organizationId)).get()?.name ?? '';
  return { party: eq(supplyOffers.organizationId, input.organizationId), partyName, product: input.product, from: input.availableFrom, until: input.availableUntil, excludeId };
}

export function createOffer(ctx: Context, input: ParsedOfferInput, { askDuplicates = false }: SaveOptions = {}): OfferSummary {
  checkOfferReferences(ctx, input, null);
  return atomically(ctx.db, () => {
    if (askDuplicates) refuseOpenDuplicate(ctx, 'offer', offerIdentity(ctx, input), input.confirmedSimilarIds);
    const now = timestamp(ctx);
    const row = ctx.db
      .insert(supplyOffers)
      .values({ ...offerColumnsFor(ctx, input, productFor(ctx, input)), createdAt: now, updatedAt: now })
      .returning()
      .get();
    recordChange(ctx, 'offer', row.id, 'create', null, offerSnapshot(ctx, row));
    return summaryOf(ctx, offerSide, row.id);
  });
}

export function updateOffer(ctx: Context, { id, ...input }: z.output<typeof offerUpdateInput>, { askDuplicates = false }: SaveOptions = {}): OfferSummary {
  return atomically(ctx.db, () => {
    const before = requireOffer(ctx, id);
    checkOfferReferences(ctx, input, before);
    const sameParty = before.organizationId === input.organizationId;
    checkAgainstConnections(ctx, 'offer', before, input, sameParty);
    const window: [string, string | null] = [input.availableFrom, input.availableUntil];
    if (askDuplicates && identityChanged(before, input.product, sameParty, window, [before.availableFrom, before.availableUntil])) {
      refuseOpenDuplicate(ctx, 'offer', offerIdentity(ctx, input, id), input.confirmedSimilarIds);
    }
    const after = ctx.db
      .update(supplyOffers)
      .set({ ...offerColumnsFor(ctx, input, productFor(ctx, input)), updatedAt: timestamp(ctx) })
      .where(eq(supplyOffers.id, id))
      .returning()
      .get();
    recordChange(ctx, 'offer', id, 'update', offerSnapshot(ctx, before), offerSnapshot(ctx, after));
    return summaryOf(ctx, offerSide, id);
  });
}

// ---------------------------------------------------------------------------------------------
// Demands: creating and changing

function checkDemandReferences(ctx: Context, input: ParsedDemandInput, stored: DemandRow | null): void {
  const issues: FieldIssue[] = [];
  const table = input.buyer.kind === 'partner' ? partners : organizations;
  const buyer = ctx.db.select({ id: table.id, name: table.name }).from(table).where(and(eq(table.id, input.buyer.id), notInTrash(table))).get();
  if (!buyer) {
    issues.push({ path: 'buyer', message: `${input.buyer.kind === 'partner' ? 'Đối tác' : 'Tổ chức'} đã chọn không còn; có thể đã bị xóa. Hãy chọn lại.` });
  } else if (input.buyer.kind === 'organization') {
    // A member organization that had ended by the first day of the need buys nothing from then, as
    // it sells nothing (`checkOfferReferences`); a partner has no lifecycle.
    const kept = stored && { sameParty: stored.organizationId === buyer.id, firstDay: stored.neededFrom };
    const party = { name: buyer.name, endedOn: endedOnBy(ctx, buyer.id, input.neededFrom) };
    checkPartyEnd(issues, party, input.neededFrom, kept, { party: 'buyer', firstDay: 'neededFrom', what: 'nhu cầu cần hàng', day: 'ngày cần hàng' });
  }
  if (!ctx.places.province(input.deliveryProvinceCode)) {
    issues.push({ path: 'deliveryProvinceCode', message: 'Tỉnh, thành phố giao hàng không có trong danh sách 34 tỉnh, thành phố hiện hành.' });
  }
  const kinds = new Map(ctx.db.select().from(certificationKinds).all().map((kind) => [kind.code, kind]));
  input.requirements.forEach((requirement, index) => {
    const kind = kinds.get(requirement.kindCode);
    if (!kind) issues.push({ path: `requirements.${index}.kindCode`, message: 'Loại chứng nhận không có trong danh mục; hãy chọn lại.' });
    else if (!kind.hasStars && requirement.minStars !== null) {
      issues.push({ path: `requirements.${index}.minStars`, message: `Chứng nhận ${kind.name} không xếp sao; hãy để trống số sao.` });
    }
  });
  checkProgramme(ctx, input.programmeId, issues);
  if (issues.length) throw validationFailure(issues);
  checkLookups(ctx, input);
}

function demandColumnsFor(input: ParsedDemandInput) {
  return {
    programmeId: input.programmeId,
    partnerId: input.buyer.kind === 'partner' ? input.buyer.id : null,
    organizationId: input.buyer.kind === 'organization' ? input.buyer.id : null,
    product: input.product,
    productFolded: foldText(input.product),
    productGroupCode: input.productGroupCode,
    quantity: input.quantity,
    unitCode: input.unitCode,
    neededFrom: input.neededFrom,
    neededUntil: input.neededUntil,
    priceMin: input.priceMin,
    priceMax: input.priceMax,
    deliveryProvinceCode: input.deliveryProvinceCode,
    deliveryPlace: input.deliveryPlace,
    qualityNote: input.qualityNote,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
    note: input.note,
  };
}

function writeRequirements(ctx: Context, demandId: number, input: ParsedDemandInput): void {
  ctx.db.delete(demandRequirements).where(eq(demandRequirements.demandId, demandId)).run();
  if (input.requirements.length) {
    ctx.db
      .insert(demandRequirements)
      .values(input.requirements.map((requirement) => ({ demandId, kindCode: requirement.kindCode, minStars: requirement.minStars })))
      .run();
  }
}

/** The demand's candidate for `refuseOpenDuplicate`. */
function demandIdentity(ctx: Context, input: ParsedDemandInput, excludeId?: number) {
  const table = input.buyer.kind === 'partner' ? partners : organizations;
  const partyName = ctx.db.select({ name: table.name }).from(table).where(eq(table.id, input.buyer.id)).get()?.name ?? '';
  const party = input.buyer.kind === 'partner' ? eq(supplyDemands.partnerId, input.buyer.id) : eq(supplyDemands.organizationId, input.buyer.id);
  return { party, partyName, product: input.product, from: input.neededFrom, until: input.neededUntil, excludeId };
}

export function createDemand(ctx: Context, input: ParsedDemandInput, { askDuplicates = false }: SaveOptions = {}): DemandSummary {
  checkDemandReferences(ctx, input, null);
  return atomically(ctx.db, () => {
    if (askDuplicates) refuseOpenDuplicate(ctx, 'demand', demandIdentity(ctx, input), input.confirmedSimilarIds);
    const now = timestamp(ctx);
    const row = ctx.db
      .insert(supplyDemands)
      .values({ ...demandColumnsFor(input), createdAt: now, updatedAt: now })
      .returning()
      .get();
    writeRequirements(ctx, row.id, input);
    recordChange(ctx, 'demand', row.id, 'create', null, demandSnapshot(ctx, row));
    return summaryOf(ctx, demandSide, row.id);
  });
}

export function updateDemand(ctx: Context, { id, ...input }: z.output<typeof demandUpdateInput>, { askDuplicates = false }: SaveOptions = {}): DemandSummary {
  return atomically(ctx.db, () => {
    const before = requireDemand(ctx, id);
    checkDemandReferences(ctx, input, before);
    const was = demandSnapshot(ctx, before);
    const sameBuyer = input.buyer.kind === 'partner' ? before.partnerId === input.buyer.id : before.organizationId === input.buyer.id;
    checkAgainstConnections(ctx, 'demand', before, input, sameBuyer);
    const window: [string, string | null] = [input.neededFrom, input.neededUntil];
    if (askDuplicates && identityChanged(before, input.product, sameBuyer, window, [before.neededFrom, before.neededUntil])) {
      refuseOpenDuplicate(ctx, 'demand', demandIdentity(ctx, input, id), input.confirmedSimilarIds);
    }
    const after = ctx.db
      .update(supplyDemands)
      .set({ ...demandColumnsFor(input), updatedAt: timestamp(ctx) })
      .where(eq(supplyDemands.id, id))
      .returning()
      .get();
    writeRequirements(ctx, id, input);
    recordChange(ctx, 'demand', id, 'update', was, demandSnapshot(ctx, after));
    return summaryOf(ctx, demandSide, id);
  });
}

// ---------------------------------------------------------------------------------------------
// Either side: withdrawing, the trash

/** What differs between offers and demands where the rest is the same. */
type SupplyTable = typeof supplyOffers | typeof supplyDemands;

interface SupplySide<T extends SupplyTable, S> {
  side: 'offer' | 'demand';
  records: RecordSpec<T>;
  /** The noun at a sentence's start, and what there is no more of when withdrawn. */
  what: string;
  gone: string;
  summaries: (ctx: Context, ids: readonly number[]) => S[];
}

export const offerSide: SupplySide<typeof supplyOffers, OfferSummary> = { side: 'offer', records: offerRecords, what: 'Nguồn cung', gone: 'hàng', summaries: offerSummaries };
export const demandSide: SupplySide<typeof supplyDemands, DemandSummary> = { side: 'demand', records: demandRecords, what: 'Nhu cầu', gone: 'nhu cầu', summaries: demandSummaries };

function summaryOf<T extends SupplyTable, S extends { id: number }>(ctx: Context, side: SupplySide<T, S>, id: number): S {
  const [summary] = side.summaries(ctx, [id]);
  if (!summary) throw notFound(whyNotLive(ctx, side.records, id));
  return summary;
}

/**
 * Withdrawn from a day on, or taken back (null). The day is not before the last connection made
 * with it: a connection is refused from the day its offer or demand is withdrawn (`checkConnection`),
 * and a withdrawal dated back to before one would leave that connection made after it. The same day
 * is taken — the rest sold elsewhere the day part was connected, the offer is withdrawn from then.
 */
export function withdrawSupply<T extends SupplyTable, S extends { id: number }>(ctx: Context, side: SupplySide<T, S>, input: z.output<typeof withdrawInput>): S {
  const { records } = side;
  return atomically(ctx.db, () => {
    const was = records.snapshot(ctx, requireLive(ctx, records, input.id));
    if (input.withdrawnOn !== null) {
      const key = side.side === 'offer' ? supplyConnections.offerId : supplyConnections.demandId;
      const last = ctx.db
        .select({ day: sql<string | null>`max(${supplyConnections.connectedOn})` })
        .from(supplyConnections)
        .where(and(eq(key, input.id), notInTrash(supplyConnections)))
        .get()?.day;
      if (last != null && last > input.withdrawnOn) {
        throw validationFailure([
          {
            path: 'withdrawnOn',
            message: `${side.what} đã có kết nối ngày ${formatDate(last)}; ngày rút không được trước ngày đó. Nếu kết nối đó không còn, hãy xóa kết nối trước.`,
          },
        ]);
      }
    }
    ctx.db
      .update(records.table as SQLiteTable)
      .set({ withdrawnOn: input.withdrawnOn, updatedAt: timestamp(ctx) })
      .where(eq(records.table.id, input.id))
      .run();
    recordChange(ctx, side.side, input.id, 'update', was, records.snapshot(ctx, requireLive(ctx, records, input.id)));
    return summaryOf(ctx, side, input.id);
  });
}

/** An offer or demand with live connections stays: its connections count in the results. */
export function deleteSupply<T extends SupplyTable, S extends { id: number }>(ctx: Context, side: SupplySide<T, S>, id: number): null {
  return atomically(ctx.db, () => {
    requireLive(ctx, side.records, id);
    const { count: connections } = connectedTo(ctx, side.side, id);
    if (connections > 0) {
      throw conflict(`${side.what} này đã có ${connections} kết nối; hãy xóa các kết nối trước, hoặc ghi ngày rút nếu không còn ${side.gone}.`);
    }
    return moveToTrash(ctx, side.records, id);
  });
}

export function restoreSupply<T extends SupplyTable, S extends { id: number }>(ctx: Context, side: SupplySide<T, S>, id: number): S {
  return atomically(ctx.db, () => summaryOf(ctx, side, restoreFromTrash(ctx, side.records, id).id));
}

export function supplyTrash<T extends SupplyTable, S extends { id: number }>(ctx: Context, side: SupplySide<T, S>, page: { page: number; pageSize: number }): Page<S & { deletedAt: string }> {
  const { rows, total } = trashPage(ctx, side.records, page);
  const deletedAt = new Map(rows.map((row) => [row.id, row.deletedAt]));
  return { rows: side.summaries(ctx, rows.map((row) => row.id)).map((summary) => ({ ...summary, deletedAt: deletedAt.get(summary.id) ?? '' })), total };
}

// ---------------------------------------------------------------------------------------------
// Cần chú ý

/** Offers whose window opens from today to `days` ahead and that nobody has been connected to. */
export function offersOpeningWithoutBuyer(ctx: Context, today: string, days: number): OfferWithoutBuyer[] {
  const connection = subqueries
    .select({ one: sql`1` })
    .from(supplyConnections)
    .where(and(eq(supplyConnections.offerId, supplyOffers.id), notInTrash(supplyConnections)));
  return ctx.db
    .select({
      offerId: supplyOffers.id,
      product: supplyOffers.product,
      organizationId: supplyOffers.organizationId,
      organizationName: organizations.name,
      quantity: supplyOffers.quantity,
      unitName: units.name,
      availableFrom: supplyOffers.availableFrom,
    })
    .from(supplyOffers)
    .innerJoin(organizations, eq(organizations.id, supplyOffers.organizationId))
    .innerJoin(units, eq(units.code, supplyOffers.unitCode))
    .where(
      and(
        notInTrash(supplyOffers),
        notInTrash(organizations),
        gte(supplyOffers.availableFrom, today),
        lte(supplyOffers.availableFrom, addDays(today, days)),
        supplyOpenOn(supplyOffers, today),
        notExists(connection),
      ),
    )
    .orderBy(asc(supplyOffers.availableFrom), asc(supplyOffers.id))
    .all()
    .map((row) => ({ ...row, daysUntil: daysBetween(today, row.availableFrom) }));
}

/** Demands needed from today to `days` ahead (or already, and not over), not fully connected. */
export function demandsDueUnserved(ctx: Context, today: string, days: number): UnservedDemand[] {
  // Compared and sorted as a value (`+`): nearly every demand was needed from before the window's
  // end, and walking them all in the order of the index on that day cost ten times as much as
  // reading their periods from the index that holds them and sorting the few still needed.
  const neededFrom = sql`+${supplyDemands.neededFrom}`;
  return ctx.db
    .select({
      demandId: supplyDemands.id,
      product: supplyDemands.product,
      buyerName: sql<string>`coalesce(${partners.name}, ${organizations.name}, '')`,
      quantity: supplyDemands.quantity,
      unitName: units.name,
      neededFrom: supplyDemands.neededFrom,
      neededUntil: supplyDemands.neededUntil,
      connected: connectedQuantity('demand'),
    })
    .from(supplyDemands)
    .innerJoin(units, eq(units.code, supplyDemands.unitCode))
    .leftJoin(partners, eq(partners.id, supplyDemands.partnerId))
    .leftJoin(organizations, eq(organizations.id, supplyDemands.organizationId))
    .where(
      and(
        notInTrash(supplyDemands),
        // The buyer not in the trash; the side a demand does not have is joined to no row.
        notInTrash(partners),
        notInTrash(organizations),
        lte(neededFrom, addDays(today, days)),
        or(isNull(supplyDemands.neededUntil), gte(supplyDemands.neededUntil, today)),
        supplyOpenOn(supplyDemands, today),
      ),
    )
    .orderBy(asc(neededFrom), asc(supplyDemands.id))
    .all()
    .flatMap(({ connected, ...row }) => {
      const remaining = remainingQuantity({ quantity: row.quantity, connected });
      return remaining > 0 ? [{ ...row, remaining, daysUntil: Math.max(0, daysBetween(today, row.neededFrom)) }] : [];
    });
}
