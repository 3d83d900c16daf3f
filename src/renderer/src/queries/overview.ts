/**
 * What Tổng quan's sections ask beside the year's figures, asked ahead by the page right after the
 * figures (see OverviewPage) with the inputs the sections ask with: Cần chú ý with none (every
 * default), the connections with the year shown (`yearConnections`), the certificates with `certificatesSoon`.
 */
import type { QueryClient } from '@tanstack/react-query';
import { attentionQuery } from './attention';
import { planInForceQuery } from './plans';
import { expiringCertificationsQuery } from './register';
import { programmeResultsQuery } from './supply';

/** Certificates running out in the next 90 days, or run out and not renewed (Cần chú ý on Tổng quan). */
export const certificatesSoon = { withinDays: 90 };

/** The connections of the year Tổng quan shows, as its section asks for them. */
export function yearConnections(year: number) {
  return { from: `${String(year)}-01-01`, to: `${String(year)}-12-31` };
}

/**
 * Asks, without waiting, what the sections show: Cần chú ý, the plan in force, the year's
 * connections, certificates running out. A failure is the section's to show: it asks again when shown.
 */
export function askForOverviewSections(client: QueryClient, year: number): void {
  const ignore = () => undefined;
  client.query(attentionQuery({})).catch(ignore);
  client.query(planInForceQuery).catch(ignore);
  client.query(programmeResultsQuery(yearConnections(year))).catch(ignore);
  client.query(expiringCertificationsQuery(certificatesSoon)).catch(ignore);
}
