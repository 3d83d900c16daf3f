/**
 * Báo cáo xúc tiến thương mại for a period: the events that began in it, who came (ticked Có mặt),
 * the agreements signed there and their value; then by kind of event: how many, in how many
 * provinces, and the HTX, THT, enterprises and other partners that came, each counted once.
 */
import { and, count, eq, isNotNull, sql } from 'drizzle-orm';
import type { PromotionFigures, UpcomingEvents } from '../../../shared/contracts/statistics';
import { formatCount, formatDate } from '../../../shared/format';
import { todayIso, type Context } from '../../context';
import { cameToEvent, isSigned, notInTrash } from '../../db/predicates';
import { agreementCommitments, agreements, eventKinds, eventParticipants, events as eventsTable } from '../../db/schema';
import { eventsHeldIn, promotionFigures } from '../../services/promotion';
import type { Row, SheetData } from '../write/writer';

function eventsOfPeriod(ctx: Context, from: string, to: string) {
  const e = eventsTable;
  const p = eventParticipants;
  const today = todayIso(ctx);
  // Who came by the rule section II counts them by (`cameToEvent`).
  const came = (side: typeof p.organizationId | typeof p.partnerId) =>
    ctx.db.select({ n: count() }).from(p).where(and(eq(p.eventId, e.id), cameToEvent(p, e, today), isNotNull(side)));
  const signedThere = and(eq(agreements.eventId, e.id), notInTrash(agreements), isSigned(agreements));
  return ctx.db
    .select({
      id: e.id,
      kindName: eventKinds.name,
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
    .innerJoin(eventKinds, eq(eventKinds.code, e.kind))
    .where(eventsHeldIn(from, to, today))
    .orderBy(e.startsOn, e.id)
    .all();
}

export function tradePromotionTables(ctx: Context, from: string, to: string): Record<string, SheetData> {
  const events = eventsOfPeriod(ctx, from, to);

  const eventRows: Row[] = events.map((event) => {
    const province = event.provinceCode === null ? undefined : ctx.places.province(event.provinceCode);
    return {
      title: event.title,
      kindName: event.kindName,
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

  const byKind = promotionFigures(ctx, from, to);
  const note = upcomingNote(byKind.upcoming);
  return { events: { rows: eventRows, count: eventRows.length, ...(note ? { note } : {}) }, byKind: byKindTable(byKind, note) };
}

/** The period's events still to come, left out of both sections: said under each, so nothing is missed unsaid. */
function upcomingNote({ events, firstOn }: UpcomingEvents): string | undefined {
  if (events === 0 || firstOn === null) return undefined;
  return `Chưa tính ${formatCount(events)} sự kiện trong kỳ chưa diễn ra đến ngày lập báo cáo (sớm nhất bắt đầu ngày ${formatDate(firstOn)}).`;
}

/** By kind of event, from the same figures as Tổng quan (see `promotionFigures`). */
function byKindTable({ byKind, total }: PromotionFigures, note: string | undefined): SheetData {
  const rows: Row[] = byKind.map((line) => ({ ...line }));
  return {
    rows,
    count: rows.length,
    ...(note ? { note } : {}),
    // Who came is counted once over the period, and so are the provinces: a sum down the kinds would count twice.
    totals: () => ({ places: total.places, cooperatives: total.cooperatives, groups: total.groups, enterprises: total.enterprises, otherPartners: total.otherPartners }),
  };
}
