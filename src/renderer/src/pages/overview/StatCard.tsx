/** One figure at a glance, with its change from the year before (▲ up, ▼ down). */
import type { ReactNode } from 'react';
import { Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface StatCardProps {
  label: string;
  value: string;
  /** This year's and last year's raw values, for the change; no change shown when either is missing. */
  current: number | null;
  previous: number | null;
  /** How to write the size of the change. */
  formatChange: (change: number) => string;
  previousYear: number;
  children?: ReactNode;
}

export function Change({ current, previous, formatChange, previousYear }: Omit<StatCardProps, 'label' | 'value' | 'children'>) {
  const { t } = useTranslation();
  if (current === null || previous === null) return null;
  const change = current - previous;
  if (change === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('overview.change.same', { year: previousYear })}
      </Text>
    );
  }
  const up = change > 0;
  return (
    <Text size="sm" c={up ? 'teal.7' : 'red.7'} fw={500}>
      {up ? '▲' : '▼'} {t('overview.change.vs', { change: formatChange(Math.abs(change)), year: previousYear })}
    </Text>
  );
}

/**
 * The figure's size by its length: a count large, money in words («4,6 triệu đồng») smaller, so that
 * it stays on one line in a card a fifth of the office laptop's width (1366 px).
 */
function figureSize(value: string): number {
  if (value.length > 13) return 20;
  return value.length > 9 ? 22 : 28;
}

export function StatCard({ label, value, children, ...change }: StatCardProps) {
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap={4}>
        <Text size="sm" c="dimmed" fw={500}>
          {label}
        </Text>
        <Group gap="xs" align="baseline">
          <Text fz={figureSize(value)} fw={700} lh={1.1}>
            {value}
          </Text>
        </Group>
        <Change {...change} />
        {children}
      </Stack>
    </Paper>
  );
}
