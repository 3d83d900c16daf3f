/**
 * The report layouts shipped in resources/report-layouts, one per report and one per list that
 * Xuất Excel exports (the register list shares the register report's), checked against the
 * layout schema when first used: a layout edited wrongly fails plainly at once, not halfway
 * through a report. They are bundled with the code (imported as JSON), so the desktop app, the web
 * host and the tests read the same files without looking for a folder.
 */
import type { ReportKind } from '../../../shared/contracts/reports';
import { reportLayout, type ReportLayout } from '../write/layout';
import agreementList from '../../../../resources/report-layouts/agreement-list.json';
import agreements from '../../../../resources/report-layouts/agreements.json';
import eventList from '../../../../resources/report-layouts/event-list.json';
import planList from '../../../../resources/report-layouts/plan-list.json';
import partnerList from '../../../../resources/report-layouts/partner-list.json';
import register from '../../../../resources/report-layouts/register.json';
import registerStatistics from '../../../../resources/report-layouts/register-statistics.json';
import tradePromotion from '../../../../resources/report-layouts/trade-promotion.json';
import programmeResults from '../../../../resources/report-layouts/programme-results.json';
import supplyBulletin from '../../../../resources/report-layouts/supply-bulletin.json';
import offerList from '../../../../resources/report-layouts/offer-list.json';
import demandList from '../../../../resources/report-layouts/demand-list.json';
import connectionList from '../../../../resources/report-layouts/connection-list.json';

import planResults from '../../../../resources/report-layouts/plan-results.json';

export type LayoutName = ReportKind | 'partner-list' | 'event-list' | 'agreement-list' | 'offer-list' | 'demand-list' | 'connection-list' | 'plan-results' | 'plan-list';

const sources: Record<LayoutName, unknown> = {
  'register-statistics': registerStatistics,
  'trade-promotion': tradePromotion,
  agreements,
  register,
  'partner-list': partnerList,
  'event-list': eventList,
  'agreement-list': agreementList,
  'programme-results': programmeResults,
  'supply-bulletin': supplyBulletin,
  'offer-list': offerList,
  'demand-list': demandList,
  'connection-list': connectionList,
  'plan-results': planResults,
  'plan-list': planList,
};

const parsed = new Map<LayoutName, ReportLayout>();

export function layoutOf(report: LayoutName): ReportLayout {
  let layout = parsed.get(report);
  if (!layout) {
    const result = reportLayout.safeParse(sources[report]);
    if (!result.success) throw new Error(`resources/report-layouts/${report}.json: ${result.error.message}`);
    layout = result.data;
    parsed.set(report, layout);
  }
  return layout;
}
