/** What a report is asked for: a year, a period from–to (and a programme), or nothing (the register today). */
import { Group, Stack, Text } from '@mantine/core';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ReportKind, ReportPeriodKind } from '../../../../../shared/contract';
import { DateField } from '../../../components/DateField';
import { LabelledSelect } from '../../../components/LabelledSelect';
import { ProgrammeSelect } from '../../../components/ProgrammeSelect';
import { useStatisticsYears } from '../../../queries/register';

export interface ReportParameterValues {
  year: number;
  from: string | null;
  to: string | null;
  /** For the reports of supply–demand connection: one programme, or null for all. */
  programmeId: number | null;
  /** Số văn bản, before "/BC-LMHTX"; blank leaves dots to fill in by hand. */
  documentNumber: string;
}

/**
 * The month from which the year in progress is the one reported on: a year's report is written in
 * its last weeks (an annual report's figures close on 14 December, Nghị định 09/2019/NĐ-CP, and
 * offices draft it through November and send it in December); before November, it is last year's.
 */
const YEAR_REPORTED_FROM_MONTH = 11;

/** The year a report is made for unless another is chosen, as of today (read each time: the app stays open across New Year). */
function yearReported(): number {
  const today = dayjs();
  return today.month() + 1 >= YEAR_REPORTED_FROM_MONTH ? today.year() : today.year() - 1;
}

/**
 * What a report is asked for at first: the year reported (`yearReported`), and a period over the
 * whole of it; but a bulletin of supply tells partners what is on offer from now on, so it covers
 * the three months from today.
 */
export function defaultParametersOf(report: ReportKind): ReportParameterValues {
  const year = yearReported();
  if (report === 'supply-bulletin') {
    const today = dayjs();
    return { year, from: today.format('YYYY-MM-DD'), to: today.add(3, 'month').format('YYYY-MM-DD'), programmeId: null, documentNumber: '' };
  }
  return { year, from: `${year}-01-01`, to: `${year}-12-31`, programmeId: null, documentNumber: '' };
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
    const offered = [...new Set([thisYear, thisYear - 1, ...(years.data ?? [])])].sort((a, b) => b - a).map(String);
    return (
      <LabelledSelect
        label={t('reports.year')}
        w={160}
        allowDeselect={false}
        data={offered}
        value={String(value.year)}
        onChange={(year) => onChange({ ...value, year: Number(year ?? value.year) })}
      />
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
