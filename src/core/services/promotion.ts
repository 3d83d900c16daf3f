/**
 * Trade promotion and agreements in a period, as a chairperson's report states them: "4 hội nghị
 * kết nối cung cầu tại 4 thành phố với trên 100 HTX, doanh nghiệp", "10 hội nghị chuyên đề giữa 52
 * doanh nghiệp và hơn 300 HTX, THT". Tổng quan and the trade-promotion report both read these, so
 * the two always give the same numbers.
 *
 * Who took part is who was ticked Có mặt at an event already begun, each organization or partner
 * counted once per line however many events of the line it came to: once per kind of event, and
 * once over the period; one in the trash not at all (`cameToEvent`), as on the event's own page.
 */
import { and, count, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { periodFulfilment, roundQuantity } from '../../shared/agreements';
import type { AgreementsOfPeriod, PromotionFigures, PromotionLine, UpcomingEvents } from '../../shared/contracts/statistics';
import type { EventKind } from '../../shared/domain';
import { todayIso, type Context } from '../context';
import { cameToEvent, deliveredQuantityBy, inHomeProvince, isSigned, notInTrash, signedBetween } from '../db/predicates';
import { agreementCommitments, agreements, eventKinds, eventParticipants, events, organizations, partners } from '../db/schema';

/**
 * Events held in the period: begun within it by `today`, and not in the trash. One set for a later
 * day of the period has not been held yet — its budget is not spent, no one has come — and a year's
 * figures read in its December would count it as done (`upcomingIn` says how many there are).
 */
export function eventsHeldIn(from: string, to: string, today: string): SQL | undefined {
  return and(notInTrash(events), gte(events.startsOn, from), lte(events.startsOn, to < today ? to : today));
}

/** The period's events not begun by `today` (not in the trash): how many, and the first day of the earliest. */
export function upcomingIn(ctx: Context, from: string, to: string): UpcomingEvents {
  const today = todayIso(ctx);
  const after = from > today ? from : today;
  const row = ctx.db
    .select({ events: count(), firstOn: sql<string | null>`min(${events.startsOn})` })
    .from(events)
    .where(and(notInTrash(events), sql`${events.startsOn} > ${after}`, lte(events.startsOn, to)))
    .get();
  return { events: row?.events ?? 0, firstOn: row?.firstOn ?? null };
}

/** The agreements signed at the period's events, with the total value of their commitments. */
function agreementsAtEvents(ctx: Context, from: string, to: string) {
  const signedThere = and(eq(agreements.eventId, events.id), notInTrash(agreements), isSigned(agreements));
  return ctx.db
    .select({
      kind: events.kind,
      agreements: sql<number>`count(distinct ${agreements.id})`,
      value: sql<number>`coalesce(sum(${agreementCommitments.value}), 0)`,
    })
    .from(events)
    .innerJoin(agreements, signedThere)
    .leftJoin(agreementCommitments, eq(agreementCommitments.agreementId, agreements.id))
    .where(eventsHeldIn(from, to, todayIso(ctx)))
    .groupBy(events.kind)
    .all();
}

interface Attendance {
  cooperatives: number;
  groups: number;
  enterprises: number;
  otherPartners: number;
}

/**
 * Who was ticked Có mặt at the period's events, each once per kind of event and once overall.
 * Counted here rather than in SQL: telling a THT from an HTX by looking each organization up in the
 * register's 100,000 wide rows took ~90 ms at national scale, where reading the THT among them from
 * the (kind, name) index takes a few (the unary + keeps SQLite on that index), and those of other
 * provinces from the province index. A cooperative of another province that came is a guest of the
 * event, not one of this province's HTX or THT reached (`inHomeProvince`): the report counts it in
 * neither.
 */
function attendance(ctx: Context, from: string, to: string): { byKind: Map<EventKind, Attendance>; total: Attendance } {
  const p = eventParticipants;
  const today = todayIso(ctx);
  const present = and(eventsHeldIn(from, to, today), cameToEvent(p, events, today));
  const rows = ctx.db
    .select({ kind: events.kind, organizationId: p.organizationId, partnerId: p.partnerId, partnerKind: partners.kind })
    .from(p)
    .innerJoin(events, eq(events.id, p.eventId))
    .leftJoin(partners, eq(partners.id, p.partnerId))
    .where(present)
    .all();
  const cameOrganizations = ctx.db.select({ id: p.organizationId }).from(p).innerJoin(events, eq(events.id, p.eventId)).where(present);
  const groups = new Set(
    ctx.db
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.kind, 'tht'), inArray(sql`+${organizations.id}`, cameOrganizations)))
      .all()
      .map((row) => row.id),
  );
  const fromHere = new Set(
    ctx.db
      .all<{ id: number }>(
        sql`SELECT ${organizations.id} AS id FROM ${organizations} INDEXED BY organizations_province WHERE ${inHomeProvince(organizations)} AND +${organizations.id} IN ${cameOrganizations}`,
      )
      .map((row) => row.id),
  );
  const count = (list: typeof rows): Attendance => {
    const organizationIds = new Set(list.flatMap((row) => (row.organizationId !== null && fromHere.has(row.organizationId) ? [row.organizationId] : [])));
    const enterprises = new Set(list.flatMap((row) => (row.partnerId !== null && row.partnerKind === 'enterprise' ? [row.partnerId] : [])));
    const others = new Set(list.flatMap((row) => (row.partnerId !== null && row.partnerKind !== 'enterprise' ? [row.partnerId] : [])));
    const inGroups = [...organizationIds].filter((id) => groups.has(id)).length;
    return { cooperatives: organizationIds.size - inGroups, groups: inGroups, enterprises: enterprises.size, otherPartners: others.size };
  };
  const byKind = new Map([...Map.groupBy(rows, (row) => row.kind)].map(([kind, list]) => [kind, count(list)]));
  return { byKind, total: count(rows) };
}

/** Events, places, who took part and what was signed there: per kind of event, and over the period. */
export function promotionFigures(ctx: Context, from: string, to: string): PromotionFigures {
  const people = attendance(ctx, from, to);
  const held = (byKind: boolean) => {
    const query = ctx.db
      .select({
        kind: byKind ? events.kind : sql<null>`NULL`,
        events: count(),
        places: sql<number>`count(distinct ${events.provinceCode})`,
        budget: sql<number>`coalesce(sum(${events.budget}), 0)`,
      })
      .from(events)
      .where(eventsHeldIn(from, to, todayIso(ctx)));
    return byKind ? query.groupBy(events.kind).all() : query.all();
  };
  const signed = agreementsAtEvents(ctx, from, to);
  const line = (
    counts: ReturnType<typeof held>[number] | undefined,
    came: Attendance | undefined,
    deals: { agreements: number; value: number },
  ): Omit<PromotionLine, 'kind' | 'kindName'> => ({
    events: counts?.events ?? 0,
    places: counts?.places ?? 0,
    cooperatives: came?.cooperatives ?? 0,
    groups: came?.groups ?? 0,
    enterprises: came?.enterprises ?? 0,
    otherPartners: came?.otherPartners ?? 0,
    agreements: deals.agreements,
    agreementValue: deals.value,
    budget: counts?.budget ?? 0,
  });
  const heldByKind = new Map(held(true).map((row) => [row.kind, row]));
  const signedByKind = new Map(signed.map((row) => [row.kind, row]));
  // In the lookup's order, with the names the office gave them (retired kinds included: old events keep theirs).
  const kinds = ctx.db.select({ code: eventKinds.code, name: eventKinds.name }).from(eventKinds).orderBy(eventKinds.sortOrder, eventKinds.code).all();
  const byKind: PromotionLine[] = kinds
    .filter(({ code }) => heldByKind.has(code))
    .map(({ code, name }) => ({
      kind: code,
      kindName: name,
      ...line(heldByKind.get(code), people.byKind.get(code), signedByKind.get(code) ?? { agreements: 0, value: 0 }),
    }));
  const total = line(held(false)[0], people.total, {
    agreements: signed.reduce((sum, row) => sum + row.agreements, 0),
    value: signed.reduce((sum, row) => sum + row.value, 0),
  });
  return { byKind, total, upcoming: upcomingIn(ctx, from, to) };
}

/**
 * The agreements signed in the period (anywhere, not only at events): how many, the value of their
 * commitments, and how far they are carried out on the period's last day (or today, if that is
 * still to come), by the one rule of a period's fulfilment (`periodFulfilment`), as the agreements
 * report states it.
 */
export function agreementsOfPeriod(ctx: Context, from: string, to: string): AgreementsOfPeriod {
  const today = todayIso(ctx);
  const asOf = to < today ? to : today;
  const signedIn = and(notInTrash(agreements), signedBetween(agreements, from, to));
  const rows = ctx.db.select({ id: agreements.id, terminatedOn: agreements.terminatedOn }).from(agreements).where(signedIn).all();
  const ids = rows.map((row) => row.id);
  const commitments = ids.length
    ? ctx.db
        .select({
          agreementId: agreementCommitments.agreementId,
          quantity: agreementCommitments.quantity,
          value: agreementCommitments.value,
          delivered: deliveredQuantityBy(agreementCommitments.id, asOf),
        })
        .from(agreementCommitments)
        .where(inArray(agreementCommitments.agreementId, ids))
        .all()
    : [];
  const value = commitments.reduce((sum, commitment) => sum + (commitment.value ?? 0), 0);
  const byAgreement = Map.groupBy(commitments, (commitment) => commitment.agreementId);
  const fulfilment = periodFulfilment(
    rows.map((row) => ({
      terminatedOn: row.terminatedOn,
      commitments: (byAgreement.get(row.id) ?? []).map((commitment) => ({ ...commitment, delivered: roundQuantity(commitment.delivered) })),
    })),
    asOf,
  );
  return { signed: rows.length, value, fulfilment };
}
