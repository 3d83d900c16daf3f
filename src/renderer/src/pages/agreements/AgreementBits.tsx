/** What every list of agreements shows the same way: the status badge and the fulfilment bar. */
import { Badge, Group, Progress, Text, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AgreementStatus } from '../../../../shared/domain';
import { formatPercent } from '../../../../shared/format';

export const agreementStatusColors: Record<AgreementStatus, MantineColor> = {
  draft: 'gray',
  signed: 'blue',
  in_progress: 'cyan',
  fulfilled: 'teal',
  expired: 'orange',
  terminated: 'red',
};

export function AgreementStatusBadge({ status, size }: { status: AgreementStatus; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" tt="none" size={size} color={agreementStatusColors[status]}>
      {t(`agreements.status.${status}`)}
    </Badge>
  );
}

/** Tỷ lệ thực hiện as a small bar and its percentage; "no commitments" when there is nothing to fulfil. */
export function FulfilmentBar({ fulfilment, width = 80 }: { fulfilment: number | null; width?: number }) {
  const { t } = useTranslation();
  if (fulfilment === null) {
    return (
      <Text size="xs" c="dimmed">
        {t('agreements.noFulfilment')}
      </Text>
    );
  }
  const percent = formatPercent(fulfilment);
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress
        w={width}
        value={fulfilment}
        color={fulfilment >= 100 ? 'teal' : 'blue'}
        aria-label={t('agreements.fulfilmentLabel', { percent })}
      />
      <Text size="sm">{percent}</Text>
    </Group>
  );
}
