/**
 * What Tổng quan's sections ask beside the year's figures, asked ahead by the page right after the
 * figures (see OverviewPage) with the inputs the sections ask with: Cần chú ý and the connections
 * with none (every default), the certificates with `certificatesSoon`.
 */
import type { QueryClient } from '@tanstack/react-query';
import { attentionQuery } from './attention';
import { planInForceQuery } from './plans';
import { expiringCertificationsQuery } from './register';
import { programmeResultsQuery } from './supply';

/** Certificates running out in the next 90 days, or run out and not renewed (Cần chú ý on Tổng quan). */
export const certificatesSoon = { withinDays: 90 };

/**
 * Asks, without waiting, what the sections show: Cần chú ý, the plan in force, this year's
 * connections, certificates running out. A failure is the section's to show: it asks again when shown.
 */
export function askForOverviewSections(client: QueryClient): void {
  const ignore = () => undefined;
  client.query(attentionQuery({})).catch(ignore);
  client.query(planInForceQuery).catch(ignore);
  client.query(programmeResultsQuery({})).catch(ignore);
  client.query(expiringCertificationsQuery(certificatesSoon)).catch(ignore);
}
