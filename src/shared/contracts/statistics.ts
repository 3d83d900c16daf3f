/**
 * Thống kê for the chairperson: the register at a glance for one year against the year before.
 * Every figure is computed from the register and the yearly figures, never typed.
 */
import { z } from 'zod';
import type { Fulfilment } from '../agreements';
import type { EventKind, SectorGroup } from '../domain';
import { channel, none } from './define';

/** A count per kind of organization, and their sum. */
export interface KindCounts {
  htx: number;
  lhhtx: number;
  tht: number;
  qtdnd: number;
  total: number;
}

export interface SectorCount {
  /** A code of the `sectors` table; null for organizations whose sector is not recorded. */
  code: string | null;
  /** The sector's name; "Chưa rõ lĩnh vực" when not recorded. */
  name: string;
  group: SectorGroup | null;
  count: number;
}

export interface SectorGroupCount {
  /** null: sector not recorded. */
  group: SectorGroup | null;
  count: number;
}

export interface CommuneCount {
  code: string;
  /** Full name, e.g. "Xã Vĩnh An". */
  name: string;
  provinceCode: string;
  count: number;
}

/**
 * Xếp loại of the HTX and LH HTX existing that year, each counted once: the kinds that are
 * classified. THT and QTDND are not counted here at all.
 */
export interface ClassificationCounts {
  good: number;
  fair: number;
  average: number;
  weak: number;
  /** Existing that year but with no classification in that year's figures (Chưa xếp loại). */
  unclassified: number;
}

/**
 * One year's statistics. "Existing in the year" means founded by 31 December (or founding date not
 * recorded), not ended by then, not deleted: an organization merged into another during the year
 * is counted only in its successor.
 */
export interface YearStatistics {
  year: number;
  /** Organizations existing at the end of the year, by kind. */
  organizations: KindCounts;
  bySectorGroup: SectorGroupCount[];
  /** Sectors with at least one organization, in the `sectors` table's order; unrecorded last. */
  bySector: SectorCount[];
  /** Communes with at least one organization, most organizations first. */
  byCommune: CommuneCount[];
  /** Founded anew during the year (by founding date), by kind: not those a reorganization formed. */
  founded: KindCounts;
  /** Formed during the year by a reorganization (chia, tách, hợp nhất, chuyển đổi), by kind. */
  formedByReorganization: KindCounts;
  /** Ended during the year by a reorganization (chia, hợp nhất, sáp nhập, chuyển đổi), by kind: their successors carry on. */
  endedByReorganization: KindCounts;
  /** Dissolved (giải thể) or bankrupt (phá sản) during the year, by kind. */
  dissolved: KindCounts;
  /** How many existing organizations have yearly figures entered for the year. */
  reporting: number;
  /**
   * Whether enough of them have reported for the year's figures to be read as the year's (the rule
   * of core/services/figureYear.ts); until then its sums and averages are only the first few.
   */
  figuresReported: boolean;
  /** Sums over the year's figures of the existing organizations. */
  membersOfficial: number;
  membersAssociate: number;
  workers: number;
  /** Average revenue per HTX (kind `htx`) that reported revenue, in đồng; null when none did. */
  averageRevenuePerCooperative: number | null;
  /** Average profit per HTX that reported profit, in đồng; null when none did. */
  averageProfitPerCooperative: number | null;
  /**
   * Average income per worker per month, in đồng, weighted by each organization's workers; null
   * when no organization reported both.
   */
  averageIncomePerWorker: number | null;
  classification: ClassificationCounts;
}

/**
 * One line of trade promotion: events that began in the period, the distinct provinces they were
 * held in (an online meeting is held in none), and who was ticked Có mặt, each counted once in the
 * line however many of its events they came to.
 */
export interface PromotionLine {
  kind: EventKind;
  /** The kind's name in the office's lookup. */
  kindName: string;
  events: number;
  places: number;
  /** HTX, LH HTX and QTDND. */
  cooperatives: number;
  /** Tổ hợp tác. */
  groups: number;
  /** Partners of kind Doanh nghiệp. */
  enterprises: number;
  /** Every other partner: markets, channels, logistics, alliances, agencies. */
  otherPartners: number;
  /** Signed at the line's events, and the value of their commitments in đồng. */
  agreements: number;
  agreementValue: number;
  /** Kinh phí, đồng. */
  budget: number;
}

export interface PromotionFigures {
  /** Kinds with at least one event, in the order of the `event_kinds` lookup. */
  byKind: PromotionLine[];
  /** Over every kind; participants counted once even when they came to events of several kinds. */
  total: Omit<PromotionLine, 'kind' | 'kindName'>;
  /** The period's events set for a later day: not counted above until they begin. */
  upcoming: UpcomingEvents;
}

/** Events of a period not begun yet. */
export interface UpcomingEvents {
  events: number;
  /** ISO date the earliest of them begins on; null when there is none. */
  firstOn: string | null;
}

/** Agreements signed in a period, anywhere. */
export interface AgreementsOfPeriod {
  signed: number;
  /** Sum of the commitments' values, đồng. */
  value: number;
  /** On the period's last day (or today); terminated agreements left out; null without commitments. */
  fulfilment: Fulfilment | null;
}

export interface StatisticsOverview {
  current: YearStatistics;
  /** The year before `current`, for comparison. */
  previous: YearStatistics;
  /** The current year's trade promotion and agreements. */
  promotion: PromotionFigures;
  agreements: AgreementsOfPeriod;
}

/** A year whose figures are being entered, not yet reported widely enough to be read as the year's. */
export interface FiguresPending {
  year: number;
  /** Organizations existing at its end that have its figures. */
  reporting: number;
  /** Organizations existing at its end. */
  existing: number;
}

/** The year Tổng quan opens on: the newest whose figures are reported, and a newer one on its way. */
export interface ReportedYear {
  /** null: no year has figures. */
  year: number | null;
  pending: FiguresPending | null;
}

export const statisticsOverviewInput = z.object({
  year: z
    .number({ error: 'Năm thống kê phải là một số.' })
    .int({ error: 'Năm thống kê phải là số nguyên.' })
    .min(1900, { error: 'Năm thống kê không hợp lệ.' })
    .max(2200, { error: 'Năm thống kê không hợp lệ.' }),
});
export type StatisticsOverviewInput = z.input<typeof statisticsOverviewInput>;

export const statisticsContract = {
  'statistics:overview': channel<StatisticsOverview>()(statisticsOverviewInput),
  /** Years that have yearly figures, newest first (the year picker defaults to the first). */
  'statistics:years': channel<number[]>()(none),
  /** The newest year up to this one whose figures are reported; the overview opens on it. */
  'statistics:reportedYear': channel<ReportedYear>()(none),
};
