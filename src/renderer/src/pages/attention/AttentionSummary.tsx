/** Cần chú ý at a glance on Tổng quan: how many items of each kind, leading to the full list. */
import { Anchor, Badge, Group, Paper, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError';
import { useAttention } from '../../queries/attention';
import { hrefOf } from '../../routing/useHashRoute';

export function AttentionSummary() {
  const { t } = useTranslation();
  const attention = useAttention({});
  if (attention.isError) return <LoadError error={attention.error} onRetry={() => void attention.refetch()} />;
  if (!attention.data) return null;
  const list = attention.data;
  // Each badge says its number with its noun, in the plural form the number takes.
  const counts = (
    [
      { key: 'expiring', n: list.expiringAgreements.length, summary: 'attention.expiring.summary', urgent: true },
      { key: 'overdue', n: list.overdueCommitments.length, summary: 'attention.overdue.summary', urgent: true },
      { key: 'expired', n: list.expiredUnfinished.length, summary: 'attention.expired.summary', urgent: true },
      { key: 'followUp', n: list.withoutFollowUp.length, summary: 'attention.followUp.summary', urgent: false },
      { key: 'events', n: list.upcomingEvents.length, summary: 'attention.events.summary', urgent: false },
      { key: 'certificates', n: list.expiringCertifications.length, summary: 'attention.certificates.summary', urgent: false },
      { key: 'offers', n: list.offersWithoutBuyer.length, summary: 'attention.offers.summary', urgent: false },
      { key: 'demands', n: list.unservedDemands.length, summary: 'attention.demands.summary', urgent: true },
      { key: 'targets', n: list.targetsAtRisk.length, summary: 'plans.attention.summary', urgent: true },
    ] as const
  ).filter((entry) => entry.n > 0);

  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="overview-needs-attention">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="xs">
          <IconAlertTriangle size={18} color={counts.length ? 'var(--mantine-color-orange-6)' : 'var(--mantine-color-teal-6)'} />
          <Text fw={600} id="overview-needs-attention">
            {t('attention.title')}
          </Text>
        </Group>
        {counts.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('attention.nothing')}
          </Text>
        ) : (
          <Group gap="xs">
            {counts.map((entry) => (
              <Badge key={entry.key} variant="light" color={entry.urgent ? 'red' : 'orange'} tt="none" size="lg">
                {t(entry.summary, { count: entry.n })}
              </Badge>
            ))}
          </Group>
        )}
        <Anchor href={hrefOf('can-chu-y')} size="sm">
          {t('attention.seeAll')}
        </Anchor>
      </Group>
    </Paper>
  );
}
