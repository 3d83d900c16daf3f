/**
 * Kết nối cung – cầu on Tổng quan: the connections of the year shown and the volumes connected and delivered,
 * each unit apart (tấn, quả, lít… are never added together), leading to the full picture.
 */
import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatCount, formatQuantity } from '../../../../shared/format';
import { LoadError } from '../../components/LoadError';
import { yearConnections } from '../../queries/overview';
import { useProgrammeResults } from '../../queries/supply';
import { supplyHref } from '../../routing/useHashRoute';
import { formatMoneyIn, moneyUnitFor } from '../organization/figures/numbers';

export function SupplyOverview({ year }: { year: number }) {
  const { t } = useTranslation();
  // The year the page shows, as every other section follows it.
  const results = useProgrammeResults(yearConnections(year));
  if (results.isError) return <LoadError error={results.error} onRetry={() => void results.refetch()} />;
  if (!results.data) return null;
  const { connections, connectedValue, totals } = results.data;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="overview-supply">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4}>
          <Group gap="xs">
            <IconArrowsExchange size={18} />
            <Text fw={600} id="overview-supply">
              {t('supply.overview.title', { year })}
            </Text>
          </Group>
          <Text size="sm" c="dimmed">
            {connections === 0 ? t('supply.overview.none') : t('supply.overview.summary', { count: formatCount(connections), value: formatMoneyIn(connectedValue, moneyUnitFor(connectedValue), t) })}
          </Text>
        </Stack>
        <Anchor href={supplyHref('ket-noi')} size="sm">
          {t('supply.overview.seeAll')}
        </Anchor>
      </Group>
      {totals.length > 0 && (
        <Group gap="xs" mt="sm">
          {totals.map((total) => (
            <Badge key={total.unitCode} variant="light" size="lg" tt="none" fw={500}>
              {t('supply.overview.unit', { connected: formatQuantity(total.connected, total.unitName), delivered: formatQuantity(total.delivered, total.unitName) })}
            </Badge>
          ))}
        </Group>
      )}
    </Paper>
  );
}
