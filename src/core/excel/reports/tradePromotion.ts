/**
 * Báo cáo xúc tiến thương mại for a period: the events that began in it, who came (ticked Có mặt),
 * the agreements signed there and their value; then the same by kind of event, where an
 * organization or partner that came to several events counts once.
 */
import { and, count, countDistinct, eq, gte, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import { eventKinds } from '../../../shared/domain';
import type { Context } from '../../context';
import { isSigned, notInTrash } from '../../db/predicates';
import { agreementCommitments, agreements, eventParticipants, events as eventsTable } from '../../db/schema';
import type { Row, SheetData } from '../write/writer';

/** Events that began in the period and are not in the trash. */
function heldIn(from: string, to: string): SQL | undefined {
  return and(notInTrash(eventsTable), gte(eventsTable.startsOn, from), lte(eventsTable.startsOn, to));
}

type EventRow = ReturnType<typeof eventsHeldIn>[number];

function eventsHeldIn(ctx: Context, from: string, to: string) {
  const e = eventsTable;
  const p = eventParticipants;
  const came = (side: typeof p.organizationId | typeof p.partnerId) =>
    ctx.db.select({ n: count() }).from(p).where(and(eq(p.eventId, e.id), eq(p.status, 'attended'), isNotNull(side)));
  const signedThere = and(eq(agreements.eventId, e.id), notInTrash(agreements), isSigned(agreements));
  return ctx.db
    .select({
      id: e.id,
      kind: e.kind,
      title: e.title,
      startsOn: e.startsOn,
      endsOn: e.endsOn,
      venue: e.venue,
      provinceCode: e.provinceCode,
      budget: e.budget,
      organizations: sql<number>`(${came(p.organizationId)})`,
      partners: sql<number>`(${came(p.partnerId)})`,
      agreements: sql<number>`(${ctx.db.select({ n: count() }).from(agreements).where(signedThere)})`,
      agreementValue: sql<number>`(${ctx.db
        .select({ value: sql`coalesce(sum(${agreementCommitments.value}), 0)` })
        .from(agreements)
        .innerJoin(agreementCommitments, eq(agreementCommitments.agreementId, agreements.id))
        .where(signedThere)})`,
    })
    .from(e)
    .where(heldIn(from, to))
    .orderBy(e.startsOn, e.id)
    .all();
}

export function tradePromotionTables(ctx: Context, from: string, to: string): Record<string, SheetData> {
  const events = eventsHeldIn(ctx, from, to);

  const eventRows: Row[] = events.map((event) => {
    const province = event.provinceCode === null ? undefined : ctx.places.province(event.provinceCode);
    return {
      title: event.title,
      kind: event.kind,
      startsOn: event.startsOn,
      endsOn: event.endsOn,
      place: [event.venue, province?.fullName].filter(Boolean).join(', '),
      organizations: event.organizations,
      partners: event.partners,
      agreements: event.agreements,
      agreementValue: event.agreementValue,
      budget: event.budget,
    };
  });

  return { events: { rows: eventRows, count: eventRows.length }, byKind: byKindTable(ctx, events, from, to) };
}

/** By kind of event; who came is counted without repeats, by kind and over the whole period. */
function byKindTable(ctx: Context, events: readonly EventRow[], from: string, to: string): SheetData {
  const attendance = (byKind: boolean) => {
    const query = ctx.db
      .select({
        kind: byKind ? eventsTable.kind : sql<null>`NULL`,
        organizations: countDistinct(eventParticipants.organizationId),
        partners: countDistinct(eventParticipants.partnerId),
      })
      .from(eventParticipants)
      .innerJoin(eventsTable, eq(eventsTable.id, eventParticipants.eventId))
      .where(and(heldIn(from, to), eq(eventParticipants.status, 'attended')));
    return byKind ? query.groupBy(eventsTable.kind).all() : query.all();
  };
  const came = new Map(attendance(true).map((row) => [row.kind, row]));
  const overall = attendance(false)[0];
  const rows: Row[] = eventKinds
    .map((kind) => {
      const ofKind = events.filter((event) => event.kind === kind);
      return {
        kind,
        events: ofKind.length,
        organizations: came.get(kind)?.organizations ?? 0,
        partners: came.get(kind)?.partners ?? 0,
        agreements: ofKind.reduce((sum, event) => sum + event.agreements, 0),
        agreementValue: ofKind.reduce((sum, event) => sum + event.agreementValue, 0),
        budget: ofKind.reduce((sum, event) => sum + (event.budget ?? 0), 0),
      };
    })
    .filter((row) => row.events > 0);
  return {
    rows,
    count: rows.length,
    totals: () => ({ organizations: overall?.organizations ?? 0, partners: overall?.partners ?? 0 }),
  };
}
