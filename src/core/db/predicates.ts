/**
 * Rules of the domain that queries, triggers and reports all apply, written once here as SQL.
 * Each takes the columns it reads, so that one rule serves a drizzle query (the schema's columns)
 * and a trigger (the columns of `new.` or `o.`, see `columnsAs`).
 */
import { and, eq, getTableColumns, gte, lte, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { alias, QueryBuilder, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { agreementDeliveries, agreementParties, agreements, alliance, lifecycleParticipants, organizations, partners, provinces, supplyConnections, supplyDemands, supplyOffers } from './schema';

/** The columns of `table` read through `alias` (`new`, `old`, `o`), for trigger bodies. */
export function columnsAs<T extends SQLiteTable>(table: T, alias: string): { [K in keyof T['_']['columns']]: SQL } {
  const columns = getTableColumns(table) as Record<string, SQLiteColumn>;
  return Object.fromEntries(
    Object.entries(columns).map(([key, column]) => [key, sql.raw(`${alias}.${column.name}`)]),
  ) as { [K in keyof T['_']['columns']]: SQL };
}

/** December 31 of `year` as ISO text, the day that a year's statistics are taken on. */
export function yearEnd(year: number): string {
  return `${String(year).padStart(4, '0')}-12-31`;
}

/**
 * An organization exists in a year's statistics when it is not in the trash, was founded by the
 * year's last day (or its founding date is unknown) and had not ended by then. One that ends during
 * the year by reorganization is counted in its successors instead, so no one is counted twice.
 */
export function existsAtYearEnd(
  organization: { deletedAt: SQLWrapper; foundedOn: SQLWrapper; endedOn: SQLWrapper },
  lastDay: SQLWrapper | string,
): SQL {
  const { deletedAt, foundedOn, endedOn } = organization;
  return sql`(${deletedAt} IS NULL AND (${foundedOn} IS NULL OR ${foundedOn} <= ${lastDay}) AND (${endedOn} IS NULL OR ${endedOn} > ${lastDay}))`;
}

/**
 * Ended by a dissolution (giải thể) or a bankruptcy (phá sản): gone with no one carrying on. One
 * ended by a reorganization (chia, hợp nhất, sáp nhập, chuyển đổi) lives on in its successors and is
 * counted apart, never among the dissolved.
 */
export function dissolvedOrBankrupt(organization: { status: SQLWrapper }): SQL {
  return sql`(${organization.status} = 'dissolved' OR ${organization.status} = 'bankrupt')`;
}

/**
 * Formed by a reorganization — a successor of a split, separation, consolidation or conversion —
 * rather than founded anew: statistics and plans count it apart from «Thành lập mới».
 */
export function formedByReorganization(organizationId: SQLWrapper): SQL {
  const succession = subqueries
    .select({ one: sql`1` })
    .from(lifecycleParticipants)
    .where(and(eq(lifecycleParticipants.organizationId, organizationId), eq(lifecycleParticipants.role, 'successor')));
  return sql`EXISTS ${succession}`;
}

/**
 * A row of this province: its province is the alliance's (Cài đặt). A cooperative based elsewhere —
 * a member of a regional union, a participant at an event, a party to an agreement, a row of an
 * imported list — is kept in the register with its place but counts in no statistics, report,
 * plan measure or reminder of this province. Before the alliance's own record is saved every row
 * is of this province. Read from the row's `province_code`, so a counter keyed by province serves
 * it as well as the register does.
 */
export function inHomeProvince(row: { provinceCode: SQLWrapper }): SQL {
  // The home province as a list of one (all of them before the alliance is saved) worked out once
  // per query, so that an index on the province serves: compared with the row's own column inside
  // a coalesce, every row of the table had to be read.
  return sql`${row.provinceCode} IN (SELECT ${provinces.code} FROM ${provinces} WHERE ${provinces.code} = coalesce((SELECT ${alliance.provinceCode} FROM ${alliance} WHERE ${alliance.id} = 1), ${provinces.code}))`;
}

/** The register's Địa bàn filter: of the alliance's province (Trong tỉnh), or of another (Ngoài tỉnh). */
export function inPlace(row: { provinceCode: SQLWrapper }, place: 'home' | 'elsewhere'): SQL {
  return place === 'home' ? inHomeProvince(row) : sql`NOT ${inHomeProvince(row)}`;
}

/** The organizations of the register that count in `year`'s statistics: of this province and existing at its end. */
export function existingInYear(year: number): SQL {
  return sql`(${existsAtYearEnd(organizations, yearEnd(year))} AND ${inHomeProvince(organizations)})`;
}

/** A record not in the trash (Thùng rác). */
export function notInTrash(record: { deletedAt: SQLWrapper }): SQL {
  return sql`${record.deletedAt} IS NULL`;
}

/**
 * The record `reference` points at in `table` is not in the trash, or it points at none: a join's
 * `notInTrash` without the join. A list's count needs nothing else of the other table, and the few
 * records in the trash are read once, where joining each of 200,000 offers to its organization
 * took half a second.
 */
export function referenceNotInTrash(reference: SQLWrapper, table: typeof organizations | typeof partners): SQL {
  return sql`(${reference} IS NULL OR ${reference} NOT IN (SELECT ${table.id} FROM ${table} WHERE ${table.deletedAt} IS NOT NULL))`;
}

/**
 * An offer whose seller is not in the trash: only such a one is listed, counted in its programme and
 * suggested (as `buyerNotInTrash` for a demand).
 */
export function sellerNotInTrash(offer: { organizationId: SQLWrapper }): SQL {
  return referenceNotInTrash(offer.organizationId, organizations);
}

/**
 * A demand whose buyer, a partner or an organization (the other reference points at none), is not
 * in the trash: only such a one is listed, counted in its programme and suggested.
 */
export function buyerNotInTrash(demand: { partnerId: SQLWrapper; organizationId: SQLWrapper }): SQL {
  return sql`(${referenceNotInTrash(demand.partnerId, partners)} AND ${referenceNotInTrash(demand.organizationId, organizations)})`;
}

/**
 * A participant of an event who counts — in the event's numbers, the trade-promotion report, Tổng
 * quan: its organization or partner is not in the trash. One in the trash is still listed on the
 * event, marked, to come back whole if restored; a report reader takes it as removed.
 */
export function countedParticipant(participant: { organizationId: SQLWrapper; partnerId: SQLWrapper }): SQL {
  return sql`(${referenceNotInTrash(participant.organizationId, organizations)} AND ${referenceNotInTrash(participant.partnerId, partners)})`;
}

/**
 * A participant counted as having come to its event — in the event's numbers, its list, the
 * trade-promotion report and Tổng quan: ticked Có mặt at an event that has begun by `today`, and
 * counted at all (`countedParticipant`). A Có mặt stored before the first day (entered before
 * attendance waited for it, or the event moved later since) tells of nothing that happened yet; the
 * event's page shows it, to be set right.
 */
export function cameToEvent(
  participant: { status: SQLWrapper; organizationId: SQLWrapper; partnerId: SQLWrapper },
  event: { startsOn: SQLWrapper },
  today: string,
): SQL {
  return sql`(${participant.status} = 'attended' AND ${event.startsOn} <= ${today} AND ${countedParticipant(participant)})`;
}

/** An agreement that was signed: a draft has no signing date. */
export function isSigned(agreement: { signedOn: SQLWrapper }): SQL {
  return sql`${agreement.signedOn} IS NOT NULL`;
}

/** An agreement signed within a period, both days included. */
export function signedBetween(agreement: { signedOn: SQLWrapper }, from: string, to: string): SQL {
  return sql`(${isSigned(agreement)} AND ${agreement.signedOn} >= ${from} AND ${agreement.signedOn} <= ${to})`;
}

/** An agreement terminated (chấm dứt) by `day`: one terminated on a later day is in force until then. */
export function terminatedBy(agreement: { terminatedOn: SQLWrapper }, day: string | SQLWrapper): SQL {
  return sql`(${agreement.terminatedOn} IS NOT NULL AND ${agreement.terminatedOn} <= ${day})`;
}

/** An agreement not terminated by `day`: `terminatedBy` turned round, written so an index on the day serves. */
export function notTerminatedBy(agreement: { terminatedOn: SQLWrapper }, day: string | SQLWrapper): SQL {
  return sql`(${agreement.terminatedOn} IS NULL OR ${agreement.terminatedOn} > ${day})`;
}

/**
 * An agreement that ran out and whose follow-up a person closed (kết thúc theo dõi) by `day`: no
 * longer chased, nor waiting in Cần chú ý to be closed.
 */
export function followUpClosedBy(agreement: { validUntil: SQLWrapper; closedOn: SQLWrapper }, day: string): SQL {
  return sql`(${agreement.validUntil} IS NOT NULL AND ${agreement.validUntil} < ${day} AND ${agreement.closedOn} IS NOT NULL AND ${agreement.closedOn} <= ${day})`;
}

/** An agreement in force on `day`: not in the trash, signed, not terminated by then. */
export function inForce(agreement: { deletedAt: SQLWrapper; signedOn: SQLWrapper; terminatedOn: SQLWrapper }, day: string): SQL {
  return sql`(${notInTrash(agreement)} AND ${isSigned(agreement)} AND ${notTerminatedBy(agreement, day)})`;
}

/**
 * An agreement in force at some time between `from` and `to`: not in the trash, signed by `to`,
 * not terminated before `from`, and its validity (where given) overlapping the period.
 */
export function inForceDuring(
  agreement: { deletedAt: SQLWrapper; signedOn: SQLWrapper; terminatedOn: SQLWrapper; validFrom: SQLWrapper; validUntil: SQLWrapper },
  from: string,
  to: string,
): SQL {
  return sql`(${notInTrash(agreement)} AND ${isSigned(agreement)} AND ${agreement.signedOn} <= ${to}
    AND (${agreement.terminatedOn} IS NULL OR ${agreement.terminatedOn} >= ${from})
    AND (${agreement.validFrom} IS NULL OR ${agreement.validFrom} <= ${to})
    AND (${agreement.validUntil} IS NULL OR ${agreement.validUntil} >= ${from}))`;
}

/** A certificate valid at some time between `from` and `to`: issued by `to`, not expired before `from`. */
export function validDuring(certificate: { issuedOn: SQLWrapper; expiresOn: SQLWrapper }, from: string | SQLWrapper, to: string | SQLWrapper): SQL {
  return sql`((${certificate.issuedOn} IS NULL OR ${certificate.issuedOn} <= ${to}) AND (${certificate.expiresOn} IS NULL OR ${certificate.expiresOn} >= ${from}))`;
}

/** A certificate that counts on `day`: issued by then and not expired before it. */
export function validOn(certificate: { issuedOn: SQLWrapper; expiresOn: SQLWrapper }, day: string | SQLWrapper): SQL {
  return validDuring(certificate, day, day);
}

/**
 * An offer or a demand not withdrawn by `day`: one withdrawn with a later day stays open until
 * then (`supplyStatus` in shared/supply.ts says the same).
 */
export function notWithdrawnBy(record: { withdrawnOn: SQLWrapper }, day: string | SQLWrapper): SQL {
  return sql`(${record.withdrawnOn} IS NULL OR ${record.withdrawnOn} > ${day})`;
}

/**
 * An offer or a demand still open on `day`: not withdrawn by then, and its member organization —
 * an offer's seller, a demand's buyer when it is one — not ended (dissolved, merged, split) by then.
 * What an organization offered or asked for closes with it, as if withdrawn on the day it ended: its
 * status says «Đã rút» if it was still open then (`supplyStatus` in shared/supply.ts), lists filter it so, suggestions, the
 * supply bulletin and Cần chú ý leave it out. A partner buyer (no `organizationId`) has no
 * lifecycle. Read like `referenceNotInTrash`, without joining the organization: the few ended ones
 * are read once.
 */
export function supplyOpenOn(record: { withdrawnOn: SQLWrapper; organizationId: SQLWrapper }, day: string | SQLWrapper): SQL {
  return sql`(${notWithdrawnBy(record, day)} AND (${record.organizationId} IS NULL OR ${record.organizationId} NOT IN (SELECT ${organizations.id} FROM ${organizations} WHERE ${organizations.endedOn} <= ${day})))`;
}

/**
 * Queries built without a connection, to be used inside others. A subquery is built with it rather
 * than written as SQL text: in a one-table select drizzle writes the select's columns without their
 * table, so an outer column written into a hand-made subquery there would read the subquery's own
 * column of that name (Tổng quan once summed each delivery whose id equalled its commitment's).
 */
export const subqueries = new QueryBuilder();

/** A delivery made by `day`: one dated later is planned, not yet made (`deliveredAsOf` in shared/agreements.ts). */
export function deliveredBy(delivery: { deliveredOn: SQLWrapper }, day: string | SQLWrapper): SQL {
  return sql`${delivery.deliveredOn} <= ${day}`;
}

/** A commitment's deliveries, inside a query that may read the table itself. */
const delivery = alias(agreementDeliveries, 'delivery');

/** `what` (an aggregate over `delivery`) of the deliveries made on the commitment `commitmentId` by `day`. */
function ofDeliveriesMade<T>(commitmentId: SQLWrapper, day: string | SQLWrapper, what: (made: typeof delivery) => SQL<T>): SQL<T> {
  const made = subqueries
    .select({ value: what(delivery) })
    .from(delivery)
    .where(and(eq(delivery.commitmentId, commitmentId), deliveredBy(delivery, day)));
  return sql<T>`(${made})`;
}

/**
 * The quantity delivered on a commitment by `day`, in its unit (0 when nothing was): SQL's sum, to
 * be rounded as `deliveredAsOf` rounds it.
 */
export function deliveredQuantityBy(commitmentId: SQLWrapper, day: string | SQLWrapper): SQL<number> {
  return sql<number>`coalesce(${ofDeliveriesMade(commitmentId, day, (made) => sql<number>`sum(${made.quantity})`)}, 0)`;
}

/** The value (đồng) of the deliveries made on a commitment by `day` (0 when nothing was). */
export function deliveredValueBy(commitmentId: SQLWrapper, day: string | SQLWrapper): SQL<number> {
  return sql<number>`coalesce(${ofDeliveriesMade(commitmentId, day, (made) => sql<number>`sum(${made.value})`)}, 0)`;
}

/** The day of the last delivery made on a commitment by `day`; null when none was. */
export function lastDeliveryBy(commitmentId: SQLWrapper, day: string | SQLWrapper): SQL<string | null> {
  return ofDeliveriesMade(commitmentId, day, (made) => sql<string | null>`max(${made.deliveredOn})`);
}

/**
 * Linked with an enterprise for sales (liên kết tiêu thụ với doanh nghiệp) at some time between
 * `from` and `to`, as plans count it: the organization
 * - is party to an agreement in force then (`inForceDuring`) that a partner which is an enterprise
 *   is also party to; or
 * - sells through a supply–demand connection its offer made with an enterprise's demand: agreed
 *   (connected) in the period, or with goods delivered under it in the period, on the agreement the
 *   connection became. A connection is a person's confirmation that the two sides agreed; nothing
 *   in the trash counts.
 * Written as a test of one organization, through its own parties and offers (a few rows each),
 * because a measure asks it of the organizations it has already narrowed to (this province's, of
 * some kinds, existing): reading every agreement, connection and delivery of the period instead
 * cost ten times as much with a register spread over several provinces.
 */
export function linkedWithEnterpriseDuring(organizationId: SQLiteColumn, from: string, to: string): SQL {
  const own = alias(agreementParties, 'own');
  const enterpriseSide = alias(agreementParties, 'enterprise_side');
  const enterprise = alias(partners, 'enterprise');
  const byAgreement = subqueries
    .select({ one: sql`1` })
    .from(own)
    .innerJoin(agreements, eq(agreements.id, own.agreementId))
    .innerJoin(enterpriseSide, eq(enterpriseSide.agreementId, own.agreementId))
    .innerJoin(enterprise, eq(enterprise.id, enterpriseSide.partnerId))
    .where(and(eq(own.organizationId, organizationId), inForceDuring(agreements, from, to), eq(enterprise.kind, 'enterprise'), notInTrash(enterprise)));
  // Goods delivered in the period on the commitment the connection became, its agreement not in the trash.
  const delivered = subqueries
    .select({ one: sql`1` })
    .from(agreements)
    .innerJoin(agreementDeliveries, eq(agreementDeliveries.commitmentId, supplyConnections.commitmentId))
    .where(and(eq(agreements.id, supplyConnections.agreementId), notInTrash(agreements), gte(agreementDeliveries.deliveredOn, from), lte(agreementDeliveries.deliveredOn, to)));
  // Each of its connections to an enterprise's demand walked once, for both ways of counting.
  const selling = subqueries
    .select({ one: sql`1` })
    .from(supplyOffers)
    .innerJoin(supplyConnections, eq(supplyConnections.offerId, supplyOffers.id))
    .innerJoin(supplyDemands, eq(supplyDemands.id, supplyConnections.demandId))
    .innerJoin(enterprise, eq(enterprise.id, supplyDemands.partnerId))
    .where(
      and(
        eq(supplyOffers.organizationId, organizationId),
        notInTrash(supplyConnections),
        notInTrash(supplyOffers),
        notInTrash(supplyDemands),
        eq(enterprise.kind, 'enterprise'),
        notInTrash(enterprise),
        sql`((${supplyConnections.connectedOn} >= ${from} AND ${supplyConnections.connectedOn} <= ${to}) OR EXISTS ${delivered})`,
      ),
    );
  return sql`(EXISTS ${byAgreement} OR EXISTS ${selling})`;
}
