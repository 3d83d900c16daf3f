/** What every list of agreements shows the same way: the status badge and the fulfilment bar. */
import { Badge, Group, Progress, Stack, Text, type MantineColor } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Fulfilment, FulfilmentBasis } from '../../../../shared/agreements';
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

/**
 * How a rate was weighed, with the commitments without a value it left out and how many of those are
 * still owed: "theo giá trị cam kết, 4 cam kết chưa có giá trị không tính (1 còn chưa giao đủ)".
 */
export function basisText(t: TFunction, { basis, unvalued, unvaluedShort }: Omit<Fulfilment, 'percent'>): string {
  const how = t(`agreements.basis.${basis}`);
  if (unvalued === 0) return how;
  return unvaluedShort > 0 ? t('agreements.basisLeftOutShort', { basis: how, count: unvalued, short: unvaluedShort }) : t('agreements.basisLeftOut', { basis: how, count: unvalued });
}

interface FulfilmentBarProps {
  fulfilment: number | null;
  /** What the percentage is weighed by, written under the bar so nobody takes one for the other. */
  basis: FulfilmentBasis | null;
  /** Commitments without a value that a rate by value leaves out, said with the basis. */
  unvalued: number;
  /** Of those, the ones still owed: the bar does not read as done while any is. */
  unvaluedShort: number;
  width?: number;
  /**
   * In a list's narrow column: the basis in a few words, each line unbroken («theo giá trị», «trừ 1
   * cam kết»), the whole sentence in the bar's label and shown on hover. The sentence wrapped to four
   * lines under a 56 px bar at 1366 px.
   */
  compact?: boolean;
  /** What to say when there is nothing to fulfil. */
  empty?: string;
}

/** Tỷ lệ thực hiện as a small bar, its percentage and its basis; "no commitments" when there is nothing to fulfil. */
export function FulfilmentBar({ fulfilment, basis, unvalued, unvaluedShort, width = 80, compact = false, empty }: FulfilmentBarProps) {
  const { t } = useTranslation();
  if (fulfilment === null) {
    return (
      <Text size="xs" c="dimmed">
        {empty ?? t('agreements.noFulfilment')}
      </Text>
    );
  }
  const percent = formatPercent(fulfilment);
  const how = basis ? basisText(t, { basis, unvalued, unvaluedShort }) : '';
  return (
    <Stack gap={0} title={compact ? how : undefined}>
      <Group gap="xs" wrap="nowrap">
        <Progress
          w={width}
          value={fulfilment}
          color={fulfilment >= 100 && unvaluedShort === 0 ? 'teal' : 'blue'}
          aria-label={t('agreements.fulfilmentLabel', { percent, basis: how })}
        />
        <Text size="sm">{percent}</Text>
      </Group>
      {basis && compact && (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {t(`agreements.basisCompact.${basis}`)}
        </Text>
      )}
      {compact && unvalued > 0 && (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {t('agreements.leftOutCompact', { count: unvalued })}
        </Text>
      )}
      {how && !compact && (
        // Wrapped under the bar, never widening it.
        <Text size="xs" c="dimmed" maw={width + 48} style={{ whiteSpace: 'normal' }}>
          {how}
        </Text>
      )}
    </Stack>
  );
}

/** The same for a `Fulfilment` (a party's part, a year's agreements). */
export function FulfilmentOf({ value, width, empty }: { value: Fulfilment | null; width?: number; empty?: string }) {
  return (
    <FulfilmentBar
      fulfilment={value?.percent ?? null}
      basis={value?.basis ?? null}
      unvalued={value?.unvalued ?? 0}
      unvaluedShort={value?.unvaluedShort ?? 0}
      width={width}
      empty={empty}
    />
  );
}
