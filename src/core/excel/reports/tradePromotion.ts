/**
 * Báo cáo xúc tiến thương mại for a period: the events that began in it, who came (ticked Có mặt),
 * the agreements signed there and their value; then the same by kind of event, where an
 * organization or partner that came to several events counts once.
 */
import { sql } from 'drizzle-orm';
import { eventKinds, type EventKind } from '../../../shared/domain';
import type { Context } from '../../context';
import type { Row, SheetData } from '../write/writer';

interface EventRow {
  id: number;
  kind: EventKind;
  title: string;
  startsOn: string;
  endsOn: string;
  venue: string;
  provinceCode: string | null;
  budget: number | null;
  organizations: number;
  partners: number;
  agreements: number;
  agreementValue: number;
}

export function tradePromotionTables(ctx: Context, from: string, to: string): Record<string, SheetData> {
  const events = ctx.db.all<EventRow>(sql`
    SELECT e.id, e.kind, e.title, e.starts_on AS startsOn, e.ends_on AS endsOn, e.venue, e.province_code AS provinceCode, e.budget,
      (SELECT count(*) FROM event_participants p WHERE p.event_id = e.id AND p.status = 'attended' AND p.organization_id IS NOT NULL) AS organizations,
      (SELECT count(*) FROM event_participants p WHERE p.event_id = e.id AND p.status = 'attended' AND p.partner_id IS NOT NULL) AS partners,
      (SELECT count(*) FROM agreements a WHERE a.event_id = e.id AND a.deleted_at IS NULL AND a.signed_on IS NOT NULL) AS agreements,
      (SELECT coalesce(sum(c.value), 0) FROM agreements a JOIN agreement_commitments c ON c.agreement_id = a.id
        WHERE a.event_id = e.id AND a.deleted_at IS NULL AND a.signed_on IS NOT NULL) AS agreementValue
    FROM events e
    WHERE e.deleted_at IS NULL AND e.starts_on >= ${from} AND e.starts_on <= ${to}
    ORDER BY e.starts_on, e.id`);

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
  const attendance = (byKind: boolean) =>
    ctx.db.all<{ kind: EventKind | null; organizations: number; partners: number }>(sql`
      SELECT ${byKind ? sql`e.kind` : sql`NULL`} AS kind,
        count(DISTINCT p.organization_id) AS organizations, count(DISTINCT p.partner_id) AS partners
      FROM event_participants p JOIN events e ON e.id = p.event_id
      WHERE e.deleted_at IS NULL AND e.starts_on >= ${from} AND e.starts_on <= ${to} AND p.status = 'attended'
      ${byKind ? sql`GROUP BY e.kind` : sql``}`);
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
