/**
 * Tổng quan: the plan in force as one progress bar per target — the actual as a share of the
 * target's value, coloured by its assessment, beside the share of the period gone.
 */
import { Anchor, Group, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconTargetArrow } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../../../shared/format';
import { formatTargetValue } from '../../../../shared/plans';
import { LoadError } from '../../components/LoadError';
import { usePlanInForce } from '../../queries/plans';
import { planHref } from '../../routing/useHashRoute';
import { statusColors } from '../plans/PlanPage';

export function PlanInForce() {
  const { t } = useTranslation();
  const plan = usePlanInForce();
  if (plan.isError) return <LoadError error={plan.error} onRetry={() => void plan.refetch()} />;
  if (plan.data === undefined) return null;
  const elapsed = plan.data ? formatPercent(Math.round(plan.data.elapsed * 1000) / 10) : '';
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="overview-plan">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <IconTargetArrow size={18} />
          <Text fw={600} id="overview-plan">
            {t('plans.overview.title')}
            {plan.data && `: ${plan.data.title}`}
          </Text>
        </Group>
        {plan.data && (
          <Group gap="md" wrap="nowrap">
            <Text size="sm" c="dimmed">
              {t('plans.page.elapsed', { percent: elapsed })}
            </Text>
            <Anchor href={planHref(plan.data.id)} size="sm">
              {t('plans.overview.open')}
            </Anchor>
          </Group>
        )}
      </Group>
      {plan.data === null ? (
        <Text size="sm" c="dimmed">
          {t('plans.overview.none')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2, lg: 3 }} spacing="md" verticalSpacing="xs">
          {plan.data.targets.map((target) => (
            <Stack key={target.id} gap={2}>
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text size="xs" lineClamp={1} title={target.title}>
                  {target.title}
                </Text>
                <Text size="xs" c={statusColors[target.status]} style={{ whiteSpace: 'nowrap' }}>
                  {target.actual === null ? t(`plans.targetStatus.${target.status}`) : `${formatTargetValue(target.unit, target.unitLabel, target.actual)} / ${formatTargetValue(target.unit, target.unitLabel, target.value)}`}
                </Text>
              </Group>
              <Progress
                value={Math.min(100, target.percentOfTarget ?? 0)}
                color={statusColors[target.status]}
                size="md"
                aria-label={`${target.title}: ${t(`plans.targetStatus.${target.status}`)}`}
              />
            </Stack>
          ))}
        </SimpleGrid>
      )}
    </Paper>
  );
}
