/**
 * Tổng quan, for the chairperson who looks and does not type: the register in one year against the
 * year before — how many organizations, members, workers, revenue and income, how they were
 * classified, where they are and in what sectors, who was founded and who ended — and what needs
 * attention.
 */
import { useEffect, useState } from 'react';
import { BarChart, DonutChart } from '@mantine/charts';
import { Button, Center, EmptyState, Group, Loader, Paper, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { KindCounts, YearStatistics } from '../../../shared/contract';
import { organizationKinds } from '../../../shared/domain';
import { LabelledSelect } from '../components/LabelledSelect';
import { LoadError } from '../components/LoadError';
import { hrefOf } from '../routing/useHashRoute';
import { askForOverviewSections } from '../queries/overview';
import { useReportedYear, useStatisticsOverview, useStatisticsYears } from '../queries/register';
import { classificationColors } from './organization/figures/classification';
import { formatCount, formatMoneyIn, moneyUnitFor } from './organization/figures/numbers';
import { PromotionPanel } from './overview/PromotionPanel';
import { AttentionList } from './overview/AttentionList';
import { AttentionSummary } from './attention/AttentionSummary';
import { PlanInForce } from './overview/PlanInForce';
import { StatCard } from './overview/StatCard';
import { SupplyOverview } from './overview/SupplyOverview';

const classificationKeys = ['good', 'fair', 'average', 'weak', 'unclassified'] as const;

function KindLine({ counts }: { counts: KindCounts }) {
  const { t } = useTranslation();
  return (
    <Text size="xs" c="dimmed">
      {organizationKinds
        .filter((kind) => counts[kind] > 0)
        .map((kind) => `${formatCount(counts[kind])} ${t(`organization.kindShort.${kind}`)}`)
        .join(' · ')}
    </Text>
  );
}

function Cards({ current, previous }: { current: YearStatistics; previous: YearStatistics }) {
  const { t } = useTranslation();
  const members = (stats: YearStatistics) => stats.membersOfficial + stats.membersAssociate;
  // Each card writes its money in one unit, chosen by its own value: the change and the line
  // beneath it are in the same unit as the figure.
  const inUnitOf = (value: number | null) => {
    const unit = moneyUnitFor(value);
    return (amount: number) => formatMoneyIn(amount, unit, t);
  };
  const revenueMoney = inUnitOf(current.averageRevenuePerCooperative);
  const incomeMoney = inUnitOf(current.averageIncomePerWorker);
  const previousYear = previous.year;
  // Figures count only for a year enough organizations have reported (`figuresReported`): the
  // first few of a year read as a collapse against the year before, so they are a dash, and compare
  // only with a year reported too — against a year nobody reported, every member would read as growth.
  const reportedBefore = previous.figuresReported;
  const reported = current.figuresReported;
  const revenue = reported ? current.averageRevenuePerCooperative : null;
  const income = reported ? current.averageIncomePerWorker : null;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 5 }}>
      <StatCard
        label={t('overview.card.organizations')}
        value={formatCount(current.organizations.total)}
        current={current.organizations.total}
        previous={previous.organizations.total}
        formatChange={formatCount}
        previousYear={previousYear}
      >
        <KindLine counts={current.organizations} />
      </StatCard>
      <StatCard
        label={t('overview.card.members')}
        value={reported ? formatCount(members(current)) : '—'}
        current={reported ? members(current) : null}
        previous={reportedBefore ? members(previous) : null}
        formatChange={formatCount}
        previousYear={previousYear}
      >
        <Text size="xs" c="dimmed">
          {reported
            ? t('overview.card.membersSplit', { official: formatCount(current.membersOfficial), associate: formatCount(current.membersAssociate) })
            : current.reporting > 0
              ? t('overview.card.fewReported', { year: current.year, reporting: formatCount(current.reporting), total: formatCount(current.organizations.total) })
              : t('overview.card.notReported', { year: current.year })}
        </Text>
      </StatCard>
      <StatCard
        label={t('overview.card.workers')}
        value={reported ? formatCount(current.workers) : '—'}
        current={reported ? current.workers : null}
        previous={reportedBefore ? previous.workers : null}
        formatChange={formatCount}
        previousYear={previousYear}
      />
      <StatCard
        label={t('overview.card.revenue')}
        value={revenue === null ? '—' : revenueMoney(revenue)}
        current={revenue}
        previous={reportedBefore ? previous.averageRevenuePerCooperative : null}
        formatChange={revenueMoney}
        previousYear={previousYear}
      >
        {reported && current.averageProfitPerCooperative !== null && (
          <Text size="xs" c="dimmed">
            {t('overview.card.profit', { value: revenueMoney(current.averageProfitPerCooperative) })}
          </Text>
        )}
      </StatCard>
      <StatCard
        label={t('overview.card.income')}
        value={income === null ? '—' : incomeMoney(income)}
        current={income}
        previous={reportedBefore ? previous.averageIncomePerWorker : null}
        formatChange={incomeMoney}
        previousYear={previousYear}
      >
        <Text size="xs" c="dimmed">
          {t('overview.card.reporting', { reporting: formatCount(current.reporting), total: formatCount(current.organizations.total) })}
        </Text>
      </StatCard>
    </SimpleGrid>
  );
}

function ClassificationPanel({ stats }: { stats: YearStatistics }) {
  const { t } = useTranslation();
  const counts = stats.classification;
  // The share is of those classified: an HTX not yet classified is neither good nor bad.
  const classified = counts.good + counts.fair + counts.average + counts.weak;
  const data = classificationKeys
    .map((key) => ({ name: t(`figures.classification.${key}`), value: counts[key], color: `${classificationColors[key]}.6` }))
    .filter((cell) => cell.value > 0);
  const goodOrFair = classified ? Math.round(((counts.good + counts.fair) / classified) * 100) : null;
  if (!stats.figuresReported) {
    // The first few classified of a year would read as most organizations unclassified.
    return (
      <Paper withBorder p="md" radius="md">
        <Text fw={600} mb="sm">
          {t('overview.classification.title', { year: stats.year })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('overview.classification.notReported', { year: stats.year })}
        </Text>
      </Paper>
    );
  }
  return (
    <Paper withBorder p="md" radius="md">
      <Text fw={600} mb="sm">
        {t('overview.classification.title', { year: stats.year })}
      </Text>
      {/* On a window narrower than the office laptop's, the legend goes under the ring rather than
          squeezing its names and counts onto lines of their own. */}
      <Group align="center" gap="lg">
        <DonutChart data={data} size={150} thickness={26} withTooltip valueFormatter={formatCount} chartLabel={goodOrFair === null ? '—' : `${goodOrFair}%`} />
        <Stack gap={4} flex={1} miw={150}>
          {classificationKeys.map((key) => (
            <Group key={key} justify="space-between" gap="xs">
              <Group gap={6}>
                <div style={{ width: 10, height: 10, borderRadius: 2, background: `var(--mantine-color-${classificationColors[key]}-6)` }} />
                <Text size="sm">{t(`figures.classification.${key}`)}</Text>
              </Group>
              <Text size="sm" fw={500}>
                {formatCount(counts[key])}
              </Text>
            </Group>
          ))}
          <Text size="xs" c="dimmed" mt={4}>
            {goodOrFair === null
              ? t('overview.classification.noneClassified')
              : t('overview.classification.goodOrFair', {
                  percent: goodOrFair,
                  good: formatCount(counts.good + counts.fair),
                  classified: formatCount(classified),
                })}
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}

/** The year's comings and goings, a reorganization told apart from a founding and a dissolution. */
const flows = [
  { key: 'founded', color: 'teal.7' },
  { key: 'formedByReorganization', color: 'violet.7' },
  { key: 'endedByReorganization', color: 'violet.7' },
  { key: 'dissolved', color: 'red.7' },
] as const;

function FoundedEnded({ stats }: { stats: YearStatistics }) {
  const { t } = useTranslation();
  const title = t('overview.flow.title', { year: stats.year });
  // One row a flow and one column a kind: four flows' names side by side do not fit a third of the page.
  return (
    <Paper withBorder p="md" radius="md">
      <Text fw={600} mb="sm">
        {title}
      </Text>
      <Table fz="sm" verticalSpacing={4} aria-label={title}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            {organizationKinds.map((kind) => (
              <Table.Th key={kind} ta="right">
                {t(`organization.kindShort.${kind}`)}
              </Table.Th>
            ))}
            <Table.Th ta="right">{t('overview.flow.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {flows.map(({ key, color }) => (
            <Table.Tr key={key}>
              <Table.Td>{t(`overview.flow.${key}`)}</Table.Td>
              {organizationKinds.map((kind) => (
                <Table.Td key={kind} ta="right" c={color}>
                  {formatCount(stats[key][kind])}
                </Table.Td>
              ))}
              <Table.Td ta="right" fw={700}>
                {formatCount(stats[key].total)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt={4}>
        {t('overview.flow.note')}
      </Text>
    </Paper>
  );
}

function SectorChart({ stats }: { stats: YearStatistics }) {
  const { t } = useTranslation();
  const data = stats.bySector.map((sector) => ({ name: sector.name, count: sector.count }));
  return (
    <Paper withBorder p="md" radius="md">
      <Text fw={600} mb="sm">
        {t('overview.sector.title', { year: stats.year })}
      </Text>
      {data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('overview.none')}
        </Text>
      ) : (
        <BarChart
          h={Math.max(160, data.length * 30)}
          data={data}
          dataKey="name"
          orientation="vertical"
          yAxisProps={{ width: 190, interval: 0 }}
          xAxisProps={{ allowDecimals: false }}
          valueFormatter={formatCount}
          withBarValueLabel
          gridAxis="none"
          series={[{ name: 'count', label: t('overview.countLabel'), color: 'teal.6' }]}
        />
      )}
    </Paper>
  );
}

function CommunePanel({ stats }: { stats: YearStatistics }) {
  const { t } = useTranslation();
  const top = stats.byCommune.slice(0, 15).map((commune) => ({ name: commune.name, count: commune.count }));
  return (
    <Paper withBorder p="md" radius="md">
      <Text fw={600} mb="sm">
        {t('overview.commune.title', { year: stats.year, n: Math.min(15, stats.byCommune.length) })}
      </Text>
      {top.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('overview.none')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <BarChart
            h={Math.max(160, top.length * 26)}
            data={top}
            dataKey="name"
            orientation="vertical"
            yAxisProps={{ width: 150, interval: 0 }}
            xAxisProps={{ allowDecimals: false }}
            valueFormatter={formatCount}
            withBarValueLabel
            gridAxis="none"
            series={[{ name: 'count', label: t('overview.countLabel'), color: 'indigo.6' }]}
          />
          <ScrollArea.Autosize mah={Math.max(160, top.length * 26)}>
            <Table fz="sm" verticalSpacing={2} striped aria-label={t('overview.commune.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('overview.commune.commune')}</Table.Th>
                  <Table.Th ta="right">{t('overview.commune.count')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {stats.byCommune.map((commune) => (
                  <Table.Tr key={commune.code}>
                    <Table.Td>{commune.name}</Table.Td>
                    <Table.Td ta="right">{formatCount(commune.count)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </SimpleGrid>
      )}
    </Paper>
  );
}

export function OverviewPage() {
  const { t } = useTranslation();
  const years = useStatisticsYears();
  const reported = useReportedYear();
  const [chosen, setChosen] = useState<number | null>(null);
  const thisYear = new Date().getFullYear();
  // It opens on the newest year whose figures are reported, not on one whose first few are typed.
  const year = years.data && reported.data ? (chosen ?? reported.data.year ?? thisYear - 1) : null;
  const overview = useStatisticsOverview(year);
  // The sections below the figures are asked for right after them, not once the figures are shown:
  // the core answers in turn, the figures first, and each section finds its answer on its way. This
  // effect runs after the query's own, which asks for the figures.
  const queryClient = useQueryClient();
  useEffect(() => {
    if (year !== null) askForOverviewSections(queryClient, year);
  }, [queryClient, year]);
  // The years with figures, and this year: its events and agreements are on the page before anyone
  // reports its figures (the year after).
  const yearOptions = [...new Set([...(years.data ?? []), thisYear, ...(year === null ? [] : [year])])].sort((a, b) => b - a);

  if (years.isError) return <LoadError error={years.error} onRetry={() => void years.refetch()} />;
  if (reported.isError) return <LoadError error={reported.error} onRetry={() => void reported.refetch()} />;
  // A year's figures on their way: those of the year shown, or of a newer one while the page shows
  // the year reported before it.
  const current = overview.data?.current;
  const pending =
    current && !current.figuresReported && current.reporting > 0
      ? { year: current.year, reporting: current.reporting, existing: current.organizations.total }
      : reported.data && year === reported.data.year
        ? reported.data.pending
        : null;

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2}>{t('overview.title')}</Title>
          {year !== null && (
            <Text c="dimmed">{t('overview.subtitle', { year, previous: year - 1 })}</Text>
          )}
          {pending && (
            <Text size="sm" c="orange.8">
              {t('overview.pending', { year: pending.year, reporting: formatCount(pending.reporting), existing: formatCount(pending.existing) })}
            </Text>
          )}
        </Stack>
        <LabelledSelect
          label={t('overview.year')}
          w={120}
          allowDeselect={false}
          data={yearOptions.map(String)}
          value={year === null ? null : String(year)}
          onChange={(value) => value && setChosen(Number(value))}
        />
      </Group>

      {years.data && years.data.length === 0 && (
        <EmptyState icon={<IconChartBar />} title={t('overview.noFiguresTitle')} description={t('overview.noFiguresDescription')}>
          <Group justify="center" gap="sm">
            <Button component="a" href={hrefOf('so-lieu-nam')} variant="light">
              {t('overview.enterFigures')}
            </Button>
            <Button component="a" href={hrefOf('nhap-excel')} variant="default">
              {t('overview.importList')}
            </Button>
          </Group>
        </EmptyState>
      )}

      {overview.isError && <LoadError error={overview.error} onRetry={() => void overview.refetch()} />}
      {!overview.data && !overview.isError && (
        <Center mih={200}>
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      {overview.data && (
        <>
          <AttentionSummary />
          <PlanInForce />
          <Cards current={overview.data.current} previous={overview.data.previous} />
          <SupplyOverview year={overview.data.current.year} />
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <ClassificationPanel stats={overview.data.current} />
            <FoundedEnded stats={overview.data.current} />
            <AttentionList />
          </SimpleGrid>
          <PromotionPanel year={overview.data.current.year} promotion={overview.data.promotion} agreements={overview.data.agreements} />
          <SectorChart stats={overview.data.current} />
          <CommunePanel stats={overview.data.current} />
        </>
      )}
    </Stack>
  );
}
