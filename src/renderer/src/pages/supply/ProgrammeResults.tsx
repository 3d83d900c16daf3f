/**
 * Kết quả of a programme (or of every connection, on Tổng quan) over a period: how many
 * connections, who took part, value connected and delivered, and the volumes per product group
 * and unit — each unit apart, never added across units — in tables and a chart per unit, by
 * channel and by commune.
 */
import { BarChart } from '@mantine/charts';
import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProgrammeResults, UnitVolume } from '../../../../shared/contract';
import { formatCount, formatMoney, formatPercent, formatQuantity } from '../../../../shared/format';

function Stat({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
      {detail && (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </Paper>
  );
}

/** "30 tấn · 8.000 quả": quantities of several units side by side, never added. */
export function volumesText(volumes: UnitVolume[], which: 'connected' | 'delivered'): string {
  return volumes.map((volume) => formatQuantity(volume[which], volume.unitName)).join(' · ');
}

function share(volume: { connected: number; delivered: number }): string {
  return volume.connected > 0 ? formatPercent(Math.min(100, (volume.delivered / volume.connected) * 100)) : '—';
}

/** One chart per unit: the product groups' volumes connected and delivered in it. */
function UnitCharts({ results }: { results: ProgrammeResults }) {
  const { t } = useTranslation();
  const units = [...new Set(results.byGroup.map((row) => row.unitCode))];
  return (
    <SimpleGrid cols={{ base: 1, md: Math.min(2, units.length) }}>
      {units.map((unitCode) => {
        const rows = results.byGroup.filter((row) => row.unitCode === unitCode);
        const unitName = rows[0]?.unitName ?? unitCode;
        return (
          <Paper key={unitCode} withBorder p="sm" radius="md" aria-label={t('supply.results.chartOf', { unit: unitName })} component="figure" m={0}>
            <Text fw={600} size="sm" mb="xs">
              {t('supply.results.chartOf', { unit: unitName })}
            </Text>
            <BarChart
              h={220}
              data={rows.map((row) => ({ group: row.productGroupName, connected: row.connected, delivered: row.delivered }))}
              dataKey="group"
              series={[
                { name: 'connected', label: t('supply.results.connected'), color: 'blue.6' },
                { name: 'delivered', label: t('supply.results.delivered'), color: 'teal.6' },
              ]}
              // The unit is in the chart's title; the axis keeps to numbers.
              valueFormatter={(value) => formatQuantity(value, '')}
              withLegend
            />
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}

function VolumeCells({ volumes }: { volumes: UnitVolume[] }) {
  return (
    <>
      <Table.Td ta="right">{volumesText(volumes, 'connected')}</Table.Td>
      <Table.Td ta="right">{volumesText(volumes, 'delivered')}</Table.Td>
    </>
  );
}

export function ResultsView({ results, showCommunes = true }: { results: ProgrammeResults; showCommunes?: boolean }) {
  const { t } = useTranslation();
  if (results.connections === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('supply.results.none')}
      </Text>
    );
  }
  const communes = results.byCommune.slice(0, 20);
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Stat label={t('supply.results.connections')} value={formatCount(results.connections)} detail={t('supply.results.events', { count: results.events })} />
        <Stat
          label={t('supply.results.sellers')}
          value={formatCount(results.sellers.total)}
          detail={t('supply.results.sellersSplit', { htx: results.sellers.htx, tht: results.sellers.tht, other: results.sellers.other })}
        />
        <Stat label={t('supply.results.partners')} value={formatCount(results.partners)} detail={t('supply.results.buyingMembers', { count: results.buyingMembers })} />
        <Stat label={t('supply.results.value')} value={formatMoney(results.connectedValue)} detail={t('supply.results.deliveredValue', { value: formatMoney(results.deliveredValue) })} />
      </SimpleGrid>

      <Table striped withTableBorder aria-label={t('supply.results.totalsTitle')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('supply.unit')}</Table.Th>
            <Table.Th ta="right">{t('supply.results.connected')}</Table.Th>
            <Table.Th ta="right">{t('supply.results.delivered')}</Table.Th>
            <Table.Th ta="right">{t('supply.results.share')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {results.totals.map((total) => (
            <Table.Tr key={total.unitCode}>
              <Table.Td>{total.unitName}</Table.Td>
              <Table.Td ta="right">{formatQuantity(total.connected, total.unitName)}</Table.Td>
              <Table.Td ta="right">{formatQuantity(total.delivered, total.unitName)}</Table.Td>
              <Table.Td ta="right">{share(total)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      <UnitCharts results={results} />

      <Title order={4}>{t('supply.results.byGroup')}</Title>
      <Table.ScrollContainer minWidth={720}>
        <Table striped withTableBorder aria-label={t('supply.results.byGroup')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('supply.productGroup')}</Table.Th>
              <Table.Th ta="right">{t('supply.results.connectionsShort')}</Table.Th>
              <Table.Th ta="right">{t('supply.results.connected')}</Table.Th>
              <Table.Th ta="right">{t('supply.results.delivered')}</Table.Th>
              <Table.Th ta="right">{t('supply.results.valueConnected')}</Table.Th>
              <Table.Th ta="right">{t('supply.results.valueDelivered')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {results.byGroup.map((row) => (
              <Table.Tr key={`${row.productGroupCode}-${row.unitCode}`}>
                <Table.Td>{row.productGroupName}</Table.Td>
                <Table.Td ta="right">{formatCount(row.connections)}</Table.Td>
                <Table.Td ta="right">{formatQuantity(row.connected, row.unitName)}</Table.Td>
                <Table.Td ta="right">{formatQuantity(row.delivered, row.unitName)}</Table.Td>
                <Table.Td ta="right">{formatMoney(row.connectedValue)}</Table.Td>
                <Table.Td ta="right">{formatMoney(row.deliveredValue)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <Title order={4}>{t('supply.results.byChannel')}</Title>
      <Table.ScrollContainer minWidth={720}>
        <Table striped withTableBorder aria-label={t('supply.results.byChannel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('supply.channel')}</Table.Th>
              <Table.Th ta="right">{t('supply.results.connectionsShort')}</Table.Th>
              <Table.Th ta="right">{t('supply.results.connected')}</Table.Th>
              <Table.Th ta="right">{t('supply.results.delivered')}</Table.Th>
              <Table.Th ta="right">{t('supply.results.valueConnected')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {results.byChannel.map((row) => (
              <Table.Tr key={row.channelCode}>
                <Table.Td>{row.channelName}</Table.Td>
                <Table.Td ta="right">{formatCount(row.connections)}</Table.Td>
                <VolumeCells volumes={row.volumes} />
                <Table.Td ta="right">{formatMoney(row.connectedValue)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      {showCommunes && (
        <>
          <Title order={4}>{t('supply.results.byCommune')}</Title>
          <Table.ScrollContainer minWidth={720}>
            <Table striped withTableBorder aria-label={t('supply.results.byCommune')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('supply.results.commune')}</Table.Th>
                  <Table.Th ta="right">{t('supply.results.organizations')}</Table.Th>
                  <Table.Th ta="right">{t('supply.results.connectionsShort')}</Table.Th>
                  <Table.Th ta="right">{t('supply.results.connected')}</Table.Th>
                  <Table.Th ta="right">{t('supply.results.delivered')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {communes.map((row) => (
                  <Table.Tr key={row.communeCode}>
                    <Table.Td>{[row.communeName, row.provinceName].filter(Boolean).join(', ')}</Table.Td>
                    <Table.Td ta="right">{formatCount(row.organizations)}</Table.Td>
                    <Table.Td ta="right">{formatCount(row.connections)}</Table.Td>
                    <VolumeCells volumes={row.volumes} />
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {results.byCommune.length > communes.length && (
            <Text size="xs" c="dimmed">
              {t('supply.results.moreCommunes', { shown: communes.length, total: results.byCommune.length })}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
