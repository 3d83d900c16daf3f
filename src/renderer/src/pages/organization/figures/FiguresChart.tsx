/** Members and revenue over the years, at a glance: members on the left axis, revenue on the right. */
import { LineChart } from '@mantine/charts';
import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { YearlyFigures } from '../../../../../shared/contract';
import { formatCount, formatDecimal, toMillions } from './numbers';

export function FiguresChart({ years }: { years: YearlyFigures[] }) {
  const { t } = useTranslation();
  const data = years.map((row) => ({
    year: String(row.year),
    members: row.membersOfficial === null && row.membersAssociate === null ? null : (row.membersOfficial ?? 0) + (row.membersAssociate ?? 0),
    revenue: toMillions(row.revenue),
  }));
  return (
    <Paper withBorder p="md">
      <Text fw={600} mb="sm">
        {t('figures.chart.title')}
      </Text>
      <LineChart
        h={220}
        data={data}
        dataKey="year"
        withLegend
        withRightYAxis
        connectNulls
        valueFormatter={(value) => formatCount(value)}
        rightYAxisProps={{ tickFormatter: (value: number) => formatDecimal(value) }}
        yAxisProps={{ tickFormatter: (value: number) => formatCount(value) }}
        series={[
          { name: 'members', label: t('figures.chart.members'), color: 'teal.6' },
          { name: 'revenue', label: t('figures.chart.revenue'), color: 'indigo.6', yAxisId: 'right' },
        ]}
      />
    </Paper>
  );
}
