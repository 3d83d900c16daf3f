/**
 * Tổng quan: the plan in force as one progress bar per target — the actual as a share of the
 * target's value, coloured by its assessment, beside the share of the period gone.
 */
import { Anchor, Group, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconTargetArrow } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatPercent } from '../../../../shared/format';
import { LoadError } from '../../components/LoadError';
import { usePlanInForce } from '../../queries/plans';
import { planHref } from '../../routing/useHashRoute';
import { plannedFigure, statusColors, targetFigure } from '../plans/PlanPage';

export function PlanInForce() {
  const { t } = useTranslation();
  const plan = usePlanInForce();
  if (plan.isError) return <LoadError error={plan.error} onRetry={() => void plan.refetch()} />;
  if (plan.data === undefined) return null;
  const elapsed = plan.data ? formatPercent(Math.round(plan.data.elapsed * 1000) / 10) : '';
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="overview-plan">
      {/* The time gone sits under the plan's long title, as Kết nối cung – cầu's sum sits under its
          own: beside it, the title, the time and the link each broke over lines on a laptop. */}
      <Group justify="space-between" align="flex-start" mb="sm" wrap="nowrap">
        <Stack gap={4}>
          <Group gap="xs" wrap="nowrap">
            <IconTargetArrow size={18} style={{ flexShrink: 0 }} />
            <Text fw={600} id="overview-plan">
              {t('plans.overview.title')}
              {plan.data && `: ${plan.data.title}`}
            </Text>
          </Group>
          {plan.data && (
            <Text size="sm" c="dimmed">
              {t('plans.overview.period', { from: formatDate(plan.data.periodFrom), to: formatDate(plan.data.periodTo), percent: elapsed })}
            </Text>
          )}
        </Stack>
        {plan.data && (
          <Anchor href={planHref(plan.data.id)} size="sm" style={{ whiteSpace: 'nowrap' }}>
            {t('plans.overview.open')}
          </Anchor>
        )}
      </Group>
      {plan.data === null ? (
        <Text size="sm" c="dimmed">
          {t('plans.overview.none')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2, lg: 3 }} spacing="md" verticalSpacing="xs">
          {plan.data.targets.map((target) => {
            const figure = targetFigure(target, t);
            return (
              <Stack key={target.id} gap={2}>
                {/* The name wraps rather than being cut: «Số thành viên…» at 1366 × 768 said which target nowhere. */}
                <Group justify="space-between" align="flex-end" wrap="nowrap" gap="xs">
                  <Text size="xs">{target.title}</Text>
                  <Text size="xs" c={statusColors[target.status]} style={{ whiteSpace: 'nowrap' }}>
                    {target.actual === null ? t(`plans.targetStatus.${target.status}`) : `${figure(target.actual)} / ${plannedFigure(target, t)}`}
                  </Text>
                </Group>
                <Progress
                  value={Math.min(100, target.percentOfTarget ?? 0)}
                  color={statusColors[target.status]}
                  size="md"
                  aria-label={`${target.title}: ${t(`plans.targetStatus.${target.status}`)}`}
                />
              </Stack>
            );
          })}
        </SimpleGrid>
      )}
    </Paper>
  );
}
