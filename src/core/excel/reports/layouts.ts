/**
 * The report layouts shipped in resources/report-layouts, one per report, checked against the
 * layout schema when first used: a layout edited wrongly fails plainly at once, not halfway
 * through a report. They are bundled with the code (imported as JSON), so the desktop app, the web
 * host and the tests read the same files without looking for a folder.
 */
import type { ReportKind } from '../../../shared/contracts/reports';
import { reportLayout, type ReportLayout } from '../write/layout';
import agreements from '../../../../resources/report-layouts/agreements.json';
import register from '../../../../resources/report-layouts/register.json';
import registerStatistics from '../../../../resources/report-layouts/register-statistics.json';
import tradePromotion from '../../../../resources/report-layouts/trade-promotion.json';

const sources: Record<ReportKind, unknown> = {
  'register-statistics': registerStatistics,
  'trade-promotion': tradePromotion,
  agreements,
  register,
};

const parsed = new Map<ReportKind, ReportLayout>();

export function layoutOf(report: ReportKind): ReportLayout {
  let layout = parsed.get(report);
  if (!layout) {
    const result = reportLayout.safeParse(sources[report]);
    if (!result.success) throw new Error(`resources/report-layouts/${report}.json: ${result.error.message}`);
    layout = result.data;
    parsed.set(report, layout);
  }
  return layout;
}
