/** What a report is asked for: a year, a period from–to (and a programme), or nothing (the register today). */
import { Group, Stack, Text } from '@mantine/core';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ReportKind, ReportPeriodKind } from '../../../../../shared/contract';
import { DateField } from '../../../components/DateField';
import { LabelledSelect } from '../../../components/LabelledSelect';
import { ProgrammeSelect } from '../../../components/ProgrammeSelect';
import { formatCount } from '../../../../../shared/format';
import { useStatisticsOverview, useStatisticsYears } from '../../../queries/register';

export interface ReportParameterValues {
  /** The year of a year's report; null until one is chosen: the year Tổng quan opens on (`useReportedYear`). */
  year: number | null;
  from: string | null;
  to: string | null;
  /** For the reports of supply–demand connection: one programme, or null for all. */
  programmeId: number | null;
  /** Số văn bản, before "/BC-LMHTX"; blank leaves dots to fill in by hand. */
  documentNumber: string;
}

/**
 * The month from which a period report covers the year in progress: its activities are written up
 * in its last weeks (an annual report's figures close on 14 December, Nghị định 09/2019/NĐ-CP, and
 * offices draft it through November and send it in December); before November, last year's. A
 * year's statistics go by its figures instead, reported only in the months after it (`year` above).
 */
const YEAR_IN_PROGRESS_FROM_MONTH = 11;

/** The year a period report covers unless another is chosen, as of today (read each time: the app stays open across New Year). */
function yearOfPeriod(): number {
  const today = dayjs();
  return today.month() + 1 >= YEAR_IN_PROGRESS_FROM_MONTH ? today.year() : today.year() - 1;
}

/**
 * What a report is asked for at first: a period over the whole year of `yearOfPeriod`; but a
 * bulletin of supply tells partners what is on offer from now on, so it covers the three months
 * from today.
 */
export function defaultParametersOf(report: ReportKind): ReportParameterValues {
  if (report === 'supply-bulletin') {
    const today = dayjs();
    return { year: null, from: today.format('YYYY-MM-DD'), to: today.add(3, 'month').format('YYYY-MM-DD'), programmeId: null, documentNumber: '' };
  }
  const year = yearOfPeriod();
  return { year: null, from: `${year}-01-01`, to: `${year}-12-31`, programmeId: null, documentNumber: '' };
}

interface ReportParametersProps {
  period: ReportPeriodKind;
  byProgramme: boolean;
  value: ReportParameterValues;
  onChange: (value: ReportParameterValues) => void;
}

export function ReportParameters({ period, byProgramme, value, onChange }: ReportParametersProps) {
  const { t } = useTranslation();
  const years = useStatisticsYears();
  if (period === 'today') {
    return (
      <Text size="sm" py={8}>
        {t('reports.today')}
      </Text>
    );
  }
  if (period === 'year') {
    const thisYear = dayjs().year();
    const offered = [...new Set([thisYear, thisYear - 1, ...(years.data ?? []), ...(value.year === null ? [] : [value.year])])].sort((a, b) => b - a).map(String);
    return (
      <Stack gap={4}>
        <LabelledSelect
          label={t('reports.year')}
          w={160}
          allowDeselect={false}
          data={offered}
          value={value.year === null ? null : String(value.year)}
          onChange={(year) => year && onChange({ ...value, year: Number(year) })}
        />
        {value.year !== null && <FiguresShortfall year={value.year} />}
      </Stack>
    );
  }
  return (
    <Stack gap="xs">
      {byProgramme && (
        <ProgrammeSelect
          label={t('reports.programme')}
          placeholder={t('reports.allProgrammes')}
          clearable
          value={value.programmeId}
          onChange={(programmeId) => onChange({ ...value, programmeId })}
        />
      )}
      <Group grow align="flex-start">
        <DateField label={t('reports.from')} value={value.from} onChange={(from) => onChange({ ...value, from })} />
        <DateField label={t('reports.to')} minDate={value.from} value={value.to} onChange={(to) => onChange({ ...value, to })} />
      </Group>
    </Stack>
  );
}

/**
 * Said before the report is made when the year's figures are not reported yet (the rule Tổng quan
 * reads them by): the report prints the first few's sums, and says so in its period line.
 */
function FiguresShortfall({ year }: { year: number }) {
  const { t } = useTranslation();
  const overview = useStatisticsOverview(year);
  const current = overview.data?.current;
  // (The year before's answer stays on while the chosen one's comes.)
  if (!current || current.year !== year || current.figuresReported) return null;
  return (
    <Text size="sm" c="orange.8" maw={420}>
      {current.reporting === 0
        ? t('reports.figuresNone', { year })
        : t('reports.figuresShort', { year, reporting: formatCount(current.reporting), existing: formatCount(current.organizations.total) })}
    </Text>
  );
}
